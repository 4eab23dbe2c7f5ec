"""Writes about members: profiles, roles and content-warning preferences."""

from dataclasses import dataclass, replace

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from community import roles
from community.content import ModeratedContent, Reason, Visibility, submission_path
from community.models import (
    Block,
    ContentWarning,
    Member,
    Nation,
    Notification,
    User,
    WarningChoice,
    WarningPreference,
    WriteLimit,
)
from community.permissions import check_block
from community.ratelimits import limit_check
from community.realtime import member_group, send_event_on_commit
from community.refusals import Refused
from community.request_cache import forget


def member_create(*, user: User, nation: str = "", guidelines_accepted: bool = False) -> Member:
    """The profile for a new account; sign-up records that the guidelines were accepted."""
    return Member.objects.create(
        user=user,
        nation=nation,
        guidelines_accepted_at=timezone.now() if guidelines_accepted else None,
    )


# New words for a profile a moderator hid wait, or hiding could be undone by an edit.
HIDDEN_PROFILE_HOLD = Reason(
    "Your new words wait for a moderator, as a moderator hid the old ones.",
    "Held: new words for a profile a moderator hid")


@dataclass(frozen=True)
class ProfileSaved:
    """What happened to a profile edit, for the page to tell its writer."""

    member: Member
    held_because: str
    resources: list  # help lines to show at once, when the words suggest risk


def member_update(*, member: Member, pronouns: str, bio: str, nation: str) -> ProfileSaved:
    """Pronouns and "about me" take the one path for member text; new words for a hidden
    profile wait for a moderator, like any held text."""
    if nation not in Nation.values and nation != "":
        raise Refused("invalid", "Choose a nation from the list.", "nation")
    path = submission_path()
    checked = path.submission_check(author=member.user, kind="profile", text=bio,
                                    title=pronouns, field="bio", title_field="pronouns")
    # Against the stored row: a model form has already written its input onto `member`.
    stored = Member.objects.values_list("pronouns", "bio").get(pk=member.pk)
    text_changed = (checked.title, checked.text) != stored
    if text_changed and not checked.is_held and member.visibility == Visibility.HIDDEN:
        checked = replace(checked, hold=HIDDEN_PROFILE_HOLD)
    with transaction.atomic():
        member.pronouns, member.bio, member.nation = checked.title, checked.text, nation
        member.save(update_fields=["pronouns", "bio", "nation"])
        if not text_changed:
            return ProfileSaved(member, "", [])
        shown = Visibility.HELD if checked.is_held else Visibility.PUBLISHED
        if shown != member.visibility:
            content_set_visibility(content=member, visibility=shown, by=None,
                                   reason=checked.held_because)
        resources = path.submission_recorded(content=member, checked=checked,
                                             author=member.user)
    return ProfileSaved(member, checked.held_because, resources)


def content_set_visibility(*, content: ModeratedContent, visibility: str, by,
                           reason: str = "") -> str:
    """Write a piece of content's moderation state; returns the visibility it had before.

    The app that owns the content calls this from its own service, then puts right
    whatever follows from it there (counts, cached pages, broadcasts).
    """
    if visibility not in Visibility.values:
        raise ValueError(f"not a visibility: {visibility!r}")
    was = content.visibility
    content.visibility, content.moderation_reason = visibility, reason
    content.moderated_by, content.moderated_at = by, timezone.now()
    content.save(update_fields=["visibility", "moderation_reason", "moderated_by",
                                "moderated_at"])
    return was


def profile_set_visibility(*, member: Member, visibility: str, by, reason: str = "") -> None:
    """Hold, hide or publish a member's pronouns and "about me"."""
    content_set_visibility(content=member, visibility=visibility, by=by, reason=reason)


@transaction.atomic
def profile_clear(*, member: Member, by, reason: str) -> None:
    """A moderator removes a member's pronouns and "about me"; the member can write new ones."""
    member.pronouns = member.bio = ""
    member.save(update_fields=["pronouns", "bio"])
    # Published again with the reason kept: there is nothing left to hide.
    content_set_visibility(content=member, visibility=Visibility.PUBLISHED, by=by, reason=reason)


@transaction.atomic
def role_grant(*, user: User, role: str) -> None:
    user.groups.add(Group.objects.get(name=role))
    roles_sync(user=user)


@transaction.atomic
def role_revoke(*, user: User, role: str) -> None:
    user.groups.remove(Group.objects.get(name=role))
    roles_sync(user=user)


def roles_sync(*, user: User) -> None:
    """Bring the badge, admin access and open sockets in line with the user's groups.

    Groups are the one place roles are granted (here or in the admin); the
    peer-supporter badge and staff status follow from them. The admin calls this
    after every save of an account, so deactivation reaches the sockets too.
    """
    forget(("roles", user.pk))
    member_rights_changed(member=user)
    names = roles.role_names(user)
    is_peer_supporter = roles.PEER_SUPPORTERS in names
    if user.member.is_peer_supporter != is_peer_supporter:
        user.member.is_peer_supporter = is_peer_supporter
        user.member.save(update_fields=["is_peer_supporter"])
    is_staff = user.is_superuser or roles.ADMINISTRATORS in names
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])


def member_rights_changed(*, member: User) -> None:
    """The member's open sockets check their rights again once this write commits: their
    roles, sanctions, whether the account is open and their sign-in still holds."""
    send_event_on_commit(member_group(member.pk), {"type": "member.rights_changed"})


@transaction.atomic
def warning_preferences_set(*, user: User, choices: dict[str, str]) -> None:
    """Save the user's show, collapse or hide choice for each content-warning slug given."""
    if not set(choices.values()) <= set(WarningChoice.values):
        raise ValidationError("Please choose show, collapse or hide for each kind of content.")
    warnings = ContentWarning.objects.filter(is_active=True, slug__in=choices).in_bulk(
        field_name="slug"
    )
    unknown = sorted(set(choices) - set(warnings))
    if unknown:
        raise ValidationError(
            "These content warnings are not offered any more: %(slugs)s. Please choose again.",
            params={"slugs": ", ".join(unknown)},
        )
    WarningPreference.objects.bulk_create(
        [
            WarningPreference(user=user, warning=warnings[slug], choice=choice)
            for slug, choice in choices.items()
        ],
        update_conflicts=True,
        unique_fields=["user", "warning"],
        update_fields=["choice"],
    )


def block_create(*, blocker: User, blocked: User) -> Block:
    check_block(blocker, blocked)
    submission_path().check_writer(blocker, even_if_muted=True)
    limit_check(member=blocker, kind=WriteLimit.Kind.BLOCK)
    _blocks_changed(blocker, blocked)
    return Block.objects.get_or_create(blocker=blocker, blocked=blocked)[0]


def block_remove(*, blocker: User, blocked: User) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    _blocks_changed(blocker, blocked)


def _blocks_changed(blocker: User, blocked: User) -> None:
    forget(("blocks-blocker", blocker.pk))
    forget(("blocks-blocked", blocked.pk))


def notify(*, users, kind: str, text: str, url: str = "") -> None:
    """Tell each member something in their notifications, in one insert."""
    Notification.objects.bulk_create(
        [Notification(user=user, kind=kind, text=text[:300], url=url) for user in users]
    )


def notifications_mark_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at=None).update(read_at=timezone.now())
