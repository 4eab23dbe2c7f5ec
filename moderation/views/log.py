"""Moderation views (log); being written."""

from django.http import HttpResponse


def audit(request, *args, **kwargs):
    return HttpResponse(status=501)
