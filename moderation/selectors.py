"""Reads for moderators' pages, each in a fixed number of queries however long the list."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from moderation.adapters import adapter_for, moderator_querysets
from moderation.content import Visibility
from moderation.models import (
    PRIORITY_RANK,
    RAISING_LEVELS,
    CrisisPattern,
    ModerationAction,
    ModerationSettings,
    Priority,
    QueueItem,
    Report,
)
from moderation.screening.pipeline import counted_signs

QUEUE_PAGE_SIZE = 25
LOG_PAGE_SIZE = 50
EXCERPT_LENGTH = 200
PRIORITY_ORDER = Case(*(When(priority=p, then=Value(rank)) for p, rank in PRIORITY_RANK.items()),
                      output_field=IntegerField())


@dataclass(frozen=True)
class QueueFilters:
    source: str = ""
    priority: str = ""
    status: str = ""  # "" means everything not yet resolved
    kind: str = ""  # a content type's model name, as moderation.adapters.content_kinds gives
    mine: bool = False


@dataclass(frozen=True)
class ShownContent:
    """A piece of content as moderators' pages show it, in its adapter's words."""

    kind: str  # what members call it, e.g. "profile"
    author: Any
    text: str  # an excerpt in lists, all the words on the item page
    html: str  # sanitised HTML to show instead of the text, or ""
    url: str
    visibility: str
    reason: str  # what its author was told about why it is held or hidden
    warnings: tuple[str, ...]  # slugs of the content warnings its author chose
    warning_note: str
    is_locked: bool
    container_kind: str  # what locking and moving act on
    actions: frozenset[str]  # the ContentAction values that apply to it now

    @property
    def is_visible(self) -> bool:
        return self.visibility == Visibility.PUBLISHED

    @property
    def is_hidden(self) -> bool:
        """Hidden rather than held: `reason` is then the one its author was given."""
        return self.visibility == Visibility.HIDDEN

    @property
    def visibility_label(self) -> str:
        return Visibility(self.visibility).label


def shown(content, *, in_full: bool = False) -> ShownContent | None:
    """What the content's adapter says of it; None when the content no longer exists."""
    if content is None:
        return None
    adapter = adapter_for(content)
    return ShownContent(
        kind=adapter.kind,
        author=adapter.author(content),
        text=adapter.text(content) if in_full else adapter.excerpt(content, EXCERPT_LENGTH),
        html=adapter.html(content) if in_full else "",
        url=adapter.url(content),
        visibility=adapter.visibility(content),
        reason=adapter.moderation_reason(content),
        warnings=tuple(adapter.warnings(content)),
        warning_note=adapter.warning_note(content),
        is_locked=adapter.is_locked(content),
        container_kind=adapter.container_kind or adapter.kind,
        actions=frozenset(adapter.actions(content)),
    )


@dataclass(frozen=True)
class QueueRow:
    item: QueueItem
    waited: timedelta
    wait_level: str  # "ok", "amber" or "red" against the administrators' targets
    is_claimed: bool  # a claim that has not lapsed
    content: ShownContent | None  # None when the content no longer exists


def wait_level(priority: str, waited: timedelta, settings: ModerationSettings) -> str:
    if priority == Priority.URGENT:
        amber, red = settings.urgent_amber_minutes, settings.urgent_red_minutes
    else:
        amber, red = settings.other_amber_minutes, settings.other_red_minutes
    minutes = waited.total_seconds() / 60
    return "red" if minutes >= red else "amber" if minutes >= amber else "ok"


def queue_items():
    """Items with what moderators' pages show about them, fetched in a few queries."""
    return QueueItem.objects.select_related("claimed_by", "content_type").prefetch_related(
        GenericPrefetch("content", moderator_querysets()),
        Prefetch("reports", queryset=Report.objects.select_related("reporter")),
    )


@dataclass(frozen=True)
class QueueCounts:
    open: int  # everything not yet resolved, as the queue lists by default
    urgent: int  # of those, the urgent ones


def queue_counts() -> QueueCounts:
    """How many items wait and how many are urgent, for every moderator's header: one query."""
    counts = QueueItem.objects.exclude(status=QueueItem.Status.RESOLVED).aggregate(
        open=Count("pk"), urgent=Count("pk", filter=Q(priority=Priority.URGENT)))
    return QueueCounts(**counts)


def open_item_for(content) -> QueueItem | None:
    """The content's queue item still waiting for a moderator, if it has one."""
    return (QueueItem.objects.select_related("claimed_by")
            .filter(content_type=ContentType.objects.get_for_model(content), object_id=content.pk)
            .exclude(status=QueueItem.Status.RESOLVED).first())


def queue_page(*, viewer, filters: QueueFilters, page_number=1,
               now: datetime | None = None) -> Page:
    """Urgent first, then high, then normal; oldest first within each, after those raised
    by established members, screening or moderators."""
    now = now or timezone.now()
    items = queue_items()
    if filters.status:
        items = items.filter(status=filters.status)
    else:
        items = items.exclude(status=QueueItem.Status.RESOLVED)
    if filters.source:
        items = items.filter(source=filters.source)
    if filters.priority:
        items = items.filter(priority=filters.priority)
    if filters.kind:
        items = items.filter(content_type__model=filters.kind)
    if filters.mine:
        items = items.filter(claimed_by=viewer)
    # Within a priority, items raised only by new accounts' reports wait behind the rest.
    items = items.annotate(rank=PRIORITY_ORDER).order_by("rank", "is_from_new_account",
                                                         "created_at", "id")
    page = Paginator(items, QUEUE_PAGE_SIZE).get_page(page_number)
    settings = ModerationSettings.current()
    page.object_list = [
        QueueRow(
            item=item,
            waited=(item.resolved_at or now) - item.created_at,
            wait_level=wait_level(item.priority, (item.resolved_at or now) - item.created_at,
                                  settings),
            is_claimed=item.is_claim_current(now, settings.claim_minutes),
            content=shown(item.content),
        )
        for item in page.object_list
    ]
    return page


def with_targets(actions: QuerySet) -> QuerySet:
    """Actions with what their log sentences name (moderation/templatetags/moderation_log):
    one query for each kind of thing acted on, however many actions there are."""
    return actions.select_related("actor", "member", "content_type").prefetch_related(
        GenericPrefetch("target", moderator_querysets()))


def audit_page(*, moderator_id=None, member_id=None, verb="", page_number=1) -> Page:
    actions = with_targets(ModerationAction.objects.all())
    if moderator_id:
        actions = actions.filter(actor_id=moderator_id)
    if member_id:
        actions = actions.filter(member_id=member_id)
    if verb:
        actions = actions.filter(verb=verb)
    return Paginator(actions, LOG_PAGE_SIZE).get_page(page_number)


def match_meaning(match: dict) -> str:
    """What a stored screening match found, in words and without the member's words.

    Matches stored before rules carried an explanation fall back to level and topic.
    """
    if match.get("explanation"):
        return match["explanation"]
    if match.get("source") == "crisis":
        return f"{match.get('level', '')} words about {match.get('topic', '')}".strip()
    return f"watched words ({match.get('level', '')})"


LEVEL_WORDS = {
    "urgent": "urgent", "concern": "concern", "sign": "a sign, urgent beside another kind",
    "warning": "suggests a content warning", "context": "looking back or supporting, so "
    "concern is not raised", "ongoing": "still there now", "hold": "held for a moderator",
    "flag": "flagged", "block": "blocked", "replace": "replaced",
    "require_warning": "needs a content warning",
}


def match_reasons(matches: list[dict]) -> tuple[str, ...]:
    """Why screening raised an item, in words and without the member's words: each raising
    match's meaning once, and signs only where two kinds made them count."""
    signs = counted_signs(
        (match.get("level"), match.get("explanation"),
         match.get("negated") or match.get("reported") or match.get("past"))
        for match in matches)
    reasons = []
    for match in matches:
        level = match.get("level")
        quiet = match.get("source") == "crisis" and level not in RAISING_LEVELS
        if quiet or (level == CrisisPattern.Level.SIGN and not signs):
            continue
        meaning = match_meaning(match)
        reasons.append(f"in a reporter's note: {meaning}" if match.get("in_note") else meaning)
    return tuple(dict.fromkeys(reasons))


def match_lines(matches: list[dict]) -> list[dict]:
    """What screening found, for the item page: each meaning and its words once, with what
    the rule's level means and why it was read lower."""
    lines = {}
    for match in matches:
        notes = [LEVEL_WORDS.get(match.get("level"), match.get("level", ""))]
        notes += [note for flag, note in (
            ("negated", "with a “not” before it, so read lower"),
            ("reported", "said to or about the reader, so read lower"),
            ("past", "about the past, so read lower"),
            ("in_note", "in a reporter's note")) if match.get(flag)]
        key = (match_meaning(match), match.get("words", ""))
        lines.setdefault(key, {"meaning": key[0], "words": key[1], "notes": "; ".join(notes)})
    return list(lines.values())
