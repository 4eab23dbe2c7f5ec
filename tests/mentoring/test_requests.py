"""Asking for a peer mentor: members ask, peer supporters in good standing with matching
topics and room in their caseload read anonymised requests and offer, the member chooses
or declines. Nobody is given a mentor they did not choose."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from community import roles
from community.models import Notification, WriteLimit
from community.ratelimits import rates_changed
from community.refusals import Refused
from community.services import block_create, role_grant
from mentoring import selectors, services
from mentoring.models import Mentoring, MentorOffer, MentorRequest, PeerSupporter
from moderation.models import Priority, QueueItem
from tests.factories import UserFactory, on_duty_moderator, trained

pytestmark = pytest.mark.django_db

WANTED = "Evenings are hard since my diagnosis. I'd like someone who has been there."


def ask(member, **changes) -> MentorRequest:
    fields = {"topics": ["general", "carers"], "support_with": WANTED,
              "times": ["evenings"], "nation": "wales", "not_wanted": "No medication advice."}
    return services.request_create(member=member, **{**fields, **changes}).obj


def supporter(name, *, topics=(), limit=3, **training):
    user = UserFactory(username=name)
    role_grant(user=user, role=roles.PEER_SUPPORTERS)
    trained(user, **training)
    PeerSupporter.objects.filter(user=user).update(topics=list(topics), caseload_limit=limit)
    return user


def offer(user, request, about="I cared for my mum for six years."):
    return services.offer_create(supporter=user, request_id=request.pk, about=about).obj


def seen_by(user) -> list[int]:
    record = services.check_may_offer(user)
    return [asked.pk for asked in selectors.open_requests_for(record)]


# --- Asking -------------------------------------------------------------------------------

def test_a_member_asks_once_at_a_time_and_can_ask_again_after_withdrawing(member):
    request = ask(member)

    with pytest.raises(Refused) as refused:
        ask(member)
    assert "already have an open request" in refused.value.message

    services.request_withdraw(member=member, request_id=request.pk)
    request.refresh_from_db()
    assert request.status == MentorRequest.Status.WITHDRAWN
    assert ask(member).status == MentorRequest.Status.OPEN


def test_asking_needs_a_topic_and_some_words(member):
    with pytest.raises(Refused) as refused:
        ask(member, topics=[])
    assert refused.value.field == "topics"
    with pytest.raises(Refused) as refused:
        ask(member, support_with="   ")
    assert refused.value.field == "support_with"
    assert not MentorRequest.objects.exists()


def test_blocked_words_are_refused_beside_their_box(member):
    with pytest.raises(Refused) as refused:
        ask(member, not_wanted="honestly just kys")
    assert refused.value.code == "blocked" and refused.value.field == "not_wanted"
    assert not MentorRequest.objects.exists()


def test_contact_details_are_refused_so_requests_stay_anonymous(member):
    with pytest.raises(Refused) as refused:
        ask(member, support_with="Please ring me on 07700 900123")
    assert refused.value.code == "contact_details" and refused.value.field == "support_with"


def test_crisis_words_bring_help_and_reach_the_moderators(member):
    call_command("load_help_directory", verbosity=0)
    on_duty_moderator()

    asked = services.request_create(member=member, topics=["general"],
                                    support_with="I want to die tonight")

    assert any(resource.name == "Samaritans" for resource in asked.help)
    item = QueueItem.objects.get()
    assert item.priority == Priority.URGENT and item.content == asked.obj


def test_asking_is_rate_limited(member):
    WriteLimit.objects.update_or_create(kind=WriteLimit.Kind.MENTORING,
                                        defaults={"rate": "2 per hour"})
    rates_changed()
    request = ask(member, not_wanted="")  # one text screened: one count
    services.request_withdraw(member=member, request_id=request.pk)  # two

    with pytest.raises(Refused):
        ask(member, not_wanted="")


# --- Who reads requests and offers ---------------------------------------------------------

def test_an_active_supporter_with_matching_topics_reads_the_request_without_the_name(member):
    request = ask(member, topics=["carers"])
    jo = supporter("jo", topics=["carers", "dementia"])
    kim = supporter("kim", topics=["dementia"])
    any_topic = supporter("ash")

    assert seen_by(jo) == [request.pk]
    assert seen_by(any_topic) == [request.pk]
    assert seen_by(kim) == []
    shown = selectors.open_requests_for(PeerSupporter.objects.get(user=jo))[0]
    assert not hasattr(shown, "member") and member.username not in repr(shown)
    with pytest.raises(PermissionDenied):
        offer(kim, request)


@pytest.mark.parametrize("state", ["untrained", "expired", "stepped back", "member"])
def test_only_supporters_in_good_standing_read_or_offer(member, state):
    request = ask(member)
    if state == "untrained":
        user = UserFactory(username="pat")
        role_grant(user=user, role=roles.PEER_SUPPORTERS)
    elif state == "expired":
        user = supporter("pat", completed_days_ago=400, runs_out_in_days=-35)
    elif state == "stepped back":
        user = supporter("pat")
        services.supporter_step_back(user=user)
    else:
        user = UserFactory(username="pat")

    with pytest.raises(PermissionDenied):
        services.check_may_offer(user)
    with pytest.raises(PermissionDenied):
        offer(user, request)
    assert not MentorOffer.objects.exists()


def test_a_full_caseload_hides_requests_until_a_mentoring_ends(member):
    jo = supporter("jo", limit=1)
    first = ask(member)
    services.offer_choose(member=member, offer_id=offer(jo, first).pk)
    other = UserFactory(username="sam")
    second = ask(other)

    with pytest.raises(PermissionDenied) as denied:
        services.check_may_offer(jo)
    assert "as many as an administrator has set" in str(denied.value)
    with pytest.raises(PermissionDenied):
        offer(jo, second)

    Mentoring.objects.update(status=Mentoring.Status.ENDED)
    assert seen_by(jo) == [second.pk]


def test_a_member_never_reads_another_members_request_or_chooses_on_it(member):
    request = ask(member)
    jo_offer = offer(supporter("jo"), request)
    other = UserFactory(username="sam")

    assert selectors.own_open_request(other) is None
    with pytest.raises(PermissionDenied):
        services.offer_choose(member=other, offer_id=jo_offer.pk)
    with pytest.raises(PermissionDenied):
        services.offers_decline_all(member=other, request_id=request.pk)
    with pytest.raises(PermissionDenied):
        services.request_withdraw(member=other, request_id=request.pk)
    with pytest.raises(PermissionDenied):
        services.check_may_offer(other)
    assert not Mentoring.objects.exists()


def test_one_offer_each_and_none_on_ones_own_request():
    jo = supporter("jo")
    own = ask(jo)
    with pytest.raises(PermissionDenied):
        offer(jo, own)
    request = ask(UserFactory(username="sam"))
    offer(jo, request)
    with pytest.raises(Refused):
        offer(jo, request, about="Again")


# --- Choosing ------------------------------------------------------------------------------

def test_the_member_chooses_and_the_others_are_thanked(member):
    request = ask(member)
    jo, kim = supporter("jo"), supporter("kim")
    jo_offer, kim_offer = offer(jo, request), offer(kim, request)
    assert Notification.objects.filter(user=member, kind=Notification.Kind.MENTORING).exists()
    assert [o.pk for o in selectors.own_open_request(member).waiting_offers] == [
        jo_offer.pk, kim_offer.pk]

    mentoring = services.offer_choose(member=member, offer_id=kim_offer.pk)

    assert (mentoring.mentee, mentoring.mentor) == (member, kim)
    assert mentoring.status == Mentoring.Status.AWAITING_AGREEMENT
    request.refresh_from_db()
    assert request.status == MentorRequest.Status.CHOSEN
    jo_offer.refresh_from_db()
    assert jo_offer.status == MentorOffer.Status.NOT_CHOSEN
    told_jo = Notification.objects.get(user=jo).text
    assert "chosen another peer supporter" in told_jo and member.username not in told_jo
    assert member.username in Notification.objects.get(user=kim).text
    assert services.caseload(kim) == 1 and services.caseload(jo) == 0


def test_declining_all_closes_the_request_and_assigns_nobody(member):
    request = ask(member)
    jo = supporter("jo")
    offer(jo, request)

    services.offers_decline_all(member=member, request_id=request.pk)

    request.refresh_from_db()
    assert request.status == MentorRequest.Status.DECLINED
    assert not Mentoring.objects.exists()
    assert "decided not to go ahead" in Notification.objects.get(user=jo).text
    assert seen_by(jo) == []


def test_a_supporter_who_became_inactive_cannot_be_chosen(member):
    request = ask(member)
    jo = supporter("jo")
    jo_offer = offer(jo, request)
    jo.peer_supporter.training.update(expires_on=jo_offer.created_at.date() - timedelta(days=1),
                                      completed_on=jo_offer.created_at.date() - timedelta(days=99))

    with pytest.raises(PermissionDenied):
        services.offer_choose(member=member, offer_id=jo_offer.pk)
    assert not Mentoring.objects.exists()


@pytest.mark.parametrize("who_blocks", ["member", "supporter"])
def test_a_block_either_way_keeps_the_request_and_the_offer_apart(member, who_blocks):
    request = ask(member)
    jo, kim = supporter("jo"), supporter("kim")
    jo_offer = offer(jo, request)
    blocker, blocked = (member, jo) if who_blocks == "member" else (jo, member)

    block_create(blocker=blocker, blocked=blocked)

    assert seen_by(jo) == [] and seen_by(kim) == [request.pk]
    with pytest.raises(PermissionDenied, match="closed"):
        offer(jo, request, about="Another go at offering.")
    with pytest.raises(PermissionDenied):
        services.offer_choose(member=member, offer_id=jo_offer.pk)
    assert not Mentoring.objects.exists()


# --- Stepping back ----------------------------------------------------------------------------

def test_stepping_back_withdraws_offers_and_reopens_mentees_requests(member):
    waiting = ask(UserFactory(username="sam"))
    jo = supporter("jo")
    jo_waiting = offer(jo, waiting)
    chosen = ask(member)
    services.offer_choose(member=member, offer_id=offer(jo, chosen).pk)

    services.supporter_step_back(user=jo)

    jo_waiting.refresh_from_db()
    assert jo_waiting.status == MentorOffer.Status.WITHDRAWN
    assert selectors.own_open_request(waiting.member).waiting_offers == []
    assert Mentoring.objects.get().status == Mentoring.Status.ENDED
    reopened = selectors.own_open_request(member)
    assert reopened is not None and reopened.support_with == WANTED
    told = Notification.objects.filter(user=member).latest("pk").text
    assert "stepped back" in told and "nothing you did" in told


# --- Leaving ----------------------------------------------------------------------------------

def test_requests_and_offers_are_in_the_export_and_go_when_the_account_is_deleted(member):
    from mentoring.leaving import MentoringData

    request = ask(member)
    jo = supporter("jo")
    services.offer_choose(member=member, offer_id=offer(jo, request).pk)

    exported = {section.key: section for section in MentoringData().export(member)}
    assert exported["mentor_requests"].rows[0]["What you would like support with"] == WANTED
    assert "mentor_offers" in {section.key for section in MentoringData().export(jo)}

    MentoringData().erase(member, content="")

    assert not MentorRequest.objects.filter(member=member).exists()
    assert Mentoring.objects.get().status == Mentoring.Status.ENDED
    assert services.caseload(jo) == 0


def test_a_mentor_leaving_the_site_tells_their_mentee_and_reopens_the_request(member):
    from mentoring.leaving import MentoringData

    jo = supporter("jo")
    services.offer_choose(member=member, offer_id=offer(jo, ask(member)).pk)

    MentoringData().erase(jo, content="")

    assert Mentoring.objects.get().status == Mentoring.Status.ENDED
    reopened = selectors.own_open_request(member)
    assert reopened is not None and reopened.support_with == WANTED
    told = Notification.objects.filter(user=member).latest("pk").text
    assert "left the site" in told and "nothing you did" in told
