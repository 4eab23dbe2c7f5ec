"""Forum views (responses); being written."""

from django.http import HttpResponse


def react(request, *args, **kwargs):
    return HttpResponse(status=501)


def reactions(request, *args, **kwargs):
    return HttpResponse(status=501)


def report_post(request, *args, **kwargs):
    return HttpResponse(status=501)


def history(request, *args, **kwargs):
    return HttpResponse(status=501)


def follow(request, *args, **kwargs):
    return HttpResponse(status=501)


def report_thread(request, *args, **kwargs):
    return HttpResponse(status=501)
