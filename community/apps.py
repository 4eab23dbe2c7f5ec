from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Community"

    def ready(self):
        from community.content import register
        from community.moderation import ProfileAdapter

        register(ProfileAdapter())
