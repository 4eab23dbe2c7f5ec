"""Wellbeing pages: plain forms that work without JavaScript, refused answers kept, the
reminder only on the member's own pages, the chart of their answers."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from moderation.models import QueueItem
from tests.community.test_signposting import make_resource
from wellbeing import services
from wellbeing.models import CheckIn, Consent

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())

GOOD = {"life_satisfaction": "7", "worthwhile": "8", "happiness": "6", "anxiety": "3",
        "loneliness": "occasionally"}


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def taking_part(logged_in, member):
    services.consent_give(member=member)
    return logged_in


def test_the_consent_page_explains_and_links_the_easy_read_version(logged_in):
    page = text(logged_in.get(reverse("wellbeing:consent")))
    assert "Who sees your answers" in page and "Stopping" in page
    assert reverse("wellbeing:consent_easy_read") in page
    easy = text(logged_in.get(reverse("wellbeing:consent_easy_read")))
    assert "You can stop at any time." in easy and 'value="yes"' in easy


def test_opting_in_records_consent_and_opens_the_first_check_in(logged_in, member):
    response = logged_in.post(reverse("wellbeing:consent"), {"choice": "yes"})
    assert response.url == reverse("wellbeing:checkin")
    assert Consent.objects.get(member=member).is_given


def test_the_check_in_form_asks_the_ons_questions_with_plain_radio_buttons(taking_part):
    page = text(taking_part.get(reverse("wellbeing:checkin")))
    for question in ("Overall, how satisfied are you with your life nowadays?",
                     "Overall, to what extent do you feel that the things you do in your life "
                     "are worthwhile?",
                     "Overall, how happy did you feel yesterday?",
                     "Overall, how anxious did you feel yesterday?",
                     "How often do you feel lonely?", "Often/always", "Some of the time",
                     "Occasionally", "Hardly ever", "Never"):
        assert question in page
    assert page.count('type="radio"') == 4 * 11 + 5
    assert "<script" not in page.split("<main", 1)[1].split("</main>")[0]
    assert "Skip this time" in page


def test_saved_answers_show_on_the_members_own_chart_and_table(taking_part, member):
    response = taking_part.post(reverse("wellbeing:checkin"), GOOD, follow=True)
    page = text(response)
    assert "Thank you. Your answers are saved." in page
    assert page.count("<svg") >= 4 and "Life satisfaction: your answers" in page
    assert "<td>7</td>" in page and "Occasionally" in page
    assert CheckIn.objects.get(member=member).life_satisfaction == 7


def test_a_missing_answer_is_refused_clearly_and_the_other_answers_stay_chosen(taking_part):
    response = taking_part.post(reverse("wellbeing:checkin"), {**GOOD, "anxiety": ""})
    page = text(response)
    assert response.status_code == 200
    assert "Your answers are not saved yet" in page
    assert "Please choose a number from 0 to 10 for how anxious you felt yesterday." in page
    chosen = re.findall(r'name="(\w+)" value="(\w+)"[^>]*checked', page)
    assert sorted(chosen) == [("happiness", "6"), ("life_satisfaction", "7"),
                              ("loneliness", "occasionally"), ("worthwhile", "8")]
    assert not CheckIn.objects.exists()


def test_an_answer_out_of_range_is_refused(taking_part):
    response = taking_part.post(reverse("wellbeing:checkin"), {**GOOD, "happiness": "11"})
    assert "Please choose a number from 0 to 10 for how happy you felt yesterday." in \
        text(response)
    assert not CheckIn.objects.exists()


def test_skipping_needs_no_answers(taking_part, member):
    response = taking_part.post(reverse("wellbeing:checkin"), {"skip": "1"}, follow=True)
    assert "Skipped. We'll ask again in four weeks." in text(response)
    assert CheckIn.objects.get(member=member).is_skipped


def test_a_very_low_answer_shows_help_kindly_and_no_queue_item(taking_part):
    make_resource("Samaritans", phone="116 123", is_24_7=True, topics=["general"])
    response = taking_part.post(reverse("wellbeing:checkin"), {**GOOD, "loneliness": "often"})
    page = text(response)
    assert "things may be hard for you right now" in page and "Samaritans" in page
    assert "Nobody has been told" in page and "I'd like to talk to someone" in page
    assert not QueueItem.objects.exists()


def test_asking_to_talk_raises_a_queue_item_and_says_what_happens_next(taking_part):
    response = taking_part.post(reverse("wellbeing:talk"))
    assert "A moderator will send you a private message." in text(response)
    assert QueueItem.objects.get().source == QueueItem.Source.TALK_REQUEST


def test_stopping_asks_what_happens_to_the_answers_then_does_it(taking_part, member):
    services.checkin_record(member=member, answers=GOOD)
    response = taking_part.post(reverse("wellbeing:withdraw"), {})
    assert "Please choose what happens to your answers." in text(response)
    assert Consent.objects.get(member=member).is_given
    response = taking_part.post(reverse("wellbeing:withdraw"), {"answers": "anonymise"},
                                follow=True)
    assert "Your answers are kept without your name." in text(response)
    assert CheckIn.objects.get().member is None


def test_home_page_invites_then_says_when_a_check_in_is_due(logged_in, member):
    assert "Read about wellbeing check-ins" in text(logged_in.get("/"))
    services.consent_give(member=member)
    assert "Your check-in is due." in text(logged_in.get("/"))
    assert "Your check-in is due." in text(
        logged_in.get(reverse("member_detail", args=[member.username])))
    services.checkin_record(member=member, answers=GOOD)
    assert "Your check-in is due." not in text(logged_in.get("/"))
    assert "The next one is on" in text(
        logged_in.get(reverse("member_detail", args=[member.username])))


def test_the_reminder_is_not_on_another_members_profile(logged_in, member):
    from tests.factories import UserFactory
    other = UserFactory()
    services.consent_give(member=member)
    page = text(logged_in.get(reverse("member_detail", args=[other.username])))
    assert "Your check-in is due." not in page


def test_forum_and_chat_pages_ask_nothing_about_check_ins(taking_part):
    for url in (reverse("forums:index"), reverse("chat:index")):
        with CaptureQueriesContext(connection) as queries:
            assert taking_part.get(url).status_code == 200
        assert not [q for q in queries.captured_queries if "wellbeing_" in q["sql"]]


def test_pages_need_a_login(client):
    response = client.get(reverse("wellbeing:checkin"))
    assert response.status_code == 302 and "/accounts/login/" in response.url
