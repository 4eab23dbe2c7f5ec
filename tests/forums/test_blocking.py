"""Blocking in the forums, from both sides: the blocker stops hearing from the blocked
member, and the blocked member sees nothing change, so cannot tell."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from community import roles
from community.models import Block, Notification
from community.services import block_create, role_grant
from forums.models import Reaction
from forums.services import post_create, reaction_set, thread_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(db):
    return UserFactory(username="sam")


@pytest.fixture
def thread(member, category):
    return thread_create(author=member, category=category, title="Coping with nights",
                         body="What helps you sleep?").post.thread


def page(client, user, url) -> str:
    """The page as `user` sees it, without what changes on every request."""
    client.force_login(user)
    html = client.get(url).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_the_blocked_member_sees_the_blockers_pages_as_before(client, member, sam, thread):
    post = thread.posts.get()
    reaction_set(post=post, user=UserFactory(username="kit"), kind=Reaction.Kind.SUPPORT)
    pages = [thread.get_absolute_url(), reverse("forums:post_reactions", args=[post.pk]),
             reverse("member_detail", args=[member.username])]
    before = [page(client, sam, url) for url in pages]

    block_create(blocker=member, blocked=sam)

    assert [page(client, sam, url) for url in pages] == before
    assert 'name="give" value="support"' in before[0]


def test_a_blocked_members_reaction_counts_for_them_and_never_reaches_the_blocker(
        client, member, sam, thread):
    post = thread.posts.get()
    block_create(blocker=member, blocked=sam)

    assert reaction_set(post=post, user=sam, kind=Reaction.Kind.ME_TOO)

    theirs = page(client, sam, thread.get_absolute_url())
    assert 'value="me_too" aria-pressed="true">Me too<span aria-hidden="true"> · 1' in theirs
    assert not Notification.objects.filter(user=member).exists()
    blockers = page(client, member, thread.get_absolute_url())
    assert "Me too<span" not in blockers and "Who reacted" not in blockers
    who = page(client, member, reverse("forums:post_reactions", args=[post.pk]))
    assert ">sam</a>" not in who
    others = page(client, UserFactory(), thread.get_absolute_url())
    assert 'Me too<span aria-hidden="true"> · 1' in others


def test_the_blocker_cannot_react_to_the_blocked_members_posts(client, member, sam, thread):
    reply = post_create(author=sam, thread=thread, body="Warm milk.").post
    block_create(blocker=member, blocked=sam)

    with pytest.raises(PermissionDenied, match="You blocked this member"):
        reaction_set(post=reply, user=member, kind=Reaction.Kind.SUPPORT)
    html = page(client, member, thread.get_absolute_url())
    folded = html[html.index('<details class="post__blocked">'):]
    assert 'name="give"' not in folded[:folded.index("</details>")]


def test_replies_from_the_blocked_member_are_not_news_to_the_blocker_but_the_other_way_is(
        member, sam, thread):
    post_create(author=sam, thread=thread, body="Sam follows this thread now.")
    Notification.objects.all().delete()
    block_create(blocker=member, blocked=sam)

    post_create(author=sam, thread=thread, body="Warm milk.")
    post_create(author=member, thread=thread, body="Thank you all.")

    assert not Notification.objects.filter(user=member).exists()
    assert Notification.objects.get(user=sam).text == "alex replied in “Coping with nights”"


def test_a_block_of_someone_who_becomes_a_moderator_hides_them_no_more(client, member, sam,
                                                                       thread):
    block_create(blocker=member, blocked=sam)
    role_grant(user=sam, role=roles.MODERATORS)

    post_create(author=sam, thread=thread, body="Welcome, from the moderators.")

    assert Block.objects.filter(blocker=member, blocked=sam).exists()
    assert Notification.objects.get(user=member).text == "sam replied in “Coping with nights”"
    html = page(client, member, thread.get_absolute_url())
    assert "post__blocked" not in html and "Welcome, from the moderators." in html
    profile = page(client, member, reverse("member_detail", args=["sam"]))
    assert "Moderators and administrators can't be blocked" in profile
    assert "Unblock sam" not in profile and "Block sam" not in profile
