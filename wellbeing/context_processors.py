"""The gentle "your check-in is due" line, for the member's own pages only.

A callable: only a template that shows the line (home, one's own profile) asks, so other
pages (forums, chat) cost no query."""

from community.request_cache import remembered
from wellbeing.selectors import CheckinDue, checkin_due


def checkin(request):
    user = request.user

    def due() -> CheckinDue:
        return remembered(("wellbeing-due", user.pk), lambda: checkin_due(user))

    return {"wellbeing_checkin": due}
