"""Outcome figures for the organisation: how members' wellbeing answers changed between
their first check-in and their latest, per group, with small groups hidden. Pure: no
database, no SciPy; wellbeing.selectors.outcome_report feeds it."""

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from statistics import fmean, stdev

from wellbeing.questions import MEASURE_NAMES, Loneliness, Measure

# A group with fewer people than this gives no figures at all: with so few, a member's
# own answers could be worked out, and the figures would mean little anyway.
FEWEST_SHOWN = 10
FEWER_THAN_10 = "fewer than 10 people"
# Hidden beside a small group, so its figures cannot be worked out by subtracting the
# other groups from the total.
HIDES_A_SMALL_GROUP = "hidden so that a smaller group's figures cannot be worked out"
NOT_KNOWN = "Not known"
EVERYONE = "Everyone"

# Measures where a fall is the improvement.
LOWER_IS_BETTER = frozenset({Measure.ANXIETY})
LONELINESS_ORDER = [Loneliness.OFTEN, Loneliness.SOME, Loneliness.OCCASIONALLY,
                    Loneliness.HARDLY_EVER, Loneliness.NEVER]

# Student's t, 97.5th percentile (two-sided 95 %), degrees of freedom 1 to 30.
T_975 = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
         2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
         2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423]
Z_975 = 1.959963984540054


def t_975(df: int) -> float:
    """The t distribution's 0.975 quantile: from the table up to 30 degrees of freedom,
    beyond by the Cornish-Fisher series around the normal quantile (off by less than
    0.0001 there)."""
    if df < 1:
        raise ValueError("The t distribution needs at least one degree of freedom.")
    if df <= len(T_975):
        return T_975[df - 1]
    z, v = Z_975, float(df)
    return (z
            + (z**3 + z) / (4 * v)
            + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
            + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4))


@dataclass(frozen=True)
class MeasureChange:
    """One measure's change for one group: latest answer minus first, averaged over the
    people, with a 95 % confidence interval. Suppressed groups carry no figures."""

    measure: str
    cohort: str
    n: int | None = None
    mean: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    suppressed: bool = False
    reason: str = ""

    @property
    def name(self) -> str:
        return MEASURE_NAMES[Measure(self.measure)]

    @property
    def is_lower_better(self) -> bool:
        return self.measure in LOWER_IS_BETTER

    @property
    def is_better_on_average(self) -> bool | None:
        """Whether the average moved the good way (down for anxiety); None if no change."""
        if self.suppressed or not self.mean:
            return None
        return (self.mean < 0) == self.is_lower_better

    @property
    def improved(self) -> bool | None:
        """True if the whole interval lies on the better side of no change, False if on the
        worse side, None if it includes no change (or the figures are hidden)."""
        if self.suppressed or self.ci_low is None:
            return None
        better_low, better_high = ((-self.ci_high, -self.ci_low) if self.is_lower_better
                                   else (self.ci_low, self.ci_high))
        if better_low > 0:
            return True
        if better_high < 0:
            return False
        return None

    @property
    def sentence(self) -> str:
        """What the figures say, in plain words, for the page and the annual report."""
        if self.suppressed:
            return f"{self.name}: not shown, {self.reason}."
        direction = "fell" if self.mean < 0 else "rose" if self.mean > 0 else "did not change"
        amount = f" by {abs(self.mean):.1f} points on average" if self.mean else " on average"
        better = "a fall is better" if self.is_lower_better else "a rise is better"
        verdict = {True: "This is an improvement.",
                   False: "This is a worsening.",
                   None: "We cannot be sure it changed: the interval includes no change."}
        return (f"{self.name} {direction}{amount} among {self.n} people ({better}; "
                f"95% interval {self.ci_low:+.1f} to {self.ci_high:+.1f}). "
                f"{verdict[self.improved]}")


@dataclass(frozen=True)
class LonelinessChange:
    """How many people's loneliness answer moved toward "Never", stayed, or moved away."""

    cohort: str
    n: int | None = None
    toward_never: int | None = None
    same: int | None = None
    away: int | None = None
    suppressed: bool = False
    reason: str = ""

    @property
    def share_toward_never(self) -> float | None:
        return None if self.suppressed else self.toward_never / self.n

    @property
    def share_away(self) -> float | None:
        return None if self.suppressed else self.away / self.n

    @property
    def sentence(self) -> str:
        if self.suppressed:
            return f"Loneliness: not shown, {self.reason}."
        return (f"Of {self.n} people, {self.toward_never} felt lonely less often at their "
                f"latest check-in than at their first, {self.same} the same, and "
                f"{self.away} more often.")


@dataclass(frozen=True)
class CohortOutcome:
    """One group's figures; `n` (people in the group) is None when the group is hidden."""

    cohort: str
    n: int | None
    measures: list[MeasureChange]
    loneliness: LonelinessChange

    @property
    def suppressed(self) -> bool:
        return self.loneliness.suppressed


@dataclass(frozen=True)
class OutcomeRow:
    """One person (a member, or an anonymised series): their group, and their first and
    latest answers (each a mapping of measure to score, and "loneliness")."""

    key: object
    cohort: str
    first: Mapping
    latest: Mapping


@dataclass(frozen=True)
class OutcomeReport:
    everyone: CohortOutcome
    cohorts: list[CohortOutcome] = field(default_factory=list)


def measure_change(changes: list[float], *, measure: str, cohort: str) -> MeasureChange:
    """Mean change with a t interval; hidden below FEWEST_SHOWN people."""
    n = len(changes)
    if n < FEWEST_SHOWN:
        return MeasureChange(measure, cohort, suppressed=True, reason=FEWER_THAN_10)
    mean = fmean(changes)
    half = t_975(n - 1) * stdev(changes) / math.sqrt(n)
    return MeasureChange(measure, cohort, n=n, mean=mean, ci_low=mean - half,
                         ci_high=mean + half)


def loneliness_change(pairs: list[tuple[str, str]], *, cohort: str) -> LonelinessChange:
    """`pairs` of (first, latest) answers; hidden below FEWEST_SHOWN people."""
    if len(pairs) < FEWEST_SHOWN:
        return LonelinessChange(cohort, suppressed=True, reason=FEWER_THAN_10)
    moves = [LONELINESS_ORDER.index(latest) - LONELINESS_ORDER.index(first)
             for first, latest in pairs]
    return LonelinessChange(cohort, n=len(moves), toward_never=sum(m > 0 for m in moves),
                            same=sum(m == 0 for m in moves), away=sum(m < 0 for m in moves))


def cohort_outcome(rows: list[OutcomeRow], cohort: str) -> CohortOutcome:
    measures = []
    for measure in Measure.values:
        changes = [row.latest[measure] - row.first[measure] for row in rows
                   if row.first.get(measure) is not None
                   and row.latest.get(measure) is not None]
        measures.append(measure_change(changes, measure=measure, cohort=cohort))
    pairs = [(row.first["loneliness"], row.latest["loneliness"]) for row in rows
             if row.first.get("loneliness") and row.latest.get("loneliness")]
    n = len(rows) if len(rows) >= FEWEST_SHOWN else None
    return CohortOutcome(cohort, n, measures, loneliness_change(pairs, cohort=cohort))


def _hidden(outcome: CohortOutcome, reason: str) -> CohortOutcome:
    return CohortOutcome(
        outcome.cohort, None,
        [MeasureChange(m.measure, m.cohort, suppressed=True, reason=reason)
         for m in outcome.measures],
        LonelinessChange(outcome.cohort, suppressed=True, reason=reason))


def outcome_report(rows: Iterable[OutcomeRow], *, order: list[str] | None = None
                   ) -> OutcomeReport:
    """Everyone's figures and each group's, in `order` (other groups after, by name;
    "Not known" last). While the groups hidden as small hold fewer than 10 people between
    them, the smallest shown group is hidden too: otherwise everyone's figures minus the
    shown groups' would give the small groups away."""
    rows = list(rows)
    by_cohort: dict[str, list[OutcomeRow]] = {}
    for row in rows:
        by_cohort.setdefault(row.cohort, []).append(row)
    rank = {label: i for i, label in enumerate(order or [])}
    labels = sorted(by_cohort, key=lambda label: (
        label == NOT_KNOWN, rank.get(label, len(rank)), label))
    cohorts = [cohort_outcome(by_cohort[label], label) for label in labels]
    sizes = {label: len(by_cohort[label]) for label in labels}
    hidden = sum(size for size in sizes.values() if size < FEWEST_SHOWN)
    shown = sorted((label for label in labels if sizes[label] >= FEWEST_SHOWN),
                   key=sizes.get)
    hide_too = set()
    while 0 < hidden < FEWEST_SHOWN and shown:
        label = shown.pop(0)
        hide_too.add(label)
        hidden += sizes[label]
    cohorts = [_hidden(c, HIDES_A_SMALL_GROUP) if c.cohort in hide_too else c
               for c in cohorts]
    if len(cohorts) == 1:  # one group is everyone: no need to show it twice
        cohorts = []
    return OutcomeReport(cohort_outcome(rows, EVERYONE), cohorts)


CSV_COLUMNS = ["Measure", "Group", "People", "Mean change", "95% interval low",
               "95% interval high", "Moved toward Never", "No change", "Moved away"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def csv_cell(value) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading
    apostrophe. Plain numbers, negative ones too, are left as they are."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return f"'{text}"
    return text


def csv_rows(report: OutcomeReport) -> list[list[str]]:
    """The report as rows for csv.writer, after CSV_COLUMNS: each measure then loneliness,
    for everyone and then each group; hidden figures say why."""
    rows = []
    for outcome in [report.everyone, *report.cohorts]:
        for m in outcome.measures:
            if m.suppressed:
                cells = [m.name, outcome.cohort, f"suppressed: {m.reason}"]
            else:
                cells = [m.name, outcome.cohort, m.n, f"{m.mean:.2f}", f"{m.ci_low:.2f}",
                         f"{m.ci_high:.2f}"]
            rows.append(cells)
        lonely = outcome.loneliness
        if lonely.suppressed:
            rows.append(["Loneliness", outcome.cohort, f"suppressed: {lonely.reason}"])
        else:
            rows.append(["Loneliness", outcome.cohort, lonely.n, "", "", "",
                         lonely.toward_never, lonely.same, lonely.away])
    return [[csv_cell(cell) for cell in row] + [""] * (len(CSV_COLUMNS) - len(row))
            for row in rows]
