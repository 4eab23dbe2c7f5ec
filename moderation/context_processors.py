"""Whether moderators are around, for the banner that tells members when nobody is; and for
moderators, the queue's size and their own duty, which every page's header shows them."""

from community.request_cache import remembered
from community.roles import is_moderator
from moderation.cover import Duty, duty_now, moderators_available_now
from moderation.selectors import QueueCounts, queue_counts


def cover(request):
    def moderators_online() -> bool:
        # Asked only when a template shows the banner, and then once per request.
        return remembered("moderators-online", moderators_available_now)

    return {"moderators_online": moderators_online}


def moderator_header(request):
    """For moderators only; callables, so a page asks only when its header shows them. Members'
    and visitors' pages cost nothing, and the visitors' page cache never keeps these."""
    user = request.user
    if not is_moderator(user):  # known already, for the navigation: no query
        return {}

    def queue() -> QueueCounts:
        return remembered("queue-counts", queue_counts)

    def duty() -> Duty:
        return remembered(("duty", user.pk), lambda: duty_now(user))

    return {"moderation_queue": queue, "moderator_duty": duty}
