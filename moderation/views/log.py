"""The audit log: every moderation action, newest first, to read and filter but never change."""

from django.shortcuts import render

from moderation.forms import AuditFilterForm
from moderation.permissions import moderators_only
from moderation.selectors import audit_page


@moderators_only
def audit(request):
    form = AuditFilterForm(request.GET)
    page = audit_page(**form.filters(), page_number=request.GET.get("page"))
    return render(request, "moderation/log.html", {"form": form, "page": page})
