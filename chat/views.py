"""Chat pages: the list of rooms, and a room read server-side before the socket takes over."""

import json
from datetime import datetime, timedelta

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from chat import presence
from chat.models import Room, RoomHours
from chat.permissions import can_join, can_remove
from chat.services import HISTORY_SIZE, MAX_LENGTH, room_is_open
from community.models import User
from community.selectors import blocked_ids
from community.warnings import reader_warnings
from moderation.content import Visibility
from moderation.models import ReportReason


def index(request):
    rooms = list(Room.objects.exclude(status=Room.Status.CLOSED).prefetch_related(
        Prefetch("hours", queryset=RoomHours.objects.order_by("weekday", "opens"))))
    here = presence.store().names_by_room([room.pk for room in rooms]) if rooms else {}
    now = timezone.now()
    listing = [{"room": room, "members": here.get(room.pk, []),
                "is_open": room_is_open(room, now),
                "opens_next": _opens_next(room, now)} for room in rooms]
    return render(request, "chat/index.html", {"listing": listing})


def room(request, slug: str):
    room = get_object_or_404(Room.objects.prefetch_related("hours"), slug=slug)
    if not request.user.is_authenticated:
        return render(request, "chat/signed_out.html", {"room": room}, status=200)
    if not can_join(request.user, room):
        return render(request, "chat/not_allowed.html", {"room": room}, status=403)
    latest = list(room.messages.filter(visibility=Visibility.PUBLISHED)
                  .select_related("author").order_by("-pk")[:HISTORY_SIZE])
    blocked = blocked_ids(request.user)
    blocked_names = list(User.objects.filter(pk__in=blocked).values_list("username", flat=True)
                         ) if blocked else []
    warnings = reader_warnings(request)
    return render(request, "chat/room.html", {
        "room": room,
        "messages_shown": [{"message": m, "is_blocked": m.author_id in blocked}
                           for m in reversed(latest)],
        "is_open": room_is_open(room),
        "opens_next": _opens_next(room, timezone.now()),
        "can_remove": can_remove(request.user),
        "max_length": MAX_LENGTH,
        "warning_choices": list(warnings.categories.values()),
        "socket_path": f"/ws/chat/{room.slug}/",
        "blocked_json": json.dumps(blocked_names),
        "reasons_json": json.dumps([[value, label] for value, label in ReportReason.choices]),
        "names_json": json.dumps({slug: w.name for slug, w in warnings.categories.items()}),
    })


def _opens_next(room: Room, now: datetime) -> datetime | None:
    """When a room with drop-in hours opens next, if it is open now but outside them."""
    hours = list(room.hours.all())
    if room.status != Room.Status.OPEN or not hours or room_is_open(room, now):
        return None
    local = timezone.localtime(now)
    starts = []
    for days_ahead in range(8):
        day = (local + timedelta(days=days_ahead)).date()
        for period in hours:
            if period.weekday == day.weekday():
                start = timezone.make_aware(datetime.combine(day, period.opens),
                                            local.tzinfo)
                if start > local:
                    starts.append(start)
    return min(starts, default=None)

