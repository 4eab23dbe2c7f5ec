"""Reads for content warnings: the categories on offer and a reader's choices, once per request."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from community.member_facts import WARNING_CHOICES, member_fact
from community.models import ContentWarning, WarningChoice, WarningPreference
from community.request_cache import remembered

# Weakest first: when several categories apply, the strictest choice wins.
STRICTNESS = [WarningChoice.SHOW, WarningChoice.COLLAPSE, WarningChoice.HIDE]


ACTIVE_KEY = "content-warnings:active"


def active_warnings() -> dict[str, ContentWarning]:
    """Categories offered to members, by slug, in the administrators' order: kept in the
    cache until an administrator changes one (see warnings_changed)."""
    return cache.get_or_set(ACTIVE_KEY, lambda: {
        warning.slug: warning for warning in ContentWarning.objects.filter(is_active=True)})


def warnings_changed(**kwargs) -> None:
    """A category was added, changed or removed: read them afresh (a signal receiver)."""
    cache.delete(ACTIVE_KEY)
    transaction.on_commit(lambda: cache.delete(ACTIVE_KEY))


def warning_choices(user) -> dict[str, str]:
    """The user's choice per active category slug (one query); missing means collapse."""
    if not user.is_authenticated:
        return {}
    rows = WarningPreference.objects.filter(user=user, warning__is_active=True)
    return member_fact(user.pk, WARNING_CHOICES,
                       lambda: dict(rows.values_list("warning__slug", "choice")))


@dataclass(frozen=True)
class ReaderWarnings:
    """What one reader has asked for, ready to decide how each warned item is shown."""

    categories: dict[str, ContentWarning]
    choices: dict[str, str]

    def applying(self, slugs: Iterable[str] | None) -> list[ContentWarning]:
        """The active categories among slugs, in the author's order, without repeats."""
        if isinstance(slugs, str):
            slugs = [slugs]
        unique = dict.fromkeys(slugs or ())
        return [self.categories[slug] for slug in unique if slug in self.categories]

    def choice_for(self, warnings: Iterable[ContentWarning]) -> WarningChoice:
        chosen = [self.choices.get(warning.slug, WarningChoice.COLLAPSE) for warning in warnings]
        return WarningChoice(max(chosen, key=STRICTNESS.index, default=WarningChoice.COLLAPSE))


def reader_warnings(request) -> ReaderWarnings:
    """The reader's warnings, looked up once per request however many items a page shows."""
    return remembered(("reader-warnings", request.user.pk), lambda: ReaderWarnings(
        active_warnings(), warning_choices(request.user)))


def anonymous_reader_warnings() -> ReaderWarnings:
    """For text rendered without a request (no known reader): everything collapsed."""
    return ReaderWarnings(active_warnings(), {})
