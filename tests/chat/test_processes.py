"""Chat across real server processes: two daphnes on one Redis and one database.

The in-process tests use the in-memory layer; only here does a frame travel
through channels_redis from one process to another, as behind a proxy.
"""

import asyncio
import json
import uuid

import pytest

from tests.chat.servers import (
    ServerFailed,
    forget_prefix,
    log_in,
    prepare_site,
    running_server,
    server_env,
)

ROOM = "crossing"
WAIT_SECONDS = 10

websockets = pytest.importorskip("websockets", reason="pip install -e '.[test]' for websockets")
from websockets.asyncio.client import connect  # noqa: E402

pytestmark = pytest.mark.redis


@pytest.fixture
def two_servers(redis_url, tmp_path):
    """Servers A and B on the same Redis (under a prefix of this run only) and database."""
    prefix = f"test-{uuid.uuid4().hex}"
    env = server_env(database_url=f"sqlite:///{tmp_path / 'site.sqlite3'}",
                     redis_url=redis_url, prefix=prefix)
    log = tmp_path / "servers.log"
    try:
        prepare_site(env, log, room_slug=ROOM)
        with running_server(env, log) as a, running_server(env, log) as b:
            yield a, b
    except ServerFailed as error:
        pytest.fail(str(error))
    finally:
        forget_prefix(redis_url, prefix)
        if log.exists():  # pytest shows this only when the test failed
            print(f"--- server log ---\n{log.read_text(errors='replace')[-10_000:]}")


def chat_socket(base_url: str, cookie: str):
    return connect(f"{base_url.replace('http', 'ws', 1)}/ws/chat/{ROOM}/",
                   origin=base_url, additional_headers={"Cookie": cookie},
                   open_timeout=WAIT_SECONDS)


async def frame_where(socket, wanted, what: str) -> dict:
    """The next frame `wanted` accepts, skipping others (history, typing, presence...)."""
    seen = []

    async def read():
        while True:
            frame = json.loads(await socket.recv())
            if wanted(frame):
                return frame
            seen.append(frame)

    try:
        return await asyncio.wait_for(read(), WAIT_SECONDS)
    except TimeoutError:
        pytest.fail(f"no {what} within {WAIT_SECONDS}s; frames seen: {seen}")


def names(frame: dict) -> set[str]:
    """Presence lists members as names or as objects with a name."""
    found = set()
    for member in frame.get("members", []):
        if isinstance(member, dict):
            found.update(str(member.get(key)) for key in ("username", "author", "name")
                         if member.get(key))
        else:
            found.add(str(member))
    return found


async def test_messages_removals_and_presence_cross_between_server_processes(two_servers):
    a, b = two_servers
    moderator_cookie = await asyncio.to_thread(log_in, a, "mo")
    member_cookie = await asyncio.to_thread(log_in, b, "alex")

    async with chat_socket(a, moderator_cookie) as mo_on_a:
        await frame_where(mo_on_a, lambda f: f["type"] == "history", "history on connect")

        async with chat_socket(b, member_cookie) as alex_on_b:
            # Presence: alex joining on B shows on A.
            await frame_where(mo_on_a, lambda f: f["type"] == "presence" and "alex" in names(f),
                              "presence with alex on A")

            # A message sent on A arrives on B, and one sent on B arrives on A.
            await mo_on_a.send(json.dumps({"type": "message", "text": "Welcome, from A",
                                           "warnings": []}))
            from_a = await frame_where(
                alex_on_b, lambda f: f["type"] == "message" and f["text"] == "Welcome, from A",
                "A's message on B")
            assert from_a["author"] == "mo"
            await alex_on_b.send(json.dumps({"type": "message", "text": "Hello, from B",
                                             "warnings": []}))
            from_b = await frame_where(
                mo_on_a, lambda f: f["type"] == "message" and f["text"] == "Hello, from B",
                "B's message on A")
            assert from_b["author"] == "alex"

            # The moderator's removal on A takes the message off B's screen.
            await mo_on_a.send(json.dumps({"type": "remove", "id": from_b["id"],
                                           "reason": "Checking removal crosses"}))
            removed = await frame_where(alex_on_b, lambda f: f["type"] == "removed",
                                        "removal on B")
            assert removed["id"] == from_b["id"]


async def test_a_message_resent_to_another_process_is_stored_once(two_servers):
    """A screen whose connection dropped may come back through another server process."""
    a, b = two_servers
    cookie = await asyncio.to_thread(log_in, a, "alex")
    frame = json.dumps({"type": "message", "text": "Only once, please", "warnings": [],
                        "client_id": uuid.uuid4().hex})

    def is_ack(f: dict) -> bool:
        return f["type"] == "ack"

    async with chat_socket(a, cookie) as on_a:
        await on_a.send(frame)
        first = await frame_where(on_a, is_ack, "the ack on A")
    async with chat_socket(b, cookie) as on_b:
        await on_b.send(frame)
        again = await frame_where(on_b, is_ack, "the ack on B")
        await on_b.send(json.dumps({"type": "history", "after": first["id"] - 1}))
        caught_up = await frame_where(on_b, lambda f: f["type"] == "history" and "after" in f,
                                      "catch-up on B")

    assert again == first
    assert [m["text"] for m in caught_up["messages"]] == ["Only once, please"]
