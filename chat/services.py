"""Writes in chat: sending a message, and what moderators and facilitators do to a room.

A message passes the one submission path (moderation.submission), is stored
and only then broadcast (after commit), so a reload or a catch-up always shows
what was delivered. Refusals raise Refused with a stable code and a plain
message for the sender.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from chat.delivery import frame_event
from chat.models import Message, Room
from chat.permissions import check_join, check_remove
from chat.selectors import message_frame
from community.models import HelpResource
from community.realtime import send_event_on_commit
from community.services import content_set_visibility
from community.signposting import sms_href, tel_href, within_periods
from moderation.content import Visibility
from moderation.models import ModerationAction
from moderation.permissions import check_moderate
from moderation.services import action_record
from moderation.submission import SURFACES, Refused, submission_check, submission_recorded

MAX_LENGTH = SURFACES["message"].max_length


@dataclass(frozen=True)
class Sent:
    message: Message
    is_held: bool
    held_reason: str = ""
    signpost: list[HelpResource] = field(default_factory=list)


def room_is_open(room: Room, now: datetime | None = None) -> bool:
    """Open for new messages: open status, and inside its drop-in hours if it has any."""
    if room.status != Room.Status.OPEN:
        return False
    hours = list(room.hours.all())
    return not hours or within_periods(hours, now or timezone.now())


def message_send(*, author, room: Room, text: str, warnings: Sequence[str] = (),
                 note: str = "", now: datetime | None = None) -> Sent:
    now = now or timezone.now()
    check_join(author, room)
    if room.status == Room.Status.CLOSED:
        raise Refused("closed", "This room is closed.", "text")
    if not room_is_open(room, now):
        raise Refused("read_only", "This room is read-only just now.", "text")
    checked = submission_check(author=author, kind="message", text=text, warnings=warnings,
                               warning_note=note, scope=room.group_name,
                               slow_mode_seconds=room.slow_mode_seconds, field="text",
                               note_field="note")
    with transaction.atomic():
        message = Message.objects.create(
            room=room, author=author, text=checked.text, risk=checked.screening.risk,
            content_warnings=list(checked.warnings), warning_note=checked.warning_note,
            visibility=Visibility.HELD if checked.is_held else Visibility.PUBLISHED,
            moderation_reason=checked.held_because,
        )
        if not checked.is_held:
            send_event_on_commit(room.group_name, frame_event(message_frame(message)))
        resources = submission_recorded(content=message, checked=checked, author=author, now=now)
    return Sent(message, checked.is_held, checked.held_because, resources)


def resource_frame(resource) -> dict:
    return {"name": resource.name, "description": resource.description,
            "phone": resource.phone, "call": tel_href(resource.phone),
            "text": sms_href(resource.sms_number, resource.sms_keyword),
            "sms_number": resource.sms_number, "sms_keyword": resource.sms_keyword,
            "url": resource.url, "is_24_7": resource.is_24_7}


def message_remove(*, message: Message, moderator, reason: str) -> None:
    """A moderator takes a message down; everyone's screen drops it at once."""
    check_remove(moderator)
    reason = reason.strip() or "Removed by a moderator"
    with transaction.atomic():
        message_set_visibility(message=message, visibility=Visibility.HIDDEN, by=moderator,
                               reason=reason)
        action_record(actor=moderator, verb=ModerationAction.Verb.HIDE, target=message,
                      member=message.author, reason=reason)


def message_set_visibility(*, message: Message, visibility: str, by, reason: str = "") -> None:
    """Hold, hide or publish a message; everyone in the room sees one go at once."""
    with transaction.atomic():
        content_set_visibility(content=message, visibility=visibility, by=by, reason=reason)
        if visibility != Visibility.PUBLISHED:
            send_event_on_commit(message.room.group_name, {"type": "chat.removed",
                                                           "id": message.pk})


def room_set_status(*, room: Room, moderator, status: str) -> None:
    check_moderate(moderator)
    if status not in Room.Status.values:
        raise ValidationError("Choose open, read-only or closed.")
    with transaction.atomic():
        room.status = status
        room.save(update_fields=["status"])
        action_record(actor=moderator, verb=ModerationAction.Verb.ROOM,
                      reason=f"{room.name}: {Room.Status(status).label}")
        send_event_on_commit(room.group_name, {"type": "chat.room", "status": status})


def room_set_slow_mode(*, room: Room, moderator, seconds: int) -> None:
    check_moderate(moderator)
    if not 0 <= seconds <= 3600:
        raise ValidationError("Slow mode is between 0 and 3600 seconds.")
    with transaction.atomic():
        room.slow_mode_seconds = seconds
        room.save(update_fields=["slow_mode_seconds"])
        action_record(actor=moderator, verb=ModerationAction.Verb.ROOM,
                      reason=f"{room.name}: slow mode {seconds} s")
