"""Moderators' live alerts at /ws/moderation/: who may listen, what arrives, what is refused."""


import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from community.models import Risk, SiteSettings, Topic
from config.asgi import application
from forums.services import thread_create
from moderation.models import CrisisPattern, QueueItem, ReportReason
from moderation.services import presence_touch, report_create
from tests.conftest import session_cookie
from tests.factories import CategoryFactory, UserFactory
from tests.moderatable.models import Note

# Transactional, so alerts go out when the write commits.
pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("socket_test_setup", "reports_count_in_full")]


async def open_socket(user=None) -> WebsocketCommunicator:
    headers = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]
    if user is not None:
        headers.append((b"cookie", await database_sync_to_async(session_cookie)(user)))
    communicator = WebsocketCommunicator(application, "/ws/moderation/", headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def report(reason: str) -> int:
    author, reporter = await database_sync_to_async(lambda: (UserFactory(), UserFactory()))()
    note = await Note.objects.acreate(author=author, body="Some days are harder than others.")
    made = await database_sync_to_async(report_create)(reporter=reporter, content=note,
                                                       reason=reason)
    return made.item_id


async def test_visitors_who_are_not_signed_in_are_closed_with_4401():
    communicator = await open_socket()

    assert await communicator.receive_output(1) == {"type": "websocket.close", "code": 4401}


async def test_members_who_do_not_moderate_are_closed_with_4403(member):
    communicator = await open_socket(member)

    assert await communicator.receive_output(1) == {"type": "websocket.close", "code": 4403}


async def test_moderators_hear_of_an_urgent_report(moderator):
    communicator = await open_socket(moderator)

    item_id = await report(ReportReason.AT_RISK)

    assert await communicator.receive_json_from(2) == {
        "type": "alert", "id": item_id, "priority": "urgent",
        "reason": "Reported: Someone may be at risk", "url": f"/moderation/items/{item_id}/",
    }
    await communicator.disconnect()


async def test_administrators_hear_of_high_priority_reports(admin_user):
    communicator = await open_socket(admin_user)

    item_id = await report(ReportReason.HATEFUL)

    alert = await communicator.receive_json_from(2)
    assert (alert["id"], alert["priority"]) == (item_id, "high")
    await communicator.disconnect()


def urgent_forum_post(author, moderator) -> QueueItem:
    """A member posts crisis words while a moderator is on duty, past the newcomer hold."""
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    presence_touch(moderator=moderator)
    # The default rule, made again if an earlier transactional test's flush removed it.
    CrisisPattern.objects.get_or_create(pattern="want to die", level=Risk.URGENT,
                                        topic=Topic.SUICIDE)
    posted = thread_create(author=author, category=CategoryFactory(), title="Tonight",
                           body="I want to die tonight")
    return QueueItem.objects.get(object_id=posted.post.pk, source=QueueItem.Source.CRISIS)


async def test_a_forum_post_with_urgent_words_alerts_moderators_at_once(moderator, member):
    communicator = await open_socket(moderator)

    item = await database_sync_to_async(urgent_forum_post)(member, moderator)

    assert await communicator.receive_json_from(2) == {
        "type": "alert", "id": item.pk, "priority": "urgent",
        "reason": "Crisis language: urgent", "url": f"/moderation/items/{item.pk}/",
    }
    await communicator.disconnect()


async def test_normal_items_push_nothing(moderator):
    communicator = await open_socket(moderator)

    await report(ReportReason.SPAM)

    assert await communicator.receive_nothing(0.3)
    await communicator.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("x" * (16 * 1024 + 1), "too_long"),
        ("é" * (8 * 1024 + 1), "too_long"),  # 16 KB of bytes, fewer characters
        ("not json", "not_json"),
        ("", "not_json"),
        ("[1, 2]", "not_json"),
        ("[" * 10_000, "not_json"),
        (b"\xff\xfe\x00", "not_json"),
        ('{"type": "claim", "id": 1}', "unknown_type"),
    ],
)
async def test_frames_from_the_browser_get_an_error_and_the_socket_keeps_working(
        moderator, frame, code):
    communicator = await open_socket(moderator)

    # Sent raw: the communicator's helper refuses the empty frame a browser can send.
    kind = "bytes" if isinstance(frame, bytes) else "text"
    await communicator.send_input({"type": "websocket.receive", kind: frame})

    error = await communicator.receive_json_from(2)
    assert (error["type"], error["code"]) == ("error", code)
    assert error["message"]
    item_id = await report(ReportReason.AT_RISK)
    assert (await communicator.receive_json_from(2))["id"] == item_id
    await communicator.disconnect()


async def test_a_moderator_removed_from_the_group_is_closed_and_hears_no_more(moderator):
    from community.roles import MODERATORS
    from community.services import role_revoke

    communicator = await open_socket(moderator)

    await database_sync_to_async(role_revoke)(user=moderator, role=MODERATORS)

    assert (await communicator.receive_json_from(2))["code"] == "not_a_moderator"
    assert await communicator.receive_output(2) == {"type": "websocket.close", "code": 4403}


async def test_alerts_stop_for_someone_no_longer_a_moderator_even_if_the_news_is_lost(
        moderator):
    communicator = await open_socket(moderator)

    await database_sync_to_async(moderator.groups.clear)()  # no event sent
    await report(ReportReason.AT_RISK)

    assert (await communicator.receive_json_from(2))["code"] == "not_a_moderator"
    assert await communicator.receive_output(2) == {"type": "websocket.close", "code": 4403}
