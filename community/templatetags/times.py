"""Times in templates, written as community.times writes them: {{ sent_at|clock }}."""

from django import template

from community import times

register = template.Library()


@register.filter
def clock(value) -> str:
    """ "2:05pm": the time of day only."""
    return times.clock(value) if value else ""


@register.filter
def moment(value) -> str:
    """ "3 March 2025, 2:05pm"."""
    return times.moment(value) if value else ""
