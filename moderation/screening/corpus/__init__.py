"""The screening evaluation set: texts written in members' voices, labelled as a moderator would.

`examples("dev")` is the part rules may be written from; `examples("heldout")`
is only ever measured (see README.md beside this file). `evaluate()` turns a
rating function into the figures `bench/screening_quality.py` prints and the
quality test holds.
"""

import csv
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEVELS = ("urgent", "concern", "none")
PARTS = ("dev", "heldout")
FIELDS = ("id", "level", "category", "voice", "text")
RANK = {"none": 0, "concern": 1, "urgent": 2}


@dataclass(frozen=True)
class Example:
    id: str
    level: str
    category: str
    voice: str
    text: str


@cache
def examples(part: str) -> tuple[Example, ...]:
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    with open(HERE / f"{part}.csv", newline="", encoding="utf-8") as file:
        return tuple(Example(**row) for row in csv.DictReader(file))


@dataclass(frozen=True)
class Rated:
    example: Example
    rating: str


@dataclass(frozen=True)
class Quality:
    """What a rating function made of a set of examples."""

    rated: tuple[Rated, ...]

    def _share(self, wanted: Callable[[Rated], bool], among: Callable[[Rated], bool]) -> float:
        pool = [r for r in self.rated if among(r)]
        return sum(map(wanted, pool)) / len(pool) if pool else 1.0

    def recall(self, level: str) -> float:
        """Of the texts labelled `level`, the share rated at least that serious."""
        return self._share(lambda r: RANK[r.rating] >= RANK[level],
                           lambda r: r.example.level == level)

    def exact_recall(self, level: str) -> float:
        return self._share(lambda r: r.rating == level, lambda r: r.example.level == level)

    def precision(self, level: str) -> float:
        """Of the texts rated `level`, the share labelled that."""
        return self._share(lambda r: r.example.level == level, lambda r: r.rating == level)

    @property
    def any_risk_recall(self) -> float:
        """Of the urgent and concern texts, the share rated concern or urgent."""
        return self._share(lambda r: r.rating != "none", lambda r: r.example.level != "none")

    def none_rated(self, level: str) -> float:
        return self._share(lambda r: r.rating == level, lambda r: r.example.level == "none")

    def by_category(self) -> dict[tuple[str, str], tuple[int, int]]:
        """(level, category) -> (rated right, count); right is "at least as serious" for
        risky texts and "none" for the rest."""
        counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for r in self.rated:
            tally = counts[(r.example.level, r.example.category)]
            tally[0] += _is_right(r)
            tally[1] += 1
        return {key: (right, total) for key, (right, total) in sorted(counts.items())}

    def confusion(self) -> Counter:
        return Counter((r.example.level, r.rating) for r in self.rated)

    def misses(self) -> list[Rated]:
        return [r for r in self.rated if not _is_right(r)]


def _is_right(rated: Rated) -> bool:
    if rated.example.level == "none":
        return rated.rating == "none"
    return RANK[rated.rating] >= RANK[rated.example.level]


def evaluate(items: Iterable[Example], rate: Callable[[str], str]) -> Quality:
    return Quality(tuple(Rated(example, rate(example.text)) for example in items))
