"""Writes in chat: sending a message, and what moderators and facilitators do to a room.

A message passes the one submission path (moderation.submission), is stored
and only then broadcast (after commit), so a reload or a catch-up always shows
what was delivered. Refusals raise Refused with a stable code and a plain
message for the sender.
"""

import re
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from chat.delivery import frame_event
from chat.models import Message, Room
from chat.permissions import check_delete, check_join
from chat.selectors import message_frame, room_is_open
from community.models import HelpResource
from community.realtime import member_group, send_event_on_commit
from community.services import content_set_visibility
from community.signposting import sms_href, tel_href
from moderation.content import Visibility
from moderation.models import ModerationAction
from moderation.permissions import check_moderate
from moderation.services import action_record
from moderation.submission import (
    SURFACES,
    Refused,
    check_writer,
    submission_check,
    submission_recorded,
)

MAX_LENGTH = SURFACES["message"].max_length
CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
HIDDEN_NOTICE = {
    Visibility.HELD: "A moderator did not approve your message, so nobody else saw it.",
    Visibility.PUBLISHED: "A moderator removed your message.",
}
# Reports past the administrators' threshold hid it: no moderator has looked yet.
AUTOMATIC_HIDDEN_NOTICE = ("Your message was hidden automatically until a moderator looks at "
                           "it. Nobody else can see it for now.")


@dataclass(frozen=True)
class Sent:
    message: Message
    is_held: bool
    held_reason: str = ""
    signpost: list[HelpResource] = field(default_factory=list)
    is_repeat: bool = False  # sent before with this client_id: stored once, answered again


def message_send(*, author, room: Room, text: str, warnings: Sequence[str] = (),
                 note: str = "", client_id: str = "", now: datetime | None = None) -> Sent:
    """Store and deliver a message; the same `client_id` sent again is answered, not stored."""
    now = now or timezone.now()
    check_join(author, room)
    if client_id and not CLIENT_ID.fullmatch(client_id):
        raise Refused("invalid", "A client_id is 1 to 64 letters, digits, - or _.")
    with _one_send_at_a_time(author, client_id):
        if client_id and (repeat := _already_sent(author, room, client_id)):
            return repeat
        if room.status == Room.Status.CLOSED:
            raise Refused("closed", "This room is closed.", "text")
        if not room_is_open(room, now):
            raise Refused("read_only", "This room is read-only just now.", "text")
        checked = submission_check(author=author, kind="message", text=text,
                                   warnings=warnings, warning_note=note,
                                   scope=room.group_name,
                                   slow_mode_seconds=room.slow_mode_seconds, field="text",
                                   note_field="note")
        try:
            with transaction.atomic():
                message = Message.objects.create(
                    room=room, author=author, text=checked.text, risk=checked.screening.risk,
                    content_warnings=list(checked.warnings), warning_note=checked.warning_note,
                    visibility=Visibility.HELD if checked.is_held else Visibility.PUBLISHED,
                    moderation_reason=checked.held_because, client_id=client_id,
                )
        except IntegrityError:
            # The same message on another connection got in first (a resend racing its original).
            if client_id and (repeat := _already_sent(author, room, client_id)):
                return repeat
            raise
        frame = message_frame(message)
        if checked.is_held:  # for the writer's own screens in this room, and no one else's
            send_event_on_commit(member_group(author.pk),
                                 {"type": "chat.held", "room": room.pk, "message": frame})
        else:
            send_event_on_commit(room.group_name, frame_event(frame))
        resources = submission_recorded(content=message, checked=checked, author=author, now=now)
    return Sent(message, checked.is_held, checked.held_because, resources)


@contextmanager
def _one_send_at_a_time(author, client_id: str):
    """A resend racing its original on another connection waits here until the original
    is stored, so it is answered as a repeat rather than refused as a flood. It needs row
    locks (PostgreSQL); SQLite writes one at a time, and a long transaction there would
    only lock the table."""
    if not client_id or not connection.features.has_select_for_update:
        yield
        return
    with transaction.atomic():
        list(get_user_model().objects.select_for_update().filter(pk=author.pk)
             .values_list("pk"))
        yield


def _already_sent(author, room: Room, client_id: str) -> Sent | None:
    message = Message.objects.filter(author=author, client_id=client_id).first()
    if message is None:
        return None
    if message.room_id != room.pk:
        raise Refused("invalid", "That client_id was used for a message in another room.")
    is_held = message.visibility == Visibility.HELD
    return Sent(message, is_held, message.moderation_reason if is_held else "", is_repeat=True)


def resource_frame(resource) -> dict:
    return {"name": resource.name, "description": resource.description,
            "phone": resource.phone, "call": tel_href(resource.phone),
            "text": sms_href(resource.sms_number, resource.sms_keyword),
            "sms_number": resource.sms_number, "sms_keyword": resource.sms_keyword,
            "url": resource.url, "is_24_7": resource.is_24_7}


def message_delete(*, message: Message, by) -> None:
    """Its writer deletes a message: everyone's screen drops it at once. Like a forum post its
    writer deletes, the row and its words stay for moderators (a report on it still reads)."""
    check_delete(by, message)
    check_writer(by, even_if_muted=True)
    with transaction.atomic():
        message.deleted_at = timezone.now()
        message.save(update_fields=["deleted_at"])
        send_event_on_commit(message.room.group_name, {"type": "chat.removed", "id": message.pk})


def message_set_visibility(*, message: Message, visibility: str, by, reason: str = "") -> None:
    """Hold, hide or publish a message; everyone in the room sees it go, or come back in its
    place, at once, and its writer is told when a moderator takes it down."""
    room = message.room
    with transaction.atomic():
        was = content_set_visibility(content=message, visibility=visibility, by=by,
                                     reason=reason)
        if visibility == was:
            return
        if visibility == Visibility.PUBLISHED:
            send_event_on_commit(room.group_name, frame_event(message_frame(message)))
            return
        send_event_on_commit(room.group_name, {"type": "chat.removed", "id": message.pk})
        if visibility == Visibility.HIDDEN and getattr(by, "pk", None) != message.author_id:
            told = (AUTOMATIC_HIDDEN_NOTICE if by is None
                    else HIDDEN_NOTICE.get(was, HIDDEN_NOTICE[Visibility.PUBLISHED]))
            if reason:
                told += f" The reason: {reason}"
            send_event_on_commit(member_group(message.author_id), {
                "type": "chat.hidden", "room": room.pk, "id": message.pk, "message": told})


def room_set_status(*, room: Room, moderator, status: str) -> None:
    check_moderate(moderator)
    if status not in Room.Status.values:
        raise ValidationError("Choose open, read-only or closed.")
    with transaction.atomic():
        room.status = status
        room.save(update_fields=["status"])
        action_record(actor=moderator, verb=ModerationAction.Verb.ROOM, target=room,
                      reason=f"Now {Room.Status(status).label.lower()}")
        send_event_on_commit(room.group_name, {"type": "chat.room", "status": status})


def room_set_slow_mode(*, room: Room, moderator, seconds: int) -> None:
    check_moderate(moderator)
    if not 0 <= seconds <= 3600:
        raise ValidationError("Slow mode is between 0 and 3600 seconds.")
    with transaction.atomic():
        room.slow_mode_seconds = seconds
        room.save(update_fields=["slow_mode_seconds"])
        action_record(actor=moderator, verb=ModerationAction.Verb.ROOM, target=room,
                      reason=f"Slow mode: {seconds} seconds" if seconds else "Slow mode off")
