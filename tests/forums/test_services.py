"""Starting threads, replying, editing, deleting and reacting, through the forum services."""

import pytest
from django.core.exceptions import PermissionDenied

from community.models import Notification, SiteSettings
from community.refusals import Refused
from forums.models import Category, Post, Reaction, Thread
from forums.services import (
    post_create,
    post_delete,
    post_edit,
    post_set_visibility,
    reaction_set,
    thread_create,
    thread_follow,
    thread_pin,
    thread_set_visibility,
)
from moderation.content import Visibility
from moderation.models import ModerationAction, Priority, QueueItem
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def start(author, category, body="Hello everyone, I'm new here.", **extra):
    return thread_create(author=author, category=category, title="Hello from me", body=body,
                         **extra)


def test_thread_create_publishes_and_counts(member, category):
    posted = start(member, category)

    thread = posted.post.thread
    category.refresh_from_db()
    thread.refresh_from_db()
    assert thread.visibility == Visibility.PUBLISHED and not posted.is_held
    assert (thread.post_count, thread.last_post_number, category.thread_count,
            category.post_count) == (1, 1, 1, 1)
    assert posted.post.html == "<p>Hello everyone, I'm new here.</p>"
    assert thread.subscriptions.filter(user=member).exists()


def test_post_create_holds_first_post_of_new_member(member, category):
    SiteSettings.objects.update(held_first_posts=1)

    posted = start(member, category)

    assert posted.is_held
    category.refresh_from_db()
    assert category.thread_count == 0
    item = QueueItem.objects.get()
    assert (item.source, item.content) == ("held", posted.post)


def test_once_a_post_is_published_the_member_is_no_longer_held_as_new(member, moderator,
                                                                      category):
    SiteSettings.objects.update(held_first_posts=1)
    first = start(member, category).post
    post_set_visibility(post=first, visibility=Visibility.PUBLISHED, by=moderator)

    second = start(member, category)

    assert not second.is_held


def test_approving_a_held_first_post_publishes_the_thread(member, moderator, category):
    SiteSettings.objects.update(held_first_posts=1)
    post = start(member, category).post

    post_set_visibility(post=post, visibility=Visibility.PUBLISHED, by=moderator)

    post.thread.refresh_from_db()
    category.refresh_from_db()
    assert post.thread.visibility == Visibility.PUBLISHED
    assert (post.thread.post_count, category.thread_count, category.post_count) == (1, 1, 1)


def test_blocked_words_refuse_the_post_with_a_message(member, category):
    from moderation.models import WatchedWord
    WatchedWord.objects.create(pattern="buy cheap pills", action="block")

    with pytest.raises(Refused, match="not allowed here"):
        start(member, category, body="You can buy cheap pills at my shop")
    assert not Post.objects.exists()


def test_urgent_words_publish_flag_urgent_and_ask_for_support(member, category):
    posted = start(member, category, body="I want to die tonight, I have the pills ready")

    assert posted.post.visibility == Visibility.PUBLISHED
    assert posted.needs_support and posted.post.risk == "urgent"
    assert QueueItem.objects.get().priority == Priority.URGENT


def test_required_warning_refuses_until_chosen(member, category):
    from community.models import ContentWarning
    from moderation.models import WatchedWord
    WatchedWord.objects.create(pattern="calories", action="require_warning",
                               warning=ContentWarning.objects.get(slug="eating-disorders"))
    body = "I counted calories all day again"

    with pytest.raises(Refused, match="eating disorders"):
        start(member, category, body=body)
    posted = start(member, category, body=body, warnings=["eating-disorders"])

    assert posted.post.content_warnings == ["eating-disorders"]


@pytest.mark.parametrize(
    ("title", "body", "field"),
    [("Hi", "body", "title"), ("x" * 151, "body", "title"), ("Good title", "   ", "body"),
     ("Good title", "x" * 20_001, "body"), ("Bad\x00title", "body", None)],
)
def test_bad_titles_and_bodies_are_refused(member, category, title, body, field):
    with pytest.raises(Refused) as refused:
        thread_create(author=member, category=category, title=title, body=body)

    if field:
        assert refused.value.field == field
    assert not Thread.objects.exists()


def test_staff_only_category_refuses_members(member, moderator):
    news = CategoryFactory(who_may_start=Category.Starters.STAFF)

    with pytest.raises(PermissionDenied):
        start(member, news)
    assert start(moderator, news).post.pk


def test_locked_thread_takes_no_replies(member, moderator, category):
    thread = start(member, category).post.thread
    thread.is_locked = True
    thread.save()

    with pytest.raises(PermissionDenied):
        post_create(author=UserFactory(), thread=thread, body="A reply")


def test_reply_numbers_counts_and_notifies_followers(member, category):
    thread = start(member, category).post.thread
    replier = UserFactory(username="sam")

    posted = post_create(author=replier, thread=thread, body="Welcome, glad you're here")

    thread.refresh_from_db()
    assert (posted.post.number, thread.post_count, thread.last_poster) == (2, 2, replier)
    assert Notification.objects.get(user=member).text == "sam replied in “Hello from me”"
    assert not Notification.objects.filter(user=replier).exists()


def test_edit_keeps_a_revision(member, category):
    post = start(member, category).post

    post_edit(post=post, editor=member, body="Hello again, edited")

    post.refresh_from_db()
    assert post.body == "Hello again, edited" and post.edited_at is not None
    assert post.revisions.get().body == "Hello everyone, I'm new here."


def test_only_the_writer_edits_or_deletes(member, category):
    post = start(member, category).post
    other = UserFactory()

    with pytest.raises(PermissionDenied):
        post_edit(post=post, editor=other, body="mine now")
    with pytest.raises(PermissionDenied):
        post_delete(post=post, by=other)


def test_delete_is_soft(member, category):
    post = start(member, category).post

    post_delete(post=post, by=member)

    post.refresh_from_db()
    assert post.is_deleted and Post.objects.filter(pk=post.pk).exists()


def test_reaction_sets_and_counts_and_notifies(member, category):
    post = start(member, category).post
    friend = UserFactory(username="jo")

    assert reaction_set(post=post, user=friend, kind=Reaction.Kind.SUPPORT)
    post.refresh_from_db()
    assert post.support_count == 1
    assert "jo: “Sending support”" in Notification.objects.get(user=member).text

    assert not reaction_set(post=post, user=friend, kind=Reaction.Kind.SUPPORT)
    post.refresh_from_db()
    assert post.support_count == 1

    assert reaction_set(post=post, user=friend, kind=Reaction.Kind.SUPPORT, given=False)
    post.refresh_from_db()
    assert post.support_count == 0


def test_a_blocked_members_reaction_is_stored_but_not_told(member, category):
    from community.services import block_create
    post = start(member, category).post
    pest = UserFactory()
    block_create(blocker=member, blocked=pest)

    assert reaction_set(post=post, user=pest, kind=Reaction.Kind.ME_TOO)

    assert not Notification.objects.filter(user=member).exists()


def test_unfollowing_stops_reply_notifications(member, category):
    thread = start(member, category).post.thread
    thread_follow(user=member, thread=thread, follow=False)

    post_create(author=UserFactory(), thread=thread, body="A reply")

    assert not Notification.objects.filter(user=member).exists()


def test_hiding_a_reply_takes_it_out_of_the_counts(member, moderator, category):
    thread = start(member, category).post.thread
    reply = post_create(author=UserFactory(), thread=thread, body="A reply").post

    post_set_visibility(post=reply, visibility=Visibility.HIDDEN, by=moderator, reason="Unkind")

    thread.refresh_from_db()
    category.refresh_from_db()
    assert (thread.post_count, category.post_count) == (1, 1)


def test_hiding_a_thread_takes_it_out_of_its_category_and_restoring_brings_it_back(
        member, moderator, category):
    thread = start(member, category).post.thread

    thread_set_visibility(thread=thread, visibility=Visibility.HIDDEN, by=moderator,
                          reason="Off topic")
    category.refresh_from_db()
    thread.refresh_from_db()
    assert (category.thread_count, thread.moderation_reason, thread.moderated_by) == (
        0, "Off topic", moderator)

    thread_set_visibility(thread=thread, visibility=Visibility.PUBLISHED, by=moderator)
    category.refresh_from_db()
    assert category.thread_count == 1


def test_only_moderators_pin_threads(member, moderator, category):
    thread = start(member, category).post.thread

    with pytest.raises(PermissionDenied):
        thread_pin(thread=thread, by=member, pinned=True)
    thread_pin(thread=thread, by=moderator, pinned=True)

    thread.refresh_from_db()
    assert thread.is_pinned
    assert ModerationAction.objects.get().verb == "pin"


def test_urgent_words_wait_for_a_moderator_when_none_is_online(member, category):
    from moderation.models import ModeratorPresence
    ModeratorPresence.objects.all().delete()

    posted = start(member, category, body="I want to die tonight, I have the pills ready")

    assert posted.is_held and posted.needs_support
    assert "not online right now" in posted.post.moderation_reason
    assert QueueItem.objects.get().priority == Priority.URGENT


def test_muted_member_is_told_why_and_until_when(member, moderator, category):
    from datetime import timedelta

    from moderation.sanctions import sanction_create
    sanction_create(member=member, moderator=moderator, kind="mute", reason="Cooling off",
                    duration=timedelta(hours=2))

    with pytest.raises(Refused, match="can't post or chat until .*Cooling off"):
        start(member, category)


def test_the_title_is_screened_with_the_body(member, category):
    posted = thread_create(author=member, category=category, title="I want to die tonight",
                           body="Sorry to post this here.")

    assert posted.needs_support and posted.post.risk == "urgent"
    assert QueueItem.objects.get().priority == Priority.URGENT


def test_blocked_words_in_a_title_refuse_the_thread(member, category):
    from moderation.models import WatchedWord
    WatchedWord.objects.create(pattern="buy cheap pills", action="block")

    with pytest.raises(Refused, match="not allowed here"):
        thread_create(author=member, category=category, title="Buy cheap pills here",
                      body="An ordinary body")
    assert not Thread.objects.exists()


def test_a_hidden_thread_takes_no_replies_and_tells_no_follower(member, moderator, category):
    from community.models import Notification
    from forums.models import Subscription

    thread = start(member, category).post.thread
    follower = UserFactory()
    Subscription.objects.create(user=follower, thread=thread)
    thread_set_visibility(thread=thread, visibility=Visibility.HIDDEN, by=moderator,
                          reason="Unkind")

    with pytest.raises(PermissionDenied, match="not taking replies"):
        post_create(author=member, thread=thread, body="Still here")

    assert not Notification.objects.filter(user=follower).exists()


def test_a_reply_approved_in_a_hidden_thread_tells_no_follower(member, moderator, category):
    from forums.models import Subscription

    thread = start(member, category).post.thread
    follower = UserFactory()
    Subscription.objects.create(user=follower, thread=thread)
    SiteSettings.objects.update(held_first_posts=1)
    held = post_create(author=UserFactory(), thread=thread, body="Hi, I'm new").post
    thread_set_visibility(thread=thread, visibility=Visibility.HIDDEN, by=moderator,
                          reason="Unkind")

    post_set_visibility(post=held, visibility=Visibility.PUBLISHED, by=moderator)

    assert not Notification.objects.filter(user=follower).exists()


def test_a_still_new_members_edit_of_an_approved_post_waits_for_a_moderator(
        member, moderator, category):
    SiteSettings.objects.update(held_first_posts=3)
    post = start(member, category).post
    post_set_visibility(post=post, visibility=Visibility.PUBLISHED, by=moderator)
    QueueItem.objects.update(status=QueueItem.Status.RESOLVED)

    edited = post_edit(post=post, editor=member, body="Buy my course at example dot com")

    post.refresh_from_db()
    assert edited.is_held and post.visibility == Visibility.HELD
    item = QueueItem.objects.exclude(status=QueueItem.Status.RESOLVED).get()
    assert (item.source, item.content) == ("held", post)
