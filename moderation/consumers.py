"""Live alerts for moderators: urgent and high-priority queue items pushed as they arrive."""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.urls import reverse

from community.frames import error_frame, read_frame
from community.refusals import Refused
from community.roles import is_moderator
from moderation.services import MODERATORS_GROUP

# Closed after accepting, so the browser sees the code and stops reconnecting.
NOT_SIGNED_IN, NOT_A_MODERATOR = 4401, 4403


class ModerationAlertsConsumer(AsyncWebsocketConsumer):
    is_listening = False

    async def connect(self):
        user = self.scope["user"]
        if await database_sync_to_async(is_moderator)(user):
            # Joined before the handshake ends, so no alert falls between the two.
            await self.channel_layer.group_add(MODERATORS_GROUP, self.channel_name)
            self.is_listening = True
            await self.accept()
        else:
            await self.accept()
            await self.close(code=NOT_A_MODERATOR if user.is_authenticated else NOT_SIGNED_IN)

    async def disconnect(self, code):
        if self.is_listening:
            await self.channel_layer.group_discard(MODERATORS_GROUP, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.send_json(refusal(text_data if text_data is not None else bytes_data))

    async def queue_item(self, event):
        await self.send_json({
            "type": "alert",
            "id": event["id"],
            "priority": event["priority"],
            "reason": event["reason"],
            "url": reverse("moderation:item", args=[event["id"]]),
        })

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content))


def refusal(frame: str | bytes | None) -> dict:
    """The error frame for anything a client sends: moderators act on the queue pages."""
    try:
        read_frame(frame)
    except Refused as unreadable:
        return error_frame(unreadable.code, unreadable.message)
    return error_frame("unknown_type", "This socket only sends alerts. Act on the queue pages.")
