"""Rules as check_* functions that raise PermissionDenied with the sentence a person reads.

Services call the checks themselves, so no path (page, socket, admin, shell)
skips a rule; pages that only need to know whether to offer something use the
yes/no form that can() makes of a check.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied

from community.roles import is_moderator

SIGNED_OUT = "Please log in to do this."


def can(check: Callable[..., None]) -> Callable[..., bool]:
    """The yes/no form of a check: can_reply = can(check_reply)."""

    @wraps(check)
    def asks(*args, **kwargs) -> bool:
        try:
            check(*args, **kwargs)
        except PermissionDenied:
            return False
        return True

    asks.__name__ = check.__name__.replace("check_", "can_", 1)
    return asks


def check_member(user) -> None:
    """A signed-in member whose account is open."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied(SIGNED_OUT)


def check_block(user, other) -> None:
    check_member(user)
    if other.pk == user.pk:
        raise PermissionDenied("You can't block yourself.")
    if is_moderator(other):
        raise PermissionDenied("You can't block a moderator or an administrator: they need to "
                               "be able to reach every member to keep everyone safe.")


can_block = can(check_block)
