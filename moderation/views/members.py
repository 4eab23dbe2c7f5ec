"""Moderation views (members); being written."""

from django.http import HttpResponse


def history(request, *args, **kwargs):
    return HttpResponse(status=501)


def sanction(request, *args, **kwargs):
    return HttpResponse(status=501)


def note(request, *args, **kwargs):
    return HttpResponse(status=501)


def lift(request, *args, **kwargs):
    return HttpResponse(status=501)
