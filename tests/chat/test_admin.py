"""Administrators run rooms from the admin too: status and slow mode go through chat.services,
so the change is recorded and everyone in the room hears of it."""

import asyncio

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.test import Client

from chat.models import Room
from moderation.models import ModerationAction
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def room_form(room: Room, **changes) -> dict:
    """The room's change form as the admin page sends it, with some fields changed."""
    return {
        "name": room.name, "slug": room.slug, "description": room.description,
        "content_warnings": "[]", "order": room.order, "status": room.status,
        "slow_mode_seconds": room.slow_mode_seconds, "who_may_join": room.who_may_join,
        "hours-TOTAL_FORMS": "0", "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0", "hours-MAX_NUM_FORMS": "1000",
        **changes,
    }


def change(client, room, **changes):
    return client.post(f"/admin/chat/room/{room.pk}/change/", room_form(room, **changes))


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("socket_test_setup")
async def test_closing_a_room_in_the_admin_is_recorded_and_everyone_in_it_hears():
    # A superuser: the flush between transactional tests takes the Administrators group's
    # admin permissions with it, and superusers are administrators too.
    admin_user = await database_sync_to_async(UserFactory)(username="root", is_superuser=True,
                                                           is_staff=True)
    room = await Room.objects.acreate(name="Evening drop-in", slug="evening-drop-in")
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(room.group_name, channel)
    client = Client()
    await database_sync_to_async(client.force_login)(admin_user)

    response = await database_sync_to_async(change)(client, room, status="closed")

    assert response.status_code == 302
    assert await asyncio.wait_for(layer.receive(channel), 2) == {
        "type": "chat.room", "status": "closed"}
    await room.arefresh_from_db()
    assert room.status == Room.Status.CLOSED
    action = await ModerationAction.objects.select_related("actor").aget()
    assert (action.verb, action.actor, action.reason) == (
        "room", admin_user, "Now closed")


def test_slow_mode_in_the_admin_is_recorded_with_other_changes_kept(client, admin_user, room):
    client.force_login(admin_user)

    response = change(client, room, slow_mode_seconds="30", description="Come and say hello")

    assert response.status_code == 302
    room.refresh_from_db()
    assert (room.slow_mode_seconds, room.description) == (30, "Come and say hello")
    action = ModerationAction.objects.get()
    assert (action.verb, action.target, action.reason) == ("room", room, "Slow mode: 30 seconds")


def test_slow_mode_past_an_hour_is_refused_with_a_reason(client, admin_user, room):
    client.force_login(admin_user)

    response = change(client, room, slow_mode_seconds="7200")

    assert response.status_code == 200
    assert "Slow mode is at most 3600 seconds." in response.content.decode()
    room.refresh_from_db()
    assert room.slow_mode_seconds == 0
    assert not ModerationAction.objects.exists()


def test_status_changed_in_the_room_list_goes_through_the_service(client, admin_user, room,
                                                                  monkeypatch):
    events = []
    monkeypatch.setattr("chat.services.send_event_on_commit",
                        lambda group, event: events.append((group, event)))
    client.force_login(admin_user)

    response = client.post("/admin/chat/room/", {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000", "form-0-id": room.pk, "form-0-status": "read_only",
        "form-0-order": room.order, "_save": "Save",
    })

    assert response.status_code == 302
    room.refresh_from_db()
    assert room.status == Room.Status.READ_ONLY
    assert ModerationAction.objects.get().reason == "Now read-only"
    assert events == [(room.group_name, {"type": "chat.room", "status": "read_only"})]


def test_saving_a_room_unchanged_records_nothing(client, admin_user, room):
    client.force_login(admin_user)

    assert change(client, room).status_code == 302

    assert not ModerationAction.objects.exists()
