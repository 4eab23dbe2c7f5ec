"""A member's moderation history, and what moderators do about a member: sanctions and notes."""

from functools import reduce
from operator import or_

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from community.models import User
from community.times import moment
from moderation.adapters import registered_adapters
from moderation.forms import NoteForm, SanctionForm
from moderation.models import ModerationAction, Report, Sanction
from moderation.permissions import can_lift, can_sanction, moderators_only
from moderation.sanctions import active_sanctions, sanction_create, sanction_lift
from moderation.selectors import with_targets
from moderation.services import note_add
from moderation.submission import Refused

SHOWN = 50  # of each list; the audit log has the rest

NAMES = {Sanction.Kind.WARNING: "warning", Sanction.Kind.MUTE: "mute",
         Sanction.Kind.SUSPEND: "suspension", Sanction.Kind.BAN: "ban"}
DONE = {
    Sanction.Kind.WARNING: "{name} has been sent a warning. They will read it before carrying on.",
    Sanction.Kind.MUTE: "{name} is muted {until}. They can still read.",
    Sanction.Kind.SUSPEND: "{name} is suspended {until}. They can't log in.",
    Sanction.Kind.BAN: "{name} is banned. They can't log in.",
}


@moderators_only
def history(request, username):
    return _history_page(request, _member(username))


@moderators_only
@require_POST
def sanction(request, username):
    member = _member(username)
    if not can_sanction(request.user, member):
        messages.error(request, "Only administrators can sanction a moderator, and nobody can "
                                "sanction themself.")
        return redirect("moderation:member", member.username)
    form = SanctionForm(request.POST)
    if form.is_valid():
        try:
            given = sanction_create(member=member, moderator=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, DONE[given.kind].format(name=member.username,
                                                              until=_until(given)))
            return redirect("moderation:member", member.username)
    return _history_page(request, member, sanction_form=form)


@moderators_only
@require_POST
def note(request, username):
    member = _member(username)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            note_add(member=member, moderator=request.user, text=form.cleaned_data["text"])
        except Refused as refused:
            refused.add_to(form)
        else:
            messages.success(request, "Note saved. Only moderators can see it.")
            return redirect("moderation:member", member.username)
    return _history_page(request, member, note_form=form)


@moderators_only
@require_POST
def lift(request, pk):
    given = get_object_or_404(Sanction.objects.select_related("member"), pk=pk)
    if not can_lift(request.user, given):
        messages.error(request, "Only administrators can lift a moderator's sanction, and "
                                "nobody can lift their own.")
    else:
        sanction_lift(sanction=given, moderator=request.user)
        messages.success(request, f"Lifted. The {NAMES[given.kind]} on {given.member.username} "
                                  "has ended.")
    return redirect("moderation:member", given.member.username)


def _member(username: str) -> User:
    return get_object_or_404(User, username=username)


def _history_page(request, member: User, *, sanction_form=None, note_form=None):
    in_force = set(active_sanctions(member).values_list("pk", flat=True))
    sanctions = member.sanctions.select_related("created_by", "lifted_by")
    return render(request, "moderation/member.html", {
        "member": member,
        "sanctions": [(given, given.pk in in_force, NAMES[given.kind]) for given in sanctions],
        "may_sanction": can_sanction(request.user, member),
        "sanction_form": sanction_form or SanctionForm(),
        "note_form": note_form or NoteForm(),
        "notes": member.moderator_notes.select_related("author"),
        "actions": with_targets(ModerationAction.objects.filter(member=member))[:SHOWN],
        "reports_made": member.reports_made.select_related("item__content_type")[:SHOWN],
        "reports_about": _reports_about(member).select_related(
            "reporter", "item__content_type")[:SHOWN],
    })


def _reports_about(member: User):
    """Reports of anything the member wrote, whatever kind of content it is."""
    about = [
        Q(item__content_type=ContentType.objects.get_for_model(adapter.model),
          item__object_id__in=adapter.written_by(member).values("pk"))
        for adapter in registered_adapters()
    ]
    return Report.objects.filter(reduce(or_, about)) if about else Report.objects.none()


def _until(given: Sanction) -> str:
    if given.ends_at is None:
        return "until a moderator lifts it"
    return f"until {moment(given.ends_at)}"
