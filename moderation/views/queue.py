"""The queue of reports and flags, one item in full, and the actions moderators take on it."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.timesince import timesince
from django.views.decorators.http import require_POST

from community.models import Topic
from community.warnings import active_warnings
from moderation import forms, services
from moderation.adapters import ContentAction
from moderation.models import ModerationAction, ModerationSettings, QueueItem, ReportReason
from moderation.permissions import can_act_on, moderators_only
from moderation.selectors import (
    QueueRow,
    ShownContent,
    match_lines,
    match_reasons,
    queue_items,
    queue_page,
    shown,
    wait_level,
    with_targets,
)
from moderation.submission import Refused

# Reports saying the words themselves may upset whoever reads them.
DISTRESSING_REPORTS = {ReportReason.AT_RISK, ReportReason.HARMFUL_DETAIL}
AUTHOR_NOTES_SHOWN = 3


@dataclass(frozen=True)
class Entry:
    """A queue row, with what decides whether its words start collapsed."""

    row: QueueRow
    warnings: tuple[str, ...]  # names of the content warnings the author chose
    topics: tuple[str, ...]  # crisis topics screening found
    is_reported_at_risk: bool
    why: tuple[str, ...]  # what each screening rule that matched finds, without the words

    @property
    def found(self) -> list[dict]:
        return match_lines(self.item.matches)

    @property
    def item(self) -> QueueItem:
        return self.row.item

    @property
    def content(self) -> ShownContent | None:
        return self.row.content

    @property
    def is_collapsed(self) -> bool:
        return bool(self.warnings or self.topics or self.is_reported_at_risk)

    @property
    def waited(self) -> str:
        if self.row.waited < timedelta(minutes=1):
            return "less than a minute"
        start = self.item.created_at
        return timesince(start, now=start + self.row.waited)


@dataclass(frozen=True)
class Action:
    """One thing a moderator can do to an item: its form, its service, and what follows."""

    form: type[forms.ItemActionForm]
    run: Callable[[QueueItem, Any, dict], object]  # (item, moderator, cleaned data)
    done: str  # what the moderator is told afterwards
    is_final: bool = False  # the item is finished with: back to the queue


ACTIONS = {
    "claim": Action(
        forms.ConfirmForm,
        lambda item, by, data: services.item_claim(item=item, moderator=by),
        "You have claimed this item. Other moderators can see that you are looking at it."),
    "hand_over": Action(
        forms.HandOverForm,
        lambda item, by, data: services.item_hand_over(item=item, moderator=by, **data),
        "Handed over. They have been told.", is_final=True),
    "escalate": Action(
        forms.EscalateForm,
        lambda item, by, data: services.item_escalate(item=item, moderator=by, **data),
        "Escalated. The safeguarding lead has been told, and the item is now urgent."),
    "approve": Action(
        forms.ApproveForm,
        lambda item, by, data: services.content_approve(item=item, moderator=by, **data),
        "Approved. Everyone can see it now, and the author has been told.", is_final=True),
    "dismiss": Action(
        forms.DismissForm,
        lambda item, by, data: services.reports_dismiss(item=item, moderator=by, **data),
        "Reports dismissed. The item is closed.", is_final=True),
    "hide": Action(
        forms.HideForm,
        lambda item, by, data: services.content_hide(item=item, moderator=by, **data),
        "Hidden. The author has been told why.", is_final=True),
    "restore": Action(
        forms.ReasonForm,
        lambda item, by, data: services.content_restore(content=item.content, moderator=by,
                                                        **data),
        "Restored. Everyone can see it again, and the author has been told."),
    "edit": Action(
        forms.EditForm,
        lambda item, by, data: services.content_edit(item=item, moderator=by, **data),
        "Edited. The old words are kept, and the author has been told why.", is_final=True),
    "clear": Action(
        forms.ClearForm,
        lambda item, by, data: services.content_clear(item=item, moderator=by, **data),
        "Cleared. The author has been told why.", is_final=True),
    "lock": Action(
        forms.ConfirmForm,
        lambda item, by, data: services.content_lock(content=item.content, moderator=by,
                                                     locked=True),
        "Locked. Nobody can reply until a moderator unlocks it."),
    "unlock": Action(
        forms.ConfirmForm,
        lambda item, by, data: services.content_lock(content=item.content, moderator=by,
                                                     locked=False),
        "Unlocked. Members can reply again."),
    "move": Action(
        forms.MoveForm,
        lambda item, by, data: services.content_move(content=item.content, moderator=by,
                                                     **data),
        "Moved."),
}


class ActionForms(Mapping):
    """The item page's forms by action, read-only: in a template, `forms.clear` on a plain
    dict would call dict.clear() when no clear form is offered, emptying it."""

    def __init__(self, forms_by_action: dict):
        self._forms = forms_by_action

    def __getitem__(self, action: str):
        return self._forms[action]

    def __iter__(self):
        return iter(self._forms)

    def __len__(self) -> int:
        return len(self._forms)


@moderators_only
def queue(request):
    form = forms.QueueFilterForm(request.GET)
    page = queue_page(viewer=request.user, filters=form.filters(),
                      page_number=request.GET.get("page"))
    names = _warning_names()
    page.object_list = [_entry(row, names) for row in page.object_list]
    return render(request, "moderation/queue.html", {"form": form, "page": page})


@moderators_only
def item(request, pk):
    item = get_object_or_404(queue_items(), pk=pk)
    services.item_viewed(item=item)
    return _item_page(request, item)


@moderators_only
@require_POST
def act(request, pk, action):
    if action not in ACTIONS:
        raise Http404("No such action.")
    item = get_object_or_404(queue_items(), pk=pk)
    chosen = ACTIONS[action]
    form = chosen.form(request.POST, item=item, moderator=request.user, auto_id=_ids(action))
    if action not in _offered(_row(item), request.user):
        if item.status == QueueItem.Status.RESOLVED:
            # Someone closed it since this page was opened: say so, keeping what was typed.
            form.add_error(None, services.dealt_with(item))
            return _item_page(request, item, failed=(action, form))
        messages.error(request, _refusal(item, request.user))
        return redirect("moderation:item", item.pk)
    if form.is_valid():
        try:
            chosen.run(item, request.user, form.cleaned_data)
        except (ValidationError, PermissionDenied, Refused) as error:
            form.add_error(None, getattr(error, "message", None) or str(error))
            item = get_object_or_404(queue_items(), pk=pk)  # as it is now: another's action
        else:
            messages.success(request, chosen.done)
            if chosen.is_final:
                return redirect("moderation:queue")
            return redirect("moderation:item", item.pk)
    return _item_page(request, item, failed=(action, form))


def _item_page(request, item: QueueItem, failed: tuple[str, forms.ItemActionForm] | None = None):
    now, settings = timezone.now(), ModerationSettings.current()
    row = _row(item, now=now, settings=settings, in_full=True)
    content = row.content
    action_forms = {slug: ACTIONS[slug].form(item=item, moderator=request.user, auto_id=_ids(slug))
                    for slug in _offered(row, request.user, now=now, settings=settings)}
    if failed:
        action_forms[failed[0]] = failed[1]
    action_forms = ActionForms(action_forms)
    return render(request, "moderation/item.html", {
        "entry": _entry(row, _warning_names()),
        "content": content,
        "forms": action_forms,
        "failed": failed[0] if failed else "",
        "may_act": can_act_on(request.user, item, now=now, claim_minutes=settings.claim_minutes),
        "history": with_targets(ModerationAction.objects.filter(
            Q(item=item) | Q(content_type_id=item.content_type_id, object_id=item.object_id)
        )).order_by("created_at", "id"),
        "author_notes": content.author.moderator_notes.select_related("author")[
            :AUTHOR_NOTES_SHOWN] if content is not None else (),
    })


def _offered(row: QueueRow, user, *, now=None, settings=None) -> list[str]:
    """The actions this moderator can take on the item as it stands, in the order shown."""
    item, content = row.item, row.content
    if content is None:
        return []
    now, settings = now or timezone.now(), settings or ModerationSettings.current()
    is_open = item.status != QueueItem.Status.RESOLVED
    if not can_act_on(user, item, now=now, claim_minutes=settings.claim_minutes):
        # Someone else has it, but anyone may still alert the safeguarding lead.
        return ["escalate"] if is_open and item.escalated_at is None else []
    is_mine = item.claimed_by_id == user.pk and item.is_claim_current(now, settings.claim_minutes)
    applies = content.actions  # what the content's adapter offers as it stands
    can = {
        "claim": is_open and not is_mine,
        "hand_over": is_open,
        "escalate": is_open and item.escalated_at is None,
        "approve": is_open and ContentAction.APPROVE in applies,
        # Nothing waits for approval: the reports can be closed as they are.
        "dismiss": is_open and ContentAction.APPROVE not in applies,
        "hide": is_open and ContentAction.HIDE in applies,
        "restore": ContentAction.RESTORE in applies,
        "edit": is_open and ContentAction.EDIT in applies,
        "clear": is_open and ContentAction.CLEAR in applies,
        "lock": ContentAction.LOCK in applies,
        "unlock": ContentAction.UNLOCK in applies,
        "move": ContentAction.MOVE in applies,
    }
    return [slug for slug, is_offered in can.items() if is_offered]


def _refusal(item: QueueItem, user) -> str:
    if item.content is None:
        return "The content of this item no longer exists, so there is nothing to act on."
    if item.claimed_by_id not in (None, user.pk) and item.status == QueueItem.Status.CLAIMED:
        return (f"{item.claimed_by} is looking at this. You can act once they hand it over "
                "or their claim lapses.")
    return "That can't be done to this item now."


def _row(item: QueueItem, *, now=None, settings=None, in_full: bool = False) -> QueueRow:
    now, settings = now or timezone.now(), settings or ModerationSettings.current()
    waited = (item.resolved_at or now) - item.created_at
    return QueueRow(item, waited, wait_level(item.priority, waited, settings),
                    item.is_claim_current(now, settings.claim_minutes),
                    shown(item.content, in_full=in_full))


def _entry(row: QueueRow, warning_names: dict[str, str]) -> Entry:
    item = row.item
    slugs = row.content.warnings if row.content is not None else ()
    topics = dict.fromkeys(match.get("topic", "") for match in item.matches
                           if match.get("source") == QueueItem.Source.CRISIS)
    return Entry(
        row,
        warnings=tuple(warning_names[slug] for slug in slugs if slug in warning_names),
        topics=tuple(Topic(topic).label if topic in Topic.values else topic
                     for topic in topics if topic),
        is_reported_at_risk=any(report.reason in DISTRESSING_REPORTS
                                for report in item.reports.all()),
        why=match_reasons(item.matches),
    )


def _warning_names() -> dict[str, str]:
    # Only categories still offered: content carrying a retired one is shown without it.
    return {slug: warning.name for slug, warning in active_warnings().items()}


def _ids(action: str) -> str:
    """Each action's fields get ids of their own, as every form shares one page."""
    return f"{action}-%s"
