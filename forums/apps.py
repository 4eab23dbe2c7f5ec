from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"

    def ready(self):
        from forums.models import Post, Thread
        from forums.selectors import published_post_count
        from moderation.content import fetch_for_moderators
        from moderation.submission import count_toward_standing

        count_toward_standing(published_post_count)

        fetch_for_moderators(Post, lambda: Post.objects.select_related(
            "author__member", "thread__category"))
        fetch_for_moderators(Thread, lambda: Thread.objects.select_related(
            "author__member", "category"))
