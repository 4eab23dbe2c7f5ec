"""Who may use the moderation workspace and act on what; views ask these before calling services."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from community.roles import is_administrator, is_moderator
from moderation.models import QueueItem


def can_moderate(user) -> bool:
    return is_moderator(user)


def can_act_on(user, item: QueueItem, *, now, claim_minutes: int) -> bool:
    """Another moderator's current claim keeps the item theirs; safeguarding leads may step in."""
    if not can_moderate(user):
        return False
    if item.claimed_by_id == user.pk or is_administrator(user):
        return True
    return not item.is_claim_current(now, claim_minutes)


def can_sanction(user, member) -> bool:
    """Moderators sanction members; only administrators sanction moderators, and nobody themself."""
    if not can_moderate(user) or member.pk == user.pk:
        return False
    return is_administrator(user) or not is_moderator(member)


def can_lift(user, sanction) -> bool:
    return can_sanction(user, sanction.member)


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
