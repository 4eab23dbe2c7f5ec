"""Rate limits on every kind of member write, through one mechanism (the `limits` library).

Administrators set each kind's rate in the admin (WriteLimit rows); DEFAULT_RATES
serve until they do. Counters live in Redis when REDIS_URL is set, so every
process shares them, and in memory otherwise. While Redis cannot be reached each
process counts in its own memory, for every kind alike: a member in distress is
not silenced by an outage, and reports or floods are still held to the rates
(per process, so a little looser than usual).
"""

import logging
import math
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache as memoise

from django.conf import settings
from django.core.cache import cache
from limits import RateLimitItem, parse_many
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from community.models import WriteLimit
from community.refusals import Refused

log = logging.getLogger(__name__)

Kind = WriteLimit.Kind
DEFAULT_RATES = {
    Kind.THREAD: "3 per 10 minutes; 10 per day",
    Kind.POST: "6 per minute; 60 per hour",
    Kind.EDIT: "10 per 10 minutes",
    Kind.MESSAGE: "5 per 10 seconds; 120 per hour",
    Kind.REACTION: "30 per minute",
    Kind.REPORT: "10 per 10 minutes; 30 per day",
    Kind.BLOCK: "10 per hour",
    Kind.PROFILE: "10 per hour",
    Kind.NOTE: "30 per 10 minutes",
    Kind.SCREENING: "60 per 10 minutes",
    Kind.DUTY: "10 per 10 minutes",
    Kind.EXPORT: "3 per 10 minutes; 10 per day",
    Kind.LEAVE: "5 per 10 minutes; 20 per day",
    Kind.WELLBEING: "10 per 10 minutes; 30 per day",
    Kind.STEP_BACK: "6 per hour; 20 per day",
    Kind.MENTORING: "20 per hour; 60 per day",
}
RATES_CACHE_KEY = "community:write-limits"
RATES_CACHE_SECONDS = 60
_waived: ContextVar[bool] = ContextVar("write_limits_waived", default=False)


def rates() -> dict[str, str]:
    """Each kind's rate: the administrators' rows over the defaults, shared for a minute."""
    stored = cache.get_or_set(
        RATES_CACHE_KEY, lambda: dict(WriteLimit.objects.values_list("kind", "rate")),
        RATES_CACHE_SECONDS)
    return {**DEFAULT_RATES, **stored}


def rates_changed() -> None:
    """Called when an administrator edits a rate, so it applies at once in this process."""
    cache.delete(RATES_CACHE_KEY)


def limit_check(*, member, kind: str, scope: str = "", rate: str | None = None,
                code: str = "too_fast", reason: str = "You've written a lot in a short time.",
                count: bool = True) -> None:
    """Count one `kind` write by `member` (in `scope`), or refuse saying when to try again.

    With `count` off it only asks whether there is room, so a write refused for
    another reason afterwards uses up nothing. `rate`, `code` and `reason` serve a
    place's own stricter pace (a room's slow mode).
    """
    if _waived.get():
        return
    items = parse_many(rate or rates()[kind])
    identity = (_prefix(), kind, scope, str(member.pk))
    try:
        wait = _wait(_limiter(_store_uri()), items, identity, count)
    except StorageError:
        log.warning("Rate-limit store unreachable; counting %s writes in this process", kind,
                    exc_info=True)
        wait = _wait(_limiter("memory://"), items, identity, count)
    if wait:
        raise Refused(code, f"{reason} Please wait {_in_words(wait)} and try again.",
                      retry_after=wait)


def _wait(limiter, items: list[RateLimitItem], identity, count: bool) -> int:
    """Seconds until a write fits under every item (0: it fits now, and is counted if asked)."""
    full = [item for item in items if not limiter.test(item, *identity)]
    if not full and count:
        full = [item for item in items if not limiter.hit(item, *identity)]
    return _seconds_until_free(limiter, full, identity) if full else 0


@contextmanager
def waived() -> Iterator[None]:
    """No limits inside: for loading demo data and benchmarks, never for a member's request."""
    token = _waived.set(True)
    try:
        yield
    finally:
        _waived.reset(token)


# Each socket's recent frames, per rate: sockets belong to one process, so the counts
# stay in its memory. Kept here, not in the limits library's memory store, which starts a
# thread to expire counts and held the event loop, and every delivery on it, meanwhile.
_frame_times: dict[tuple[str, str], deque[float]] = {}


def frame_allowed(connection: str, rate: str) -> bool:
    """Count one frame on one socket against `rate` (a moving window); False once past it."""
    item = _frame_rate(rate)
    now = time.monotonic()
    times = _frame_times.setdefault((connection, rate), deque())
    while times and times[0] <= now - item.get_expiry():
        times.popleft()
    if len(times) >= item.amount:
        return False
    times.append(now)
    return True


def frames_forget(connection: str, *rates: str) -> None:
    """A closed socket's counts, cleared so a long-running process does not keep them."""
    for rate in rates:
        _frame_times.pop((connection, rate), None)


@memoise
def _frame_rate(rate: str) -> RateLimitItem:
    return parse_many(rate)[0]


def _seconds_until_free(limiter, items: list[RateLimitItem], identity) -> int:
    resets = [limiter.get_window_stats(item, *identity).reset_time for item in items]
    return max(1, math.ceil(max(resets) - time.time()))


def _in_words(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = math.ceil(minutes / 60)
    return f"{hours} hour{'s' if hours != 1 else ''}"


def _store_uri() -> str:
    return settings.REDIS_URL or "memory://"


def _prefix() -> str:
    # The cache's key prefix keeps sites (and tests) that share one Redis apart.
    return settings.CACHES["default"].get("KEY_PREFIX", "")


@memoise
def _limiter(uri: str) -> MovingWindowRateLimiter:
    # The timeouts serve Redis; the memory store takes and ignores them.
    timeout = settings.REDIS_TIMEOUT_SECONDS
    return MovingWindowRateLimiter(storage_from_string(
        uri, wrap_exceptions=True, socket_connect_timeout=timeout, socket_timeout=timeout))
