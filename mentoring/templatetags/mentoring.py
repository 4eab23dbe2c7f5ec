"""The step back / come back panel on a peer supporter's own member page."""

from django import template

from community.roles import PEER_SUPPORTERS, role_names
from mentoring.services import supporter_standing

register = template.Library()


@register.inclusion_tag("mentoring/includes/step_back.html", takes_context=True)
def peer_support_panel(context):
    """Shown only to the peer supporter themselves: `{% peer_support_panel %}`."""
    user = context["request"].user
    if PEER_SUPPORTERS not in role_names(user):
        return {"shows": False}
    return {"shows": True, "standing": supporter_standing(user),
            "next": context["request"].get_full_path(), "csrf_token": context.get("csrf_token")}
