"""/moderation/screening/: administrators see each rule's record and the misses, and turn a
miss into a rule or an evaluation example."""

import csv
import html
import io

import pytest
from django.urls import reverse

from community.models import Risk, Topic
from moderation.models import (
    CrisisPattern,
    EvaluationExample,
    Priority,
    QueueItem,
    ScreeningReview,
)
from moderation.screening import Match, screen
from moderation.services import flag_content
from tests.factories import UserFactory
from tests.moderatable.models import Note

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unlimited_writes", "rules_alone")]

PAGE = reverse("moderation:screening")
CSV = reverse("moderation:screening_examples")
LOGIN = reverse("account_login")
MISSED = "Sorted out who gets the dog. Letters are on the table."
# Measured 10 (the session, the viewer, their roles and sanctions, three for the figures, the
# misses, the examples counted, notifications), plus two for site-wide additions.
PAGE_QUERIES = 12
Verdict = ScreeningReview.Verdict


@pytest.fixture
def rule(db):
    return CrisisPattern.objects.create(pattern="walk into the sea", level=Risk.URGENT,
                                        topic=Topic.SUICIDE)


@pytest.fixture
def missed(db):
    return ScreeningReview.objects.create(source=ScreeningReview.Source.REPORT,
                                          verdict=Verdict.TOO_LOW, rated=Risk.NONE, text=MISSED)


def false_alarm(member, rule: CrisisPattern) -> ScreeningReview:
    note = Note.objects.create(author=member, body="I could walk into the sea, this heat!")
    item = flag_content(content=note, source=QueueItem.Source.CRISIS, priority=Priority.URGENT,
                        reason="Crisis language: urgent", matches=[
                            Match("crisis", rule.pk, rule.pattern, rule.level,
                                  rule.topic).record()])
    return ScreeningReview.objects.create(item=item, source=ScreeningReview.Source.MODERATOR,
                                          verdict=Verdict.TOO_HIGH, rated=Risk.URGENT,
                                          text=note.body, rule_ids=[rule.pk])


def text(response) -> str:
    return html.unescape(response.content.decode())


def writes(missed: ScreeningReview) -> list[str]:
    return [reverse(name, args=[missed.pk]) for name in
            ("moderation:screening_rule", "moderation:screening_example",
             "moderation:screening_set_aside")]


# --- Who may ---------------------------------------------------------------------------------


def test_visitors_are_sent_to_log_in(client, missed):
    for url in [PAGE, CSV]:
        assert client.get(url)["Location"].startswith(LOGIN), url
    for url in writes(missed):
        assert client.post(url)["Location"].startswith(LOGIN), url


@pytest.mark.parametrize("who, refusal", [("member", "Only for moderators"),
                                          ("moderator", "Only for administrators")])
def test_members_and_moderators_are_refused(client, request, missed, who, refusal):
    client.force_login(request.getfixturevalue(who))

    for url in [PAGE, CSV]:
        response = client.get(url)
        assert response.status_code == 403 and refusal in text(response), url
    for url in writes(missed):
        assert client.post(url, {"level": "urgent", "category": "x"}).status_code == 403, url
    missed.refresh_from_db()
    assert missed.outcome == ""


def test_only_administrators_see_the_link(client, moderator, admin_user):
    client.force_login(moderator)
    assert PAGE not in text(client.get(reverse("moderation:queue")))

    client.force_login(admin_user)
    assert PAGE in text(client.get(reverse("moderation:queue")))


# --- Each rule's record ------------------------------------------------------------------------


def test_rules_show_hits_and_false_alarms_linking_to_the_admin(client, admin_user, member, rule):
    false_alarm(member, rule)
    client.force_login(admin_user)

    response = client.get(PAGE)

    [record] = response.context["records"]
    assert (record.rule, record.hits, record.false_alarms) == (rule, 1, 1)
    assert reverse("admin:moderation_crisispattern_change", args=[rule.pk]) in text(response)


@pytest.mark.parametrize("query, days, error", [
    ("", 30, False), ("?days=7", 7, False), ("?days=365", 365, False),
    ("?days=12", 30, True), ("?days=lots", 30, True), ("?days=", 30, True),
])
def test_the_period_is_checked_and_a_bad_one_explained(client, admin_user, query, days, error):
    client.force_login(admin_user)

    response = client.get(PAGE + query)

    assert response.status_code == 200
    assert response.context["period"].days_shown() == days
    assert ("Choose a period from the list" in text(response)) is error
    assert f'<option value="{days}" selected>' in text(response)


@pytest.mark.parametrize("size", [2, 20])
def test_page_runs_a_fixed_number_of_queries(client, admin_user, member, size,
                                             django_assert_max_num_queries):
    for number in range(size):
        rule = CrisisPattern.objects.create(pattern=f"rule number {number}", level=Risk.CONCERN,
                                            topic=Topic.SUICIDE)
        false_alarm(member, rule)
        ScreeningReview.objects.create(source=ScreeningReview.Source.REPORT,
                                       verdict=Verdict.TOO_LOW, rated=Risk.NONE,
                                       text=f"Miss number {number}.")
    client.force_login(admin_user)
    client.get(PAGE)  # sessions and caches warm

    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get(PAGE + "?days=90")

    assert len(response.context["records"]) == size and len(response.context["misses"]) == size
    with django_assert_max_num_queries(PAGE_QUERIES + 1):  # the miss and its rules' topics
        client.get(PAGE + f"?rule_from={ScreeningReview.objects.last().pk}")


# --- Misses ------------------------------------------------------------------------------------


def test_misses_are_folded_away_with_what_screening_said(client, admin_user, missed):
    client.force_login(admin_user)

    page = text(client.get(PAGE))

    assert f'<li id="miss-{missed.pk}">' in page
    assert "screening rated it “no risk”" in page and "Member's report" in page
    words = page.index(MISSED)
    folded = page[page.rindex("<details", 0, words):page.index("</details>", words)]
    assert "These words may be distressing" in folded


def test_make_a_rule_link_opens_the_form_filled_in(client, admin_user, missed):
    client.force_login(admin_user)

    response = client.get(PAGE + f"?days=7&rule_from={missed.pk}")

    pk, form = response.context["rule_form"]
    assert pk == missed.pk
    assert form.initial == {"pattern": "sorted out who gets the dog", "level": Risk.CONCERN,
                            "topic": Topic.SUICIDE}
    assert 'id="rule-form"' in text(response)
    assert f'action="{writes(missed)[0]}?days=7"' in text(response)


def test_a_miss_becomes_a_rule_in_use_at_once(client, admin_user, missed):
    client.force_login(admin_user)

    response = client.post(writes(missed)[0] + "?days=7", {
        "pattern": "sorted out who gets the dog", "level": "concern", "topic": "suicide",
        "explanation": ""}, follow=True)

    assert response.redirect_chain == [(PAGE + "?days=7", 302)]
    assert "Rule made and in use now. Screening rates the words of this miss “concern”" in text(
        response)
    assert screen(MISSED).risk == Risk.CONCERN
    assert response.context["misses"] == []


def test_a_rule_that_cannot_be_read_keeps_what_was_typed(client, admin_user, missed):
    client.force_login(admin_user)

    response = client.post(writes(missed)[0], {
        "pattern": "who gets (the dog", "level": "urgent", "topic": "suicide",
        "explanation": "affairs in order"})

    assert response.status_code == 200
    page = text(response)
    assert "Cannot read the rule" in page
    assert 'value="who gets (the dog"' in page and 'value="affairs in order"' in page
    assert not CrisisPattern.objects.filter(explanation="affairs in order").exists()


def test_a_miss_becomes_an_evaluation_example(client, admin_user, missed):
    client.force_login(admin_user)
    form = dict(client.get(PAGE).context["misses"])[missed]
    assert form["level"].value() == Risk.CONCERN  # what the miss implies

    response = client.post(writes(missed)[1], {"level": "urgent", "category": "goodbye"})

    assert response.status_code == 302
    example = EvaluationExample.objects.get()
    assert (example.text, example.level, example.category) == (MISSED, "urgent", "goodbye")


def test_a_bad_example_keeps_what_was_typed(client, admin_user, missed):
    client.force_login(admin_user)

    response = client.post(writes(missed)[1], {"level": "dreadful", "category": "my-category"})

    assert response.status_code == 200
    form = dict(response.context["misses"])[missed]
    assert form.errors and form["category"].value() == "my-category"
    assert not EvaluationExample.objects.exists()


def test_a_miss_set_aside_leaves_the_list(client, admin_user, missed):
    client.force_login(admin_user)

    response = client.post(writes(missed)[2], follow=True)

    assert "Set aside" in text(response) and response.context["misses"] == []
    assert client.post(writes(missed)[2]).status_code == 404


# --- The export --------------------------------------------------------------------------------


def test_examples_download_as_csv_with_nobody_identifiable(client, admin_user, missed):
    UserFactory(username="robin")
    EvaluationExample.objects.create(text="Robin: ring 07700 900 123.", level=Risk.URGENT,
                                     category="from-use", review=missed)
    client.force_login(admin_user)

    response = client.get(CSV)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["id", "level", "category", "voice", "text"]
    assert rows[1][1:] == ["urgent", "from-use", "member", "[member]: ring [phone]."]
