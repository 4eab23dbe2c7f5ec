"""What the buttons under each post and thread need: reactions, report, follow, edit history.
Moderators' actions are in the Moderate menu (moderation.templatetags.moderation_menu).

The thread page includes the post actions once per post, so the reactions the
viewer gave are read once per thread and request, never once per post.
"""

from collections import Counter
from dataclasses import dataclass

from django import template

from community.request_cache import remembered
from community.selectors import blocked_ids
from forums import permissions
from forums.models import Post, Reaction, Subscription, Thread
from forums.selectors import ViewerReactions, viewer_reactions

register = template.Library()
NOTHING_SEEN = ViewerReactions(given=set(), unseen=Counter())


@dataclass(frozen=True)
class ReactionCount:
    kind: str
    label: str
    count: int
    is_given: bool


@dataclass(frozen=True)
class PostResponses:
    reactions: list[ReactionCount]
    can_react: bool
    can_report: bool
    can_see_history: bool

    @property
    def has_reactions(self) -> bool:
        return any(reaction.count for reaction in self.reactions)


@dataclass(frozen=True)
class ThreadResponses:
    can_follow: bool
    is_following: bool
    can_report: bool
    can_retitle: bool


@register.simple_tag(takes_context=True)
def post_responses(context, post: Post) -> PostResponses:
    request = context["request"]
    user = request.user
    can_react = permissions.can_react(user, post)
    seen = reactions_seen(request, post, can_react=can_react)
    return PostResponses(
        reactions=[
            ReactionCount(kind, label,
                          getattr(post, Reaction.COUNT_FIELDS[kind]) - seen.unseen[post.pk, kind],
                          can_react and (post.pk, kind) in seen.given)
            for kind, label in Reaction.Kind.choices
        ],
        can_react=can_react,
        # Visitors see the link too: it takes them to log in first.
        can_report=post.author_id != user.pk and not post.is_deleted,
        can_see_history=bool(post.edited_at) and permissions.can_see_history(user, post),
    )


@register.simple_tag(takes_context=True)
def thread_responses(context, thread: Thread) -> ThreadResponses:
    user = context["request"].user
    can_follow = user.is_authenticated
    # The thread page reads it with the thread (selectors.thread_for_page).
    follows = getattr(thread, "viewer_follows", None)
    if can_follow and follows is None:
        follows = Subscription.objects.filter(user=user, thread=thread).exists()
    return ThreadResponses(
        can_follow=can_follow,
        is_following=can_follow and follows,
        can_report=thread.author_id != user.pk,
        can_retitle=permissions.can_retitle(user, thread),
    )


def reactions_seen(request, post: Post, *, can_react: bool) -> ViewerReactions:
    """The viewer's own reactions in the post's thread, and those of members they blocked,
    read once per thread and request, and only when there is something to find."""
    if not (can_react or blocked_ids(request.user)):
        return NOTHING_SEEN
    return remembered(("viewer-reactions", request.user.pk, post.thread_id), lambda: (
        viewer_reactions(request.user, Post.objects.filter(thread_id=post.thread_id)
                         .values_list("pk", flat=True))))
