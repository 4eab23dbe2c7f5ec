"""The report page every kind of content shares, and members reporting a profile.

Content apps call report_page() from their own views (a forum post, a thread);
community, below moderation, has no report page of its own, so profiles are
reported here.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from community import signposting
from community.models import Member, Risk
from moderation.forms import ReportForm
from moderation.models import Priority, ReportReason
from moderation.services import report_create
from moderation.submission import Refused


def report_page(request, content, *, what: str, back_url: str):
    """Ask why, file the report, and thank the member; help first when someone is at risk."""
    form = ReportForm(request.POST if request.method == "POST" else None)
    context = {"what": what, "back_url": back_url}
    if form.is_valid():
        try:
            report = report_create(reporter=request.user, content=content, **form.cleaned_data)
        except Refused as refused:
            refused.add_to(form)
            context["help_listings"] = signposting.listings(refused.help)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            is_at_risk = (report.reason == ReportReason.AT_RISK
                          or report.item.priority == Priority.URGENT)
            return render(request, "moderation/report.html", {
                **context, "is_reported": True, "is_at_risk": is_at_risk,
                "help_listings": signposting.listings(signposting.resources_for(
                    Risk.URGENT, (), request.user.member.nation, timezone.now()))
                if is_at_risk else (),
            })
    return render(request, "moderation/report.html", {**context, "form": form})


@login_required
def profile(request, username):
    member = get_object_or_404(Member.objects.select_related("user"), user__username=username,
                               user__is_active=True)
    return report_page(request, member, what=f"the profile of {member.display_name}",
                       back_url=member.get_absolute_url())
