"""Who is on the other end of a socket now: it outlives sign-outs, password changes and
closed accounts, so it asks again whenever the member's rights change."""

from importlib import import_module
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user


def signed_in_user(scope: dict):
    """The user the socket's session belongs to now, read afresh from the session store:
    AnonymousUser once that session has ended, its password has changed (Django checks
    the session's password hash) or the account is closed."""
    session_key = scope["session"].session_key
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    return get_user(SimpleNamespace(session=store))
