"""Requests whose address carries characters no page can use are answered plainly."""

from django.shortcuts import render

from community.validators import has_control_characters


class UnusableAddressMiddleware:
    """A NUL byte or hidden control character in the path answers 400.

    PostgreSQL cannot compare text with a NUL in it, so such a pseudonym would otherwise
    fail deep inside a query with a server error. Query strings are each page's to read:
    forms refuse NUL bytes, and search cleans them out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request.path):
            return render(request, "400.html", status=400)
        return self.get_response(request)
