"""Who may take part in wellbeing check-ins: members with an active account, for themselves."""

from django.core.exceptions import PermissionDenied


def check_take_part(user) -> None:
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied("Please log in to do this.")
