from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "chat"

    def ready(self):
        from chat.moderation import MessageAdapter
        from moderation.adapters import register

        register(MessageAdapter())
