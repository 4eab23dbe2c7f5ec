"""Facts read at most once per request (roles, blocks, reading choices, who is on duty).

The middleware opens a fresh store for each request; outside one (a socket, a
command, a test calling a service) nothing is kept, so a long-lived socket
always reads the member's current rights.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
_store: ContextVar[dict | None] = ContextVar("request_cache", default=None)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, once per request for this key."""
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def forget(key: Hashable) -> None:
    """A write in this request changed the fact: read it afresh next time."""
    store = _store.get()
    if store is not None:
        store.pop(key, None)


@contextmanager
def opened() -> Iterator[None]:
    """A fresh store for the duration: one request's worth of remembering."""
    token = _store.set({})
    try:
        yield
    finally:
        _store.reset(token)


def is_open() -> bool:
    """Whether a request is being served (its store is open), not a socket or a command."""
    return _store.get() is not None


class RequestCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with opened():
            return self.get_response(request)
