"""Acting where members read (the Moderate menu's pages): any kind of content through its
adapter, the queue's rules kept, and the queue never left holding what was dealt with."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from community.models import SiteSettings
from moderation.content import Visibility
from moderation.models import QueueItem, ReportReason, ScreeningReview
from moderation.reviews import VERDICT_MISSING
from moderation.services import (
    content_edit_where_read,
    content_hide_where_read,
    presence_touch,
    report_create,
)
from tests.factories import CategoryFactory, UserFactory, on_duty_moderator
from tests.moderatable.models import Note
from tests.moderation.test_views import write

pytestmark = [pytest.mark.django_db,
              pytest.mark.usefixtures("unlimited_writes", "reports_count_in_full",
                                      "forum_as_usual")]


@pytest.fixture
def forum_as_usual(db):
    """No newcomer holds, and a moderator on duty so urgent posts are published at once."""
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    presence_touch(moderator=on_duty_moderator())


@pytest.fixture
def category(db):
    return CategoryFactory(name="Anxiety and low mood", slug="anxiety")


@pytest.fixture
def reporter(db):
    return UserFactory(username="sam")


def act_url(kind: str, pk: int, action: str) -> str:
    return reverse("moderation:content_act", args=[kind, pk, action])


def test_hiding_what_screening_raised_asks_whether_it_rated_it_right(client, moderator, member,
                                                                    category):
    post = write(member, category, body="I want to die tonight")
    item = QueueItem.objects.get(object_id=post.pk)
    client.force_login(moderator)
    url = act_url("post", post.pk, "hide")

    asked = html.unescape(client.get(url).content.decode())
    missing = client.post(url, {"reason": "Moving it to a safer place"})
    client.post(url, {"reason": "Moving it to a safer place", "verdict": "right"})

    assert "Was screening's rating right?" in asked
    assert missing.status_code == 400 and VERDICT_MISSING in html.unescape(missing.text)
    item.refresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED
    assert ScreeningReview.objects.get(item=item).verdict == "right"


def test_any_kind_of_content_is_moderated_where_read_through_its_adapter(client, moderator,
                                                                         member):
    note = Note.objects.create(author=member, body="A note with unkind words")
    client.force_login(moderator)

    asked = client.get(act_url("note", note.pk, "hide"))
    done = client.post(act_url("note", note.pk, "hide"), {"reason": "Unkind"})

    assert "Hide the note by alex?" in html.unescape(asked.text)
    assert done.status_code == 302 and done["Location"] == f"/notes/{note.pk}/"
    note.refresh_from_db()
    assert note.visibility == Visibility.HIDDEN


@pytest.mark.parametrize("path", ["nothing/1/hide/", "note/999/hide/", "note/{pk}/move/"])
def test_unknown_kinds_content_and_actions_are_not_found(client, moderator, member, path):
    note = Note.objects.create(author=member, body="Words")
    client.force_login(moderator)

    assert client.get(f"/moderation/content/{path.format(pk=note.pk)}").status_code == 404


def test_editing_where_read_closes_the_open_item_and_keeps_the_old_words(moderator, member,
                                                                         reporter, category):
    post = write(member, category, body="Unkind words")
    item = report_create(reporter=reporter, content=post, reason=ReportReason.UNKIND).item

    content_edit_where_read(content=post, moderator=moderator, text="Kinder words",
                            reason="Tone")

    item.refresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED
    assert item.actions.filter(verb="edit", reason="Tone").exists()
    assert post.revisions.get().body == "Unkind words"


def test_hiding_what_is_already_hidden_is_refused(moderator, member):
    note = Note.objects.create(author=member, body="Words", visibility=Visibility.HIDDEN)

    with pytest.raises(ValidationError, match="can't be done to this note now"):
        content_hide_where_read(content=note, moderator=moderator, reason="Again")
