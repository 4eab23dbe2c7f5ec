"""Peer supporters' standing and the writes that change it: administrators' records of
training and supervision, stepping back and coming back, and pausing those whose training
has run out.

Every rule about whether a peer supporter may act as one is in supporter_standing. The
badge (Member.is_peer_supporter, kept by community.services.roles_sync) and every
peer-supporter permission (community.roles.is_peer_supporter) follow it.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from community import roles
from community.models import Nation, Notification, Topic, User, WriteLimit
from community.permissions import check_member
from community.ratelimits import limit_check
from community.refusals import Refused
from community.selectors import blocked_ids, blocker_ids
from community.services import notify, roles_sync
from community.validators import looks_like_contact_details
from mentoring.models import (
    CASELOAD_STATUSES,
    Mentoring,
    MentorOffer,
    MentorRequest,
    PeerSupporter,
    PreferredTime,
    SupervisionSession,
    TrainingRecord,
)
from mentoring.permissions import check_administer, check_come_back, check_step_back
from moderation.models import ModerationAction
from moderation.services import action_record
from moderation.submission import submission_check, submission_recorded


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


STEPPED_BACK = "stepped back for a while"
LEFT_THE_SITE = "left the site"


def mentees_offered_someone_else(*, supporter: PeerSupporter, why: str = STEPPED_BACK) -> None:
    """When a peer supporter steps back or leaves the site (`why`): their offers still
    waiting for a member are withdrawn, and each mentee they have (chosen or mentoring) is
    told kindly, the mentoring ends and the mentee's request is opened again so that other
    peer supporters can offer; the mentee chooses again. Runs inside the caller's
    transaction."""
    user = supporter.user
    MentorOffer.objects.filter(supporter=user, status=MentorOffer.Status.OPEN).update(
        status=MentorOffer.Status.WITHDRAWN)
    now = timezone.now()
    for mentoring in (Mentoring.objects.select_for_update(of=("self",))
                      .filter(mentor=user, status__in=CASELOAD_STATUSES)
                      .select_related("request", "mentee")):
        mentoring.status = Mentoring.Status.ENDED
        mentoring.ended_at = now
        mentoring.end_reason = f"The peer mentor {why}"
        mentoring.save(update_fields=["status", "ended_at", "end_reason"])
        reopened = _reopen_for(mentoring)
        notify(users=[mentoring.mentee], kind=Notification.Kind.MENTORING,
               url=reverse("mentoring:ask"),
               text=f"Your peer mentor {user.username} has {why}, so your mentoring has "
                    "ended. This is nothing you did. "
                    + ("Your request is open again so that other peer supporters can offer, "
                       "and you choose." if reopened else
                       "You can ask for a peer mentor again whenever you like."))


def _reopen_for(mentoring: Mentoring) -> bool:
    """The mentee's request, open again as it was; False if they already have one open."""
    old = mentoring.request
    if old is None or MentorRequest.objects.filter(
            member=mentoring.mentee, status=MentorRequest.Status.OPEN).exists():
        return False
    MentorRequest.objects.create(member=mentoring.mentee, topics=old.topics,
                                 support_with=old.support_with, times=old.times,
                                 nation=old.nation, not_wanted=old.not_wanted)
    return True


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


# --- Asking for a peer mentor, offering and choosing --------------------------------------
#
# A member asks; peer supporters in good standing, on the member's topics and with room
# in their caseload, read the request without the member's name and offer; the member
# chooses one offer or declines them all. Only offer_choose makes a Mentoring, and only
# the member who asked can call it: nobody is given a mentor they did not choose.

NO_CONTACT_DETAILS = ("Please leave out phone numbers, email addresses and social-media "
                      "handles. Peer mentoring stays on the site, where it is safe.")


@dataclass(frozen=True)
class Asked:
    """A request (or offer) as stored, and the help lines its writer should see now."""

    obj: models.Model
    help: list


def caseload(user) -> int:
    """How many members this peer supporter mentors now (chosen or under way)."""
    return Mentoring.objects.filter(mentor=user, status__in=CASELOAD_STATUSES).count()


def check_may_offer(user) -> PeerSupporter:
    """Peer supporters in good standing with room in their caseload read requests and
    offer; the sentence says why not to anyone else."""
    standing = supporter_standing(user)
    if not standing.is_active:
        if standing.state == Standing.NOT_A_PEER_SUPPORTER:
            raise PermissionDenied("Only peer supporters can read requests for a peer mentor.")
        raise PermissionDenied(standing.sentence() + " Requests for a peer mentor show "
                               "again once you are active.")
    supporter = PeerSupporter.objects.get(user=user)  # active means training is recorded
    if caseload(user) >= supporter.caseload_limit:
        raise PermissionDenied(
            f"You are mentoring {supporter.caseload_limit} "
            f"member{'s' if supporter.caseload_limit != 1 else ''} already, as many as an "
            "administrator has set for you. Requests show again when a mentoring ends.")
    return supporter


def _screened(*, author, text: str, field: str) -> tuple[str, object]:
    checked = submission_check(author=author, kind="mentoring", text=text, field=field)
    if looks_like_contact_details(checked.text):
        raise Refused("contact_details", NO_CONTACT_DETAILS, field)
    return checked.text, checked


@transaction.atomic
def request_create(*, member, topics: list[str], support_with: str, times: list[str] = (),
                   nation: str = "", not_wanted: str = "") -> Asked:
    """A member asks for a peer mentor: one open request each."""
    check_member(member)
    topics = [topic for topic in Topic.values if topic in set(topics)]
    if not topics:
        raise Refused("topics", "Please choose at least one topic.", "topics")
    if not support_with.strip():
        raise Refused("support_with", "Please say a little about what you would like "
                      "support with.", "support_with")
    if nation and nation not in Nation.values:
        raise Refused("nation", "Please choose a nation from the list.", "nation")
    if MentorRequest.objects.select_for_update().filter(
            member=member, status=MentorRequest.Status.OPEN).exists():
        raise Refused("open", "You already have an open request for a peer mentor. You can "
                      "withdraw it below and ask again.", None)
    support_with, support_checked = _screened(author=member, text=support_with,
                                              field="support_with")
    not_wanted_checked = None
    if not_wanted.strip():
        not_wanted, not_wanted_checked = _screened(author=member, text=not_wanted,
                                                   field="not_wanted")
    else:
        not_wanted = ""
    try:
        with transaction.atomic():
            request = MentorRequest.objects.create(
                member=member, topics=topics, support_with=support_with,
                times=[time for time in PreferredTime.values if time in set(times)],
                nation=nation, not_wanted=not_wanted)
    except IntegrityError:  # a second tab asked at the same moment
        raise Refused("open", "You already have an open request for a peer mentor.",
                      None) from None
    help_lines = submission_recorded(content=request, checked=support_checked, author=member)
    if not_wanted_checked is not None:
        help_lines += [line for line in submission_recorded(
            content=request, checked=not_wanted_checked, author=member)
            if line not in help_lines]
    return Asked(request, help_lines)


def _own_open_request(member, request_id: int) -> MentorRequest:
    request = (MentorRequest.objects.select_for_update()
               .filter(pk=request_id, member=member).first())
    if request is None:
        raise PermissionDenied("That request is not yours.")
    if request.status != MentorRequest.Status.OPEN:
        raise PermissionDenied("That request is already closed.")
    return request


@transaction.atomic
def request_withdraw(*, member, request_id: int) -> MentorRequest:
    """The member no longer wants a peer mentor; anyone who offered is thanked."""
    check_member(member)
    limit_check(member=member, kind=WriteLimit.Kind.MENTORING)
    request = _own_open_request(member, request_id)
    _close(request, MentorRequest.Status.WITHDRAWN, offers_become=MentorOffer.Status.WITHDRAWN,
           told="The member you offered to mentor no longer needs a peer mentor, so their "
                "request has closed. Thank you for offering.")
    return request


@transaction.atomic
def offers_decline_all(*, member, request_id: int) -> MentorRequest:
    """The member chooses none of the offers; the request closes and the offerers are
    thanked. They can ask again whenever they like."""
    check_member(member)
    limit_check(member=member, kind=WriteLimit.Kind.MENTORING)
    request = _own_open_request(member, request_id)
    _close(request, MentorRequest.Status.DECLINED, offers_become=MentorOffer.Status.NOT_CHOSEN,
           told="The member you offered to mentor has decided not to go ahead for now. "
                "Thank you for offering: it still matters.")
    return request


def either_blocks(user, other_id: int) -> bool:
    """Whether `user` and the member `other_id` have blocked one another, either way:
    mentoring is private, so a block on either side rules it out."""
    return other_id in blocked_ids(user) or other_id in blocker_ids(user)


@transaction.atomic
def offer_create(*, supporter, request_id: int, about: str) -> Asked:
    """A peer supporter in good standing offers to mentor the member who asked."""
    record = check_may_offer(supporter)
    request = (MentorRequest.objects.select_for_update()
               .filter(pk=request_id, status=MentorRequest.Status.OPEN).first())
    if request is None:
        raise PermissionDenied("That request is closed now. Thank you for wanting to help.")
    if request.member_id == supporter.pk:
        raise PermissionDenied("That is your own request.")
    if either_blocks(supporter, request.member_id):  # told as closed: who asked stays unknown
        raise PermissionDenied("That request is closed now. Thank you for wanting to help.")
    if not record.mentors_on(request.topics):
        raise PermissionDenied("That request is not on the topics you mentor on.")
    if request.offers.filter(supporter=supporter).exists():
        raise Refused("offered", "You have already offered to mentor this member.", None)
    if not about.strip():
        raise Refused("about", "Please write a few words about your experience, so the "
                      "member can choose.", "about")
    about, checked = _screened(author=supporter, text=about, field="about")
    offer = MentorOffer.objects.create(request=request, supporter=supporter, about=about)
    help_lines = submission_recorded(content=offer, checked=checked, author=supporter)
    notify(users=[request.member], kind=Notification.Kind.MENTORING,
           url=reverse("mentoring:ask"), key=f"mentor-request:{request.pk}",
           text="A peer supporter has offered to be your peer mentor. Read their offer and "
                "choose when you are ready: there is no rush.",
           text_for_many="peer supporters have offered to be your peer mentor.")
    return Asked(offer, help_lines)


@transaction.atomic
def offer_choose(*, member, offer_id: int) -> Mentoring:
    """The member chooses a peer mentor from the offers on their own open request. The
    mentoring waits for the agreement both accept (issue 15 item 3)."""
    check_member(member)
    limit_check(member=member, kind=WriteLimit.Kind.MENTORING)
    offer = (MentorOffer.objects.select_related("supporter").filter(pk=offer_id).first())
    if offer is None or offer.request.member_id != member.pk:
        raise PermissionDenied("That offer is not there.")
    request = _own_open_request(member, offer.request_id)
    if offer.status != MentorOffer.Status.OPEN:
        raise PermissionDenied("That peer supporter is not able to mentor just now. Please "
                               "choose another offer, or wait for more.")
    mentor = offer.supporter
    # Locked, so two members choosing the same mentor at once cannot both take the last
    # place in their caseload, and a mentor stepping back just now is not chosen.
    record = PeerSupporter.objects.select_for_update().filter(user=mentor).first()
    if (not supporter_standing(mentor).is_active or record is None
            or caseload(mentor) >= record.caseload_limit or either_blocks(member, mentor.pk)):
        raise PermissionDenied(f"{mentor.username} is not able to take on a new mentee just "
                               "now. Please choose another offer, or wait for more.")
    mentoring = Mentoring.objects.create(mentee=member, mentor=mentor, request=request)
    offer.status = MentorOffer.Status.CHOSEN
    offer.save(update_fields=["status"])
    _close(request, MentorRequest.Status.CHOSEN, offers_become=MentorOffer.Status.NOT_CHOSEN,
           told="The member you offered to mentor has chosen another peer supporter this "
                "time. Thank you for offering: it matters, and other requests will come.")
    notify(users=[mentor], kind=Notification.Kind.MENTORING, url=reverse("mentoring:mine"),
           text=f"{member.username} has chosen you as their peer mentor. Next, you both "
                "read and accept the mentoring agreement.")
    return mentoring


def _close(request: MentorRequest, status: str, *, offers_become: str, told: str) -> None:
    request.status = status
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "closed_at"])
    waiting = request.offers.filter(status=MentorOffer.Status.OPEN)
    offerers = [offer.supporter for offer in waiting.select_related("supporter")]
    waiting.update(status=offers_become)
    notify(users=offerers, kind=Notification.Kind.MENTORING,
           url=reverse("mentoring:requests"), text=told)
