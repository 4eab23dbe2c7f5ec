"""Facts about the viewer that every page asks, kept between requests: one cache read a page.

Roles, blocks both ways, content-warning choices and the unread notification count were
a query each on every page. During a request they are now read from the cache in one
go, the first time any is asked, and a missing one is worked out and kept. Each service
that changes a fact calls member_facts_changed, which lets it go at once (so the rest of
the same transaction reads the new value) and again after commit (so no process keeps a
value it read before the change committed); FACTS_SECONDS bounds anything missed.

Outside a request (a socket, a command, a service in a test) nothing is kept, as
community.request_cache says: a long-lived socket always reads current rights.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

from community.request_cache import forget, is_open, remembered

T = TypeVar("T")
FACTS_SECONDS = 600
ROLES, BLOCKED, BLOCKERS, WARNING_CHOICES, UNREAD = (
    "roles", "blocked", "blockers", "warning-choices", "unread-notifications")
FACTS = (ROLES, BLOCKED, BLOCKERS, WARNING_CHOICES, UNREAD)


def _key(user_id: int, name: str) -> str:
    return f"member-facts:{user_id}:{name}"


def member_fact(user_id: int, name: str, compute: Callable[[], T]) -> T:
    """compute() for this member, from the cache when a page asked it before."""
    if not is_open():
        return compute()
    known = remembered(("member-facts", user_id), lambda: {
        key.rsplit(":", 1)[1]: value
        for key, value in cache.get_many([_key(user_id, fact) for fact in FACTS]).items()})
    if name not in known:
        known[name] = compute()
        cache.set(_key(user_id, name), known[name], FACTS_SECONDS)
    return known[name]


def member_facts_changed(user_ids: Iterable[int], *names: str) -> None:
    """These members' facts were changed by the current write: read them afresh."""
    keys = [_key(user_id, name) for user_id in set(user_ids) for name in names]
    for user_id in set(user_ids):
        forget(("member-facts", user_id))
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
