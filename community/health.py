"""Liveness checks for /healthz: can we reach the database and the channel layer?"""

import asyncio
import logging

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import connection

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 3


def _query_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


async def database_status() -> str:
    try:
        await asyncio.wait_for(database_sync_to_async(_query_database)(), TIMEOUT_SECONDS)
    except Exception:
        logger.exception("health check: database unreachable")
        return "error"
    return "ok"


async def channel_layer_status() -> str:
    """Send a message to ourselves through the layer and read it back."""
    layer = get_channel_layer()
    if layer is None:
        return "error"
    try:
        channel = await layer.new_channel()
        await asyncio.wait_for(layer.send(channel, {"type": "health.ping"}), TIMEOUT_SECONDS)
        await asyncio.wait_for(layer.receive(channel), TIMEOUT_SECONDS)
    except Exception:
        logger.exception("health check: channel layer unreachable")
        return "error"
    return "ok"
