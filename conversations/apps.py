from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "conversations"

    def ready(self):
        from community.leaving import register as register_personal_data
        from conversations.leaving import ConversationData
        from conversations.moderation import PrivateMessageAdapter
        from moderation.adapters import register

        register(PrivateMessageAdapter())
        register_personal_data(ConversationData())
