"""Which help resources to show, and whether they are open: read-only, for /help/ and screening."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from urllib.parse import quote

from django.utils import timezone

from community.models import HelpResource, Nation, OpeningHours, Risk, Topic
from community.times import MIDNIGHT, clock

UK_NATIONS = [(value, label) for value, label in Nation.choices if value != Nation.ELSEWHERE]
# A member shown a card after posting should not have to scroll to find a number.
MOST_SHOWN = 5
CRISIS_TOPICS = frozenset({Topic.GENERAL, Topic.SUICIDE})


@dataclass(frozen=True)
class Listing:
    """One resource as the help page shows it at a given moment."""

    resource: HelpResource
    is_open: bool
    hours: str

    @property
    def call_href(self) -> str:
        return tel_href(self.resource.phone)

    @property
    def text_href(self) -> str:
        return sms_href(self.resource.sms_number, self.resource.sms_keyword)


@dataclass(frozen=True)
class HelpPage:
    emergency: list[Listing]
    open_now: list[Listing]
    closed_now: list[Listing]


def tel_href(phone: str) -> str:
    """A tap-to-call link: 116 123 becomes tel:116123; empty when there is no number."""
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}" if digits else ""


def sms_href(number: str, keyword: str = "") -> str:
    """A link that opens the phone's messages app with the keyword already typed."""
    digits = re.sub(r"[^\d+]", "", number)
    if not digits:
        return ""
    return f"sms:{digits}?body={quote(keyword)}" if keyword else f"sms:{digits}"


def listings(resources: Iterable[HelpResource], now: datetime | None = None) -> list[Listing]:
    """Resources as help pages show them: open now or not, and their hours in words."""
    now = now or timezone.now()
    return [Listing(resource, is_open(resource, now), hours_text(resource))
            for resource in resources]


def is_open(resource: HelpResource, now: datetime) -> bool:
    """Whether the resource answers at `now` (an aware datetime), read in UK time."""
    return resource.is_24_7 or within_periods(resource.hours.all(), now)


def within_periods(periods: Iterable, now: datetime) -> bool:
    """Whether `now` falls in any weekly period (weekday, opens, closes), in UK time.

    A period whose closing time is at or before its opening runs past midnight.
    """
    local = timezone.localtime(now)
    today, at = local.weekday(), local.time()
    yesterday = (today - 1) % 7
    for period in periods:
        runs_past_midnight = period.closes <= period.opens
        if period.weekday == today and period.opens <= at and (
            runs_past_midnight or at < period.closes
        ):
            return True
        if period.weekday == yesterday and runs_past_midnight and at < period.closes:
            return True
    return False


def hours_text(resource: HelpResource) -> str:
    """Opening hours in words: "Monday to Friday, 9am to 5pm; Saturday, 10am to 4pm"."""
    if resource.is_24_7:
        return "Open 24 hours, every day"
    return periods_text(resource.hours.all()) or "Opening hours not listed"


def periods_text(periods: Iterable) -> str:
    """Weekly periods (help lines' hours, chat drop-ins) in words: "Every day, 6pm to 10pm"."""
    by_day = [[] for _ in OpeningHours.Weekday]
    for period in sorted(periods, key=lambda period: (period.weekday, period.opens)):
        by_day[period.weekday].append(_period_text(period))
    parts = []
    for periods_of_day, days in groupby(range(7), key=lambda day: by_day[day]):
        days = list(days)
        if periods_of_day:
            parts.append(f"{_days_text(days[0], days[-1])}, {' and '.join(periods_of_day)}")
    return "; ".join(parts)


def help_page_sections(nation: str, now: datetime) -> HelpPage:
    """The /help/ lists: emergency services, then open now, then the rest; two queries."""
    listings = [
        Listing(resource, is_open(resource, now), hours_text(resource))
        for resource in _serving(nation)
    ]
    emergency = [listing for listing in listings if listing.resource.is_emergency]
    if not emergency:
        fallback = _emergency_fallback()
        emergency = [Listing(fallback, True, hours_text(fallback))]
    others = [listing for listing in listings if not listing.resource.is_emergency]
    return HelpPage(
        emergency=emergency,
        open_now=[listing for listing in others if listing.is_open],
        closed_now=[listing for listing in others if not listing.is_open],
    )


def resources_for(
    risk: str, topics: Iterable[str], nation: str, now: datetime
) -> list[HelpResource]:
    """What to show a member right after screening flagged their words; two queries at most."""
    if risk not in (Risk.URGENT, Risk.CONCERN):
        return []
    topics = set(topics)
    resources = _serving(nation)
    emergency = [resource for resource in resources if resource.is_emergency]
    emergency = emergency or [_emergency_fallback()]
    others = [(resource, is_open(resource, now)) for resource in resources
              if not resource.is_emergency]
    if risk == Risk.URGENT:
        relevant = [(resource, open_) for resource, open_ in others
                    if _helps_with(resource, topics | CRISIS_TOPICS)]
        ranked = (
            [resource for resource, open_ in relevant if open_]
            + [resource for resource, open_ in relevant if not open_]
        )
        return (emergency + ranked)[:MOST_SHOWN]
    open_now = [resource for resource, open_ in others if open_]
    ranked = [resource for resource in open_now if _helps_with(resource, topics)] + [
        resource for resource in open_now
        if not _helps_with(resource, topics) and Topic.GENERAL in resource.topics
    ]
    # Emergency services come last for a concern, but are never cut by the limit.
    room = max(MOST_SHOWN - len(emergency), 0)
    return (ranked[:room] + emergency)[:MOST_SHOWN]


def _serving(nation: str) -> list[HelpResource]:
    """Active resources for the nation (all of them when it is unknown or outside the UK)."""
    # JSON list lookups are not portable to SQLite, and the directory is small: filter here.
    resources = (
        HelpResource.objects.filter(is_active=True)
        .prefetch_related("hours")
        .order_by("-is_emergency", "order", "name", "pk")
    )
    uk_nation = nation if nation in dict(UK_NATIONS) else ""
    return [
        resource for resource in resources
        if not uk_nation or not resource.nations or uk_nation in resource.nations
    ]


def _helps_with(resource: HelpResource, topics: set[str]) -> bool:
    return bool(topics.intersection(resource.topics))


def _emergency_fallback() -> HelpResource:
    """999, unsaved: shown when no emergency service is listed, so nobody is left without one."""
    return HelpResource(
        name="Emergency services",
        description="Police, ambulance, fire or coastguard, if a life is in danger now.",
        phone="999",
        is_24_7=True,
        is_emergency=True,
    )


def _period_text(period: OpeningHours) -> str:
    if period.opens == period.closes:
        return "all day" if period.opens == MIDNIGHT else f"24 hours from {clock(period.opens)}"
    return f"{clock(period.opens)} to {clock(period.closes)}"


def _days_text(first: int, last: int) -> str:
    if (first, last) == (0, 6):
        return "Every day"
    names = OpeningHours.Weekday(first).label, OpeningHours.Weekday(last).label
    if first == last:
        return names[0]
    return f"{names[0]} and {names[1]}" if last == first + 1 else f"{names[0]} to {names[1]}"

