"""Peer supporters' standing and the writes that change it: administrators' records of
training and supervision, stepping back and coming back, and pausing those whose training
has run out.

Every rule about whether a peer supporter may act as one is in supporter_standing. The
badge (Member.is_peer_supporter, kept by community.services.roles_sync) and every
peer-supporter permission (community.roles.is_peer_supporter) follow it.
"""

import datetime
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from community import roles
from community.models import Notification, User, WriteLimit
from community.ratelimits import limit_check
from community.services import notify, roles_sync
from mentoring.models import PeerSupporter, SupervisionSession, TrainingRecord
from mentoring.permissions import check_administer, check_come_back, check_step_back
from moderation.models import ModerationAction
from moderation.services import action_record


class Standing(models.TextChoices):
    NOT_A_PEER_SUPPORTER = "none", "Not a peer supporter"
    UNTRAINED = "untrained", "No training recorded"
    EXPIRED = "expired", "Training has run out"
    STEPPED_BACK = "stepped_back", "Stepped back for a while"
    ACTIVE = "active", "Active"


PAUSED = {Standing.UNTRAINED, Standing.EXPIRED}


@dataclass(frozen=True)
class SupporterStanding:
    """Where one person stands as a peer supporter today."""

    state: Standing
    kind: str = ""  # PeerSupporter.Kind, or empty when nothing is recorded
    training: TrainingRecord | None = None  # the current course, else the latest one
    has_stepped_back: bool = False

    @property
    def is_active(self) -> bool:
        return self.state == Standing.ACTIVE

    @property
    def is_trained(self) -> bool:
        return self.state in {Standing.ACTIVE, Standing.STEPPED_BACK}

    @property
    def is_paused(self) -> bool:
        """Suspended for want of current training."""
        return self.state in PAUSED

    @property
    def kind_label(self) -> str:
        return PeerSupporter.Kind(self.kind).label if self.kind else ""

    def sentence(self) -> str:
        """What it means, in the words the peer supporter reads on their page."""
        training = self.training
        if self.state == Standing.ACTIVE:
            if training.expires_on is None:
                return "You are an active peer supporter. Your training does not run out."
            return ("You are an active peer supporter. Your training counts until "
                    f"{training.expires_on - datetime.timedelta(days=1):%-d %B %Y}.")
        if self.state == Standing.STEPPED_BACK:
            return ("You have stepped back for a while. Your badge is hidden and you are not "
                    "given peer supporter tasks. Come back whenever you are ready.")
        if self.state == Standing.EXPIRED:
            return (f"Your peer supporter training ran out on {training.expires_on:%-d %B %Y}. "
                    "Your badge and peer supporter tasks are paused until an administrator "
                    "records new training.")
        if self.state == Standing.UNTRAINED:
            return ("No peer supporter training is recorded for you yet. Your badge and peer "
                    "supporter tasks start once an administrator records it.")
        return "You are not a peer supporter."


def supporter_standing(user, *, today: datetime.date | None = None) -> SupporterStanding:
    """Trained, training run out, stepped back, or active; and paid or volunteer.

    Training counts from the day it was completed until the day before it runs out. A
    peer supporter who stepped back and whose training also ran out is paused (they are
    told so when they come back).
    """
    if roles.PEER_SUPPORTERS not in roles.role_names(user):
        return SupporterStanding(Standing.NOT_A_PEER_SUPPORTER)
    today = today or timezone.localdate()
    supporter = (PeerSupporter.objects.filter(user=user).prefetch_related("training")
                 .first())
    if supporter is None:
        return SupporterStanding(Standing.UNTRAINED)
    records = list(supporter.training.all())
    current = next((record for record in records if record.is_current(today)), None)
    has_stepped_back = supporter.stepped_back_at is not None
    facts = {"kind": supporter.kind, "has_stepped_back": has_stepped_back}
    if current is None:
        state = Standing.EXPIRED if records else Standing.UNTRAINED
        return SupporterStanding(state, training=records[0] if records else None, **facts)
    state = Standing.STEPPED_BACK if has_stepped_back else Standing.ACTIVE
    return SupporterStanding(state, training=current, **facts)


def is_in_good_standing(user) -> bool:
    """The rule community.roles.is_peer_supporter asks (set in MentoringConfig.ready)."""
    return supporter_standing(user).is_active


# --- Administrators' records --------------------------------------------------------------

@transaction.atomic
def supporter_save(*, supporter: PeerSupporter, by: User) -> PeerSupporter:
    """An administrator records a peer supporter: paid or volunteer, and their supervisor."""
    check_administer(by)
    supporter.full_clean()
    is_new = supporter.pk is None
    supporter.save()
    action_record(actor=by, verb=ModerationAction.Verb.SUPPORTER, target=supporter,
                  member=supporter.user,
                  reason="Recorded as a peer supporter" if is_new else
                  f"{supporter.get_kind_display()} peer supporter")
    _standing_changed(supporter)
    return supporter


@transaction.atomic
def supporter_delete(*, supporter: PeerSupporter, by: User) -> None:
    """An administrator removes the record with its training and supervision. The role
    stays (it is granted on the account page), so the badge pauses for want of training."""
    check_administer(by)
    user = supporter.user
    action_record(actor=by, verb=ModerationAction.Verb.SUPPORTER, target=supporter,
                  member=user, reason="Removed the peer supporter record")
    supporter.delete()
    roles_sync(user=user)


@transaction.atomic
def training_save(*, training: TrainingRecord, by: User) -> TrainingRecord:
    """An administrator records or corrects a course; the badge and permissions follow."""
    check_administer(by)
    training.full_clean()
    if training.recorded_by_id is None:
        training.recorded_by = by
    training.save()
    action_record(actor=by, verb=ModerationAction.Verb.TRAINING, target=training,
                  member=training.supporter.user, reason=str(training))
    _standing_changed(training.supporter)
    return training


@transaction.atomic
def training_delete(*, training: TrainingRecord, by: User) -> None:
    check_administer(by)
    supporter = training.supporter
    action_record(actor=by, verb=ModerationAction.Verb.TRAINING, target=training,
                  member=supporter.user, reason=f"Removed: {training}")
    training.delete()
    _standing_changed(supporter)


@transaction.atomic
def supervision_save(*, session: SupervisionSession, by: User) -> SupervisionSession:
    """An administrator records a supervision session. The audit line says that it was
    held, never what the notes say."""
    check_administer(by)
    session.full_clean()
    session.save()
    action_record(actor=by, verb=ModerationAction.Verb.SUPERVISION, target=session,
                  member=session.supporter.user, reason=str(session))
    return session


@transaction.atomic
def supervision_delete(*, session: SupervisionSession, by: User) -> None:
    check_administer(by)
    action_record(actor=by, verb=ModerationAction.Verb.SUPERVISION, target=session,
                  member=session.supporter.user, reason=f"Removed: {session}")
    session.delete()


def _standing_changed(supporter: PeerSupporter) -> None:
    """The badge, open sockets and the next pause notice follow the new standing."""
    user = supporter.user
    roles_sync(user=user)
    if supporter.paused_notice_at is not None and not supporter_standing(user).is_paused:
        # Training is current again: a later lapse is a new pause, told afresh.
        supporter.paused_notice_at = None
        supporter.save(update_fields=["paused_notice_at"])


# --- Stepping back ------------------------------------------------------------------------

@transaction.atomic
def supporter_step_back(*, user: User) -> SupporterStanding:
    """The peer supporter takes a break: the badge goes and no peer supporter tasks come
    their way until they come back. Nothing else about their account changes."""
    supporter = _own_record(user)
    check_step_back(user, supporter)
    limit_check(member=user, kind=WriteLimit.Kind.STEP_BACK)
    supporter.stepped_back_at = timezone.now()
    supporter.save(update_fields=["stepped_back_at"])
    action_record(actor=user, verb=ModerationAction.Verb.STEP_BACK, target=supporter,
                  member=user)
    roles_sync(user=user)
    mentees_offered_someone_else(supporter=supporter)
    return supporter_standing(user)


@transaction.atomic
def supporter_come_back(*, user: User) -> SupporterStanding:
    """The peer supporter is back: badge and tasks return if their training is current."""
    supporter = PeerSupporter.objects.select_for_update().filter(user=user).first()
    check_come_back(user, supporter)
    limit_check(member=user, kind=WriteLimit.Kind.STEP_BACK)
    supporter.stepped_back_at = None
    supporter.save(update_fields=["stepped_back_at"])
    action_record(actor=user, verb=ModerationAction.Verb.COME_BACK, target=supporter,
                  member=user)
    roles_sync(user=user)
    return supporter_standing(user)


def mentees_offered_someone_else(*, supporter: PeerSupporter) -> None:
    """When a peer supporter steps back, each of their mentees is told kindly and offered
    someone else. Mentoring arrives with issue 15 items 2 to 4 (requests, offers,
    agreements): until then nobody has a mentor, so there is nobody to tell. Those items
    fill this in; the step back already calls it, inside its transaction."""


def _own_record(user: User) -> PeerSupporter | None:
    """The peer supporter's record, locked; made (as a volunteer) if an administrator has
    not recorded them yet, so that they can still step back."""
    if roles.PEER_SUPPORTERS not in roles.role_names(user):
        return None
    return PeerSupporter.objects.select_for_update().get_or_create(user=user)[0]


# --- Pausing those whose training has run out ---------------------------------------------

def training_lapses_pause(*, today: datetime.date | None = None) -> list[User]:
    """Pause each peer supporter with no current training, telling them and the
    administrators once per pause. Safe to run again: run it daily (expire_training).

    Permissions stop the day training runs out whether or not this has run (they ask
    supporter_standing); this brings the badge in line and sends the notices. Returns
    the peer supporters newly paused. `today` is for tests; the badge follows the real
    date.
    """
    today = today or timezone.localdate()
    newly_paused = []
    in_group = User.objects.filter(groups__name=roles.PEER_SUPPORTERS, is_active=True)
    # Everyone whose badge may be out of date: the group, and anyone still showing it.
    showing = User.objects.filter(member__is_peer_supporter=True)
    for user in (in_group | showing).distinct().select_related("member"):
        if _pause_if_lapsed(user, today):
            newly_paused.append(user)
    return newly_paused


@transaction.atomic
def _pause_if_lapsed(user: User, today: datetime.date) -> bool:
    standing = supporter_standing(user, today=today)
    if user.member.is_peer_supporter != standing.is_active:
        roles_sync(user=user)
    if not standing.is_paused:
        return False
    supporter = PeerSupporter.objects.select_for_update().get_or_create(user=user)[0]
    if supporter.paused_notice_at is not None:
        return False
    supporter.paused_notice_at = timezone.now()
    supporter.save(update_fields=["paused_notice_at"])
    action_record(actor=None, verb=ModerationAction.Verb.TRAINING_LAPSED, target=supporter,
                  member=user, reason=Standing(standing.state).label)
    _tell_of_pause(supporter, standing)
    return True


def _tell_of_pause(supporter: PeerSupporter, standing: SupporterStanding) -> None:
    user = supporter.user
    if standing.state == Standing.EXPIRED:
        why = f"their training ran out on {standing.training.expires_on:%-d %B %Y}"
        own = "Your peer supporter training has run out"
    else:
        why = "no training is recorded for them"
        own = "No peer supporter training is recorded for you"
    notify(users=[user], kind=Notification.Kind.MODERATION, url=reverse("mentoring:mine"),
           text=f"{own}, so your badge and peer supporter tasks are paused for now. Please "
                "talk to an administrator about training. Nothing else about your account "
                "has changed.")
    leads = User.objects.filter(Q(groups__name=roles.ADMINISTRATORS) | Q(is_superuser=True),
                                is_active=True).exclude(pk=user.pk).distinct()
    notify(users=list(leads), kind=Notification.Kind.MODERATION,
           url=reverse("admin:mentoring_peersupporter_change", args=[supporter.pk]),
           text=f"Peer supporter {user.username} is paused: {why}. Their badge and "
                "peer supporter tasks come back once current training is recorded.")
