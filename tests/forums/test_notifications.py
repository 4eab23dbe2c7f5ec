"""What the forums tell members: replies gathered per thread, reactions told once."""

import pytest

from community.models import Notification
from community.services import notifications_mark_read
from forums.models import Reaction
from forums.services import post_create, reaction_set, thread_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(member, category):
    return thread_create(author=member, category=category, title="Coping with nights",
                         body="What helps you sleep?").post.thread


def test_a_busy_thread_is_one_notification_counting_its_replies(member, thread):
    replies = [post_create(author=UserFactory(username=name), thread=thread,
                           body=f"Warm milk, says {name}.").post
               for name in ("sam", "kit", "pat")]

    [notice] = Notification.objects.filter(user=member)

    assert notice.text == "3 new replies in “Coping with nights”"
    assert notice.url == replies[0].get_absolute_url()


def test_a_single_reply_says_who_wrote_it(member, thread):
    post_create(author=UserFactory(username="sam"), thread=thread, body="Warm milk.")

    assert Notification.objects.get(user=member).text == "sam replied in “Coping with nights”"


def test_reactions_gather_per_post(member, thread):
    post = thread.posts.get()
    for name, kind in (("sam", "support"), ("kit", "me_too")):
        reaction_set(post=post, user=UserFactory(username=name), kind=kind)

    [notice] = Notification.objects.filter(user=member)

    assert notice.text == "2 reactions to your post in “Coping with nights”"
    assert notice.kind == Notification.Kind.REACTION


def test_giving_taking_back_and_giving_again_tells_the_writer_once(member, thread):
    post, sam = thread.posts.get(), UserFactory(username="sam")

    reaction_set(post=post, user=sam, kind=Reaction.Kind.SUPPORT)
    reaction_set(post=post, user=sam, kind=Reaction.Kind.SUPPORT, given=False)
    notifications_mark_read(user=member)
    reaction_set(post=post, user=sam, kind=Reaction.Kind.SUPPORT)
    reaction_set(post=post, user=sam, kind=Reaction.Kind.SUPPORT, given=False)
    reaction_set(post=post, user=sam, kind=Reaction.Kind.SUPPORT)

    [notice] = Notification.objects.filter(user=member)
    assert notice.text == "sam: “Sending support” on your post in “Coping with nights”"
    assert notice.count == 1
    post.refresh_from_db()
    assert post.support_count == 1


def test_another_kind_of_reaction_from_the_same_member_is_news(member, thread):
    post, sam = thread.posts.get(), UserFactory(username="sam")

    reaction_set(post=post, user=sam, kind=Reaction.Kind.SUPPORT)
    reaction_set(post=post, user=sam, kind=Reaction.Kind.THANKS)

    assert Notification.objects.get(user=member).count == 2
