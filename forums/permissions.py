"""Who may do what in the forums. Services call the check_* rules; pages ask the can_* forms."""

from django.core.exceptions import PermissionDenied

from community.permissions import can, check_member
from community.roles import is_moderator, is_peer_supporter
from community.selectors import blocked_ids
from forums.models import Category, Post, Thread
from moderation.content import Visibility

NOT_THERE = "This is not there any more."


def check_read_category(user, category: Category) -> None:
    if not (category.is_public or user.is_authenticated):
        raise PermissionDenied("This category is for members. Please log in to read it.")


def check_see_thread(user, thread: Thread) -> None:
    check_read_category(user, thread.category)
    if not (thread.visibility == Visibility.PUBLISHED or is_moderator(user)
            or thread.author_id == user.pk):
        raise PermissionDenied(NOT_THERE)


def check_see_post(user, post: Post) -> None:
    if not (post.visibility == Visibility.PUBLISHED or is_moderator(user)
            or post.author_id == user.pk):
        raise PermissionDenied(NOT_THERE)


def check_start_thread(user, category: Category) -> None:
    check_member(user)
    who = category.who_may_start
    if who == Category.Starters.STAFF and not is_moderator(user) or (
            who == Category.Starters.PEER_SUPPORTERS
            and not (is_moderator(user) or is_peer_supporter(user))):
        raise PermissionDenied(f"New threads in {category.name} are started by "
                               f"{category.get_who_may_start_display().lower()}. "
                               "You can still reply to the threads there.")


def check_reply(user, thread: Thread) -> None:
    check_member(user)
    check_see_thread(user, thread)
    if is_moderator(user):
        return
    if thread.visibility != Visibility.PUBLISHED:
        raise PermissionDenied("This thread is waiting for a moderator or hidden, so it is "
                               "not taking replies.")
    if thread.is_locked:
        raise PermissionDenied("This thread is locked. It is not taking new replies.")


def check_retitle(user, thread: Thread) -> None:
    """The member who started a thread may change its title while it is open; moderators
    change any title through the Moderate menu, where it is audited."""
    check_member(user)
    if thread.author_id != user.pk:
        raise PermissionDenied("Only the member who started this thread can change its title.")
    if is_moderator(user):
        return
    if thread.visibility == Visibility.HIDDEN:
        raise PermissionDenied("This thread is hidden, so its title can't be changed.")
    if thread.is_locked:
        raise PermissionDenied("This thread is locked, so its title can't be changed.")


def check_edit_post(user, post: Post) -> None:
    check_member(user)
    if post.author_id != user.pk or post.is_deleted:
        raise PermissionDenied("You can only change your own posts, and not once they are "
                               "removed.")


def check_delete_post(user, post: Post) -> None:
    check_member(user)
    if post.author_id != user.pk or post.is_deleted:
        raise PermissionDenied("You can only remove your own posts.")


def check_react(user, post: Post) -> None:
    """Members react to others' published posts, except those of members they blocked.

    A member who is blocked reacts as before, so they cannot tell: the writer who blocked
    them neither sees their reactions (forums.selectors.viewer_reactions) nor hears of them.
    """
    check_member(user)
    if post.author_id == user.pk:
        raise PermissionDenied("You can't react to your own post.")
    if post.author_id in blocked_ids(user):
        raise PermissionDenied("You blocked this member, so you can't react to their posts.")
    if post.is_deleted or post.visibility != Visibility.PUBLISHED:
        raise PermissionDenied("You can't react to this post.")


def check_see_history(user, post: Post) -> None:
    """A post's earlier versions: for the member who wrote it, and for moderators."""
    if is_moderator(user) or (user.is_authenticated and post.author_id == user.pk):
        return
    raise PermissionDenied("Only the member who wrote this post and the moderators can see "
                           "its earlier versions.")


can_read_category = can(check_read_category)
can_see_thread = can(check_see_thread)
can_see_post = can(check_see_post)
can_start_thread = can(check_start_thread)
can_reply = can(check_reply)
can_retitle = can(check_retitle)
can_edit_post = can(check_edit_post)
can_delete_post = can(check_delete_post)
can_react = can(check_react)
can_see_history = can(check_see_history)


def hides_author(user, post: Post) -> bool:
    """Whether the reader has blocked the writer, so the post starts collapsed."""
    return post.author_id in blocked_ids(user)
