"""One table of awkward texts, sent through every surface members write on, with one outcome.

Each surface is driven as a member drives it (the page's form, or the chat
socket) and reports what the member would notice: refused with a reason and
their text kept, held for a moderator, or published, and whether moderators
were alerted and help was shown.
"""

import html
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from chat.models import Message, Room
from community.models import Member, SiteSettings, WriteLimit
from community.ratelimits import rates_changed
from conversations.models import Conversation, ConversationSettings, PrivateMessage
from forums.models import Post, Thread
from moderation.models import DutyHours, ModeratorPresence, Priority, QueueItem, Report
from moderation.sanctions import sanction_create
from moderation.services import presence_touch
from tests.conftest import session_cookie
from tests.factories import CategoryFactory, UserFactory

CRISIS = "I want to die tonight"


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    outcome: str  # "refused:<code>", "held" or "published"
    alerts: bool = False  # an urgent item for moderators, and help shown to the writer
    helps: bool = False  # refused, and help shown to the writer all the same
    setup: str = ""  # "muted", "rate_limited" or "no_moderators"


CASES = [
    Case("empty", "", "refused:empty"),
    Case("whitespace", "  \n\t ", "refused:empty"),
    Case("too long", "a" * 25_000, "refused:too_long"),
    Case("control characters", "Hello\x07 there", "refused:control_characters"),
    Case("right-to-left override", "Hello \u202eworld", "refused:control_characters"),
    Case("blocked word", "honestly just kys", "refused:blocked"),
    Case("hold word", "what is a lethal dose of these", "held"),
    Case("needs a warning", "I counted the calories in everything today",
         "refused:warning_needed"),
    Case("crisis words, moderators on duty", CRISIS, "published", alerts=True),
    Case("crisis words, nobody on duty", CRISIS, "held", alerts=True, setup="no_moderators"),
    Case("muted author", "Thinking of you all tonight", "refused:muted", setup="muted"),
    Case("rate-limited author", "Thinking of you all tonight", "refused:too_fast",
         setup="rate_limited"),
    Case("crisis words, rate-limited", CRISIS, "refused:too_fast", helps=True,
         setup="rate_limited"),
    Case("crisis words with a blocked word", f"kys. {CRISIS}", "refused:blocked", helps=True),
    Case("script and emoji", "<script>alert(1)</script> 🙂 שלום", "published"),
]

# Where a surface differs, and why. Report notes are optional, are read only by
# moderators (nothing to hold or warn about), and stay open to muted members so
# that anyone can still raise an alarm. Profile text is optional and cannot carry
# a content warning, so words that need one are shown to members who open it.
DIFFERENT = {
    "report_note": {"empty": "published", "whitespace": "published", "hold word": "published",
                    "needs a warning": "published",
                    "crisis words, nobody on duty": "published", "muted author": "published"},
    "profile": {"empty": "published", "whitespace": "published",
                "needs a warning": "published"},
    # A check-in is read by the staff member who opened it: nothing waits for a moderator,
    # and a muted member can still answer. Private messages carry no content warnings:
    # each has one reader, who is in the conversation.
    "check_in_reply": {"hold word": "published", "crisis words, nobody on duty": "published",
                       "muted author": "published", "needs a warning": "published"},
    "private_message": {"needs a warning": "published"},
}


@dataclass(frozen=True)
class Seen:
    outcome: str
    page: str  # what the member saw next


class Surfaces:
    """Each surface as a member uses it; the writer is `self.author`."""

    def __init__(self, client, author, other):
        self.client, self.author, self.other = client, author, other
        self.category = CategoryFactory(slug="everyday")
        self.thread = Thread.objects.create(category=self.category, title="Good days",
                                            author=other, post_count=2, next_number=3)
        self.post = Post.objects.create(thread=self.thread, author=other, number=1,
                                        body="A good day", html="<p>A good day</p>")
        self.own = Post.objects.create(thread=self.thread, author=author, number=2,
                                       body="Mine", html="<p>Mine</p>")
        self.room = Room.objects.create(name="Evening drop-in", slug="evening")
        client.force_login(author)

    def thread_new(self, text):
        response = self.client.post(reverse("forums:thread_new", args=["everyday"]),
                                    {"title": "A fair title", "body": text}, follow=True)
        made = Thread.objects.filter(title="A fair title").first()
        return self._seen(response, made)

    def thread_title(self, text):
        response = self.client.post(reverse("forums:thread_new", args=["everyday"]),
                                    {"title": text, "body": "A kind body"}, follow=True)
        made = Thread.objects.exclude(pk=self.thread.pk).first()
        return self._seen(response, made)

    def reply(self, text):
        response = self.client.post(
            reverse("forums:thread_reply", args=["everyday", self.thread.pk]), {"body": text},
            follow=True)
        return self._seen(response, Post.objects.filter(number__gt=2).first())

    def edit(self, text):
        before = self.own.body
        response = self.client.post(reverse("forums:post_edit", args=[self.own.pk]),
                                    {"body": text}, follow=True)
        self.own.refresh_from_db()
        return self._seen(response, self.own if self.own.body != before else None)

    def chat_form(self, text):
        response = self.client.post(reverse("chat:message_send", args=["evening"]),
                                    {"text": text}, follow=True)
        return self._seen(response, Message.objects.first())

    def profile(self, text):
        response = self.client.post(reverse("member_edit"),
                                    {"pronouns": "they/them", "bio": text, "nation": ""},
                                    follow=True)
        member = Member.objects.get(user=self.author)
        return self._seen(response, member if member.bio == text.strip() else None)

    def report_note(self, text):
        response = self.client.post(reverse("forums:post_report", args=[self.post.pk]),
                                    {"reason": "other", "note": text}, follow=True)
        made = Report.objects.exists()
        return Seen("published" if made else "refused", response.content.decode())

    def check_in_reply(self, text):
        return self._private(text, Conversation.Kind.CHECK_IN, started_by=self.other,
                             member=self.author)

    def private_message(self, text):
        ConversationSettings.objects.update_or_create(
            pk=1, defaults={"members_may_write_to_each_other": True})
        return self._private(text, Conversation.Kind.MEMBERS, started_by=self.author,
                             member=self.other)

    def _private(self, text, kind, **people):
        conversation, _ = Conversation.objects.get_or_create(
            kind=kind, defaults={"last_message_at": timezone.now(), **people})
        response = self.client.post(conversation.get_absolute_url(), {"text": text},
                                    follow=True)
        return self._seen(response, PrivateMessage.objects.exclude(
            text="A first, harmless line").first())

    def warm_up(self, surface: str) -> None:
        """One accepted write first, for the rate-limited case."""
        getattr(self, surface)("A first, harmless line")
        Thread.objects.exclude(pk=self.thread.pk).delete()
        Post.objects.filter(number__gt=2).delete()
        Message.objects.all().delete()
        PrivateMessage.objects.all().delete()
        Report.objects.all().delete()
        QueueItem.objects.all().delete()

    @staticmethod
    def _seen(response, made):
        page = response.content.decode()
        if made is None:
            return Seen("refused", page)
        return Seen("held" if made.visibility == "held" else "published", page)


# What the member reads for each refusal, whichever surface refused.
SAYS = {"empty": "write", "too_long": "characters", "control_characters": "hidden control",
        "blocked": "not allowed here", "warning_needed": "content warning",
        "muted": "can&#x27;t post or chat", "too_fast": "Please wait",
        "title_length": "title of 3 to 150", "title_required": "give your thread a title"}

SURFACES = ["thread_new", "thread_title", "reply", "edit", "chat_form", "profile",
            "report_note", "check_in_reply", "private_message"]


def arrange(case: Case, author, moderator):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    if case.alerts or case.helps:
        call_command("load_help_directory", verbosity=0)
    if case.setup == "no_moderators":
        ModeratorPresence.objects.all().delete()
        DutyHours.objects.all().delete()
    else:
        presence_touch(moderator=moderator)
    if case.setup == "muted":
        sanction_create(member=author, moderator=moderator, kind="mute", reason="Cooling off")
    if case.setup == "rate_limited":
        for kind in WriteLimit.Kind.values:
            WriteLimit.objects.update_or_create(kind=kind, defaults={"rate": "1 per hour"})
        rates_changed()


def expected(case: Case, surface: str) -> str:
    if case.name in DIFFERENT.get(surface, {}):
        return DIFFERENT[surface][case.name]
    if surface == "thread_title" and case.name == "too long":
        return "refused:title_length"
    if surface == "thread_title" and not case.text.strip():
        return "refused:title_required"
    return case.outcome


@pytest.mark.django_db
@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_surface_treats_awkward_text_alike(client, case, surface):
    author, other = UserFactory(username="writer"), UserFactory(username="reader")
    moderator = UserFactory(username="mo")
    from community import roles
    from community.services import role_grant

    role_grant(user=moderator, role=roles.MODERATORS)
    surfaces = Surfaces(client, author, other)
    arrange(case, author, moderator)
    if case.setup == "rate_limited":
        surfaces.warm_up(surface)

    seen = getattr(surfaces, surface)(case.text)

    want = expected(case, surface)
    assert seen.outcome == want.split(":")[0]
    if want.startswith("refused"):
        assert 'role="alert"' in seen.page and SAYS[want.split(":")[1]] in seen.page
        kept = case.text.strip()[:30]
        assert html.escape(kept) in seen.page, "the refused text is kept in the form"
    if case.alerts:
        assert QueueItem.objects.filter(priority=Priority.URGENT).exists()
    if case.alerts or case.helps:
        assert "Samaritans" in seen.page, "help is in front of them"


# The chat socket: the same table, the same outcomes, as error frames that keep nothing
# of the member's text out of their hands (the client keeps it until acknowledged).

def load_shipped_rules():
    """The warnings and screening rules migrations ship, gone after a transactional flush."""
    from django.apps import apps

    for module, loader in (("community.migrations.0004_default_content_warnings",
                            "create_warnings"),
                           ("moderation.migrations.0009_rule_explanations", "load_rules")):
        getattr(import_module(module), loader)(apps, None)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("socket_test_setup")
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_the_chat_socket_treats_awkward_text_alike(case):
    from config.asgi import application

    author = await database_sync_to_async(UserFactory)(username="writer")
    moderator = await database_sync_to_async(UserFactory)(username="mo")
    await database_sync_to_async(_make_moderator)(moderator)
    room = await Room.objects.acreate(name="Evening drop-in", slug="evening")
    await database_sync_to_async(load_shipped_rules)()
    await database_sync_to_async(arrange)(case, author, moderator)
    headers = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1"),
               (b"cookie", await database_sync_to_async(session_cookie)(author))]
    socket = WebsocketCommunicator(application, f"/ws/chat/{room.slug}/", headers=headers)
    assert (await socket.connect())[0]
    if case.setup == "rate_limited":
        await socket.send_json_to({"type": "message", "text": "A first, harmless line"})

    await socket.send_json_to({"type": "message", "text": case.text})

    frames = await _frames(socket, until=_answered(case))
    await socket.disconnect()
    errors = [f for f in frames if f["type"] == "error" and f["code"] != "held"]
    words = case.text.strip()[:20]
    stored = await Message.objects.filter(text__contains=words).afirst() if words else None
    if case.outcome.startswith("refused"):
        assert errors and errors[-1]["code"] == case.outcome.split(":")[1]
        assert stored is None or not case.text.strip()
    else:
        assert not errors and stored is not None
        assert stored.visibility == case.outcome
    if case.alerts or case.helps:
        assert any(f["type"] == "signpost" for f in frames)
    if case.alerts:
        assert await QueueItem.objects.filter(priority=Priority.URGENT).aexists()


def _make_moderator(user):
    from community import roles
    from community.services import role_grant

    role_grant(user=user, role=roles.MODERATORS)


def _answered(case: Case) -> Callable[[list[dict]], bool]:
    """Whether the frames so far answer the message: a refusal, or its delivery and help."""
    def answered(frames: list[dict]) -> bool:
        # An error by its code, an ack by what became of the message ("held").
        kinds = {f.get({"error": "code", "ack": "status"}.get(f["type"], "type")) for f in frames}
        if case.outcome.startswith("refused"):
            refused = bool(kinds - {"history", "presence", "held", "published", "message",
                                   "signpost"})
            return refused and ("signpost" in kinds or not case.helps)
        delivered = ("held" if case.outcome == "held" else "message") in kinds
        return delivered and ("signpost" in kinds or not case.alerts)
    return answered


async def _frames(socket, *, until: Callable[[list[dict]], bool]) -> list[dict]:
    """Frames until `until` says the message is answered, or five quiet seconds."""
    frames = []
    while not until(frames) and not await socket.receive_nothing(5):
        frames.append(await socket.receive_json_from(1))
    return frames
