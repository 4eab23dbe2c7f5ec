"""Opening, writing in and ending private conversations, through the services."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from community.models import Block, Notification
from community.refusals import Refused
from community.services import block_create
from conversations.models import Conversation, PrivateMessage
from conversations.selectors import conversation_list, conversation_messages
from conversations.services import conversation_end, conversation_open, conversation_write
from forums.services import thread_create
from moderation.content import Visibility
from moderation.models import ModerationAction, Priority, QueueItem
from moderation.sanctions import sanction_create
from moderation.services import content_approve, content_hide, flag_content
from tests.factories import CategoryFactory, UserFactory, on_duty_moderator

pytestmark = pytest.mark.django_db
CHECK_IN = "I noticed your post and wanted to check you're OK."


def check_in(moderator, member, **kwargs) -> Conversation:
    return conversation_open(starter=moderator, member=member, text=CHECK_IN,
                             **kwargs).conversation


def test_a_moderator_checks_in_and_the_member_is_told(moderator, member):
    conversation = check_in(moderator, member)

    assert conversation.kind == Conversation.Kind.CHECK_IN
    assert conversation.messages.get().text == CHECK_IN
    notice = Notification.objects.get(user=member)
    assert "check in with you privately" in notice.text
    assert notice.url == conversation.get_absolute_url()


def test_the_member_replies_and_the_moderator_is_told(moderator, member):
    conversation = check_in(moderator, member)

    conversation_write(author=member, conversation=conversation, text="Thanks, a rough week.")

    assert [m.author for m in conversation.messages.all()] == [moderator, member]
    assert Notification.objects.filter(user=moderator, text__contains=member.username).exists()


def test_members_cannot_open_conversations_with_each_other_by_default(member):
    other = UserFactory(username="sam")

    with pytest.raises(PermissionDenied, match="Only moderators"):
        conversation_open(starter=member, member=other, text="Hello")
    assert not Conversation.objects.exists()


def test_peer_supporters_check_in_only_when_administrators_allow(peer_supporter, member,
                                                                 conversation_settings):
    with pytest.raises(PermissionDenied):
        conversation_open(starter=peer_supporter, member=member, text=CHECK_IN)

    conversation_settings(peer_supporters=True)
    conversation = check_in(peer_supporter, member)

    assert conversation.kind == Conversation.Kind.CHECK_IN
    assert "A peer supporter" in Notification.objects.get(user=member).text


def test_members_write_to_each_other_when_turned_on(member, conversation_settings):
    conversation_settings(members=True)
    other = UserFactory(username="sam")

    conversation = conversation_open(starter=member, member=other, text="Hello Sam").conversation

    assert conversation.kind == Conversation.Kind.MEMBERS
    assert Notification.objects.filter(user=other).exists()


def test_blocks_stop_members_writing_to_each_other(member, conversation_settings):
    conversation_settings(members=True)
    other = UserFactory(username="sam")
    conversation = conversation_open(starter=member, member=other, text="Hello Sam").conversation

    block_create(blocker=other, blocked=member)

    with pytest.raises(PermissionDenied, match="can't write to this member"):
        conversation_write(author=member, conversation=conversation, text="Still there?")
    with pytest.raises(PermissionDenied, match="can't write to this member"):
        conversation_open(starter=member, member=other, text="Hello again")


def test_blocks_do_not_stop_a_check_in(moderator, member):
    # Made before they became a moderator: moderators can't be blocked.
    Block.objects.create(blocker=member, blocked=moderator)

    conversation = check_in(moderator, member)

    conversation_write(author=member, conversation=conversation, text="OK, hello")


def test_members_cannot_start_with_a_moderator(member, moderator, conversation_settings):
    conversation_settings(members=True)

    with pytest.raises(PermissionDenied, match="report the post"):
        conversation_open(starter=member, member=moderator, text="Hi")


def test_members_starting_conversations_are_rate_limited(member, conversation_settings):
    conversation_settings(members=True, rate="2 per hour")
    others = [UserFactory(username=f"friend{n}") for n in range(3)]
    for other in others[:2]:
        conversation_open(starter=member, member=other, text="Hello")

    with pytest.raises(Refused) as refused:
        conversation_open(starter=member, member=others[2], text="Hello")

    assert refused.value.code == "too_many_conversations"
    assert Conversation.objects.count() == 2


def test_a_refused_first_message_uses_up_no_opening(member, conversation_settings):
    conversation_settings(members=True, rate="1 per hour")
    other = UserFactory(username="sam")
    with pytest.raises(Refused):
        conversation_open(starter=member, member=other, text="   ")

    conversation_open(starter=member, member=other, text="Hello")


def test_writing_is_flood_limited(moderator, member):
    conversation = check_in(moderator, member)
    for number in range(5):
        conversation_write(author=member, conversation=conversation, text=f"line {number}")

    with pytest.raises(Refused) as refused:
        conversation_write(author=member, conversation=conversation, text="one more")
    assert refused.value.code == "too_fast"


def test_crisis_words_reach_the_queue_and_bring_help(moderator, member):
    call_command("load_help_directory", verbosity=0)
    on_duty_moderator()
    conversation = check_in(moderator, member)

    written = conversation_write(author=member, conversation=conversation,
                                 text="I want to die tonight")

    assert not written.held_because, "the moderator reads it at once"
    assert any(resource.name == "Samaritans" for resource in written.help)
    item = QueueItem.objects.get()
    assert item.priority == Priority.URGENT and item.content == written.message


def test_blocked_words_are_refused_with_the_reason(moderator, member):
    conversation = check_in(moderator, member)

    with pytest.raises(Refused) as refused:
        conversation_write(author=member, conversation=conversation, text="honestly just kys")

    assert refused.value.code == "blocked" and refused.value.field == "text"
    assert conversation.messages.count() == 1


def test_contact_details_between_members_wait_for_a_moderator(member, conversation_settings):
    conversation_settings(members=True)
    other = UserFactory(username="sam")

    written = conversation_open(starter=member, member=other, text="Ring me on 07700 900123")

    assert written.held_because
    assert written.message.visibility == Visibility.HELD
    assert conversation_messages(written.conversation, other) == []
    assert not Notification.objects.filter(user=other).exists()


def test_a_muted_member_can_still_answer_a_check_in(moderator, member):
    sanction_create(member=member, moderator=moderator, kind="mute", reason="Cool off",
                    duration=timedelta(hours=1))
    conversation = check_in(moderator, member)

    conversation_write(author=member, conversation=conversation, text="Sorry about earlier")


def test_a_muted_member_cannot_write_to_other_members(member, moderator, conversation_settings):
    conversation_settings(members=True)
    sanction_create(member=member, moderator=moderator, kind="mute", reason="Cool off",
                    duration=timedelta(hours=1))

    with pytest.raises(Refused) as refused:
        conversation_open(starter=member, member=UserFactory(username="sam"), text="Hi")
    assert refused.value.code == "muted"


def test_a_suspended_member_cannot_answer(moderator, member):
    conversation = check_in(moderator, member)
    sanction_create(member=member, moderator=moderator, kind="suspend", reason="Time out",
                    duration=timedelta(days=1))

    with pytest.raises(Refused) as refused:
        conversation_write(author=member, conversation=conversation, text="Hello?")
    assert refused.value.code == "sanctioned"


@pytest.mark.parametrize("ender", ["moderator", "member"])
def test_either_side_ends_it_and_it_becomes_read_only(moderator, member, ender):
    conversation = check_in(moderator, member)
    by = {"moderator": moderator, "member": member}[ender]

    conversation_end(by=by, conversation=conversation)

    conversation.refresh_from_db()
    assert conversation.ended_by == by and conversation.ended_at
    for writer in (moderator, member):
        with pytest.raises(PermissionDenied, match="has ended"):
            conversation_write(author=writer, conversation=conversation, text="One more thing")
    with pytest.raises(PermissionDenied, match="already ended"):
        conversation_end(by=by, conversation=conversation)


def test_only_its_two_people_end_it(moderator, member, admin_user):
    conversation = check_in(moderator, member)

    with pytest.raises(PermissionDenied):
        conversation_end(by=admin_user, conversation=conversation)


def test_every_open_message_and_end_is_audited_without_the_words(moderator, member):
    conversation = check_in(moderator, member)
    conversation_write(author=member, conversation=conversation, text="I'm OK really")
    conversation_end(by=member, conversation=conversation)

    lines = list(ModerationAction.objects.filter(object_id=conversation.pk)
                 .order_by("id").values_list("actor__username", "verb", "member__username"))
    Verb = ModerationAction.Verb
    assert lines == [
        ("mo", Verb.CONVERSATION_OPEN, "alex"), ("mo", Verb.CONVERSATION_WRITE, "alex"),
        ("alex", Verb.CONVERSATION_WRITE, "alex"), ("alex", Verb.CONVERSATION_END, "alex")]
    reasons = ModerationAction.objects.filter(object_id=conversation.pk).values_list(
        "reason", flat=True)
    assert not any("OK really" in reason or "noticed" in reason for reason in reasons)


def test_a_check_in_about_a_post_records_it(moderator, member, unlimited_writes):
    post = thread_create(author=member, category=CategoryFactory(), title="Low",
                         body="Everything is hard").post

    conversation = check_in(moderator, member, about=post)

    assert conversation.about == post
    opened = ModerationAction.objects.get(verb="conversation_open")
    assert opened.reason == f"About their post {post.pk}"


def test_a_check_in_about_someone_elses_words_is_refused(moderator, member, unlimited_writes):
    other = UserFactory(username="sam")
    post = thread_create(author=other, category=CategoryFactory(), title="Hello there",
                         body="Hello").post

    with pytest.raises(PermissionDenied, match="not theirs"):
        check_in(moderator, member, about=post)


def test_a_check_in_from_a_queue_item_is_recorded_on_it(moderator, member, unlimited_writes):
    post = thread_create(author=member, category=CategoryFactory(), title="Low",
                         body="Everything is hard").post
    item = flag_content(content=post, source="report", priority="normal",
                        reason="Reported")

    conversation = check_in(moderator, member, item=item)

    assert conversation.queue_item == item and conversation.about == post
    assert ModerationAction.objects.get(verb="conversation_open").item == item


def test_who_sees_which_conversations(moderator, member, admin_user, conversation_settings):
    conversation_settings(members=True)
    staff_one = check_in(moderator, member)
    sam, kim = UserFactory(username="sam"), UserFactory(username="kim")
    between = conversation_open(starter=sam, member=kim, text="Hi Kim").conversation

    assert set(conversation_list(admin_user).object_list) == {staff_one}
    assert set(conversation_list(moderator).object_list) == {staff_one}
    assert set(conversation_list(member).object_list) == {staff_one}
    assert set(conversation_list(sam).object_list) == {between}
    assert list(conversation_list(UserFactory(username="lee")).object_list) == []


def test_a_hidden_message_leaves_a_note_for_the_other_person(moderator, member,
                                                             conversation_settings):
    conversation_settings(members=True)
    sam = UserFactory(username="sam")
    written = conversation_open(starter=member, member=sam, text="Something unkind")
    item = flag_content(content=written.message, source="report", priority="high",
                        reason="Unkind")

    content_hide(item=item, moderator=moderator, reason="Unkind")

    shown = conversation_messages(written.conversation, sam)
    assert [(entry.shows_text, entry.note) for entry in shown] == [
        (False, "A moderator removed this message.")]
    assert PrivateMessage.objects.get().visibility == Visibility.HIDDEN


def test_an_approved_private_message_reaches_its_reader(member, moderator,
                                                        conversation_settings):
    conversation_settings(members=True)
    sam = UserFactory(username="sam")
    written = conversation_open(starter=member, member=sam, text="Ring me on 07700 900123")
    item = QueueItem.objects.get(object_id=written.message.pk, source="held")

    content_approve(item=item, moderator=moderator)

    assert [entry.message for entry in conversation_messages(written.conversation, sam)] == [
        written.message]
    assert Notification.objects.filter(user=sam, text__contains="wrote to you").exists()
