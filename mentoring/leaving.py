"""What mentoring keeps about a member or peer supporter, for their export and for
deleting their account (community.leaving). Supervision notes are for administrators
only, so the export lists the sessions without them."""

from django.utils import timezone

from community.leaving import PersonalData, Section
from mentoring.models import (
    CASELOAD_STATUSES,
    Mentoring,
    MentorOffer,
    MentorRequest,
    PeerSupporter,
)
from mentoring.services import LEFT_THE_SITE, mentees_offered_someone_else


class MentoringData(PersonalData):
    def export(self, user) -> list[Section]:
        return self._asking(user) + self._supporting(user)

    def _asking(self, user) -> list[Section]:
        requests = [{"Asked on": f"{request.created_at:%Y-%m-%d}",
                     "Topics": ", ".join(request.topic_labels()),
                     "What you would like support with": request.support_with,
                     "Preferred times": ", ".join(request.time_labels()),
                     "Nation": request.get_nation_display(),
                     "What you do not want": request.not_wanted,
                     "Status": request.get_status_display()}
                    for request in MentorRequest.objects.filter(member=user)]
        offers = [{"Offered on": f"{offer.created_at:%Y-%m-%d}",
                   "About my experience": offer.about, "Status": offer.get_status_display()}
                  for offer in MentorOffer.objects.filter(supporter=user)]
        sections = []
        if requests:
            sections.append(Section("mentor_requests", "Your requests for a peer mentor", "",
                                    requests))
        if offers:
            sections.append(Section("mentor_offers", "Your offers to mentor", "", offers))
        return sections

    def _supporting(self, user) -> list[Section]:
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
        Mentoring.objects.filter(status__in=CASELOAD_STATUSES).filter(
            mentee=user).update(status=Mentoring.Status.ENDED, ended_at=timezone.now(),
                                end_reason="The mentee left the site")
        if supporter := PeerSupporter.objects.filter(user=user).first():
            mentees_offered_someone_else(supporter=supporter, why=LEFT_THE_SITE)
        MentorRequest.objects.filter(member=user).delete()
        MentorOffer.objects.filter(supporter=user).delete()
        PeerSupporter.objects.filter(user=user).delete()
