"""The statistical tier: built from the evaluation set, read without scikit-learn, and only
ever raising what the rules found (on unless SCREENING_MODEL is switched off)."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from moderation.screening import model, rules, screen
from moderation.screening.corpus import examples
from moderation.screening.normalise import normalise

pytestmark = pytest.mark.django_db


@pytest.fixture
def switched_on():
    with override_settings(SCREENING_MODEL=True):
        model.weights.cache_clear()
        yield
    model.weights.cache_clear()


def test_the_model_can_be_switched_off():
    with override_settings(SCREENING_MODEL=False):
        model.weights.cache_clear()
        assert model.weights() is None
        assert not any(m.source == "model"
                       for m in screen("everyone would get on fine without me",
                                       kind="message").matches)
    model.weights.cache_clear()


def test_a_built_model_sorts_the_texts_it_learned_from(tmp_path, monkeypatch, switched_on):
    pytest.importorskip("sklearn")
    monkeypatch.setattr(model, "WEIGHTS", tmp_path / "model.json")

    call_command("build_screening_model")

    weights, words = model.weights(), rules.current_rules().crisis.words
    texts = examples("dev")
    right = sum(
        max((chances := model.probabilities(normalise(e.text, words), weights)),
            key=chances.get) == e.level
        for e in texts)
    assert right / len(texts) > 0.9, "the weights are read as they were trained"


def test_the_model_raises_what_the_rules_missed_and_says_so(switched_on):
    with override_settings(SCREENING_MODEL=False):
        model.weights.cache_clear()
        missed = [e for e in examples("dev")
                  if e.level != "none" and screen(e.text, kind="message").risk == "none"]
    model.weights.cache_clear()
    raised = [(e, screening) for e in missed
              if (screening := screen(e.text, kind="message")).risk != "none"]

    assert len(raised) > len(missed) / 2, "the model finds most of what the rules miss"
    assert {screening.risk for _, screening in raised} == {"concern", "urgent"}
    for _, screening in raised:
        [found] = [m for m in screening.matches if m.source == "model"]
        assert "statistical check" in found.explanation
        sure = int(found.explanation.rsplit(" ", 2)[-2].rstrip("%")) / 100
        assert sure >= (model.URGENT_FROM_NONE if screening.risk == "urgent"
                        else model.CONCERN_FROM_NONE) - 0.005


def test_the_model_never_lowers_what_the_rules_found(switched_on):
    screening = screen("I'm going to kill myself tonight", kind="message")
    assert screening.risk == "urgent"
    assert not any(m.source == "model" for m in screening.matches)
