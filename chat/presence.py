"""Who is in each room now: one interface, kept in Redis when there is one, else in this process.

Every open socket refreshes its entry about every HEARTBEAT_SECONDS; entries
older than STALE_SECONDS are ignored and pruned, so the members of a process
that died drop out within a minute. A member with several tabs counts once.
"""

import logging
import time
import weakref
from asyncio import AbstractEventLoop, get_running_loop

from django.conf import settings

log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 20
STALE_SECONDS = 60


def _entry(channel: str, name: str) -> str:
    # Channel names never hold spaces, so the first space splits the two.
    return f"{channel} {name}"


def _name(entry: str | bytes) -> str:
    if isinstance(entry, bytes):
        entry = entry.decode()
    return entry.split(" ", 1)[1]


class MemoryPresence:
    """For one process (development, tests without Redis): a dict with the same expiry."""

    def __init__(self):
        self.rooms: dict[int, dict[str, float]] = {}

    async def enter(self, room_id: int, channel: str, name: str) -> None:
        self.rooms.setdefault(room_id, {})[_entry(channel, name)] = time.time()

    touch = enter

    async def leave(self, room_id: int, channel: str, name: str) -> None:
        self.rooms.get(room_id, {}).pop(_entry(channel, name), None)

    async def names(self, room_id: int) -> list[str]:
        return self.names_by_room([room_id])[room_id]

    def names_by_room(self, room_ids) -> dict[int, list[str]]:
        oldest = time.time() - STALE_SECONDS
        found = {}
        for room_id in room_ids:
            entries = self.rooms.get(room_id, {})
            for entry in [e for e, seen in entries.items() if seen < oldest]:
                del entries[entry]
            found[room_id] = sorted({_name(entry) for entry in entries})
        return found


class RedisPresence:
    """Shared by every server process: a sorted set per room, entry -> last seen."""

    def __init__(self, url: str, prefix: str):
        self.url, self.prefix = url, prefix
        # redis.asyncio connections belong to the event loop that made them.
        self.clients: weakref.WeakKeyDictionary[AbstractEventLoop, object] = (
            weakref.WeakKeyDictionary())

    def key(self, room_id: int) -> str:
        return f"{self.prefix}:chat:presence:{room_id}"

    def _client(self):
        import redis.asyncio

        loop = get_running_loop()
        client = self.clients.get(loop)
        if client is None:
            client = self.clients[loop] = redis.asyncio.Redis.from_url(self.url)
        return client

    async def enter(self, room_id: int, channel: str, name: str) -> None:
        key = self.key(room_id)
        async with self._client().pipeline(transaction=False) as pipe:
            pipe.zadd(key, {_entry(channel, name): time.time()})
            pipe.expire(key, STALE_SECONDS * 2)
            await pipe.execute()

    touch = enter

    async def leave(self, room_id: int, channel: str, name: str) -> None:
        await self._client().zrem(self.key(room_id), _entry(channel, name))

    async def names(self, room_id: int) -> list[str]:
        key = self.key(room_id)
        async with self._client().pipeline(transaction=False) as pipe:
            pipe.zremrangebyscore(key, "-inf", time.time() - STALE_SECONDS)
            pipe.zrange(key, 0, -1)
            _, entries = await pipe.execute()
        return sorted({_name(entry) for entry in entries})

    def names_by_room(self, room_ids) -> dict[int, list[str]]:
        """For pages (synchronous): one round trip for every room listed."""
        import redis

        room_ids = list(room_ids)
        oldest = time.time() - STALE_SECONDS
        timeout = settings.REDIS_TIMEOUT_SECONDS
        try:
            with redis.Redis.from_url(self.url, socket_connect_timeout=timeout,
                                      socket_timeout=timeout) as client, client.pipeline(
                    transaction=False) as pipe:
                for room_id in room_ids:
                    pipe.zrangebyscore(self.key(room_id), oldest, "+inf")
                results = pipe.execute() if room_ids else []
        except redis.RedisError:
            # The rooms are still worth listing: just without who is in them.
            log.warning("Presence unreachable in Redis; listing rooms without it", exc_info=True)
            results = [[] for _ in room_ids]
        return {room_id: sorted({_name(entry) for entry in entries})
                for room_id, entries in zip(room_ids, results, strict=True)}


_stores: dict[tuple, MemoryPresence | RedisPresence] = {}


def store() -> MemoryPresence | RedisPresence:
    """The store for the current settings (tests change the channel prefix per test)."""
    url = getattr(settings, "CHANNEL_REDIS_URL", "")
    prefix = settings.CHANNEL_LAYERS["default"].get("CONFIG", {}).get("prefix", "asgi")
    key = (url, prefix)
    if key not in _stores:
        _stores[key] = RedisPresence(url, prefix) if url else MemoryPresence()
    return _stores[key]
