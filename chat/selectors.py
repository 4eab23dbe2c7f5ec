"""Reads for chat pages and sockets: a room's messages, and when a drop-in opens next."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from chat.models import Message, Room
from moderation.content import Visibility

HISTORY_SIZE = 50
CATCH_UP_LIMIT = 500
# Removals are compared with send times written by other server processes: allow for
# their clocks differing a little.
CLOCK_MARGIN = timedelta(minutes=1)


def message_frame(message: Message) -> dict:
    """A message as the chat protocol sends it (README, "The chat protocol").

    `held` is only ever true on the writer's own screens: a held message reaches no one else.
    """
    return {"type": "message", "id": message.pk, "author": message.author.username,
            "text": message.text, "warnings": list(message.content_warnings),
            "note": message.warning_note, "sent_at": message.sent_at.isoformat(),
            "client_id": message.client_id, "held": message.visibility == Visibility.HELD}


def _shown_to(viewer) -> Q:
    """Published messages, and the viewer's own that wait for a moderator (for them alone)."""
    shown = Q(visibility=Visibility.PUBLISHED)
    if viewer is not None and viewer.is_authenticated:
        shown |= Q(visibility=Visibility.HELD, author=viewer)
    return shown


@dataclass(frozen=True)
class Page:
    messages: list[Message]  # oldest first
    has_older: bool


def messages_page(room: Room, *, viewer, before: int | None = None,
                  limit: int = HISTORY_SIZE) -> Page:
    """The last `limit` messages the viewer may see (before an id, if given), oldest first."""
    messages = room.messages.filter(_shown_to(viewer)).select_related("author")
    if before is not None:
        messages = messages.filter(pk__lt=before)
    newest_first = list(messages.order_by("-pk")[:limit + 1])
    return Page(list(reversed(newest_first[:limit])), has_older=len(newest_first) > limit)


def history(room: Room, *, viewer, before: int | None = None,
            limit: int = HISTORY_SIZE) -> dict:
    """A history frame's fields: the last `limit` messages, or those before an id, oldest
    first; `older` when there are more before the first."""
    page = messages_page(room, viewer=viewer, before=before, limit=limit)
    return {"messages": [message_frame(m) for m in page.messages], "older": page.has_older}


def catch_up(room: Room, *, viewer, after: int, limit: int = CATCH_UP_LIMIT) -> dict:
    """What a screen whose newest message was `after` missed while it was away.

    `messages`: those up to `after` that a moderator published since that one was sent
    (approved or restored, to go back in their place), then the next `limit` after it,
    oldest first, with `more` when others follow (the client asks again from the last).
    `removed`: messages up to `after` taken down or held since, which the screen may still
    be showing.
    """
    shown = room.messages.filter(_shown_to(viewer)).select_related("author")
    page = list(shown.filter(pk__gt=after).order_by("pk")[:limit + 1])
    last_had = (room.messages.filter(pk__lte=after).order_by("-pk")
                .values_list("sent_at", flat=True).first())
    published, removed = [], []
    if last_had is not None:
        changed = room.messages.filter(pk__lte=after, moderated_at__gte=last_had - CLOCK_MARGIN)
        published = list(changed.filter(visibility=Visibility.PUBLISHED)
                         .select_related("author").order_by("pk")[:limit])
        removed = list(changed.exclude(_shown_to(viewer)).order_by("pk")
                       .values_list("pk", flat=True))
    return {"messages": [message_frame(m) for m in published + page[:limit]],
            "more": len(page) > limit, "removed": removed}


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
