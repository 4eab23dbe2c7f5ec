"""A held message stays with its writer, marked as waiting, until a moderator approves it (it
then appears for everyone in its place) or hides it (the writer is told)."""

import pytest
from channels.db import database_sync_to_async
from django.contrib.contenttypes.models import ContentType

from chat.models import Message
from chat.services import message_send
from moderation.content import Visibility
from moderation.models import QueueItem, WatchedWord
from moderation.services import content_approve, content_hide
from tests.chat.test_consumer import joined, next_of, open_socket
from tests.chat.test_sending import answer, frames_within
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("socket_test_setup")]
HELD_WORDS = "Can anyone recommend a checkword for me"


@pytest.fixture
def hold_word(db):
    WatchedWord.objects.create(pattern="checkword", action=WatchedWord.Action.HOLD)


@pytest.fixture
def sam(db):
    return UserFactory(username="sam")


def queue_item(message: Message) -> QueueItem:
    return QueueItem.objects.get(content_type=ContentType.objects.get_for_model(Message),
                                 object_id=message.pk)


async def test_a_held_message_reaches_its_writer_alone_marked_as_waiting(member, sam, room,
                                                                        hold_word):
    alex = await joined(member)
    other = await joined(sam)

    ack = await answer(alex, {"type": "message", "text": HELD_WORDS, "client_id": "h1"})
    mine = await next_of(alex, "message")

    assert ack["status"] == "held" and ack["message"]
    assert (mine["id"], mine["held"], mine["client_id"]) == (ack["id"], True, "h1")
    assert "message" not in [f["type"] for f in await frames_within(other, 0.5)]
    await alex.disconnect()
    await other.disconnect()


async def test_a_held_message_is_still_there_for_its_writer_after_reconnecting(member, sam,
                                                                              room, hold_word):
    held = (await database_sync_to_async(message_send)(author=member, room=room,
                                                         text=HELD_WORDS)).message
    await database_sync_to_async(message_send)(author=sam, room=room, text="Hi")
    expected = {member: [(HELD_WORDS, True), ("Hi", False)], sam: [("Hi", False)]}

    for user, seen in expected.items():
        screen = await open_socket(user)
        opening = await next_of(screen, "history")
        await screen.send_json_to({"type": "history", "after": held.pk - 1})
        caught_up = await next_of(screen, "history")

        for frame in opening, caught_up:
            assert [(m["text"], m["held"]) for m in frame["messages"]] == seen
        assert held.pk not in caught_up["removed"]
        await screen.disconnect()


def test_the_page_shows_the_writer_their_held_message_and_no_one_else(client, member, sam,
                                                                      room, hold_word):
    message_send(author=member, room=room, text=HELD_WORDS)

    client.force_login(member)
    mine = client.get("/chat/evening-drop-in/").text
    client.force_login(sam)
    theirs = client.get("/chat/evening-drop-in/").text

    assert HELD_WORDS in mine and "Waiting for a moderator" in mine
    assert HELD_WORDS not in theirs


async def test_an_approved_message_appears_live_for_everyone_in_its_place(member, sam,
                                                                         moderator, room,
                                                                         hold_word):
    held = (await database_sync_to_async(message_send)(author=member, room=room,
                                                         text=HELD_WORDS)).message
    alex = await joined(member)
    other = await joined(sam)

    item = await database_sync_to_async(queue_item)(held)
    await database_sync_to_async(content_approve)(item=item, moderator=moderator)

    for screen in alex, other:
        shown = await next_of(screen, "message")
        assert (shown["id"], shown["text"], shown["held"]) == (held.pk, HELD_WORDS, False)
    await alex.disconnect()
    await other.disconnect()


async def test_a_message_approved_while_away_comes_back_on_catching_up(member, sam, moderator,
                                                                      room, hold_word):
    held = (await database_sync_to_async(message_send)(author=member, room=room,
                                                         text=HELD_WORDS)).message
    later = (await database_sync_to_async(message_send)(author=sam, room=room,
                                                          text="Later")).message
    item = await database_sync_to_async(queue_item)(held)
    await database_sync_to_async(content_approve)(item=item, moderator=moderator)
    other = await joined(sam)

    await other.send_json_to({"type": "history", "after": later.pk})
    frame = await next_of(other, "history")

    assert [(m["id"], m["held"]) for m in frame["messages"]] == [(held.pk, False)]
    await other.disconnect()


async def test_a_hidden_held_message_leaves_and_its_writer_is_told_why(member, moderator,
                                                                      room, hold_word):
    held = (await database_sync_to_async(message_send)(author=member, room=room,
                                                         text=HELD_WORDS)).message
    alex = await joined(member)

    item = await database_sync_to_async(queue_item)(held)
    await database_sync_to_async(content_hide)(item=item, moderator=moderator,
                                               reason="Please don't share that here")

    told = await next_of(alex, "hidden")
    assert told["id"] == held.pk
    assert "did not approve" in told["message"] and "don't share that" in told["message"]
    await held.arefresh_from_db()
    assert held.visibility == Visibility.HIDDEN
    await alex.disconnect()


def test_the_page_lets_a_member_read_older_messages_without_javascript(client, member, room):
    Message.objects.bulk_create(Message(room=room, author=member, text=f"line {n:03}")
                                for n in range(120))
    client.force_login(member)

    newest = client.get("/chat/evening-drop-in/")
    first_shown = newest.context["messages_shown"][0]["message"].pk
    older = client.get(f"/chat/evening-drop-in/?before={first_shown}")

    assert "line 119" in newest.text and "line 069" not in newest.text
    assert f'href="?before={first_shown}#messages-heading"' in newest.text
    assert "line 069" in older.text and "line 119" not in older.text
    assert "Load older messages" in older.text and "Back to the newest" in older.text
