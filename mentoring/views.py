"""The peer supporter's own page, and the step back / come back buttons (plain forms)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from community.links import next_or
from community.refusals import Refused
from mentoring.selectors import own_training
from mentoring.services import supporter_come_back, supporter_standing, supporter_step_back

STEPPED_BACK = ("You have stepped back. Your badge is hidden and no peer supporter tasks "
                "will come your way. Take the time you need, and come back whenever you "
                "are ready.")


@login_required
def mine(request):
    standing = supporter_standing(request.user)
    return render(request, "mentoring/mine.html", {
        "standing": standing, "training": own_training(request.user)})


@login_required
@require_POST
def step_back(request):
    return _change(request, supporter_step_back, lambda standing: STEPPED_BACK)


@login_required
@require_POST
def come_back(request):
    return _change(request, supporter_come_back,
                   lambda standing: "Welcome back. " + standing.sentence())


def _change(request, service, said):
    try:
        standing = service(user=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
    except PermissionDenied as denied:
        messages.error(request, str(denied))
    else:
        messages.success(request, said(standing))
    return redirect(next_or(request, reverse("mentoring:mine")))
