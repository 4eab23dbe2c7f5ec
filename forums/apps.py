from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"

    def ready(self):
        from community.leaving import register as register_personal_data
        from forums.leaving import ForumData
        from forums.moderation import PostAdapter, ThreadAdapter
        from forums.selectors import published_post_count
        from moderation.adapters import register
        from moderation.submission import count_toward_standing

        register(PostAdapter())
        register(ThreadAdapter())
        count_toward_standing(published_post_count)
        register_personal_data(ForumData())
