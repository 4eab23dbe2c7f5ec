"""Forum counts: what each one counts, as members post and moderators act.

A post counts while other members can read its place in the thread: published (a post its
author removed still counts: it stays as a "removed by its author" row). A category counts
its published threads and the posts counted in them.
"""

import pytest

from forums.models import Category, Thread
from forums.services import post_create, post_delete, thread_create
from moderation import services as moderation
from moderation.models import Priority, QueueItem
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


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
