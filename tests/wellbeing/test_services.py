"""Wellbeing check-ins: consent, validation, due dates, withdrawing, asking to talk."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community.refusals import Refused
from moderation.models import Priority, QueueItem
from tests.community.test_signposting import make_resource
from wellbeing import services
from wellbeing.models import CheckIn, Consent, TalkRequest
from wellbeing.selectors import Due, checkin_due

pytestmark = pytest.mark.django_db

GOOD = {"life_satisfaction": 7, "worthwhile": 8, "happiness": 6, "anxiety": 3,
        "loneliness": "occasionally"}


@pytest.fixture
def taking_part(member):
    services.consent_give(member=member)
    return member


def test_consent_records_the_version_and_time(member):
    before = timezone.now()
    consent = services.consent_give(member=member)
    assert consent.version == 1 and consent.given_at >= before and consent.is_given


def test_a_new_member_is_invited_and_once_they_opt_in_the_first_check_in_is_due(member):
    assert checkin_due(member).state == Due.INVITE
    services.consent_give(member=member)
    assert checkin_due(member).is_due


def test_saying_no_thanks_stops_the_invitation(member):
    services.consent_decline(member=member)
    assert checkin_due(member).state == Due.NONE


def test_the_next_check_in_is_due_four_weeks_after_the_last(taking_part):
    now = timezone.now()
    services.checkin_record(member=taking_part, answers=GOOD, now=now - timedelta(days=27))
    due = checkin_due(taking_part, now=now)
    assert due.state == Due.WAITING
    assert due.next_on == timezone.localtime(now + timedelta(days=1)).date()
    assert checkin_due(taking_part, now=now + timedelta(days=1, minutes=1)).is_due


def test_a_second_check_in_within_four_weeks_is_refused_kindly(taking_part):
    services.checkin_record(member=taking_part, answers=GOOD)
    with pytest.raises(Refused) as refused:
        services.checkin_record(member=taking_part, answers=GOOD)
    assert refused.value.code == "too_soon" and "next one is on" in refused.value.message
    assert CheckIn.objects.filter(member=taking_part).count() == 1


def test_skipping_quiets_the_reminder_but_the_member_can_still_answer(taking_part):
    services.checkin_skip(member=taking_part)
    assert checkin_due(taking_part).state == Due.WAITING
    services.checkin_record(member=taking_part, answers=GOOD)
    assert CheckIn.objects.filter(member=taking_part, is_skipped=False).count() == 1


@pytest.mark.parametrize("field, value", [
    ("life_satisfaction", 11), ("worthwhile", -1), ("happiness", "7.5"), ("anxiety", ""),
    ("anxiety", None), ("happiness", "ten"), ("loneliness", "sometimes"), ("loneliness", ""),
])
def test_answers_out_of_range_or_missing_are_refused_naming_the_question(taking_part, field,
                                                                          value):
    with pytest.raises(Refused) as refused:
        services.checkin_record(member=taking_part, answers={**GOOD, field: value})
    assert refused.value.field == field and "Please choose" in refused.value.message
    assert not CheckIn.objects.exists()


def test_answers_given_as_form_text_are_stored_as_numbers(taking_part):
    answers = {key: str(value) for key, value in GOOD.items()}
    recorded = services.checkin_record(member=taking_part, answers=answers)
    assert recorded.checkin.scores() == {"life_satisfaction": 7, "worthwhile": 8,
                                         "happiness": 6, "anxiety": 3}


def test_a_member_who_has_not_opted_in_cannot_check_in(member):
    with pytest.raises(Refused) as refused:
        services.checkin_record(member=member, answers=GOOD)
    assert refused.value.code == "not_taking_part"


@pytest.mark.parametrize("low", [
    {"life_satisfaction": 2}, {"worthwhile": 0}, {"happiness": 1}, {"anxiety": 9},
    {"loneliness": "often"},
])
def test_a_very_low_answer_brings_help_but_no_queue_item(taking_part, low):
    make_resource("Samaritans", phone="116 123", is_24_7=True, topics=["general"])
    recorded = services.checkin_record(member=taking_part, answers={**GOOD, **low})
    assert recorded.is_very_low
    assert "Samaritans" in [resource.name for resource in recorded.resources]
    assert not QueueItem.objects.exists()


def test_ordinary_answers_bring_no_help_list(taking_part):
    recorded = services.checkin_record(member=taking_part, answers={**GOOD, "anxiety": 8,
                                                                    "happiness": 3})
    assert not recorded.is_very_low and recorded.resources == []


def test_withdrawing_with_delete_removes_every_answer(taking_part):
    services.checkin_record(member=taking_part, answers=GOOD)
    services.checkin_skip(member=taking_part)
    services.consent_withdraw(member=taking_part, answers="delete")
    assert not CheckIn.objects.exists()
    assert not Consent.objects.get(member=taking_part).is_given
    assert checkin_due(taking_part).state == Due.NONE


def test_withdrawing_with_anonymise_keeps_answers_with_no_link_to_the_member(taking_part):
    services.checkin_record(member=taking_part, answers=GOOD,
                            now=timezone.now() - timedelta(days=30))
    services.checkin_record(member=taking_part, answers={**GOOD, "happiness": 9})
    services.consent_withdraw(member=taking_part, answers="anonymise")
    kept = list(CheckIn.objects.all())
    assert len(kept) == 2
    assert all(checkin.member_id is None for checkin in kept)
    assert len({checkin.series for checkin in kept}) == 1 and kept[0].series is not None
    local = [timezone.localtime(checkin.recorded_at) for checkin in kept]
    assert all((moment.hour, moment.minute, moment.second) == (0, 0, 0) for moment in local)
    assert sorted(checkin.happiness for checkin in kept) == [6, 9]


def test_withdrawing_needs_a_choice_about_the_answers(taking_part):
    with pytest.raises(Refused) as refused:
        services.consent_withdraw(member=taking_part, answers="")
    assert refused.value.field == "answers"
    assert Consent.objects.get(member=taking_part).is_given


def test_opting_in_again_after_withdrawing_starts_afresh(taking_part):
    services.consent_withdraw(member=taking_part, answers="delete")
    services.consent_give(member=taking_part)
    assert checkin_due(taking_part).is_due


def test_check_ins_are_rate_limited(taking_part):
    for _ in range(9):  # opting in was the first of ten in ten minutes
        services.checkin_skip(member=taking_part)
    with pytest.raises(Refused) as refused:
        services.checkin_skip(member=taking_part)
    assert refused.value.code == "too_fast" and "Please wait" in refused.value.message


def test_asking_to_talk_raises_one_high_priority_queue_item_without_answers(taking_part):
    services.checkin_record(member=taking_part, answers={**GOOD, "happiness": 0})
    request = services.talk_request_create(member=taking_part)
    item = QueueItem.objects.get()
    assert item.content == request
    assert item.source == QueueItem.Source.TALK_REQUEST and item.priority == Priority.HIGH
    from moderation.adapters import adapter_for
    text = adapter_for(request).text(request)
    assert taking_part.username in text and "0" not in text


def test_asking_again_while_the_first_request_is_open_is_refused_with_help(taking_part):
    make_resource("Samaritans", phone="116 123", is_24_7=True, topics=["general"])
    services.talk_request_create(member=taking_part)
    with pytest.raises(Refused) as refused:
        services.talk_request_create(member=taking_part)
    assert refused.value.code == "already_asked"
    assert "Samaritans" in [resource.name for resource in refused.value.help]
    assert TalkRequest.objects.count() == 1


def test_a_new_request_is_possible_once_the_first_was_dealt_with(taking_part, moderator):
    services.talk_request_create(member=taking_part)
    from moderation.services import reports_dismiss
    reports_dismiss(item=QueueItem.objects.get(), moderator=moderator, reason="Messaged them")
    services.talk_request_create(member=taking_part)
    assert TalkRequest.objects.count() == 2
