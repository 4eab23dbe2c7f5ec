"""Leaving the site and taking one's data: the export a member downloads, and the deletion
of their account.

Community imports no other app, so each app that keeps something about a member registers
a `PersonalData` part here (from its AppConfig.ready): what of it goes into the export and
how it is erased. The account itself stays as an inactive "former member" shell with no
personal data, because the audit trail (append-only) and the moderation records point at it.
"""

import io
import json
import secrets
import zipfile
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import TextChoices
from django.template.loader import render_to_string
from django.utils import timezone

from community import roles
from community.emails import site_url
from community.models import Block, EmailChoices, Notification, User, WarningPreference, WriteLimit
from community.ratelimits import limit_check
from community.refusals import Refused

FORMER_MEMBER_PREFIX = "former-member-"


class ContentChoice(TextChoices):
    """What happens to a leaving member's posts and chat messages."""

    ANONYMISE = "anonymise", "Keep my posts and messages, shown as from a former member"
    DELETE = "delete", "Delete my posts and messages"


CHOOSE = "choose"  # the setting's value that lets each member pick


def content_setting() -> str:
    """ACCOUNT_DELETE_CONTENT_CHOICE: "choose" (the default), "anonymise" or "delete"."""
    value = getattr(settings, "ACCOUNT_DELETE_CONTENT_CHOICE", CHOOSE)
    if value != CHOOSE and value not in ContentChoice.values:
        raise ImproperlyConfigured(
            f"ACCOUNT_DELETE_CONTENT_CHOICE must be choose, anonymise or delete, not {value!r}")
    return value


@dataclass(frozen=True)
class Section:
    """One kind of data in the export: a heading, a sentence on what it is, and its rows
    (each a mapping of plain labels to text)."""

    key: str
    title: str
    about: str = ""
    rows: list[dict[str, str]] = field(default_factory=list)


class PersonalData:
    """What one app keeps about a member. Each method runs inside the caller's transaction."""

    def export(self, user: User) -> list[Section]:
        return []

    def erase(self, user: User, *, content: str) -> None:
        """Delete the member's personal data; `content` is a ContentChoice for their
        posts and messages."""

    def recorded(self, user: User, *, event: str) -> None:
        """Note an export or a deletion in an audit trail, if the app keeps one."""


_parts: list[PersonalData] = []


def register(part: PersonalData) -> PersonalData:
    if not any(type(known) is type(part) for known in _parts):
        _parts.append(part)
    return part


def parts() -> list[PersonalData]:
    """Community's own part first, then the apps in the order they registered."""
    return [CommunityData(), *_parts]


class Event(TextChoices):
    EXPORTED = "exported", "Downloaded their data"
    DELETED = "deleted", "Deleted their account"


# What is exported, written once per call.

def data_export(*, user: User) -> bytes:
    """A ZIP with the member's data as JSON (for machines) and as one readable HTML page."""
    limit_check(member=user, kind=WriteLimit.Kind.EXPORT,
                reason="You have downloaded your data several times just now.")
    sections = [_with_addresses(section) for part in parts() for section in part.export(user)]
    made_at = timezone.now()
    data = {"site": settings.SITE_NAME, "made_at": made_at.isoformat(),
            "pseudonym": user.username, **{s.key: s.rows for s in sections}}
    page = render_to_string("community/export_page.html", {
        "site_name": settings.SITE_NAME, "made_at": made_at, "pseudonym": user.username,
        "sections": [asdict(s) for s in sections]})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("my-data.json", json.dumps(data, indent=2, ensure_ascii=False))
        archive.writestr("my-data.html", page)
    with transaction.atomic():
        for part in parts():
            part.recorded(user, event=Event.EXPORTED)
    return buffer.getvalue()


def _with_addresses(section: Section) -> Section:
    """Links in full, so they work from the downloaded file."""
    rows = [{label: site_url(value) if label == "Link" and value.startswith("/") else value
             for label, value in row.items()} for row in section.rows]
    return Section(section.key, section.title, section.about, rows)


def export_filename(user: User) -> str:
    return f"my-data-{timezone.localdate():%Y-%m-%d}.zip"


# Leaving.

STAFF_CANNOT_LEAVE = (
    "You can't delete your account here while you are a moderator or an administrator. "
    "Please ask an administrator to take your role away first; then you can delete it.")


def check_leave(user: User) -> None:
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied("Please log in to do this.")
    if user.is_superuser or user.is_staff or roles.is_moderator(user):
        raise PermissionDenied(STAFF_CANNOT_LEAVE)


def can_leave(user: User) -> bool:
    try:
        check_leave(user)
    except PermissionDenied:
        return False
    return True


def account_delete(*, user: User, password: str, content: str = "",
                   confirmed: bool = False) -> User:
    """Delete the member's account and personal data; their posts and chat messages are
    deleted or kept as a former member's, as they chose (where administrators allow a
    choice). Returns the shell the account became."""
    check_leave(user)
    limit_check(member=user, kind=WriteLimit.Kind.LEAVE,
                reason="You have tried several times just now.")
    setting = content_setting()
    content = setting if setting != CHOOSE else content
    if content not in ContentChoice.values:
        raise Refused("choose", "Please choose what happens to your posts and messages.",
                      "content")
    if not user.check_password(password):
        raise Refused("password", "That password is not right. Please type the password you "
                                  "log in with.", "password")
    if not confirmed:
        raise Refused("confirm", "Please tick the box to say you understand that this can't "
                                 "be undone.", "confirm")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        for part in reversed(parts()):  # community last: the others still see the account
            part.erase(user, content=content)
        for part in parts():
            part.recorded(user, event=Event.DELETED)
    return user


class CommunityData(PersonalData):
    """The account, the profile, email choices, blocks, content-warning choices and
    notifications."""

    def export(self, user: User) -> list[Section]:
        from allauth.account.models import EmailAddress

        member = user.member
        addresses = [address.email for address in EmailAddress.objects.filter(user=user)]
        if user.email and user.email not in addresses:
            addresses.insert(0, user.email)
        profile = {
            "Pseudonym": user.username,
            "Email addresses": ", ".join(addresses),
            "Pronouns": member.pronouns,
            "About me": member.bio,
            "Where in the UK": member.get_nation_display() if member.nation else "",
            "Peer supporter": "yes" if member.is_peer_supporter else "no",
            "Joined": when_text(member.joined_at),
            "Agreed to the guidelines": when_text(member.guidelines_accepted_at),
        }
        choices = EmailChoices.of(user)
        emails = {str(EmailChoices._meta.get_field(name).verbose_name).capitalize():
                  "yes" if getattr(choices, name) else "no"
                  for name in ("warnings", "check_ins", "digest")}
        blocks = [{"Pseudonym": block.blocked.username, "Since": when_text(block.created_at)}
                  for block in Block.objects.filter(blocker=user).select_related("blocked")]
        warnings = [{"Kind of content": str(pref.warning), "Your choice": pref.get_choice_display()}
                    for pref in WarningPreference.objects.filter(user=user)
                    .select_related("warning")]
        notices = [{"When": when_text(notice.updated_at), "What": notice.text,
                    "Read": "yes" if notice.read_at else "no"}
                   for notice in Notification.objects.filter(user=user)]
        return [
            Section("profile", "Your profile", "Your account and what your profile says.",
                    [profile]),
            Section("email_choices", "Your email choices", "Which emails you asked for.",
                    [emails]),
            Section("blocks", "Members you blocked", "", blocks),
            Section("content_warning_choices", "Your content warning choices", "", warnings),
            Section("notifications", "Your notifications", "", notices),
        ]

    def erase(self, user: User, *, content: str) -> None:
        from allauth.account.models import EmailAddress
        from django.contrib.sessions.models import Session

        from community.services import member_rights_changed

        EmailAddress.objects.filter(user=user).delete()
        EmailChoices.objects.filter(user=user).delete()
        Block.objects.filter(blocker=user).delete()
        WarningPreference.objects.filter(user=user).delete()
        Notification.objects.filter(user=user).delete()
        user.groups.clear()
        user.user_permissions.clear()
        member = user.member
        member.pronouns = member.bio = member.nation = ""
        member.is_peer_supporter = False
        member.guidelines_accepted_at = None
        member.save(update_fields=["pronouns", "bio", "nation", "is_peer_supporter",
                                   "guidelines_accepted_at"])
        _become_shell(user)
        # Signed out everywhere: the password changed and the account is inactive, so no
        # session of theirs loads a user; their stored sessions go too.
        ids = {str(user.pk)}
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
            if session.get_decoded().get("_auth_user_id") in ids:
                session.delete()
        member_rights_changed(member=user)


def _become_shell(user: User) -> None:
    """The account keeps only a made-up name, so records that point at it stay whole."""
    user.email = user.first_name = user.last_name = ""
    user.password = make_password(None)
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    for _attempt in range(10):
        user.username = f"{FORMER_MEMBER_PREFIX}{secrets.randbelow(900_000) + 100_000}"
        try:
            with transaction.atomic():
                user.save()
            return
        except IntegrityError:
            continue
    raise IntegrityError("could not find a free former-member name")


def is_former_member(user) -> bool:
    return user.username.startswith(FORMER_MEMBER_PREFIX) and not user.is_active


def when_text(moment) -> str:
    return timezone.localtime(moment).strftime("%d %B %Y, %H:%M") if moment else ""
