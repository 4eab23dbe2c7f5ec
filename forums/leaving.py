"""What the forums keep about a member, for their export and for deleting their account
(community.leaving)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q

from community.leaving import ContentChoice, PersonalData, Section, when_text
from forums.models import (
    NotifiedReaction,
    Post,
    PostRevision,
    Reaction,
    ReadMark,
    Subscription,
    Thread,
    ThreadTitleRevision,
)
from forums.page_cache import threads_changed
from forums.services import categories_recount
from moderation.content import Visibility
from moderation.models import QueueItem


class ForumData(PersonalData):
    def export(self, user) -> list[Section]:
        threads = [{"Title": thread.title, "Category": thread.category.name,
                    "Started": when_text(thread.created_at), "Link": thread.get_absolute_url(),
                    "State": _state(thread),
                    "Earlier titles": "; ".join(r.title for r in thread.title_revisions.all())}
                   for thread in Thread.objects.filter(author=user).select_related("category")
                   .prefetch_related("title_revisions").order_by("created_at")]
        posts = [{"Thread": post.thread.title, "Written": when_text(post.created_at),
                  "Edited": when_text(post.edited_at), "Words": post.body,
                  "Content warnings": ", ".join(post.content_warnings),
                  "Link": post.get_absolute_url(),
                  "State": "Removed by you" if post.is_deleted else _state(post)}
                 for post in Post.objects.filter(author=user).select_related("thread")
                 .order_by("created_at", "pk")]
        reactions = [{"Reaction": reaction.get_kind_display(),
                      "On a post in": reaction.post.thread.title,
                      "Link": reaction.post.get_absolute_url(),
                      "When": when_text(reaction.created_at)}
                     for reaction in Reaction.objects.filter(user=user)
                     .select_related("post__thread").order_by("created_at")]
        following = [{"Thread": follow.thread.title, "Since": when_text(follow.created_at)}
                     for follow in Subscription.objects.filter(user=user).select_related("thread")]
        return [
            Section("forum_threads", "Forum threads you started", "", threads),
            Section("forum_posts", "Your forum posts", "Every post you wrote, with its words.",
                    posts),
            Section("reactions", "Your reactions to posts", "", reactions),
            Section("followed_threads", "Threads you follow", "", following),
        ]

    def erase(self, user, *, content: str) -> None:
        touched = set(Post.objects.filter(author=user).values_list("thread_id", flat=True))
        touched |= set(Post.objects.filter(reactions__user=user).values_list("thread_id",
                                                                             flat=True))
        _reactions_remove(user)
        NotifiedReaction.objects.filter(user=user).delete()
        Subscription.objects.filter(user=user).delete()
        ReadMark.objects.filter(user=user).delete()
        if content == ContentChoice.DELETE:
            _posts_remove(user)
        # Their name is on every page they wrote in: visitors' kept copies are redrawn.
        threads_changed(sorted(touched))


def _reactions_remove(user) -> None:
    """Their reactions go, and each post's counts drop by theirs."""
    given = list(Reaction.objects.filter(user=user).values("post_id", "kind"))
    Reaction.objects.filter(user=user).delete()
    for row in given:
        counter = Reaction.COUNT_FIELDS[row["kind"]]
        Post.objects.filter(pk=row["post_id"]).update(**{counter: F(counter) - 1})


def _posts_remove(user) -> None:
    """Their threads that nobody else wrote in go; their other posts show as removed, as if
    they had removed each themselves. Words a moderator was asked to look at are kept, for
    the moderators only; the rest are wiped with their earlier versions.

    A thread they started that others replied to stays, under its title, so the replies
    still read in place: only its first post is removed.
    """
    post_type, thread_type = (ContentType.objects.get_for_model(model) for model in (Post, Thread))
    watched = QueueItem.objects.filter(content_type=post_type).values("object_id")
    watched_threads = QueueItem.objects.filter(content_type=thread_type).values("object_id")
    alone = (Thread.objects.filter(author=user)
             .annotate(others=Count("posts", filter=~Q(posts__author=user)))
             .filter(others=0).exclude(pk__in=watched_threads)
             .exclude(posts__pk__in=watched))
    gone = list(alone)
    for thread in gone:
        thread.delete()
    categories_recount(sorted({thread.category_id for thread in gone}))
    mine = Post.objects.filter(author=user)
    mine.update(is_deleted=True)
    wiped = mine.exclude(pk__in=watched)
    PostRevision.objects.filter(post__in=wiped).delete()
    ThreadTitleRevision.objects.filter(thread__author=user).exclude(
        thread__pk__in=watched_threads).delete()
    wiped.update(body="", html="", content_warnings=[], warning_note="", risk_topics=[])


def _state(content) -> str:
    if content.visibility == Visibility.PUBLISHED:
        return "Published"
    if content.visibility == Visibility.HELD:
        return "Waiting for a moderator"
    reason = f": {content.moderation_reason}" if content.moderation_reason else ""
    return f"Hidden by a moderator{reason}"

