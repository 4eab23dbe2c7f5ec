"""The site's ASGI application plus /bench/baseline/<name>/, for bench/forums.py.

A baseline answers with the bytes of one of the site's own pages, saved beforehand
in BENCH_BASELINE_DIR, without a query: the same server, middleware and size of
answer, none of the page's work.
"""

import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.http import Http404, HttpResponse  # noqa: E402
from django.urls import include, path  # noqa: E402

from config.asgi import application  # noqa: E402, F401

PAGES: dict[str, bytes] = {}


def baseline(request, name: str):
    if name not in PAGES:
        page = Path(os.environ["BENCH_BASELINE_DIR"], f"{name}.html")
        if not page.is_file():
            raise Http404("No such baseline.")
        PAGES[name] = page.read_bytes()
    return HttpResponse(PAGES[name])


urlpatterns = [path("bench/baseline/<slug:name>/", baseline), path("", include("config.urls"))]
settings.ROOT_URLCONF = __name__
