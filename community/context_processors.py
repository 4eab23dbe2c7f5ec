"""Role flags every template needs for navigation."""

from community.roles import is_administrator, is_moderator


def roles(request):
    user = request.user
    return {
        "viewer_is_moderator": is_moderator(user),
        "viewer_is_administrator": is_administrator(user),
    }
