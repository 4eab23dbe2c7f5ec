"""Writes about members: profiles, roles and content-warning preferences."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from community import roles
from community.content import ModeratedContent, Reason, Visibility, submission_path
from community.member_facts import (
    BLOCKED,
    BLOCKERS,
    ROLES,
    UNREAD,
    WARNING_CHOICES,
    member_facts_changed,
)
from community.models import (
    Block,
    ContentWarning,
    EmailChoices,
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
from community.selectors import blocker_ids


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
    peer-supporter badge (which also needs good standing: roles.is_peer_supporter)
    and staff status follow from them. The admin calls this
    after every save of an account, so deactivation reaches the sockets too.
    """
    forget(("roles", user.pk))
    forget(("peer-standing", user.pk))
    member_facts_changed([user.pk], ROLES, BLOCKERS)
    # Those who blocked them must see them again at once if they became staff.
    member_facts_changed(list(Block.objects.filter(blocked=user).values_list(
        "blocker_id", flat=True)), BLOCKED)
    member_rights_changed(member=user)
    names = roles.role_names(user)
    is_peer_supporter = roles.is_peer_supporter(user)
    if user.member.is_peer_supporter != is_peer_supporter:
        user.member.is_peer_supporter = is_peer_supporter
        user.member.save(update_fields=["is_peer_supporter"])
    # Partner organisations use the admin too, where they see only their own entries.
    is_staff = user.is_superuser or bool({roles.ADMINISTRATORS, roles.PARTNERS} & names)
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
    member_facts_changed([user.pk], WARNING_CHOICES)


def block_create(*, blocker: User, blocked: User) -> Block:
    """`blocker` stops hearing from `blocked` (community.models.Block says how); never a
    moderator or an administrator."""
    check_block(blocker, blocked)
    submission_path().check_writer(blocker, even_if_muted=True)
    limit_check(member=blocker, kind=WriteLimit.Kind.BLOCK)
    block = Block.objects.get_or_create(blocker=blocker, blocked=blocked)[0]
    _blocks_changed(blocker, blocked)
    return block


def block_remove(*, blocker: User, blocked: User) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    _blocks_changed(blocker, blocked)


def _blocks_changed(blocker: User, blocked: User) -> None:
    forget(("blocks-blocker", blocker.pk))
    forget(("blocks-blocked", blocked.pk))
    member_facts_changed([blocker.pk, blocked.pk], BLOCKED, BLOCKERS)


# A notification's text is at most 300 characters, the count in front included.
MANY_TEXT_LENGTH = 290


def notify(*, users, kind: str, text: str, url: str = "", key: str = "",
           text_for_many: str = "", actor: User | None = None) -> None:
    """Tell each member something in their notifications.

    With a `key`, the event gathers on the member's unread notification of that kind and
    key if there is one: its count goes up, its text becomes "<count> <text_for_many>" and
    its link stays on the first event, the one to read first. `actor` is the member whose
    doing it is: whoever blocked them is not told.
    """
    ignoring = blocker_ids(actor) if actor is not None else frozenset()
    ids = sorted({user.pk for user in users} - ignoring)
    if not ids:
        return
    member_facts_changed(ids, UNREAD)
    fields = {"kind": kind, "key": key, "text": text[:300], "url": url,
              "updated_at": timezone.now()}
    if not key:
        Notification.objects.bulk_create([Notification(user_id=pk, **fields) for pk in ids])
        return
    with transaction.atomic():
        _gather(ids, fields, text_for_many[:MANY_TEXT_LENGTH])


def _gather(ids: list[int], fields: dict, text_for_many: str) -> None:
    """Count the event on each member's unread notification for its key, or start one.

    The unread ones are locked first, so nobody reads or counts them meanwhile; a
    notification another event started since is met by the unique constraint on unread
    (user, kind, key), and that member's event is counted on it instead.
    """
    unread = Notification.objects.filter(kind=fields["kind"], key=fields["key"], read_at=None)
    count = F("count") + 1
    counted = {"count": count, "updated_at": fields["updated_at"],
               "text": Concat(Cast(count, CharField()), Value(f" {text_for_many}"))}
    gathered = _locked_unread(unread, ids)
    if gathered:
        unread.filter(user_id__in=gathered).update(**counted)
    starting = [pk for pk in ids if pk not in gathered]
    try:
        with transaction.atomic():
            Notification.objects.bulk_create(
                [Notification(user_id=pk, **fields) for pk in starting])
    except IntegrityError:
        for pk in starting:
            _gather_one(unread.filter(user_id=pk), counted, {"user_id": pk, **fields})


def _locked_unread(unread, ids: list[int]) -> set[int]:
    """Which of the members have an unread notification for the key, locked in id order
    so that writers gathering for overlapping members queue rather than deadlock."""
    return set(unread.filter(user_id__in=ids).select_for_update().order_by("user_id")
               .values_list("user_id", flat=True))


def _gather_one(unread, counted: dict, fields: dict) -> None:
    """One member's event, when another writer may be starting their notification too."""
    for _attempt in range(3):
        if unread.update(**counted):
            return
        try:
            with transaction.atomic():
                Notification.objects.create(**fields)
            return
        except IntegrityError:
            continue  # started by another writer a moment ago: count on it
    raise IntegrityError(f"could not store a notification for member {fields['user_id']}")


def notifications_mark_read(*, user: User) -> int:
    marked = Notification.objects.filter(user=user, read_at=None).update(read_at=timezone.now())
    if marked:
        member_facts_changed([user.pk], UNREAD)
    return marked


def email_choices_set(*, user: User, warnings: bool, check_ins: bool, digest: bool) -> None:
    """Save which emails the member wants. Turning the digest on starts it from now, so
    the first one holds only replies written after it was chosen."""
    choices = EmailChoices.of(user)
    if digest and not choices.digest:
        choices.digest_covers_until = timezone.now()
    choices.warnings, choices.check_ins, choices.digest = warnings, check_ins, digest
    choices.save()


def digest_claim(*, choices: EmailChoices, now: datetime) -> datetime | None:
    """Take today's digest for the member: the moment it covers from (the end of the last
    one, or a day ago), or None when it was already taken today, by this run or another."""
    today = timezone.localdate(now)
    if choices.digest_sent_on is not None and choices.digest_sent_on >= today:
        return None
    # Conditional, so two runs at once cannot both take it.
    taken = EmailChoices.objects.filter(
        pk=choices.pk, digest_sent_on=choices.digest_sent_on,
    ).update(digest_sent_on=today, digest_covers_until=now)
    if not taken:
        return None
    return choices.digest_covers_until or now - timedelta(days=1)


def digest_give_back(*, choices: EmailChoices) -> None:
    """The digest could not be sent: the next run tries again, from the same moment."""
    EmailChoices.objects.filter(pk=choices.pk).update(
        digest_sent_on=choices.digest_sent_on, digest_covers_until=choices.digest_covers_until)
