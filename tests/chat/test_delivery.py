"""Delivering a full room: frames encoded once, and never waiting for the database."""

import asyncio
import json
import threading
import time

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer

from chat.delivery import frame_event
from chat.services import message_send
from community.ratelimits import frame_allowed, frames_forget
from tests.chat.test_consumer import WAIT, joined, next_of
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("socket_test_setup")]


async def test_room_frames_arrive_while_the_database_is_busy(member, room):
    alex = await joined(member)
    # A slow write elsewhere in this process holds the one thread that talks to the database.
    busy = asyncio.ensure_future(sync_to_async(time.sleep)(WAIT + 1))
    await asyncio.sleep(0.05)

    await get_channel_layer().group_send(room.group_name, frame_event(
        {"type": "message", "id": 1, "author": "sam", "text": "still here?"}))

    assert (await alex.receive_json_from(WAIT))["text"] == "still here?"
    await busy
    await alex.disconnect()


async def test_a_message_is_encoded_once_and_every_member_gets_the_same_frame(member, room):
    other = await sync_to_async(UserFactory)(username="sam")
    alex, sam = await joined(member), await joined(other)
    await next_of(alex, "presence")
    layer = get_channel_layer()
    listener = await layer.new_channel()
    await layer.group_add(room.group_name, listener)

    await sync_to_async(message_send)(author=member, room=room, text="hello all")

    event = await asyncio.wait_for(layer.receive(listener), WAIT)
    assert json.loads(event["text"])["text"] == "hello all"
    assert await alex.receive_from(WAIT) == event["text"]
    assert await sam.receive_from(WAIT) == event["text"]
    await alex.disconnect()
    await sam.disconnect()


def test_counting_a_members_frames_starts_no_thread():
    """Starting one held the event loop, and with it every socket's deliveries, under load."""
    before = threading.active_count()

    allowed = [frame_allowed("socket-1", "3 per 5 seconds") for _ in range(4)]

    assert threading.active_count() == before
    assert allowed == [True, True, True, False]
    frames_forget("socket-1", "3 per 5 seconds")
    assert frame_allowed("socket-1", "3 per 5 seconds")
