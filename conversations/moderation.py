"""How moderation sees and acts on private messages, through conversations.services."""

from conversations import services
from conversations.models import PrivateMessage
from moderation.adapters import ContentAdapter
from moderation.content import Visibility


class PrivateMessageAdapter(ContentAdapter):
    model = PrivateMessage
    kind = "private message"

    def queryset(self):
        return PrivateMessage.objects.select_related("author__member", "conversation")

    def text(self, message: PrivateMessage) -> str:
        return message.text  # plain text, never rendered as HTML

    def hide(self, message: PrivateMessage, *, by, reason: str) -> None:
        services.message_set_visibility(message=message, visibility=Visibility.HIDDEN, by=by,
                                        reason=reason)

    def restore(self, message: PrivateMessage, *, by) -> None:
        services.message_set_visibility(message=message, visibility=Visibility.PUBLISHED,
                                        by=by)
