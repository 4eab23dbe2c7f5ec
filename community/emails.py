"""Emails to members about what they chose to hear of by email (community.models.EmailChoices).

Plain words, the site's name first in the subject, a link back to the site, and never a
member's words: an inbox may be shared, and a post may be about a crisis. A failing mail
server is logged and never undoes or stops what the member or moderator did.
"""

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from community.models import EmailChoices

logger = logging.getLogger(__name__)


def site_url(path: str) -> str:
    """The address of a path on this site, for a link in an email."""
    return settings.SITE_URL.rstrip("/") + path


def email_on_commit(*, user, choice: str, subject: str, lines: Sequence[str],
                    path: str) -> None:
    """Email `user` once the current write commits, if their `choice` (a field of
    EmailChoices, such as "warnings") is on."""
    if not user.email or not getattr(EmailChoices.of(user), choice):
        return
    transaction.on_commit(lambda: email_send(user=user, subject=subject, lines=lines,
                                             path=path))


def email_send(*, user, subject: str, lines: Sequence[str], path: str) -> bool:
    """Send now; False (and a line in the log) when the mail server fails."""
    body = "\n\n".join([
        f"Hello {user.username},",
        *lines,
        site_url(path),
        f"If you need to talk to someone now, these help lines are open: "
        f"{site_url(reverse('help'))}",
        f"You get this email because you chose to. To change which emails you get: "
        f"{site_url(reverse('email_choices'))}",
        settings.SITE_NAME,
    ])
    try:
        send_mail(f"{settings.SITE_NAME}: {subject}", body, None, [user.email])
    except Exception:
        logger.exception("Could not email member %s (%s)", user.pk, subject)
        return False
    return True
