"""Administrators manage screening rules; the queue and audit trail are read-only there."""

import pytest

from moderation.models import CrisisPattern, ModerationAction, Priority, QueueItem
from moderation.services import flag_content
from tests.moderatable.models import Note

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "/admin/moderation/crisispattern/",
    "/admin/moderation/watchedword/",
    "/admin/moderation/queueitem/",
    "/admin/moderation/moderationaction/",
    "/admin/community/helpresource/",
    "/admin/community/contentwarning/",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_administrators_open_the_safety_pages(client, admin_user, path):
    client.force_login(admin_user)

    assert client.get(path).status_code == 200


def test_rule_with_bad_syntax_is_refused_with_a_reason(client, admin_user):
    client.force_login(admin_user)

    response = client.post("/admin/moderation/crisispattern/add/", {
        "pattern": "~ die", "level": "urgent", "topic": "suicide", "is_active": "on",
    })

    assert response.status_code == 200
    assert "must start with words" in response.content.decode()
    assert not CrisisPattern.objects.filter(pattern="~ die").exists()


def test_queue_and_audit_trail_are_read_only_in_the_admin(client, admin_user, member):
    note = Note.objects.create(author=member, body="hello")
    item = flag_content(content=note, source=QueueItem.Source.HELD, priority=Priority.NORMAL,
                        reason="Held for approval")
    action = ModerationAction.objects.get()
    client.force_login(admin_user)

    for path in (f"/admin/moderation/queueitem/{item.pk}/delete/",
                 f"/admin/moderation/moderationaction/{action.pk}/delete/"):
        assert client.post(path, {"post": "yes"}).status_code == 403
    assert client.get("/admin/moderation/moderationaction/add/").status_code == 403
    assert ModerationAction.objects.filter(pk=action.pk).exists()
