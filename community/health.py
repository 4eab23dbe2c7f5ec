"""Checks for /healthz: can we reach the database, the shared cache and the channel layer?

Without the database the site cannot serve; without Redis (cache, channel layer) it
serves degraded: see the README's "What happens when Redis is down".
"""

import asyncio
import logging

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.core.cache import cache
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


def _ask_cache() -> bool:
    # Only a shared cache (community/cache.py) can be out of reach; memory always answers.
    reachable = getattr(cache, "reachable", None)
    return reachable is None or reachable()


async def cache_status() -> str:
    try:
        reached = await asyncio.wait_for(sync_to_async(_ask_cache)(), TIMEOUT_SECONDS)
    except Exception:
        logger.exception("health check: cache unreachable")
        return "error"
    return "ok" if reached else "error"
