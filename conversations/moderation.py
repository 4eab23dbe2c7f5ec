"""How moderation sees and acts on private messages, through conversations.services."""

from conversations import services
from conversations.models import PrivateMessage
from moderation.adapters import ContentAdapter
from moderation.content import Visibility


class PrivateMessageAdapter(ContentAdapter):
    model = PrivateMessage
    kind = "private message"

    def queryset(self):
        return PrivateMessage.objects.select_related(
            "author__member", "conversation__started_by", "conversation__member")

    def text(self, message: PrivateMessage) -> str:
        return message.text  # plain text, never rendered as HTML

    def place(self, message: PrivateMessage) -> str:
        return f"to {self.readers(message)}"

    def readers(self, message: PrivateMessage) -> str:
        return message.conversation.other_than(message.author).username

    def hide(self, message: PrivateMessage, *, by, reason: str) -> None:
        services.message_set_visibility(message=message, visibility=Visibility.HIDDEN, by=by,
                                        reason=reason)

    def restore(self, message: PrivateMessage, *, by) -> None:
        services.message_set_visibility(message=message, visibility=Visibility.PUBLISHED,
                                        by=by)
