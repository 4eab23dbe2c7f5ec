"""The baseline of bench/chat.py: a Channels consumer that only relays frames to its group.

No authentication, screening, storage or presence: what is left is the server,
the channel layer and Redis, which the real chat also pays for. Served as
`bench.bare_relay:application`, with the same settings (and so the same layer).
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402


class RelayConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.group = f"relay-{self.scope['url_route']['kwargs']['slug']}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.channel_layer.group_send(self.group, {"type": "relay.frame",
                                                         "text": text_data or ""})

    async def relay_frame(self, event):
        await self.send(text_data=event["text"])


async def healthy(scope, receive, send):
    """Any HTTP request: 200, so the bench can wait for the server as it does for the site."""
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})


application = ProtocolTypeRouter({
    "http": healthy,
    "websocket": URLRouter([path("ws/chat/<slug:slug>/", RelayConsumer.as_asgi())]),
})
