"""Pages every visitor can reach, profiles, content-warning and email settings, notifications,
blocking."""

import asyncio

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from community import health, leaving, signposting
from community.forms import AccountDeleteForm, EmailChoicesForm, MemberForm, WarningPreferencesForm
from community.links import is_site_path, next_or
from community.models import Block, EmailChoices, Member, Nation, User
from community.permissions import can_block
from community.refusals import Refused
from community.roles import is_moderator
from community.selectors import blocked_ids, unread_notification_count
from community.services import (
    block_create,
    block_remove,
    email_choices_set,
    member_update,
    notifications_mark_read,
    warning_preferences_set,
)
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
    database, cache, channel_layer = await asyncio.gather(
        health.database_status(), health.cache_status(), health.channel_layer_status()
    )
    parts = {"database": database, "cache": cache, "channel_layer": channel_layer}
    # Without Redis the site still serves (degraded); only without its database does it not.
    if database != "ok":
        overall = "down"
    else:
        overall = "ok" if all(value == "ok" for value in parts.values()) else "degraded"
    return JsonResponse({"status": overall, **parts}, status=503 if overall == "down" else 200)


@login_required
def member_detail(request, username):
    member = get_object_or_404(
        Member.objects.select_related("user"), user__username=username, user__is_active=True
    )
    is_own_profile = member.user_id == request.user.pk
    return render(
        request,
        "community/member_detail.html",
        {
            "member": member,
            "is_own_profile": is_own_profile,
            "is_blocked": member.user_id in blocked_ids(request.user),
            "can_block": can_block(request.user, member.user),
            # Held or hidden words are for their writer and moderators only.
            "shows_profile_text": (member.is_visible_to_members or is_own_profile
                                   or is_moderator(request.user)),
        },
    )


@login_required
def member_edit(request):
    member = request.user.member
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            saved = member_update(member=member, **form.cleaned_data)
        except Refused as refused:
            refused.add_to(form)
            return render(request, "community/member_edit.html", {
                "form": form, "help_listings": signposting.listings(refused.help)})
        else:
            if saved.resources:
                return render(request, "community/support.html", {
                    "held_because": saved.held_because,
                    "listings": signposting.listings(saved.resources),
                    "back_url": member.get_absolute_url(), "back_to": "your profile"})
            messages.success(request, saved.held_because or "Your profile is saved.")
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


@login_required
def email_choices(request):
    form = EmailChoicesForm(request.POST or None, instance=EmailChoices.of(request.user))
    if request.method == "POST" and form.is_valid():
        email_choices_set(user=request.user, **form.cleaned_data)
        messages.success(request, "Your email choices are saved.")
        return redirect("email_choices")
    return render(request, "community/email_choices.html", {"form": form})


NOTIFICATIONS_PER_PAGE = 25


@login_required
def notifications(request):
    page = Paginator(request.user.notifications.all(), NOTIFICATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    # Read the page before marking, so this visit still shows which ones are new.
    items = mark_safe("".join(_notification_item(notice) for notice in page))
    # The count is kept between requests: a visit with nothing new writes nothing.
    if unread_notification_count(request.user):
        notifications_mark_read(user=request.user)
    return render(request, "community/notifications.html", {"page": page, "items": items})


def _notification_item(notice) -> str:
    """One <li>, in plain Python: through a template, 25 of these were a third of the page."""
    new = notice.read_at is None
    text = (format_html('<a href="{}">{}</a>', notice.url, notice.text)
            if is_site_path(notice.url) else escape(notice.text))
    return format_html(
        '<li class="notification{}">{}{} <span class="notification__when">'
        '<time datetime="{}">{} ago</time></span></li>',
        " notification--new" if new else "",
        mark_safe('<strong class="notification__new">New</strong> ') if new else "",
        text, timezone.localtime(notice.updated_at).isoformat(), timesince(notice.updated_at))


@login_required
@require_POST
def member_block(request, username):
    other = get_object_or_404(User, username=username, is_active=True)
    try:
        block_create(blocker=request.user, blocked=other)
    except Refused as refused:
        messages.error(request, refused.message)
    except PermissionDenied as denied:
        messages.error(request, str(denied))
    else:
        messages.success(request, f"You have blocked {other.username}. They are not told.")
    return redirect(next_or(request, reverse("member_detail", args=[other.username])))


@login_required
@require_POST
def member_unblock(request, username):
    other = get_object_or_404(User, username=username)
    block_remove(blocker=request.user, blocked=other)
    messages.success(request, f"You have unblocked {other.username}.")
    return redirect(next_or(request, reverse("member_detail", args=[other.username])))


@login_required
def blocked_members(request):
    blocks = (Block.objects.filter(blocker=request.user).select_related("blocked")
              .order_by("blocked__username"))
    return render(request, "community/blocked.html", {"blocks": blocks})


@require_GET
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page's <link> says. The icon's static name
    # carries a hash in production that changes with the file, so the redirect is not permanent.
    return redirect(static("favicon.svg"))


@login_required
@never_cache
def data_export(request):
    """A page saying what the download holds; the button (a POST) sends the ZIP."""
    if request.method == "POST":
        try:
            archive = leaving.data_export(user=request.user)
        except Refused as refused:
            messages.error(request, refused.message)
            return redirect("data_export")
        response = HttpResponse(archive, content_type="application/zip")
        response["Content-Disposition"] = (
            f'attachment; filename="{leaving.export_filename(request.user)}"')
        return response
    return render(request, "community/data_export.html")


@login_required
@never_cache
def account_delete(request):
    setting = leaving.content_setting()
    form = AccountDeleteForm(request.POST or None, members_choose=setting == leaving.CHOOSE)
    context = {"form": form, "setting": setting, "can_leave": leaving.can_leave(request.user),
               "staff_refusal": leaving.STAFF_CANNOT_LEAVE}
    if request.method == "POST" and context["can_leave"] and form.is_valid():
        try:
            leaving.account_delete(user=request.user, password=form.cleaned_data["password"],
                                   content=form.cleaned_data.get("content", ""),
                                   confirmed=form.cleaned_data["confirm"])
        except Refused as refused:
            refused.add_to(form)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            logout(request)
            messages.success(request, "Your account is deleted. Thank you for being part of "
                                      "the community. Take care.")
            return redirect("home")
    return render(request, "community/account_delete.html", context)
