"""How allauth treats this site's members: their pseudonyms, where its per-account counters
are kept, what it says when it refuses, and how its emails name and link to the site."""

import math
import time
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Q

from community.models import User
from community.pseudonyms import check_pseudonym, normalised

RATE_LIMITS_APP = "allauth.account"
NOT_MATCHED = ("That pseudonym or email and password don't match an account here. Please "
               "check them and try again.")


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_taken": User._meta.get_field("username").error_messages["unique"],
        "username_password_mismatch": NOT_MATCHED,
        "email_password_mismatch": NOT_MATCHED,
        "invalid_login": NOT_MATCHED,
        "account_inactive": "This account is closed.",
        "too_many_login_attempts": "Too many attempts. Please try again in a few minutes.",
        "rate_limited": "That was a lot of tries in a short time. Please wait a minute and "
                        "try again.",
        "incorrect_password": "That is not your password. Please try again.",
        "enter_current_password": "Please type your current password.",
        "invalid_password_reset": "This link to reset your password has already been used "
                                  "or is too old. Please ask for a new one.",
        "unknown_email": "No account here uses that email address.",
        "email_taken": "An account already uses that email address. If it is yours, log in "
                       "or reset your password.",
        "duplicate_email": "You have already added that email address.",
        "cannot_remove_primary_email": "You can't remove your main email address. Make "
                                       "another one your main address first.",
        "same_as_current": "That is the same as before. Please type a different one.",
    }

    def clean_username(self, username: str, shallow: bool = False) -> str:
        """Stored NFKC-normalised; refused if it passes for a role or another member."""
        username = super().clean_username(normalised(username), shallow=shallow)
        check_pseudonym(username,
                        taken=lambda shape: User.objects.filter(name_skeleton=shape).exists())
        return username

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """One failed-login counter per account, whatever host, port or spelling is used.

        allauth keys it on the request's host with its port and the login as typed, so
        changing the Host header or typing the email instead of the pseudonym started
        a fresh count of five.
        """
        login = credentials.get("email", credentials.get("username", "")).strip().casefold()
        account = (User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login))
                   .values_list("pk", flat=True).first())
        return f"account:{account}" if account is not None else f"login:{login}"

    def pre_authenticate(self, request, **credentials) -> None:
        """Refused for too many failed logins: say how long to wait, as the counters have it."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            key = self._get_login_attempts_cache_key(request, **credentials)
            minutes = max(1, math.ceil(login_lockout_seconds(request, key=key) / 60))
            raise ValidationError(
                f"Too many attempts. Try again in {minutes} minute{'s' if minutes > 1 else ''}. "
                "If you have forgotten your password, you can reset it now.",
                code="too_many_login_attempts") from None

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails greet from the site by its name and link to its public address,
        not to the host a request came in on (such as 127.0.0.1:8000)."""
        site = SimpleNamespace(name=settings.SITE_NAME,
                               domain=urlsplit(settings.SITE_URL).netloc)
        links = {name: on_public_site(value) for name, value in context.items()
                 if name.endswith("_url") and isinstance(value, str)}
        super().send_mail(template_prefix, email, {
            **context, **links, "current_site": site,
            "site_name": settings.SITE_NAME, "site_url": settings.SITE_URL,
        })


def on_public_site(url: str) -> str:
    """`url` with its scheme and host replaced by SITE_URL's (a relative URL made whole)."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return settings.SITE_URL.rstrip("/") + path


def login_lockout_seconds(request, *, key: str) -> float:
    """How long until the failed-login counters for `key` (and this address) let a try in."""
    now, wait = time.time(), 0.0
    for rate in ratelimit.get_rates(app=RATE_LIMITS_APP, action="login_failed"):
        cache_key = ratelimit.get_cache_key(request, app=RATE_LIMITS_APP,
                                            action="login_failed", rate=rate, key=key)
        history = [hit for hit in cache.get(cache_key, []) if hit > now - rate.duration]
        if len(history) >= rate.amount:
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return wait
