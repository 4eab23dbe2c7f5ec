"""Moderation views (stats); being written."""

from django.http import HttpResponse


def stats(request, *args, **kwargs):
    return HttpResponse(status=501)
