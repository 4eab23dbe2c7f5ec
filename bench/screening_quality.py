"""How well screening finds crisis language, measured on the project's own evaluation set.

Run with `.venv/bin/python bench/screening_quality.py` (the held-out part) or
`... --part dev`. Prints recall and precision per level and per category, the
everyday texts rated urgent, every miss, the goals of issue 10 met or not, and
how long screen() takes over a 500-character message, all in this one run,
for the rules alone and for the rules with the statistical tier (the setting
SCREENING_MODEL switches it on and off), side by side.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.test import override_settings  # noqa: E402
from screening import (  # noqa: E402  (sets Django up)
    GOAL_MICROSECONDS,
    call_command,
    chat_speed,
    screen,
)

from moderation.screening import model  # noqa: E402
from moderation.screening.corpus import LEVELS, Quality, evaluate, examples  # noqa: E402

# What the held-out part must show (issue 10).
GOALS = {"urgent recall": 0.95, "any-risk recall": 0.97}
MOST_NONE_RATED_CONCERN = 0.05
SHOWN = 110  # characters of each missed text printed


def rating(text: str) -> str:
    return screen(text, kind="message").risk


def report(quality: Quality, title: str) -> None:
    print(f"\n== {title}: {len(quality.rated)} texts ==")
    print(f"{'label':10}{'texts':>7}{'recall':>9}{'exact':>8}{'precision':>11}")
    for level in LEVELS:
        count = sum(r.example.level == level for r in quality.rated)
        print(f"{level:10}{count:7}{quality.recall(level):9.3f}{quality.exact_recall(level):8.3f}"
              f"{quality.precision(level):11.3f}")
    print("(recall: rated at least as serious as the label; exact: rated the label itself)")
    confusion = quality.confusion()
    print("\nlabel -> rating    " + "".join(f"{level:>9}" for level in LEVELS))
    for label in LEVELS:
        print(f"{label:19}" + "".join(f"{confusion[(label, r)]:9}" for r in LEVELS))
    print(f"\n{'level':9}{'category':22}{'right':>7}{'of':>5}{'share':>8}")
    for (level, category), (right, total) in quality.by_category().items():
        print(f"{level:9}{category:22}{right:7}{total:5}{right / total:8.2f}")
    idioms = [r for r in quality.rated if r.example.level == "none" and r.rating == "urgent"]
    print(f"\nEveryday texts rated urgent: {len(idioms)}")
    for r in idioms:
        print(f"  [{r.example.id} {r.example.category}] {_short(r.example.text)}")
    misses = quality.misses()
    print(f"\nMisses ({len(misses)}): label -> rating")
    for r in misses:
        print(f"  [{r.example.id} {r.example.level}/{r.example.category} -> {r.rating}] "
              f"{_short(r.example.text)}")


def goals(quality: Quality, microseconds: float) -> None:
    figures = {"urgent recall": quality.recall("urgent"),
               "any-risk recall": quality.any_risk_recall}
    print("\nGoals:")
    for name, floor in GOALS.items():
        print(f"  {name} {figures[name]:.3f} (at least {floor}): {_met(figures[name] >= floor)}")
    urgent = quality.none_rated("urgent")
    concern = quality.none_rated("concern")
    print(f"  'none' texts rated urgent {urgent:.3f} (none at all): {_met(urgent == 0)}")
    print(f"  'none' texts rated concern {concern:.3f} (at most {MOST_NONE_RATED_CONCERN}): "
          f"{_met(concern <= MOST_NONE_RATED_CONCERN)}")
    print(f"  screen() over a 500-character message {microseconds:.1f} us (under "
          f"{GOAL_MICROSECONDS}): {_met(microseconds < GOAL_MICROSECONDS)}")


def _met(is_met: bool) -> str:
    return "met" if is_met else "NOT met"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["heldout", "dev"], default="heldout")
    arguments = parser.parse_args()
    call_command("migrate", verbosity=0)
    texts = examples(arguments.part)
    for title, switched_on in (("Rules alone", False), ("Rules and the statistical tier", True)):
        with override_settings(SCREENING_MODEL=switched_on):
            model.weights.cache_clear()
            quality = evaluate(texts, rating)
            report(quality, f"{title}, {arguments.part} part")
            goals(quality, chat_speed())
    model.weights.cache_clear()


if __name__ == "__main__":
    main()
