"""A category's thread rows are kept in the cache: never stale, never another reader's."""

import pytest

from community.services import warning_preferences_set
from forums.services import post_create, thread_create, thread_mark_read, thread_set_visibility
from moderation.content import Visibility
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unlimited_writes")]


def listing(client, category) -> str:
    response = client.get(category.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    if '<ol class="thread-list">' not in page:
        return ""
    return page[page.index('<ol class="thread-list">'):page.index("</ol>")]


def test_a_new_reply_and_a_hide_show_at_once(client, member, peer_supporter, moderator,
                                             category, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = thread_create(author=peer_supporter, category=category, title="Evening walks",
                               body="Who else walks in the evening?").post.thread
    client.force_login(member)
    assert "0 replies." in listing(client, category)

    with django_capture_on_commit_callbacks(execute=True):
        post_create(author=UserFactory(username="robin"), thread=thread, body="I do!")
    rows = listing(client, category)
    assert "1 reply." in rows and "by robin" in rows

    with django_capture_on_commit_callbacks(execute=True):
        thread_set_visibility(thread=thread, visibility=Visibility.HIDDEN, by=moderator,
                              reason="Off topic")
    assert "Evening walks" not in listing(client, category)
    client.force_login(moderator)
    assert "Hidden by a moderator" in listing(client, category)


def test_each_reader_sees_their_own_unread_marker_and_warning_choice(
        client, member, peer_supporter, category, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = thread_create(author=peer_supporter, category=category, title="A hard week",
                               body="It has been a hard week.", warnings=["self-harm"]).post.thread
        post_create(author=peer_supporter, thread=thread, body="And a harder weekend.")
        thread_mark_read(user=member, thread=thread, number=2)
        warning_preferences_set(user=member, choices={"self-harm": "hide"})
    other = UserFactory()

    client.force_login(other)
    theirs = listing(client, category)
    client.force_login(member)
    mine = listing(client, category)

    assert "New posts" in theirs and '<details class="content-warning">' in theirs
    assert "New posts" not in mine and "Hidden because of your settings" in mine
    client.force_login(other)
    assert listing(client, category) == theirs


def test_a_listing_kept_for_one_reader_never_shows_another_what_only_the_first_may_see(
        client, member, peer_supporter, moderator, category, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = thread_create(author=member, category=category, title="Waiting thread",
                               body="Waiting for a look.").post.thread
        thread_set_visibility(thread=thread, visibility=Visibility.HELD, by=moderator,
                              reason="Checking")
    for reader in (moderator, member):
        client.force_login(reader)
        assert "Waiting for a moderator" in listing(client, category)

    client.force_login(peer_supporter)
    assert "Waiting thread" not in listing(client, category)
    client.logout()
    assert "Waiting thread" not in listing(client, category)
