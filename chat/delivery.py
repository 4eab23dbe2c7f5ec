"""Room events delivered once per server process, then handed to each of its sockets there.

A room's events reach a process through one channel-layer channel in the room's
group, not one per socket: the layer decodes each event once per process, and
each socket gets it on a queue of its own, so a slow phone delays only itself.
Messages and presence lists are the same for every member, so their events
carry the frame's JSON text, encoded once, and each socket writes it as it is.
"""

import asyncio
import contextlib
import json
import logging
import weakref
from asyncio import AbstractEventLoop

log = logging.getLogger(__name__)
FRAME_EVENT = "chat.frame"
# The list layer forgets a group's members after a day (its group_expiry) unless renewed.
RENEW_SECONDS = 3600


def frame_event(frame: dict) -> dict:
    """The channel-layer event that puts `frame` on every socket in the room."""
    return {"type": FRAME_EVENT, "text": json.dumps(frame)}


class RoomInProcess:
    """This process's sockets in one room, fed by one channel in the room's group."""

    def __init__(self, layer, group: str):
        self.layer, self.group = layer, group
        self.outboxes: dict[object, asyncio.Queue] = {}
        self.channel = ""
        self.tasks: list[asyncio.Task] = []
        self.started = asyncio.ensure_future(self._start())

    async def _start(self) -> None:
        self.channel = await self.layer.new_channel()
        await self.layer.group_add(self.group, self.channel)
        self.tasks = [asyncio.create_task(self._feed()), asyncio.create_task(self._renew())]

    async def _renew(self) -> None:
        while True:
            await asyncio.sleep(RENEW_SECONDS)
            with contextlib.suppress(Exception):  # the next hour's renewal will do
                await self.layer.group_add(self.group, self.channel)

    async def _feed(self) -> None:
        while True:
            try:
                event = await self.layer.receive(self.channel)
            except Exception:  # a Redis blip must not end the room in this process
                log.warning("Room %s: reading its events failed; retrying", self.group,
                            exc_info=True)
                await asyncio.sleep(1)
                continue
            for outbox in self.outboxes.values():
                outbox.put_nowait(event)

    async def stop(self) -> None:
        self.started.cancel()
        for task in self.tasks:
            task.cancel()
        if self.channel:
            await self.layer.group_discard(self.group, self.channel)


# Per event loop (each test has its own) and per layer (tests change its prefix).
_rooms: weakref.WeakKeyDictionary[AbstractEventLoop, dict] = weakref.WeakKeyDictionary()


async def room_join(layer, group: str, socket) -> asyncio.Queue:
    """The queue of `group`'s events for `socket`, from the moment this returns."""
    rooms = _rooms.setdefault(asyncio.get_running_loop(), {})
    room = rooms.get((id(layer), group))
    if room is None:
        room = rooms[(id(layer), group)] = RoomInProcess(layer, group)
    outbox = room.outboxes[socket] = asyncio.Queue()
    await asyncio.shield(room.started)
    return outbox


async def room_leave(layer, group: str, socket) -> None:
    rooms = _rooms.get(asyncio.get_running_loop(), {})
    room = rooms.get((id(layer), group))
    if room is None or room.outboxes.pop(socket, None) is None or room.outboxes:
        return
    del rooms[(id(layer), group)]
    await room.stop()
