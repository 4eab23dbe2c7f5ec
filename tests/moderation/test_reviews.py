"""Moderators say whether screening rated an item right as they close it; a member's "someone
may be at risk" report on words screening saw no risk in is recorded as a miss."""


import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from community.content import Visibility
from community.models import Risk, SiteSettings, Topic
from forums.services import thread_create
from moderation import services
from moderation.models import (
    CrisisPattern,
    ModerationAction,
    Priority,
    QueueItem,
    ReportReason,
    ScreeningReview,
)
from moderation.screening import Match, screen
from moderation.services import flag_content, presence_touch, report_create, screening_flag
from tests.factories import CategoryFactory, UserFactory
from tests.moderatable.models import Note

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unlimited_writes", "rules_alone")]

Verdict = ScreeningReview.Verdict
# Each way a moderator closes an item, with what else it needs.
CLOSINGS = {
    "approve": lambda item, by, **verdict: services.content_approve(
        item=item, moderator=by, **verdict),
    "dismiss": lambda item, by, **verdict: services.reports_dismiss(
        item=item, moderator=by, **verdict),
    "hide": lambda item, by, **verdict: services.content_hide(
        item=item, moderator=by, reason="Upsetting", **verdict),
    "edit": lambda item, by, **verdict: services.content_edit(
        item=item, moderator=by, text="Kinder words", reason="Tone", **verdict),
    "clear": lambda item, by, **verdict: services.content_clear(
        item=item, moderator=by, reason="Tone", **verdict),
}


@pytest.fixture
def rules(db):
    """Rules of the tests' own, so changes to the shipped rules do not move these tests."""
    CrisisPattern.objects.update(is_active=False)
    make = CrisisPattern.objects.create
    return {
        "urgent": make(pattern="walk into the sea", level=Risk.URGENT, topic=Topic.SUICIDE),
        "concern": make(pattern="so tired of everything", level=Risk.CONCERN,
                        topic=Topic.SUICIDE),
        "warning": make(pattern="the funeral", level=CrisisPattern.Level.WARNING,
                        topic=Topic.BEREAVEMENT),
    }


def note_by(member, body: str, visibility=Visibility.PUBLISHED) -> Note:
    return Note.objects.create(author=member, body=body, visibility=visibility)


def screened(note: Note) -> QueueItem:
    """The note's queue item, opened by screening as the submission path does."""
    return screening_flag(content=note, screening=screen(note.body))


def match(rule: CrisisPattern, *, negated: bool = False) -> dict:
    return Match("crisis", rule.pk, rule.pattern, rule.level, rule.topic,
                 negated=negated).record()


@pytest.mark.parametrize("closing", CLOSINGS)
def test_closing_a_screened_item_needs_a_verdict(member, moderator, rules, closing):
    item = screened(note_by(member, "Tonight I will walk into the sea."))

    with pytest.raises(ValidationError, match="right, too high or too low"):
        CLOSINGS[closing](item, moderator)
    with pytest.raises(ValidationError, match="right, too high or too low"):
        CLOSINGS[closing](item, moderator, verdict="maybe")

    assert not ScreeningReview.objects.exists()
    assert QueueItem.objects.get(pk=item.pk).status == QueueItem.Status.OPEN


@pytest.mark.parametrize("closing", ["dismiss", "hide"])
def test_verdict_is_recorded_with_the_words_rating_and_rules(member, moderator, rules, closing):
    note = note_by(member, "So tired of everything. Tonight I will walk into the sea.")
    item = screened(note)

    CLOSINGS[closing](item, moderator, verdict=Verdict.TOO_HIGH)

    review = ScreeningReview.objects.get()
    assert (review.item, review.source, review.verdict, review.rated, review.reviewer) == (
        item, ScreeningReview.Source.MODERATOR, Verdict.TOO_HIGH, Risk.URGENT, moderator)
    assert review.text == note.body
    assert sorted(review.rule_ids) == sorted([rules["urgent"].pk, rules["concern"].pk])
    assert review.outcome == ""
    closed = ModerationAction.objects.filter(item=item).latest("pk")
    assert closed.reason.endswith("Screening's rating: too high (a false alarm)")


def test_approving_held_words_records_the_verdict(member, moderator, rules):
    item = screened(note_by(member, "so tired of everything", visibility=Visibility.HELD))

    services.content_approve(item=item, moderator=moderator, verdict=Verdict.RIGHT)

    assert ScreeningReview.objects.get().verdict == Verdict.RIGHT


def test_a_negated_urgent_match_was_rated_concern(member, moderator, rules):
    note = note_by(member, "I won't walk into the sea.")
    item = flag_content(content=note, source=QueueItem.Source.CRISIS, priority=Priority.NORMAL,
                        reason="Crisis language: concern",
                        matches=[match(rules["urgent"], negated=True)])

    services.reports_dismiss(item=item, moderator=moderator, verdict=Verdict.RIGHT)

    assert ScreeningReview.objects.get().rated == Risk.CONCERN


def test_the_words_are_kept_as_they_were_before_an_edit(member, moderator, rules):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    presence_touch(moderator=moderator)  # on duty, so urgent words are published
    post = thread_create(author=member, category=CategoryFactory(), title="Tonight",
                         body="Tonight I will walk into the sea.").post
    item = QueueItem.objects.get(object_id=post.pk, content_type__model="post")

    services.content_edit(item=item, moderator=moderator, text="Tonight is hard.",
                          reason="Method detail", verdict=Verdict.RIGHT)

    assert ScreeningReview.objects.get().text == "Tonight I will walk into the sea."


def test_items_screening_did_not_raise_ask_no_verdict(member, moderator, rules):
    note = note_by(member, "You are all idiots.")
    item = report_create(reporter=UserFactory(), content=note, reason=ReportReason.UNKIND).item

    services.content_hide(item=item, moderator=moderator, reason="Unkind")

    assert not ScreeningReview.objects.exists()


def test_crisis_words_in_a_reporters_note_are_not_a_rating_of_the_content(member, moderator,
                                                                          rules):
    note = note_by(member, "You are all idiots.")
    item = report_create(reporter=UserFactory(), content=note, reason=ReportReason.UNKIND,
                         note="This made me so tired of everything").item
    assert item.matches and item.matches[0]["in_note"]

    services.reports_dismiss(item=item, moderator=moderator)

    assert not ScreeningReview.objects.exists()


# --- Misses from members' reports -----------------------------------------------------------


def test_an_at_risk_report_on_words_screening_rated_none_is_a_miss(member, rules):
    note = note_by(member, "I've given the cat to my neighbour and written my letters.")
    reporter = UserFactory()

    item = report_create(reporter=reporter, content=note, reason=ReportReason.AT_RISK).item

    review = ScreeningReview.objects.get()
    assert (review.item, review.source, review.verdict, review.rated, review.reviewer) == (
        item, ScreeningReview.Source.REPORT, Verdict.TOO_LOW, Risk.NONE, reporter)
    assert review.text == note.body


def test_a_miss_names_the_rules_that_matched_without_rating_a_risk(member, rules):
    note = note_by(member, "After the funeral I gave all my things away.")

    report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK)

    assert ScreeningReview.objects.get().rule_ids == [rules["warning"].pk]


def test_several_reports_of_the_same_words_make_one_miss(member, moderator, rules):
    note = note_by(member, "I've given the cat to my neighbour and written my letters.")
    first = report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK)
    report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK)
    services.reports_dismiss(item=first.item, moderator=moderator)

    report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK)

    assert ScreeningReview.objects.count() == 1


@pytest.mark.parametrize("reason, body", [
    (ReportReason.AT_RISK, "So tired of everything."),  # screening saw the risk
    (ReportReason.UNKIND, "I've given the cat to my neighbour."),  # not about risk
])
def test_other_reports_are_not_misses(member, rules, reason, body):
    report_create(reporter=UserFactory(), content=note_by(member, body), reason=reason)

    assert not ScreeningReview.objects.exists()


# --- Through the item page ------------------------------------------------------------------


def test_item_page_asks_about_screening_only_for_items_it_raised(client, member, moderator,
                                                                 rules):
    raised = screened(note_by(member, "Tonight I will walk into the sea."))
    reported = report_create(reporter=UserFactory(), content=note_by(member, "Idiots."),
                             reason=ReportReason.UNKIND).item
    client.force_login(moderator)

    forms = client.get(reverse("moderation:item", args=[raised.pk])).context["forms"]
    assert {slug for slug in forms if "verdict" in forms[slug].fields} == {"dismiss", "hide"}
    page = client.get(reverse("moderation:item", args=[reported.pk]))
    assert "Was screening's rating right?" not in page.content.decode()


def test_closing_without_a_verdict_keeps_the_item_open_and_says_why(client, member, moderator,
                                                                     rules):
    item = screened(note_by(member, "Tonight I will walk into the sea."))
    client.force_login(moderator)

    response = client.post(reverse("moderation:act", args=[item.pk, "hide"]),
                           {"reason": "Method detail"})

    assert "right, too high or too low" in response.content.decode()
    assert response.context["forms"]["hide"]["reason"].value() == "Method detail"
    assert QueueItem.objects.get(pk=item.pk).status == QueueItem.Status.OPEN


def test_a_moderator_marks_a_false_alarm_from_the_item_page(client, member, moderator, rules):
    item = screened(note_by(member, "Tonight I will walk into the sea."))
    client.force_login(moderator)

    response = client.post(reverse("moderation:act", args=[item.pk, "dismiss"]),
                           {"verdict": Verdict.TOO_HIGH})

    assert response.status_code == 302
    review = ScreeningReview.objects.get()
    assert (review.verdict, review.rule_ids) == (Verdict.TOO_HIGH, [rules["urgent"].pk])
