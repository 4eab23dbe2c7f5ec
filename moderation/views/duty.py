"""Going on or off duty, from the button in every page's header; it works without JavaScript."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from community.refusals import Refused
from moderation import forms, services
from moderation.cover import duty_of, moderators_available
from moderation.permissions import moderators_only

NOBODY_ELSE = (" No other moderator is on duty now, so members are told moderators are "
               "offline, and urgent words wait for a moderator.")


@moderators_only
@require_POST
def duty(request):
    form = forms.DutyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose on duty or off duty with the button in the header.")
        return redirect("moderation:queue")
    try:
        services.duty_set(moderator=request.user, on_duty=form.cleaned_data["duty"] == "on")
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _told(request.user))
    return redirect(_back(request, form.cleaned_data["next"]))


def _told(moderator) -> str:
    """What the moderator is told, worked out afresh rather than from the shared answers,
    which are renewed only once the change has committed."""
    duty = duty_of(moderator)
    if duty.counts:
        return "You are on duty. Members see that a moderator is around."
    if duty.is_chosen:
        return f"You are on duty, but the site counts you off duty: {duty.off_because}."
    return "You are off duty." + ("" if moderators_available() else NOBODY_ELSE)


def _back(request, page: str) -> str:
    """The page the button was pressed on; the queue for an address off this site."""
    if page and url_has_allowed_host_and_scheme(page, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure()):
        return page
    return reverse("moderation:queue")
