from django.apps import AppConfig


class ModeratableConfig(AppConfig):
    name = "tests.moderatable"
    label = "moderatable"

    def ready(self):
        from moderation.adapters import register
        from tests.moderatable.moderation import NoteAdapter

        register(NoteAdapter())
