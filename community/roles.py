"""Who holds which role. Roles are Django groups, so administrators grant them in the admin."""

from django.contrib.auth.models import AnonymousUser

PEER_SUPPORTERS = "Peer supporters"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"


def role_names(user) -> frozenset[str]:
    """The user's group names, looked up once per user object."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def is_administrator(user: AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser) or (
        ADMINISTRATORS in role_names(user)
    )


def is_moderator(user) -> bool:
    """Administrators moderate too: they are the safeguarding leads."""
    return is_administrator(user) or MODERATORS in role_names(user)
