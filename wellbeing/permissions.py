"""Who may take part in wellbeing check-ins (members with an active account, for
themselves), and who may see the organisation's outcome figures."""

from django.core.exceptions import PermissionDenied

from community.roles import is_administrator


def check_take_part(user) -> None:
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied("Please log in to do this.")


def check_see_outcomes(user) -> None:
    """The organisation's outcome figures are for administrators: they are about everyone
    who takes part, even though no one can be picked out."""
    if not is_administrator(user):
        raise PermissionDenied("The wellbeing outcome figures are for administrators only.")
