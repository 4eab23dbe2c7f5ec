"""Screening's quality on the development part of the evaluation set, held to floors so a
rule change cannot quietly make it worse. The held-out part is only ever measured, by
bench/screening_quality.py; the figures and their limits are in the README."""

import pytest
from django.test import override_settings

from moderation.screening import model, screen
from moderation.screening.corpus import LEVELS, PARTS, evaluate, examples

pytestmark = pytest.mark.django_db

# Just under what screening reaches on the development part, with the statistical tier as it
# runs on the site and with the rules alone (so a worse rule cannot hide behind the model);
# raise them as screening improves, never lower them to let a change through (they were last
# set when the third batch made the part larger and harder). Jokes, stories, denials and
# supportive replies full of crisis words are still sometimes rated urgent by the rules.
URGENT_RECALL = 0.89
ANY_RISK_RECALL = 0.94
RULES_URGENT_RECALL = 0.685
RULES_ANY_RISK_RECALL = 0.68
MOST_NONE_RATED_URGENT = 0.012
MOST_NONE_RATED_CONCERN = 0.086


def _quality(django_db_blocker, model_on: bool):
    with django_db_blocker.unblock(), override_settings(SCREENING_MODEL=model_on):
        model.weights.cache_clear()
        try:
            return evaluate(examples("dev"), lambda text: screen(text, kind="message").risk)
        finally:
            model.weights.cache_clear()


@pytest.fixture(scope="module")
def quality(django_db_setup, django_db_blocker):
    return _quality(django_db_blocker, model_on=True)


@pytest.fixture(scope="module")
def rules_quality(django_db_setup, django_db_blocker):
    return _quality(django_db_blocker, model_on=False)


def test_the_evaluation_set_is_large_labelled_and_split_once():
    development, held_out = examples("dev"), examples("heldout")
    texts = [example.text for example in development + held_out]

    assert len(texts) >= 1500
    assert len(set(texts)) == len(texts), "a text is in the set twice"
    assert {example.level for example in development + held_out} == set(LEVELS)
    assert 0.25 <= len(held_out) / len(texts) <= 0.35
    assert {(e.level, e.category) for e in held_out} == {(e.level, e.category)
                                                       for e in development}
    assert set(PARTS) == {"dev", "heldout"}


def test_urgent_texts_are_found(quality, rules_quality):
    assert quality.recall("urgent") >= URGENT_RECALL
    assert rules_quality.recall("urgent") >= RULES_URGENT_RECALL


def test_texts_at_any_risk_are_found(quality, rules_quality):
    assert quality.any_risk_recall >= ANY_RISK_RECALL
    assert rules_quality.any_risk_recall >= RULES_ANY_RISK_RECALL


def test_hardly_any_everyday_text_is_rated_urgent(quality):
    assert quality.none_rated("urgent") <= MOST_NONE_RATED_URGENT


def test_few_everyday_texts_are_rated_concern(quality):
    assert quality.none_rated("concern") <= MOST_NONE_RATED_CONCERN
