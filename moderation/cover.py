"""Whether moderators are around: inside duty hours, and someone on duty and active recently.

Members are told plainly when nobody is, and urgent words wait for a moderator
instead of being published to peers who may not cope with them. A moderator
counts when three things hold: they chose to be on duty (the button in every
page's header; on by default), it is within duty hours (none set means
always), and they used the site within the administrators' offline time. Each
moderator's header says which of these keeps them from counting.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from community.signposting import within_periods
from moderation.models import DutyHours, ModerationSettings, ModeratorPresence

# Every page asks; the answer changes slowly, so processes share it for a little while.
SHARED_SECONDS = 30
CACHE_KEY = "moderation:moderators-available"

OUTSIDE_HOURS = "outside duty hours"


@dataclass(frozen=True)
class Duty:
    """One moderator's duty as the site counts it."""

    is_chosen: bool  # they chose to be on duty
    off_because: str = ""  # why the site counts them off duty all the same; "" when it does not

    @property
    def counts(self) -> bool:
        return self.is_chosen and not self.off_because


def moderators_available(now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return _is_duty_time(now) and ModeratorPresence.objects.filter(
        is_on_duty=True, last_seen_at__gte=now - _offline_after()).exists()


def moderators_available_now() -> bool:
    """moderators_available(), shared between processes for SHARED_SECONDS."""
    return cache.get_or_set(CACHE_KEY, moderators_available, SHARED_SECONDS)


def duty_of(moderator, now: datetime | None = None) -> Duty:
    now = now or timezone.now()
    presence = ModeratorPresence.objects.filter(moderator=moderator).first()
    if presence is not None and not presence.is_on_duty:
        return Duty(is_chosen=False)
    if not _is_duty_time(now):
        return Duty(is_chosen=True, off_because=OUTSIDE_HOURS)
    offline_after = _offline_after()
    if presence is None or presence.last_seen_at < now - offline_after:
        minutes = int(offline_after.total_seconds() // 60)
        return Duty(is_chosen=True, off_because=f"not active in the last {minutes} minutes")
    return Duty(is_chosen=True)


def duty_now(moderator) -> Duty:
    """duty_of(), shared between processes for SHARED_SECONDS: every page's header asks."""
    return cache.get_or_set(_duty_key(moderator.pk), lambda: duty_of(moderator), SHARED_SECONDS)


def duty_changed(moderator_id: int) -> None:
    """A moderator went on or off duty: members' banner and their own header are worked out
    afresh, not after SHARED_SECONDS. Called once the change has committed."""
    cache.delete_many([CACHE_KEY, _duty_key(moderator_id)])


def _duty_key(moderator_id: int) -> str:
    return f"moderation:duty:{moderator_id}"


def _is_duty_time(now: datetime) -> bool:
    hours = list(DutyHours.objects.all())
    return not hours or within_periods(hours, now)


def _offline_after() -> timedelta:
    return timedelta(minutes=ModerationSettings.current().offline_after_minutes)
