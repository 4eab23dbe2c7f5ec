"""Pages of the moderation workspace, and the warning a member must read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from moderation.models import Sanction
from moderation.sanctions import warning_acknowledge


@login_required
def warning(request, pk):
    sanction = get_object_or_404(Sanction, pk=pk, member=request.user,
                                 kind=Sanction.Kind.WARNING)
    if request.method == "POST":
        warning_acknowledge(sanction=sanction, member=request.user)
        messages.success(request, "Thank you for reading the warning.")
        return redirect("home")
    return render(request, "moderation/warning.html", {"sanction": sanction})
