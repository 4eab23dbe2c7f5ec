"""Emails members choose: warnings and sanctions, private check-ins (the daily digest is in
tests/forums/test_digests.py), and the page where they choose."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from community.models import EmailChoices
from community.services import email_choices_set
from conversations.services import conversation_open
from moderation.models import Sanction
from moderation.sanctions import sanction_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CHOICES = reverse("email_choices")
REASON = "Your post about the overdose named the tablets and the amount."


@pytest.fixture
def emails_sent(django_capture_on_commit_callbacks):
    """Run the service, then what it left for after the commit; the emails sent."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return mail.outbox

    return run


def warn(member, moderator, kind=Sanction.Kind.WARNING, **extra):
    return sanction_create(member=member, moderator=moderator, kind=kind, reason=REASON,
                           **extra)


def test_the_choices_page_starts_with_the_defaults_and_saves_without_javascript(client,
                                                                                member):
    client.force_login(member)

    page = client.get(CHOICES).content.decode()
    saved = client.post(CHOICES, {"check_ins": "on", "digest": "on"}, follow=True)

    assert 'id="id_warnings" checked>' in page and 'id="id_check_ins" checked>' in page
    assert 'id="id_digest">' in page
    assert "alex@example.org" in page
    assert "Your email choices are saved." in saved.content.decode()
    choices = EmailChoices.objects.get(user=member)
    assert (choices.warnings, choices.check_ins, choices.digest) == (False, True, True)


def test_the_choices_page_is_linked_from_your_own_profile_and_notifications(client, member):
    client.force_login(member)

    assert CHOICES in client.get(reverse("member_detail", args=["alex"])).content.decode()
    assert CHOICES in client.get(reverse("notifications")).content.decode()
    assert client.logout() is None
    assert client.get(CHOICES)["Location"].startswith(reverse("account_login"))


def test_a_warning_emails_the_member_in_plain_words_with_a_link(member, moderator,
                                                                emails_sent):
    [email] = emails_sent(lambda: warn(member, moderator))

    sanction = Sanction.objects.get()
    assert email.to == ["alex@example.org"]
    assert email.subject == "Peer support community: A moderator has sent you a warning"
    assert f"http://127.0.0.1:8000/moderation/warnings/{sanction.pk}/" in email.body
    assert "http://127.0.0.1:8000/help/" in email.body
    assert "overdose" not in email.body and "tablets" not in email.body


def test_no_warning_email_when_the_member_turned_it_off(member, moderator, emails_sent):
    email_choices_set(user=member, warnings=False, check_ins=True, digest=False)

    assert emails_sent(lambda: warn(member, moderator)) == []
    assert Sanction.objects.filter(member=member).exists()


def test_a_suspension_emails_until_when_without_the_reason(member, moderator, emails_sent,
                                                           settings):
    settings.SITE_NAME, settings.SITE_URL = "Carers Together", "https://carers.example.org"

    [email] = emails_sent(lambda: warn(member, moderator, kind=Sanction.Kind.SUSPEND,
                                       duration=timedelta(days=3)))

    assert email.subject == "Carers Together: Your account is suspended"
    assert "Your account is suspended until " in email.body
    assert "https://carers.example.org/accounts/login/" in email.body
    assert "tablets" not in email.body and "127.0.0.1" not in email.body


def test_nothing_is_emailed_for_a_sanction_that_rolled_back(member, moderator, emails_sent):
    def warn_then_fail():
        from django.db import transaction
        with pytest.raises(RuntimeError), transaction.atomic():
            warn(member, moderator)
            raise RuntimeError("the write failed")

    assert emails_sent(warn_then_fail) == []


def test_a_failing_mail_server_never_undoes_the_warning(member, moderator, emails_sent,
                                                        monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("community.emails.send_mail", refuse)

    assert emails_sent(lambda: warn(member, moderator)) == []
    assert Sanction.objects.filter(member=member, kind=Sanction.Kind.WARNING).exists()
    assert f"Could not email member {member.pk}" in caplog.text


def test_members_without_an_email_address_are_not_emailed(moderator, emails_sent):
    quiet = UserFactory(email="")

    assert emails_sent(lambda: warn(quiet, moderator)) == []


def test_a_check_in_emails_the_member_without_the_message(member, moderator, emails_sent):
    def check_in():
        conversation_open(starter=moderator, member=member,
                          text="I read your post about the tablets. How are you today?")

    [email] = emails_sent(check_in)

    assert email.subject == ("Peer support community: A moderator would like to check in "
                             "with you privately")
    assert "http://127.0.0.1:8000/conversations/" in email.body
    assert "tablets" not in email.body


def test_no_check_in_email_when_the_member_turned_it_off(member, moderator, emails_sent):
    email_choices_set(user=member, warnings=True, check_ins=False, digest=False)

    assert emails_sent(lambda: conversation_open(starter=moderator, member=member,
                                                 text="How are you today?")) == []


def test_account_emails_greet_from_the_site_by_its_name(client, member):
    client.post(reverse("account_reset_password"), {"email": "alex@example.org"})

    [email] = mail.outbox
    assert email.subject.startswith("Peer support community: ")
    assert email.body.startswith("Hello from Peer support community,")
    assert "testserver" not in email.body.replace("http://testserver/", "")
