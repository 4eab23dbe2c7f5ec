"""Room events delivered once per server process, then handed to each of its sockets there.

A room's events reach a process through one channel-layer channel in the room's
group, not one per socket: the layer decodes each event once per process, and
each socket gets it on a queue of its own, so a slow phone delays only itself.
Messages and presence lists are the same for every member, so their events
carry the frame's JSON text, encoded once, and each socket writes it as it is.
"""

import asyncio
import json
import weakref
from asyncio import AbstractEventLoop

FRAME_EVENT = "chat.frame"


def frame_event(frame: dict) -> dict:
    """The channel-layer event that puts `frame` on every socket in the room."""
    return {"type": FRAME_EVENT, "text": json.dumps(frame)}


class RoomInProcess:
    """This process's sockets in one room, fed by one channel in the room's group."""

    def __init__(self, layer):
        self.layer = layer
        self.outboxes: dict[object, asyncio.Queue] = {}
        self.channel = ""
        self.feeding: asyncio.Task | None = None
        self.started = asyncio.ensure_future(self._start())

    async def _start(self) -> None:
        self.channel = await self.layer.new_channel()
        self.feeding = asyncio.create_task(self._feed())

    async def _feed(self) -> None:
        while True:
            event = await self.layer.receive(self.channel)
            for outbox in self.outboxes.values():
                outbox.put_nowait(event)

    def stop(self) -> None:
        self.started.cancel()
        if self.feeding is not None:
            self.feeding.cancel()


# Per event loop (each test has its own) and per layer (tests change its prefix).
_rooms: weakref.WeakKeyDictionary[AbstractEventLoop, dict] = weakref.WeakKeyDictionary()


async def room_join(layer, group: str, socket) -> asyncio.Queue:
    """The queue of `group`'s events for `socket`, from the moment this returns."""
    rooms = _rooms.setdefault(asyncio.get_running_loop(), {})
    room = rooms.get((id(layer), group))
    if room is None:
        room = rooms[(id(layer), group)] = RoomInProcess(layer)
    outbox = room.outboxes[socket] = asyncio.Queue()
    await asyncio.shield(room.started)
    # Every join, not only the first: it also renews a membership the layer lets expire.
    await layer.group_add(group, room.channel)
    return outbox


async def room_leave(layer, group: str, socket) -> None:
    rooms = _rooms.get(asyncio.get_running_loop(), {})
    room = rooms.get((id(layer), group))
    if room is None or room.outboxes.pop(socket, None) is None or room.outboxes:
        return
    del rooms[(id(layer), group)]
    room.stop()
    if room.channel:
        await layer.group_discard(group, room.channel)
