"""Thread pages keep each post's HTML in the cache (forums.post_list): nobody sees a stale
post, or another member's reactions, CSRF token, own-post links or Moderate menu."""

import re

import pytest
from django.test import Client

from community import roles
from community.services import block_create, role_grant, role_revoke, warning_preferences_set
from forums.services import post_create, post_edit, post_set_visibility, reaction_set
from moderation.content import Visibility
from tests.factories import UserFactory
from tests.forums.test_pages import page_text, start, thread_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(db):
    return UserFactory(username="reader")


def view(user, thread) -> str:
    client = Client()
    client.force_login(user)
    return page_text(client.get(thread_url(thread)))


def csrf_tokens(page: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))


def test_an_edit_shows_on_the_next_view(member, reader, category):
    thread = start(member, category, body="The first words")
    view(reader, thread)

    post_edit(post=thread.posts.get(), editor=member, body="Better words")

    page = view(reader, thread)
    assert "Better words" in page and "The first words" not in page
    assert "(edited)" in page


def test_a_hide_shows_on_the_next_view(member, reader, moderator, category):
    thread = start(member, category)
    reply = post_create(author=member, thread=thread, body="Something regrettable").post
    view(reader, thread), view(member, thread)

    post_set_visibility(post=reply, visibility=Visibility.HIDDEN, by=moderator, reason="Spam")

    assert "Something regrettable" not in view(reader, thread)
    assert "Hidden by a moderator. Other members can't see it." in view(member, thread)


def test_a_reaction_shows_on_the_next_view(member, reader, friend_of, category):
    thread = start(member, category)
    view(reader, thread)

    reaction_set(post=thread.posts.get(), user=friend_of, kind="support")

    assert "Sending support<span aria-hidden=\"true\"> · 1</span>" in view(reader, thread)


def test_a_block_shows_on_the_next_view(member, reader, category):
    thread = start(member, category)
    assert "You blocked this member." not in view(reader, thread)

    block_create(blocker=reader, blocked=member)

    assert "You blocked this member." in view(reader, thread)


def test_reactions_of_a_blocked_member_drop_out_of_the_blockers_count_only(member, reader,
                                                                          friend_of, category):
    thread = start(member, category)
    reaction_set(post=thread.posts.get(), user=friend_of, kind="support")
    counted = "Sending support<span aria-hidden=\"true\"> · 1</span>"
    assert counted in view(reader, thread)  # the fragment is now in the cache

    block_create(blocker=reader, blocked=friend_of)

    assert counted not in view(reader, thread)
    assert counted in view(member, thread)


def test_a_warning_choice_shows_on_the_next_view(member, reader, category):
    thread = start(member, category, warnings=["self-harm"])
    assert "Hidden because of your settings" not in view(reader, thread)

    warning_preferences_set(user=reader, choices={"self-harm": "hide"})

    assert "Hidden because of your settings" in view(reader, thread)


def test_one_members_state_never_reaches_another(member, reader, moderator, category):
    thread = start(member, category, body="My own words")
    other = post_create(author=reader, thread=thread, body="A reply").post
    reaction_set(post=other, user=member, kind="thanks")

    # The writer and a moderator first, so their variants are in the cache.
    writer_page, moderator_page = view(member, thread), view(moderator, thread)
    reader_page = view(reader, thread)

    assert 'aria-pressed="true"' in writer_page and 'aria-pressed="true"' not in reader_page
    assert "your post 1" in writer_page and "your post 1" not in reader_page
    assert "Moderate<span" in moderator_page and "Moderate<span" not in reader_page
    assert not csrf_tokens(reader_page) & (csrf_tokens(writer_page) | csrf_tokens(moderator_page))
    assert csrf_tokens(reader_page) and "placeholder" not in reader_page
    # And the other way round: the reader's own post and links are theirs alone.
    assert "your post 2" in reader_page and "your post 2" not in view(member, thread)


@pytest.fixture
def friend_of(db):
    return UserFactory(username="kit")


# Badges beside writers' names


def badges_beside(page: str, name: str) -> list[str]:
    """The badges in the heading of each post by `name`."""
    headings = re.findall(r'<h2 class="post__author".*?</h2>', page, flags=re.S)
    return [" ".join(re.findall(r'<span class="badge[^"]*">([^<]+)</span>', heading))
            for heading in headings if f">{name}</a>" in heading]


def test_staff_and_peer_supporters_posts_carry_their_badge(member, reader, moderator,
                                                           admin_user, peer_supporter, category):
    thread = start(member, category)
    for writer in (moderator, admin_user, peer_supporter):
        post_create(author=writer, thread=thread, body=f"Hello from {writer.username}")

    page = view(reader, thread)

    assert badges_beside(page, "mo") == ["Moderator"]
    assert badges_beside(page, "admin") == ["Administrator"]
    assert badges_beside(page, "jo") == ["Peer supporter"]
    assert badges_beside(page, "alex") == [""]


def test_a_new_role_shows_its_badge_on_the_next_view(member, reader, category):
    """The badge is part of each post's cached fragment key, so a kept fragment never shows
    the badge a writer had before."""
    thread = start(member, category)
    assert badges_beside(view(reader, thread), "alex") == [""]

    role_grant(user=member, role=roles.MODERATORS)
    assert badges_beside(view(reader, thread), "alex") == ["Moderator"]

    role_revoke(user=member, role=roles.MODERATORS)
    assert badges_beside(view(reader, thread), "alex") == [""]
