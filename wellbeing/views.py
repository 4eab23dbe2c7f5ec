"""Wellbeing pages: taking part, the check-in, one's own answers over time, stopping, and
asking to talk; and the organisation's outcome figures for administrators. Thin: each write
is one service call."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from community import signposting
from community.models import Risk, Topic
from community.refusals import Refused
from moderation.charts import Interval, Series, interval_chart, line_chart
from moderation.cover import moderators_available_now
from wellbeing import outcomes, selectors, services
from wellbeing.forms import CheckInForm, OutcomeGroupsForm, WithdrawForm
from wellbeing.permissions import check_see_outcomes
from wellbeing.questions import (
    CONSENT_VERSION,
    EVERY_DAYS,
    LONELINESS_QUESTION,
    MEASURE_NAMES,
    SCALE_NOTE,
    Loneliness,
    Measure,
)


@login_required
def consent(request, *, template="wellbeing/consent.html"):
    if request.method == "POST":
        choice = request.POST.get("choice")
        try:
            if choice == "yes":
                services.consent_give(member=request.user)
                messages.success(request, "Thank you for taking part. Here is your first "
                                          "check-in. You can skip it if you like.")
                return redirect("wellbeing:checkin")
            if choice == "no":
                services.consent_decline(member=request.user)
                messages.success(request, "That's fine. We won't ask again. You can change "
                                          "your mind on this page at any time.")
                return redirect("home")
            messages.error(request, "Please choose “Yes” or “No thanks”.")
        except Refused as refused:
            messages.error(request, refused.message)
    return render(request, template, {
        "consent": selectors.consent_of(request.user), "version": CONSENT_VERSION,
        "every_days": EVERY_DAYS})


@login_required
def consent_easy_read(request):
    return consent.__wrapped__(request, template="wellbeing/consent_easy_read.html")


@login_required
def checkin(request):
    due = selectors.checkin_due(request.user)
    if due.state in (selectors.Due.INVITE, selectors.Due.NONE):
        return redirect("wellbeing:consent")
    if request.method == "POST" and "skip" in request.POST:
        try:
            services.checkin_skip(member=request.user)
        except Refused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, "Skipped. We'll ask again in four weeks. You can "
                                      "answer before then from “Your check-ins”.")
        return redirect("wellbeing:history")
    form = CheckInForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            recorded = services.checkin_record(member=request.user, answers=form.cleaned_data)
        except Refused as refused:
            refused.add_to(form)
        else:
            if recorded.is_very_low:
                return render(request, "wellbeing/thank_you_help.html", {
                    "listings": signposting.listings(recorded.resources)})
            messages.success(request, "Thank you. Your answers are saved.")
            return redirect("wellbeing:history")
    return render(request, "wellbeing/checkin.html", {
        "form": form, "due": due, "scale_note": SCALE_NOTE})


@login_required
def history(request):
    consent = selectors.consent_of(request.user)
    if consent is None or not consent.is_given:
        return redirect("wellbeing:consent")
    checkins = selectors.checkin_history(request.user)
    return render(request, "wellbeing/history.html", {
        "due": selectors.checkin_due(request.user),
        "charts": _charts(checkins),
        "rows": [(checkin, [checkin.scores()[m] for m in Measure.values],
                  Loneliness(checkin.loneliness).label) for checkin in checkins],
        "names": [MEASURE_NAMES[m] for m in Measure],
        "loneliness_question": LONELINESS_QUESTION,
    })


def _charts(checkins) -> list:
    """One chart per question, 0 to 10, each answer a point in time order."""
    labels = [f"{timezone.localtime(checkin.recorded_at):%-d %b %Y}" for checkin in checkins]
    return [
        line_chart(chart_id=f"chart-{measure.value.replace('_', '-')}",
                   title=f"{MEASURE_NAMES[measure]}: your answers", what="your answer",
                   x_title="Date of check-in", x_labels=labels,
                   series=[Series(MEASURE_NAMES[measure],
                                  tuple(checkin.scores()[measure] for checkin in checkins))],
                   unit="points", axis=(10, 2), period="the check-in of ",
                   empty="No answers yet.")
        for measure in Measure
    ]


@login_required
def withdraw(request):
    consent = selectors.consent_of(request.user)
    if consent is None or not consent.is_given:
        return redirect("wellbeing:consent")
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.consent_withdraw(member=request.user, answers=form.cleaned_data["answers"])
        except Refused as refused:
            refused.add_to(form)
        else:
            done = ("deleted" if form.cleaned_data["answers"] == services.AnswersChoice.DELETE
                    else "kept without your name")
            messages.success(request, f"You have stopped check-ins. Your answers are {done}. "
                                      "Thank you for taking part.")
            return redirect("member_detail", request.user.username)
    return render(request, "wellbeing/withdraw.html", {"form": form})


@login_required
@require_POST
def talk(request):
    try:
        services.talk_request_create(member=request.user)
    except Refused as refused:
        return render(request, "wellbeing/talk_sent.html", {
            "refusal": refused.message, "listings": signposting.listings(refused.help)})
    now = timezone.now()
    return render(request, "wellbeing/talk_sent.html", {
        "moderators_online": moderators_available_now(),
        "listings": signposting.listings(
            signposting.resources_for(Risk.CONCERN, {Topic.GENERAL}, request.user.member.nation,
                                      now),
            now)})


# The chart's row is narrow: the table beside it gives the full reason.
HIDDEN_SHORT = {outcomes.FEWER_THAN_10: outcomes.FEWER_THAN_10,
                outcomes.HIDES_A_SMALL_GROUP: "to protect a smaller group"}


def _grouping(request) -> tuple[OutcomeGroupsForm, str]:
    """The grouping asked for; a wrong one gets a message beside the choice and everyone's
    figures below, not an error page."""
    form = OutcomeGroupsForm({"by": request.GET.get("by", selectors.OutcomeGroups.EVERYONE)})
    by = form.cleaned_data["by"] if form.is_valid() else selectors.OutcomeGroups.EVERYONE
    return form, by


@login_required
def outcome_figures(request):
    check_see_outcomes(request.user)
    form, by = _grouping(request)
    report = selectors.outcome_report(by)
    groups = [report.everyone, *report.cohorts]
    measures = []
    for index, measure in enumerate(report.everyone.measures):
        changes = [group.measures[index] for group in groups]
        slug = measure.measure.replace("_", "-")
        measures.append({
            "slug": slug, "name": measure.name, "changes": changes,
            "chart": interval_chart(
                chart_id=f"{slug}-chart", title=f"{measure.name}: average change",
                what="average change", unit="points",
                better="a fall is better" if measure.is_lower_better else "a rise is better",
                rows=[Interval(change.cohort, change.mean, change.ci_low, change.ci_high,
                               hidden=HIDDEN_SHORT.get(change.reason, change.reason)
                               if change.suppressed else "")
                      for change in changes]),
        })
    return render(request, "wellbeing/outcomes.html", {
        "form": form, "by": by, "by_label": selectors.OutcomeGroups(by).label,
        "report": report, "groups": groups, "measures": measures,
        "fewest_shown": outcomes.FEWEST_SHOWN,
    })


@login_required
def outcome_figures_csv(request):
    check_see_outcomes(request.user)
    form, by = _grouping(request)
    if not form.is_valid():
        return HttpResponse("Choose how to group the figures: everyone, nation or "
                            "month_joined.", status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="wellbeing-outcomes-{by}.csv"'
    writer = csv.writer(response)
    writer.writerow(outcomes.CSV_COLUMNS)
    writer.writerows(outcomes.csv_rows(selectors.outcome_report(by)))
    return response
