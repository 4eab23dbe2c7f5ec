"""The peer supporter's own page, the step back / come back buttons, asking for a peer
mentor, and peer supporters' offers: plain forms throughout."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from community import signposting
from community.links import next_or
from community.refusals import Refused
from mentoring import selectors, services
from mentoring.forms import AskForm, OfferForm
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


# --- Asking for a peer mentor -------------------------------------------------------------

@login_required
def ask(request):
    """The member's own page: the form, or their open request with its offers."""
    own = selectors.own_open_request(request.user)
    form = None
    help_listings = []
    if own is None:
        nation = getattr(getattr(request.user, "member", None), "nation", "")
        form = AskForm(request.POST if request.method == "POST" else None,
                       initial={"nation": nation})
        if request.method == "POST" and form.is_valid():
            try:
                asked = services.request_create(member=request.user, **form.cleaned_data)
            except Refused as refused:
                refused.add_to(form)
                help_listings = signposting.listings(refused.help)
            except PermissionDenied as denied:
                form.add_error(None, str(denied))
            else:
                messages.success(request, "Your request is in. Peer supporters who know about "
                                 "your topics can now read it, without your name, and offer. "
                                 "We will tell you when someone offers.")
                if not asked.help:
                    return redirect("mentoring:ask")
                own = selectors.own_open_request(request.user)
                form = None
                help_listings = signposting.listings(asked.help)
    elif request.method == "POST":
        messages.error(request, "You already have an open request for a peer mentor.")
    return render(request, "mentoring/ask.html", {
        "form": form, "own": own, "help_listings": help_listings,
        "mentorings": selectors.own_mentorings(request.user),
    }, status=400 if form is not None and form.errors else 200)


@login_required
@require_POST
def ask_withdraw(request, pk):
    return _member_act(request, lambda: services.request_withdraw(
        member=request.user, request_id=pk),
        "Your request is withdrawn. You can ask again whenever you like.")


@login_required
@require_POST
def ask_decline(request, pk):
    return _member_act(request, lambda: services.offers_decline_all(
        member=request.user, request_id=pk),
        "You have declined the offers and your request is closed. Those who offered are "
        "thanked. You can ask again whenever you like.")


@login_required
@require_POST
def offer_choose(request, pk):
    def choose():
        mentoring = services.offer_choose(member=request.user, offer_id=pk)
        messages.success(request, f"You have chosen {mentoring.mentor.username} as your peer "
                         "mentor. They have been told. Next, you both read and accept the "
                         "mentoring agreement.")
    return _member_act(request, choose, "")


def _member_act(request, act, said: str):
    try:
        act()
    except Refused as refused:
        messages.error(request, refused.message)
    except PermissionDenied as denied:
        messages.error(request, str(denied))
    else:
        if said:
            messages.success(request, said)
    return redirect("mentoring:ask")


# --- Peer supporters: requests and offers -------------------------------------------------

@login_required
def requests_list(request, pk=None):
    """Open requests a peer supporter may offer on, without the members' names. POSTing
    to a request's own address makes the offer."""
    try:
        supporter = services.check_may_offer(request.user)
    except PermissionDenied as denied:
        return render(request, "mentoring/requests.html", {"reason": str(denied)}, status=403)
    bound = None
    help_listings = []
    if pk is not None:
        if request.method != "POST":
            return redirect("mentoring:requests")
        bound = OfferForm(request.POST, request_pk=pk)
        if bound.is_valid():
            try:
                offered = services.offer_create(supporter=request.user, request_id=pk,
                                                **bound.cleaned_data)
            except Refused as refused:
                refused.add_to(bound)
                help_listings = signposting.listings(refused.help)
            except PermissionDenied as denied:
                messages.error(request, str(denied))
                return redirect("mentoring:requests")
            else:
                messages.success(request, "Your offer is sent. The member reads it and "
                                 "chooses; we will tell you what they decide.")
                if not offered.help:
                    return redirect("mentoring:requests")
                help_listings = signposting.listings(offered.help)
                bound = None
    shown = []
    for asked in selectors.open_requests_for(supporter):
        form = bound if bound is not None and asked.pk == pk else OfferForm(request_pk=asked.pk)
        shown.append((asked, form))
    return render(request, "mentoring/requests.html", {
        "shown": shown, "help_listings": help_listings,
        "caseload": services.caseload(request.user), "limit": supporter.caseload_limit,
        "mentees": selectors.mentees(request.user),
    }, status=400 if bound is not None and bound.errors else 200)
