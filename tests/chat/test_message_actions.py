"""What members and moderators do to one message, as on a forum post: report it (no reason
chosen for you, an optional note, never your own), delete your own, and for moderators hide,
restore and reach the writer's sanctions."""

from html import unescape

import pytest
from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied
from django.test import Client

from chat.models import Message
from chat.selectors import catch_up, history
from chat.services import message_delete, message_send
from community import roles
from community.models import Notification
from community.services import role_grant
from moderation.content import Visibility
from moderation.models import ModerationAction, Priority, QueueItem, Report
from moderation.sanctions import sanction_create
from moderation.services import content_hide_where_read, item_claim, report_create
from tests.chat.test_consumer import joined, next_of, refused
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def on_sockets(test):
    """Transactional, so broadcasts go out when the write commits (as in test_consumer)."""
    return pytest.mark.django_db(transaction=True)(
        pytest.mark.usefixtures("socket_test_setup")(test))


ROOM = "/chat/evening-drop-in/"


@pytest.fixture
def sam(db):
    return UserFactory(username="sam")


def page_text(client, path=ROOM) -> str:
    return unescape(client.get(path).text)


# --- Reporting --------------------------------------------------------------------------------


def test_members_cannot_report_their_own_message(member, room):
    sent = message_send(author=member, room=room, text="my own words")

    with pytest.raises(PermissionDenied, match="You can't report your own words"):
        report_create(reporter=member, content=sent.message, reason="spam")
    assert not QueueItem.objects.exists()


def test_the_report_page_chooses_no_reason_and_takes_a_note(client, member, sam, room):
    sent = message_send(author=sam, room=room, text="buy my stuff")
    client.force_login(member)
    url = f"{ROOM}messages/{sent.message.pk}/report/"

    form = client.get(url).text
    done = client.post(url, {"reason": "spam", "note": "Third time tonight"})

    assert "You are reporting the message from sam in Evening drop-in." in unescape(form)
    assert 'type="radio"' in form and "checked" not in form
    assert "Anything else a moderator should know? (optional)" in form
    assert "Thank you" in done.text
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.note) == (member, "spam",
                                                              "Third time tonight")


def test_the_report_page_asks_for_a_reason_and_keeps_the_note(client, member, sam, room):
    sent = message_send(author=sam, room=room, text="buy my stuff")
    client.force_login(member)

    response = client.post(f"{ROOM}messages/{sent.message.pk}/report/",
                           {"note": "Third time tonight"})

    assert "Please choose what the problem is." in response.text
    assert "Third time tonight</textarea>" in response.text
    assert not Report.objects.exists()


def test_the_room_links_to_reporting_others_messages_only(client, member, sam, room):
    theirs = message_send(author=sam, room=room, text="buy my stuff").message
    mine = message_send(author=member, room=room, text="my own words").message
    client.force_login(member)

    text = page_text(client)

    assert f'href="{ROOM}messages/{theirs.pk}/report/"' in text
    assert f"messages/{mine.pk}/report/" not in text


def test_a_report_note_with_crisis_words_makes_the_item_urgent(member, sam, room):
    sent = message_send(author=sam, room=room, text="buy my stuff")

    report = report_create(reporter=member, content=sent.message, reason="spam",
                           note="they said they will kill themselves tonight")

    assert report.item.priority == Priority.URGENT


@on_sockets
async def test_a_report_by_socket_carries_its_note(member, sam, room):
    sent = await database_sync_to_async(message_send)(author=sam, room=room, text="buy my stuff")
    communicator = await joined(member)

    await communicator.send_json_to({"type": "report", "id": sent.message.pk, "reason": "spam",
                                     "note": "Third time tonight"})

    assert (await next_of(communicator, "reported"))["id"] == sent.message.pk
    report = await Report.objects.aget()
    assert (report.reason, report.note) == ("spam", "Third time tonight")
    await communicator.disconnect()


@on_sockets
async def test_reporting_your_own_message_by_socket_is_refused_plainly(member, room):
    sent = await database_sync_to_async(message_send)(author=member, room=room, text="mine")
    communicator = await joined(member)

    error = await refused(communicator, {"type": "report", "id": sent.message.pk,
                                         "reason": "spam"})

    assert error["message"].startswith("You can't report your own words.")
    assert not await Report.objects.aexists()
    await communicator.disconnect()


# --- Deleting your own message ----------------------------------------------------------------


def test_a_member_deletes_their_own_message_and_everyone_is_told(member, room, monkeypatch):
    sent = message_send(author=member, room=room, text="I shouldn't have said that")
    events = []
    monkeypatch.setattr("chat.services.send_event_on_commit",
                        lambda group, event: events.append((group, event)))

    message_delete(message=sent.message, by=member)

    assert events == [(room.group_name, {"type": "chat.removed", "id": sent.message.pk})]
    assert history(room, viewer=member)["messages"] == []
    kept = Message.objects.get(pk=sent.message.pk)  # soft: moderators can still read it
    assert kept.text == "I shouldn't have said that" and kept.deleted_at is not None


def test_a_deleted_message_goes_from_a_screen_that_catches_up(member, room):
    first = message_send(author=member, room=room, text="first").message
    message_send(author=member, room=room, text="second")

    message_delete(message=first, by=member)

    assert first.pk in catch_up(room, viewer=member, after=first.pk + 1)["removed"]


@pytest.mark.parametrize("who", ["sam", "moderator"])
def test_nobody_deletes_someone_elses_message(member, moderator, sam, room, who):
    sent = message_send(author=member, room=room, text="my words")

    with pytest.raises(PermissionDenied, match="You can only delete your own messages."):
        message_delete(message=sent.message, by={"sam": sam, "moderator": moderator}[who])
    assert history(room, viewer=member)["messages"]


def test_a_muted_member_may_still_delete_their_message(member, moderator, room):
    sent = message_send(author=member, room=room, text="my words")
    sanction_create(member=member, moderator=moderator, kind="mute", reason="Take a break")

    message_delete(message=sent.message, by=member)

    assert history(room, viewer=member)["messages"] == []


def test_a_deleted_message_cannot_be_reported(client, member, sam, room):
    sent = message_send(author=sam, room=room, text="gone soon")
    message_delete(message=sent.message, by=sam)
    client.force_login(member)

    assert client.get(f"{ROOM}messages/{sent.message.pk}/report/").status_code == 404


def test_deleting_without_javascript(client, member, sam, room):
    mine = message_send(author=member, room=room, text="my words").message
    theirs = message_send(author=sam, room=room, text="their words").message
    client.force_login(member)

    text = page_text(client)
    assert f'action="{ROOM}messages/{mine.pk}/delete/"' in text
    assert f"messages/{theirs.pk}/delete/" not in text

    response = client.post(f"{ROOM}messages/{mine.pk}/delete/", follow=True)

    text = unescape(response.content.decode())
    assert "Your message is deleted" in text
    assert "my words" not in text and "their words" in text
    assert client.post(f"{ROOM}messages/{theirs.pk}/delete/").status_code == 302
    assert Message.objects.get(pk=theirs.pk).deleted_at is None


@on_sockets
async def test_deleting_by_socket_drops_it_from_everyones_screen(member, sam, room):
    sent = await database_sync_to_async(message_send)(author=member, room=room, text="oops")
    mine, theirs = await joined(member), await joined(sam)

    await mine.send_json_to({"type": "delete", "id": sent.message.pk})

    assert await next_of(theirs, "removed") == {"type": "removed", "id": sent.message.pk}
    assert await next_of(mine, "removed") == {"type": "removed", "id": sent.message.pk}
    error = await refused(theirs, {"type": "delete", "id": sent.message.pk})
    assert error["message"] == "You can only delete your own messages."
    await mine.disconnect()
    await theirs.disconnect()


# --- Moderators: hide, restore, sanction --------------------------------------------------------


def test_removing_tells_the_writer_why_and_is_audited(member, moderator, room):
    sent = message_send(author=member, room=room, text="something unkind")

    content_hide_where_read(content=sent.message, moderator=moderator, reason="Unkind")

    assert ModerationAction.objects.filter(verb="hide", actor=moderator, member=member,
                                           reason="Unkind").exists()
    assert Notification.objects.get(user=member).text == (
        "A moderator hid your chat message in Evening drop-in. The reason: Unkind")


@on_sockets
async def test_hiding_from_the_room_menu_takes_it_off_another_members_screen(member, moderator,
                                                                            sam, room):
    sent = await database_sync_to_async(message_send)(author=sam, room=room, text="unkind")
    item = (await database_sync_to_async(report_create)(
        reporter=member, content=sent.message, reason="unkind")).item
    watching = await joined(member)
    browser = Client()  # the moderator's, without JavaScript: a plain form
    await database_sync_to_async(browser.force_login)(moderator)

    response = await database_sync_to_async(browser.post)(
        f"/moderation/content/message/{sent.message.pk}/hide/", {"reason": "Unkind"})

    assert response.status_code == 302
    assert await next_of(watching, "removed") == {"type": "removed", "id": sent.message.pk}
    await item.arefresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED
    await watching.disconnect()


@on_sockets
async def test_hiding_by_socket_needs_a_reason_and_closes_the_queue_item(member, moderator, sam,
                                                                         room):
    sent = await database_sync_to_async(message_send)(author=sam, room=room, text="unkind")
    item = (await database_sync_to_async(report_create)(
        reporter=member, content=sent.message, reason="unkind")).item
    watching, mo = await joined(member), await joined(moderator)

    error = await refused(mo, {"type": "remove", "id": sent.message.pk, "reason": "  "})
    await mo.send_json_to({"type": "remove", "id": sent.message.pk, "reason": "Unkind"})

    assert error["message"] == "Give a reason: the member will see it."
    assert await next_of(watching, "removed") == {"type": "removed", "id": sent.message.pk}
    await item.arefresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED and item.resolved_by_id == moderator.pk
    assert await ModerationAction.objects.filter(verb="hide", item=item, reason="Unkind",
                                                 actor=moderator).aexists()
    await watching.disconnect()
    await mo.disconnect()


def test_a_message_held_by_another_moderators_claim_is_theirs(member, moderator, sam, room):
    other_moderator = UserFactory(username="max")
    role_grant(user=other_moderator, role=roles.MODERATORS)
    sent = message_send(author=sam, room=room, text="unkind")
    item = report_create(reporter=member, content=sent.message, reason="unkind").item
    item_claim(item=item, moderator=other_moderator)

    with pytest.raises(PermissionDenied, match="max is looking at this"):
        content_hide_where_read(content=sent.message, moderator=moderator, reason="Unkind")

    assert Message.objects.get(pk=sent.message.pk).visibility == Visibility.PUBLISHED


def test_moderators_see_hidden_messages_to_restore_and_members_do_not(client, member, moderator,
                                                                      sam, room):
    sent = message_send(author=sam, room=room, text="something unkind")
    content_hide_where_read(content=sent.message, moderator=moderator, reason="Unkind")

    client.force_login(member)
    assert "something unkind" not in page_text(client)
    client.force_login(moderator)
    text = page_text(client)
    assert "something unkind" in text
    assert "Hidden by a moderator: only moderators see it. Reason: Unkind" in text
    assert f'action="/moderation/content/message/{sent.message.pk}/restore/"' in text


def test_restoring_from_the_room_publishes_it_audited_and_tells_the_writer(client, moderator,
                                                                           sam, room):
    sent = message_send(author=sam, room=room, text="not so unkind after all")
    content_hide_where_read(content=sent.message, moderator=moderator, reason="Unkind")
    client.force_login(moderator)

    response = client.post(f"/moderation/content/message/{sent.message.pk}/restore/",
                           follow=True)

    assert response.redirect_chain[-1][0] == f"{ROOM}#message-{sent.message.pk}"
    assert "Restored. Everyone can see it again, and the author has been told." in response.text
    assert Message.objects.get(pk=sent.message.pk).visibility == Visibility.PUBLISHED
    assert ModerationAction.objects.filter(verb="restore", actor=moderator, member=sam).exists()
    assert Notification.objects.filter(
        user=sam, text="A moderator restored your chat message in Evening drop-in. Now "
                       "everyone can see it again.").exists()


def test_members_cannot_restore(client, member, moderator, sam, room):
    sent = message_send(author=sam, room=room, text="something unkind")
    content_hide_where_read(content=sent.message, moderator=moderator, reason="Unkind")
    client.force_login(member)

    response = client.post(f"/moderation/content/message/{sent.message.pk}/restore/")

    assert response.status_code == 403
    assert Message.objects.get(pk=sent.message.pk).visibility == Visibility.HIDDEN


def test_moderators_reach_the_writers_sanctions_from_each_message(client, member, moderator,
                                                                  sam, room):
    message_send(author=sam, room=room, text="something unkind")
    message_send(author=moderator, room=room, text="Please be kind")

    client.force_login(member)
    assert "Warn, mute, suspend or ban" not in page_text(client)
    client.force_login(moderator)
    text = page_text(client)
    assert '<a href="/moderation/members/sam/#sanction">Warn, mute, suspend or ban sam</a>' in text
    assert "ban mo<" not in text
    assert 'data-sanction-url="/moderation/members/NAME/#sanction"' in text


def test_moderators_check_in_privately_from_a_message(client, member, moderator, sam, room):
    sent = message_send(author=sam, room=room, text="I can't keep going like this")
    client.force_login(member)
    assert "Check in privately" not in page_text(client)

    client.force_login(moderator)
    link = f"/conversations/with/sam/?about=message-{sent.message.pk}"
    assert f'<a href="{link}">Check in privately' in page_text(client)
    start = client.get(link)
    assert start.status_code == 200 and start.context["about"] == sent.message
