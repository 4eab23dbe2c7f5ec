"""send_event_on_commit, and several processes sharing a group through Redis."""

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import transaction

from community.realtime import send_event_on_commit
from config.settings import redis_channel_layers

ROOT = Path(__file__).resolve().parents[2]


async def join_new_channel(group: str) -> str:
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(group, channel)
    return channel


async def receive_soon(channel: str, timeout: float) -> dict | None:
    try:
        return await asyncio.wait_for(get_channel_layer().receive(channel), timeout)
    except TimeoutError:
        return None


def write_and_announce(group: str, event: dict, *, fail: bool) -> None:
    """What a service does: write inside a transaction, announce after commit."""
    with transaction.atomic():
        send_event_on_commit(group, event)
        if fail:
            raise RuntimeError("the write failed")


@pytest.mark.django_db(transaction=True)
async def test_event_is_sent_once_the_transaction_commits():
    channel = await join_new_channel("room-1")

    event = {"type": "chat.message", "text": "hi"}

    await database_sync_to_async(write_and_announce)("room-1", event, fail=False)

    assert await receive_soon(channel, 2) == event


@pytest.mark.django_db(transaction=True)
async def test_nothing_is_sent_when_the_transaction_rolls_back():
    channel = await join_new_channel("room-2")

    with pytest.raises(RuntimeError):
        await database_sync_to_async(write_and_announce)("room-2", {"type": "x"}, fail=True)

    assert await receive_soon(channel, 0.3) is None


@pytest.mark.parametrize(
    ("group", "event"),
    [("room 1", {"type": "x"}), ("room-1", {"text": "no type"}), ("", {"type": "x"})],
)
def test_malformed_events_are_refused(group, event):
    with pytest.raises(ValueError):
        send_event_on_commit(group, event)


LISTENER = """
import asyncio, sys
from channels_redis.core import RedisChannelLayer
layer = RedisChannelLayer(hosts=[sys.argv[1]], prefix=sys.argv[2])
async def main():
    channel = await layer.new_channel()
    await layer.group_add(sys.argv[3], channel)
    print("ready", flush=True)
    message = await asyncio.wait_for(layer.receive(channel), 20)
    print(message["text"], flush=True)
asyncio.run(main())
"""

SENDER = """
import asyncio, sys
from channels_redis.core import RedisChannelLayer
layer = RedisChannelLayer(hosts=[sys.argv[1]], prefix=sys.argv[2])
asyncio.run(layer.group_send(sys.argv[3], {"type": "chat.message", "text": "across processes"}))
"""


@pytest.mark.redis
def test_two_processes_share_a_group_through_redis(redis_url):
    prefix, group = f"test-{uuid.uuid4().hex}", "room-shared"
    args = [redis_url, prefix, group]
    listener = subprocess.Popen(
        [sys.executable, "-c", LISTENER, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT,
        env=os.environ,
    )
    try:
        assert listener.stdout.readline().strip() == "ready"
        subprocess.run([sys.executable, "-c", SENDER, *args], check=True, timeout=20, cwd=ROOT)
        assert listener.stdout.readline().strip() == "across processes"
    finally:
        listener.kill()
        listener.wait()


@pytest.fixture
def silent_redis():
    """A port that takes connections and never answers, as a Redis that has hung."""
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen(16)
        yield f"redis://127.0.0.1:{listening.getsockname()[1]}/0"


@pytest.mark.django_db(transaction=True)
def test_a_hung_channel_layer_holds_a_write_only_briefly(settings, silent_redis, caplog):
    settings.CHANNEL_LAYERS = redis_channel_layers(silent_redis, "test", "pubsub")
    started = time.monotonic()

    write_and_announce("room-3", {"type": "chat.message", "text": "hi"}, fail=False)

    assert time.monotonic() - started < 3
    assert "send_event_on_commit" in caplog.text
