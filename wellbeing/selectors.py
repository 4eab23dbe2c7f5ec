"""Reads for wellbeing pages: whether a check-in is due, and a member's own answers."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from wellbeing.models import CheckIn, Consent
from wellbeing.questions import EVERY_DAYS


class Due:
    INVITE = "invite"  # never asked: the invitation to take part shows
    DUE = "due"  # taking part, and a check-in is due
    WAITING = "waiting"  # taking part, the next one is on `next_on`
    NONE = "none"  # declined or withdrawn: nothing shows


@dataclass(frozen=True)
class CheckinDue:
    state: str
    next_on: date | None = None

    @property
    def is_due(self) -> bool:
        return self.state == Due.DUE


def checkin_due(member, now=None) -> CheckinDue:
    """Two queries at most: the consent, then the member's latest check-in or skip."""
    if not member.is_authenticated:
        return CheckinDue(Due.NONE)
    now = now or timezone.now()
    consent = Consent.objects.filter(member=member).first()
    if consent is None or (consent.given_at is None and consent.declined_at is None
                           and consent.withdrawn_at is None):
        return CheckinDue(Due.INVITE)
    if not consent.is_given:
        return CheckinDue(Due.NONE)
    last = CheckIn.objects.filter(member=member).order_by("-recorded_at").first()
    if last is None:
        return CheckinDue(Due.DUE)
    next_at = last.recorded_at + timedelta(days=EVERY_DAYS)
    if next_at <= now:
        return CheckinDue(Due.DUE)
    return CheckinDue(Due.WAITING, timezone.localtime(next_at).date())


def checkin_history(member) -> list[CheckIn]:
    """The member's answered check-ins, oldest first."""
    return list(CheckIn.objects.filter(member=member, is_skipped=False))


def consent_of(member) -> Consent | None:
    return Consent.objects.filter(member=member).first()
