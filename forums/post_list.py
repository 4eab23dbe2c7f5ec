"""A thread page's posts as HTML, each post rendered once per version and kept in the cache.

Rendering twenty posts through templates was most of a member's thread page. Now each
post's fragment (forums/includes/post_fragment.html) is kept under a key made of
everything it shows: every field of the post row the page has just read, its writer's
name and badge (Peer supporter, Moderator or Administrator, read with the post), and the
viewer's variant of it (signed in or not, their own post or not,
whether they may react, which reactions they gave and how many came from members
they blocked, whether they see the edit history, how their warning choices fold it).
The key comes from the rows read in the same request, so an edit, a hide, a restore or
a reaction makes a new key at once: there is nothing to invalidate and no stale post to
serve.

What is personal and must never be shared stays out of the cache: the CSRF token and
the page's own address go in as placeholders, replaced per request; the fold around a
blocked member's post and the moderators' Moderate menu are put around the fragment
per viewer.
"""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from community.roles import is_moderator
from community.warnings import reader_warnings
from forums import fragments, permissions
from forums.models import Post, Reaction
from forums.selectors import ThreadPage
from forums.templatetags.responses import reactions_seen
from moderation.templatetags.moderation_menu import moderation_menu

FRAGMENT_TEMPLATE = "forums/includes/post_fragment.html"
TEMPLATES = (FRAGMENT_TEMPLATE, "forums/includes/post_actions.html", "includes/badge.html",
             "forums/includes/when.html", "includes/content_warning.html")
MENU_TEMPLATE = "moderation/includes/menu.html"
# Plain letters, so escaping leaves them as they are.
CSRF_PLACEHOLDER = "csrfplaceholder7b1e0c"
PATH_PLACEHOLDER = "pathplaceholder7b1e0c"


class _FragmentRequest:
    """What the fragment's template tags may know of the request: the viewer, and the
    page's address as a placeholder, so one fragment serves every page it appears on."""

    def __init__(self, user):
        self.user = user

    @staticmethod
    def get_full_path() -> str:
        return PATH_PLACEHOLDER


def render_posts(request, listing: ThreadPage) -> SafeString:
    """The <li> of each post on the page, in order."""
    user = request.user
    stand_in = _FragmentRequest(user)

    def render(row) -> str:
        return render_to_string(FRAGMENT_TEMPLATE, {
            "post": row.post, "row": row, "user": user, "request": stand_in,
            "csrf_token": CSRF_PLACEHOLDER})

    rendered = fragments.fragments(
        listing.posts, [_fragment_key(request, row) for row in listing.posts], render)
    page = "".join(_post_item(request, row, fragment)
                   for row, fragment in zip(listing.posts, rendered, strict=True))
    if CSRF_PLACEHOLDER in page:
        page = page.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(page.replace(PATH_PLACEHOLDER, escape(request.get_full_path())))


def _post_item(request, row, fragment: str) -> str:
    post = row.post
    modifier = f" post--{post.visibility}" if post.visibility != "published" else ""
    opened = format_html(
        '<li><article class="post{}" id="post-{}" aria-labelledby="post-{}-by">',
        modifier, post.number, post.number)
    fold, unfold = "", ""
    if row.is_collapsed:
        fold = ('<details class="post__blocked"><summary>You blocked this member. '
                '<span class="content-warning__show">Show</span></summary>')
        unfold = "</details>"
    return f"{opened}{fold}{fragment}{_menu(request, post)}{unfold}</article></li>"


def _menu(request, post: Post) -> str:
    """The Moderate menu, rendered per moderator and never cached: it carries a CSRF token."""
    if not is_moderator(request.user):
        return ""
    context = moderation_menu({"request": request, "csrf_token": get_token(request)}, post)
    return render_to_string(MENU_TEMPLATE, context)


def _fragment_key(request, row) -> str:
    post, user = row.post, request.user
    can_react = permissions.can_react(user, post)
    seen = reactions_seen(request, post, can_react=can_react)
    reader = reader_warnings(request)
    warnings = reader.applying(post.content_warnings)
    parts = (
        fragments.templates_version(TEMPLATES),
        [getattr(post, field.attname) for field in Post._meta.concrete_fields],
        post.author.username, getattr(post, "author_badge", ""),
        # The viewer's variant: what post_fragment.html asks of the viewer.
        user.is_authenticated, post.author_id == user.pk, row.can_edit, can_react,
        [kind for kind in Reaction.COUNT_FIELDS if (post.pk, kind) in seen.given],
        [seen.unseen[post.pk, kind] for kind in Reaction.COUNT_FIELDS],
        permissions.can_see_history(user, post),
        [warning.name for warning in warnings],
        warnings and reader.choice_for(warnings),
    )
    return fragments.key(f"forums:post:{post.pk}", parts)
