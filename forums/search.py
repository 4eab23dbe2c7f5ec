"""Forum search over what the reader may see: full-text on PostgreSQL, FTS5 on SQLite."""

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass

from django.core.paginator import Page
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from community.models import ContentWarning
from community.selectors import blocked_ids
from forums.models import Post
from forums.page_cache import forums_version, kept_page
from forums.selectors import categories_for
from moderation.content import Visibility

MAX_LENGTH = 200
PER_PAGE = 20
EXCERPT_LENGTH = 220
# Enough words for any real question; caps the work each search does.
MAX_WORDS = 8
EMPTY = "Type a word or two to search."
TOO_LONG = f"Please use fewer than {MAX_LENGTH} characters."

BLOCK_TAG = re.compile(r"</?(p|br|li|ul|ol|h[1-6]|blockquote|pre|hr|div|tr|td|th)\b", re.I)

TSQUERY = "websearch_to_tsquery('english', %s)"
# A match in a post's body, or in a thread's title, which finds the thread's first post.
PG_MATCHES = (
    f"SELECT id FROM forums_post WHERE search_vector @@ {TSQUERY} "
    "UNION SELECT p.id FROM forums_post p JOIN forums_thread t ON t.id = p.thread_id "
    f"WHERE p.number = 1 AND t.search_vector @@ {TSQUERY}"
)
PG_RANK = (
    f"ts_rank(forums_post.search_vector, {TSQUERY}) + coalesce("
    f"(SELECT ts_rank(t.search_vector, {TSQUERY}) FROM forums_thread t "
    "WHERE t.id = forums_post.thread_id AND forums_post.number = 1), 0)"
)
# forums_search (migration 0005) holds each post's body beside its thread's title when it is
# the first post, so every word must be in one or the other, as on PostgreSQL.
SQLITE_MATCHES = "SELECT rowid FROM forums_search WHERE forums_search MATCH %s"


@dataclass(frozen=True)
class Hit:
    """One result as the page shows it: warned posts carry warning names and no excerpt."""

    post: Post
    excerpt: str
    warnings: list[str]


@dataclass(frozen=True)
class SearchResults:
    """What the page shows: the query as searched, and a problem with it or a page of hits."""

    query: str
    problem: str = ""
    page: Page | None = None
    cards: SafeString = SafeString()  # the page's results, rendered


def clean_query(raw: str) -> tuple[str, str]:
    """The text to search for, and what to tell the reader when it can't be searched."""
    kept = []
    for char in raw:
        kind = unicodedata.category(char)
        if kind == "Cc":
            kept.append(" ")  # tabs and line breaks separate words
        elif kind != "Cf":  # invisible marks (direction, zero-width) and NUL never reach SQL
            kept.append(char)
    text = " ".join("".join(kept).split())
    if len(text) > MAX_LENGTH:
        return text[:MAX_LENGTH], TOO_LONG
    if not words(text):
        return text, EMPTY
    return text, ""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)[:MAX_WORDS]


def visible_posts(readable: list[int], blocked: list[int]) -> QuerySet[Post]:
    """Published posts in published threads of these categories, by no one blocked."""
    return (
        Post.objects.filter(visibility=Visibility.PUBLISHED, is_deleted=False,
                            thread__visibility=Visibility.PUBLISHED,
                            thread__category_id__in=readable)
        .exclude(author_id__in=blocked)
        .select_related("thread__category", "author")
    )


def matching(posts: QuerySet[Post], text: str) -> QuerySet[Post]:
    if connection.vendor == "postgresql":
        return (posts.filter(pk__in=RawSQL(PG_MATCHES, [text, text]))
                .annotate(rank=RawSQL(PG_RANK, [text, text]))
                .order_by("-rank", "-created_at", "-pk"))
    # Newest first by id, the order posts are written in: SQLite then walks the index
    # from its newest match and stops at the page's end, where sorting by created_at
    # would sort every match first.
    return posts.filter(pk__in=RawSQL(SQLITE_MATCHES, [fts5_query(text)])).order_by("-pk")


def fts5_query(text: str) -> str:
    """Every word, as the start of a word ("kettle" finds "kettles"), never as an operator.

    words() keeps letters, digits and "_" only, so no word can close its quotes.
    """
    return " ".join(f'"{word}"*' for word in words(text))


def search(viewer, raw_query: str | None, page_number) -> SearchResults:
    """One page of results: a fixed handful of queries whatever the page holds.

    The count and each page of results, rendered, are kept in the "pages" cache
    for the words, the categories the viewer may read and the members they
    blocked, until any thread changes (forums.page_cache.forums_version).

    No query at all (the page's first visit) is not a mistake: just the form.
    """
    if raw_query is None:
        return SearchResults(query="")
    text, problem = clean_query(raw_query)
    if problem:
        return SearchResults(query=text, problem=problem)
    readable = sorted(category.pk for category in categories_for(viewer))
    blocked = sorted(blocked_ids(viewer))
    scope = f"{text}\0{readable}\0{blocked}"
    key = (f"forums:search:{hashlib.sha256(scope.encode()).hexdigest()}"
           f":v{forums_version()}")

    def posts() -> QuerySet[Post]:  # built only when something is not kept
        return matching(visible_posts(readable, blocked), text)

    def cards(page: Page) -> str:
        return render_to_string("forums/includes/search_hits.html",
                                {"hits": _hits(page.object_list, text)})

    page, kept = kept_page(key, posts, PER_PAGE, page_number, cards)
    return SearchResults(query=text, page=page, cards=mark_safe(kept))


def _hits(posts, text: str) -> list[Hit]:
    posts = list(posts)
    warned = [post for post in posts if post.content_warnings or post.thread.content_warnings]
    names = dict(ContentWarning.objects.values_list("slug", "name")) if warned else {}
    hits = []
    for post in posts:
        slugs = dict.fromkeys([*post.thread.content_warnings, *post.content_warnings])
        if slugs:
            hits.append(Hit(post, "", [names.get(slug, slug) for slug in slugs]))
        else:
            hits.append(Hit(post, excerpt(post.html, text), []))
    return hits


def excerpt(post_html: str, text: str) -> str:
    """Plain text around the first word searched for, so readers see why it matched."""
    spaced = BLOCK_TAG.sub(r" \g<0>", post_html)  # paragraphs must not run together
    plain = " ".join(html.unescape(strip_tags(spaced)).split())
    if len(plain) <= EXCERPT_LENGTH:
        return plain
    lowered = plain.lower()
    found = [lowered.find(word.lower()) for word in words(text)]
    first = min((place for place in found if place >= 0), default=0)
    start = max(0, first - EXCERPT_LENGTH // 3)
    if start:
        start = plain.find(" ", start) + 1 or start
    end = start + EXCERPT_LENGTH
    cut = plain[start:end].rsplit(" ", 1)[0] if end < len(plain) else plain[start:]
    return ("…" if start else "") + cut + ("…" if end < len(plain) else "")
