"""Moderation views (queue); being written."""

from django.http import HttpResponse


def queue(request, *args, **kwargs):
    return HttpResponse(status=501)


def item(request, *args, **kwargs):
    return HttpResponse(status=501)


def act(request, *args, **kwargs):
    return HttpResponse(status=501)
