"""Pages every visitor can reach, and a member's own profile."""

import asyncio

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from community import health
from community.forms import MemberForm
from community.models import Member
from community.services import member_update


def home(request):
    return render(request, "community/home.html")


def guidelines(request):
    return render(request, "community/guidelines.html")


def guidelines_easy_read(request):
    return render(request, "community/guidelines_easy_read.html")


def help_page(request):
    return render(request, "community/help.html")


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
