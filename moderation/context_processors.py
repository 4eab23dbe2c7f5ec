"""Whether moderators are around, for the banner that tells members when nobody is."""

from moderation.cover import moderators_available_now


def cover(request):
    def moderators_online() -> bool:
        # Asked only when a template shows the banner, and then once per request.
        if not hasattr(request, "_moderators_online"):
            request._moderators_online = moderators_available_now()
        return request._moderators_online

    return {"moderators_online": moderators_online}
