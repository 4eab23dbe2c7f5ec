"""The one way to broadcast a real-time event: only after the write that caused it commits."""

import asyncio
import logging
import re
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)
GROUP_NAME = re.compile(r"^[a-zA-Z0-9_.\-]{1,99}$")
# A healthy layer sends in milliseconds; a hung one must not hold the answer to a write.
SEND_SECONDS = 1


def member_group(member_id: int) -> str:
    """The channel-layer group of one member's open sockets, so changes to their rights
    (roles, sanctions, the account itself) reach every one of them at once."""
    return f"member-{member_id}"


def send_event_on_commit(group: str, event: dict[str, Any]) -> None:
    """Send `event` to a channel-layer group once the current transaction commits.

    Nothing is sent if the transaction rolls back; outside a transaction it is
    sent at once. A failing layer is logged, never undoes the committed write.
    """
    if not GROUP_NAME.match(group):
        raise ValueError(f"not a valid group name: {group!r}")
    if not isinstance(event.get("type"), str):
        raise ValueError("a real-time event needs a 'type'")

    def send() -> None:
        async_to_sync(_group_send)(group, event)

    transaction.on_commit(send, robust=True)


async def _group_send(group: str, event: dict[str, Any]) -> None:
    await asyncio.wait_for(get_channel_layer().group_send(group, event), SEND_SECONDS)
