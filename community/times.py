"""How the site writes times, one way everywhere: "6pm", "9:30am", "3 March 2025, 2:05pm".

Help lines' hours, chat rooms and messages, forum posts and sanctions all read
this way (in UK time), and chat.js writes live messages' times to match.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import date_format

MIDNIGHT = time(0)
MIDDAY = time(12)


def clock(value: time | datetime) -> str:
    """5pm, 9:30am, midnight, midday: how people say times."""
    if isinstance(value, datetime):
        value = _local(value).time()
    value = value.replace(second=0, microsecond=0)
    if value == MIDNIGHT:
        return "midnight"
    if value == MIDDAY:
        return "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def moment(value: datetime) -> str:
    """A day and its time: "3 March 2025, 2:05pm"."""
    local = _local(value)
    return f"{date_format(local, 'j F Y')}, {clock(local.time())}"


def upcoming(value: datetime, now: datetime) -> str:
    """A time in the coming week as people say it: "today at 6pm", "Tuesday at 6pm"."""
    local, today = _local(value), _local(now).date()
    return f"{_day(local.date(), today)} at {clock(local.time())}"


def _day(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    return date_format(day, "l")


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value
