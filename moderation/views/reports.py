"""Members reporting a profile: community, below moderation, has no report page of its own."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render

from community.models import Member
from moderation.forms import ReportForm
from moderation.models import ReportReason
from moderation.services import report_create

# Which form field a refusal from report_create belongs beside; others go above the form.
REPORT_ERROR_FIELDS = {"note": "note", "control_characters": "note"}


@login_required
def profile(request, username):
    member = get_object_or_404(Member.objects.select_related("user"), user__username=username,
                               user__is_active=True)
    form = ReportForm(request.POST if request.method == "POST" else None)
    context = {"what": f"the profile of {member.display_name}",
               "back_url": member.get_absolute_url()}
    if form.is_valid():
        try:
            report = report_create(reporter=request.user, content=member, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(REPORT_ERROR_FIELDS.get(error.code), error)
        else:
            return render(request, "moderation/report.html", {
                **context, "is_reported": True,
                "is_at_risk": report.reason == ReportReason.AT_RISK,
            })
    return render(request, "moderation/report.html", {**context, "form": form})
