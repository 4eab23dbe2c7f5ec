"""Writes for wellbeing check-ins: consent given, declined or withdrawn; check-ins answered or
skipped; a member asking to talk to someone.

Each is rate limited (WriteLimit.Kind.WELLBEING). Answers are private to the member: nobody
else sees them with the member's name. Asking to talk reaches moderators through the one queue
(moderation.services.flag_content, through this app's adapter) and carries no answers.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import TextChoices
from django.utils import timezone

from community.models import Risk, Topic, User, WriteLimit
from community.ratelimits import limit_check
from community.refusals import Refused
from community.signposting import resources_for
from moderation.models import Priority, QueueItem
from moderation.services import flag_content
from wellbeing.models import CheckIn, Consent, TalkRequest
from wellbeing.permissions import check_take_part
from wellbeing.questions import (
    CONSENT_VERSION,
    EVERY_DAYS,
    MEASURE_ABOUT,
    Loneliness,
    Measure,
    is_very_low,
)

TOO_FAST = "You have done this several times just now."


class AnswersChoice(TextChoices):
    """What happens to a member's answers when they stop taking part."""

    DELETE = "delete", "Delete my answers"
    ANONYMISE = "anonymise", "Keep my answers without my name, to help show if the site helps"


def _limit(member) -> None:
    limit_check(member=member, kind=WriteLimit.Kind.WELLBEING, reason=TOO_FAST)


def _consent_of(member) -> Consent:
    consent, _ = Consent.objects.select_for_update().get_or_create(member=member)
    return consent


@transaction.atomic
def consent_give(*, member, version: int = CONSENT_VERSION) -> Consent:
    """The member opts in to the wording `version`; their first check-in is due at once."""
    check_take_part(member)
    _limit(member)
    consent = _consent_of(member)
    consent.version, consent.given_at = version, timezone.now()
    consent.declined_at = consent.withdrawn_at = None
    consent.save()
    return consent


@transaction.atomic
def consent_decline(*, member) -> Consent:
    """"No thanks": the invitation stops showing. The member can still opt in later."""
    check_take_part(member)
    _limit(member)
    consent = _consent_of(member)
    if consent.is_given:
        raise Refused("already_given", "You are taking part. To stop, use “Stop check-ins”.")
    consent.declined_at = timezone.now()
    consent.save(update_fields=["declined_at"])
    return consent


@transaction.atomic
def consent_withdraw(*, member, answers: str) -> int:
    """The member stops taking part; their answers are deleted or anonymised, as they
    chose. Returns how many check-ins were deleted or anonymised."""
    check_take_part(member)
    if answers not in AnswersChoice.values:
        raise Refused("choose", "Please choose what happens to your answers.", "answers")
    _limit(member)
    consent = _consent_of(member)
    if not consent.is_given:
        raise Refused("not_given", "You are not taking part in check-ins, so there is "
                                   "nothing to stop.")
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    if answers == AnswersChoice.DELETE:
        return checkins_delete(member=member)
    return checkins_anonymise(member=member)


def checkins_delete(*, member) -> int:
    deleted, _ = CheckIn.objects.filter(member=member).delete()
    return deleted


def checkins_anonymise(*, member) -> int:
    """Cut the answers from the member: no member, the time only to the day (so it cannot
    be matched to what they did that day), and one new random series that keeps their
    answers together for the figures without saying whose they were."""
    series = uuid.uuid4()
    mine = list(CheckIn.objects.filter(member=member))
    for checkin in mine:
        day = timezone.localtime(checkin.recorded_at).date()
        checkin.recorded_at = timezone.make_aware(datetime(day.year, day.month, day.day))
        checkin.member, checkin.series = None, series
    CheckIn.objects.bulk_update(mine, ["recorded_at", "member", "series"])
    return len(mine)


@dataclass(frozen=True)
class Recorded:
    checkin: CheckIn
    is_very_low: bool
    # Help lines to show, kindly, when an answer is very low; empty otherwise.
    resources: list = field(default_factory=list)


def _answered_since(member, since) -> CheckIn | None:
    return (CheckIn.objects.filter(member=member, is_skipped=False, recorded_at__gt=since)
            .order_by("-recorded_at").first())


def _refuse_unless_taking_part(member) -> None:
    # Locked: two check-ins sent at once wait for each other (one in four weeks), and one
    # racing "stop check-ins" is stored before the answers go or refused after.
    consent = Consent.objects.select_for_update().filter(member=member).first()
    if consent is None or not consent.is_given:
        raise Refused("not_taking_part", "Please say you'd like to take part before you "
                                         "answer the check-in.")


@transaction.atomic
def checkin_record(*, member, answers: dict, now: datetime | None = None) -> Recorded:
    """Store one check-in. `answers` maps each Measure to a whole number from 0 to 10 and
    "loneliness" to a Loneliness value. One answered check-in in four weeks: a skip does not
    count, so a member who skipped can still answer."""
    check_take_part(member)
    now = now or timezone.now()
    cleaned = checkin_validate(answers)
    _refuse_unless_taking_part(member)
    last = _answered_since(member, now - timedelta(days=EVERY_DAYS))
    if last is not None:
        next_day = timezone.localtime(last.recorded_at + timedelta(days=EVERY_DAYS)).date()
        raise Refused("too_soon", f"You have answered a check-in in the last four weeks. "
                                  f"Your next one is on {next_day:%-d %B %Y}. Thank you!")
    _limit(member)
    checkin = CheckIn.objects.create(member=member, recorded_at=now, **cleaned)
    very_low = is_very_low(cleaned)
    resources = []
    if very_low:
        topics = {Topic.GENERAL}
        resources = resources_for(Risk.CONCERN, topics, member.member.nation, now)
    return Recorded(checkin, very_low, resources)


def checkin_validate(answers: dict) -> dict:
    """The answers as stored, or one Refused naming the first question not answered well."""
    cleaned = {}
    for measure in Measure:
        raw = answers.get(measure.value)
        raw = raw.strip() if isinstance(raw, str) else raw
        if raw in (None, ""):
            raise Refused("missing", f"Please choose a number from 0 to 10 for "
                                     f"{MEASURE_ABOUT[measure]}.", measure.value)
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = -1
        if not 0 <= value <= 10 or str(raw) != str(value):
            raise Refused("score", f"Please choose a whole number from 0 to 10 for "
                                   f"{MEASURE_ABOUT[measure]}.", measure.value)
        cleaned[measure.value] = value
    loneliness = answers.get("loneliness")
    if loneliness not in Loneliness.values:
        raise Refused("loneliness", "Please choose how often you feel lonely.", "loneliness")
    cleaned["loneliness"] = loneliness
    return cleaned


@transaction.atomic
def checkin_skip(*, member, now: datetime | None = None) -> CheckIn:
    """Not this time: the reminder stops for four weeks. The form stays open to answer."""
    check_take_part(member)
    _refuse_unless_taking_part(member)
    _limit(member)
    return CheckIn.objects.create(member=member, recorded_at=now or timezone.now(),
                                  is_skipped=True)


ALREADY_ASKED = ("You have already asked, and a moderator will get in touch with you in a "
                 "private message. If you need to talk to someone now, these people are there "
                 "to listen.")


@transaction.atomic
def talk_request_create(*, member) -> TalkRequest:
    """The member would like someone from the team to get in touch. One open request at a
    time; it reaches the moderators' queue at high priority, with none of their answers."""
    check_take_part(member)
    # Two presses at once make one request: the second waits here, then finds the first.
    list(User.objects.select_for_update().filter(pk=member.pk).values_list("pk"))
    kind = ContentType.objects.get_for_model(TalkRequest)
    waiting = TalkRequest.objects.filter(member=member).values_list("pk", flat=True)
    if QueueItem.objects.filter(content_type=kind, object_id__in=list(waiting)).exclude(
            status=QueueItem.Status.RESOLVED).exists():
        refused = Refused("already_asked", ALREADY_ASKED)
        refused.help = resources_for(Risk.CONCERN, {Topic.GENERAL}, member.member.nation,
                                     timezone.now())
        raise refused
    _limit(member)
    request = TalkRequest.objects.create(member=member)
    flag_content(content=request, source=QueueItem.Source.TALK_REQUEST, priority=Priority.HIGH,
                 reason="Asked to talk to someone, after a wellbeing check-in")
    return request
