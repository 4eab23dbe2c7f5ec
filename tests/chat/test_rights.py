"""Open chat sockets follow the member's current rights: a change reaches them at once."""

import pytest
from channels.db import database_sync_to_async
from django.test import Client

from chat.models import Message
from chat.services import message_send
from community import roles
from community.models import User
from community.services import role_revoke
from moderation.content import Visibility
from moderation.sanctions import sanction_create
from tests.chat.test_consumer import WAIT, joined, next_of, open_socket, refused
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("socket_test_setup")]


async def closed_with(communicator) -> int:
    """The close code, passing any frames sent before it."""
    for _ in range(10):
        output = await communicator.receive_output(WAIT)
        if output["type"] == "websocket.close":
            return output["code"]
    raise AssertionError("the socket stayed open")


def admin_client() -> Client:
    client = Client()
    client.force_login(UserFactory(username="lead", is_superuser=True, is_staff=True))
    return client


def admin_edit(user, **changes) -> None:
    """Save the user's page in the admin as an administrator would, with `changes` made."""
    client = admin_client()
    url = f"/admin/community/user/{user.pk}/change/"
    page = client.get(url)
    data = {}
    for form in [page.context["adminform"].form,
                 *(f for formset in page.context["inline_admin_formsets"]
                   for f in formset.formset.forms)]:
        for name, field in form.fields.items():
            value = form[name].value()
            if field.disabled or value in (None, False):
                continue
            data[form.add_prefix(name)] = value
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({management.add_prefix(name): management[name].value()
                     for name in management.fields})
    data.update({name: value for name, value in changes.items() if value is not False})
    for name in [name for name, value in changes.items() if value is False]:
        data.pop(name, None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


async def test_a_moderator_removed_from_the_group_can_no_longer_remove_messages(member,
                                                                               moderator, room):
    sent = await database_sync_to_async(message_send)(author=member, room=room, text="hello")
    mo = await joined(moderator)

    await database_sync_to_async(role_revoke)(user=moderator, role=roles.MODERATORS)
    error = await refused(mo, {"type": "remove", "id": sent.message.pk, "reason": "test"})

    assert error["code"] == "forbidden"
    await sent.message.arefresh_from_db()
    assert sent.message.visibility == Visibility.PUBLISHED
    await mo.disconnect()


async def test_a_superuser_flag_taken_away_ends_the_power_to_remove(member, room):
    lead = await database_sync_to_async(UserFactory)(username="lead2", is_superuser=True)
    sent = await database_sync_to_async(message_send)(author=member, room=room, text="hello")
    socket = await joined(lead)

    await User.objects.filter(pk=lead.pk).aupdate(is_superuser=False)
    error = await refused(socket, {"type": "remove", "id": sent.message.pk, "reason": "test"})

    assert error["code"] == "forbidden"
    await socket.disconnect()


async def test_an_account_deactivated_in_the_admin_is_signed_out_of_chat_at_once(member, room):
    socket = await joined(member)

    await database_sync_to_async(admin_edit)(member, is_active=False)

    error = await next_of(socket, "error")
    assert error["code"] == "signed_out" and error["message"]
    assert await closed_with(socket) == 4401


async def test_a_deactivated_account_cannot_chat_even_if_the_news_is_lost(member, room):
    socket = await joined(member)

    await User.objects.filter(pk=member.pk).aupdate(is_active=False)  # no event sent
    error = await refused(socket, {"type": "message", "text": "still here?"})

    assert error["code"] in ("forbidden", "signed_out")
    assert not await Message.objects.aexists()
    await socket.disconnect()


async def test_a_password_changed_in_the_admin_signs_out_open_chats(member, room):
    socket = await joined(member)

    def change_password():
        response = admin_client().post(f"/admin/community/user/{member.pk}/password/", {
            "password1": "a-new-long-passphrase", "password2": "a-new-long-passphrase"})
        assert response.status_code == 302

    await database_sync_to_async(change_password)()

    assert (await next_of(socket, "error"))["code"] == "signed_out"
    assert await closed_with(socket) == 4401


async def test_a_member_who_must_read_a_warning_stops_chatting_until_they_do(member,
                                                                            moderator, room):
    socket = await joined(member)

    warning = await database_sync_to_async(sanction_create)(
        member=member, moderator=moderator, kind="warning", reason="Please be kind")

    error = await next_of(socket, "error")
    assert error["code"] == "not_allowed" and "warning" in error["message"]
    assert await closed_with(socket) == 4403
    again = await open_socket(member)
    assert await closed_with(again) == 4403

    warning.acknowledged_at = warning.created_at
    await warning.asave()
    socket = await joined(member)
    await socket.send_json_to({"type": "message", "text": "Sorry, all"})
    assert (await next_of(socket, "message"))["text"] == "Sorry, all"
    await socket.disconnect()


async def test_a_warning_closes_only_the_warned_members_socket(member, moderator, room):
    other = await database_sync_to_async(UserFactory)(username="sam")
    alex, sam = await joined(member), await joined(other)

    await database_sync_to_async(sanction_create)(
        member=member, moderator=moderator, kind="warning", reason="Please be kind")

    assert await closed_with(alex) == 4403
    await sam.send_json_to({"type": "message", "text": "Still open"})
    assert (await next_of(sam, "message"))["text"] == "Still open"
    await sam.disconnect()
