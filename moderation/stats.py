"""Safety figures for a period: how much came in, how fast moderators looked and resolved it."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connections
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    QuerySet,
    Window,
)
from django.db.models.functions import Ceil, Floor, RowNumber

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
    done = items.filter(**{f"{field}__isnull": False})
    if connections[items.db].vendor == "postgresql":
        found = _percentiles_postgresql(done, field, fractions)
    else:
        found = {}
        for fraction in fractions:
            for priority, value in _percentile_by_ranking(done, field, fraction).items():
                found.setdefault(priority, {})[fraction] = value
    return {priority: {fraction: _to_second(value) for fraction, value in values.items()}
            for priority, values in found.items()}


def _percentiles_postgresql(items: QuerySet, field: str, fractions) -> dict:
    names = {f"p{index}": fraction for index, fraction in enumerate(fractions)}
    rows = items.values("priority").order_by("priority").annotate(
        **{name: PercentileCont(wait(field), fraction) for name, fraction in names.items()}
    )
    return {row["priority"]: {fraction: row[name] for name, fraction in names.items()}
            for row in rows}


def _percentile_by_ranking(items: QuerySet, field: str, fraction: float) -> dict:
    """Without percentile_cont: rank each priority's waits and fetch only the one or two rows
    the percentile falls between, then interpolate as percentile_cont does."""
    by_priority = {"partition_by": [F("priority")]}
    position = ExpressionWrapper(1 + fraction * (F("total") - 1), output_field=FloatField())
    rows = (
        items.annotate(
            wait=wait(field),
            rank=Window(RowNumber(), order_by=[wait(field).asc(), F("pk").asc()],
                        **by_priority),
            total=Window(Count("pk"), **by_priority),
        )
        .filter(rank__gte=Floor(position), rank__lte=Ceil(position))
        .values_list("priority", "rank", "total", "wait")
        .order_by("priority", "rank")
    )
    found: dict[str, timedelta] = {}
    for priority, rank, total, value in rows:
        exact = 1 + fraction * (total - 1)
        if priority not in found:
            found[priority] = value
        else:  # the row above: move part of the way towards it
            found[priority] += (value - found[priority]) * (exact - (rank - 1))
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
