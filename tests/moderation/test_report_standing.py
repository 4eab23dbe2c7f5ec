"""Reports and standing: a new account cannot swamp the queue or hide others' words, and a
genuine urgent report from an established member still reaches the top at once."""

import asyncio
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.urls import reverse
from django.utils import timezone

from community.models import SiteSettings
from community.ratelimits import waived
from community.refusals import Refused
from forums.services import thread_create
from moderation.models import ModerationSettings, Priority, QueueItem, Report, ReportReason
from moderation.selectors import QueueFilters, queue_page
from moderation.services import MODERATORS_GROUP, content_hide, report_create
from moderation.submission import has_standing
from tests.factories import CategoryFactory, UserFactory
from tests.moderatable.models import Note

pytestmark = pytest.mark.django_db
DANGER_NOW = "He says he is going to kill himself tonight, he has the tablets ready"


@pytest.fixture(autouse=True)
def first_posts_published(db):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})


def established(**kwargs):
    """A member of a month's standing, with a post others can read."""
    user = UserFactory(date_joined=timezone.now() - timedelta(days=30), **kwargs)
    with waived():
        thread_create(author=user, category=CategoryFactory(), title="Hello everyone",
                      body="I've been coming here for a while now.")
    return user


def settings_change(**values) -> None:
    ModerationSettings.objects.update_or_create(pk=1, defaults=values)


def notes(count: int, author=None) -> list[Note]:
    author = author or UserFactory()
    return Note.objects.bulk_create(Note(author=author, body=f"Note {n}") for n in range(count))


def queue_order() -> list[int]:
    page = queue_page(viewer=None, filters=QueueFilters())
    return [row.item.pk for row in page.object_list]


def test_standing_takes_an_accounts_age_and_a_published_post(moderator):
    old_but_silent = UserFactory(date_joined=timezone.now() - timedelta(days=30))

    assert not has_standing(UserFactory())
    assert not has_standing(old_but_silent)
    assert has_standing(established())
    assert has_standing(moderator)  # however new
    settings_change(standing_posts=0)
    assert has_standing(old_but_silent)


def test_one_new_account_cannot_swamp_the_crisis_queue():
    flooder = UserFactory()
    refused = []

    for note in notes(500):
        try:
            report_create(reporter=flooder, content=note, reason=ReportReason.AT_RISK)
        except Refused as refusal:
            refused.append(refusal)

    items = QueueItem.objects.all()
    cap = ModerationSettings.current().new_account_daily_reports
    assert items.count() == cap
    assert set(items.values_list("priority", flat=True)) == {Priority.NORMAL}  # no live alert
    assert all(item.is_from_new_account for item in items)
    assert all(item.reason == "Reported: Someone may be at risk (from a new account)"
               for item in items)
    assert refused[0].message.startswith(f"New accounts can send {cap} reports a day.")
    assert "Get help now" in refused[0].message and refused[0].help


def test_a_genuine_crisis_report_after_a_flood_goes_straight_to_the_top():
    for note in notes(3):  # a new account's notes say someone is in danger: urgent, but later
        report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK,
                      note=DANGER_NOW)
    genuine = report_create(reporter=established(), content=notes(1)[0],
                            reason=ReportReason.AT_RISK)

    assert genuine.item.priority == Priority.URGENT and not genuine.item.is_from_new_account
    assert set(QueueItem.objects.values_list("priority", flat=True)) == {Priority.URGENT}
    assert queue_order()[0] == genuine.item_id


def test_an_established_member_joining_a_new_accounts_report_moves_it_up_with_the_rest():
    note, other = notes(2)
    first = report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK,
                          note=DANGER_NOW).item
    later = report_create(reporter=established(), content=other,
                          reason=ReportReason.AT_RISK).item
    assert queue_order() == [later.pk, first.pk]

    report_create(reporter=established(), content=note, reason=ReportReason.AT_RISK)

    first.refresh_from_db()
    assert not first.is_from_new_account
    assert queue_order() == [first.pk, later.pk]  # oldest first again


@pytest.mark.django_db(transaction=True)
async def test_an_established_members_urgent_report_alerts_moderators_at_once():
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(MODERATORS_GROUP, channel)
    reporter = await database_sync_to_async(established)()
    note = (await database_sync_to_async(notes)(1))[0]

    report = await database_sync_to_async(report_create)(
        reporter=reporter, content=note, reason=ReportReason.AT_RISK)

    event = await asyncio.wait_for(layer.receive(channel), 2)
    assert (event["id"], event["priority"]) == (report.item_id, "urgent")


def test_new_accounts_reports_never_hide_anything():
    note = notes(1)[0]

    for _ in range(5):
        report_create(reporter=UserFactory(), content=note, reason=ReportReason.UNKIND)

    note.refresh_from_db()
    assert note.is_visible_to_members
    item = QueueItem.objects.get()
    assert (item.reports.count(), item.is_auto_hidden) == (5, False)


def test_reports_from_members_with_standing_still_hide_until_a_moderator_looks():
    note = notes(1)[0]

    for _ in range(ModerationSettings.current().auto_hide_reports):
        report_create(reporter=established(), content=note, reason=ReportReason.UNKIND)

    note.refresh_from_db()
    assert not note.is_visible_to_members


@pytest.mark.parametrize("staff", ["moderator", "admin_user"])
def test_staff_words_are_never_hidden_by_reports(request, staff):
    note = notes(1, author=request.getfixturevalue(staff))[0]

    for _ in range(5):
        report_create(reporter=established(), content=note, reason=ReportReason.UNKIND)

    note.refresh_from_db()
    assert note.is_visible_to_members
    assert QueueItem.objects.get().reports.count() == 5


def test_a_member_with_many_reports_waiting_is_asked_to_wait_until_a_moderator_looks(
        moderator):
    settings_change(open_reports_per_member=3)
    reporter, mine = established(), notes(5)
    for note in mine[:3]:
        report_create(reporter=reporter, content=note, reason=ReportReason.SPAM)

    with pytest.raises(Refused, match="3 are still waiting for a moderator: please wait"):
        report_create(reporter=reporter, content=mine[3], reason=ReportReason.SPAM)
    content_hide(item=Report.objects.first().item, moderator=moderator, reason="Spam")
    report_create(reporter=reporter, content=mine[3], reason=ReportReason.SPAM)

    assert Report.objects.filter(reporter=reporter).count() == 4


def test_a_refused_report_keeps_the_members_note_on_the_page(client, member):
    settings_change(new_account_daily_reports=1)
    newcomer = UserFactory()
    with waived():
        posts = [thread_create(author=member, category=CategoryFactory(), title="Hello there",
                               body="Hello everyone").post for _ in range(2)]
    client.force_login(newcomer)
    client.post(reverse("forums:post_report", args=[posts[0].pk]), {"reason": "spam"})

    page = client.post(reverse("forums:post_report", args=[posts[1].pk]),
                       {"reason": "unkind", "note": "They keep messaging me"})

    assert page.status_code == 200
    text = page.content.decode()
    assert "New accounts can send 1 report a day." in text
    assert "They keep messaging me" in text
    assert Report.objects.count() == 1
