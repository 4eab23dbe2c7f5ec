"""Frames for the whole room, encoded once.

A room's messages and presence lists are the same for every member, so the event
carries the frame's JSON text and each socket writes it as it is: one encoding per
message, not one per member.
"""

import json

FRAME_EVENT = "chat.frame"


def frame_event(frame: dict) -> dict:
    """The channel-layer event that puts `frame` on every socket in the room."""
    return {"type": FRAME_EVENT, "text": json.dumps(frame)}
