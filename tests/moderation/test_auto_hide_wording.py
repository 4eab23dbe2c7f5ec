"""Words hidden by reports past the threshold tell their writer the truth: the site hid
them and a moderator will look, not that a moderator already did."""

import pytest
from django.test import Client

from chat.models import Room
from chat.services import message_send
from community.realtime import member_group
from forums.services import post_create, post_set_visibility, thread_create
from moderation.content import Visibility
from moderation.models import ModerationSettings, ReportReason
from moderation.services import AUTO_HIDE_TOLD, report_create
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.usefixtures("reports_count_in_full", "no_newcomer_holds",
                                     "on_duty")
AUTOMATIC = "Hidden automatically until a moderator looks at it"


@pytest.fixture
def no_newcomer_holds(db):
    from community.models import SiteSettings

    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})


@pytest.fixture
def on_duty(db):
    from moderation.services import presence_touch
    from tests.factories import on_duty_moderator

    presence_touch(moderator=on_duty_moderator())


@pytest.fixture
def category(db):
    return CategoryFactory()


@pytest.fixture(autouse=True)
def two_reports_hide(db):
    ModerationSettings.objects.update_or_create(pk=1, defaults={"auto_hide_reports": 2})


def reported_enough(content) -> None:
    for _ in range(2):
        report_create(reporter=UserFactory(), content=content, reason=ReportReason.UNKIND)
    content.refresh_from_db()
    assert content.visibility == Visibility.HIDDEN


def page_of(user, url: str) -> str:
    client = Client()
    client.force_login(user)
    return client.get(url).content.decode().replace("&#x27;", "'")


def test_a_writer_whose_post_reports_hid_is_told_it_was_automatic(member, category):
    opener = thread_create(author=UserFactory(), category=category, title="Evenings",
                           body="How are your evenings?").post.thread
    reply = post_create(author=member, thread=opener, body="Nobody cares about you").post
    page_of(member, opener.get_absolute_url())  # its fragment kept as it was before

    reported_enough(reply)

    page = page_of(member, opener.get_absolute_url())
    assert f"{AUTOMATIC}. Other members can't see it." in page
    assert "Hidden by a moderator" not in page


def test_a_moderators_hide_still_says_a_moderator_hid_it(member, moderator, category):
    opener = thread_create(author=UserFactory(), category=category, title="Evenings",
                           body="How are your evenings?").post.thread
    reply = post_create(author=member, thread=opener, body="Something unkind").post

    post_set_visibility(post=reply, visibility=Visibility.HIDDEN, by=moderator, reason="Unkind")

    page = page_of(member, opener.get_absolute_url())
    assert "Hidden by a moderator. Other members can't see it." in page
    assert AUTOMATIC not in page


def test_a_thread_reports_hid_is_marked_as_waiting_for_a_moderator(member, category):
    thread = thread_create(author=member, category=category, title="Everyone here is awful",
                           body="Words").post.thread

    reported_enough(thread)

    page = page_of(member, category.get_absolute_url())
    assert "Hidden until a moderator looks" in page
    assert "Hidden by a moderator" not in page


def test_a_chat_message_reports_hid_tells_its_writer_it_was_automatic(member, monkeypatch):
    room = Room.objects.create(name="Evening drop-in", slug="evening-drop-in")
    message = message_send(author=member, room=room, text="You are all useless").message
    events = []
    monkeypatch.setattr("chat.services.send_event_on_commit",
                        lambda group, event: events.append((group, event)))

    reported_enough(message)

    told = [event["message"] for group, event in events
            if group == member_group(member.pk) and event["type"] == "chat.hidden"]
    assert told == ["Your message was hidden automatically until a moderator looks at it. "
                    "Nobody else can see it for now. The reason: " + AUTO_HIDE_TOLD]
