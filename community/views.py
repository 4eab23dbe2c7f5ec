"""Pages every visitor can reach, a member's own profile and their content-warning settings."""

import asyncio

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from community import health, signposting
from community.forms import MemberForm, WarningPreferencesForm
from community.models import Member, Nation
from community.services import member_update, warning_preferences_set
from community.warnings import reader_warnings


def home(request):
    return render(request, "community/home.html")


def guidelines(request):
    return render(request, "community/guidelines.html")


def guidelines_easy_read(request):
    return render(request, "community/guidelines_easy_read.html")


def help_page(request):
    # ?nation= overrides the member's own nation; "all" (or anything unknown) widens the list.
    chosen = request.GET.get("nation", "")
    if chosen in Nation.values or chosen == "all":
        nation = "" if chosen == "all" else chosen
    else:
        nation = request.user.member.nation if request.user.is_authenticated else ""
    page = signposting.help_page_sections(nation, timezone.now())
    return render(
        request,
        "community/help.html",
        {
            "sections": [
                ("In an emergency", page.emergency),
                ("Open now", page.open_now),
                ("Other services", page.closed_now),
            ],
            "nation": nation,
            "nation_name": dict(signposting.UK_NATIONS).get(nation, ""),
            "nation_choices": signposting.UK_NATIONS,
        },
    )


@never_cache
@require_GET
async def healthz(request):
    database, channel_layer = await asyncio.gather(
        health.database_status(), health.channel_layer_status()
    )
    status = {"database": database, "channel_layer": channel_layer}
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)


@login_required
def member_detail(request, username):
    member = get_object_or_404(
        Member.objects.select_related("user"), user__username=username, user__is_active=True
    )
    return render(
        request,
        "community/member_detail.html",
        {"member": member, "is_own_profile": member.user_id == request.user.pk},
    )


@login_required
def member_edit(request):
    member = request.user.member
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        member_update(member=member, **form.cleaned_data)
        messages.success(request, "Your profile is saved.")
        return redirect(member)
    return render(request, "community/member_edit.html", {"form": form})


@login_required
def warning_preferences(request):
    reader = reader_warnings(request)
    form = WarningPreferencesForm(
        request.POST if request.method == "POST" else None,
        categories=reader.categories,
        choices=reader.choices,
    )
    if form.is_valid():
        try:
            warning_preferences_set(user=request.user, choices=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your content warning settings are saved.")
            return redirect("warning_preferences")
    return render(request, "community/warning_preferences.html", {"form": form})
