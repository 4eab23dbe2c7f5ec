from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "chat"

    def ready(self):
        from chat.models import Message
        from moderation.content import fetch_for_moderators

        fetch_for_moderators(Message, lambda: Message.objects.select_related(
            "author__member", "room"))
