from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "conversations"

    def ready(self):
        from conversations.moderation import PrivateMessageAdapter
        from moderation.adapters import register

        register(PrivateMessageAdapter())
