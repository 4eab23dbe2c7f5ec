"""Leaving the site: the export holds every kind of a member's data and nobody else's
private details; deleting the account leaves no personal data, keeps others' replies
readable, and never touches the audit trail."""

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied

from chat.models import Message, Room
from chat.services import message_send
from community import leaving
from community.models import (
    Block,
    ContentWarning,
    EmailChoices,
    Notification,
    SiteSettings,
    User,
    WarningPreference,
)
from community.refusals import Refused
from community.services import block_create, email_choices_set, warning_preferences_set
from conversations.models import ConversationSettings, PrivateMessage
from conversations.services import conversation_open, conversation_write
from forums.models import Post, Reaction, Subscription, Thread, ThreadTitleRevision
from forums.services import (
    post_create,
    reaction_set,
    thread_create,
    thread_follow,
    thread_title_edit,
)
from moderation.models import ModerationAction, ModeratorNote, QueueItem, Report, Sanction
from moderation.sanctions import sanction_create
from moderation.services import note_add, presence_touch, report_create
from tests.factories import PASSWORD, CategoryFactory, UserFactory, on_duty_moderator


@pytest.fixture(autouse=True)
def _quiet_site(db, unlimited_writes):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    presence_touch(moderator=on_duty_moderator())
    ConversationSettings.objects.update_or_create(
        pk=1, defaults={"members_may_write_to_each_other": True})


@pytest.fixture
def scene(member, moderator):
    """alex (the member who leaves) has done a bit of everything; sam is someone else."""
    sam = UserFactory(username="sam")
    member.member.pronouns, member.member.bio = "they/them", "I garden on good days."
    member.member.save()
    category = CategoryFactory(name="Anxiety and low mood", slug="anxiety")
    alone = thread_create(author=member, category=category, title="Only me here",
                          body="Nobody has answered this yet.").post.thread
    opened = thread_create(author=member, category=category, title="Bad nights",
                           body="What helps you wind down at night?").post.thread
    sams_reply = post_create(author=sam, thread=opened, body="Same here, it helps to talk.").post
    sams_thread = thread_create(author=sam, category=category, title="Good news",
                                body="I got the job!").post.thread
    alex_reply = post_create(author=member, thread=sams_thread, body="Well done you!").post
    reaction_set(post=sams_reply, user=member, kind=Reaction.Kind.THANKS)
    thread_follow(user=member, thread=sams_thread, follow=True)
    room = Room.objects.create(name="Evening drop-in", slug="evening-drop-in")
    chatted = message_send(author=member, room=room, text="Evening all").message
    reported_chat = message_send(author=member, room=room, text="A rough day today").message
    sams_chat = message_send(author=sam, room=room, text="Hi alex").message
    report_create(reporter=sam, content=reported_chat, reason="other", note="sam's worry")
    report_create(reporter=member, content=sams_reply, reason="unkind", note="alex's note")
    sanction_create(member=member, moderator=moderator, kind=Sanction.Kind.WARNING,
                    reason="Please be kind.", staff_note="SECRET staff note")
    note_add(member=member, moderator=moderator, text="SECRET moderator note")
    check_in = conversation_open(starter=moderator, member=member,
                                 text="Checking in: how are you?").message.conversation
    conversation_write(author=member, conversation=check_in, text="Better, thanks")
    private = conversation_open(starter=sam, member=member, text="Fancy a chat?").message
    block_create(blocker=member, blocked=UserFactory(username="pat"))
    email_choices_set(user=member, warnings=False, check_ins=True, digest=True)
    ContentWarning.objects.get_or_create(slug="self-harm", defaults={"name": "self-harm"})
    warning_preferences_set(user=member, choices={"self-harm": "show"})
    EmailAddress.objects.create(user=member, email="alex@example.org", verified=True,
                                primary=True)
    return {"sam": sam, "alone": alone, "opened": opened, "sams_reply": sams_reply,
            "sams_thread": sams_thread, "alex_reply": alex_reply, "room": room,
            "chatted": chatted, "reported_chat": reported_chat, "sams_chat": sams_chat,
            "check_in": check_in, "private": private}


def _export(user) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(leaving.data_export(user=user)))
    assert sorted(archive.namelist()) == ["my-data.html", "my-data.json"]
    return {"json": json.loads(archive.read("my-data.json")),
            "html": archive.read("my-data.html").decode()}


# The export.

def test_export_holds_every_kind_of_the_members_data(scene, member):
    data = _export(member)["json"]

    profile = data["profile"][0]
    assert profile["Pseudonym"] == "alex"
    assert "alex@example.org" in profile["Email addresses"]
    assert profile["Pronouns"] == "they/them" and profile["About me"] == "I garden on good days."
    assert {row["Title"] for row in data["forum_threads"]} == {"Only me here", "Bad nights"}
    assert {row["Words"] for row in data["forum_posts"]} >= {"What helps you wind down at night?",
                                                             "Well done you!"}
    assert [row["Reaction"] for row in data["reactions"]] == ["Thank you"]
    assert "Good news" in [row["Thread"] for row in data["followed_threads"]]
    assert {row["Words"] for row in data["chat_messages"]} == {"Evening all", "A rough day today"}
    assert [(row["Why"], row["Your note"]) for row in data["reports_made"]] == [
        ("Unkind, bullying or harassing", "alex's note")]
    assert [row["Why"] for row in data["warnings_and_sanctions"]] == ["Please be kind."]
    words = {(row["From"], row["Words"]) for row in data["private_conversations"]}
    assert {("mo", "Checking in: how are you?"), ("You", "Better, thanks"),
            ("sam", "Fancy a chat?")} <= words
    assert [row["Pseudonym"] for row in data["blocks"]] == ["pat"]
    assert [row["Your choice"] for row in data["content_warning_choices"]] == ["Show it"]
    assert data["email_choices"][0] == {"Warnings and sanctions": "no",
                                        "Private check-ins": "yes", "Daily digest": "yes"}


def test_export_holds_no_other_members_private_details(scene, member):
    exported = _export(member)
    text = json.dumps(exported["json"]) + exported["html"]

    assert "SECRET" not in text  # the staff note on the warning, the moderator's note
    assert "sam@example.org" not in text and "mo@example.org" not in text
    assert "sam's worry" not in text  # someone else's report about alex
    assert "Hi alex" not in text  # sam's chat message is sam's
    # Who gave the warning is not said.
    assert "mo" not in exported["json"]["warnings_and_sanctions"][0].values()


def test_export_page_is_readable_html_with_each_section(scene, member):
    page = _export(member)["html"]

    assert page.startswith("<!doctype html>") and 'lang="en-GB"' in page
    for heading in ("Your profile", "Your forum posts", "Your chat messages",
                    "Check-ins and private conversations", "Reports you made",
                    "Warnings and sanctions", "Members you blocked", "Your email choices"):
        assert heading in page
    assert "What helps you wind down at night?" in page


def test_export_is_recorded_without_personal_data(scene, member):
    before = ModerationAction.objects.count()

    _export(member)

    action = ModerationAction.objects.order_by("-id").first()
    assert ModerationAction.objects.count() == before + 1
    assert (action.verb, action.actor, action.member, action.reason) == (
        ModerationAction.Verb.DATA_EXPORT, member, member, "")


def test_export_is_rate_limited(member):
    with _limited():
        for _ in range(3):
            leaving.data_export(user=member)
        with pytest.raises(Refused, match="Please wait"):
            leaving.data_export(user=member)


class _limited:
    """Write limits back on, inside the autouse fixture that waives them."""

    def __enter__(self):
        from community.ratelimits import _waived

        self.token = _waived.set(False)

    def __exit__(self, *exc):
        from community.ratelimits import _waived

        _waived.reset(self.token)


# Deleting the account.

def _delete(user, content=leaving.ContentChoice.ANONYMISE, password=PASSWORD):
    return leaving.account_delete(user=user, password=password, content=content,
                                  confirmed=True)


def test_deleting_leaves_an_inactive_shell_with_no_personal_data(scene, member, client):
    client.force_login(member)
    pk = member.pk

    _delete(member)

    shell = User.objects.get(pk=pk)
    assert shell.username.startswith("former-member-") and not shell.is_active
    assert (shell.email, shell.first_name, shell.last_name) == ("", "", "")
    assert not shell.has_usable_password()
    assert (shell.member.pronouns, shell.member.bio, shell.member.nation) == ("", "", "")
    for model, field in ((EmailAddress, "user"), (EmailChoices, "user"), (Block, "blocker"),
                         (WarningPreference, "user"), (Notification, "user"),
                         (Reaction, "user"), (Subscription, "user")):
        assert not model.objects.filter(**{field: pk}).exists(), model.__name__
    assert not any(session.get_decoded().get("_auth_user_id") == str(pk)
                   for session in Session.objects.all())
    assert not User.objects.filter(username="alex").exists()


def test_reactions_given_are_taken_off_the_posts_counts(scene, member):
    _delete(member)

    scene["sams_reply"].refresh_from_db()
    assert scene["sams_reply"].thanks_count == 0


def test_anonymising_keeps_posts_and_messages_under_the_former_member(scene, member):
    _delete(member, leaving.ContentChoice.ANONYMISE)

    post = Post.objects.get(pk=scene["alex_reply"].pk)
    assert (post.body, post.is_deleted) == ("Well done you!", False)
    assert post.author.username.startswith("former-member-")
    assert Thread.objects.filter(pk=scene["alone"].pk).exists()
    assert Message.objects.filter(pk=scene["chatted"].pk, deleted_at=None).exists()


def test_deleting_content_removes_posts_and_messages(scene, member):
    _delete(member, leaving.ContentChoice.DELETE)

    reply = Post.objects.get(pk=scene["alex_reply"].pk)
    assert (reply.body, reply.html, reply.is_deleted) == ("", "", True)
    assert not Thread.objects.filter(pk=scene["alone"].pk).exists()
    assert not Message.objects.filter(pk=scene["chatted"].pk).exists()


def test_a_thread_others_replied_to_stays_readable(scene, member):
    _delete(member, leaving.ContentChoice.DELETE)

    thread = Thread.objects.get(pk=scene["opened"].pk)
    opener = thread.posts.get(number=1)
    assert thread.title == "Bad nights"
    assert opener.is_deleted and opener.body == ""
    assert thread.posts.get(pk=scene["sams_reply"].pk).body == "Same here, it helps to talk."
    assert thread.posts.get(pk=scene["sams_reply"].pk).author == scene["sam"]


def test_a_threads_earlier_titles_are_exported_and_go_with_deleted_content(scene, member):
    thread_title_edit(thread=scene["opened"], editor=member, title="Restless nights")
    rows = {row["Title"]: row for row in _export(member)["json"]["forum_threads"]}
    assert rows["Restless nights"]["Earlier titles"] == "Bad nights"

    _delete(member, leaving.ContentChoice.DELETE)

    assert not ThreadTitleRevision.objects.filter(thread=scene["opened"]).exists()


def test_words_a_moderator_was_asked_about_are_kept_for_moderators(scene, member):
    _delete(member, leaving.ContentChoice.DELETE)

    reported = Message.objects.get(pk=scene["reported_chat"].pk)
    assert reported.text == "A rough day today" and reported.deleted_at is not None
    assert not Message.objects.shown().filter(pk=reported.pk).exists()


def test_moderation_records_are_kept_pointing_at_the_shell(scene, member):
    pk = member.pk

    _delete(member, leaving.ContentChoice.DELETE)

    assert Sanction.objects.get(member=pk).staff_note == "SECRET staff note"
    assert ModeratorNote.objects.filter(member=pk).exists()
    assert Report.objects.filter(reporter=pk).exists()
    assert QueueItem.objects.filter(object_id=scene["reported_chat"].pk).exists()


def test_private_conversations_stay_for_the_other_person_and_end(scene, member):
    _delete(member, leaving.ContentChoice.DELETE)

    check_in = scene["check_in"]
    check_in.refresh_from_db()
    assert check_in.is_ended
    assert PrivateMessage.objects.filter(conversation=check_in, text="Better, thanks").exists()


def test_the_audit_log_is_untouched_and_the_deletion_is_added(scene, member):
    before = list(ModerationAction.objects.order_by("pk").values())

    _delete(member, leaving.ContentChoice.DELETE)

    after = list(ModerationAction.objects.order_by("pk").values())
    assert after[:len(before)] == before
    added = after[len(before):]
    assert [(row["verb"], row["reason"]) for row in added] == [("account_delete", "")]
    assert added[0]["member_id"] == member.pk


def test_a_wrong_password_deletes_nothing(scene, member):
    with pytest.raises(Refused) as refused:
        _delete(member, password="not it")

    assert refused.value.field == "password"
    assert User.objects.get(pk=member.pk).username == "alex"


def test_the_box_must_be_ticked(member):
    with pytest.raises(Refused) as refused:
        leaving.account_delete(user=member, password=PASSWORD, content="anonymise")

    assert refused.value.field == "confirm"
    assert User.objects.get(pk=member.pk).is_active


@pytest.mark.parametrize("staff", ["moderator", "admin_user"])
def test_staff_cannot_delete_themselves_here(request, staff):
    user = request.getfixturevalue(staff)

    with pytest.raises(PermissionDenied, match="moderator or an administrator"):
        _delete(user)


@pytest.mark.parametrize("setting, chosen, kept", [
    ("anonymise", "delete", True), ("delete", "anonymise", False)])
def test_administrators_setting_overrides_the_members_choice(scene, member, settings,
                                                           setting, chosen, kept):
    settings.ACCOUNT_DELETE_CONTENT_CHOICE = setting

    _delete(member, chosen)

    assert Message.objects.filter(pk=scene["chatted"].pk).exists() is kept


def test_the_shell_cannot_sign_in(member, client):
    _delete(member)

    assert not client.login(username=User.objects.get(pk=member.pk).username,
                            password=PASSWORD)
    assert not client.login(username="alex", password=PASSWORD)


def test_nobody_can_take_a_former_members_name():
    from django.core.exceptions import ValidationError

    from community.pseudonyms import check_pseudonym

    with pytest.raises(ValidationError, match="former member"):
        check_pseudonym("Former_Member-123456", taken=lambda shape: False)
