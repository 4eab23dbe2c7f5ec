"""A request to talk, as moderators see it: in the queue, on its item page with a way to close
it, and in the member's moderation history; never with the member's answers."""

import html

import pytest
from django.urls import reverse

from moderation.models import QueueItem
from wellbeing import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_item(member):
    services.consent_give(member=member)
    services.checkin_record(member=member, answers={
        "life_satisfaction": 1, "worthwhile": 1, "happiness": 1, "anxiety": 10,
        "loneliness": "often"})
    services.talk_request_create(member=member)
    return QueueItem.objects.get()


def test_moderators_see_the_request_in_the_queue(client, moderator, member, request_item):
    client.force_login(moderator)
    page = html.unescape(client.get(reverse("moderation:queue")).content.decode())
    assert "Asked to talk to someone" in page and member.username in page


def test_the_item_page_offers_closing_it_and_shows_no_answers(client, moderator, member,
                                                              request_item):
    client.force_login(moderator)
    response = client.get(reverse("moderation:item", args=[request_item.pk]))
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert f"{member.username} would like someone from the team to talk to them" in page
    assert "Often/always" not in page and "anxious" not in page
    response = client.post(reverse("moderation:act", args=[request_item.pk, "dismiss"]),
                           {"reason": "Sent them a message"})
    request_item.refresh_from_db()
    assert request_item.status == QueueItem.Status.RESOLVED


def test_the_request_shows_in_the_members_moderation_history(client, moderator, member,
                                                             request_item):
    client.force_login(moderator)
    response = client.get(reverse("moderation:member", args=[member.username]))
    assert response.status_code == 200
