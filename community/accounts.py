"""How allauth treats this site's members: where its per-account counters are kept."""

from allauth.account.adapter import DefaultAccountAdapter
from django.db.models import Q

from community.models import User


class AccountAdapter(DefaultAccountAdapter):
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
