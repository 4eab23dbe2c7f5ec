"""The database keeps the audit trail as written, whatever path a write takes."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from moderation.models import ModerationAction, Priority, QueueItem
from moderation.services import action_record, flag_content
from tests.moderatable.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(member, moderator):
    note = Note.objects.create(author=member, body="Some days are harder than others.")
    item = flag_content(content=note, source=QueueItem.Source.HELD, priority=Priority.NORMAL,
                        reason="Held for approval")
    return action_record(actor=moderator, verb=ModerationAction.Verb.APPROVE, target=note,
                         member=member, item=item, reason="Fine to publish")


def as_stored(action):
    return ModerationAction.objects.values().get(pk=action.pk)


def test_recording_an_action_still_adds_a_row(action):
    assert as_stored(action)["reason"] == "Fine to publish"
    assert ModerationAction.objects.filter(item=action.item).count() == 2


def test_a_queryset_update_is_refused_and_the_record_is_unchanged(action):
    before = as_stored(action)

    # Inside atomic, so the failed statement leaves the test's connection usable on PostgreSQL.
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        ModerationAction.objects.filter(pk=action.pk).update(reason="x")

    assert as_stored(action) == before


def test_a_queryset_delete_is_refused_and_the_record_is_kept(action):
    before = as_stored(action)

    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        ModerationAction.objects.filter(pk=action.pk).delete()

    assert as_stored(action) == before


def test_deleting_the_member_or_the_queue_item_is_refused_while_actions_name_them(action):
    before = as_stored(action)

    with pytest.raises(ProtectedError), transaction.atomic():
        action.member.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        action.actor.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        QueueItem.objects.filter(pk=action.item_id).delete()

    assert as_stored(action) == before


@pytest.mark.django_db(transaction=True)
def test_committed_records_are_guarded_too(member):
    # Transactional tests run after the others, so this one also shows the guard
    # survives the flushes between them.
    action = action_record(actor=None, verb=ModerationAction.Verb.NOTE, member=member,
                           reason="Checked in after a hard week")

    with pytest.raises(IntegrityError, match="append-only"):
        ModerationAction.objects.filter(pk=action.pk).update(reason="x")
    with pytest.raises(IntegrityError, match="append-only"):
        ModerationAction.objects.all().delete()

    assert as_stored(action)["reason"] == "Checked in after a hard week"
