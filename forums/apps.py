from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"

    def ready(self):
        from forums.moderation import PostAdapter, ThreadAdapter
        from moderation.adapters import register

        register(PostAdapter())
        register(ThreadAdapter())
