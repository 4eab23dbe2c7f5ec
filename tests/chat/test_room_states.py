"""What a room says before anyone types: open, read-only, closed, when a drop-in opens, a mute,
slow mode; and times written one way across the site."""

from datetime import datetime, time, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest

from chat.models import Room, RoomHours
from chat.selectors import room_state
from chat.services import message_send
from community.times import clock, moment, upcoming
from moderation.sanctions import sanction_create

pytestmark = pytest.mark.django_db

ROOM = "/chat/evening-drop-in/"
LONDON = ZoneInfo("Europe/London")
# A Tuesday morning in summer time.
TUESDAY_10AM = datetime(2025, 6, 3, 10, 0, tzinfo=LONDON)


def page_text(client, path=ROOM) -> str:
    return unescape(client.get(path).text)


def every_evening(room, opens=time(18), closes=time(22), days=range(7)):
    for weekday in days:
        RoomHours.objects.create(room=room, weekday=weekday, opens=opens, closes=closes)


@pytest.mark.parametrize(("value", "written"), [
    (time(18), "6pm"), (time(9, 30), "9:30am"), (time(0), "midnight"), (time(12), "midday"),
    (time(12, 5), "12:05pm"), (time(0, 5), "12:05am"),
    (datetime(2025, 1, 7, 13, 23, 41, tzinfo=ZoneInfo("UTC")), "1:23pm"),
    # Read in UK time: 17:05 UTC is 6:05pm in British Summer Time.
    (datetime(2025, 6, 3, 17, 5, tzinfo=ZoneInfo("UTC")), "6:05pm"),
])
def test_times_are_written_as_people_say_them(value, written):
    assert clock(value) == written


def test_a_moment_is_a_day_and_its_time():
    assert moment(datetime(2025, 3, 3, 14, 5, tzinfo=LONDON)) == "3 March 2025, 2:05pm"


@pytest.mark.parametrize(("opens", "said"), [
    (datetime(2025, 6, 3, 18, 0, tzinfo=LONDON), "today at 6pm"),
    (datetime(2025, 6, 4, 18, 30, tzinfo=LONDON), "tomorrow at 6:30pm"),
    (datetime(2025, 6, 6, 18, 0, tzinfo=LONDON), "Friday at 6pm"),
])
def test_the_next_opening_is_said_from_today(opens, said):
    assert upcoming(opens, TUESDAY_10AM) == said


def test_a_drop_in_says_when_it_opens_and_its_hours_as_the_help_page_does(room):
    every_evening(room)

    state = room_state(Room.objects.prefetch_related("hours").get(pk=room.pk), now=TUESDAY_10AM)

    assert state.status == "The room is closed now. It opens today at 6pm."
    assert state.cannot_send == "You can't send messages until the room opens today at 6pm."
    assert state.hours == "Every day, 6pm to 10pm"


def test_a_drop_in_on_one_day_opens_on_that_day(room):
    every_evening(room, days=[4])

    state = room_state(Room.objects.prefetch_related("hours").get(pk=room.pk), now=TUESDAY_10AM)

    assert state.status == "The room is closed now. It opens Friday at 6pm."
    assert state.hours == "Friday, 6pm to 10pm"


def test_the_room_and_the_list_write_hours_without_a_doubled_full_stop(client, member, room):
    every_evening(room, opens=time(3), closes=time(3, 1))  # closed when the test runs
    client.force_login(member)

    for text in (page_text(client), page_text(client, "/chat/")):
        assert "Drop-in hours: Every day, 3am to 3:01am." in text
        assert "at 3am." in text and ".." not in text.replace("...", "")
        assert "a.m." not in text


def test_a_closed_room_stays_on_the_list_with_its_state(client, member, room):
    Room.objects.create(name="Morning coffee", slug="morning-coffee", status=Room.Status.CLOSED)
    client.force_login(member)

    text = page_text(client, "/chat/")

    assert "Morning coffee" in text and "The room is closed." in text
    assert "Evening drop-in" in text and "Open now." in text


def test_a_closed_rooms_page_says_closed_not_read_only(client, member, room):
    Room.objects.filter(pk=room.pk).update(status=Room.Status.CLOSED)
    client.force_login(member)

    text = page_text(client)

    assert "The room is closed." in text
    assert "You can't send messages: the room is closed." in text
    assert "read-only" not in text.split('id="moderate"')[0]
    assert 'data-chat-send disabled' in text


def test_a_muted_member_sees_the_box_disabled_and_until_when(client, member, moderator, room):
    sanction = sanction_create(member=member, moderator=moderator, kind="mute",
                               reason="Take a break", duration=timedelta(hours=1),
                               scope=room.group_name)
    client.force_login(member)

    text = page_text(client)

    assert f"You can read, but you can't post or chat until {moment(sanction.ends_at)}." in text
    assert "Take a break" in text
    assert 'data-chat-send disabled' in text and "data-open" not in text


def test_a_mute_in_another_room_leaves_this_box_open(client, member, moderator, room):
    other = Room.objects.create(name="Morning coffee", slug="morning-coffee")
    sanction_create(member=member, moderator=moderator, kind="mute", reason="Take a break",
                    duration=timedelta(hours=1), scope=other.group_name)
    client.force_login(member)

    text = page_text(client)

    assert "data-open" in text and "data-chat-send disabled" not in text


def test_slow_mode_is_stated_before_anyone_is_refused(client, member, moderator, room):
    Room.objects.filter(pk=room.pk).update(slow_mode_seconds=30)

    client.force_login(member)
    assert "Slow mode: one message every 30 seconds." in page_text(client)
    client.force_login(moderator)  # moderators are not slowed
    assert "Slow mode: one message" not in page_text(client)


def test_messages_show_their_time_the_one_way(client, member, room):
    sent = message_send(author=member, room=room, text="hello").message
    type(sent).objects.filter(pk=sent.pk).update(
        sent_at=datetime(2025, 1, 7, 13, 23, tzinfo=LONDON))
    client.force_login(member)

    assert ">1:23pm</time>" in page_text(client)

