"""Reads for chat pages and sockets: a room's messages, and when a drop-in opens next."""

from datetime import datetime, timedelta

from django.utils import timezone

from chat.models import Message, Room
from moderation.content import Visibility

HISTORY_SIZE = 50
CATCH_UP_LIMIT = 500


def message_frame(message: Message) -> dict:
    """A message as the chat protocol sends it (DESIGN.md, "Chat WebSocket frames")."""
    return {"type": "message", "id": message.pk, "author": message.author.username,
            "text": message.text, "warnings": list(message.content_warnings),
            "note": message.warning_note, "sent_at": message.sent_at.isoformat()}


def latest_messages(room: Room, *, before: int | None = None,
                    limit: int = HISTORY_SIZE) -> list[Message]:
    """The last `limit` published messages (before an id, if given), oldest first."""
    messages = room.messages.filter(visibility=Visibility.PUBLISHED).select_related("author")
    if before is not None:
        messages = messages.filter(pk__lt=before)
    return list(reversed(messages.order_by("-pk")[:limit]))


def history(room: Room, *, before: int | None = None, after: int | None = None,
            limit: int = HISTORY_SIZE) -> list[dict]:
    """Published messages as frames, oldest first: the last `limit`, or before or after an id."""
    if after is not None:
        caught_up = (room.messages.filter(visibility=Visibility.PUBLISHED, pk__gt=after)
                     .select_related("author").order_by("pk")[:CATCH_UP_LIMIT])
        return [message_frame(m) for m in caught_up]
    return [message_frame(m) for m in latest_messages(room, before=before, limit=limit)]


def opens_next(room: Room, now: datetime, *, is_open: bool) -> datetime | None:
    """When a room with drop-in hours opens next, if it is open now but outside them."""
    hours = list(room.hours.all())
    if room.status != Room.Status.OPEN or not hours or is_open:
        return None
    local = timezone.localtime(now)
    starts = []
    for days_ahead in range(8):
        day = (local + timedelta(days=days_ahead)).date()
        for period in hours:
            if period.weekday == day.weekday():
                start = timezone.make_aware(datetime.combine(day, period.opens), local.tzinfo)
                if start > local:
                    starts.append(start)
    return min(starts, default=None)
