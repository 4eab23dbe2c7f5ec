"""Sending messages and acting on rooms, through the chat services."""

from datetime import timedelta

import pytest

from chat.models import Message, Room
from chat.selectors import catch_up, history
from chat.services import message_send, room_set_status
from community.refusals import Refused
from moderation.content import Visibility
from moderation.models import ModerationAction, Priority, QueueItem
from moderation.sanctions import sanction_create
from moderation.services import content_hide_where_read

pytestmark = pytest.mark.django_db


def test_a_message_is_stored_and_in_history(member, room):
    sent = message_send(author=member, room=room, text="  Evening all  ")

    assert sent.message.text == "Evening all" and not sent.is_held
    assert history(room, viewer=member)["messages"][-1]["text"] == "Evening all"


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "empty"), ("   ", "empty"), ("x" * 2001, "too_long"), ("hi\x00", "control_characters")],
)
def test_bad_messages_are_refused_with_a_code(member, room, text, code):
    with pytest.raises(Refused) as refused:
        message_send(author=member, room=room, text=text)

    assert refused.value.code == code
    assert not Message.objects.exists()


def test_flooding_is_refused(member, room):
    for number in range(5):
        message_send(author=member, room=room, text=f"message {number}")

    with pytest.raises(Refused) as refused:
        message_send(author=member, room=room, text="one too many")
    assert refused.value.code == "too_fast"


def test_slow_mode_spaces_members_but_not_staff(member, moderator, room):
    room.slow_mode_seconds = 30
    room.save()
    message_send(author=member, room=room, text="first")

    with pytest.raises(Refused) as refused:
        message_send(author=member, room=room, text="second")
    assert refused.value.code == "slow_mode"
    message_send(author=moderator, room=room, text="staff one")
    message_send(author=moderator, room=room, text="staff two")


@pytest.mark.parametrize(("status", "code"), [("read_only", "read_only"), ("closed", "closed")])
def test_closed_and_read_only_rooms_refuse(member, room, status, code):
    Room.objects.filter(pk=room.pk).update(status=status)
    room.refresh_from_db()

    with pytest.raises(Refused) as refused:
        message_send(author=member, room=room, text="hello")
    assert refused.value.code == code


def test_muted_member_is_told_why_and_until_when(member, moderator, room):
    sanction_create(member=member, moderator=moderator, kind="mute", reason="Take a break",
                    duration=timedelta(hours=1), scope=room.group_name)

    with pytest.raises(Refused) as refused:
        message_send(author=member, room=room, text="hello")
    assert refused.value.code == "muted" and "Take a break" in refused.value.message


def test_urgent_words_are_sent_flagged_and_signposted(member, room):
    from django.core.management import call_command
    call_command("load_help_directory", verbosity=0)

    sent = message_send(author=member, room=room, text="I want to die tonight")

    assert not sent.is_held
    assert QueueItem.objects.get().priority == Priority.URGENT
    assert any(resource.name == "Samaritans" for resource in sent.signpost)


def test_removed_messages_leave_history_and_are_recorded(member, moderator, room):
    sent = message_send(author=member, room=room, text="something unkind")

    content_hide_where_read(content=sent.message, moderator=moderator, reason="Unkind")

    sent.message.refresh_from_db()
    assert sent.message.visibility == Visibility.HIDDEN
    assert history(room, viewer=member)["messages"] == []
    assert ModerationAction.objects.filter(verb="hide", member=member).exists()


def test_history_pages_back_and_catches_up(member, room):
    ids = [message_send(author=member, room=room, text=f"m{n}").message.pk for n in range(3)]

    older = history(room, viewer=member, before=ids[2])
    assert [m["id"] for m in older["messages"]] == ids[:2] and not older["older"]
    assert [m["id"] for m in catch_up(room, viewer=member, after=ids[0])["messages"]] == ids[1:]


def test_only_moderators_change_rooms(member, moderator, room):
    from django.core.exceptions import PermissionDenied
    with pytest.raises(PermissionDenied):
        room_set_status(room=room, moderator=member, status="closed")

    room_set_status(room=room, moderator=moderator, status="read_only")
    room.refresh_from_db()
    assert room.status == "read_only"


def test_a_member_must_read_a_warning_before_sending(member, moderator, room):
    from django.core.exceptions import PermissionDenied

    sanction_create(member=member, moderator=moderator, kind="warning", reason="Be kind")

    with pytest.raises(PermissionDenied) as denied:
        message_send(author=member, room=room, text="hello")
    assert "warning" in str(denied.value)
    assert not Message.objects.exists()


def test_a_suspended_moderator_cannot_chat_either(moderator, admin_user, room):
    sanction_create(member=moderator, moderator=admin_user, kind="suspend", reason="Break",
                    duration=timedelta(days=1))

    with pytest.raises(Exception, match="can't join rooms"):
        message_send(author=moderator, room=room, text="hello")


def test_message_pace_counters_in_redis_always_expire(member, room, redis_url, settings):
    """A counter left without an expiry would lock its member out for good."""
    import redis

    settings.REDIS_URL = redis_url
    room.slow_mode_seconds = 30
    room.save()
    message_send(author=member, room=room, text="first")
    with pytest.raises(Refused):
        message_send(author=member, room=room, text="second")

    client = redis.Redis.from_url(redis_url)
    keys = client.keys(f"*{settings.CACHES['default']['KEY_PREFIX']}*")
    assert len(keys) >= 2  # the member's message rate and the room's slow mode
    assert all(0 < client.ttl(key) <= 3600 for key in keys)
