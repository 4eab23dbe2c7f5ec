"""The chat socket at /ws/chat/<room>/: frames in, services called, frames out (DESIGN.md)."""

import asyncio
import contextlib
import json

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from chat import presence, selectors, services
from chat.delivery import frame_event, room_join, room_leave
from chat.models import Message, Room
from chat.permissions import can_join, check_join
from community.frames import error_frame as error
from community.frames import read_frame
from community.models import User
from community.ratelimits import frame_allowed, frames_forget
from community.realtime import member_group
from community.refusals import Refused
from community.sockets import signed_in_user
from moderation.sanctions import LOCKED_OUT
from moderation.services import content_hide_where_read, report_create

MAX_WARNINGS = 10
# Frames of any kind on one socket: past the first rate a frame is refused with a word to
# slow down, past the second the socket is cut off. Typing notices go out at most one per pace.
FRAMES_WARN, FRAMES_CLOSE = "20 per 5 seconds", "60 per 5 seconds"
TYPING_PACE = "1 per 3 seconds"
# Closed after accepting, so the browser sees the code and knows whether retrying can help.
NOT_SIGNED_IN, NOT_ALLOWED, NO_SUCH_ROOM, TOO_MANY_FRAMES = 4401, 4403, 4404, 4429
HELD_NOTICE = ("Thanks. A moderator will check your message before others see it. "
               "It stays here with you, marked “waiting for a moderator”, until then.")
SIGNED_OUT_NOTICE = "You have been signed out. Log in again to chat."


class ChatConsumer(AsyncWebsocketConsumer):
    room: Room | None = None
    heartbeat: asyncio.Task | None = None
    delivering: asyncio.Task | None = None

    async def connect(self):
        user = self.scope["user"]
        if not user.is_authenticated:
            return await self._refuse(NOT_SIGNED_IN)
        room, allowed = await _room_for(user, self.scope["url_route"]["kwargs"]["slug"])
        if room is None:
            return await self._refuse(NO_SUCH_ROOM)
        if not allowed:
            return await self._refuse(NOT_ALLOWED)
        self.room, self.user, self.name = room, user, user.username
        # Joined before the handshake ends, so nothing sent meanwhile is missed: the room's
        # events wait in the outbox until the history has gone.
        self.outbox = await room_join(self.channel_layer, room.group_name, self)
        await self.channel_layer.group_add(member_group(user.pk), self.channel_name)
        await self.accept()
        await self.send_json({"type": "history", **await database_sync_to_async(
            selectors.history)(room, viewer=user)})
        self.delivering = asyncio.create_task(self._deliver())
        await presence.store().enter(room.pk, self.channel_name, self.name)
        self._announce_presence()
        self.heartbeat = asyncio.create_task(self._beat())

    async def disconnect(self, code):
        frames_forget(self.channel_name, FRAMES_WARN, FRAMES_CLOSE, TYPING_PACE)
        if self.room is None:
            return
        for task in (self.heartbeat, self.delivering):
            if task is not None:
                task.cancel()
        await room_leave(self.channel_layer, self.room.group_name, self)
        await self.channel_layer.group_discard(member_group(self.user.pk), self.channel_name)
        await presence.store().leave(self.room.pk, self.channel_name, self.name)
        self._announce_presence()
        self.room = None

    async def receive(self, text_data=None, bytes_data=None):
        if self.room is None:
            return
        if not frame_allowed(self.channel_name, FRAMES_CLOSE):
            return await self._cut_off()
        content = None
        try:
            content = read_frame(text_data if text_data is not None else bytes_data)
            if not frame_allowed(self.channel_name, FRAMES_WARN):
                raise Refused("too_fast", "You're sending a lot very quickly. "
                                          "Please wait a moment.")
            handler = HANDLERS.get(content["type"])
            if handler is None:
                raise Refused("unknown_type", "This socket does not know that kind of frame.")
            await handler(self, content)
        except Refused as refused:
            wait = {"retry_after": refused.retry_after} if refused.retry_after else {}
            await self.send_json(error(refused.code, refused.message) | wait | _echo(content))
            if refused.help:
                await self.send_json({"type": "signpost", "resources": [
                    services.resource_frame(resource) for resource in refused.help]})
        except ValidationError as invalid:
            await self.send_json(error(getattr(invalid, "code", None) or "invalid",
                                       " ".join(invalid.messages)) | _echo(content))
        except PermissionDenied as denied:
            await self.send_json(error("forbidden", str(denied) or "You can't do that here.")
                                 | _echo(content))

    # Frames from the member.

    async def on_message(self, content):
        text = _field(content, "text", str)
        client_id = content.get("client_id", "")
        if not isinstance(client_id, str):
            raise Refused("invalid", "A client_id must be text.")
        note = content.get("note", "")
        warnings = content.get("warnings", [])
        if (not isinstance(warnings, list) or len(warnings) > MAX_WARNINGS
                or not all(isinstance(w, str) for w in warnings)):
            raise Refused("invalid", "Choose content warnings from the list.")
        if not isinstance(note, str):
            raise Refused("invalid", "A content warning's note must be text.")
        sent = await database_sync_to_async(_send)(self.user, self.room.pk, text, warnings,
                                                   note, client_id)
        ack = {"type": "ack", "client_id": client_id, "id": sent.message.pk,
               "status": sent.message.visibility}
        if sent.is_held:
            ack["message"] = sent.held_reason or HELD_NOTICE
        await self.send_json(ack)
        if sent.signpost:
            await self.send_json({"type": "signpost", "resources": [
                services.resource_frame(resource) for resource in sent.signpost]})

    async def on_report(self, content):
        message_id = _field(content, "id", int)
        reason = _field(content, "reason", str)
        note = content.get("note", "")
        if not isinstance(note, str):
            raise Refused("invalid", "A report's note must be text.")
        await database_sync_to_async(_report)(self.user, self.room.pk, message_id, reason, note)
        await self.send_json({"type": "reported", "id": message_id})

    async def on_delete(self, content):
        message_id = _field(content, "id", int)
        await database_sync_to_async(_delete)(self.user, self.room.pk, message_id)

    async def on_history(self, content):
        before, after = content.get("before"), content.get("after")
        if sum(v is not None for v in (before, after)) != 1 or not all(
                v is None or _is_int(v) for v in (before, after)):
            raise Refused("invalid", "Ask for history before or after one message id.")
        if after is not None:
            caught_up = await database_sync_to_async(selectors.catch_up)(
                self.room, viewer=self.user, after=after)
            return await self.send_json({"type": "history", "after": after, **caught_up})
        older = await database_sync_to_async(selectors.history)(
            self.room, viewer=self.user, before=before)
        await self.send_json({"type": "history", "before": before, **older})

    async def on_typing(self, content):
        if not frame_allowed(self.channel_name, TYPING_PACE):
            return  # not stored and not worth an error: the next one will do
        await self.channel_layer.group_send(self.room.group_name, {
            **frame_event({"type": "typing", "member": self.name}),
            "type": "chat.typing", "channel": self.channel_name})

    async def on_remove(self, content):
        message_id = _field(content, "id", int)
        reason = content.get("reason", "")
        if not isinstance(reason, str) or len(reason) > 500:
            raise Refused("invalid", "Give a reason of up to 500 characters.")
        await database_sync_to_async(_remove)(self.user, self.room.pk, message_id, reason)

    # Events from the channel layer.

    async def chat_frame(self, event):
        """A frame encoded once for the whole room (chat.delivery), written as it is."""
        await self.send(text_data=event["text"])

    async def chat_removed(self, event):
        await self.send_json({"type": "removed", "id": event["id"]})

    async def chat_held(self, event):
        """The member's own held message, to each of their screens in that room."""
        if self.room is not None and event["room"] == self.room.pk:
            await self.send_json(event["message"])

    async def chat_hidden(self, event):
        """One of the member's messages was taken down: they are told why."""
        if self.room is not None and event["room"] == self.room.pk:
            await self.send_json({"type": "hidden", "id": event["id"],
                                  "message": event["message"]})

    async def chat_typing(self, event):
        if event["channel"] != self.channel_name:
            await self.send(text_data=event["text"])

    async def chat_room(self, event):
        self.room.status = event["status"]
        await self.send_json({"type": "room", "status": event["status"]})

    async def member_sanctioned(self, event):
        if self.room is None:
            return
        if event["kind"] in LOCKED_OUT:
            await self._leave(NOT_ALLOWED, "sanctioned", event["message"])
        elif event.get("scope", "") in ("", self.room.group_name):
            await self.send_json(error("muted", event["message"]))

    async def member_rights_changed(self, event):
        """Roles, sanctions, the account or its sign-in changed: stay only while allowed."""
        if self.room is None:
            return
        user = await database_sync_to_async(signed_in_user)(self.scope)
        if not user.is_authenticated:
            return await self._leave(NOT_SIGNED_IN, "signed_out", SIGNED_OUT_NOTICE)
        try:
            await database_sync_to_async(check_join)(user, self.room)
        except PermissionDenied as denied:
            return await self._leave(NOT_ALLOWED, "not_allowed", str(denied))

    # Plumbing.

    async def close(self, code=None, reason=None):
        if self.delivering is not None:
            self.delivering.cancel()  # nothing may follow the closing frame
        await super().close(code, reason)

    async def _deliver(self) -> None:
        """The room's events, in order, handled as if the layer had brought them here."""
        with contextlib.suppress(OSError):  # the member left: disconnect() tidies up
            while True:
                await self.dispatch(await self.outbox.get())

    async def dispatch(self, message):
        """Channels' dispatch without its trip to the database thread before every event.

        Every database call here goes through database_sync_to_async, which closes stale
        connections itself; the extra trip, once per member for each message in the room,
        queued deliveries behind every write and join in the process.
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content))

    async def _refuse(self, code: int) -> None:
        await self.accept()
        await self.close(code=code)

    async def _leave(self, code: int, reason: str, message: str) -> None:
        """Say why, then close with the code that tells the browser whether to come back."""
        await self.send_json(error(reason, message))
        await self.close(code=code)

    async def _cut_off(self) -> None:
        if self.room is not None:
            await self.send_json(error("too_fast", "Too much at once: the connection closed."))
            await self.close(code=TOO_MANY_FRAMES)

    def _announce_presence(self) -> None:
        key = (id(asyncio.get_running_loop()), self.room.pk)
        if key not in _presence_due:
            _presence_due[key] = asyncio.create_task(_send_presence(
                self.channel_layer, key, self.room.pk, self.room.group_name))

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(presence.HEARTBEAT_SECONDS)
            with contextlib.suppress(Exception):  # a Redis blip must not end the chat
                await presence.store().touch(self.room.pk, self.channel_name, self.name)


# Joins and leaves in the same short pause share one presence list: when many
# members arrive at once the room gets a list per pause, not one per arrival.
PRESENCE_PAUSE_SECONDS = 0.25
_presence_due: dict[tuple[int, int], asyncio.Task] = {}


async def _send_presence(layer, key: tuple[int, int], room_id: int, group: str) -> None:
    try:
        await asyncio.sleep(PRESENCE_PAUSE_SECONDS)
    finally:
        # Before reading the list, so anyone arriving from now on schedules the next one.
        _presence_due.pop(key, None)
    # Not a database write, so straight to the layer rather than on commit.
    members = await presence.store().names(room_id)
    await layer.group_send(group, frame_event({"type": "presence", "members": members}))


HANDLERS = {
    "message": ChatConsumer.on_message,
    "report": ChatConsumer.on_report,
    "history": ChatConsumer.on_history,
    "typing": ChatConsumer.on_typing,
    "remove": ChatConsumer.on_remove,
    "delete": ChatConsumer.on_delete,
}


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _echo(content: dict | None) -> dict:
    """A refused message's client_id, so the sender's screen knows which words to put back."""
    client_id = content.get("client_id") if content and content["type"] == "message" else None
    return {"client_id": client_id} if isinstance(client_id, str) else {}


def _field(content: dict, name: str, kind: type):
    value = content.get(name)
    if kind is int and not _is_int(value) or not isinstance(value, kind):
        raise Refused("invalid", f"This frame needs a {name}.")
    return value


@database_sync_to_async
def _room_for(user, slug: str) -> tuple[Room | None, bool]:
    """The room and whether `user` may join it: one trip to the database thread per arrival."""
    room = Room.objects.filter(slug=slug).first()
    return room, room is not None and can_join(user, room)


def _as_now(user) -> User | AnonymousUser:
    """The account as it is at this moment: a socket outlives deactivation and changes of role,
    so every frame that writes is judged on the member's current rights."""
    return User.objects.filter(pk=user.pk).first() or AnonymousUser()


def _send(user, room_id: int, text: str, warnings: list[str], note: str,
          client_id: str) -> services.Sent:
    # Read afresh: a moderator may have changed its status or hours since the socket opened.
    room = Room.objects.get(pk=room_id)
    return services.message_send(author=_as_now(user), room=room, text=text,
                                 warnings=warnings, note=note, client_id=client_id)


def _message(room_id: int, message_id: int, *, shown_only: bool = False) -> Message:
    """The room's message; `shown_only` answers a held or removed one as if it did not exist,
    so members cannot learn from the answer what they were never shown."""
    messages = Message.objects.select_related("author", "room").filter(room_id=room_id)
    if shown_only:
        messages = messages.shown()
    message = messages.filter(pk=message_id).first()
    if message is None:
        raise Refused("not_found", "That message is not in this room any more.")
    return message


def _report(user, room_id: int, message_id: int, reason: str, note: str) -> None:
    report_create(reporter=_as_now(user), content=_message(room_id, message_id, shown_only=True),
                  reason=reason, note=note)


def _delete(user, room_id: int, message_id: int) -> None:
    # Not only shown ones: a writer may delete their own message while it waits for a moderator.
    services.message_delete(message=_message(room_id, message_id), by=_as_now(user))


def _remove(user, room_id: int, message_id: int, reason: str) -> None:
    # The same hide as the Moderate menu's and the queue's: audited, its queue item closed,
    # its writer told why.
    content_hide_where_read(content=_message(room_id, message_id), moderator=_as_now(user),
                            reason=reason)
