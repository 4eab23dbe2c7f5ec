"""Chat fixtures: an open room, and moderators online so urgent words are not held."""

import pytest

from chat.models import Room


@pytest.fixture(autouse=True)
def moderators_online(db):
    from moderation.services import presence_touch
    from tests.factories import on_duty_moderator

    presence_touch(moderator=on_duty_moderator())


@pytest.fixture
def room(db):
    return Room.objects.create(name="Evening drop-in", slug="evening-drop-in")
