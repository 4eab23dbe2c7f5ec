"""Reads for chat pages and sockets: a room's messages, and when a drop-in opens next."""

from datetime import datetime, timedelta

from django.utils import timezone

from chat.models import Message, Room
from moderation.content import Visibility

HISTORY_SIZE = 50
CATCH_UP_LIMIT = 500
# Removals are compared with send times written by other server processes: allow for
# their clocks differing a little.
CLOCK_MARGIN = timedelta(minutes=1)


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


def history(room: Room, *, before: int | None = None, limit: int = HISTORY_SIZE) -> list[dict]:
    """Published messages as frames, oldest first: the last `limit`, or those before an id."""
    return [message_frame(m) for m in latest_messages(room, before=before, limit=limit)]


def catch_up(room: Room, *, after: int, limit: int = CATCH_UP_LIMIT) -> dict:
    """What a screen whose newest message was `after` missed while it was away.

    `messages`: the next `limit` published ones, oldest first, with `more` when others
    follow (the client asks again from the last). `removed`: messages up to `after` taken
    down or held since that one was sent, which the screen may still be showing.
    """
    page = list(room.messages.filter(visibility=Visibility.PUBLISHED, pk__gt=after)
                .select_related("author").order_by("pk")[:limit + 1])
    last_had = (room.messages.filter(pk__lte=after).order_by("-pk")
                .values_list("sent_at", flat=True).first())
    removed = [] if last_had is None else list(
        room.messages.filter(pk__lte=after, moderated_at__gte=last_had - CLOCK_MARGIN)
        .exclude(visibility=Visibility.PUBLISHED).order_by("pk").values_list("pk", flat=True))
    return {"messages": [message_frame(m) for m in page[:limit]], "more": len(page) > limit,
            "removed": removed}


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
