"""Writes in chat: sending a message, and what moderators and facilitators do to a room.

A message is screened, stored and only then broadcast (after commit), so a
reload or a catch-up always shows what was delivered. Refusals raise
ChatRefused with a stable code and a plain message for the sender.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from chat.models import Message, Room
from chat.selectors import message_frame
from community.models import ContentWarning, Risk
from community.realtime import send_event_on_commit
from community.roles import is_moderator
from community.services import content_set_visibility
from community.signposting import resources_for, sms_href, tel_href, within_periods
from community.validators import reject_control_characters
from moderation.content import Visibility
from moderation.cover import OFFLINE_HOLD_REASON, moderators_available_now
from moderation.models import ModerationAction, Priority, QueueItem
from moderation.sanctions import explain, silencing_sanction
from moderation.screening import Action, screen
from moderation.services import action_record, flag_content, screening_flag

MAX_LENGTH = 2000
FLOOD_MESSAGES, FLOOD_SECONDS = 5, 10


class ChatRefused(Exception):
    """A message or action refused, with a stable code for clients and words for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass(frozen=True)
class Sent:
    message: Message
    is_held: bool
    held_reason: str = ""
    signpost: list[dict] = field(default_factory=list)


def room_is_open(room: Room, now: datetime | None = None) -> bool:
    """Open for new messages: open status, and inside its drop-in hours if it has any."""
    if room.status != Room.Status.OPEN:
        return False
    hours = list(room.hours.all())
    return not hours or within_periods(hours, now or timezone.now())


def message_send(*, author, room: Room, text: str, warnings: Sequence[str] = (),
                 now: datetime | None = None) -> Sent:
    now = now or timezone.now()
    if not author.is_authenticated or not author.is_active:
        raise PermissionDenied("Log in to chat.")
    sanction = silencing_sanction(author, scope=room.group_name)
    if sanction is not None:
        raise ChatRefused("muted", explain(sanction))
    if room.status == Room.Status.CLOSED:
        raise ChatRefused("closed", "This room is closed.")
    if not room_is_open(room, now):
        raise ChatRefused("read_only", "This room is read-only just now.")
    text = text.strip()
    if not text:
        raise ChatRefused("empty", "Type a message first.")
    if len(text) > MAX_LENGTH:
        raise ChatRefused("too_long", f"Please keep messages under {MAX_LENGTH:,} characters. "
                                      f"This one has {len(text):,}.")
    try:
        reject_control_characters(text)
    except ValidationError:
        raise ChatRefused("invalid", "This has hidden control characters in it.") from None
    warnings = _checked_warnings(warnings)
    staff = is_moderator(author)
    if not staff:
        _check_pace(author, room)
    screening = screen(text, author=author, kind="message")
    if screening.action == Action.BLOCK:
        raise ChatRefused("blocked", screening.message)
    held_reason = ""
    if screening.action == Action.HOLD:
        held_reason = screening.message
    elif screening.risk == Risk.URGENT and not staff and not moderators_available_now():
        held_reason = OFFLINE_HOLD_REASON
    with transaction.atomic():
        message = Message.objects.create(
            room=room, author=author, text=screening.text, risk=screening.risk,
            content_warnings=warnings,
            visibility=Visibility.HELD if held_reason else Visibility.PUBLISHED,
            moderation_reason=held_reason,
        )
        if held_reason:
            flag_content(content=message, source=QueueItem.Source.HELD,
                         priority=Priority.NORMAL, reason=held_reason)
        else:
            send_event_on_commit(room.group_name, {"type": "chat.message",
                                                   "message": message_frame(message)})
        screening_flag(content=message, screening=screening)
    signpost = []
    if screening.risk != Risk.NONE:
        nation = author.member.nation
        signpost = [resource_frame(r) for r in resources_for(screening.risk, screening.topics,
                                                             nation, now)]
    return Sent(message, bool(held_reason), held_reason, signpost)


def resource_frame(resource) -> dict:
    return {"name": resource.name, "description": resource.description,
            "phone": resource.phone, "call": tel_href(resource.phone),
            "text": sms_href(resource.sms_number, resource.sms_keyword),
            "sms_number": resource.sms_number, "sms_keyword": resource.sms_keyword,
            "url": resource.url, "is_24_7": resource.is_24_7}


def message_remove(*, message: Message, moderator, reason: str) -> None:
    """A moderator takes a message down; everyone's screen drops it at once."""
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators remove messages.")
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
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators change rooms.")
    if status not in Room.Status.values:
        raise ValidationError("Choose open, read-only or closed.")
    with transaction.atomic():
        room.status = status
        room.save(update_fields=["status"])
        action_record(actor=moderator, verb=ModerationAction.Verb.ROOM,
                      reason=f"{room.name}: {Room.Status(status).label}")
        send_event_on_commit(room.group_name, {"type": "chat.room", "status": status})


def room_set_slow_mode(*, room: Room, moderator, seconds: int) -> None:
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators change rooms.")
    if not 0 <= seconds <= 3600:
        raise ValidationError("Slow mode is between 0 and 3600 seconds.")
    with transaction.atomic():
        room.slow_mode_seconds = seconds
        room.save(update_fields=["slow_mode_seconds"])
        action_record(actor=moderator, verb=ModerationAction.Verb.ROOM,
                      reason=f"{room.name}: slow mode {seconds} s")


def _checked_warnings(warnings: Sequence[str]) -> list[str]:
    chosen = list(dict.fromkeys(warnings))
    if chosen:
        offered = set(ContentWarning.objects.filter(is_active=True, slug__in=chosen)
                      .values_list("slug", flat=True))
        if set(chosen) - offered:
            raise ChatRefused("invalid", "Choose content warnings from the list.")
    return chosen


def _check_pace(author, room: Room) -> None:
    """A flood limit for everyone, and the room's slow mode. Counted in the shared cache."""
    # The window opens with the first message and closes FLOOD_SECONDS later.
    key = f"chat:flood:{author.pk}"
    cache.add(key, 0, FLOOD_SECONDS)
    if cache.incr(key) > FLOOD_MESSAGES:
        raise ChatRefused("too_fast", "You're sending messages very fast. Please wait a moment.")
    if room.slow_mode_seconds:
        slow_key = f"chat:slow:{room.pk}:{author.pk}"
        if not cache.add(slow_key, 1, room.slow_mode_seconds):
            raise ChatRefused("slow_mode", f"Slow mode is on: one message every "
                                           f"{room.slow_mode_seconds} seconds.")
