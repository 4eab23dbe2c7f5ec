"""Reading what browsers send over WebSockets: bounded JSON objects with a type."""

import json
import re

from community.refusals import Refused
from community.validators import CONTROL_MESSAGE

MAX_FRAME_BYTES = 16 * 1024
# NUL and halves of characters (lone surrogates): no database stores them, so a frame
# carrying one in any field is refused before a service tries to.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def read_frame(frame: str | bytes | None) -> dict:
    """The frame as a JSON object whose "type" is a string, or Refused saying what is wrong."""
    raw = frame.encode(errors="surrogatepass") if isinstance(frame, str) else frame or b""
    if len(raw) > MAX_FRAME_BYTES:
        raise Refused("too_long", "Frames are limited to 16 KB.")
    try:
        content = json.loads(raw)
    except (ValueError, RecursionError):  # bad UTF-8 is a ValueError too
        content = None
    if not isinstance(content, dict) or not isinstance(content.get("type"), str):
        raise Refused("not_json", "Frames must be JSON objects with a type.")
    if _has_unstorable(content):
        raise Refused("control_characters", CONTROL_MESSAGE)
    return content


def _has_unstorable(content: dict) -> bool:
    """Any key or value, however deep (without recursion: the nesting is the sender's)."""
    waiting = [content]
    while waiting:
        value = waiting.pop()
        if isinstance(value, str):
            if UNSTORABLE.search(value):
                return True
        elif isinstance(value, dict):
            waiting += [*value.keys(), *value.values()]
        elif isinstance(value, list):
            waiting += value
    return False


def error_frame(code: str, message: str) -> dict:
    return {"type": "error", "code": code, "message": message}
