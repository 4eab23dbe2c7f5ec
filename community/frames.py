"""Reading what browsers send over WebSockets: bounded JSON objects with a type."""

import json

from community.refusals import Refused

MAX_FRAME_BYTES = 16 * 1024


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
    return content


def error_frame(code: str, message: str) -> dict:
    return {"type": "error", "code": code, "message": message}
