"""Moderating where members read: what the Moderate menu on each post and chat message does.

The same services, rules and audit as the queue, on the content itself. Hide and edit need
a reason, so the menu leads to a small page asking for it; restore, lock and unlock are
buttons posting straight here. Either way the moderator lands back on the content in its
place, told what was done; a refusal comes back on the page with what they typed, and why.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from moderation import forms, services
from moderation.adapters import ContentAction, ContentAdapter, adapter_named
from moderation.permissions import moderators_only
from moderation.selectors import open_item_for
from moderation.submission import Refused
from moderation.views.queue import ACTIONS as QUEUE_ACTIONS


@dataclass(frozen=True)
class Act:
    """One thing the menu does: when it applies, its form, its service, and its page's words."""

    needs: str  # the ContentAction that must apply to the content as it stands
    form: type[forms.ItemActionForm]
    run: Callable[[Any, Any, dict], object]  # (content, moderator, cleaned data)
    heading: str  # {title}: what moderators call the content; {container}: what locks
    button: str
    is_danger: bool = False


ACTIONS = {
    "hide": Act(
        ContentAction.HIDE, forms.HideForm,
        lambda content, by, data: services.content_hide_where_read(
            content=content, moderator=by, **data),
        "Hide {title}?", "Hide it", is_danger=True),
    "edit": Act(
        ContentAction.EDIT, forms.EditForm,
        lambda content, by, data: services.content_edit_where_read(
            content=content, moderator=by, **data),
        "Edit {title}", "Save the new words"),
    "restore": Act(
        ContentAction.RESTORE, forms.ReasonForm,
        lambda content, by, data: services.content_restore(content=content, moderator=by,
                                                           **data),
        "Restore {title}?", "Restore it"),
    "lock": Act(
        ContentAction.LOCK, forms.ConfirmForm,
        lambda content, by, data: services.content_lock(content=content, moderator=by,
                                                        locked=True),
        "Lock the {container}?", "Lock the {container}"),
    "unlock": Act(
        ContentAction.UNLOCK, forms.ConfirmForm,
        lambda content, by, data: services.content_lock(content=content, moderator=by,
                                                        locked=False),
        "Unlock the {container}?", "Unlock the {container}"),
}


@moderators_only
@require_http_methods(["GET", "POST"])
def act(request, kind: str, pk: int, action: str):
    chosen = ACTIONS.get(action)
    if chosen is None:
        raise Http404("No such action.")
    adapter, content = _content(kind, pk)
    item = open_item_for(content)
    form = chosen.form(request.POST if request.method == "POST" else None,
                       item=item, content=content, moderator=request.user)
    if form.is_bound and form.is_valid():
        try:
            chosen.run(content, request.user, form.cleaned_data)
        except (ValidationError, PermissionDenied, Refused) as error:
            form.add_error(None, getattr(error, "message", None) or str(error))
            # As it is now: another moderator may have acted on it meanwhile.
            adapter, content = _content(kind, pk)
            item = open_item_for(content)
        else:
            messages.success(request, QUEUE_ACTIONS[action].done)
            return redirect(adapter.url(content))
    words = {"title": adapter.title(content),
             "container": adapter.container_kind or adapter.kind}
    return render(request, "moderation/where_read.html", {
        "action": action,
        "heading": chosen.heading.format(**words),
        "button": chosen.button.format(**words),
        "is_danger": chosen.is_danger,
        "kind": adapter.kind,
        "text": adapter.text(content),
        "html": adapter.html(content),
        "back_url": adapter.url(content),
        "form": form,
        "is_offered": chosen.needs in adapter.actions(content),
        # Hiding or editing closes it: the moderator should know it was waiting.
        "item": item if chosen.form.closes_item else None,
    }, status=400 if form.is_bound else 200)


def _content(kind: str, pk: int) -> tuple[ContentAdapter, Any]:
    try:
        adapter = adapter_named(kind)
    except LookupError:
        raise Http404("No such kind of content.") from None
    content = adapter.queryset().filter(pk=pk).first()
    if content is None:
        raise Http404("It is not there any more.")
    return adapter, content
