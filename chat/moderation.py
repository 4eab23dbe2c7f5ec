"""How moderation sees and acts on chat messages, through chat.services."""

from chat import services
from chat.models import Message
from moderation.adapters import ContentAdapter
from moderation.content import Visibility


class MessageAdapter(ContentAdapter):
    model = Message
    kind = "chat message"

    def queryset(self):
        return Message.objects.select_related("author__member", "room")

    def text(self, message: Message) -> str:
        return message.text  # plain text, never rendered as HTML

    def place(self, message: Message) -> str:
        return f"in {message.room.name}"

    def is_visible(self, message: Message) -> bool:
        return super().is_visible(message) and message.deleted_at is None

    def hide(self, message: Message, *, by, reason: str) -> None:
        services.message_set_visibility(message=message, visibility=Visibility.HIDDEN, by=by,
                                        reason=reason)

    def restore(self, message: Message, *, by) -> None:
        services.message_set_visibility(message=message, visibility=Visibility.PUBLISHED, by=by)
