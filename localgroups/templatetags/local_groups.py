"""The administrators' reminder on the admin's front page: directory entries to check."""

from django import template
from django.urls import reverse

from community.roles import is_administrator
from localgroups import selectors

register = template.Library()


@register.inclusion_tag("localgroups/includes/stale_line.html", takes_context=True)
def stale_groups_line(context):
    user = context["request"].user
    count = selectors.stale_count() if is_administrator(user) else 0
    url = reverse("admin:localgroups_peergroup_changelist") + "?checked=stale"
    return {"count": count, "url": url}
