"""Writes for moderation: gathering flags and reports into the queue, and the audit trail."""

from collections.abc import Sequence
from dataclasses import asdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from community.models import Risk
from community.realtime import send_event_on_commit
from community.validators import reject_control_characters
from moderation.models import (
    PRIORITY_RANK,
    REPORT_PRIORITY,
    ModerationAction,
    Priority,
    QueueItem,
    Report,
    ReportReason,
)
from moderation.screening import Action, Screening

MODERATORS_GROUP = "moderators"
ALERT_PRIORITIES = {Priority.URGENT, Priority.HIGH}


def action_record(*, actor, verb: str, target=None, member=None, item: QueueItem | None = None,
                  reason: str = "") -> ModerationAction:
    """Add a line to the audit trail: who did what to which content or member, and why."""
    return ModerationAction.objects.create(
        actor=actor,
        verb=verb,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=target.pk if target is not None else None,
        member=member,
        item=item,
        reason=reason[:500],
    )


@transaction.atomic
def flag_content(*, content, source: str, priority: str, reason: str,
                 matches: Sequence[dict] = ()) -> QueueItem:
    """Put content in front of moderators, on its one open queue item."""
    item, is_news = _gather(content, source=source, priority=priority, reason=reason,
                            matches=list(matches))
    action_record(actor=None, verb=ModerationAction.Verb.FLAG, target=content,
                  member=content.author, item=item, reason=reason)
    if is_news:
        _announce(item)
    return item


def screening_flag(*, content, screening: Screening) -> QueueItem | None:
    """Queue content whose screening asks for a moderator; None when it does not."""
    if not screening.needs_review:
        return None
    matches = [asdict(match) for match in screening.matches]
    if screening.risk == Risk.URGENT:
        return flag_content(content=content, source=QueueItem.Source.CRISIS,
                            priority=Priority.URGENT, reason="Crisis language: urgent",
                            matches=matches)
    if screening.risk == Risk.CONCERN:
        return flag_content(content=content, source=QueueItem.Source.CRISIS,
                            priority=Priority.NORMAL, reason="Crisis language: concern",
                            matches=matches)
    held = screening.action == Action.HOLD
    words = ", ".join(m.words for m in screening.matches if m.source == "watched_word")
    return flag_content(
        content=content,
        source=QueueItem.Source.WATCHED_WORD,
        priority=Priority.NORMAL,
        reason=f"Watched words{' (held)' if held else ''}: {words}",
        matches=matches,
    )


@transaction.atomic
def report_create(*, reporter, content, reason: str, note: str = "") -> Report:
    """A member's report; several reports of one piece of content gather on one open item."""
    if reason not in ReportReason.values:
        raise ValidationError("Please choose a reason from the list.", code="reason")
    note = note.strip()
    if len(note) > 500:
        raise ValidationError("Please keep the note to 500 characters.", code="note")
    reject_control_characters(note)
    if content.author == reporter:
        raise ValidationError("You can't report your own words. You can edit or delete them.",
                              code="own")
    label = ReportReason(reason).label
    item, is_news = _gather(content, source=QueueItem.Source.REPORT,
                           priority=REPORT_PRIORITY.get(reason, Priority.NORMAL),
                           reason=f"Reported: {label}", matches=[])
    if item.reports.filter(reporter=reporter).exists():
        raise ValidationError("You have already reported this. A moderator will look at it.",
                              code="duplicate")
    report = Report.objects.create(item=item, reporter=reporter, reason=reason, note=note)
    if is_news:
        _announce(item)
    return report


def _gather(content, *, source: str, priority: str, reason: str,
            matches: list) -> tuple[QueueItem, bool]:
    """The content's open item, created or added to; True when it is new or more urgent now."""
    content_type = ContentType.objects.get_for_model(content)
    open_items = QueueItem.objects.select_for_update().filter(
        content_type=content_type, object_id=content.pk
    ).exclude(status=QueueItem.Status.RESOLVED)
    item = open_items.first()
    if item is None:
        try:
            with transaction.atomic():
                return QueueItem.objects.create(
                    content_type=content_type, object_id=content.pk, source=source,
                    priority=priority, reason=reason, matches=matches,
                ), True
        except IntegrityError:
            # Another request opened the item a moment ago: join it.
            item = open_items.get()
    is_more_urgent = PRIORITY_RANK[priority] < PRIORITY_RANK[item.priority]
    if is_more_urgent:
        item.priority = priority
    item.reason = reason
    item.matches = [*item.matches, *matches]
    item.save(update_fields=["priority", "reason", "matches"])
    return item, is_more_urgent


def _announce(item: QueueItem) -> None:
    """Tell online moderators at once about urgent and high-priority items."""
    if item.priority in ALERT_PRIORITIES:
        send_event_on_commit(MODERATORS_GROUP, {
            "type": "queue.item",
            "id": item.pk,
            "priority": item.priority,
            "reason": item.reason,
        })
