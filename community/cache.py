"""The shared cache, best effort: when Redis cannot be reached the site goes on serving.

Each operation goes to Redis. When Redis fails, the fault is logged and the operation
is served by the FALLBACK backend of this process instead (settings name it: memory for
counts and shared answers, nothing for visitors' pages), and Redis is left alone for
RETRY_SECONDS, so a Redis that is down costs a request nothing and fills no log.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from django.utils.module_loading import import_string
from redis import RedisError

log = logging.getLogger(__name__)
RETRY_SECONDS = 5
# When each Redis may be tried again, by location. Module-wide: Django makes a backend
# for every thread and request context, and all of them should learn of an outage at once.
_resting_until: dict[str, float] = {}


class BestEffortRedisCache(RedisCache):
    def __init__(self, server: str, params: dict):
        options = dict(params.get("OPTIONS", {}))
        fallback = import_string(options.pop("FALLBACK"))
        self.retry_seconds = options.pop("RETRY_SECONDS", RETRY_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})
        self.location = server
        # The same keys, prefix and expiry, so callers cannot tell which one answered.
        shared = {name: params[name] for name in ("TIMEOUT", "KEY_PREFIX", "VERSION",
                                                  "KEY_FUNCTION") if name in params}
        self.fallback = fallback(f"best-effort {server}", shared)

    def reachable(self) -> bool:
        """Ask Redis itself, however recently it failed; an answer ends the rest at once."""
        try:
            self._cache.get_client(write=True).ping()
        except RedisError:
            return False
        _resting_until.pop(self.location, None)
        return True

    def _either(self, operation: str, *args, **kwargs):
        if time.monotonic() >= _resting_until.get(self.location, 0):
            try:
                return getattr(super(), operation)(*args, **kwargs)
            except RedisError:
                _resting_until[self.location] = time.monotonic() + self.retry_seconds
                log.warning("Redis cache at %s unreachable: using %s for %s s", self.location,
                            type(self.fallback).__name__, self.retry_seconds, exc_info=True)
        return getattr(self.fallback, operation)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._either("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._either("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._either("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._either("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._either("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._either("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._either("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._either("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._either("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._either("delete_many", *args, **kwargs)

    def clear(self):
        return self._either("clear")
