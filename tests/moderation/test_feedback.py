"""What administrators learn from screening reviews: each rule's record, and misses turned
into rules, evaluation examples, or set aside."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from community.models import Risk, Topic, WriteLimit
from community.refusals import Refused
from moderation import feedback
from moderation.models import (
    CrisisPattern,
    EvaluationExample,
    ModerationAction,
    Priority,
    QueueItem,
    ScreeningReview,
)
from moderation.screening import Match, screen
from moderation.services import flag_content
from tests.factories import UserFactory
from tests.moderatable.models import Note

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules_alone")]

Verdict, Outcome = ScreeningReview.Verdict, ScreeningReview.Outcome
MISSED = "I've put the keys under the mat for my sister. Everything is sorted now."


@pytest.fixture
def rules(db):
    CrisisPattern.objects.update(is_active=False)  # the shipped rules may change; these won't
    make = CrisisPattern.objects.create
    return [make(pattern="walk into the sea", level=Risk.URGENT, topic=Topic.SUICIDE),
            make(pattern="so tired of everything", level=Risk.CONCERN, topic=Topic.SUICIDE),
            make(pattern="cut again", level=Risk.CONCERN, topic=Topic.SELF_HARM)]


def raised(member, *rules: CrisisPattern, days_ago: int = 0) -> QueueItem:
    """A queue item screening opened when `rules` matched, `days_ago`."""
    note = Note.objects.create(author=member, body="words")
    item = flag_content(content=note, source=QueueItem.Source.CRISIS, priority=Priority.NORMAL,
                        reason="Crisis language", matches=[
                            Match("crisis", rule.pk, rule.pattern, rule.level,
                                  rule.topic).record() for rule in rules])
    QueueItem.objects.filter(pk=item.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago))
    return item


def judged(item: QueueItem, verdict: str) -> ScreeningReview:
    rule_ids = [match["rule_id"] for match in item.matches]
    return ScreeningReview.objects.create(item=item, source=ScreeningReview.Source.MODERATOR,
                                          verdict=verdict, rated=Risk.CONCERN, text="words",
                                          rule_ids=rule_ids)


def miss(text: str = MISSED, rated: str = Risk.NONE, rule_ids=()) -> ScreeningReview:
    return ScreeningReview.objects.create(source=ScreeningReview.Source.REPORT,
                                          verdict=Verdict.TOO_LOW, rated=rated, text=text,
                                          rule_ids=list(rule_ids))


# --- Each rule's record ---------------------------------------------------------------------


def test_each_rule_shows_its_hits_and_verdicts_most_false_alarms_first(member, rules):
    sea, tired, cut = rules
    judged(raised(member, sea, tired), Verdict.TOO_HIGH)
    judged(raised(member, tired), Verdict.TOO_HIGH)
    judged(raised(member, tired), Verdict.RIGHT)
    raised(member, cut)
    raised(member, cut)
    raised(member, cut)

    records = feedback.rule_records(since=timezone.now() - timedelta(days=30))

    assert [(r.rule, r.hits, r.judged, r.right, r.false_alarms, r.false_alarm_percent)
            for r in records] == [(tired, 3, 3, 1, 2, 67), (sea, 1, 1, 0, 1, 100),
                                  (cut, 3, 0, 0, 0, None)]


def test_only_items_from_the_period_count_and_rules_without_hits_are_left_out(member, rules):
    sea, tired, _ = rules
    judged(raised(member, sea, days_ago=40), Verdict.TOO_HIGH)
    raised(member, tired, days_ago=3)

    records = feedback.rule_records(since=timezone.now() - timedelta(days=7))

    assert [(r.rule, r.hits, r.false_alarms) for r in records] == [(tired, 1, 0)]


# --- Turning a miss into a rule -------------------------------------------------------------


def test_suggested_rule_is_the_first_sentence_at_the_level_the_miss_implies(rules):
    cut = rules[2]

    assert feedback.suggested_rule(miss()) == {
        "pattern": "ive put the keys under the mat for my sister",
        "level": Risk.CONCERN, "topic": Topic.SUICIDE}
    assert feedback.suggested_rule(miss("Cut again, deeper.", Risk.CONCERN, [cut.pk])) == {
        "pattern": "cut again deeper", "level": Risk.URGENT, "topic": Topic.SELF_HARM}


@pytest.mark.parametrize("text, phrase", [
    ("...So. Tired, of it all!!", "so"),
    ("one two three four five six seven eight nine ten eleven twelve thirteen",
     "one two three four five six seven eight nine ten eleven twelve"),
    ("Nobody would notice\nif I went", "nobody would notice"),
    ("!!!", ""),
])
def test_suggested_phrase(text, phrase):
    assert feedback.suggested_phrase(text) == phrase


def test_a_miss_becomes_a_rule_that_screening_uses_at_once(admin_user, rules):
    missed = miss()
    assert screen(MISSED).risk == Risk.NONE

    rule = feedback.review_make_rule(review=missed, admin=admin_user,
                                     pattern="keys under the mat", level=Risk.CONCERN,
                                     topic=Topic.SUICIDE, explanation="affairs in order")

    assert (rule.level, rule.topic, rule.explanation) == (Risk.CONCERN, Topic.SUICIDE,
                                                          "affairs in order")
    assert screen(MISSED).risk == Risk.CONCERN
    assert feedback.rule_finds(rule, MISSED)
    missed.refresh_from_db()
    assert missed.outcome == Outcome.RULE and missed.outcome_at is not None
    action = ModerationAction.objects.get(verb=ModerationAction.Verb.RULE)
    assert (action.actor, action.target) == (admin_user, rule)


@pytest.mark.parametrize("pattern, level, message", [
    ("keys (under", Risk.CONCERN, "Cannot read the rule"),
    ("", Risk.CONCERN, "cannot be blank"),
    ("keys under the mat", CrisisPattern.Level.NOT_A_CRISIS, "urgent or concern"),
    ("the", Risk.CONCERN, "also find .* of the .* everyday texts"),
    ("i feel", Risk.CONCERN, "also find .* everyday texts in the evaluation set"),
])
def test_a_rule_that_cannot_be_used_is_refused(admin_user, rules, pattern, level, message):
    missed, rules_before = miss(), CrisisPattern.objects.count()

    with pytest.raises(ValidationError, match=message):
        feedback.review_make_rule(review=missed, admin=admin_user, pattern=pattern, level=level,
                                  topic=Topic.SUICIDE)

    assert CrisisPattern.objects.count() == rules_before
    missed.refresh_from_db()
    assert missed.outcome == ""


# --- Evaluation examples, setting aside, and who may ---------------------------------------


def test_a_miss_becomes_an_evaluation_example(admin_user):
    missed = miss()

    example = feedback.review_make_example(review=missed, admin=admin_user, level=Risk.URGENT,
                                           category=" goodbye ")

    assert (example.text, example.level, example.category, example.review,
            example.created_by) == (MISSED, Risk.URGENT, "goodbye", missed, admin_user)
    missed.refresh_from_db()
    assert missed.outcome == Outcome.EXAMPLE


def test_a_miss_can_be_set_aside_once(admin_user):
    missed = miss()

    feedback.review_set_aside(review=missed, admin=admin_user)

    assert not feedback.open_misses().exists()
    with pytest.raises(ValidationError, match="dealt with this miss already"):
        feedback.review_make_example(review=missed, admin=admin_user, level=Risk.URGENT,
                                     category="from-use")
    assert not EvaluationExample.objects.exists()


@pytest.mark.parametrize("act", [
    lambda review, by: feedback.review_make_rule(review=review, admin=by, pattern="keys",
                                                 level=Risk.URGENT, topic=Topic.SUICIDE),
    lambda review, by: feedback.review_make_example(review=review, admin=by, level=Risk.URGENT,
                                                    category="from-use"),
    lambda review, by: feedback.review_set_aside(review=review, admin=by),
])
def test_only_administrators_act_on_misses(moderator, act):
    missed = miss()

    with pytest.raises(PermissionDenied, match="Only administrators"):
        act(missed, moderator)

    missed.refresh_from_db()
    assert missed.outcome == ""


def test_acting_on_misses_has_a_write_limit(admin_user):
    WriteLimit.objects.filter(kind=WriteLimit.Kind.SCREENING).update(rate="1 per hour")
    feedback.review_set_aside(review=miss(), admin=admin_user)

    with pytest.raises(Refused, match="Please wait"):
        feedback.review_set_aside(review=miss(), admin=admin_user)


# --- The export -----------------------------------------------------------------------------


def test_examples_are_exported_with_nobody_identifiable(admin_user):
    UserFactory(username="robin")
    for text, level in [("Robin, ring me on 07700 900 123 or mail me@example.org", Risk.URGENT),
                        ("see www.example.org, @kit", Risk.NONE)]:
        feedback.review_make_example(review=miss(text), admin=admin_user, level=level,
                                     category="from-use")
    first, second = EvaluationExample.objects.values_list("pk", flat=True)

    assert list(feedback.example_rows()) == [
        [f"use-{first:04d}", "urgent", "from-use", "member",
         "[member], ring me on [phone] or mail [email]"],
        [f"use-{second:04d}", "none", "from-use", "member", "see [link], [member]"],
    ]


def test_a_cell_a_spreadsheet_would_run_is_exported_as_words(admin_user):
    feedback.review_make_example(review=miss("=HYPERLINK(1) -- please help"), admin=admin_user,
                                 level=Risk.URGENT, category="from-use")

    assert list(feedback.example_rows())[0][-1] == "'=HYPERLINK(1) -- please help"


def test_a_suggested_rule_names_nobody(rules):
    UserFactory(username="robin")

    assert feedback.suggested_rule(miss("robin text me on 07700 900 123 tonight"))["pattern"] \
        == "member text me on phone tonight"


def test_what_administrators_do_with_misses_is_in_the_audit_log(admin_user):
    added, put_aside = miss(), miss("Another one.")

    feedback.review_make_example(review=added, admin=admin_user, level=Risk.URGENT,
                                 category="from-use")
    feedback.review_set_aside(review=put_aside, admin=admin_user)

    assert list(ModerationAction.objects.filter(actor=admin_user).order_by("pk").values_list(
        "verb", "object_id")) == [(ModerationAction.Verb.EXAMPLE, added.pk),
                                  (ModerationAction.Verb.SET_ASIDE, put_aside.pk)]
