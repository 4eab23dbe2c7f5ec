"""Reads the forum pages need, each in a fixed number of queries whatever the page size."""

from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from community.models import Risk
from community.roles import badge_expression, is_moderator
from community.selectors import blocked_ids
from forums import permissions
from forums.models import Category, Post, Reaction, ReadMark, Subscription, Thread
from moderation.content import Visibility

THREADS_PER_PAGE = 30
POSTS_PER_PAGE = 20


@dataclass(frozen=True)
class ThreadRow:
    thread: Thread
    has_unread: bool

    @property
    def replies(self) -> int:
        return max(self.thread.post_count - 1, 0)


@dataclass(frozen=True)
class Paged:
    page: Page

    @property
    def page_links(self) -> list:
        """Page numbers to link to, with the paginator's ellipsis where a run is left out."""
        return list(self.page.paginator.get_elided_page_range(self.page.number, on_each_side=1,
                                                               on_ends=1))


@dataclass(frozen=True)
class CategoryPage(Paged):
    category: Category
    threads: list[ThreadRow]
    can_start: bool


@dataclass(frozen=True)
class PostRow:
    post: Post
    is_collapsed: bool  # the reader has blocked the writer
    can_edit: bool


@dataclass(frozen=True)
class ThreadPage(Paged):
    thread: Thread
    posts: list[PostRow]
    can_reply: bool

    @property
    def last_number_shown(self) -> int:
        return max((row.post.number for row in self.posts), default=0)


def categories_for(user) -> list[Category]:
    """The categories the user may read, in the administrators' order (one query)."""
    return [c for c in Category.objects.all() if permissions.can_read_category(user, c)]


def category_threads(category: Category, user) -> QuerySet[Thread]:
    """The threads the user may see in the category, pinned first, then the most recently
    active; forums.thread_list pages through them."""
    return (
        _visible(Thread.objects.filter(category=category), user)
        .select_related("author", "last_poster")
        # Held threads have no activity yet: first, so their writer sees them waiting.
        .order_by("-is_pinned", F("last_post_at").desc(nulls_first=True), "-pk")
    )


def category_page(category: Category, user, page: Page) -> CategoryPage:
    """A page of category_threads (its object_list a list) as the page shows it (one query)."""
    marks = _read_marks(user, page.object_list)
    rows = []
    for thread in page.object_list:
        thread.category = category  # so links to threads need no query each
        rows.append(ThreadRow(thread, user.is_authenticated
                              and thread.last_post_number > marks.get(thread.pk, 0)))
    return CategoryPage(page=page, category=category, threads=rows,
                        can_start=permissions.can_start_thread(user, category))


def thread_for_page(user) -> QuerySet:
    """Threads as their page shows them: category, starter and whether the reader follows
    it come in the same query."""
    threads = Thread.objects.select_related("category", "author")
    if not user.is_authenticated:
        return threads
    return threads.annotate(viewer_follows=Exists(
        Subscription.objects.filter(thread=OuterRef("pk"), user=user)))


def thread_page(thread: Thread, user, page_number) -> ThreadPage:
    """One page of posts in order; page_number may be "last"."""
    posts = (_visible(thread.posts.all(), user).select_related("author__member")
             .annotate(author_badge=badge_expression("author")).order_by("number"))
    paginator = Paginator(posts, POSTS_PER_PAGE)
    page = paginator.get_page(paginator.num_pages if page_number == "last" else page_number)
    page.object_list = list(page.object_list)
    rows = []
    for post in page.object_list:
        post.thread = thread  # so nothing rendering a post fetches its thread again
        rows.append(PostRow(post, permissions.hides_author(user, post),
                            permissions.can_edit_post(user, post)))
    return ThreadPage(page=page, thread=thread, posts=rows,
                      can_reply=permissions.can_reply(user, thread))


@dataclass(frozen=True)
class DigestThread:
    """A followed thread with replies the member has not read, for the daily digest."""

    thread: Thread
    replies: int

    @property
    def name(self) -> str:
        """Its title, unless the title may itself be distressing: a digest quotes no such
        words, since an email shows them to whoever opens it, with no warning to fold them."""
        if self.thread.content_warnings or self.thread.opening_risk != Risk.NONE:
            return f"a thread in {self.thread.category.name}"
        return f"“{self.thread.title}”"


def digest_threads(user, since, until) -> list[DigestThread]:
    """Threads the member follows that others (not members they blocked) replied in between
    `since` and `until`, with the replies they have not read yet; newest first (two queries)."""
    read = ReadMark.objects.filter(user=user, thread=OuterRef("thread"),
                                   last_read_number__gte=OuterRef("number"))
    replies = (Post.objects.filter(thread__subscriptions__user=user, number__gt=1,
                                   created_at__gte=since, created_at__lt=until,
                                   visibility=Visibility.PUBLISHED, is_deleted=False,
                                   thread__visibility=Visibility.PUBLISHED)
               .exclude(author=user).exclude(author_id__in=blocked_ids(user))
               .exclude(Exists(read)))
    counts = dict(replies.values_list("thread_id").annotate(Count("pk")))
    opening = Post.objects.filter(thread=OuterRef("pk"), number=1).values("risk")[:1]
    threads = (Thread.objects.filter(pk__in=counts).select_related("category")
               .annotate(opening_risk=Subquery(opening)).order_by("-last_post_at", "-pk"))
    return [DigestThread(thread, counts[thread.pk]) for thread in threads]


def post_url(post: Post, user) -> str:
    """Where a post sits for this reader: its page of the thread and its anchor (one query)."""
    before = _visible(Post.objects.filter(thread_id=post.thread_id, number__lt=post.number), user)
    page_number = before.count() // POSTS_PER_PAGE + 1
    query = f"?page={page_number}" if page_number > 1 else ""
    return f"{post.thread.get_absolute_url()}{query}#post-{post.number}"


def first_unread_post(thread: Thread, user) -> Post | None:
    """The first post after the reader's read mark, or None when they are up to date."""
    last_read = _read_marks(user, [thread]).get(thread.pk, 0)
    return (_visible(thread.posts.filter(number__gt=last_read), user)
            .select_related("thread__category").order_by("number").first())


def _visible(content: QuerySet, user) -> QuerySet:
    """Published content, plus the reader's own held or hidden content; moderators see all."""
    if is_moderator(user):
        return content
    if user.is_authenticated:
        return content.filter(Q(visibility=Visibility.PUBLISHED) | Q(author=user))
    return content.filter(visibility=Visibility.PUBLISHED)


def _read_marks(user, threads: list[Thread]) -> dict[int, int]:
    """How far the reader has read each thread, by thread id (one query)."""
    if not user.is_authenticated or not threads:
        return {}
    marks = ReadMark.objects.filter(user=user, thread_id__in=[thread.pk for thread in threads])
    return dict(marks.values_list("thread_id", "last_read_number"))


@dataclass(frozen=True)
class ViewerReactions:
    given: set[tuple[int, str]]  # (post id, kind) of each reaction the viewer gave
    unseen: Counter  # (post id, kind): how many came from members the viewer blocked


def viewer_reactions(user, post_ids) -> ViewerReactions:
    """The viewer's own reactions among these posts, and those of members they blocked,
    which their counts leave out (one query)."""
    if not user.is_authenticated:
        return ViewerReactions(set(), Counter())
    rows = Reaction.objects.filter(post_id__in=post_ids,
                                   user_id__in={user.pk, *blocked_ids(user)})
    given, unseen = set(), Counter()
    for post_id, kind, user_id in rows.values_list("post_id", "kind", "user_id"):
        if user_id == user.pk:
            given.add((post_id, kind))
        else:
            unseen[post_id, kind] += 1
    return ViewerReactions(given, unseen)


def published_post_count(user) -> int:
    """How many of the member's posts others can see: new members' first few are held."""
    return Post.objects.filter(author=user, visibility=Visibility.PUBLISHED).count()


def move_destinations(thread: Thread) -> list[tuple[str, str]]:
    """Where a moderator can move a thread: every other category, as (slug, name)."""
    return list(Category.objects.exclude(pk=thread.category_id).values_list("slug", "name"))
