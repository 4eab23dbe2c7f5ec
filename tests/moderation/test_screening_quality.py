"""Screening's quality on the development part of the evaluation set, held to floors so a
rule change cannot quietly make it worse. The held-out part is only ever measured, by
bench/screening_quality.py; the figures and their limits are in the README."""

import pytest

from moderation.screening import screen
from moderation.screening.corpus import LEVELS, PARTS, evaluate, examples

pytestmark = pytest.mark.django_db

# Just under what the default rules reach on the development part; raise them as the
# rules improve, never lower them to let a change through.
URGENT_RECALL = 0.97
ANY_RISK_RECALL = 0.96
MOST_NONE_RATED_CONCERN = 0.065


@pytest.fixture(scope="module")
def quality(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return evaluate(examples("dev"), lambda text: screen(text, kind="message").risk)


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


def test_urgent_texts_are_found(quality):
    assert quality.recall("urgent") >= URGENT_RECALL


def test_texts_at_any_risk_are_found(quality):
    assert quality.any_risk_recall >= ANY_RISK_RECALL


def test_no_everyday_text_is_rated_urgent(quality):
    assert [r.example.text for r in quality.rated
            if r.example.level == "none" and r.rating == "urgent"] == []


def test_few_everyday_texts_are_rated_concern(quality):
    assert quality.none_rated("concern") <= MOST_NONE_RATED_CONCERN
