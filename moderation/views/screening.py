"""How screening is doing, for administrators: each rule's record, the misses to learn from,
and the evaluation examples to download."""

import csv
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from community.refusals import Refused
from moderation import feedback
from moderation.forms import (
    DEFAULT_SCREENING_DAYS,
    SCREENING_PERIODS,
    ExampleFromMissForm,
    RuleFromMissForm,
    ScreeningPeriodForm,
)
from moderation.models import EvaluationExample, ScreeningReview
from moderation.permissions import administrators_only

RULE_IDS = "rule-%s"


@administrators_only
def screening(request):
    return _page(request)


@administrators_only
@require_POST
def make_rule(request, pk):
    miss = get_object_or_404(feedback.open_misses(), pk=pk)
    form = RuleFromMissForm(request.POST, auto_id=RULE_IDS)
    rule = form.is_valid() and _written(form, lambda: feedback.review_make_rule(
        review=miss, admin=request.user, **form.cleaned_data))
    if not rule:
        return _page(request, rule_form=(miss.pk, form))
    if feedback.rule_finds(rule, miss.text):
        messages.success(request, "Rule made and in use now. Screening rates the words of "
                                  f"this miss “{rule.level}”.")
    else:
        messages.warning(request, "Rule made and in use now, but it does not find the words "
                                  "of this miss. Check it in the admin.")
    return redirect(_back(request))


@administrators_only
@require_POST
def make_example(request, pk):
    miss = get_object_or_404(feedback.open_misses(), pk=pk)
    form = ExampleFromMissForm(request.POST, auto_id=_example_ids(pk))
    if form.is_valid() and _written(form, lambda: feedback.review_make_example(
            review=miss, admin=request.user, **form.cleaned_data)):
        messages.success(request, "Added to the evaluation examples.")
        return redirect(_back(request))
    return _page(request, example_form=(miss.pk, form))


@administrators_only
@require_POST
def set_aside(request, pk):
    miss = get_object_or_404(feedback.open_misses(), pk=pk)
    try:
        feedback.review_set_aside(review=miss, admin=request.user)
    except (ValidationError, Refused) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Set aside. It has left the list of misses.")
    return redirect(_back(request))


@administrators_only
def examples_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="screening-examples.csv"'
    writer = csv.writer(response)
    writer.writerow(feedback.EXPORT_COLUMNS)
    writer.writerows(feedback.example_rows())
    return response


def _page(request, *, rule_form: tuple[int, RuleFromMissForm] | None = None,
          example_form: tuple[int, ExampleFromMissForm] | None = None):
    """The page; a form that failed is shown again, beside its miss, with what was typed."""
    period = _period(request)
    days = period.days_shown()
    misses = list(feedback.open_misses()[:feedback.MISSES_SHOWN])
    return render(request, "moderation/screening.html", {
        "period": period,
        "period_words": SCREENING_PERIODS[days].lower(),
        "records": feedback.rule_records(since=timezone.now() - timedelta(days=days)),
        "misses": [(miss, _example_form(miss, example_form)) for miss in misses],
        "misses_shown": feedback.MISSES_SHOWN,
        "rule_form": rule_form or _suggested_rule_form(request.GET.get("rule_from"), misses),
        "example_count": EvaluationExample.objects.count(),
    })


def _suggested_rule_form(asked: str | None, misses: list[ScreeningReview]):
    """The form for "Make a rule from it", filled in from the chosen miss."""
    miss = next((miss for miss in misses if str(miss.pk) == asked), None)
    if miss is None:
        return None
    return miss.pk, RuleFromMissForm(initial=feedback.suggested_rule(miss), auto_id=RULE_IDS)


def _example_form(miss: ScreeningReview, failed: tuple[int, ExampleFromMissForm] | None):
    if failed and failed[0] == miss.pk:
        return failed[1]
    return ExampleFromMissForm(initial={"level": feedback.IMPLIED_LEVEL.get(miss.rated)},
                               auto_id=_example_ids(miss.pk))


def _written(form, write):
    """What the write returns, or None with its refusal shown on the form."""
    try:
        return write()
    except ValidationError as error:
        form.add_error(None, error)
    except Refused as refused:
        refused.add_to(form)
    return None


def _example_ids(pk: int) -> str:
    # Every miss has a form of its own on the one page.
    return f"example-{pk}-%s"


def _period(request) -> ScreeningPeriodForm:
    return ScreeningPeriodForm({"days": request.GET.get("days", DEFAULT_SCREENING_DAYS)})


def _back(request) -> str:
    """The page again, for the same period."""
    days = _period(request).days_shown()
    return f"{reverse('moderation:screening')}?{urlencode({'days': days})}"
