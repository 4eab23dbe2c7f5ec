"""What wellbeing keeps about a member, for their export and for deleting their account
(community.leaving). Leaving the site deletes their answers and consent; requests to talk
stay for the moderators' records (they hold no answers)."""

from community.leaving import PersonalData, Section, when_text
from wellbeing.models import CheckIn, Consent, TalkRequest
from wellbeing.questions import MEASURE_NAMES, Loneliness, Measure


class WellbeingData(PersonalData):
    def export(self, user) -> list[Section]:
        consent = Consent.objects.filter(member=user).first()
        consent_rows = [{
            "Taking part": "yes" if consent.is_given else "no",
            "Version of the words agreed to": str(consent.version or ""),
            "Agreed": when_text(consent.given_at),
            "Said no thanks": when_text(consent.declined_at),
            "Stopped": when_text(consent.withdrawn_at),
        }] if consent else []
        checkins = [
            {"When": when_text(checkin.recorded_at),
             **({"Skipped": "yes"} if checkin.is_skipped else {
                 **{MEASURE_NAMES[Measure(m)]: str(checkin.scores()[m]) for m in Measure.values},
                 "How often you feel lonely": Loneliness(checkin.loneliness).label})}
            for checkin in CheckIn.objects.filter(member=user)]
        talks = [{"When": when_text(request.created_at)}
                 for request in TalkRequest.objects.filter(member=user)]
        return [
            Section("wellbeing_consent", "Your wellbeing check-in choice",
                    "Whether you agreed to take part in wellbeing check-ins.", consent_rows),
            Section("wellbeing_checkins", "Your wellbeing check-ins",
                    "Your answers, 0 to 10 (0 is not at all, 10 is completely).", checkins),
            Section("wellbeing_talk_requests", "When you asked to talk to someone", "", talks),
        ]

    def erase(self, user, *, content: str) -> None:
        CheckIn.objects.filter(member=user).delete()
        Consent.objects.filter(member=user).delete()
