"""Administrators' screening rules, compiled once per process and recompiled when they change.

Each process compares a cheap signature of the rule tables (row count and
latest edit) every few seconds, so an edit in the admin reaches every server
process without a restart; the process that made the edit forgets at once.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.db.models import Count, Max

from moderation.models import CrisisPattern, WatchedWord
from moderation.screening.patterns import Matcher, PatternError, parse, replacement_pattern

RECHECK_SECONDS = 3.0
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CompiledRules:
    signature: tuple
    crisis: Matcher
    watched: Matcher
    replacements: dict  # rule id -> (regular expression, replacement text)


_lock = threading.Lock()
_compiled: CompiledRules | None = None
_checked_at = 0.0


def _signature() -> tuple:
    return tuple(
        tuple(model.objects.aggregate(count=Count("id"), latest=Max("updated_at")).values())
        for model in (CrisisPattern, WatchedWord)
    )


def _parsed(rules) -> list:
    """Each rule with its parsed pattern; a rule that cannot be read is left out, loudly,
    so one bad row (say, written around the admin's checks) never stops all screening."""
    parsed = []
    for rule in rules:
        try:
            parsed.append((rule, parse(rule.pattern)))
        except PatternError:
            logger.error("screening rule %s %r cannot be read; it is ignored", rule.pk,
                         rule.pattern)
    return parsed


def _compile(signature: tuple) -> CompiledRules:
    crisis = _parsed(CrisisPattern.objects.filter(is_active=True))
    watched = _parsed(WatchedWord.objects.filter(is_active=True).select_related("warning"))
    return CompiledRules(
        signature=signature,
        crisis=Matcher(crisis),
        watched=Matcher(watched),
        replacements={
            rule.pk: (replacement_pattern(rule.pattern), rule.replacement)
            for rule, _ in watched if rule.action == WatchedWord.Action.REPLACE
        },
    )


def current_rules() -> CompiledRules:
    global _compiled, _checked_at
    now = time.monotonic()
    compiled = _compiled
    if compiled is not None and now - _checked_at < RECHECK_SECONDS:
        return compiled
    with _lock:
        signature = _signature()
        if _compiled is None or _compiled.signature != signature:
            _compiled = _compile(signature)
        _checked_at = now
        return _compiled


def forget() -> None:
    """Drop this process's compiled rules, so the next screen() reads them again."""
    global _compiled
    with _lock:
        _compiled = None
