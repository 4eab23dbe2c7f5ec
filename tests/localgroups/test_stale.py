"""Entries nobody has checked for a year are flagged to administrators, once each."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from community.models import Notification
from localgroups.services import groups_mark_checked
from tests.factories import PeerGroupFactory


@pytest.mark.django_db
def test_command_tells_each_administrator_once_per_stale_entry(admin_user, moderator,
                                                               member):
    old = PeerGroupFactory(name="Old group",
                           last_checked=timezone.localdate() - timedelta(days=366))
    PeerGroupFactory(name="Fresh group",
                     last_checked=timezone.localdate() - timedelta(days=300))
    call_command("notify_stale_groups")
    call_command("notify_stale_groups")
    notices = list(Notification.objects.all())
    assert [(n.user, n.text[:30]) for n in notices] == [(admin_user,
                                                         "Local group 'Old group' has no")]
    assert notices[0].url.endswith(f"/localgroups/peergroup/{old.pk}/change/")

    # Checked again, then left for another year: told again.
    groups_mark_checked(actor=admin_user, groups=[old])
    old.refresh_from_db()
    assert old.stale_notified_at is None
    old.last_checked = timezone.localdate() - timedelta(days=400)
    old.save()
    call_command("notify_stale_groups")
    assert Notification.objects.count() == 2


@pytest.mark.django_db
def test_seed_adds_clearly_marked_examples_once(client, settings):
    from localgroups.models import PeerGroup

    settings.DEBUG = True
    call_command("seed_local_groups")
    call_command("seed_local_groups")
    examples = PeerGroup.objects.all()
    assert examples.count() == 6
    assert all(group.is_example and group.name.startswith("Example entry: ")
               for group in examples)
    page = client.get("/groups/", {"postcode": "LS6"}).content.decode()
    assert "Example entry: Headingley Tuesday Talk" in page
    assert "Example entry: not a real group" in page
