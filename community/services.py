"""Writes about members: creating profiles, editing them, granting roles."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from community import roles
from community.models import Member, User


def member_create(*, user: User, nation: str = "", guidelines_accepted: bool = False) -> Member:
    """The profile for a new account; sign-up records that the guidelines were accepted."""
    return Member.objects.create(
        user=user,
        nation=nation,
        guidelines_accepted_at=timezone.now() if guidelines_accepted else None,
    )


def member_update(*, member: Member, pronouns: str, bio: str, nation: str) -> Member:
    member.pronouns = pronouns.strip()
    member.bio = bio.strip()
    member.nation = nation
    member.save(update_fields=["pronouns", "bio", "nation"])
    return member


@transaction.atomic
def role_grant(*, user: User, role: str) -> None:
    """Put a member in a role's group; the badge and admin access follow the role."""
    user.groups.add(Group.objects.get(name=role))
    if role == roles.PEER_SUPPORTERS:
        user.member.is_peer_supporter = True
        user.member.save(update_fields=["is_peer_supporter"])
    if role == roles.ADMINISTRATORS and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("_role_names", None)
