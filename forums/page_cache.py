"""Whole thread pages for visitors, kept until something in the thread changes.

Visitors (not signed in) all see the same page, so it is rendered once and
served from the cache until a post is written, edited, hidden, reacted to,
or the thread is moved, locked, pinned or retitled, or its category renamed.
Each of those moves the thread's version on, after the change commits.
Members' pages are personal (reactions, read marks, blocks, warning choices)
and are always rendered.
"""

import time

from django.core.cache import cache
from django.db import transaction

# A bound on staleness for anything that changes a page without a version
# bump, such as an administrator renaming a content-warning category.
PAGE_SECONDS = 300


def _version_key(thread_id: int) -> str:
    return f"forums:thread:{thread_id}:version"


def thread_version(thread_id: int) -> int:
    key = _version_key(thread_id)
    version = cache.get(key)
    if version is None:
        # Unknown (new, or evicted): start a new version, so no older page is reused.
        version = time.time_ns()
        cache.set(key, version, None)
    return version


def thread_changed(thread_id: int) -> None:
    """Visitors get a freshly rendered page once the current transaction commits."""
    transaction.on_commit(lambda: cache.set(_version_key(thread_id), time.time_ns(), None))


def threads_changed(thread_ids) -> None:
    """thread_changed for many threads at once (a category renamed), in one cache write."""
    ids = list(thread_ids)
    if ids:
        transaction.on_commit(lambda: cache.set_many(
            {_version_key(thread_id): time.time_ns() for thread_id in ids}, None))


def page_key(thread_id: int, page: str, moderators_online: bool) -> str:
    return (f"forums:thread:{thread_id}:page:{page}:v{thread_version(thread_id)}"
            f":{'online' if moderators_online else 'offline'}")
