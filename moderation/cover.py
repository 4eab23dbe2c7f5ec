"""Whether moderators are around: inside duty hours and someone active recently.

Members are told plainly when nobody is, and urgent words wait for a
moderator instead of being published to peers who may not cope with them.
"""

from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from community.signposting import within_periods
from moderation.models import DutyHours, ModerationSettings, ModeratorPresence

# Every page asks; the answer changes slowly, so processes share it for a little while.
SHARED_SECONDS = 30
CACHE_KEY = "moderation:moderators-available"

def moderators_available(now: datetime | None = None) -> bool:
    now = now or timezone.now()
    hours = list(DutyHours.objects.all())
    if hours and not within_periods(hours, now):
        return False
    window = timedelta(minutes=ModerationSettings.current().offline_after_minutes)
    return ModeratorPresence.objects.filter(last_seen_at__gte=now - window).exists()


def moderators_available_now() -> bool:
    """moderators_available(), shared between processes for SHARED_SECONDS."""
    return cache.get_or_set(CACHE_KEY, moderators_available, SHARED_SECONDS)
