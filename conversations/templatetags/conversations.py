"""Whether to offer "Check in privately" on pages other apps own (a member's page, a queue item)."""

from django import template

from conversations.permissions import can_open
from conversations.permissions import may_check_in as _may_check_in

register = template.Library()


@register.filter
def may_write_privately_to(user, member) -> bool:
    """`{% if request.user|may_write_privately_to:member.user %}`"""
    return can_open(user, member)


@register.filter
def may_check_in(user) -> bool:
    """Whether the link reads "Check in privately" (staff) or "Write privately" (members)."""
    return _may_check_in(user)
