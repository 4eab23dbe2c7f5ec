"""Sanctions on members: giving and lifting them, and asking whether one is in force now.

A sanction is in force while it is not lifted and its end (if any) is in
the future, so expiry needs no job: every check compares with the clock.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from community.emails import email_on_commit
from community.models import Notification
from community.realtime import member_group, send_event_on_commit
from community.refusals import Refused
from community.services import member_rights_changed, notify
from community.times import moment
from moderation.models import ModerationAction, Sanction
from moderation.permissions import check_lift, check_sanction
from moderation.services import action_record

Kind = Sanction.Kind
VERBS = {Kind.WARNING: ModerationAction.Verb.WARN, Kind.MUTE: ModerationAction.Verb.MUTE,
         Kind.SUSPEND: ModerationAction.Verb.SUSPEND, Kind.BAN: ModerationAction.Verb.BAN}
# Kinds that stop a member logging in, and those that stop them posting or chatting.
LOCKED_OUT = (Kind.SUSPEND, Kind.BAN)
SILENCED = (Kind.MUTE, Kind.SUSPEND, Kind.BAN)


def in_force(now: datetime | None = None) -> Q:
    now = now or timezone.now()
    return Q(lifted_at=None) & (Q(ends_at=None) | Q(ends_at__gt=now))


def active_sanctions(member, now: datetime | None = None) -> QuerySet:
    return Sanction.objects.filter(in_force(now), member=member)


def silencing_sanction(member, *, scope: str = "", now: datetime | None = None):
    """The sanction that stops `member` posting here (site-wide, or in `scope`), if any."""
    if not member.is_authenticated:
        return None
    where = (Q(scope="") | Q(scope=scope)) if scope else Q(scope="")
    return active_sanctions(member, now).filter(where, kind__in=SILENCED).order_by(
        "-ends_at").first()


def explain(sanction: Sanction) -> str:
    """What the member is told when they try to act: why, and until when."""
    return f"{_what_and_until(sanction)} The reason given: {sanction.reason}"


def _what_and_until(sanction: Sanction) -> str:
    until = ("until a moderator lifts it" if sanction.ends_at is None
             else f"until {moment(sanction.ends_at)}")
    what = {Kind.MUTE: "You can read, but you can't post or chat",
            Kind.SUSPEND: "Your account is suspended",
            Kind.BAN: "Your account is closed"}[sanction.kind]
    return f"{what} {until}."


def refuse_if_silenced(member, *, scope: str = "", even_if_muted: bool = False) -> None:
    """For services: refuse a muted, suspended or banned member, saying why.

    `even_if_muted` lets a muted member through (a report must still reach moderators).
    """
    sanction = silencing_sanction(member, scope=scope)
    if sanction is None or (even_if_muted and sanction.kind == Kind.MUTE):
        return
    raise Refused("muted" if sanction.kind == Kind.MUTE else "sanctioned", explain(sanction))


@transaction.atomic
def sanction_create(*, member, moderator, kind: str, reason: str, staff_note: str = "",
                    duration: timedelta | None = None, scope: str = "") -> Sanction:
    check_sanction(moderator, member)
    if kind not in Kind.values:
        raise ValidationError("Choose a kind of sanction.")
    reason = reason.strip()
    if not reason:
        raise ValidationError("Give the member a reason: they will see it.")
    if duration is not None and duration <= timedelta(0):
        raise ValidationError("A duration must be more than nothing.")
    sanction = Sanction.objects.create(
        member=member, kind=kind, reason=reason, staff_note=staff_note.strip(),
        created_by=moderator, scope=scope,
        ends_at=timezone.now() + duration if duration else None,
    )
    action_record(actor=moderator, verb=VERBS[kind], member=member, reason=reason)
    text = ("A moderator has sent you a warning." if kind == Kind.WARNING
            else explain(sanction))
    notify(users=[member], kind=Notification.Kind.MODERATION, text=text)
    _email(sanction)
    if kind == Kind.WARNING:
        member_rights_changed(member=member)
    if kind in SILENCED:
        send_event_on_commit(member_group(member.pk), {
            "type": "member.sanctioned", "kind": kind, "scope": scope,
            "message": explain(sanction),
        })
    return sanction


def _email(sanction: Sanction) -> None:
    """Plain words and a link, without the reason: an inbox may be shared, and the reason
    may speak of what the member wrote. They read it on the site."""
    if sanction.kind == Kind.WARNING:
        subject = "A moderator has sent you a warning"
        lines = [f"{subject}. Please log in to read it: you will see it first."]
        path = reverse("moderation:warning", args=[sanction.pk])
    else:
        subject = {Kind.MUTE: "You can't post for now", Kind.SUSPEND: "Your account is suspended",
                   Kind.BAN: "Your account is closed"}[sanction.kind]
        lines = [_what_and_until(sanction), "You can read the moderator's reason on the site."]
        path = reverse("account_login") if sanction.kind in LOCKED_OUT else reverse("home")
    email_on_commit(user=sanction.member, choice="warnings", subject=subject, lines=lines,
                    path=path)


@transaction.atomic
def sanction_lift(*, sanction: Sanction, moderator, reason: str = "") -> None:
    check_lift(moderator, sanction)
    if sanction.lifted_at is not None:
        return
    sanction.lifted_at, sanction.lifted_by = timezone.now(), moderator
    sanction.save(update_fields=["lifted_at", "lifted_by"])
    action_record(actor=moderator, verb=ModerationAction.Verb.LIFT, member=sanction.member,
                  reason=reason or f"Lifted: {sanction.get_kind_display()}")


def warning_acknowledge(*, sanction: Sanction, member) -> None:
    if sanction.member_id != member.pk or sanction.kind != Kind.WARNING:
        raise ValidationError("This is not your warning.")
    if sanction.acknowledged_at is None:
        sanction.acknowledged_at = timezone.now()
        sanction.save(update_fields=["acknowledged_at"])
