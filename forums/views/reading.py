"""Forum views (reading); being written."""

from django.http import HttpResponse
from django.shortcuts import render


def index(request, *args, **kwargs):
    return render(request, "forums/index.html")


def search(request, *args, **kwargs):
    return HttpResponse(status=501)


def post_redirect(request, *args, **kwargs):
    return HttpResponse(status=501)


def category(request, *args, **kwargs):
    return HttpResponse(status=501)


def thread(request, *args, **kwargs):
    return HttpResponse(status=501)


def first_unread(request, *args, **kwargs):
    return HttpResponse(status=501)
