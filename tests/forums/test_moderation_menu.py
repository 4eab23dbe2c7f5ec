"""The Moderate menu on each post: moderators act where they read, without JavaScript, through
the same services and audit as the queue; members never see it and are refused it."""

import html
import re

import pytest
from django.urls import reverse

from community.models import Notification
from forums.models import Post, PostRevision, Thread
from forums.services import post_create, post_set_visibility
from moderation.content import Visibility
from moderation.models import ModerationAction, QueueItem
from moderation.services import report_create
from tests.factories import UserFactory
from tests.forums.test_pages import THREAD_QUERIES, start, thread_url, warm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reports_count_in_full")]


@pytest.fixture
def sam(db):
    return UserFactory(username="sam")


@pytest.fixture
def reply(member, sam, category) -> Post:
    thread = start(member, category, title="A long week", body="It has been a long week.")
    return post_create(author=sam, thread=thread, body="Something unkind about you").post


def act_url(post: Post, action: str) -> str:
    return reverse("moderation:content_act", args=["post", post.pk, action])


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_moderators_see_a_menu_on_each_post_and_members_do_not(client, member, moderator,
                                                               reply):
    client.force_login(member)
    assert 'class="mod-menu"' not in client.get(thread_url(reply.thread)).text

    client.force_login(moderator)
    page = text_of(client.get(thread_url(reply.thread)))

    assert page.count('<details class="mod-menu">') == 2
    assert "Moderate<span class=\"visually-hidden\"> post 2 by sam</span>" in page
    assert f'<a href="{act_url(reply, "hide")}">Hide' in page
    assert f'<a href="{act_url(reply, "edit")}">Edit the words' in page
    # A plain form, so it works without JavaScript, with its CSRF token.
    assert re.search(rf'action="{act_url(reply, "lock")}"><input type="hidden" '
                     r'name="csrfmiddlewaretoken" value="\w+">', page)
    assert f'href="/conversations/with/sam/?about=post-{reply.pk}"' in page
    assert '<a href="/moderation/members/sam/#sanction">Warn, mute, suspend or ban sam</a>' in page
    assert '<a href="/moderation/members/sam/">sam\'s moderation history</a>' in page


def test_visitors_cached_page_never_holds_a_menu(client, moderator, reply):
    client.force_login(moderator)
    assert 'class="mod-menu"' in client.get(thread_url(reply.thread)).text
    client.logout()

    first, cached = (client.get(thread_url(reply.thread)).text for _ in range(2))

    assert "Something unkind" in cached
    assert 'class="mod-menu"' not in first and 'class="mod-menu"' not in cached
    client.force_login(moderator)
    assert 'class="mod-menu"' in client.get(thread_url(reply.thread)).text


def test_a_moderator_hides_a_post_from_the_thread_page(client, member, moderator, sam, reply):
    item = report_create(reporter=member, content=reply, reason="unkind").item
    client.force_login(moderator)

    asked = text_of(client.get(act_url(reply, "hide")))
    response = client.post(act_url(reply, "hide"), {"reason": "Unkind to another member"},
                           follow=True)

    assert "Hide post 2 by sam?" in asked and "Something unkind about you" in asked
    assert response.redirect_chain[-1][0] == f"{thread_url(reply.thread)}#post-2"
    assert "Hidden. The author has been told why." in text_of(response)
    assert "Hidden by a moderator. Reason: Unkind to another member" in text_of(response)
    assert Post.objects.get(pk=reply.pk).visibility == Visibility.HIDDEN
    assert ModerationAction.objects.filter(verb="hide", actor=moderator, member=sam,
                                           reason="Unkind to another member").exists()
    assert Notification.objects.filter(
        user=sam,
        text="A moderator hid your post in “A long week”. The reason: Unkind to another member",
    ).exists()
    item.refresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED and item.resolved_by == moderator
    assert Notification.objects.filter(
        user=member, text="Thank you for your report. A moderator has looked at it.").exists()
    client.force_login(member)
    assert "Something unkind" not in client.get(thread_url(reply.thread)).text


def test_hiding_with_no_open_item_is_recorded_on_its_own(client, moderator, sam, reply):
    client.force_login(moderator)

    client.post(act_url(reply, "hide"), {"reason": "Unkind"})

    action = ModerationAction.objects.get(verb="hide")
    assert action.item is None and action.member == sam and action.reason == "Unkind"
    assert not QueueItem.objects.exists()


def test_hiding_without_a_reason_is_refused_and_says_why(client, moderator, reply):
    client.force_login(moderator)

    response = client.post(act_url(reply, "hide"), {"reason": "  "})

    assert response.status_code == 400
    assert "Give a reason: the member will see it." in text_of(response)
    assert Post.objects.get(pk=reply.pk).visibility == Visibility.PUBLISHED
    assert not ModerationAction.objects.filter(verb="hide").exists()


def test_a_refused_edit_keeps_the_words_typed(client, moderator, reply):
    client.force_login(moderator)

    response = client.post(act_url(reply, "edit"), {"text": "Kinder words, typed with care",
                                                    "reason": ""})

    assert response.status_code == 400
    page = text_of(response)
    assert "Kinder words, typed with care" in page
    assert "Give a reason: the member will see it." in page
    assert Post.objects.get(pk=reply.pk).body == "Something unkind about you"


def test_a_moderator_edits_a_post_and_the_old_words_are_kept(client, moderator, sam, reply):
    client.force_login(moderator)

    asked = text_of(client.get(act_url(reply, "edit")))
    response = client.post(act_url(reply, "edit"), {"text": "Something kinder",
                                                    "reason": "Tone"}, follow=True)

    assert "Edit post 2 by sam" in asked and "Something unkind about you</textarea>" in asked
    assert "Edited. The old words are kept, and the author has been told why." in text_of(
        response)
    assert "Something kinder" in text_of(response)
    revision = PostRevision.objects.get(post=reply)
    assert revision.body == "Something unkind about you" and revision.edited_by == moderator
    assert ModerationAction.objects.filter(verb="edit", member=sam, reason="Tone").exists()
    assert Notification.objects.filter(
        user=sam, text="A moderator edited your post in “A long week”. The reason: Tone").exists()


def test_a_moderator_restores_a_hidden_post_from_its_menu(client, moderator, sam, reply):
    post_set_visibility(post=reply, visibility=Visibility.HIDDEN, by=moderator, reason="Unkind")
    client.force_login(moderator)
    page = client.get(thread_url(reply.thread)).text
    assert f'action="{act_url(reply, "restore")}"' in page
    assert f'href="{act_url(reply, "hide")}"' not in page

    response = client.post(act_url(reply, "restore"), follow=True)

    assert "Restored. Everyone can see it again" in text_of(response)
    assert Post.objects.get(pk=reply.pk).visibility == Visibility.PUBLISHED
    assert ModerationAction.objects.filter(verb="restore", actor=moderator, member=sam).exists()


def test_a_moderator_locks_and_unlocks_the_thread_from_a_post(client, member, moderator, reply):
    client.force_login(moderator)

    locked = client.post(act_url(reply, "lock"), follow=True)

    assert "Locked. Nobody can reply until a moderator unlocks it." in text_of(locked)
    assert Thread.objects.get(pk=reply.thread_id).is_locked
    assert f'action="{act_url(reply, "unlock")}"' in locked.text
    assert ModerationAction.objects.filter(verb="lock", actor=moderator).exists()
    client.force_login(member)
    assert "This thread is locked" in client.get(thread_url(reply.thread)).text

    client.force_login(moderator)
    client.post(act_url(reply, "unlock"))
    assert not Thread.objects.get(pk=reply.thread_id).is_locked


@pytest.mark.parametrize("action", ["hide", "edit", "restore", "lock", "unlock"])
def test_members_posting_to_a_menu_action_are_refused(client, member, reply, action):
    client.force_login(member)

    response = client.post(act_url(reply, action), {"reason": "x", "text": "mine now"})

    assert response.status_code == 403
    assert "This page is for the moderators" in response.text
    post = Post.objects.select_related("thread").get(pk=reply.pk)
    assert post.visibility == Visibility.PUBLISHED and post.body == "Something unkind about you"
    assert not post.thread.is_locked
    assert not ModerationAction.objects.exclude(verb="flag").exists()


def test_visitors_are_sent_to_log_in(client, reply):
    response = client.post(act_url(reply, "hide"), {"reason": "x"})

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_action_that_no_longer_applies_says_so(client, moderator, reply):
    post_set_visibility(post=reply, visibility=Visibility.HIDDEN, by=moderator, reason="Unkind")
    client.force_login(moderator)

    page = text_of(client.get(act_url(reply, "hide")))
    refused = client.post(act_url(reply, "hide"), {"reason": "Again"})

    assert "That can't be done to this post now." in page and "<textarea" not in page
    assert refused.status_code == 400 and "That can't be done to this post now." in text_of(
        refused)


@pytest.mark.usefixtures("unlimited_writes")
@pytest.mark.parametrize("size", [5, 50])
def test_a_moderators_thread_page_keeps_a_fixed_number_of_queries(
        client, member, moderator, category, size, django_assert_max_num_queries):
    thread = start(member, category)
    writers = [UserFactory() for _ in range(5)]
    for number in range(size - 1):
        post_create(author=writers[number % 5], thread=thread, body=f"Reply {number}")
    client.force_login(moderator)
    warm(client, thread_url(thread))

    with django_assert_max_num_queries(THREAD_QUERIES):
        response = client.get(thread_url(thread))

    assert response.text.count('<details class="mod-menu">') == min(size, 20)
