"""Nothing typed is lost: each message carries its sender's client_id, which comes back in
the ack or the refusal, and a message sent again after a dropped connection is stored once."""

import threading
import uuid
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.db import connection

from chat.models import Message, Room
from chat.services import message_send
from community.refusals import Refused
from moderation.models import WatchedWord
from moderation.sanctions import sanction_create
from tests.chat.test_consumer import WAIT, joined, next_of
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("socket_test_setup")]


def new_id() -> str:
    return uuid.uuid4().hex


async def answer(communicator, frame: dict) -> dict:
    """The ack or error that answers a message frame, passing any other frames."""
    await communicator.send_json_to(frame)
    for _ in range(20):
        reply = await communicator.receive_json_from(WAIT)
        if reply["type"] in ("ack", "error") and reply.get("client_id") == frame["client_id"]:
            return reply
    raise AssertionError("no answer carrying the client_id")


async def frames_within(communicator, seconds: float) -> list[dict]:
    frames = []
    while not await communicator.receive_nothing(seconds):
        frames.append(await communicator.receive_json_from(WAIT))
    return frames


async def test_a_message_is_acknowledged_with_its_client_id(member, room):
    alex = await joined(member)
    client_id = new_id()

    await alex.send_json_to({"type": "message", "text": "Evening all", "client_id": client_id})
    # The room's copy and the ack travel separately: either may come first.
    seen = {}
    while len(seen) < 2:
        frame = await alex.receive_json_from(WAIT)
        if frame["type"] in ("ack", "message"):
            seen[frame["type"]] = frame
    ack, delivered = seen["ack"], seen["message"]

    stored = await Message.objects.aget(text="Evening all")
    assert ack == {"type": "ack", "client_id": client_id, "id": stored.pk,
                   "status": "published"}
    assert (delivered["id"], delivered["client_id"], delivered["held"]) == (
        stored.pk, client_id, False)
    await alex.disconnect()


def slow_mode(member, room):
    Room.objects.filter(pk=room.pk).update(slow_mode_seconds=60)
    message_send(author=member, room=Room.objects.get(pk=room.pk), text="first")


def room_status(status):
    def arrange(member, room):
        Room.objects.filter(pk=room.pk).update(status=status)
    return arrange


def rate_limited(member, room):
    for number in range(5):
        message_send(author=member, room=room, text=f"message {number}")


def muted(member, room):
    sanction_create(member=member, moderator=UserFactory(is_staff=True, is_superuser=True),
                    kind="mute", reason="A pause", duration=timedelta(hours=1))


def blocked_word(member, room):
    WatchedWord.objects.create(pattern="badword", action=WatchedWord.Action.BLOCK)


@pytest.mark.parametrize(("arrange", "code"), [
    (blocked_word, "blocked"),
    (slow_mode, "slow_mode"),
    (rate_limited, "too_fast"),
    (room_status(Room.Status.READ_ONLY), "read_only"),
    (room_status(Room.Status.CLOSED), "closed"),
    (muted, "muted"),
])
async def test_every_refusal_names_the_message_it_refuses(member, room, arrange, code):
    await database_sync_to_async(arrange)(member, room)
    alex = await joined(member)
    client_id = new_id()

    error = await answer(alex, {"type": "message", "text": "you badword",
                                "client_id": client_id})

    assert (error["type"], error["code"], error["client_id"]) == ("error", code, client_id)
    assert error["message"]
    if code in ("slow_mode", "too_fast"):  # how long to wait, for a countdown beside the box
        assert 0 < error["retry_after"] <= 60
    assert not await Message.objects.filter(text="you badword").aexists()
    await alex.disconnect()


async def test_a_flood_of_frames_refuses_the_message_by_its_client_id(member, room):
    alex = await joined(member)
    for _ in range(20):
        await alex.send_json_to({"type": "typing"})
    client_id = new_id()

    error = await answer(alex, {"type": "message", "text": "hello", "client_id": client_id})

    assert (error["code"], error["client_id"]) == ("too_fast", client_id)
    await alex.disconnect()


async def test_a_message_sent_again_after_reconnecting_is_stored_and_shown_once(member, room):
    sam = await joined(await database_sync_to_async(UserFactory)(username="sam"))
    frame = {"type": "message", "text": "Are you there?", "client_id": new_id()}
    first = await joined(member)
    first_ack = await answer(first, frame)
    await first.disconnect()  # the ack was lost with the connection: the screen sends again

    second = await joined(member)
    second_ack = await answer(second, frame)

    assert second_ack == first_ack
    assert await Message.objects.filter(text="Are you there?").acount() == 1
    assert (await next_of(sam, "message"))["text"] == "Are you there?"
    assert "message" not in [frame["type"] for frame in await frames_within(sam, 0.5)]
    await second.disconnect()
    await sam.disconnect()


async def test_a_client_id_must_be_short_and_plain(member, room):
    alex = await joined(member)

    error = await answer(alex, {"type": "message", "text": "hi", "client_id": "x" * 65})

    assert error["code"] == "invalid" and error["client_id"] == "x" * 65
    assert not await Message.objects.aexists()
    await alex.disconnect()


def test_a_client_id_is_the_senders_own_and_stays_in_its_room(member, room):
    other_room = Room.objects.create(name="Other", slug="other")
    sam = UserFactory(username="sam")
    message_send(author=member, room=room, text="mine", client_id="abc")

    assert message_send(author=sam, room=room, text="also mine", client_id="abc").message.pk
    with pytest.raises(Refused) as refused:
        message_send(author=member, room=other_room, text="elsewhere", client_id="abc")
    assert refused.value.code == "invalid"


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="needs PostgreSQL: SQLite's test database locks the whole table")
def test_the_same_message_racing_on_two_connections_is_stored_once(member, room):
    client_id, results, errors = new_id(), [], []
    together = threading.Barrier(2)

    def send():
        try:
            together.wait()
            results.append(message_send(author=member, room=room, text="once",
                                        client_id=client_id))
        except Exception as error:  # shown by the assertion below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Message.objects.filter(text="once").count() == 1
    assert len({sent.message.pk for sent in results}) == 1 and len(results) == 2
    assert sorted(sent.is_repeat for sent in results) == [False, True]


def test_the_plain_form_sent_twice_posts_once(client, member, room):
    client.force_login(member)
    page = client.get("/chat/evening-drop-in/")
    client_id = page.context["send_form"]["client_id"].value()

    for _ in range(2):
        sent = client.post("/chat/evening-drop-in/send/", {"text": "Hello there",
                                                          "client_id": client_id})
        assert sent.status_code == 302

    assert Message.objects.filter(text="Hello there").count() == 1
    assert client.get("/chat/evening-drop-in/").context["send_form"]["client_id"].value() \
        != client_id
