"""The daily digest: one email a day of new replies in the threads a member follows."""

import smtplib
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from community.services import block_create, email_choices_set
from forums.services import digests_send, post_create, thread_create, thread_mark_read
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(member):
    email_choices_set(user=member, warnings=True, check_ins=True, digest=True)
    return member


@pytest.fixture
def thread(reader, category):
    return thread_create(author=reader, category=category, title="Coping with nights",
                         body="What helps you sleep?").post.thread


def send_digests() -> str:
    out = StringIO()
    call_command("send_digests", stdout=out)
    return out.getvalue()


def test_the_digest_lists_new_replies_once_and_a_second_run_sends_nothing(reader, thread):
    for name in ("sam", "kit"):
        post_create(author=UserFactory(username=name), thread=thread, body="Warm milk helps.")

    first, second = send_digests(), send_digests()

    assert (first, second) == ("Sent 1 digest.\n", "Sent 0 digests.\n")
    [email] = mail.outbox
    assert email.to == ["alex@example.org"]
    assert email.subject == "Peer support community: New replies in threads you follow"
    assert "“Coping with nights”: 2 new replies" in email.body
    assert f"http://127.0.0.1:8000{thread.get_absolute_url()}unread/" in email.body
    assert "Warm milk" not in email.body


def test_the_next_days_digest_holds_only_what_came_after(reader, thread):
    post_create(author=UserFactory(), thread=thread, body="First night's reply.")
    send_digests()
    later = timezone.now() + timedelta(days=1)
    post_create(author=UserFactory(), thread=thread, body="Next day's reply.")

    assert digests_send(now=later) == 1
    assert "“Coping with nights”: 1 new reply\n" in mail.outbox[1].body


def test_no_digest_without_new_replies_or_for_members_who_did_not_choose_it(
        member, category, thread):
    quiet = UserFactory()
    post_create(author=quiet, thread=thread, body="A reply alex will get.")
    thread_mark_read(user=member, thread=thread, number=2)
    post_create(author=member, thread=thread, body="My own reply.")

    assert send_digests() == "Sent 0 digests.\n"
    assert mail.outbox == []


def test_the_digest_leaves_out_members_the_reader_blocked(reader, thread):
    pest = UserFactory()
    block_create(blocker=reader, blocked=pest)
    post_create(author=pest, thread=thread, body="Unwanted words.")

    assert send_digests() == "Sent 0 digests.\n"


def test_a_thread_with_a_content_warning_is_named_by_its_category(reader, category):
    thread = thread_create(author=reader, category=category, title="The night I took tablets",
                           body="It was very hard.", warnings=["self-harm"]).post.thread
    post_create(author=UserFactory(), thread=thread, body="Thinking of you.")

    send_digests()

    assert "a thread in Anxiety and low mood: 1 new reply" in mail.outbox[0].body
    assert "tablets" not in mail.outbox[0].body


def test_a_digest_the_mail_server_refused_is_sent_by_the_next_run(reader, thread,
                                                                  monkeypatch, caplog):
    post_create(author=UserFactory(), thread=thread, body="A reply.")

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patched:
        patched.setattr("community.emails.send_mail", refuse)
        assert send_digests() == "Sent 0 digests.\n"

    assert "Could not email member" in caplog.text
    assert send_digests() == "Sent 1 digest.\n"
