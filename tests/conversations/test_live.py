"""The conversation socket at /ws/conversations/<id>/: new messages, removals and the end
reach the pages open on it, and only pages of people who may read it."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from community import roles
from community.services import role_grant
from conversations.services import (
    conversation_end,
    conversation_open,
    conversation_write,
    message_set_visibility,
)
from moderation.content import Visibility
from tests.conftest import session_cookie
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("socket_test_setup")]
WAIT = 2


async def open_socket(conversation, user=None) -> WebsocketCommunicator:
    from config.asgi import application

    headers = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]
    if user is not None:
        headers.append((b"cookie", await database_sync_to_async(session_cookie)(user)))
    socket = WebsocketCommunicator(application, f"/ws/conversations/{conversation.pk}/",
                                   headers=headers)
    connected, _ = await socket.connect()
    assert connected
    return socket


@pytest.fixture
def checked_in(transactional_db):
    """(moderator, member, the conversation the moderator opened with the member)."""
    moderator, member = UserFactory(username="mo"), UserFactory(username="alex")
    role_grant(user=moderator, role=roles.MODERATORS)
    conversation = conversation_open(starter=moderator, member=member,
                                     text="Checking in").conversation
    return moderator, member, conversation


async def test_a_reply_reaches_the_other_page_at_once(checked_in):
    moderator, member, conversation = checked_in
    socket = await open_socket(conversation, moderator)

    await database_sync_to_async(conversation_write)(author=member, conversation=conversation,
                                                     text="<b>Hard</b>\nweek")

    frame = await socket.receive_json_from(timeout=WAIT)
    assert frame["type"] == "message" and frame["text"] == "<b>Hard</b>\nweek"
    assert frame["author"] == "alex" and frame["report_url"].endswith("/report/")
    await socket.disconnect()


async def test_removals_and_the_end_arrive(checked_in):
    moderator, member, conversation = checked_in
    socket = await open_socket(conversation, member)
    first = await database_sync_to_async(lambda: conversation.messages.get())()

    await database_sync_to_async(message_set_visibility)(
        message=first, visibility=Visibility.HIDDEN, by=moderator, reason="Wrong person")
    assert await socket.receive_json_from(timeout=WAIT) == {"type": "removed", "id": first.pk}
    await database_sync_to_async(conversation_end)(by=moderator, conversation=conversation)
    assert await socket.receive_json_from(timeout=WAIT) == {"type": "ended"}
    await socket.disconnect()


@pytest.fixture
def stranger(transactional_db):
    return UserFactory(username="sam")


@pytest.mark.parametrize(("who", "code"), [("visitor", 4401), ("stranger", 4403)])
async def test_others_are_turned_away(checked_in, stranger, who, code):
    conversation = checked_in[2]
    user = None if who == "visitor" else stranger

    socket = await open_socket(conversation, user)

    assert (await socket.receive_output(timeout=WAIT))["code"] == code
