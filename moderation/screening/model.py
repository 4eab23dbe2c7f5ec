"""The statistical tier: a small word model that can raise what the rules found, never lower it.

It is logistic regression over the words and word pairs of the normalised
text (so spelling tricks are undone as for the rules), trained on the
development part of the evaluation set by `manage.py build_screening_model`,
which needs scikit-learn; running it needs nothing but this module and the
weights file, loaded once per process. README.md ("How well screening works")
says what it adds.
"""

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise
from pathlib import Path

from django.conf import settings

WEIGHTS = Path(__file__).resolve().parent / "model.json"
LEVELS = ("none", "concern", "urgent")
# How sure the model must be to raise a rating: concern to urgent, nothing found to urgent, and
# nothing found to concern. Chosen by five-fold cross-validation on the development part as
# the highest recall that rates no more everyday texts urgent than the rules alone and at
# most 3 % more of them concern (README, "How well screening works").
URGENT_FROM_CONCERN = 0.8
URGENT_FROM_NONE = 0.9
CONCERN_FROM_NONE = 0.8
# A short line holds too few words for the model to judge: "I want it to stop raining" is
# one strong word from a crisis. Below this many words, the rules alone decide.
FEWEST_WORDS = 10


@dataclass(frozen=True)
class Weights:
    # word, or (word, next word) -> (idf, idf × weight for none, concern, urgent)
    terms: dict[str | tuple[str, str], tuple[float, float, float, float]]
    intercepts: tuple[float, float, float]


@cache
def weights() -> Weights | None:
    """The trained weights, or None where the model is switched off or not built."""
    if not settings.SCREENING_MODEL or not WEIGHTS.exists():
        return None
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    terms = {}
    for term, (idf, *levels) in data["terms"].items():
        key = tuple(term.split(" ")) if " " in term else term
        terms[key] = (idf, *(idf * weight for weight in levels))
    return Weights(terms, tuple(data["intercepts"]))


def terms_of(tokens: list[str]) -> list[str]:
    """Words and pairs of neighbouring words, as the model was trained on them."""
    return [*tokens, *(f"{first} {second}" for first, second in pairwise(tokens))]


def probabilities(tokens: list[str], model: Weights) -> dict[str, float]:
    """Each level's probability: sublinear tf-idf scaled to unit length, as scikit-learn's
    TfidfVectorizer makes it, then the trained logistic regression."""
    terms = model.terms
    counts = Counter(term for term in chain(tokens, pairwise(tokens)) if term in terms)
    none, concern, urgent = model.intercepts
    sum_none = sum_concern = sum_urgent = length = 0.0
    for term, count in counts.items():
        idf, weight_none, weight_concern, weight_urgent = terms[term]
        tf = 1.0 if count == 1 else 1.0 + math.log(count)
        sum_none += tf * weight_none
        sum_concern += tf * weight_concern
        sum_urgent += tf * weight_urgent
        length += (tf * idf) ** 2
    if length:
        length = math.sqrt(length)
        none, concern, urgent = (none + sum_none / length, concern + sum_concern / length,
                                 urgent + sum_urgent / length)
    top = max(none, concern, urgent)
    exps = [math.exp(none - top), math.exp(concern - top), math.exp(urgent - top)]
    total = sum(exps)
    return {level: value / total for level, value in zip(LEVELS, exps, strict=True)}


def raised(risk: str, tokens: list[str]) -> tuple[str, float]:
    """The risk the model raises `risk` to, and how sure it is; (risk, 0) when it does not."""
    model = weights()
    if model is None or risk == "urgent" or len(tokens) < FEWEST_WORDS:
        return risk, 0.0
    chances = probabilities(tokens, model)
    urgent_from = URGENT_FROM_CONCERN if risk == "concern" else URGENT_FROM_NONE
    if chances["urgent"] >= urgent_from:
        return "urgent", chances["urgent"]
    at_risk = chances["concern"] + chances["urgent"]
    if risk == "none" and at_risk >= CONCERN_FROM_NONE:
        return "concern", at_risk
    return risk, 0.0
