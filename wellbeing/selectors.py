"""Reads for wellbeing pages: whether a check-in is due, a member's own answers, and the
organisation's outcome figures."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

from community.models import Nation
from wellbeing import outcomes
from wellbeing.models import CheckIn, Consent
from wellbeing.outcomes import EVERYONE, NOT_KNOWN, OutcomeReport, OutcomeRow
from wellbeing.questions import EVERY_DAYS, Measure


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


class OutcomeGroups(models.TextChoices):
    """How the outcome report splits people into groups."""

    EVERYONE = "everyone", "Everyone"
    MONTH_JOINED = "month_joined", "Month joined"
    NATION = "nation", "Nation"


OUTCOME_FIELDS = [*Measure.values, "loneliness"]


def outcome_rows(by: str = OutcomeGroups.EVERYONE) -> tuple[list[OutcomeRow], list[str]]:
    """Each person's first and latest answered check-in, with their group read from the
    member now: one query whatever the number of members. A member and an anonymised
    series are each one person; an anonymised series has no member, so its group is
    "Not known". People with one answered check-in are left out. Also returns the groups'
    order (months in time order, nations in the usual order)."""
    answered = (CheckIn.objects.filter(is_skipped=False)
                .filter(Q(member__isnull=False) | Q(series__isnull=False))
                .order_by("recorded_at", "pk")
                .values("member_id", "series", "member__member__nation",
                        "member__member__joined_at", *OUTCOME_FIELDS))
    first: dict = {}
    latest: dict = {}
    cohort_of: dict = {}
    for checkin in answered.iterator(chunk_size=2000):
        key = ("member", checkin["member_id"]) if checkin["member_id"] else \
            ("series", checkin["series"])
        answers = {name: checkin[name] for name in OUTCOME_FIELDS}
        if key in first:
            latest[key] = answers
        else:
            first[key] = answers
            cohort_of[key] = _cohort(by, checkin)
    rows = [OutcomeRow(key, cohort_of[key], first[key], latest[key]) for key in latest]
    if by == OutcomeGroups.NATION:
        order = [label for _, label in Nation.choices]
    else:
        order = sorted({row.cohort for row in rows}, key=_month_order)
    return rows, order


def _cohort(by: str, checkin: dict) -> str:
    if by == OutcomeGroups.EVERYONE:
        return EVERYONE
    if checkin["member_id"] is None:
        return NOT_KNOWN
    if by == OutcomeGroups.NATION:
        nation = checkin["member__member__nation"]
        return Nation(nation).label if nation else NOT_KNOWN
    joined = checkin["member__member__joined_at"]
    return timezone.localtime(joined).strftime("%B %Y") if joined else NOT_KNOWN


def _month_order(label: str):
    try:
        return datetime.strptime(label, "%B %Y")
    except ValueError:
        return datetime.max


def outcome_report(by: str = OutcomeGroups.EVERYONE) -> OutcomeReport:
    """Outcome figures for everyone and, unless `by` is EVERYONE, for each group; small
    groups are hidden (wellbeing.outcomes). One query."""
    rows, order = outcome_rows(by)
    return outcomes.outcome_report(rows, order=order)
