"""Who may keep which entries of the local groups directory."""

from django.core.exceptions import PermissionDenied

from community.roles import is_administrator, is_partner


def check_manage_directory(user) -> None:
    if not (is_administrator(user) or is_partner(user)):
        raise PermissionDenied("Only administrators and partner organisations can change "
                               "the local groups directory.")


def check_edit_group(user, group) -> None:
    """Administrators may change any entry; a partner only their own organisation's."""
    check_manage_directory(user)
    if is_administrator(user):
        return
    if group.organisation_id is None or not group.organisation.members.filter(
            pk=user.pk).exists():
        raise PermissionDenied("You can only add or change your own organisation's groups.")


def can_edit_group(user, group) -> bool:
    try:
        check_edit_group(user, group)
    except PermissionDenied:
        return False
    return True


def can_manage_directory(user) -> bool:
    try:
        check_manage_directory(user)
    except PermissionDenied:
        return False
    return True
