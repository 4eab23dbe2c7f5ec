"""Who may do what in the forums. Views and templates ask these; services enforce them."""

from community.roles import is_moderator
from community.selectors import blocked_ids, blocker_ids
from forums.models import Category, Post, Thread
from moderation.content import Visibility


def _is_member(user) -> bool:
    return user.is_authenticated and user.is_active


def can_read_category(user, category: Category) -> bool:
    return category.is_public or user.is_authenticated


def can_see_thread(user, thread: Thread) -> bool:
    if not can_read_category(user, thread.category):
        return False
    return (thread.visibility == Visibility.PUBLISHED or is_moderator(user)
            or thread.author_id == user.pk)


def can_see_post(user, post: Post) -> bool:
    return post.visibility == Visibility.PUBLISHED or is_moderator(user) or (
        post.author_id == user.pk
    )


def can_start_thread(user, category: Category) -> bool:
    if not _is_member(user):
        return False
    if category.who_may_start == Category.Starters.STAFF:
        return is_moderator(user)
    if category.who_may_start == Category.Starters.PEER_SUPPORTERS:
        return is_moderator(user) or user.member.is_peer_supporter
    return True


def can_reply(user, thread: Thread) -> bool:
    if not _is_member(user) or not can_see_thread(user, thread):
        return False
    return not thread.is_locked or is_moderator(user)


def can_edit_post(user, post: Post) -> bool:
    return _is_member(user) and post.author_id == user.pk and not post.is_deleted


can_delete_post = can_edit_post


def can_react(user, post: Post) -> bool:
    """Members react to others' published posts, unless the writer has blocked them."""
    if not _is_member(user) or post.author_id == user.pk or post.is_deleted:
        return False
    if post.visibility != Visibility.PUBLISHED:
        return False
    return post.author_id not in blocker_ids(user)


def can_report(user, content) -> bool:
    return _is_member(user) and content.author_id != user.pk


def can_see_history(user) -> bool:
    return is_moderator(user)


def hides_author(user, post: Post) -> bool:
    """Whether the reader has blocked the writer, so the post starts collapsed."""
    return post.author_id in blocked_ids(user)
