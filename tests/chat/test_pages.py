"""The chat pages: the room list with who is there, and a room readable without JavaScript."""

import re
from datetime import time
from html import unescape

import pytest
from asgiref.sync import async_to_sync

from chat import presence
from chat.models import Room, RoomHours
from chat.services import message_send
from community.models import Block
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_visitors_see_the_rooms_and_are_invited_to_log_in(client, room):
    page = client.get("/chat/")

    assert page.status_code == 200
    assert "Evening drop-in" in page.text and "Log in" in page.text


def test_a_room_asks_visitors_to_log_in_and_shows_no_messages(client, member, room):
    message_send(author=member, room=room, text="a private evening")

    page = client.get("/chat/evening-drop-in/")

    assert "Log in to join the room" in page.text
    assert "a private evening" not in page.text


def test_members_read_the_latest_messages_escaped(client, member, room):
    other = UserFactory(username="sam")
    message_send(author=other, room=room, text="<script>alert(1)</script> https://x.example")
    client.force_login(member)

    page = client.get("/chat/evening-drop-in/")

    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>alert" not in page.text
    assert 'href="https://x.example' not in page.text
    assert 'maxlength="2000"' in page.text and 'for="chat-text"' in page.text
    assert 'src="/static/js/chat.js"' in page.text
    assert "data-moderates" not in page.text and 'class="mod-menu"' not in page.text


def test_staff_and_peer_supporters_messages_show_their_badge(client, member, moderator,
                                                            admin_user, peer_supporter, room):
    for writer in (moderator, admin_user, peer_supporter, member):
        message_send(author=writer, room=room, text=f"Hello from {writer.username}")
    client.force_login(member)

    page = client.get("/chat/evening-drop-in/").text

    metas = re.findall(r'<p class="chat-message__meta"><strong>(\w+)</strong>(.*?)<time', page)
    assert [(name, re.sub(r"<[^>]+>", "", badge).strip()) for name, badge in metas] == [
        ("mo", "Moderator"), ("admin", "Administrator"), ("jo", "Peer supporter"),
        ("alex", "")]


def test_messages_from_blocked_members_are_collapsed(client, member, room):
    other = UserFactory(username="sam")
    Block.objects.create(blocker=member, blocked=other)
    message_send(author=other, room=room, text="hello there")
    client.force_login(member)

    page = client.get("/chat/evening-drop-in/")

    assert "Hidden: you blocked sam" in page.text
    assert 'data-blocked="[&quot;sam&quot;]"' in page.text


def test_moderators_get_the_moderate_menu_on_live_messages(client, moderator, room):
    client.force_login(moderator)

    assert "data-moderates" in client.get("/chat/evening-drop-in/").text


def test_a_room_for_posters_turns_new_members_away(client, member, room):
    Room.objects.filter(pk=room.pk).update(who_may_join=Room.Joiners.POSTERS)
    client.force_login(member)

    assert client.get("/chat/evening-drop-in/").status_code == 403


def test_unknown_rooms_are_404(client, member):
    client.force_login(member)

    assert client.get("/chat/nowhere/").status_code == 404


def test_the_list_shows_who_is_here_and_when_a_room_opens(client, member, room):
    closed_now = Room.objects.create(name="Carers' cuppa", slug="carers-cuppa")
    # Open for one minute a week: almost always closed when the test runs.
    for weekday in range(7):
        RoomHours.objects.create(room=closed_now, weekday=weekday, opens=time(3, 0),
                                 closes=time(3, 1))
    client.force_login(member)
    async_to_sync(presence.store().enter)(room.pk, "test.channel!a", "alex")
    try:
        page = client.get("/chat/")
    finally:
        async_to_sync(presence.store().leave)(room.pk, "test.channel!a", "alex")

    assert "1 person here now: alex." in page.text
    assert "Open now." in page.text
    assert "It opens" in page.text and "at 3am." in page.text


@pytest.mark.parametrize("rooms", [1, 6])
def test_the_room_list_takes_a_fixed_number_of_queries(client, member, rooms,
                                                       django_assert_max_num_queries):
    for number in range(rooms):
        made = Room.objects.create(name=f"Room {number}", slug=f"room-{number}")
        RoomHours.objects.create(room=made, weekday=number % 7, opens=time(18),
                                 closes=time(21))
    client.force_login(member)

    with django_assert_max_num_queries(13):
        assert client.get("/chat/").status_code == 200


def test_seed_chat_makes_the_demo_rooms_once(settings):
    from django.core.management import call_command

    from chat.models import Message

    settings.DEBUG = True
    UserFactory(username="alex"), UserFactory(username="jo"), UserFactory(username="sam")
    call_command("seed_chat", verbosity=0)
    call_command("seed_chat", verbosity=0)

    assert set(Room.objects.values_list("slug", flat=True)) == {
        "evening-drop-in", "carers-cuppa", "dementia-friends"}
    assert Room.objects.get(slug="evening-drop-in").hours.count() == 7
    assert Message.objects.count() == 8


def test_roles_may_manage_or_view_rooms_in_the_admin(admin_user, moderator):
    assert admin_user.has_perms(["chat.add_room", "chat.change_roomhours", "chat.view_message"])
    assert moderator.has_perms(["chat.view_room", "chat.view_message"])
    assert not moderator.has_perm("chat.change_room")


def test_a_read_only_room_offers_no_box_to_type_in_and_says_why(client, member, room):
    Room.objects.filter(pk=room.pk).update(status=Room.Status.READ_ONLY)
    client.force_login(member)

    page = unescape(client.get("/chat/evening-drop-in/").text)

    assert "You can't send messages just now: the room is read-only." in page
    assert '<button type="submit" class="button" data-chat-send disabled>' in page


def test_a_message_sent_without_javascript_keeps_its_warning_and_note(client, member, room):
    client.force_login(member)

    response = client.post("/chat/evening-drop-in/send/", {
        "text": "My dad has chemo on Thursday", "warnings": ["medical-detail"],
        "note": "hospital talk"}, follow=True)

    message = room.messages.get()
    assert (message.content_warnings, message.warning_note) == (["medical-detail"],
                                                                "hospital talk")
    assert "hospital talk" in response.text


def test_who_is_in_each_room_is_shown_to_members_only(client, member, room):
    async_to_sync(presence.store().enter)(room.pk, "test.channel!b", "sam")
    try:
        visitor_page = client.get("/chat/")
        client.force_login(member)
        member_page = client.get("/chat/")
    finally:
        async_to_sync(presence.store().leave)(room.pk, "test.channel!b", "sam")

    assert "sam" not in visitor_page.text and "here now" not in visitor_page.text
    assert "1 person here now: sam." in member_page.text
