from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "chat"

    def ready(self):
        from chat.leaving import ChatData
        from chat.moderation import MessageAdapter
        from community.leaving import register as register_personal_data
        from moderation.adapters import register

        register(MessageAdapter())
        register_personal_data(ChatData())
