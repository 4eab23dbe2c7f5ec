"""The statistical tier: built from the evaluation set, read without scikit-learn, and only
ever raising what the rules found (it is off unless SCREENING_MODEL is set)."""

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


def test_the_model_is_off_unless_switched_on():
    assert model.weights() is None
    assert not any(m.source == "model" for m in screen("I feel so alone", kind="message").matches)


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
    raised = []
    with override_settings(SCREENING_MODEL=False):
        model.weights.cache_clear()
        missed = [e.text for e in examples("dev")
                  if e.level == "concern" and screen(e.text, kind="message").risk == "none"]
    model.weights.cache_clear()
    for text in missed:
        screening = screen(text, kind="message")
        if screening.risk != "none":
            raised.append(screening)

    assert raised, "the model finds some concern the rules miss"
    for screening in raised:
        assert screening.risk == "concern", "the model alone never makes a text urgent"
        assert any(m.source == "model" and "statistical check" in m.explanation
                   for m in screening.matches)
