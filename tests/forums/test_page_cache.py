"""Visitors' thread pages come from the cache, and are never stale after a change."""

import pytest
import redis

from config.settings import redis_caches
from forums.services import (
    post_create,
    post_edit,
    post_set_visibility,
    reaction_set,
    thread_create,
)
from moderation.content import Visibility
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Wrap a change to run its on-commit work, as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def thread(member, category):
    return thread_create(author=member, category=category, title="A quiet evening",
                         body="First words").post.thread


def test_a_visitor_page_is_served_without_rendering_again(client, thread,
                                                          django_assert_max_num_queries):
    client.get(thread.get_absolute_url())

    with django_assert_max_num_queries(3):
        page = client.get(thread.get_absolute_url()).content.decode()

    assert "First words" in page


def test_visitors_see_a_new_reply_at_once(client, thread, committed):
    client.get(thread.get_absolute_url())

    with committed():
        post_create(author=UserFactory(), thread=thread, body="Welcome, you're not alone")

    page = client.get(thread.get_absolute_url()).content.decode()
    assert "not alone" in page


def test_visitors_stop_seeing_a_hidden_post_at_once(client, thread, moderator, committed):
    reply = post_create(author=UserFactory(), thread=thread, body="Something unkind").post
    client.get(thread.get_absolute_url())

    with committed():
        post_set_visibility(post=reply, visibility=Visibility.HIDDEN, by=moderator,
                            reason="Unkind")

    assert "Something unkind" not in client.get(thread.get_absolute_url()).content.decode()


def test_edits_and_reactions_reach_visitors(client, thread, member, committed):
    first = thread.posts.get()
    client.get(thread.get_absolute_url())

    with committed():
        post_edit(post=first, editor=member, body="Edited words")
    client.get(thread.get_absolute_url())
    with committed():
        reaction_set(post=first, user=UserFactory(), kind="support")

    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Edited words" in page
    assert "Sending support<span aria-hidden=\"true\"> · 1</span>" in page


def test_a_visitors_own_message_is_shown_to_them_and_never_cached(client, thread, member):
    client.force_login(member)
    client.post("/accounts/logout/")  # leaves "You have logged out." for the next page

    mine = client.get(thread.get_absolute_url())
    client.cookies.clear()
    other = client.get(thread.get_absolute_url())

    assert "logged out" in mine.content.decode()
    assert "logged out" not in other.content.decode()


# A thousand ?page= values, every one of them showing the first or the last page.
JUNK_PAGES = [form.format(n) for n in range(200)
              for form in ("{}", "x{}", "-{}", "{}.5", "1{}0000")]


def test_made_up_page_numbers_add_nothing_to_the_shared_cache(client, own_redis, settings,
                                                              thread, unlimited_writes):
    settings.CACHES = redis_caches(own_redis.url, "junk")
    stored = redis.Redis.from_url(own_redis.url)
    for number in range(2, 25):
        post_create(author=UserFactory(), thread=thread, body=f"Reply {number}")
    url = thread.get_absolute_url()
    assert "Reply 24" in client.get(url, {"page": "2"}).content.decode()
    client.get(url)
    keys_before = stored.dbsize()

    for junk in JUNK_PAGES:
        assert client.get(url, {"page": junk, "utm_source": junk}).status_code == 200

    assert stored.dbsize() == keys_before
