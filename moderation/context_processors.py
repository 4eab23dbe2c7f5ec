"""Whether moderators are around, for the banner that tells members when nobody is."""

from community.request_cache import remembered
from moderation.cover import moderators_available_now


def cover(request):
    def moderators_online() -> bool:
        # Asked only when a template shows the banner, and then once per request.
        return remembered("moderators-online", moderators_available_now)

    return {"moderators_online": moderators_online}
