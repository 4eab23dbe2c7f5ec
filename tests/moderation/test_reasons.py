"""Words for members and words for moderators, kept apart: the author of held or hidden words
reads a kind sentence with a next step, moderators read what happened in their own terms;
the audit log reads as sentences for every action and every kind of content; and authors'
notices name their words as they would."""

import html
import re
from importlib import import_module
from unittest import mock

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.html import strip_tags

from chat.models import Room
from chat.services import message_send
from community import leaving
from community.models import Notification, SiteSettings
from community.services import content_set_visibility
from conversations.services import conversation_open, conversation_write
from forums.services import post_create, thread_create
from moderation.content import Visibility
from moderation.models import (
    CrisisPattern,
    ModerationAction,
    Priority,
    QueueItem,
    ScreeningReview,
)
from moderation.services import (
    action_record,
    content_approve,
    content_clear,
    content_edit,
    content_hide,
    content_restore,
    duty_set,
    flag_content,
    presence_touch,
)
from moderation.submission import NEWCOMER_HOLD, OFFLINE_HOLD
from tests.factories import PASSWORD, CategoryFactory, UserFactory, on_duty_moderator

pytestmark = pytest.mark.django_db

Verb = ModerationAction.Verb
LOG = reverse("moderation:log")


def said(page: str) -> str:
    """Words only, spaces collapsed: what a reader hears."""
    return " ".join(html.unescape(strip_tags(page)).split())


def log_lines(client, **filters) -> list[str]:
    """The audit log's lines, newest first: what was done, then why (the time left out)."""
    page = client.get(LOG, filters).content.decode()
    return [said(re.sub(r'<p class="mod-action__when">.*?</p>', "", line, flags=re.DOTALL))
            for line in re.findall(r'<li class="mod-action-line">(.*?)</li>', page, re.DOTALL)]


@pytest.fixture
def category(db):
    return CategoryFactory(name="Anxiety and low mood", slug="anxiety")


# --- Why words wait: told to their author, read by moderators in their own terms -------------


def test_a_held_first_post_reads_in_moderators_words_and_the_author_is_welcomed(
        client, member, moderator, category):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 1})
    presence_touch(moderator=on_duty_moderator())

    post = thread_create(author=member, category=category, title="Hello everyone",
                         body="I'm new here and a bit nervous.").post
    client.force_login(moderator)
    item = QueueItem.objects.get()
    queue = said(client.get(reverse("moderation:queue")).content.decode())
    page = said(client.get(reverse("moderation:item", args=[item.pk])).content.decode())
    log = said(client.get(LOG).content.decode())

    assert post.moderation_reason == NEWCOMER_HOLD.for_author  # the author's words
    for seen in (queue, page, log):
        assert "Held: new member's first post" in seen
        assert "Welcome!" not in seen and "It usually doesn't take long" not in seen


def test_words_held_while_nobody_is_on_duty_read_in_moderators_words(client, member,
                                                                      moderator, category):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})

    post = thread_create(author=member, category=category, title="Tonight",
                         body="I want to die tonight").post
    client.force_login(moderator)
    item = QueueItem.objects.get()
    page = said(client.get(reverse("moderation:item", args=[item.pk])).content.decode())
    log = said(client.get(LOG).content.decode())

    assert post.visibility == Visibility.HELD
    assert post.moderation_reason == OFFLINE_HOLD.for_author
    for seen in (page, log):
        assert "Reason: Held: crisis words while no moderator on duty" in seen
        assert "Moderators are not online right now" not in seen
        assert "help lines" not in seen


def test_words_hidden_after_several_reports_read_in_moderators_words(
        client, member, moderator, category, reports_count_in_full):
    from moderation.models import ModerationSettings, ReportReason
    from moderation.services import report_create

    ModerationSettings.objects.update_or_create(pk=1, defaults={"auto_hide_reports": 2})
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    presence_touch(moderator=on_duty_moderator())
    post = thread_create(author=UserFactory(), category=category, title="Hmm",
                         body="Nobody likes you").post
    for _ in range(2):
        report_create(reporter=UserFactory(), content=post, reason=ReportReason.UNKIND)
    client.force_login(moderator)

    assert log_lines(client, verb="hide")[0].endswith(
        "Reason: Hidden until a moderator looks: reported by 2 members")


def test_earlier_records_holding_the_members_sentence_read_in_moderators_words(
        client, member, moderator, category):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    presence_touch(moderator=on_duty_moderator())
    post = thread_create(author=member, category=category, title="Hello", body="Hi").post
    item = QueueItem.objects.create(content=post, source=QueueItem.Source.HELD,
                                    reason=NEWCOMER_HOLD.for_author)
    action_record(actor=None, verb=Verb.FLAG, target=post, member=member, item=item,
                  reason=NEWCOMER_HOLD.for_author)
    action_record(actor=None, verb=Verb.FLAG, target=post, member=member, item=item,
                  reason=OFFLINE_HOLD.for_author)

    migration = import_module("moderation.migrations.0014_reasons_for_moderators")
    migration.reword(apps, None)
    client.force_login(moderator)

    item.refresh_from_db()
    assert item.reason == NEWCOMER_HOLD.for_moderators
    assert [line.split("Reason: ")[1] for line in log_lines(client, verb="flag")[:2]] == [
        OFFLINE_HOLD.for_moderators, NEWCOMER_HOLD.for_moderators]


# --- Every kind of content, as its author and moderators name it ----------------------------


@pytest.fixture
def world(db, member, moderator, admin_user, category):
    """alex's words of every kind, a second moderator (max), a room and a category."""
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    presence_touch(moderator=on_duty_moderator())
    room = Room.objects.create(name="Evening drop-in", slug="evening-drop-in")
    thread = thread_create(author=member, category=category, title="Tonight",
                           body="Walking helps me.").post.thread
    conversation = conversation_open(starter=moderator, member=member,
                                     text="Hello, how are you?").conversation
    member.member.bio = "I like walking."
    member.member.save(update_fields=["bio"])
    return {
        "room": room, "category": category, "conversation": conversation,
        "max": UserFactory(username="max"),
        "thread": thread,
        "post": post_create(author=member, thread=thread, body="Me too.").post,
        "chat message": message_send(author=member, room=room, text="Hi all").message,
        "profile": member.member,
        "private message": conversation_write(author=member, conversation=conversation,
                                              text="I'm OK, thanks").message,
    }


# What each kind is called in a log line, `{n}` its number.
NAMED = {
    "post": "alex's post {n} in “Tonight”",
    "thread": "alex's thread {n} “Tonight” in Anxiety and low mood",
    "chat message": "alex's chat message {n} in Evening drop-in",
    "profile": "alex's profile",
    "private message": "alex's private message {n} to mo",
}
KINDS = list(NAMED)


def named_by_author(kind: str) -> str:
    """As its author reads it in a notice: "post in “Tonight”"."""
    return NAMED[kind].removeprefix("alex's ").replace(" {n}", "")


def last_told(member) -> str:
    return Notification.objects.filter(user=member).latest("pk").text


def _held(content):
    content_set_visibility(content=content, visibility=Visibility.HELD, by=None)
    return QueueItem.objects.create(content=content, source=QueueItem.Source.HELD,
                                    reason="Held: watched words")


@pytest.mark.parametrize("kind", KINDS)
def test_authors_are_told_about_their_words_as_they_would_name_them(world, member, moderator,
                                                                    kind):
    content = world[kind]
    named = named_by_author(kind)
    readers = "mo" if kind == "private message" else "everyone"

    content_approve(item=_held(content), moderator=moderator)
    content_hide(item=QueueItem.objects.create(content=content, source="report", reason="x"),
                 moderator=moderator, reason="Unkind")
    content_restore(content=content, moderator=moderator)

    told = list(Notification.objects.filter(user=member, kind=Notification.Kind.MODERATION)
                .order_by("pk").values_list("text", flat=True))
    assert told[-3:] == [
        f"A moderator approved your {named}. Now {readers} can see it.",
        f"A moderator hid your {named}. The reason: Unkind",
        f"A moderator restored your {named}. Now {readers} can see it again.",
    ]


def test_a_chat_message_approved_is_named_a_message_in_its_room(world, member, moderator):
    content_approve(item=_held(world["chat message"]), moderator=moderator)

    assert last_told(member) == (
        "A moderator approved your chat message in Evening drop-in. Now everyone can see it.")


@pytest.mark.parametrize(("kind", "change"), [("post", "edited"), ("thread", "edited"),
                                              ("profile", "cleared")])
def test_authors_are_told_when_their_words_are_changed(world, member, moderator, kind, change):
    content = world[kind]
    item = QueueItem.objects.create(content=content, source="report", reason="x")

    if change == "edited":
        content_edit(item=item, moderator=moderator, text="Kinder words", reason="Kinder")
    else:
        content_clear(item=item, moderator=moderator, reason="Kinder")

    assert last_told(member) == (
        f"A moderator {change} your {named_by_author(kind)}. The reason: Kinder")


# --- The audit log, one sentence for every action on every kind -----------------------------


def _item(content):
    return QueueItem.objects.create(content=content, source=QueueItem.Source.REPORT,
                                    reason="Reported: Unkind, bullying or harassing")


def _about_content(verb, *, item=False, member=True, **extra):
    """Recorded as the services record an action on content: the author is the member."""
    def record(world, content, by):
        return action_record(actor=by, verb=verb, target=content,
                             item=_item(content) if item else None,
                             member=world["profile"].user if member else None, **extra)
    return record


def _flag(world, content, by):
    return flag_content(content=content, source=QueueItem.Source.HELD,
                        priority=Priority.NORMAL, reason="Held: watched words").actions.last()


def _hand_over(world, content, by):
    return action_record(actor=by, verb=Verb.HAND_OVER, target=content, item=_item(content),
                         member=world["max"], reason="Over to you")


def _about_member(verb, reason="Be kind"):
    def record(world, content, by):
        return action_record(actor=by, verb=verb, member=world["profile"].user, reason=reason)
    return record


def _by_themselves(verb, *, site=False):
    """A peer supporter stepping back or coming back; or the site pausing them."""
    def record(world, content, by):
        alex = world["profile"].user
        return action_record(actor=None if site else alex, verb=verb, member=alex,
                             reason="Training has run out" if site else "")
    return record


def _review(verb, source):
    def record(world, content, by):
        item = _item(world["post"])
        review = ScreeningReview.objects.create(item=item, source=source, verdict="too-low",
                                                rated="none", text="words")
        return action_record(actor=by, verb=verb, target=review, item=item)
    return record


def _conversation(verb, writer):
    def record(world, content, by):
        conversation = world["conversation"]
        actor = conversation.member if writer == "member" else by
        return action_record(actor=actor, verb=verb, target=conversation,
                             member=conversation.member)
    return record


ON_CONTENT = {
    Verb.FLAG: (_flag, "The site flagged {t} for moderators (queue item {i}) "
                       "Reason: Held: watched words"),
    Verb.APPROVE: (_about_content(Verb.APPROVE, item=True), "mo approved {t} (queue item {i})"),
    Verb.DISMISS: (_about_content(Verb.DISMISS, item=True, reason="Not unkind"),
                   "mo dismissed the reports of {t} (queue item {i}) Reason: Not unkind"),
    Verb.HIDE: (_about_content(Verb.HIDE, item=True, reason="Unkind"),
                "mo hid {t} (queue item {i}) Reason: Unkind"),
    Verb.RESTORE: (_about_content(Verb.RESTORE), "mo restored {t}"),
    Verb.CLAIM: (_about_content(Verb.CLAIM, item=True, member=False),
                 "mo claimed {t} (queue item {i})"),
    Verb.HAND_OVER: (_hand_over, "mo handed {t} over to max (queue item {i}) Note: Over to you"),
    Verb.ESCALATE: (_about_content(Verb.ESCALATE, item=True, member=False, reason="Worried"),
                    "mo escalated {t} to the safeguarding lead (queue item {i}) Note: Worried"),
}
ON_SOME_CONTENT = [
    (Verb.EDIT, "post", "mo edited the words of {t} (queue item {i}) Reason: A name"),
    (Verb.EDIT, "thread", "mo edited the words of {t} (queue item {i}) Reason: A name"),
    (Verb.CLEAR, "profile", "mo cleared the words of {t} (queue item {i}) Reason: A name"),
    (Verb.LOCK, "post", "mo locked the thread of {t}"),
    (Verb.LOCK, "thread", "mo locked {t}"),
    (Verb.UNLOCK, "post", "mo unlocked the thread of {t}"),
    (Verb.UNLOCK, "thread", "mo unlocked {t}"),
    (Verb.MOVE, "post", "mo moved the thread of {t} Reason: Moved to coping"),
    (Verb.MOVE, "thread", "mo moved {t} Reason: Moved to coping"),
    (Verb.PIN, "thread", "mo pinned {t}"),
    (Verb.UNPIN, "thread", "mo unpinned {t}"),
]
RECORD_SOME = {
    Verb.EDIT: _about_content(Verb.EDIT, item=True, reason="A name"),
    Verb.CLEAR: _about_content(Verb.CLEAR, item=True, reason="A name"),
    Verb.LOCK: _about_content(Verb.LOCK),
    Verb.UNLOCK: _about_content(Verb.UNLOCK),
    Verb.MOVE: _about_content(Verb.MOVE, reason="Moved to coping"),
    Verb.PIN: _about_content(Verb.PIN, member=False),
    Verb.UNPIN: _about_content(Verb.UNPIN, member=False),
}
def _duty(*, on_duty: bool):
    def record(world, content, by):
        if on_duty:
            duty_set(moderator=by, on_duty=False)  # on duty already, as every moderator starts
        duty_set(moderator=by, on_duty=on_duty)
        return by.moderation_actions.latest("pk")
    return record


def _leaving(verb):
    def record(world, content, by):
        kit = UserFactory(username="kit")
        if verb == Verb.DATA_EXPORT:
            leaving.data_export(user=kit)
        else:
            with mock.patch("community.leaving.secrets.randbelow", return_value=23456):
                leaving.account_delete(user=kit, password=PASSWORD, content="anonymise",
                                       confirmed=True)
        return ModerationAction.objects.filter(verb=verb).latest("pk")
    return record


# Actions about a member, a room, a category, screening and private conversations.
ON_OTHERS = [
    (Verb.WARN, "member", _about_member(Verb.WARN), "mo warned alex Reason: Be kind"),
    (Verb.MUTE, "member", _about_member(Verb.MUTE), "mo muted alex Reason: Be kind"),
    (Verb.SUSPEND, "member", _about_member(Verb.SUSPEND), "mo suspended alex Reason: Be kind"),
    (Verb.BAN, "member", _about_member(Verb.BAN), "mo banned alex Reason: Be kind"),
    (Verb.LIFT, "member", _about_member(Verb.LIFT, "Lifted: Warning"),
     "mo lifted a sanction on alex Reason: Lifted: Warning"),
    (Verb.NOTE, "member", _about_member(Verb.NOTE, ""), "mo added a private note about alex"),
    (Verb.ROOM, "room",
     lambda world, content, by: action_record(actor=by, verb=Verb.ROOM, target=world["room"],
                                              reason="Now read-only"),
     "mo changed the chat room Evening drop-in Reason: Now read-only"),
    (Verb.CATEGORY, "category",
     lambda world, content, by: action_record(actor=by, verb=Verb.CATEGORY,
                                              target=world["category"],
                                              reason="Changed its description"),
     "mo changed the forum category Anxiety and low mood Reason: Changed its description"),
    (Verb.RULE, "screening rule",
     lambda world, content, by: action_record(
         actor=by, verb=Verb.RULE, reason="From a miss: “x”, urgent",
         target=CrisisPattern.objects.create(pattern="x", level="urgent", topic="suicide")),
     "mo added screening rule {n} Reason: From a miss: “x”, urgent"),
    (Verb.EXAMPLE, "report", _review(Verb.EXAMPLE, ScreeningReview.Source.REPORT),
     "mo added the miss from a member's report to the evaluation set (queue item {i})"),
    (Verb.SET_ASIDE, "moderator's decision",
     _review(Verb.SET_ASIDE, ScreeningReview.Source.MODERATOR),
     "mo set aside the miss from a moderator's decision (queue item {i})"),
    (Verb.CONVERSATION_OPEN, "private conversation",
     _conversation(Verb.CONVERSATION_OPEN, "moderator"),
     "mo opened private conversation {n} with alex"),
    (Verb.CONVERSATION_WRITE, "private conversation",
     _conversation(Verb.CONVERSATION_WRITE, "moderator"),
     "mo wrote in private conversation {n} with alex"),
    (Verb.CONVERSATION_WRITE, "private conversation",
     _conversation(Verb.CONVERSATION_WRITE, "member"), "alex wrote in private conversation {n}"),
    (Verb.CONVERSATION_END, "private conversation",
     _conversation(Verb.CONVERSATION_END, "member"), "alex ended private conversation {n}"),
    (Verb.DUTY_ON, "duty", _duty(on_duty=True), "mo went on duty"),
    (Verb.DUTY_OFF, "duty", _duty(on_duty=False), "mo went off duty"),
    (Verb.DATA_EXPORT, "leaving", _leaving(Verb.DATA_EXPORT), "kit downloaded their data"),
    (Verb.ACCOUNT_DELETE, "leaving", _leaving(Verb.ACCOUNT_DELETE),
     "former-member-123456 deleted their account"),
    (Verb.SUPPORTER, "member", _about_member(Verb.SUPPORTER, "Paid peer supporter"),
     "mo changed the peer supporter record of alex Reason: Paid peer supporter"),
    (Verb.TRAINING, "member", _about_member(Verb.TRAINING, "Foundations (1 December 2026)"),
     "mo recorded peer supporter training for alex Reason: Foundations (1 December 2026)"),
    (Verb.SUPERVISION, "member", _about_member(Verb.SUPERVISION, "Supervision on 1 December"),
     "mo recorded a supervision session for alex Reason: Supervision on 1 December"),
    (Verb.TRAINING_LAPSED, "member", _by_themselves(Verb.TRAINING_LAPSED, site=True),
     "The site paused alex as a peer supporter: no current training "
     "Reason: Training has run out"),
    (Verb.STEP_BACK, "member", _by_themselves(Verb.STEP_BACK),
     "alex stepped back from peer support"),
    (Verb.COME_BACK, "member", _by_themselves(Verb.COME_BACK),
     "alex came back to peer support"),
]
TABLE = [
    *((verb, kind, record, sentence) for verb, (record, sentence) in ON_CONTENT.items()
      for kind in KINDS),
    *((verb, kind, RECORD_SOME[verb], sentence) for verb, kind, sentence in ON_SOME_CONTENT),
    *ON_OTHERS,
]


def test_every_kind_of_action_has_a_sentence_in_the_table():
    assert {verb for verb, *_ in TABLE} == set(Verb.values)


@pytest.mark.parametrize(("verb", "kind", "record", "sentence"), TABLE,
                         ids=[f"{verb}-{kind}" for verb, kind, *_ in TABLE])
def test_the_log_reads_each_action_as_a_sentence(client, world, moderator, verb, kind, record,
                                                 sentence):
    content = world.get(kind)
    action = record(world, content, moderator)
    client.force_login(moderator)

    line = log_lines(client, verb=verb)[0]

    target = NAMED[kind].format(n=content.pk) if kind in NAMED else ""
    assert line == sentence.format(t=target, i=action.item_id, n=action.object_id)
