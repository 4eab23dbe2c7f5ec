"""Chat pages: the list of rooms, and a room read server-side before the socket takes over."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from chat import presence, services
from chat.forms import MessageForm, MuteForm, RoomStatusForm, SlowModeForm
from chat.models import Message, Room, RoomHours
from chat.permissions import can_join
from chat.selectors import messages_page, room_state
from chat.services import MAX_LENGTH
from community import signposting
from community.models import User
from community.selectors import blocked_ids
from community.warnings import reader_warnings
from moderation.content import Visibility
from moderation.models import ReportReason
from moderation.permissions import can_moderate, moderators_only
from moderation.sanctions import sanction_create
from moderation.submission import Refused
from moderation.views.reports import report_page


def index(request):
    """Every room, closed ones too, each with its state."""
    rooms = list(Room.objects.prefetch_related(
        Prefetch("hours", queryset=RoomHours.objects.order_by("weekday", "opens"))))
    # Who is in a room is for members' eyes only, like the room itself.
    is_member = request.user.is_authenticated
    here = presence.store().names_by_room([room.pk for room in rooms]) if (
        rooms and is_member) else {}
    listing = [{"room": room, "members": here.get(room.pk, []), "state": room_state(room)}
               for room in rooms]
    return render(request, "chat/index.html", {"listing": listing, "shows_who": is_member})


def room(request, slug: str):
    room = get_object_or_404(Room.objects.prefetch_related("hours"), slug=slug)
    if not request.user.is_authenticated:
        return render(request, "chat/signed_out.html", {"room": room}, status=200)
    if not can_join(request.user, room):
        return render(request, "chat/not_allowed.html", {"room": room}, status=403)
    return _room_page(request, room)


@require_POST
def message_send(request, slug: str):
    """Sending a message without JavaScript: refused text comes back in the box with why."""
    room = _moderated_room(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(room.get_absolute_url())
    if not can_join(request.user, room):
        return render(request, "chat/not_allowed.html", {"room": room}, status=403)
    form = MessageForm(request.POST, warnings=reader_warnings(request).categories.values())
    if form.is_valid():
        try:
            sent = services.message_send(author=request.user, room=room, **form.cleaned_data)
        except Refused as refused:
            refused.add_to(form)
            return _room_page(request, room, bound=form,
                              help_listings=signposting.listings(refused.help))
        else:
            if sent.signpost:
                return render(request, "community/support.html", {
                    "listings": signposting.listings(sent.signpost),
                    "held_because": sent.held_reason,
                    "shared": f"Your message is in {room.name}. Others can read it and reply.",
                    "back_url": room.get_absolute_url(), "back_to": room.name})
            if sent.is_held:
                messages.success(request, sent.held_reason)
            return redirect(room.get_absolute_url() + (
                "#send-heading" if sent.is_held else f"#message-{sent.message.pk}"))
    return _room_page(request, room, bound=form)


def _room_page(request, room: Room, *, bound=None, help_listings=()):
    """The room page; `bound` is a form that failed, shown again with its input and errors."""
    user = request.user
    is_moderating = can_moderate(user)
    page = messages_page(room, viewer=user, before=_message_id(request.GET.get("before")),
                         with_hidden=is_moderating)
    latest = page.messages
    blocked = blocked_ids(user)
    blocked_names = list(User.objects.filter(pk__in=blocked).values_list("username", flat=True)
                         ) if blocked else []
    warnings = reader_warnings(request)
    state = room_state(room, user)
    rows = [{
        "message": m, "is_blocked": m.author_id in blocked, "is_mine": m.author_id == user.pk,
        "is_hidden": m.visibility == Visibility.HIDDEN,
        "is_held": m.visibility == Visibility.HELD,
    } for m in latest]
    context = {
        "room": room,
        "messages_shown": rows,
        "older_than": latest[0].pk if page.has_older else None,
        "is_back_in_time": "before" in request.GET,
        "state": state,
        "time_zone": settings.TIME_ZONE,
        "is_moderating": is_moderating,
        "max_length": MAX_LENGTH,
        "help_listings": help_listings,
        "send_form": bound if isinstance(bound, MessageForm) else MessageForm(
            warnings=warnings.categories.values()),
        "socket_path": f"/ws/chat/{room.slug}/",
        "blocked_json": json.dumps(blocked_names),
        "reasons_json": json.dumps([[value, label] for value, label in ReportReason.choices]),
        # Where the Moderate menu chat.js draws on live messages leads, NAME and ID filled in.
        "history_url": reverse("moderation:member", args=["NAME"]),
        "sanction_url": reverse("moderation:member", args=["NAME"]) + "#sanction",
        "check_in_url": reverse("conversations:start", args=["NAME"]) + "?about=message-ID",
        "names_json": json.dumps({slug: w.name for slug, w in warnings.categories.items()}),
    }
    if is_moderating:
        forms = {"status_form": RoomStatusForm(initial={"status": room.status}),
                 "slow_form": SlowModeForm(initial={"seconds": room.slow_mode_seconds}),
                 "mute_form": MuteForm(moderator=user)}
        for name, form in forms.items():
            context[name] = bound if type(bound) is type(form) else form
        # Recent voices first, to pick from when muting.
        context["recent_names"] = sorted({m.author.username for m in latest
                                          if m.author_id != user.pk})
    return render(request, "chat/room.html", context, status=400 if bound is not None else 200)


def _message_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


def _moderated_room(slug: str) -> Room:
    return get_object_or_404(Room.objects.prefetch_related("hours"), slug=slug)


@require_POST
@moderators_only
def room_status(request, slug: str):
    room = _moderated_room(slug)
    form = RoomStatusForm(request.POST)
    if form.is_valid():
        try:
            services.room_set_status(room=room, moderator=request.user,
                                     status=form.cleaned_data["status"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The room is now {room.get_status_display().lower()}.")
            return redirect(room.get_absolute_url() + "#moderate")
    return _room_page(request, room, bound=form)


@require_POST
@moderators_only
def room_slow_mode(request, slug: str):
    room = _moderated_room(slug)
    form = SlowModeForm(request.POST)
    if form.is_valid():
        seconds = form.cleaned_data["seconds"]
        try:
            services.room_set_slow_mode(room=room, moderator=request.user, seconds=seconds)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Slow mode is on: one message every {seconds} seconds."
                             if seconds else "Slow mode is off.")
            return redirect(room.get_absolute_url() + "#moderate")
    return _room_page(request, room, bound=form)


@require_POST
@moderators_only
def room_mute(request, slug: str):
    room = _moderated_room(slug)
    form = MuteForm(request.POST, moderator=request.user)
    if form.is_valid():
        data = form.cleaned_data
        is_room_only = data["where"] == MuteForm.ROOM
        try:
            sanction_create(member=form.member, moderator=request.user, kind="mute",
                            reason=data["reason"], duration=data["duration"],
                            scope=room.group_name if is_room_only else "")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            where = "in this room" if is_room_only else "across the whole site"
            messages.success(request, f"{form.member.username} is muted {where}. "
                                      "They have been told why.")
            return redirect(room.get_absolute_url() + "#moderate")
    return _room_page(request, room, bound=form)


@login_required
def message_report(request, slug: str, pk: int):
    """Reporting without JavaScript: the report page forum posts and profiles share."""
    room = _moderated_room(slug)
    if not can_join(request.user, room):
        return render(request, "chat/not_allowed.html", {"room": room}, status=403)
    message = get_object_or_404(Message.objects.shown().select_related("author"), pk=pk,
                                room=room)
    return report_page(request, message, what=f"the message from {message.author.username} "
                                              f"in {room.name}",
                       back_url=message.get_absolute_url())


@require_POST
def message_delete(request, slug: str, pk: int):
    """A member deletes their own message without JavaScript."""
    room = _moderated_room(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(room.get_absolute_url())
    message = get_object_or_404(Message, pk=pk, room=room)
    try:
        services.message_delete(message=message, by=request.user)
    except (PermissionDenied, Refused) as refused:
        messages.error(request, getattr(refused, "message", None) or str(refused))
    else:
        messages.success(request, "Your message is deleted: nobody in the room sees it now.")
    return redirect(room.get_absolute_url() + "#messages-heading")
