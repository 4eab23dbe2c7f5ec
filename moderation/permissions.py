"""Who may use the moderation workspace and act on what. Services call the check_* rules;
views and templates ask the can_* forms before offering an action."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from community.permissions import can, check_member
from community.roles import is_administrator, is_moderator
from moderation.adapters import adapter_for
from moderation.models import ModerationSettings, QueueItem


def check_moderate(user) -> None:
    if not is_moderator(user):
        raise PermissionDenied("Only moderators can do this.")


def check_act_on(user, item: QueueItem, *, now=None, claim_minutes: int | None = None) -> None:
    """Another moderator's current claim keeps the item theirs; safeguarding leads may step in."""
    check_moderate(user)
    if item.claimed_by_id in (None, user.pk) or is_administrator(user):
        return
    if claim_minutes is None:
        claim_minutes = ModerationSettings.current().claim_minutes
    if item.is_claim_current(now or timezone.now(), claim_minutes):
        raise PermissionDenied(f"{item.claimed_by} is looking at this. You can act once they "
                               "hand it over or their claim lapses.")


def check_sanction(user, member) -> None:
    """Moderators sanction members; only administrators sanction moderators, and nobody themself."""
    check_moderate(user)
    if member.pk == user.pk:
        raise PermissionDenied("You can't sanction yourself.")
    if is_moderator(member) and not is_administrator(user):
        raise PermissionDenied("Only administrators can sanction a moderator or an "
                               "administrator.")


def check_lift(user, sanction) -> None:
    check_sanction(user, sanction.member)


def check_improve_screening(user) -> None:
    """Administrators decide what screening learns from moderators' and members' verdicts."""
    if not is_administrator(user):
        raise PermissionDenied("Only administrators can change screening's rules and examples.")


def check_report(user, content) -> None:
    check_member(user)
    if adapter_for(content).author(content) == user:
        raise PermissionDenied("You can't report your own words. You can edit or delete them.")


can_moderate = can(check_moderate)
can_act_on = can(check_act_on)
can_sanction = can(check_sanction)
can_lift = can(check_lift)
can_report = can(check_report)
can_improve_screening = can(check_improve_screening)


def moderators_only(view):
    """Visitors are sent to log in; members who are not moderators get a plain refusal."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_moderate(request.user):
            return render(request, "moderation/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return guarded


def administrators_only(view):
    """As moderators_only, and moderators who are not administrators get a plain refusal."""

    @moderators_only
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not can_improve_screening(request.user):
            return render(request, "moderation/administrators_only.html", status=403)
        return view(request, *args, **kwargs)

    return guarded
