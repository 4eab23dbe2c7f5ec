"""Per request: suspended and banned members are signed out and told why; a member with an
unread warning reads it first; moderators are marked present."""

from django.contrib import messages
from django.contrib.auth import logout
from django.core.cache import cache
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse

from community.roles import is_moderator
from moderation.models import Sanction
from moderation.sanctions import LOCKED_OUT, explain, in_force
from moderation.services import presence_touch

PRESENCE_EVERY_SECONDS = 60
# Pages a member with an unread warning may still open.
ALWAYS_OPEN = ("/help/", "/accounts/logout/", "/static/", "/healthz", "/guidelines/")


class ModerationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            if is_moderator(user) and cache.add(f"presence:{user.pk}", 1, PRESENCE_EVERY_SECONDS):
                presence_touch(moderator=user)
            sanction = (
                Sanction.objects.filter(in_force(), member=user)
                .filter(Q(kind__in=LOCKED_OUT) | Q(kind=Sanction.Kind.WARNING,
                                                   acknowledged_at=None))
                .order_by("created_at").first()
            )
            if sanction is not None and sanction.kind in LOCKED_OUT:
                logout(request)
                # Whatever the site last said ("You are logged in as ...") is dropped: the
                # member reads only that they can't log in, and why.
                list(messages.get_messages(request))
                return render(request, "moderation/locked_out.html",
                              {"message": explain(sanction), "messages": []}, status=403)
            warning_page = sanction and reverse("moderation:warning", args=[sanction.pk])
            if warning_page and request.path != warning_page and not request.path.startswith(
                    ALWAYS_OPEN):
                return redirect(warning_page)
        return self.get_response(request)
