"""Whole thread pages for visitors, kept until something in the thread changes.

Visitors (not signed in) all see the same page, so it is rendered once and
served from the cache until a post is written, edited, hidden, reacted to,
or the thread is moved, locked, pinned or retitled, or its category renamed.
Each of those moves the thread's version on, after the change commits, and the
version of everything that shows many threads: search results (forums.search)
and category listings (forums.thread_list) are kept here too.
Members' pages are personal (reactions, read marks, blocks, warning choices)
and are always rendered.

Pages are kept in the "pages" cache, which keeps nothing while Redis is down (so no
process serves a page another has changed), and only under page numbers that exist,
so no made-up ?page= value adds a copy.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import QuerySet

from forums.selectors import POSTS_PER_PAGE

# A bound on staleness for anything that changes a page without a version
# bump, such as an administrator renaming a content-warning category.
PAGE_SECONDS = 300
FORUMS_VERSION_KEY = "forums:version"

T = TypeVar("T")


def _version_key(thread_id: int) -> str:
    return f"forums:thread:{thread_id}:version"


def pages():
    """Where visitors' pages and the threads' versions are kept."""
    return caches["pages"]


def thread_version(thread_id: int) -> int:
    return _version(_version_key(thread_id))


def _version(key: str) -> int:
    version = pages().get(key)
    if version is None:
        # Unknown (new, or evicted): start a new version, so no older page is reused.
        version = time.time_ns()
        pages().set(key, version, None)
    return version


def forums_version() -> int:
    """Moves on with every thread's version, for what shows many threads at once: search
    results and category listings."""
    return _version(FORUMS_VERSION_KEY)


def kept_page(key: str, query: Callable[[], QuerySet], per_page: int, page_number,
              content: Callable[[Page], T]) -> tuple[Page, T]:
    """A page of what query() finds, and content(page), kept under key (which must name
    forums_version() and whatever query depends on) for PAGE_SECONDS: the query is built
    and run only for what is not kept. Pages are kept under numbers that exist only."""
    count = pages().get(f"{key}:count")
    if count is None:
        count = query().count()
        pages().set(f"{key}:count", count, PAGE_SECONDS)
    page = Paginator(_Counted(query, count), per_page).get_page(page_number)
    kept = pages().get(f"{key}:page:{page.number}")
    if kept is None:
        kept = content(page)
        pages().set(f"{key}:page:{page.number}", kept, PAGE_SECONDS)
    return page, kept


class _Counted:
    """A query whose count is known already: a page of it is read only when asked for."""

    def __init__(self, query: Callable[[], QuerySet], count: int):
        self.query, self.number = query, count

    def count(self) -> int:
        return self.number

    def __getitem__(self, index):
        return self.query()[index]


def thread_changed(thread_id: int) -> None:
    """Visitors get a freshly rendered page once the current transaction commits."""
    threads_changed([thread_id])


def threads_changed(thread_ids) -> None:
    """thread_changed for many threads at once (a category renamed), in one cache write."""
    ids = list(thread_ids)
    if ids:
        transaction.on_commit(lambda: pages().set_many(
            {FORUMS_VERSION_KEY: time.time_ns()}
            | {_version_key(thread_id): time.time_ns() for thread_id in ids}, None))


def page_number(thread, asked: str | None) -> int:
    """The page a visitor asking for `asked` ("last", a number, anything) is shown.

    Visitors page through the published posts, which the thread counts.
    """
    pages_of_thread = Paginator(range(thread.post_count), POSTS_PER_PAGE)
    return pages_of_thread.get_page(
        pages_of_thread.num_pages if asked == "last" else asked).number


def page_key(thread_id: int, number: int, moderators_online: bool) -> str:
    return (f"forums:thread:{thread_id}:page:{number}:v{thread_version(thread_id)}"
            f":{'online' if moderators_online else 'offline'}")
