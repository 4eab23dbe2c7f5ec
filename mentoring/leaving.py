"""What mentoring keeps about a peer supporter, for their export and for deleting their
account (community.leaving). Supervision notes are for administrators only, so the export
lists the sessions without them."""

from community.leaving import PersonalData, Section
from mentoring.models import PeerSupporter


class MentoringData(PersonalData):
    def export(self, user) -> list[Section]:
        supporter = PeerSupporter.objects.filter(user=user).first()
        if supporter is None:
            return []
        about = [{"Paid or volunteer": supporter.get_kind_display(),
                  "Stepped back": "yes" if supporter.stepped_back_at else "no"}]
        training = [{"Course": record.course, "Completed on": f"{record.completed_on}",
                     "Runs out on": f"{record.expires_on or 'never'}"}
                    for record in supporter.training.all()]
        supervision = [{"Held on": f"{session.held_on}"}
                       for session in supporter.supervision.all()]
        return [
            Section("peer_supporter", "You as a peer supporter", "", about),
            Section("training", "Your peer supporter training", "", training),
            Section("supervision", "Your supervision sessions",
                    "The dates only: supervisors' notes are kept for administrators.",
                    supervision),
        ]

    def erase(self, user, *, content: str) -> None:
        PeerSupporter.objects.filter(user=user).delete()
