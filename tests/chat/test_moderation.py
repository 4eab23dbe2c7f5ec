"""Moderating a room from the page itself, without JavaScript: status, slow mode, mutes,
hiding messages from their Moderate menu, and members reporting them."""

import html
from pathlib import Path

import pytest

from chat.models import Room
from chat.services import message_send
from community.models import Notification
from community.refusals import Refused
from moderation.content import Visibility
from moderation.models import ModerationAction, QueueItem, Sanction
from moderation.services import report_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROOM = "/chat/evening-drop-in/"
ACTIONS = ["moderate/status/", "moderate/slow-mode/", "moderate/mute/"]


@pytest.fixture
def other_room(db):
    return Room.objects.create(name="Morning coffee", slug="morning-coffee")


@pytest.fixture
def sam(db):
    return UserFactory(username="sam")


def test_moderators_see_the_moderation_section_and_members_do_not(client, member, moderator,
                                                                 room):
    client.force_login(member)
    assert "Moderate this room" not in client.get(ROOM).text

    client.force_login(moderator)
    page = client.get(ROOM).text
    assert "Moderate this room" in page
    assert 'action="/chat/evening-drop-in/moderate/mute/#moderate"' in page
    assert "csrfmiddlewaretoken" in page


def test_administrators_moderate_rooms_too(client, admin_user, room):
    client.force_login(admin_user)

    response = client.post(ROOM + "moderate/status/", {"status": "closed"})

    assert response.status_code == 302
    room.refresh_from_db()
    assert room.status == Room.Status.CLOSED


@pytest.mark.parametrize("action", ACTIONS)
def test_members_are_refused_the_room_controls(client, member, room, action):
    client.force_login(member)

    response = client.post(ROOM + action, {"status": "closed", "seconds": "30"})

    assert response.status_code == 403
    room.refresh_from_db()
    assert room.status == Room.Status.OPEN and room.slow_mode_seconds == 0


@pytest.mark.parametrize("action", ACTIONS)
def test_visitors_are_sent_to_log_in(client, room, action):
    response = client.post(ROOM + action, {"status": "closed"})

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_members_are_refused_hiding_messages(client, member, sam, room):
    sent = message_send(author=sam, room=room, text="hello")
    client.force_login(member)

    response = client.post(f"/moderation/content/message/{sent.message.pk}/hide/",
                           {"reason": "x"})

    assert response.status_code == 403
    assert "This page is for the moderators" in response.text
    sent.message.refresh_from_db()
    assert sent.message.visibility == Visibility.PUBLISHED


@pytest.mark.parametrize(("status", "code"), [("read_only", "read_only"), ("closed", "closed")])
def test_status_change_stops_members_sending(client, member, moderator, room, status, code):
    client.force_login(moderator)

    response = client.post(ROOM + "moderate/status/", {"status": status}, follow=True)

    assert response.redirect_chain[-1][0] == ROOM + "#moderate"
    assert "The room is now" in response.text
    assert ModerationAction.objects.filter(verb="room", actor=moderator).exists()
    with pytest.raises(Refused) as refused:
        message_send(author=member, room=Room.objects.get(pk=room.pk), text="hello")
    assert refused.value.code == code


def test_slow_mode_is_set_and_slows_members(client, member, moderator, room):
    client.force_login(moderator)

    response = client.post(ROOM + "moderate/slow-mode/", {"seconds": "60"}, follow=True)

    assert "one message every 60 seconds" in response.text
    room.refresh_from_db()
    assert room.slow_mode_seconds == 60
    assert ModerationAction.objects.filter(verb="room", object_id=room.pk,
                                           reason="Slow mode: 60 seconds").exists()
    message_send(author=member, room=room, text="first")
    with pytest.raises(Refused) as refused:
        message_send(author=member, room=room, text="second")
    assert refused.value.code == "slow_mode"


def test_a_room_mute_silences_the_member_here_only(client, member, moderator, room, other_room):
    client.force_login(moderator)

    response = client.post(ROOM + "moderate/mute/", {
        "pseudonym": "Alex", "where": "room", "duration": "10m", "reason": "Take a breather",
    }, follow=True)

    assert "alex is muted in this room" in response.text
    sanction = Sanction.objects.get(member=member)
    assert sanction.kind == "mute" and sanction.scope == room.group_name
    assert ModerationAction.objects.filter(verb="mute", member=member).exists()
    with pytest.raises(Refused) as refused:
        message_send(author=member, room=room, text="hello")
    assert refused.value.code == "muted" and "Take a breather" in refused.value.message
    assert not message_send(author=member, room=other_room, text="hello").is_held


def test_a_site_wide_mute_silences_the_member_everywhere(client, member, moderator, room,
                                                         other_room):
    client.force_login(moderator)

    client.post(ROOM + "moderate/mute/", {
        "pseudonym": "alex", "where": "site", "duration": "7d", "reason": "Please rest",
    })

    assert Sanction.objects.get(member=member).scope == ""
    for somewhere in (room, other_room):
        with pytest.raises(Refused):
            message_send(author=member, room=somewhere, text="hello")


def test_hiding_a_message_from_its_menu_without_javascript(client, moderator, sam, member, room,
                                                          monkeypatch):
    sent = message_send(author=sam, room=room, text="something unkind")
    item = report_create(reporter=member, content=sent.message, reason="unkind").item
    events = []
    monkeypatch.setattr("chat.services.send_event_on_commit",
                        lambda group, event: events.append((group, event)))
    client.force_login(moderator)
    hide = f"/moderation/content/message/{sent.message.pk}/hide/"
    assert f'<a href="{hide}">Hide' in client.get(ROOM).text

    asked = client.get(hide)
    response = client.post(hide, {"reason": "Unkind"}, follow=True)

    assert "Hide the chat message by sam?" in asked.text and "something unkind" in asked.text
    assert "This chat message is in the moderation queue" in asked.text
    assert response.redirect_chain[-1][0] == f"{ROOM}#message-{sent.message.pk}"
    assert "Hidden. The author has been told why." in response.text
    item.refresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED and item.resolved_by == moderator
    assert "Hidden by a moderator: only moderators see it. Reason: Unkind" in response.text
    sent.message.refresh_from_db()
    assert sent.message.visibility == Visibility.HIDDEN
    assert ModerationAction.objects.filter(verb="hide", member=sam, reason="Unkind").exists()
    assert (room.group_name, {"type": "chat.removed", "id": sent.message.pk}) in events


def test_members_report_others_messages_by_form(client, member, sam, room):
    sent = message_send(author=sam, room=room, text="buy my stuff")
    message_send(author=member, room=room, text="my own words")
    client.force_login(member)

    page = client.get(ROOM).text
    assert page.count('/report/"') == 1
    assert 'class="mod-menu"' not in page

    response = client.post(f"{ROOM}messages/{sent.message.pk}/report/", {"reason": "spam"})

    assert "A moderator will look at this" in response.text
    assert f'href="{ROOM}#message-{sent.message.pk}"' in response.text
    report = QueueItem.objects.get().reports.get()
    assert report.reporter == member and report.reason == "spam"


def test_reporting_twice_is_explained(client, member, sam, room):
    sent = message_send(author=sam, room=room, text="buy my stuff")
    client.force_login(member)
    url = f"{ROOM}messages/{sent.message.pk}/report/"
    client.post(url, {"reason": "spam"})

    response = client.post(url, {"reason": "spam"})

    assert "already reported this" in response.text


def test_visitors_reporting_are_sent_to_log_in(client, sam, room):
    sent = message_send(author=sam, room=room, text="hello")

    response = client.post(f"{ROOM}messages/{sent.message.pk}/report/", {"reason": "spam"})

    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not QueueItem.objects.exists()


@pytest.mark.parametrize(
    ("data", "error", "kept"),
    [
        ({"pseudonym": "nobody-here", "where": "room", "duration": "1h", "reason": "Rude"},
         "There is no member called", 'value="nobody-here"'),
        ({"pseudonym": "alex", "where": "room", "duration": "1h", "reason": "   "},
         "Give a reason: the member will see it.", 'value="alex"'),
        ({"pseudonym": "alex", "where": "room", "duration": "forever", "reason": "Rude"},
         "Choose one of the lengths in the list.", "Rude</textarea>"),
        ({"pseudonym": "alex", "where": "moon", "duration": "1h", "reason": "Rude"},
         "Choose this room or the whole site.", 'value="alex"'),
        ({"pseudonym": "mo", "where": "room", "duration": "1h", "reason": "Rude"},
         "You can't mute yourself.", 'value="mo"'),
    ],
)
def test_bad_mutes_show_the_reason_and_keep_the_input(client, member, moderator, room, data,
                                                      error, kept):
    client.force_login(moderator)

    response = client.post(ROOM + "moderate/mute/", data)

    assert response.status_code == 400
    assert error in response.text.replace("&#x27;", "'")
    assert kept in response.text
    assert not Sanction.objects.exists()


def test_moderators_cannot_mute_a_moderator_but_administrators_can(client, moderator,
                                                                   admin_user, room):
    other = UserFactory(username="mod-two")
    from community import roles
    from community.services import role_grant
    role_grant(user=other, role=roles.MODERATORS)
    data = {"pseudonym": "mod-two", "where": "room", "duration": "1h", "reason": "Test"}

    client.force_login(moderator)
    assert "Only administrators can mute a moderator" in client.post(
        ROOM + "moderate/mute/", data).text
    client.force_login(admin_user)
    assert client.post(ROOM + "moderate/mute/", data).status_code == 302


@pytest.mark.parametrize(("data", "error"), [
    ({"status": "gone"}, "Choose open, read-only or closed."),
    ({"seconds": "9999"}, "Slow mode is between 0 and 3600 seconds."),
    ({"seconds": "soon"}, "Give a whole number of seconds"),
])
def test_bad_room_settings_are_explained(client, moderator, room, data, error):
    client.force_login(moderator)
    action = "moderate/status/" if "status" in data else "moderate/slow-mode/"

    response = client.post(ROOM + action, data)

    assert response.status_code == 400 and error in response.text
    room.refresh_from_db()
    assert room.status == Room.Status.OPEN and room.slow_mode_seconds == 0


def test_plain_forms_give_way_to_live_buttons(client, moderator, sam, room):
    message_send(author=sam, room=room, text="hello")
    client.force_login(moderator)

    page = client.get(ROOM).text

    assert 'class="chat-message__forms"' in page and 'class="mod-menu"' in page
    assert "<legend>Where</legend>" in page
    script = Path(__file__).resolve().parents[2] / "static" / "js" / "chat.js"
    assert "chat__messages--live" in script.read_text()


def test_hiding_a_message_from_the_queue_takes_it_off_everyones_screen(client, moderator, sam,
                                                                       member, room, monkeypatch):
    sent = message_send(author=sam, room=room, text="something unkind")
    item = report_create(reporter=member, content=sent.message, reason="unkind").item
    events = []
    monkeypatch.setattr("chat.services.send_event_on_commit",
                        lambda group, event: events.append((group, event)))
    client.force_login(moderator)

    queue = client.get("/moderation/").content.decode()
    client.post(f"/moderation/items/{item.pk}/hide/", {"reason": "Unkind"})

    assert "Member report: chat message by sam" in queue
    sent.message.refresh_from_db()
    assert sent.message.visibility == Visibility.HIDDEN
    assert events == [
        (room.group_name, {"type": "chat.removed", "id": sent.message.pk}),
        (f"member-{sam.pk}", {"type": "chat.hidden", "room": room.pk, "id": sent.message.pk,
                              "message": "A moderator removed your message. The reason: Unkind"}),
    ]
    assert Notification.objects.get(user=sam).text == (
        "A moderator hid your chat message in Evening drop-in. The reason: Unkind")


def test_a_messages_menu_offers_what_applies_to_a_message(client, moderator, sam, room):
    sent = message_send(author=sam, room=room, text="hello")
    client.force_login(moderator)

    page = html.unescape(client.get(ROOM).text)

    actions = f"/moderation/content/message/{sent.message.pk}/"
    assert f'<a href="{actions}hide/">Hide' in page
    assert f"{actions}edit/" not in page and f"{actions}lock/" not in page  # no thread here
    assert '<a href="/moderation/members/sam/">sam\'s moderation history</a>' in page
    assert 'data-history-url="/moderation/members/NAME/"' in page
