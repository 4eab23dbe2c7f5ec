"""Who holds which role. Roles are Django groups, so administrators grant them in the admin."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When

from community.member_facts import ROLES, member_fact
from community.request_cache import remembered

PEER_SUPPORTERS = "Peer supporters"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"
# Trusted outside organisations who keep their own entries in the local groups directory.
PARTNERS = "Partner organisations"

# Whether a member of the Peer supporters group may act as one just now (trained, not
# stepped back). The mentoring app, which keeps the training records, sets it from its
# AppConfig.ready, so community imports none of it; without it the group alone counts.
_peer_support_rule: Callable[..., bool] | None = None


def role_names(user) -> frozenset[str]:
    """The user's group names, looked up once per request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    return remembered(("roles", user.pk), lambda: member_fact(
        user.pk, ROLES, lambda: frozenset(user.groups.values_list("name", flat=True))))


def peer_support_rule(rule: Callable[..., bool]) -> Callable[..., bool]:
    """Set the rule that decides whether a peer supporter is in good standing."""
    global _peer_support_rule
    _peer_support_rule = rule
    return rule


def is_peer_supporter(user) -> bool:
    """In the Peer supporters group and in good standing (current training, not stepped
    back). The badge and every peer-supporter permission follow this."""
    if PEER_SUPPORTERS not in role_names(user):
        return False
    if _peer_support_rule is None:
        return True
    return remembered(("peer-standing", user.pk), lambda: _peer_support_rule(user))


def is_administrator(user: AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser) or (
        ADMINISTRATORS in role_names(user)
    )


def is_partner(user) -> bool:
    return PARTNERS in role_names(user)


def is_moderator(user) -> bool:
    """Administrators moderate too: they are the safeguarding leads."""
    return is_administrator(user) or MODERATORS in role_names(user)


def grant_in_migration(apps, grants: dict[str, list[tuple[str, str]]]) -> None:
    """For data migrations: give each role group these (app label, codename) permissions."""
    # Permissions are normally made after all migrations; make them now so the
    # groups can hold them on a brand-new database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in grants.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Badge:
    """The one badge shown beside a name: the most senior role the member holds."""

    ADMINISTRATOR = "Administrator"
    MODERATOR = "Moderator"
    PEER_SUPPORTER = "Peer supporter"


def badge(user) -> str:
    """The badge beside this member's name, or "" (one member: a query at most)."""
    if not user.is_active:
        return ""
    if is_administrator(user):
        return Badge.ADMINISTRATOR
    if is_moderator(user):
        return Badge.MODERATOR
    member = getattr(user, "member", None)
    return Badge.PEER_SUPPORTER if member is not None and member.is_peer_supporter else ""


def badge_expression(path: str):
    """badge() for the user at `path` ("author"), as an annotation: a list of posts or
    messages reads each writer's badge in the same query, however many writers there are.
    """
    memberships = get_user_model().groups.through.objects.filter(user_id=OuterRef(path))
    active = Q(**{f"{path}__is_active": True})
    return Case(
        When(active & (Q(**{f"{path}__is_superuser": True})
                       | Exists(memberships.filter(group__name=ADMINISTRATORS))),
             then=Value(Badge.ADMINISTRATOR)),
        When(active & Exists(memberships.filter(group__name=MODERATORS)),
             then=Value(Badge.MODERATOR)),
        When(active & Q(**{f"{path}__member__is_peer_supporter": True}),
             then=Value(Badge.PEER_SUPPORTER)),
        default=Value(""), output_field=CharField())
