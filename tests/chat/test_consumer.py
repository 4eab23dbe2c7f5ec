"""The chat socket at /ws/chat/<room>/: who may join, what arrives, and what is refused."""

import asyncio
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from chat.models import Message, Room
from chat.selectors import CATCH_UP_LIMIT
from chat.services import message_send
from community.models import Risk, Topic
from moderation.content import Visibility
from moderation.models import CrisisPattern, Report, WatchedWord
from moderation.sanctions import sanction_create
from moderation.services import content_hide_where_read
from tests.conftest import session_cookie
from tests.factories import UserFactory

# Transactional, so broadcasts go out when the write commits.
pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("socket_test_setup")]
WAIT = 2


async def open_socket(user=None, slug="evening-drop-in") -> WebsocketCommunicator:
    headers = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]
    if user is not None:
        headers.append((b"cookie", await database_sync_to_async(session_cookie)(user)))
    communicator = WebsocketCommunicator(application(), f"/ws/chat/{slug}/", headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    return communicator


def application():
    from config.asgi import application

    return application


async def joined(user) -> WebsocketCommunicator:
    """A socket past its opening history and presence frames."""
    communicator = await open_socket(user)
    assert (await communicator.receive_json_from(WAIT))["type"] == "history"
    await skip_presence(communicator)
    return communicator


async def skip_presence(communicator) -> dict:
    frame = await communicator.receive_json_from(WAIT)
    assert frame["type"] == "presence"
    return frame


async def next_of(communicator, kind: str) -> dict:
    """The next frame of one type, passing presence and typing frames that may come between."""
    for _ in range(10):
        frame = await communicator.receive_json_from(WAIT)
        if frame["type"] == kind:
            return frame
    raise AssertionError(f"no {kind} frame")


@pytest.fixture
def other(db):
    return UserFactory(username="sam")


async def test_visitors_who_are_not_signed_in_are_closed_with_4401(room):
    communicator = await open_socket()

    assert await communicator.receive_output(1) == {"type": "websocket.close", "code": 4401}


async def test_an_unknown_room_closes_with_4404(member):
    communicator = await open_socket(member, slug="no-such-room")

    assert await communicator.receive_output(1) == {"type": "websocket.close", "code": 4404}


async def test_a_room_for_forum_posters_refuses_a_new_member_with_4403(member, room):
    await Room.objects.filter(pk=room.pk).aupdate(who_may_join=Room.Joiners.POSTERS)

    communicator = await open_socket(member)

    assert await communicator.receive_output(1) == {"type": "websocket.close", "code": 4403}


async def test_history_arrives_on_connect_newest_last(member, other, room):
    for text in ("first", "second"):
        await database_sync_to_async(message_send)(author=other, room=room, text=text)

    communicator = await open_socket(member)

    frame = await communicator.receive_json_from(WAIT)
    assert frame["type"] == "history"
    assert [m["text"] for m in frame["messages"]] == ["first", "second"]
    assert set(frame["messages"][0]) == {"type", "id", "author", "badge", "text", "warnings",
                                         "note", "sent_at", "client_id", "held"}
    await communicator.disconnect()


async def test_many_arriving_at_once_share_one_presence_list(member, room):
    first = await joined(member)
    others = [await database_sync_to_async(UserFactory)() for _ in range(6)]

    arrivals = await asyncio.gather(*(open_socket(user) for user in others))

    lists = []
    while not await first.receive_nothing(timeout=1):
        frame = await first.receive_json_from(WAIT)
        if frame["type"] == "presence":
            lists.append(frame["members"])
    assert len(lists) <= 2, "one list per pause, not one per arrival"
    assert sorted(lists[-1]) == sorted(["alex", *(user.username for user in others)])
    for socket in (first, *arrivals):
        await socket.disconnect()


async def test_presence_lists_each_member_once_and_drops_those_who_leave(member, other, room):
    first = await joined(member)
    second_tab = await open_socket(member)
    await next_of(second_tab, "presence")
    sam = await open_socket(other)
    await communicator_history(sam)

    assert (await next_of(sam, "presence"))["members"] == ["alex", "sam"]
    await sam.disconnect()
    assert (await next_of(first, "presence"))["members"] == ["alex"]  # the second tab
    assert (await next_of(first, "presence"))["members"] == ["alex", "sam"]
    assert (await next_of(first, "presence"))["members"] == ["alex"]
    await first.disconnect()
    await second_tab.disconnect()


async def communicator_history(communicator) -> None:
    assert (await communicator.receive_json_from(WAIT))["type"] == "history"


async def test_a_message_reaches_everyone_in_the_room(member, other, room):
    alex = await joined(member)
    sam = await joined(other)

    await alex.send_json_to({"type": "message", "text": "Evening all", "warnings": []})

    for communicator in (alex, sam):
        frame = await next_of(communicator, "message")
        assert (frame["author"], frame["text"]) == ("alex", "Evening all")
    assert await Message.objects.filter(text="Evening all").aexists()
    await alex.disconnect()
    await sam.disconnect()


async def test_staff_messages_carry_their_badge_live_and_in_history(member, moderator,
                                                                    admin_user, room):
    alex = await joined(member)
    for staff in (moderator, admin_user):
        socket = await joined(staff)
        await socket.send_json_to({"type": "message", "text": f"Hello, I'm {staff.username}",
                                   "warnings": []})
        await socket.disconnect()

    live = [await next_of(alex, "message") for _ in range(2)]
    assert [(frame["author"], frame["badge"]) for frame in live] == [
        ("mo", "Moderator"), ("admin", "Administrator")]
    await alex.send_json_to({"type": "message", "text": "Hi both", "warnings": []})
    assert (await next_of(alex, "message"))["badge"] == ""
    await alex.disconnect()

    later = await open_socket(member)
    history = await communicator_history_frame(later)
    assert [(m["author"], m["badge"]) for m in history["messages"]] == [
        ("mo", "Moderator"), ("admin", "Administrator"), ("alex", "")]
    await later.disconnect()


async def communicator_history_frame(communicator) -> dict:
    frame = await communicator.receive_json_from(WAIT)
    assert frame["type"] == "history"
    return frame


async def refused(communicator, frame: dict) -> dict:
    await communicator.send_json_to(frame)
    return await next_of(communicator, "error")


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "empty"), ("   ", "empty"), ("x" * 2001, "too_long"), ("hi\x00", "control_characters")],
)
async def test_bad_messages_get_an_error_frame(member, room, text, code):
    communicator = await joined(member)

    error = await refused(communicator, {"type": "message", "text": text})

    assert error["code"] == code and error["message"]
    await communicator.disconnect()


async def test_a_muted_member_is_told_why(member, moderator, room):
    await database_sync_to_async(sanction_create)(
        member=member, moderator=moderator, kind="mute", reason="Take a break",
        duration=timedelta(hours=1))
    communicator = await joined(member)

    error = await refused(communicator, {"type": "message", "text": "hello"})

    assert error["code"] == "muted" and "Take a break" in error["message"]
    await communicator.disconnect()


async def test_a_read_only_room_refuses_messages(member, room):
    await Room.objects.filter(pk=room.pk).aupdate(status=Room.Status.READ_ONLY)
    communicator = await joined(member)

    assert (await refused(communicator, {"type": "message", "text": "hi"}))["code"] == "read_only"
    await communicator.disconnect()


async def test_blocked_words_are_refused(member, room):
    await WatchedWord.objects.acreate(pattern="badword", action=WatchedWord.Action.BLOCK)
    communicator = await joined(member)

    error = await refused(communicator, {"type": "message", "text": "you badword"})

    assert error["code"] == "blocked"
    assert not await Message.objects.aexists()
    await communicator.disconnect()


async def test_urgent_words_signpost_the_sender_only(member, other, room):
    def urgent_rules():
        from django.core.management import call_command

        CrisisPattern.objects.get_or_create(pattern="want to die", level=Risk.URGENT,
                                            topic=Topic.SUICIDE)
        call_command("load_help_directory", verbosity=0)

    await database_sync_to_async(urgent_rules)()
    alex = await joined(member)
    sam = await joined(other)

    await alex.send_json_to({"type": "message", "text": "I want to die tonight"})

    signpost = await next_of(alex, "signpost")
    assert signpost["resources"] and all("name" in r for r in signpost["resources"])
    await next_of(sam, "message")
    assert await sam.receive_nothing(0.3)
    await alex.disconnect()
    await sam.disconnect()


async def test_moderators_remove_messages_for_everyone(member, moderator, room):
    sent = await database_sync_to_async(message_send)(author=member, room=room, text="unkind")
    alex = await joined(member)
    mo = await joined(moderator)

    await mo.send_json_to({"type": "remove", "id": sent.message.pk, "reason": "Unkind"})

    assert await next_of(alex, "removed") == {"type": "removed", "id": sent.message.pk}
    assert await next_of(mo, "removed") == {"type": "removed", "id": sent.message.pk}
    await sent.message.arefresh_from_db()
    assert sent.message.visibility == Visibility.HIDDEN
    await alex.disconnect()
    await mo.disconnect()


async def test_members_cannot_remove_messages(member, other, room):
    sent = await database_sync_to_async(message_send)(author=other, room=room, text="hello")
    communicator = await joined(member)

    error = await refused(communicator, {"type": "remove", "id": sent.message.pk, "reason": ""})

    assert error["code"] == "forbidden"
    await sent.message.arefresh_from_db()
    assert sent.message.visibility == Visibility.PUBLISHED
    await communicator.disconnect()


async def test_a_member_reports_a_message(member, other, room):
    sent = await database_sync_to_async(message_send)(author=other, room=room, text="hmm")
    communicator = await joined(member)

    await communicator.send_json_to({"type": "report", "id": sent.message.pk,
                                     "reason": "unkind"})

    assert await next_of(communicator, "reported") == {"type": "reported", "id": sent.message.pk}
    assert await Report.objects.filter(reporter=member).aexists()
    error = await refused(communicator, {"type": "report", "id": sent.message.pk,
                                         "reason": "unkind"})
    assert error["code"] == "duplicate"
    await communicator.disconnect()


async def test_history_before_and_after_an_id(member, other, room):
    def send_three():
        return [message_send(author=other, room=room, text=f"m{n}").message.pk
                for n in range(3)]

    ids = await database_sync_to_async(send_three)()
    communicator = await joined(member)

    await communicator.send_json_to({"type": "history", "before": ids[2]})
    assert [m["id"] for m in (await next_of(communicator, "history"))["messages"]] == ids[:2]
    await communicator.send_json_to({"type": "history", "after": ids[0]})
    assert [m["id"] for m in (await next_of(communicator, "history"))["messages"]] == ids[1:]
    await communicator.disconnect()


async def test_typing_reaches_others_but_not_the_typist(member, other, room):
    alex = await joined(member)
    sam = await joined(other)
    await next_of(alex, "presence")

    await alex.send_json_to({"type": "typing"})
    await alex.send_json_to({"type": "typing"})  # too soon: not sent again

    assert await sam.receive_json_from(WAIT) == {"type": "typing", "member": "alex"}
    assert await sam.receive_nothing(0.3)
    assert await alex.receive_nothing(0.1)
    await alex.disconnect()
    await sam.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("x" * (16 * 1024 + 1), "too_long"),
        ("not json", "not_json"),
        ("", "not_json"),
        ("[1, 2]", "not_json"),
        ("[" * 10_000, "not_json"),
        (b"\xff\xfe\x00", "not_json"),
        ('{"type": "dance"}', "unknown_type"),
        ('{"type": "message", "text": 5}', "invalid"),
        ('{"type": "report", "id": "1", "reason": "spam"}', "invalid"),
        ('{"type": "history", "before": true}', "invalid"),
    ],
)
async def test_bad_frames_get_an_error_and_the_socket_keeps_working(member, room, frame, code):
    communicator = await joined(member)

    kind = "bytes" if isinstance(frame, bytes) else "text"
    await communicator.send_input({"type": "websocket.receive", kind: frame})

    error = await communicator.receive_json_from(WAIT)
    assert (error["type"], error["code"]) == ("error", code) and error["message"]
    await communicator.send_json_to({"type": "message", "text": "still here"})
    assert (await next_of(communicator, "message"))["text"] == "still here"
    await communicator.disconnect()


async def test_flooding_is_throttled_then_cut_off(member, room):
    communicator = await joined(member)

    for _ in range(21):
        await communicator.send_json_to({"type": "typing"})
    error = await next_of(communicator, "error")
    assert error["code"] == "too_fast"
    for _ in range(40):
        await communicator.send_json_to({"type": "typing"})

    for _ in range(60):
        output = await communicator.receive_output(WAIT)
        if output["type"] == "websocket.close":
            break
    assert output == {"type": "websocket.close", "code": 4429}


async def test_a_suspended_member_is_disconnected(member, moderator, room):
    communicator = await joined(member)

    await database_sync_to_async(sanction_create)(
        member=member, moderator=moderator, kind="suspend", reason="Cooling off",
        duration=timedelta(days=1))

    error = await next_of(communicator, "error")
    assert error["code"] == "sanctioned" and "Cooling off" in error["message"]
    assert await communicator.receive_output(WAIT) == {"type": "websocket.close", "code": 4403}


async def test_a_muted_member_stays_connected_and_is_told(member, moderator, room):
    communicator = await joined(member)

    await database_sync_to_async(sanction_create)(
        member=member, moderator=moderator, kind="mute", reason="A pause",
        duration=timedelta(hours=1))

    assert (await next_of(communicator, "error"))["code"] == "muted"
    await communicator.send_json_to({"type": "history", "after": 0})
    assert (await next_of(communicator, "history"))["messages"] == []
    await communicator.disconnect()


async def test_reporting_a_removed_message_answers_as_for_one_that_never_was(member, other,
                                                                            room):
    sent = await database_sync_to_async(message_send)(author=other, room=room, text="gone")
    await Message.objects.filter(pk=sent.message.pk).aupdate(visibility=Visibility.HIDDEN)
    communicator = await joined(member)

    removed = await refused(communicator, {"type": "report", "id": sent.message.pk,
                                           "reason": "unkind"})
    unknown = await refused(communicator, {"type": "report", "id": sent.message.pk + 1000,
                                           "reason": "unkind"})

    assert removed == unknown and removed["code"] == "not_found"
    assert not await Report.objects.aexists()
    await communicator.disconnect()


async def test_half_a_character_is_refused_and_the_socket_carries_on(member, room):
    communicator = await joined(member)

    await communicator.send_to(text_data='{"type": "message", "text": "hello \\ud800 there"}')
    error = await next_of(communicator, "error")
    await communicator.send_json_to({"type": "message", "text": "hello there"})

    assert error["code"] == "control_characters"
    assert (await next_of(communicator, "message"))["text"] == "hello there"
    await communicator.disconnect()


async def test_catch_up_takes_down_messages_removed_while_away(member, other, moderator, room):
    def send(text):
        return message_send(author=other, room=room, text=text).message

    kept, removed = [await database_sync_to_async(send)(text) for text in ("kept", "unkind")]
    # The member's screen had both; their socket dropped; a moderator removed one meanwhile.
    await database_sync_to_async(content_hide_where_read)(content=removed, moderator=moderator,
                                                          reason="Unkind")
    communicator = await joined(member)

    await communicator.send_json_to({"type": "history", "after": removed.pk})
    frame = await next_of(communicator, "history")

    assert frame["messages"] == [] and frame["removed"] == [removed.pk]
    assert kept.pk not in frame["removed"]
    await communicator.disconnect()


async def test_catch_up_fetches_every_missed_message_page_by_page(member, other, room):
    def many(count):
        Message.objects.bulk_create(
            Message(room=room, author=other, text=f"m{n}") for n in range(count))
        return list(Message.objects.order_by("pk").values_list("pk", flat=True))

    ids = await database_sync_to_async(many)(CATCH_UP_LIMIT + 120)
    communicator = await joined(member)

    seen, after = [], 0
    for _ in range(5):
        await communicator.send_json_to({"type": "history", "after": after})
        frame = await next_of(communicator, "history")
        seen += [m["id"] for m in frame["messages"]]
        if not frame["more"]:
            break
        after = seen[-1]
    assert seen == ids
    await communicator.disconnect()


@pytest.mark.parametrize(
    ("frame", "by_moderator"),
    [
        ('{"type": "message", "text": "hi", "warnings": ["self\\u0000harm"]}', False),
        ('{"type": "message", "text": "hi", "warnings": ["self\\ud800harm"]}', False),
        ('{"type": "message", "text": "hi", "note": "a\\u0000"}', False),
        ('{"type": "report", "id": ID, "reason": "spam\\ud800"}', False),
        ('{"type": "report", "id": ID, "reason": "spam\\u0000"}', False),
        ('{"type": "remove", "id": ID, "reason": "gone\\u0000"}', True),
        ('{"type": "remove", "id": ID, "reason": "gone\\udfff"}', True),
        ('{"type": "typing", "\\ud800": 1}', False),
    ],
)
async def test_nul_and_half_characters_anywhere_in_a_frame_get_a_clear_error(
        member, moderator, other, room, frame, by_moderator):
    sent = await database_sync_to_async(message_send)(author=other, room=room, text="hello")
    communicator = await joined(moderator if by_moderator else member)

    await communicator.send_to(text_data=frame.replace("ID", str(sent.message.pk)))
    error = await next_of(communicator, "error")

    assert error["code"] == "control_characters" and error["message"]
    await communicator.send_json_to({"type": "message", "text": "still here"})
    assert (await next_of(communicator, "message"))["text"] == "still here"
    await communicator.disconnect()
