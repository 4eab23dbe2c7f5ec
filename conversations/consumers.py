"""Live updates of one private conversation for the people who may read it. Writing goes
through the page's form, so this socket only listens."""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from community.frames import error_frame
from community.realtime import member_group
from community.sockets import signed_in_user
from conversations.models import Conversation, conversation_group
from conversations.permissions import can_see

# Closed after accepting, so the browser sees the code and stops reconnecting.
NOT_SIGNED_IN, NOT_ALLOWED = 4401, 4403


class ConversationConsumer(AsyncWebsocketConsumer):
    group = ""

    async def connect(self):
        user, pk = self.scope["user"], self.scope["url_route"]["kwargs"]["pk"]
        if await database_sync_to_async(may_follow)(user, pk):
            # Joined before the handshake ends; the member's own group brings news of
            # their rights changing.
            self.group = conversation_group(pk)
            await self.channel_layer.group_add(self.group, self.channel_name)
            await self.channel_layer.group_add(member_group(user.pk), self.channel_name)
            await self.accept()
        else:
            await self.accept()
            await self.close(code=NOT_ALLOWED if user.is_authenticated else NOT_SIGNED_IN)

    async def disconnect(self, code):
        if self.group:
            group, self.group = self.group, ""
            await self.channel_layer.group_discard(group, self.channel_name)
            await self.channel_layer.group_discard(member_group(self.scope["user"].pk),
                                                   self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.send_json(error_frame(
            "unknown_type", "This socket only brings new messages. Write with the form on "
                            "the page."))

    async def conversation_message(self, event):
        if await self._still_allowed():
            await self.send_json({"type": "message", **event["message"]})

    async def conversation_removed(self, event):
        if await self._still_allowed():
            await self.send_json({"type": "removed", "id": event["id"]})

    async def conversation_ended(self, event):
        if await self._still_allowed():
            await self.send_json({"type": "ended"})

    async def member_rights_changed(self, event):
        await self._still_allowed()

    member_sanctioned = member_rights_changed

    async def _still_allowed(self) -> bool:
        """Asked again for every event, so nothing reaches a session that has ended."""
        if not self.group:
            return False
        user = await database_sync_to_async(signed_in_user)(self.scope)
        pk = self.scope["url_route"]["kwargs"]["pk"]
        if await database_sync_to_async(may_follow)(user, pk):
            return True
        await self.disconnect(NOT_ALLOWED)
        await self.close(code=NOT_ALLOWED if user.is_authenticated else NOT_SIGNED_IN)
        return False

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content))


def may_follow(user, pk: int) -> bool:
    conversation = Conversation.objects.select_related("started_by", "member").filter(
        pk=pk).first()
    return conversation is not None and can_see(user, conversation)
