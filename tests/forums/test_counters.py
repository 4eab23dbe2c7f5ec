"""Forum counts: what each one counts, and a recount from the rows after every step members
and moderators take.

A post counts while other members can read its place in the thread: published (a post its
author removed still counts: it stays as a "removed by its author" row). A category counts
its published threads and the posts counted in them.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from community.models import SiteSettings
from forums import permissions
from forums.models import Category, Post, Thread
from forums.services import post_create, post_delete, thread_create
from moderation import services as moderation
from moderation.content import Visibility
from moderation.models import Priority, QueueItem
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db

PUBLISHED = Visibility.PUBLISHED
WRITERS = ["newcomer", "regular", "moderator"]


def start(author, category) -> Thread:
    return thread_create(author=author, category=category, title="Finding my feet",
                         body="Hello everyone, I'm finding my feet here.").post.thread


def hide(content, moderator) -> None:
    """The moderator's path: the content's queue item, then hide."""
    item = moderation.flag_content(content=content, source=QueueItem.Source.REPORT,
                                   priority=Priority.NORMAL, reason="Reported: unkind")
    moderation.content_hide(item=item, moderator=moderator, reason="Unkind")
    content.refresh_from_db()  # the item hid its own copy


def counts(category: Category) -> tuple[int, int]:
    category.refresh_from_db()
    return category.thread_count, category.post_count


def test_hiding_a_thread_takes_its_posts_out_of_the_category_and_restoring_brings_them_back(
        member, moderator, category):
    thread = start(member, category)
    for _ in range(2):
        post_create(author=UserFactory(), thread=thread, body="Welcome, glad you're here")
    assert counts(category) == (1, 3)

    hide(thread, moderator)
    assert counts(category) == (0, 0)

    moderation.content_restore(content=thread, moderator=moderator)
    assert counts(category) == (1, 3)


def test_moving_a_hidden_thread_leaves_both_categories_counts_alone(member, moderator, category):
    thread = start(member, category)
    post_create(author=UserFactory(), thread=thread, body="Welcome, glad you're here")
    elsewhere = CategoryFactory()
    hide(thread, moderator)

    moderation.content_move(content=thread, moderator=moderator, destination=elsewhere.slug)

    assert counts(category) == counts(elsewhere) == (0, 0)
    moderation.content_restore(content=thread, moderator=moderator)
    assert (counts(category), counts(elsewhere)) == ((0, 0), (1, 2))


def test_a_post_removed_by_its_author_keeps_its_place_in_the_counts(member, category):
    thread = start(member, category)
    reply = post_create(author=UserFactory(), thread=thread, body="Welcome, glad you're here")

    post_delete(post=reply.post, by=reply.post.author)

    thread.refresh_from_db()
    assert (thread.post_count, thread.last_post_number) == (2, 2)
    assert counts(category) == (1, 2)


def test_hiding_the_last_reply_moves_the_threads_last_post_back(member, moderator, category):
    thread = start(member, category)
    first = thread.posts.get()
    reply = post_create(author=UserFactory(), thread=thread, body="Welcome, glad you're here")

    hide(reply.post, moderator)

    thread.refresh_from_db()
    category.refresh_from_db()
    assert (thread.post_count, thread.last_post_number, thread.last_poster, thread.last_post_at,
            category.last_post_at) == (1, 1, member, first.created_at, first.created_at)


def open_item(post: Post) -> QueueItem:
    """The post's open queue item (a held post has one), opened by a report if need be."""
    return QueueItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Post), object_id=post.pk,
    ).exclude(status=QueueItem.Status.RESOLVED).first() or moderation.flag_content(
        content=post, source=QueueItem.Source.REPORT, priority=Priority.NORMAL,
        reason="Reported: unkind")


# What closes an item, as the item page offers it for a held or a published post.
TO_CLOSE_AN_ITEM = {
    Visibility.HELD: (
        lambda item, by: moderation.content_approve(item=item, moderator=by),
        lambda item, by: moderation.content_hide(item=item, moderator=by, reason="Unkind")),
    Visibility.PUBLISHED: (
        lambda item, by: moderation.content_hide(item=item, moderator=by, reason="Unkind"),
        lambda item, by: moderation.reports_dismiss(item=item, moderator=by),
        lambda item, by: moderation.content_edit(item=item, moderator=by, text="Kinder words",
                                                 reason="Unkind")),
}


class ForumCounts(RuleBasedStateMachine):
    """Members start threads, reply and remove their posts; moderators hide, restore,
    approve and move, and two sometimes act on one item together. After every step each
    stored count equals a recount of the rows."""

    def __init__(self, *, categories, regular, moderator, lead):
        super().__init__()
        self.categories, self.regular, self.moderator = categories, regular, moderator
        self.lead = lead
        # Each example runs in a savepoint of the test's transaction, undone in teardown.
        self.example = transaction.atomic()
        self.example.__enter__()

    def teardown(self):
        transaction.set_rollback(True)
        self.example.__exit__(None, None, None)

    def writer(self, kind: str):
        if kind == "newcomer":
            return UserFactory()  # their first post waits for a moderator
        return self.regular if kind == "regular" else self.moderator

    @rule(kind=st.sampled_from(WRITERS), where=st.integers(0, 1))
    def start_thread(self, kind, where):
        start(self.writer(kind), self.categories[where])

    @rule(kind=st.sampled_from(WRITERS), data=st.data())
    def reply(self, kind, data):
        author = self.writer(kind)
        threads = [thread for thread in Thread.objects.select_related("category").order_by("pk")
                   if permissions.can_reply(author, thread)]
        if threads:
            post_create(author=author, thread=data.draw(st.sampled_from(threads)),
                        body="Welcome, glad you're here")

    # Only what is not hidden yet: hiding twice is refused, and the refusal is tested apart.
    @rule(data=st.data())
    def hide_post(self, data):
        shown = list(Post.objects.exclude(visibility=Visibility.HIDDEN).order_by("pk"))
        if shown:
            hide(data.draw(st.sampled_from(shown)), self.moderator)

    @rule(data=st.data())
    def hide_thread(self, data):
        shown = list(Thread.objects.exclude(visibility=Visibility.HIDDEN).order_by("pk"))
        if shown:
            hide(data.draw(st.sampled_from(shown)), self.moderator)

    @rule(data=st.data())
    def restore(self, data):
        hidden = [*Thread.objects.filter(visibility=Visibility.HIDDEN).order_by("pk"),
                  *Post.objects.filter(visibility=Visibility.HIDDEN).order_by("pk")]
        if hidden:
            moderation.content_restore(content=data.draw(st.sampled_from(hidden)),
                                       moderator=self.moderator)

    @rule(data=st.data())
    def approve(self, data):
        held = list(Post.objects.filter(visibility=Visibility.HELD).order_by("pk"))
        if not held:
            return
        moderation.content_approve(item=open_item(data.draw(st.sampled_from(held))),
                                   moderator=self.moderator)

    @rule(data=st.data())
    def two_moderators_at_once(self, data):
        """Both open one item; the second acts on the page they opened, after the first has
        closed it (as when they click together), and is told instead of acting too."""
        shown = list(Post.objects.exclude(visibility=Visibility.HIDDEN).order_by("pk"))
        if not shown:
            return
        post = data.draw(st.sampled_from(shown))
        item = open_item(post)
        pages = [QueueItem.objects.get(pk=item.pk) for _ in range(2)]
        offered = [*TO_CLOSE_AN_ITEM[post.visibility]]
        first, second = (data.draw(st.sampled_from(offered)) for _ in range(2))
        first(pages[0], self.moderator)
        with pytest.raises(ValidationError) as refused:
            second(pages[1], self.lead)
        assert refused.value.code == moderation.DEALT_WITH

    @rule(data=st.data())
    def author_delete(self, data):
        posts = list(Post.objects.filter(is_deleted=False).order_by("pk"))
        if posts:
            post = data.draw(st.sampled_from(posts))
            post_delete(post=post, by=post.author)

    @rule(data=st.data(), where=st.integers(0, 1))
    def move(self, data, where):
        destination = self.categories[where]
        threads = list(Thread.objects.exclude(category=destination).order_by("pk"))
        if threads:
            moderation.content_move(content=data.draw(st.sampled_from(threads)),
                                    moderator=self.moderator, destination=destination.slug)

    @invariant()
    def counts_match_a_recount(self):
        readable = list(Post.objects.filter(visibility=PUBLISHED).order_by("number"))
        threads = list(Thread.objects.order_by("pk"))
        for thread in threads:
            mine = [post for post in readable if post.thread_id == thread.pk]
            last = mine[-1] if mine else None
            assert (thread.post_count, thread.last_post_at, thread.last_post_number,
                    thread.last_poster_id) == (
                len(mine), last and last.created_at, last.number if last else 0,
                last and last.author_id), f"thread {thread.pk} ({thread.visibility})"
        for category in Category.objects.order_by("pk"):
            shown = {thread.pk for thread in threads
                     if thread.category_id == category.pk and thread.visibility == PUBLISHED}
            mine = [post for post in readable if post.thread_id in shown]
            assert (category.thread_count, category.post_count, category.last_post_at) == (
                len(shown), len(mine), max((post.created_at for post in mine), default=None),
            ), f"category {category.slug}"


@pytest.mark.usefixtures("unlimited_writes")
def test_counts_stay_true_whatever_members_and_moderators_do(member, moderator, admin_user):
    categories = [CategoryFactory(), CategoryFactory()]
    start(member, categories[0])  # published: the autouse fixture holds no first posts
    SiteSettings.objects.update(held_first_posts=1)

    run_state_machine_as_test(
        lambda: ForumCounts(categories=categories, regular=member, moderator=moderator,
                            lead=admin_user),
        settings=settings(max_examples=30, stateful_step_count=20, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow]),
    )
