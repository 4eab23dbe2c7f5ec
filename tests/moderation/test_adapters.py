"""Moderation reaches every kind of content through its adapter, and names no content app.

The notes app in tests/moderatable is a kind of content moderation has never heard of: an
adapter and its registration are all it needs for the queue, reports, actions and audit.
"""

import html
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.html import strip_tags

from chat.models import Message
from community.models import Member, Notification
from forums.models import Category, Post, Thread
from moderation.adapters import ContentAdapter, adapter_for, content_kinds, register
from moderation.content import Visibility
from moderation.models import ModerationAction, ReportReason
from moderation.services import report_create
from tests.factories import UserFactory
from tests.moderatable.models import Note
from tests.moderatable.moderation import NoteAdapter

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_every_kind_of_content_has_an_adapter_named_in_members_words():
    kinds = {model: adapter_for(model).kind for model in (Post, Thread, Message, Member, Note)}

    assert kinds == {Post: "post", Thread: "thread", Message: "chat message", Member: "profile",
                     Note: "note"}
    assert ("message", "Chat message") in content_kinds()


def test_content_without_an_adapter_is_refused_with_what_to_do():
    with pytest.raises(LookupError, match="register one in its app's moderation.py"):
        adapter_for(Category)


def test_a_second_adapter_for_the_same_model_is_refused():
    class OtherNoteAdapter(ContentAdapter):
        model = Note
        kind = "jotting"

    with pytest.raises(ImproperlyConfigured, match="already has a moderation adapter"):
        register(OtherNoteAdapter())
    register(NoteAdapter())  # the same adapter again is harmless
    assert adapter_for(Note).kind == "note"


# --- A new kind of content, with nothing but an adapter ----------------------------------------


@pytest.fixture
def note(member):
    return Note.objects.create(author=member, body="Nobody here likes you.")


def test_a_new_kind_is_queued_shown_and_acted_on_in_its_own_words(client, moderator, member,
                                                                   note):
    reporter = UserFactory(username="sam")
    item = report_create(reporter=reporter, content=note, reason=ReportReason.UNKIND).item
    client.force_login(moderator)

    queue = client.get(reverse("moderation:queue")).content.decode()
    page = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    client.post(reverse("moderation:act", args=[item.pk, "hide"]), {"reason": "Be kind"})

    assert "Member report: note by alex" in queue and "Nobody here likes you." in queue
    assert f'href="/notes/{note.pk}/"' in page
    note.refresh_from_db()
    assert (note.visibility, note.moderation_reason, note.moderated_by) == (
        Visibility.HIDDEN, "Be kind", moderator)
    assert ModerationAction.objects.filter(verb="hide", member=member, item=item).exists()
    assert list(Notification.objects.filter(user=member).values_list("text", flat=True)) == [
        "A moderator hid your note. The reason: Be kind"]
    log = client.get(reverse("moderation:log")).content.decode()
    assert f"mo hid alex's note {note.pk}" in " ".join(strip_tags(log).split())


def test_a_new_kind_can_be_filtered_for_in_the_queue(client, moderator, note):
    report_create(reporter=UserFactory(), content=note, reason=ReportReason.SPAM)
    client.force_login(moderator)

    response = client.get(reverse("moderation:queue") + "?kind=note")

    assert [entry.content.kind for entry in response.context["page"]] == ["note"]
    assert '<option value="note" selected>Note</option>' in response.content.decode()


def test_an_action_the_adapter_does_not_offer_is_refused(client, moderator, note):
    item = report_create(reporter=UserFactory(), content=note, reason=ReportReason.SPAM).item
    client.force_login(moderator)

    response = client.post(reverse("moderation:act", args=[item.pk, "edit"]),
                           {"text": "Changed", "reason": "Because"}, follow=True)

    note.refresh_from_db()
    assert note.body == "Nobody here likes you."
    assert "That can't be done to this item now." in html.unescape(response.content.decode())


def test_queue_item_for_deleted_content_offers_nothing(client, moderator, note):
    item = report_create(reporter=UserFactory(), content=note, reason=ReportReason.SPAM).item
    note.delete()
    client.force_login(moderator)

    page = client.get(reverse("moderation:item", args=[item.pk])).content.decode()

    assert f"Queue item {item.pk}: note</h1>" in page
    assert "The content no longer exists" in page


# --- The layers, as DESIGN.md draws them ------------------------------------------------------


# Which app may import which is checked by import-linter (pyproject.toml, `make lint`);
# what it cannot see is a content app named in moderation's code or pages as text.

# A module, URL name or app label of a content app: forums.models, chat:room, "forums".
CONTENT_APP_NAME = re.compile(r"\b(forums|chat)[.:]\w|[\"'](forums|chat)[\"']")


def test_moderation_code_and_pages_name_no_content_app():
    files = [*(ROOT / "moderation").rglob("*.py"), *(ROOT / "templates/moderation").rglob("*")]
    named = [str(path.relative_to(ROOT)) for path in files
             if path.is_file() and "migrations" not in path.parts
             and CONTENT_APP_NAME.search(path.read_text())]

    assert named == []
