"""Flags and reports gather on one open queue item per piece of content, at the right priority."""

import asyncio

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.core.exceptions import PermissionDenied

from community.refusals import Refused
from moderation.models import ModerationAction, Priority, QueueItem, Report, ReportReason
from moderation.screening import screen
from moderation.services import MODERATORS_GROUP, flag_content, report_create, screening_flag
from tests.factories import UserFactory
from tests.moderatable.models import Note

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reports_count_in_full")]


@pytest.fixture
def note(member):
    return Note.objects.create(author=member, body="Some days are harder than others.")


def test_report_opens_an_item_at_the_reason_priority(note):
    reporter = UserFactory()

    report = report_create(reporter=reporter, content=note, reason=ReportReason.UNKIND,
                           note="They were rude")

    item = report.item
    assert (item.source, item.priority, item.status) == ("report", Priority.HIGH, "open")
    assert item.content == note
    assert item.reason == "Reported: Unkind, bullying or harassing"


def test_someone_at_risk_is_urgent(note):
    report = report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK)

    assert report.item.priority == Priority.URGENT


def test_several_reports_gather_on_one_item_and_raise_its_priority(note):
    first = report_create(reporter=UserFactory(), content=note, reason=ReportReason.SPAM)
    second = report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK)
    third = report_create(reporter=UserFactory(), content=note, reason=ReportReason.OTHER)

    assert first.item == second.item == third.item
    assert QueueItem.objects.count() == 1
    item = QueueItem.objects.get()
    assert item.priority == Priority.URGENT
    assert item.reports.count() == 3


def test_a_member_reports_the_same_content_once(note):
    reporter = UserFactory()
    report_create(reporter=reporter, content=note, reason=ReportReason.SPAM)

    with pytest.raises(Refused, match="already reported"):
        report_create(reporter=reporter, content=note, reason=ReportReason.UNKIND)

    assert Report.objects.count() == 1
    assert QueueItem.objects.get().priority == Priority.NORMAL


def test_resolved_item_lets_a_new_report_open_a_fresh_item(note):
    first = report_create(reporter=UserFactory(), content=note, reason=ReportReason.SPAM).item
    first.status = QueueItem.Status.RESOLVED
    first.save()

    second = report_create(reporter=UserFactory(), content=note, reason=ReportReason.SPAM).item

    assert second != first


@pytest.mark.parametrize(
    ("reason", "note_text", "message"),
    [
        ("made-up", "", "choose a reason"),
        (ReportReason.OTHER, "x" * 501, "under 500 characters"),
        (ReportReason.OTHER, "bad\x00note", "hidden control characters"),
    ],
)
def test_bad_report_input_is_refused_with_a_reason(note, reason, note_text, message):
    with pytest.raises(Refused, match=message):
        report_create(reporter=UserFactory(), content=note, reason=reason, note=note_text)

    assert not QueueItem.objects.exists()


def test_members_cannot_report_their_own_words(note, member):
    with pytest.raises(PermissionDenied, match="your own"):
        report_create(reporter=member, content=note, reason=ReportReason.SPAM)


def test_urgent_crisis_language_flags_urgent_and_records_it(note):
    screening = screen("I want to die tonight", kind="post")

    item = screening_flag(content=note, screening=screening)

    assert (item.source, item.priority) == ("crisis", Priority.URGENT)
    assert item.matches[0]["words"] == "want to die"
    action = ModerationAction.objects.get()
    assert (action.actor, action.verb, action.target, action.member) == (
        None, "flag", note, note.author)


def test_concern_flags_at_normal_priority(note):
    item = screening_flag(content=note, screening=screen("I've been thinking about suicide"))

    assert (item.source, item.priority) == ("crisis", Priority.NORMAL)


def test_everyday_text_is_not_queued(note):
    assert screening_flag(content=note, screening=screen("Lovely walk by the canal")) is None
    assert not QueueItem.objects.exists()


def test_a_flag_and_a_report_on_the_same_content_share_one_item(note):
    flagged = flag_content(content=note, source=QueueItem.Source.WATCHED_WORD,
                           priority=Priority.NORMAL, reason="Watched words: test")
    reported = report_create(reporter=UserFactory(), content=note, reason=ReportReason.AT_RISK)

    assert reported.item == flagged
    flagged.refresh_from_db()
    assert flagged.priority == Priority.URGENT


def test_moderation_actions_cannot_be_rewritten(note):
    item = flag_content(content=note, source=QueueItem.Source.HELD, priority=Priority.NORMAL,
                        reason="Held for approval")
    action = item.actions.get()

    action.reason = "something else"
    with pytest.raises(ValueError, match="append-only"):
        action.save()
    with pytest.raises(ValueError, match="append-only"):
        action.delete()


@pytest.mark.django_db(transaction=True)
async def test_online_moderators_hear_of_urgent_items_at_once(member):
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(MODERATORS_GROUP, channel)
    note = await Note.objects.acreate(author=member, body="...")
    reporter = await database_sync_to_async(UserFactory)()

    report = await database_sync_to_async(report_create)(
        reporter=reporter, content=note, reason=ReportReason.AT_RISK
    )

    event = await asyncio.wait_for(layer.receive(channel), 2)
    assert event == {"type": "queue.item", "id": report.item_id, "priority": "urgent",
                     "reason": "Reported: Someone may be at risk"}


@pytest.mark.django_db(transaction=True)
async def test_normal_items_make_no_live_alert(member):
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(MODERATORS_GROUP, channel)
    note = await Note.objects.acreate(author=member, body="...")
    reporter = await database_sync_to_async(UserFactory)()

    await database_sync_to_async(report_create)(reporter=reporter, content=note,
                                                reason=ReportReason.SPAM)

    with pytest.raises(TimeoutError):
        await asyncio.wait_for(layer.receive(channel), 0.3)


def test_content_is_hidden_when_enough_members_report_it(note):
    for _ in range(2):
        report_create(reporter=UserFactory(), content=note, reason=ReportReason.UNKIND)
    note.refresh_from_db()
    assert note.is_visible_to_members

    report_create(reporter=UserFactory(), content=note, reason=ReportReason.UNKIND)

    note.refresh_from_db()
    item = QueueItem.objects.get()
    assert not note.is_visible_to_members and item.is_auto_hidden
    assert ModerationAction.objects.filter(verb="hide", actor=None, item=item).exists()


def test_dismissing_reports_brings_auto_hidden_content_back(note, moderator):
    from moderation.services import reports_dismiss
    for _ in range(3):
        report_create(reporter=UserFactory(), content=note, reason=ReportReason.UNKIND)

    reports_dismiss(item=QueueItem.objects.get(), moderator=moderator)

    note.refresh_from_db()
    assert note.is_visible_to_members


def test_auto_hide_can_be_turned_off(note):
    from moderation.models import ModerationSettings
    ModerationSettings.objects.update_or_create(pk=1, defaults={"auto_hide_reports": 0})

    for _ in range(5):
        report_create(reporter=UserFactory(), content=note, reason=ReportReason.UNKIND)

    note.refresh_from_db()
    assert note.is_visible_to_members
