"""Reads for the peer supporter's own page. Supervision notes are never read here."""

import datetime
from dataclasses import dataclass

from community.roles import badge_expression
from community.selectors import blocked_ids, blocker_ids
from mentoring.models import (
    CASELOAD_STATUSES,
    Mentoring,
    MentorOffer,
    MentorRequest,
    PeerSupporter,
    TrainingRecord,
)


def own_training(user) -> list[TrainingRecord]:
    """The peer supporter's courses, newest first."""
    return list(TrainingRecord.objects.filter(supporter__user=user))


# --- Requests for a peer mentor -----------------------------------------------------------

@dataclass(frozen=True)
class AnonymousRequest:
    """A request as peer supporters read it: no name, no profile, nothing to find the
    member by beyond what they chose to write."""

    pk: int
    topics: list[str]
    support_with: str
    times: list[str]
    nation: str
    not_wanted: str
    asked_on: datetime.date
    has_offered: bool


def open_requests_for(supporter: PeerSupporter) -> list[AnonymousRequest]:
    """Open requests on the peer supporter's topics, oldest first, never their own.
    The caller has checked they may offer (mentoring.services.check_may_offer)."""
    user = supporter.user
    offered = set(MentorOffer.objects.filter(supporter=user).values_list("request_id",
                                                                         flat=True))
    requests = (MentorRequest.objects.filter(status=MentorRequest.Status.OPEN)
                .exclude(member=user).exclude(member__in=blocked_ids(user) | blocker_ids(user))
                .order_by("created_at", "pk")
                .only("pk", "topics", "support_with", "times", "nation", "not_wanted",
                      "created_at"))
    return [AnonymousRequest(
        pk=request.pk, topics=request.topic_labels(), support_with=request.support_with,
        times=request.time_labels(), nation=request.get_nation_display(),
        not_wanted=request.not_wanted, asked_on=request.created_at.date(),
        has_offered=request.pk in offered)
        for request in requests if supporter.mentors_on(request.topics)]


def own_open_request(user) -> MentorRequest | None:
    """The member's own open request, with the offers still waiting, each with the
    offerer's badge, in one query for the request and one for the offers."""
    request = MentorRequest.objects.filter(member=user, status=MentorRequest.Status.OPEN).first()
    if request is None:
        return None
    request.waiting_offers = list(
        request.offers.filter(status=MentorOffer.Status.OPEN).select_related("supporter")
        .annotate(badge=badge_expression("supporter")))
    return request


def own_mentorings(user) -> list[Mentoring]:
    """The member's mentorings as a mentee, not ended, with the mentor's name."""
    return list(Mentoring.objects.filter(mentee=user, status__in=CASELOAD_STATUSES)
                .select_related("mentor"))


def mentees(user) -> list[Mentoring]:
    """The peer supporter's mentorings, not ended, with the mentee's name."""
    return list(Mentoring.objects.filter(mentor=user, status__in=CASELOAD_STATUSES)
                .select_related("mentee"))
