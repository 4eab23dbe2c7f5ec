"""Forum views (writing); being written."""

from django.http import HttpResponse


def post_edit(request, *args, **kwargs):
    return HttpResponse(status=501)


def post_delete(request, *args, **kwargs):
    return HttpResponse(status=501)


def support(request, *args, **kwargs):
    return HttpResponse(status=501)


def thread_new(request, *args, **kwargs):
    return HttpResponse(status=501)


def reply(request, *args, **kwargs):
    return HttpResponse(status=501)
