"""Role flags and the unread notification count that every page's navigation needs."""

from functools import partial

from community.roles import is_administrator, is_moderator
from community.selectors import unread_notification_count


def roles(request):
    user = request.user
    return {
        "viewer_is_moderator": is_moderator(user),
        "viewer_is_administrator": is_administrator(user),
    }


def notifications(request):
    # A callable, so the count is only queried when a template shows it.
    return {"unread_notification_count": partial(unread_notification_count, request.user)}
