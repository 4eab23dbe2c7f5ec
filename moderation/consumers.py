"""Live alerts for moderators: urgent and high-priority queue items pushed as they arrive."""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.urls import reverse

from community.frames import error_frame, read_frame
from community.realtime import member_group
from community.refusals import Refused
from community.roles import is_moderator
from community.sockets import signed_in_user
from moderation.sanctions import LOCKED_OUT, active_sanctions
from moderation.services import MODERATORS_GROUP

# Closed after accepting, so the browser sees the code and stops reconnecting.
NOT_SIGNED_IN, NOT_A_MODERATOR = 4401, 4403
NO_LONGER = "Your moderator rights have changed, so alerts have stopped."


class ModerationAlertsConsumer(AsyncWebsocketConsumer):
    is_listening = False

    async def connect(self):
        user = self.scope["user"]
        if await database_sync_to_async(may_hear_alerts)(user):
            # Joined before the handshake ends, so no alert falls between the two; the
            # member's own group brings news of their rights changing.
            await self.channel_layer.group_add(MODERATORS_GROUP, self.channel_name)
            await self.channel_layer.group_add(member_group(user.pk), self.channel_name)
            self.is_listening = True
            await self.accept()
        else:
            await self.accept()
            await self.close(code=NOT_A_MODERATOR if user.is_authenticated else NOT_SIGNED_IN)

    async def disconnect(self, code):
        if self.is_listening:
            self.is_listening = False
            await self.channel_layer.group_discard(MODERATORS_GROUP, self.channel_name)
            await self.channel_layer.group_discard(member_group(self.scope["user"].pk),
                                                   self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.send_json(refusal(text_data if text_data is not None else bytes_data))

    async def queue_item(self, event):
        # Asked again for every alert, so none reaches someone whose role was taken away
        # even if the news of it was lost on the way.
        if not await self._still_moderating():
            return
        await self.send_json({
            "type": "alert",
            "id": event["id"],
            "priority": event["priority"],
            "reason": event["reason"],
            "url": reverse("moderation:item", args=[event["id"]]),
        })

    async def member_rights_changed(self, event):
        await self._still_moderating()

    member_sanctioned = member_rights_changed

    async def _still_moderating(self) -> bool:
        """True while the session is signed in as a moderator; otherwise says why and closes."""
        if not self.is_listening:
            return False
        user = await database_sync_to_async(signed_in_user)(self.scope)
        if await database_sync_to_async(may_hear_alerts)(user):
            return True
        await self.disconnect(NOT_A_MODERATOR)
        if user.is_authenticated:
            await self.send_json(error_frame("not_a_moderator", NO_LONGER))
        await self.close(code=NOT_A_MODERATOR if user.is_authenticated else NOT_SIGNED_IN)
        return False

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content))


def may_hear_alerts(user) -> bool:
    """Moderators, while no suspension or ban is in force on them."""
    return is_moderator(user) and not active_sanctions(user).filter(
        kind__in=LOCKED_OUT).exists()


def refusal(frame: str | bytes | None) -> dict:
    """The error frame for anything a client sends: moderators act on the queue pages."""
    try:
        read_frame(frame)
    except Refused as unreadable:
        return error_frame(unreadable.code, unreadable.message)
    return error_frame("unknown_type", "This socket only sends alerts. Act on the queue pages.")
