"""The member who started a thread changes its title: through the one submission path,
rate limited, kept as a revision, and never on a locked thread or someone else's."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import reverse

from community.models import WriteLimit
from community.ratelimits import rates_changed
from forums.models import Thread, ThreadTitleRevision
from forums.services import thread_title_edit
from moderation.content import Visibility
from moderation.models import QueueItem, WatchedWord
from moderation.screening import rules
from moderation.submission import Refused
from tests.factories import UserFactory
from tests.forums.test_pages import page_text, start, thread_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(member, category):
    return start(member, category, title="Bad nights")


def watched(**rule) -> None:
    """A new rule, applied at once (the rules are let go after commit; tests never commit)."""
    WatchedWord.objects.create(**rule)
    rules.forget()


def title_url(thread) -> str:
    return reverse("forums:thread_title", args=[thread.category.slug, thread.pk])


def test_the_starter_changes_the_title_and_everyone_sees_it(
        client, member, thread, category, django_capture_on_commit_callbacks):
    client.get(category.get_absolute_url())  # the visitors' listing and page, kept
    client.get(thread_url(thread))
    client.force_login(member)
    assert title_url(thread) in page_text(client.get(thread_url(thread)))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(title_url(thread), {"title": "Bad nights, better mornings"})

    assert response.status_code == 302 and response.url == thread_url(thread)
    page = page_text(client.get(thread_url(thread)))
    assert "Bad nights, better mornings</h1>" in page
    assert "The new title is saved." in page
    client.logout()
    assert "Bad nights, better mornings" in page_text(client.get(category.get_absolute_url()))
    assert "Bad nights, better mornings" in page_text(client.get(thread_url(thread)))
    revision = ThreadTitleRevision.objects.get()
    assert (revision.title, revision.edited_by) == ("Bad nights", member)


def test_refused_words_stay_in_the_box_with_the_reason(client, member, thread):
    watched(pattern="buy cheap pills", action="block")
    client.force_login(member)

    response = client.post(title_url(thread), {"title": "Where to buy cheap pills"})

    page = page_text(response)
    assert response.status_code == 200
    assert 'role="alert"' in page and "words that are not allowed here" in page
    assert 'value="Where to buy cheap pills"' in page
    thread.refresh_from_db()
    assert thread.title == "Bad nights" and not ThreadTitleRevision.objects.exists()


def test_a_title_too_short_is_refused_and_kept(client, member, thread):
    client.force_login(member)

    page = page_text(client.post(title_url(thread), {"title": "Hi"}))

    assert 'value="Hi"' in page and 'aria-invalid="true"' in page
    assert Thread.objects.get().title == "Bad nights"


def test_retitling_is_rate_limited_and_the_text_kept(client, member, thread):
    WriteLimit.objects.update_or_create(kind=WriteLimit.Kind.EDIT,
                                        defaults={"rate": "1 per minute"})
    rates_changed()
    thread_title_edit(thread=thread, editor=member, title="Bad nights again")

    with pytest.raises(Refused) as refused:
        thread_title_edit(thread=thread, editor=member, title="Bad nights once more")
    assert "Please wait 1 minute" in refused.value.message
    client.force_login(member)
    page = page_text(client.post(title_url(thread), {"title": "Bad nights once more"}))
    assert "Please wait 1 minute" in page.replace("&#x27;", "'")
    assert 'value="Bad nights once more"' in page
    assert Thread.objects.get().title == "Bad nights again"


@override_settings(DEBUG=False)
def test_another_member_cannot_retitle(client, friend, moderator, thread):
    client.force_login(friend)

    assert title_url(thread) not in page_text(client.get(thread_url(thread)))
    for response in (client.get(title_url(thread)),
                     client.post(title_url(thread), {"title": "Mine now"})):
        assert response.status_code == 403
        assert "Only the member who started this thread can change its title." in (
            page_text(response).replace("&#x27;", "'"))
    with pytest.raises(PermissionDenied):
        thread_title_edit(thread=thread, editor=friend, title="Mine now")
    assert Thread.objects.get().title == "Bad nights"


def test_a_locked_thread_keeps_its_title(client, member, thread):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    client.force_login(member)

    assert title_url(thread) not in page_text(client.get(thread_url(thread)))
    response = client.post(title_url(thread), {"title": "A new name"})
    assert response.status_code == 403
    assert "locked, so its title can" in page_text(response)
    assert Thread.objects.get().title == "Bad nights"


def test_a_title_screening_holds_waits_with_its_thread(member, thread):
    watched(pattern="cheap meds", action="hold")

    retitled = thread_title_edit(thread=thread, editor=member, title="Cheap meds here")

    thread.refresh_from_db()
    assert retitled.is_held and thread.visibility == Visibility.HELD
    assert thread.title == "Cheap meds here"
    assert QueueItem.objects.filter(object_id=thread.pk).exists()


@pytest.fixture
def friend(db):
    return UserFactory(username="sam")
