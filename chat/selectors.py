"""Reads for chat pages and sockets: a room's messages, and whether a member can send now."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from chat.models import Message, Room
from community.roles import badge, badge_expression, is_moderator
from community.signposting import periods_text, within_periods
from community.times import upcoming
from moderation.content import Visibility
from moderation.sanctions import explain, silencing_sanction

HISTORY_SIZE = 50
CATCH_UP_LIMIT = 500
# Removals are compared with send times written by other server processes: allow for
# their clocks differing a little.
CLOCK_MARGIN = timedelta(minutes=1)


def message_frame(message: Message) -> dict:
    """A message as the chat protocol sends it (README, "The chat protocol").

    `held` is only ever true on the writer's own screens: a held message reaches no one else.
    `badge` is the one beside the writer's name ("Moderator", "Administrator", "Peer
    supporter" or ""); lists of messages read it with them (with_badges).
    """
    author_badge = getattr(message, "author_badge", None)
    if author_badge is None:  # one message, sent or published now: its writer looked up
        author_badge = badge(message.author)
    return {"type": "message", "id": message.pk, "author": message.author.username,
            "badge": author_badge, "text": message.text, "warnings": list(message.content_warnings),
            "note": message.warning_note, "sent_at": message.sent_at.isoformat(),
            "client_id": message.client_id, "held": message.visibility == Visibility.HELD}


def with_badges(messages: QuerySet) -> QuerySet:
    """Messages with each writer's badge read in the same query."""
    return messages.annotate(author_badge=badge_expression("author"))


def _shown_to(viewer, *, with_hidden: bool = False) -> Q:
    """Published messages, and the viewer's own that wait for a moderator (for them alone);
    `with_hidden` adds those moderators hid, for moderators to restore. Never those their
    writers deleted."""
    shown = Q(visibility=Visibility.PUBLISHED)
    if with_hidden:
        shown |= Q(visibility=Visibility.HIDDEN)
    if viewer is not None and viewer.is_authenticated:
        shown |= Q(visibility=Visibility.HELD, author=viewer)
    return shown & Q(deleted_at=None)


@dataclass(frozen=True)
class Page:
    messages: list[Message]  # oldest first
    has_older: bool


def messages_page(room: Room, *, viewer, before: int | None = None,
                  limit: int = HISTORY_SIZE, with_hidden: bool = False) -> Page:
    """The last `limit` messages the viewer may see (before an id, if given), oldest first."""
    messages = with_badges(room.messages.filter(_shown_to(viewer, with_hidden=with_hidden))
                           .select_related("author"))
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
    `removed`: messages up to `after` taken down, held or deleted since, which the screen
    may still be showing.
    """
    shown = with_badges(room.messages.filter(_shown_to(viewer)).select_related("author"))
    page = list(shown.filter(pk__gt=after).order_by("pk")[:limit + 1])
    last_had = (room.messages.filter(pk__lte=after).order_by("-pk")
                .values_list("sent_at", flat=True).first())
    published, removed = [], []
    if last_had is not None:
        since = last_had - CLOCK_MARGIN
        earlier = room.messages.filter(pk__lte=after)
        published = list(shown.filter(pk__lte=after, moderated_at__gte=since)
                         .order_by("pk")[:limit])
        removed = list(earlier.filter(Q(moderated_at__gte=since) & ~_shown_to(viewer)
                                      | Q(deleted_at__gte=since))
                       .order_by("pk").values_list("pk", flat=True))
    return {"messages": [message_frame(m) for m in published + page[:limit]],
            "more": len(page) > limit, "removed": removed}


def room_is_open(room: Room, now: datetime | None = None) -> bool:
    """Open for new messages: open status, and inside its drop-in hours if it has any."""
    if room.status != Room.Status.OPEN:
        return False
    hours = list(room.hours.all())
    return not hours or within_periods(hours, now or timezone.now())


@dataclass(frozen=True)
class RoomState:
    """What a room's page and the room list say about sending, in the site's words."""

    is_open: bool  # open for messages now
    status: str  # "The room is open.", "The room is closed."...
    hours: str  # its drop-in hours, "Every day, 6pm to 10pm", or ""
    slow_mode: str  # "Slow mode: one message every 30 seconds.", or ""
    cannot_send: str  # why this member can't send just now, or ""

    @property
    def can_send(self) -> bool:
        return not self.cannot_send


def room_state(room: Room, member=None, now: datetime | None = None) -> RoomState:
    """The room as it stands for `member` (anyone, if None); reads the room's prefetched hours
    and, for a member, one query for a mute."""
    now = now or timezone.now()
    is_open = room_is_open(room, now)
    opens = opens_next(room, now, is_open=is_open)
    if room.status == Room.Status.CLOSED:
        status, cannot_send = "The room is closed.", "You can't send messages: the room is closed."
    elif room.status == Room.Status.READ_ONLY:
        status = "The room is read-only just now: you can read, but not send messages."
        cannot_send = "You can't send messages just now: the room is read-only."
    elif opens is not None:
        when = upcoming(opens, now)
        status = f"The room is closed now. It opens {when}."
        cannot_send = f"You can't send messages until the room opens {when}."
    elif not is_open:  # drop-in hours that never start: none this week
        status = cannot_send = "The room is closed now."
    else:
        status, cannot_send = "The room is open.", ""
    if is_open and member is not None and member.is_authenticated:
        mute = silencing_sanction(member, scope=room.group_name, now=now)
        cannot_send = explain(mute) if mute is not None else ""
    seconds = room.slow_mode_seconds
    slows_member = member is None or not (member.is_authenticated and is_moderator(member))
    return RoomState(
        is_open=is_open, status=status, hours=periods_text(room.hours.all()),
        slow_mode=f"Slow mode: one message every {seconds} seconds."
        if is_open and seconds and slows_member else "",
        cannot_send=cannot_send,
    )


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
