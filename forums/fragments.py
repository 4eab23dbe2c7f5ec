"""Pieces of HTML rendered once and kept in the cache under keys made of what they show.

A list page (a thread's posts, a category's threads) builds one key per item from
the rows it has just read and the viewer's variant of the item, reads every key in
one cache read, and renders only the items it did not find. A change to an item
makes a new key, so there is nothing to invalidate and nothing stale to serve.
"""

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.template.loader import get_template

# Fragments nobody reads for a day are let go; a read keeps none alive longer.
FRAGMENT_SECONDS = 24 * 60 * 60

_versions: dict[tuple[str, ...], str] = {}


def templates_version(names: tuple[str, ...]) -> str:
    """A new release's templates make new keys, so no fragment outlives its template."""
    if names not in _versions or settings.DEBUG:
        digest = hashlib.blake2b(digest_size=8)
        for name in names:
            digest.update(Path(get_template(name).origin.name).read_bytes())
        _versions[names] = digest.hexdigest()
    return _versions[names]


def key(prefix: str, parts) -> str:
    return f"{prefix}:{hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()}"


def fragments(items: Sequence, keys: Sequence[str], render: Callable[..., str]) -> list[str]:
    """Each item's fragment, in order: kept ones in one cache read, the rest rendered."""
    cache = caches["default"]
    found = cache.get_many(keys)
    fresh = {key: render(item) for key, item in zip(keys, items, strict=True)
             if key not in found}
    if fresh:
        cache.set_many(fresh, FRAGMENT_SECONDS)
    found.update(fresh)
    return [found[key] for key in keys]
