"""Who may change peer supporters' records, and who may step back or come back. Services
call the check_* rules; pages ask the can_* forms."""

from django.core.exceptions import PermissionDenied

from community.permissions import can, check_member
from community.roles import PEER_SUPPORTERS, is_administrator, role_names


def check_administer(user) -> None:
    """Training, supervision and paid or volunteer are kept by administrators only."""
    check_member(user)
    if not is_administrator(user):
        raise PermissionDenied("Only administrators can change peer supporters' training and "
                               "supervision records.")


def check_step_back(user, supporter) -> None:
    check_member(user)
    if PEER_SUPPORTERS not in role_names(user):
        raise PermissionDenied("Only peer supporters can step back.")
    if supporter is not None and supporter.stepped_back_at is not None:
        raise PermissionDenied("You have already stepped back. You can come back whenever "
                               "you are ready.")


def check_come_back(user, supporter) -> None:
    check_member(user)
    if PEER_SUPPORTERS not in role_names(user):
        raise PermissionDenied("Only peer supporters can come back to peer support.")
    if supporter is None or supporter.stepped_back_at is None:
        raise PermissionDenied("You have not stepped back, so there is nothing to come back "
                               "from.")


can_administer = can(check_administer)
