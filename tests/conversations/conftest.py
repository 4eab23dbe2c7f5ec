"""Settings for private conversations, as administrators set them in the admin."""

import pytest

from conversations.models import ConversationSettings


@pytest.fixture
def conversation_settings(db):
    """Call with the settings to turn on: `conversation_settings(peer_supporters=True)`."""

    def turn_on(*, peer_supporters=False, members=False, rate="3 per hour; 10 per day"):
        ConversationSettings.objects.update_or_create(pk=1, defaults={
            "peer_supporters_may_check_in": peer_supporters,
            "members_may_write_to_each_other": members,
            "member_openings_rate": rate})

    return turn_on
