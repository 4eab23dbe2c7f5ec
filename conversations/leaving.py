"""What private conversations keep about a member, for their export and for deleting their
account (community.leaving). The conversations stay for the other person, as a letter
stays with whoever received it: the leaver's messages show as a former member's."""

from django.db.models import Q
from django.utils import timezone

from community.leaving import PersonalData, Section, when_text
from conversations.models import Conversation
from conversations.selectors import conversation_messages


class ConversationData(PersonalData):
    def export(self, user) -> list[Section]:
        rows = []
        for conversation in (Conversation.objects.filter(Q(started_by=user) | Q(member=user))
                             .select_related("started_by", "member").order_by("started_at")):
            other = conversation.other_than(user).username
            for shown in conversation_messages(conversation, user):
                message = shown.message
                rows.append({
                    "Conversation": f"{conversation.get_kind_display()} with {other}",
                    "Started": when_text(conversation.started_at),
                    "From": "You" if message.author_id == user.pk else other,
                    "Sent": when_text(message.sent_at),
                    "Words": message.text if shown.shows_text else "",
                    "Note": shown.note})
        return [Section("private_conversations", "Check-ins and private conversations",
                        "Your messages and the other person's, as you saw them.", rows)]

    def erase(self, user, *, content: str) -> None:
        # Nobody can write to a former member: their open conversations end.
        (Conversation.objects.filter(Q(started_by=user) | Q(member=user), ended_at=None)
         .update(ended_at=timezone.now(), ended_by=user))
