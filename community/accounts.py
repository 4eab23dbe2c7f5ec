"""How allauth treats this site's members: their pseudonyms, where its per-account counters
are kept, and how its emails name the site."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.db.models import Q

from community.models import User
from community.pseudonyms import check_pseudonym, normalised


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_taken": User._meta.get_field("username").error_messages["unique"],
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

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails greet from the site by its name and public address, not by the
        host a request came in on (such as 127.0.0.1:8000)."""
        site = SimpleNamespace(name=settings.SITE_NAME,
                               domain=urlsplit(settings.SITE_URL).netloc)
        super().send_mail(template_prefix, email, {**context, "current_site": site})
