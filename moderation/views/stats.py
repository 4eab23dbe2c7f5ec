"""Safety figures for moderators: what came in over a period and how quickly it was handled."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.shortcuts import render
from django.utils import timezone

from moderation.charts import Series, duration_scale, line_chart
from moderation.models import Priority, QueueItem
from moderation.permissions import moderators_only
from moderation.stats import Week, WeekWait, safety_figures, weekly_waits

DEFAULT_DAYS = 30
LONGEST_DAYS = 366 * 5


def date_input() -> forms.DateInput:
    # Browsers' date pickers read and write ISO dates whatever the site's language.
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class PeriodForm(forms.Form):
    start = forms.DateField(label="From", widget=date_input())
    end = forms.DateField(label="To (including this day)", widget=date_input())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end > timezone.localdate():
                raise forms.ValidationError("The end date can't be after today.")
            if start > end:
                raise forms.ValidationError("The start date must be on or before the end date.")
            if (end - start).days > LONGEST_DAYS:
                raise forms.ValidationError("Choose a period of five years or less.")
        return cleaned


def default_period(today: date) -> dict[str, date]:
    return {"start": today - timedelta(days=DEFAULT_DAYS - 1), "end": today}


@moderators_only
def stats(request):
    today = timezone.localdate()
    asked = {key: request.GET[key] for key in ("start", "end") if key in request.GET}
    form = PeriodForm({**default_period(today), **asked})
    # Wrong dates get a message beside the fields and the usual 30 days below, not an error.
    period = form.cleaned_data if form.is_valid() else default_period(today)
    figures = safety_figures(_midnight(period["start"]),
                             _midnight(period["end"] + timedelta(days=1)), timezone.now())
    weekly = weekly_waits(period["start"], period["end"])
    return render(request, "moderation/stats.html", {
        "form": form,
        "period": period,
        "figures": figures,
        "source_rows": [
            (label, [figures.by_source.get(source, {}).get(p, 0) for p in Priority.values],
             sum(figures.by_source.get(source, {}).values()))
            for source, label in QueueItem.Source.choices
        ],
        "priority_totals": [sum(row.get(p, 0) for row in figures.by_source.values())
                            for p in Priority.values],
        "total": sum(sum(row.values()) for row in figures.by_source.values()),
        "priorities": Priority.choices,
        "wait_tables": [
            {"slug": "first-look", "title": "Time until a moderator first looked",
             "done": "looked at", "rows": _wait_rows(figures.first_look),
             **_week_by_week("first-look", "Time until a moderator first looked", "looked at",
                             weekly.weeks, weekly.first_look)},
            {"slug": "resolution", "title": "Time until resolved", "done": "resolved",
             "rows": _wait_rows(figures.resolution),
             **_week_by_week("resolution", "Time until resolved", "resolved", weekly.weeks,
                             weekly.resolution)},
        ],
    })


def duration_text(value: timedelta | None) -> str:
    """How long, as people say it: "under 1 min", "4 min", "1 h 20 min", "2 days 3 h"."""
    if value is None:
        return "none yet"
    minutes = round(value.total_seconds() / 60)
    if minutes < 1:
        return "under 1 min"
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''}" + (f" {hours} h" if hours else "")
    if hours:
        return f"{hours} h" + (f" {minutes} min" if minutes else "")
    return f"{minutes} min"


def _wait_rows(waits: dict) -> list[tuple[str, int, str, str]]:
    return [(label, waits[priority].count, duration_text(waits[priority].median),
             duration_text(waits[priority].ninetieth))
            for priority, label in Priority.choices]


def _week_by_week(slug: str, title: str, done: str, weeks: tuple[Week, ...],
                  waits: dict[str, tuple[WeekWait, ...]]) -> dict:
    """The chart of each priority's weekly median, and the same figures as a table."""
    medians = [wait.median.total_seconds() for by_week in waits.values() for wait in by_week
               if wait.median is not None]
    scale = duration_scale(max(medians, default=0))
    opened = any(wait.opened for by_week in waits.values() for wait in by_week)
    chart = line_chart(
        chart_id=f"{slug}-chart", title=f"{title}, week by week: half within",
        what="half within", x_title="Week starting", x_labels=_week_starts(weeks),
        series=[Series(label, tuple(None if wait.median is None
                                    else wait.median.total_seconds() / scale.seconds
                                    for wait in waits[priority]))
                for priority, label in Priority.choices],
        unit=scale.unit,
        empty=(f"No items opened in this period have been {done} yet." if opened
               else "No items in this period."),
    )
    rows = [(_week_text(week, _with_year(weeks)), [_week_cell(waits[priority][index], done)
                                for priority in Priority.values])
            for index, week in enumerate(weeks)]
    return {"chart": chart, "weekly_rows": rows if opened else []}


def _week_cell(wait: WeekWait, done: str) -> str:
    if not wait.opened:
        return "no items"
    if wait.median is None:
        return f"none {done} yet"
    # A no-break space keeps "(3 items)" together in a narrow column.
    items = f"{wait.counted}\u00a0item{'s' if wait.counted > 1 else ''}"
    return f"{duration_text(wait.median)} ({items})"


def _week_starts(weeks: tuple[Week, ...]) -> list[str]:
    return [_day(week.first_day, _with_year(weeks)) for week in weeks]


def _with_year(weeks: tuple[Week, ...]) -> bool:
    """Days are named with their year when the period runs into another year."""
    return weeks[0].first_day.year != weeks[-1].last_day.year


def _day(day: date, with_year: bool) -> str:
    return f"{day.day} {day:%b}" + (f" {day.year}" if with_year else "")


def _week_text(week: Week, with_year: bool) -> str:
    if week.first_day == week.last_day:
        return _day(week.first_day, with_year)
    return f"{_day(week.first_day, with_year)} to {_day(week.last_day, with_year)}"


def _midnight(day: date) -> datetime:
    """The start of a day in UK time: a period runs from midnight to midnight there."""
    return timezone.make_aware(datetime.combine(day, time.min))
