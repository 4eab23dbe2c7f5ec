"""What chat keeps about a member, for their export and for deleting their account
(community.leaving)."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from chat.models import Message
from community.leaving import ContentChoice, PersonalData, Section, when_text
from community.realtime import send_event_on_commit
from moderation.content import Visibility
from moderation.models import ModerationAction, QueueItem


class ChatData(PersonalData):
    def export(self, user) -> list[Section]:
        messages = [{"Room": message.room.name, "Sent": when_text(message.sent_at),
                     "Words": message.text,
                     "Content warnings": ", ".join(message.content_warnings),
                     "State": _state(message)}
                    for message in Message.objects.filter(author=user).select_related("room")]
        return [Section("chat_messages", "Your chat messages", "", messages)]

    def erase(self, user, *, content: str) -> None:
        user.facilitated_rooms.clear()
        if content != ContentChoice.DELETE:
            return
        mine = Message.objects.filter(author=user)
        kind = ContentType.objects.get_for_model(Message)
        watched = {*QueueItem.objects.filter(content_type=kind).values_list("object_id", flat=True),
                   *ModerationAction.objects.filter(content_type=kind)
                   .values_list("object_id", flat=True)}
        # Everyone's screen drops the ones still shown.
        for message in mine.shown().select_related("room"):
            send_event_on_commit(message.room.group_name, {"type": "chat.removed",
                                                           "id": message.pk})
        # Words a moderator was asked to look at stay for the moderators, as when a member
        # deletes one message; the rest go.
        mine.filter(pk__in=watched, deleted_at=None).update(deleted_at=timezone.now())
        mine.exclude(pk__in=watched).delete()


def _state(message) -> str:
    if message.deleted_at:
        return "Deleted by you"
    if message.visibility == Visibility.PUBLISHED:
        return "Shown"
    if message.visibility == Visibility.HELD:
        return "Waiting for a moderator"
    reason = f": {message.moderation_reason}" if message.moderation_reason else ""
    return f"Hidden by a moderator{reason}"
