"""Safety figures for moderators: what came in over a period and how quickly it was handled."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.shortcuts import render
from django.utils import timezone

from moderation.models import Priority, QueueItem
from moderation.permissions import moderators_only
from moderation.stats import safety_figures

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
            ("first-look", "Time until a moderator first looked", "looked at",
             _wait_rows(figures.first_look)),
            ("resolution", "Time until resolved", "resolved", _wait_rows(figures.resolution)),
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


def _midnight(day: date) -> datetime:
    """The start of a day in UK time: a period runs from midnight to midnight there."""
    return timezone.make_aware(datetime.combine(day, time.min))
