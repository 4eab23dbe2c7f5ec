"""Safety figures for a period: how much came in, how fast moderators looked and resolved it."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import NotSupportedError, connections
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    Window,
)
from django.db.models.functions import Ceil, Floor, RowNumber, TruncDate
from django.utils import timezone

from moderation.models import ModerationSettings, Priority, QueueItem

MEDIAN, NINETIETH = 0.5, 0.9
# The moments an item's wait is measured to: first look, and resolution.
FIRST_LOOK, RESOLUTION = "first_looked_at", "resolved_at"


class PercentileCont(Aggregate):
    """PostgreSQL's interpolated percentile, the same figure the SQLite query computes."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, fraction: float, **extra):
        # float() keeps the literal a number, so nothing but digits reaches the SQL.
        super().__init__(expression, fraction=float(fraction), **extra)


@dataclass(frozen=True)
class Waits:
    """For one priority: how many items got there, and how long half and nine in ten took."""

    count: int
    median: timedelta | None
    ninetieth: timedelta | None


@dataclass(frozen=True)
class SafetyFigures:
    by_source: dict[str, dict[str, int]]  # source -> priority -> items opened
    first_look: dict[str, Waits]  # priority -> waits until a moderator first looked
    resolution: dict[str, Waits]  # priority -> waits until resolved
    urgent_target_minutes: int
    urgent_count: int
    urgent_late: int  # first looked at after the target, or not yet and already past it
    urgent_waiting_late: int  # of those, still not looked at
    per_moderator: list[dict]  # username, resolved, from_reports


def items_opened(start: datetime, end: datetime) -> QuerySet:
    """Items opened in [start, end): every figure is about the same items."""
    return QueueItem.objects.filter(created_at__gte=start, created_at__lt=end)


def wait(field: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(field) - F("created_at"), output_field=DurationField())


def wait_percentiles(items: QuerySet, field: str,
                     fractions=(MEDIAN, NINETIETH)) -> dict[str, dict[float, timedelta]]:
    """Per priority, the interpolated percentiles of the wait until `field`, to the second."""
    found = grouped_percentiles(items, field, fractions, by=("priority",))
    return {key[0]: values for key, values in found.items()}


def grouped_percentiles(items: QuerySet, field: str, fractions,
                        by: tuple[str, ...]) -> dict[tuple, dict[float, timedelta]]:
    """The interpolated percentiles of the wait until `field` for each group of `by` (fields or
    annotations), to the second: one query per fraction at most, however many groups."""
    done = items.filter(**{f"{field}__isnull": False})
    if connections[items.db].vendor == "postgresql":
        found = _percentiles_postgresql(done, field, fractions, by)
    else:
        found = {}
        for fraction in fractions:
            for key, value in _percentile_by_ranking(done, field, fraction, by).items():
                found.setdefault(key, {})[fraction] = value
    return {key: {fraction: _to_second(value) for fraction, value in values.items()}
            for key, values in found.items()}


def _percentiles_postgresql(items: QuerySet, field: str, fractions, by: tuple[str, ...]) -> dict:
    names = {f"p{index}": fraction for index, fraction in enumerate(fractions)}
    rows = items.values(*by).order_by(*by).annotate(
        **{name: PercentileCont(wait(field), fraction) for name, fraction in names.items()}
    )
    return {tuple(row[key] for key in by): {fraction: row[name]
                                            for name, fraction in names.items()}
            for row in rows}


def _percentile_by_ranking(items: QuerySet, field: str, fraction: float,
                           by: tuple[str, ...]) -> dict:
    """Without percentile_cont: rank each group's waits and fetch only the one or two rows
    the percentile falls between, then interpolate as percentile_cont does."""
    in_group = {"partition_by": [F(key) for key in by]}
    position = ExpressionWrapper(1 + fraction * (F("total") - 1), output_field=FloatField())
    rows = (
        items.annotate(
            wait=wait(field),
            rank=Window(RowNumber(), order_by=[wait(field).asc(), F("pk").asc()], **in_group),
            total=Window(Count("pk"), **in_group),
        )
        .filter(rank__gte=Floor(position), rank__lte=Ceil(position))
        .values_list(*by, "rank", "total", "wait")
        .order_by(*by, "rank")
    )
    found: dict[tuple, timedelta] = {}
    for *key, rank, total, value in rows:
        key = tuple(key)
        exact = 1 + fraction * (total - 1)
        if key not in found:
            found[key] = value
        else:  # the row above: move part of the way towards it
            found[key] += (value - found[key]) * (exact - (rank - 1))
    return found


def _to_second(value: timedelta | None) -> timedelta | None:
    return None if value is None else timedelta(seconds=round(value.total_seconds()))


def safety_figures(start: datetime, end: datetime, now: datetime) -> SafetyFigures:
    """Everything the stats page shows, in a fixed number of aggregate queries."""
    items = items_opened(start, end)
    counts = items.values("source", "priority").order_by().annotate(
        opened=Count("pk"), looked=Count(FIRST_LOOK), resolved=Count(RESOLUTION))
    by_source: dict[str, dict[str, int]] = {}
    looked: dict[str, int] = {}
    resolved: dict[str, int] = {}
    for row in counts:  # one row per source and priority: at most twelve
        by_source.setdefault(row["source"], {})[row["priority"]] = row["opened"]
        looked[row["priority"]] = looked.get(row["priority"], 0) + row["looked"]
        resolved[row["priority"]] = resolved.get(row["priority"], 0) + row["resolved"]

    target = ModerationSettings.current().urgent_red_minutes
    urgent = _urgent_against_target(items, timedelta(minutes=target), now)
    return SafetyFigures(
        by_source=by_source,
        first_look=_waits(looked, wait_percentiles(items, FIRST_LOOK)),
        resolution=_waits(resolved, wait_percentiles(items, RESOLUTION)),
        urgent_target_minutes=target,
        urgent_count=urgent["total"], urgent_late=urgent["late"] + urgent["waiting_late"],
        urgent_waiting_late=urgent["waiting_late"],
        per_moderator=list(
            items.filter(resolved_by__isnull=False)
            .values(username=F("resolved_by__username"))
            .annotate(resolved=Count("pk"),
                      from_reports=Count("pk", filter=Q(source=QueueItem.Source.REPORT)))
            .order_by("-resolved", "username")
        ),
    )


def _urgent_against_target(items: QuerySet, target: timedelta, now: datetime) -> dict:
    urgent = items.filter(priority=Priority.URGENT)
    return urgent.aggregate(
        total=Count("pk"),
        late=Count("pk", filter=Q(first_looked_at__gt=F("created_at") + target)),
        waiting_late=Count("pk", filter=Q(first_looked_at=None, created_at__lt=now - target)),
    )


def _waits(counts: dict[str, int], percentiles: dict) -> dict[str, Waits]:
    return {
        priority: Waits(counts.get(priority, 0), percentiles.get(priority, {}).get(MEDIAN),
                        percentiles.get(priority, {}).get(NINETIETH))
        for priority in Priority.values
    }


# --- Week by week -------------------------------------------------------------------------

WEEK_DAYS = 7


@dataclass(frozen=True)
class Week:
    first_day: date
    last_day: date  # the period may end part-way through its last week

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass(frozen=True)
class WeekWait:
    """For one priority in one week: items opened, how many of them got there, the median."""

    opened: int
    counted: int
    median: timedelta | None


@dataclass(frozen=True)
class WeeklyWaits:
    weeks: tuple[Week, ...]
    first_look: dict[str, tuple[WeekWait, ...]]  # priority -> one per week
    resolution: dict[str, tuple[WeekWait, ...]]


class WeekOfPeriod(Func):
    """Which week of the period a moment falls in: 0 for its first seven days in UK time.

    Weeks start at local midnight on the period's first day, so an item opened at 00:30 in
    summer time belongs to that day's week though it is still the day before in UTC."""

    output_field = IntegerField()

    def __init__(self, field: str, first_day: date):
        local_day = TruncDate(field, tzinfo=timezone.get_current_timezone())
        super().__init__(local_day, Value(first_day))

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError("Weeks are worked out on PostgreSQL and SQLite only.")

    def as_postgresql(self, compiler, connection, **extra):
        # date - date is a whole number of days.
        return super().as_sql(compiler, connection, template="((%(expressions)s) / 7)",
                              arg_joiner=" - ", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection,
            template="(CAST(julianday(%(expressions)s) AS INTEGER) / 7)",
            arg_joiner=") - julianday(", **extra)


def day_start(day: date) -> datetime:
    """The start of a day in UK time: a period runs from midnight to midnight there."""
    return timezone.make_aware(datetime.combine(day, time.min))


def period_weeks(first_day: date, last_day: date) -> tuple[Week, ...]:
    starts = range(0, (last_day - first_day).days + 1, WEEK_DAYS)
    return tuple(
        Week(first_day + timedelta(days=offset),
             min(first_day + timedelta(days=offset + WEEK_DAYS - 1), last_day))
        for offset in starts
    )


def weekly_waits(first_day: date, last_day: date) -> WeeklyWaits:
    """Median waits per priority for each week of the period, in three queries however long
    the period: counts, then the medians until first look and until resolution. Weeks with
    no items have no median (a gap, not a zero)."""
    weeks = period_weeks(first_day, last_day)
    items = items_opened(day_start(first_day), day_start(last_day + timedelta(days=1))).annotate(
        week=WeekOfPeriod("created_at", first_day))
    counts = {
        (row["week"], row["priority"]): row
        for row in items.values("week", "priority").order_by().annotate(
            opened=Count("pk"), looked=Count(FIRST_LOOK), resolved=Count(RESOLUTION))
    }

    def by_week(field: str, done: str) -> dict[str, tuple[WeekWait, ...]]:
        medians = grouped_percentiles(items, field, (MEDIAN,), by=("week", "priority"))
        table = {}
        for priority in Priority.values:
            row_for = [counts.get((index, priority), {}) for index in range(len(weeks))]
            table[priority] = tuple(
                WeekWait(row.get("opened", 0), row.get(done, 0),
                         medians.get((index, priority), {}).get(MEDIAN))
                for index, row in enumerate(row_for)
            )
        return table

    return WeeklyWaits(weeks=weeks, first_look=by_week(FIRST_LOOK, "looked"),
                       resolution=by_week(RESOLUTION, "resolved"))
