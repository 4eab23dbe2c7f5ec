"""The ASGI application: WebSockets from another site are refused before any consumer runs."""

import pytest
from channels.testing import WebsocketCommunicator

from config.asgi import application


@pytest.mark.django_db(transaction=True)
async def test_websocket_from_another_origin_is_refused():
    communicator = WebsocketCommunicator(
        application, "/ws/chat/lobby/", headers=[(b"origin", b"https://evil.example"),
                                                  (b"host", b"127.0.0.1")]
    )

    connected, _ = await communicator.connect()

    assert not connected
    await communicator.disconnect()
