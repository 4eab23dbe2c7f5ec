"""Notifications gather: a busy thread is one line that counts its replies, not fifteen."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from community import services
from community.models import Notification
from community.services import notifications_mark_read, notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
REPLY = Notification.Kind.REPLY


def reply(user, writer="sam", number=1, key="thread:7", url=None):
    notify(users=[user], kind=REPLY, key=key, url=url or f"/forums/posts/{number}/",
           text=f"{writer} replied in “Coping with nights”",
           text_for_many="new replies in “Coping with nights”")


def unread(user):
    return list(Notification.objects.filter(user=user, read_at=None))


def test_replies_in_one_thread_gather_on_one_notification_linking_the_first(member):
    for number, writer in enumerate(["sam", "kit", "pat"], start=1):
        reply(member, writer, number)

    [notice] = unread(member)

    assert notice.count == 3
    assert notice.text == "3 new replies in “Coping with nights”"
    assert notice.url == "/forums/posts/1/"


def test_the_page_shows_one_line_for_the_thread_with_the_latest_first(client, member):
    reply(member, "sam", 1)
    notify(users=[member], kind=Notification.Kind.MODERATION, text="Thank you for your report.")
    reply(member, "kit", 2)
    client.force_login(member)

    page = client.get(reverse("notifications")).content.decode()

    assert page.count('<li class="notification') == 2
    assert '<a href="/forums/posts/1/">2 new replies in “Coping with nights”</a>' in page
    assert page.index("2 new replies") < page.index("Thank you for your report.")


def test_a_read_notification_is_left_alone_and_the_next_reply_starts_a_new_one(member):
    reply(member, "sam", 1)
    reply(member, "kit", 2)
    notifications_mark_read(user=member)

    reply(member, "pat", 3)

    [read] = Notification.objects.filter(user=member).exclude(read_at=None)
    [fresh] = unread(member)
    assert (read.count, read.text) == (2, "2 new replies in “Coping with nights”")
    assert (fresh.count, fresh.text, fresh.url) == (
        1, "pat replied in “Coping with nights”", "/forums/posts/3/")


def test_notifications_gather_per_member_kind_and_key(member):
    other = UserFactory()
    reply(member, key="thread:7")
    reply(member, key="thread:8")
    notify(users=[member], kind=Notification.Kind.REACTION, key="thread:7", text="A reaction",
           text_for_many="reactions")
    reply(other, key="thread:7")

    assert Notification.objects.filter(count=1).count() == 4


def test_one_event_for_many_members_counts_on_each_ones_notification(member):
    others = [UserFactory() for _ in range(3)]
    reply(others[0])  # one of them already has an unread notification for the thread

    notify(users=[member, *others], kind=REPLY, key="thread:7", url="/forums/posts/2/",
           text="kit replied in “Coping with nights”",
           text_for_many="new replies in “Coping with nights”")

    counts = dict(Notification.objects.values_list("user__username", "count"))
    assert counts == {member.username: 1, others[0].username: 2, others[1].username: 1,
                      others[2].username: 1}


def test_notifications_without_a_key_stand_alone(member):
    for _ in range(2):
        notify(users=[member], kind=Notification.Kind.MODERATION, text="A moderator looked.")

    assert Notification.objects.filter(user=member, count=1).count() == 2


def test_the_database_refuses_a_second_unread_notification_for_one_key(member):
    reply(member)

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(user=member, kind=REPLY, key="thread:7", text="Twice")


def test_a_notification_started_meanwhile_by_another_writer_is_counted_on(member, monkeypatch):
    """Another event may start the member's notification just after this one looked for it:
    the unique constraint says so, and this event is counted on that notification."""
    Notification.objects.create(user=member, kind=REPLY, key="thread:7", url="/first/",
                                text="kit replied in “Coping with nights”")
    monkeypatch.setattr(services, "_locked_unread", lambda unread, ids: set())

    reply(member, "sam", 2)

    [notice] = unread(member)
    assert (notice.count, notice.text, notice.url) == (
        2, "2 new replies in “Coping with nights”", "/first/")


def test_a_very_long_title_still_fits(member):
    long = "x" * 400
    for _ in range(2):
        notify(users=[member], kind=REPLY, key="thread:7", text=long, text_for_many=long)

    [notice] = unread(member)
    assert notice.text.startswith("2 x") and len(notice.text) <= 300


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="needs PostgreSQL: several connections writing at once")
@pytest.mark.usefixtures("socket_test_setup")
def test_replies_written_at_the_same_moment_make_one_notification_and_lose_no_count():
    reader = UserFactory()
    writers, each = 6, 5
    barrier = threading.Barrier(writers)
    failures = []

    def write(number):
        try:
            barrier.wait()
            for _ in range(each):
                with transaction.atomic():
                    reply(reader, f"writer{number}")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    [notice] = unread(reader)
    assert notice.count == writers * each
    assert notice.text == f"{writers * each} new replies in “Coping with nights”"
