"""Searching the forums: what is found, what is never shown, and odd input never breaks the page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from community.services import block_create
from forums.models import Post
from forums.search import EMPTY, TOO_LONG, clean_query, excerpt
from forums.services import (
    post_create,
    post_delete,
    post_edit,
    post_set_visibility,
    thread_create,
    thread_retitle,
    thread_set_visibility,
)
from moderation.content import Visibility
from tests.factories import CategoryFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unlimited_writes")]

SEARCH = reverse("forums:search")


def start(author, category, title="Evenings are hard", body="I find the evenings hardest.",
          **extra):
    return thread_create(author=author, category=category, title=title, body=body, **extra).post


def search(client, query, **params):
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def results(page: str) -> str:
    """The part of the page under the form, where results are listed."""
    return page.split('id="results-heading"', 1)[-1] if 'id="results-heading"' in page else ""


def test_search_finds_posts_by_body_and_links_to_them(client, member, category):
    post = start(member, category, body="Walking the dog by the canal helps me most days.")

    page = search(client, "canal")

    found = results(page)
    assert "1 result for" in found
    assert reverse("forums:post", args=[post.pk]) in found
    assert "Evenings are hard" in found and "Anxiety and low mood" in found
    assert "alex" in found and "Walking the dog by the canal helps me" in found


def test_search_finds_threads_by_title(client, member, category):
    post = start(member, category, title="Gardening on the allotment", body="Anyone else?")

    found = results(search(client, "allotment"))

    assert reverse("forums:post", args=[post.pk]) in found
    assert "Gardening on the allotment" in found


def test_search_finds_replies_and_needs_every_word(client, member, peer_supporter, category):
    first = start(member, category, body="Does anyone else struggle to sleep?")
    reply = post_create(author=peer_supporter, thread=first.thread,
                        body="A notebook by the bed helps me sleep.").post

    found = results(search(client, "notebook sleep"))

    assert reverse("forums:post", args=[reply.pk]) in found
    assert reverse("forums:post", args=[first.pk]) + '"' not in found


def test_search_leaves_out_what_the_reader_may_not_see(client, member, peer_supporter, moderator,
                                                       category):
    shown = start(member, category, title="Shown", body="The kettle is my friend.")
    held = post_create(author=peer_supporter, thread=shown.thread, body="A held kettle post.").post
    post_set_visibility(post=held, visibility=Visibility.HELD, by=None, reason="Waiting")
    hidden = post_create(author=peer_supporter, thread=shown.thread, body="A hidden kettle.").post
    post_set_visibility(post=hidden, visibility=Visibility.HIDDEN, by=moderator, reason="Unkind")
    deleted = post_create(author=member, thread=shown.thread, body="A deleted kettle.").post
    post_delete(post=deleted, by=member)
    hidden_thread = start(member, category, title="Hidden thread", body="Kettle again.")
    thread_set_visibility(thread=hidden_thread.thread, visibility=Visibility.HIDDEN, by=moderator,
                          reason="Off topic")
    held_thread = start(member, category, title="Held thread", body="Kettle once more.")
    thread_set_visibility(thread=held_thread.thread, visibility=Visibility.HELD, by=moderator,
                          reason="Checking")

    found = results(search(client, "kettle"))

    assert "1 result for" in found
    assert reverse("forums:post", args=[shown.pk]) in found
    for post in (held, hidden, deleted, hidden_thread, held_thread):
        assert reverse("forums:post", args=[post.pk]) not in found


def test_search_follows_edits_and_new_titles(client, member, moderator, category):
    post = start(member, category, title="Evenings", body="The kettle is my friend.")
    link = reverse("forums:post", args=[post.pk])

    post_edit(post=post, editor=member, body="The teapot is my friend.")
    thread_retitle(thread=post.thread, editor=moderator, title="Allotment days")

    assert link in results(search(client, "teapot"))
    assert link in results(search(client, "allotment"))
    assert link not in results(search(client, "kettle"))
    assert link not in results(search(client, "evenings"))


def test_a_word_finds_longer_forms_and_any_case(client, member, category):
    post = start(member, category, body="Kettles and TEAPOTS everywhere.")
    link = reverse("forums:post", args=[post.pk])

    assert link in results(search(client, "kettle teapot"))
    assert link in results(search(client, "KETTLES"))


def test_private_categories_are_searched_for_members_only(client, member):
    private = CategoryFactory(name="Members only", is_public=False)
    post = start(member, private, body="A quiet word about the teapot.")
    link = reverse("forums:post", args=[post.pk])

    assert link not in search(client, "teapot")
    client.force_login(member)
    assert link in search(client, "teapot")


def test_search_leaves_out_members_the_reader_blocked(client, member, peer_supporter, category):
    post = start(peer_supporter, category, body="Biscuits with tea are the best.")
    block_create(blocker=member, blocked=peer_supporter)
    client.force_login(member)

    assert reverse("forums:post", args=[post.pk]) not in search(client, "biscuits")


def test_warned_posts_show_their_warnings_never_their_words(client, member, peer_supporter,
                                                            category):
    warned = start(member, category, title="A hard year", warnings=["self-harm"],
                   warning_note="Ends on a hopeful note.",
                   body="Remembering the hospital ward and the long nights there.")
    reply = post_create(author=peer_supporter, thread=warned.thread,
                        body="The hospital garden was where I felt safe, by the pond.").post

    found = results(search(client, "hospital"))

    assert "2 results for" in found
    assert reverse("forums:post", args=[reply.pk]) in found
    assert found.count("Content warning: self-harm.") == 2
    assert "Ends on a hopeful note." in found
    assert "long nights" not in found and "by the pond" not in found


AWKWARD_QUERIES = [
    # (typed, message shown, or "" when it is searched)
    ("", EMPTY),
    ("   \t\n  ", EMPTY),
    ("kettle " * 15_000, TOO_LONG),
    ("kett\x00le\x07", ""),
    ("<script>alert('hi')</script><b>kettle</b>", ""),
    ("\u202ekettle\u202c", ""),
    ("\u200fשלום مرحبا\u200f", ""),
    ("🙂🫖", EMPTY),
    ("kettle 🫖", ""),
    ("'; DROP TABLE forums_post; --", ""),
    ("\" OR 1=1 --", ""),
    ("!!! ??? ... &&& ***", EMPTY),
    ("kettle & (tea | -coffee) \"unfinished", ""),
]


@pytest.mark.parametrize(("query", "message"), AWKWARD_QUERIES)
def test_awkward_queries_never_break_the_page_or_echo_unescaped(client, member, category,
                                                                query, message):
    start(member, category, body="The kettle is my friend.")

    page = search(client, query)

    assert "<script>alert" not in page and "<b>kettle</b>" not in page
    cleaned, _ = clean_query(query)
    assert f'value="{escape(cleaned)}"' in page
    if message:
        assert escape(message) in page
        assert 'id="results-heading"' not in page
    else:
        assert 'id="results-heading"' in page
    assert Post.objects.count() == 1


def test_results_come_twenty_to_a_page(client, member, category):
    for number in range(23):
        start(member, category, title=f"Kettle chat {number}", body="Tea time.")

    first, second = search(client, "kettle"), search(client, "kettle", page=2)

    assert first.count('class="card"') == 20 and "Page 1 of 2" in first
    assert second.count('class="card"') == 3 and "Previous page" in second


def test_the_first_visit_shows_the_form_without_a_complaint(client):
    page = client.get(SEARCH).content.decode()

    assert '<label for="search-q">' in page
    assert EMPTY not in page


def test_search_runs_as_many_queries_for_twenty_results_as_for_two(
        client, member, peer_supporter, category, django_assert_max_num_queries,
        forget_kept_listings):
    other = CategoryFactory()

    def add_threads(numbers):
        for number in numbers:
            start(member if number % 2 else peer_supporter, other if number % 3 else category,
                  title=f"Teapot thread {number}", body="Teapot talk.",
                  warnings=["self-harm"] if number % 4 == 0 else [])

    add_threads(range(2))
    block_create(blocker=member, blocked=UserFactory())
    client.force_login(member)
    search(client, "teapot")  # the header makes some rows on a site's first request
    forget_kept_listings()  # both counts are of results found afresh, not kept ones
    with CaptureQueriesContext(connection) as few:
        search(client, "teapot")
    add_threads(range(2, 30))
    forget_kept_listings()

    with django_assert_max_num_queries(len(few)):
        page = search(client, "teapot")

    assert "30 results for" in page and page.count('class="card"') == 20


def test_results_kept_for_a_second_search_are_read_without_the_database(
        client, member, category, django_assert_max_num_queries):
    start(member, category, body="The kettle is my friend.")
    client.force_login(member)
    with CaptureQueriesContext(connection) as first:
        found = results(search(client, "kettle"))

    with django_assert_max_num_queries(len(first) - 2):
        assert results(search(client, "kettle")) == found


def test_new_and_hidden_posts_reach_kept_results_at_once(
        client, member, peer_supporter, moderator, category, django_capture_on_commit_callbacks):
    first = start(member, category, body="The kettle is my friend.")
    assert "1 result for" in results(search(client, "kettle"))

    with django_capture_on_commit_callbacks(execute=True):
        reply = post_create(author=peer_supporter, thread=first.thread,
                            body="Mine is a whistling kettle.").post
    found = results(search(client, "kettle"))
    assert "2 results for" in found and reverse("forums:post", args=[reply.pk]) in found

    with django_capture_on_commit_callbacks(execute=True):
        post_set_visibility(post=reply, visibility=Visibility.HIDDEN, by=moderator,
                            reason="Unkind")
    found = results(search(client, "kettle"))
    assert "1 result for" in found and reverse("forums:post", args=[reply.pk]) not in found


def test_results_kept_for_one_reader_are_never_shown_to_another_who_may_not_see_them(
        client, member, peer_supporter, category):
    private = CategoryFactory(name="Members only", is_public=False)
    hidden_away = start(member, private, title="Private kettle", body="A kettle chat.")
    blocked = start(peer_supporter, category, title="Public kettle", body="My kettle.")
    client.force_login(member)
    assert reverse("forums:post", args=[hidden_away.pk]) in results(search(client, "kettle"))
    client.logout()

    assert reverse("forums:post", args=[hidden_away.pk]) not in results(search(client, "kettle"))
    block_create(blocker=member, blocked=peer_supporter)
    client.force_login(member)
    assert reverse("forums:post", args=[blocked.pk]) not in results(search(client, "kettle"))


def test_excerpt_is_plain_text_around_the_word_searched():
    html = "<p>" + "Filler words here. " * 30 + "The <em>kettle</em>, &amp; the pot.</p><p>Tea.</p>"

    text = excerpt(html, "kettle")

    assert "kettle, & the pot. Tea." in text and "<em>" not in text
    assert text.startswith("…") and len(text) <= 230


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="word forms need PostgreSQL full-text search")
def test_postgresql_finds_other_forms_of_a_word_and_phrases(client, member, category):
    post = start(member, category, body="Walking by the river helps on hard days.")
    link = reverse("forums:post", args=[post.pk])

    assert link in search(client, "walks")
    assert link in search(client, '"hard days"')
    assert link not in search(client, "walks -river")


# The search box on every forum page


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_forum_page_has_a_labelled_search_box_that_needs_no_javascript(
        client, member, category, signed_in):
    thread = thread_create(author=member, category=category, title="Sleep",
                           body="Bad nights").post.thread
    if signed_in:
        client.force_login(member)

    for url in (reverse("forums:index"), category.get_absolute_url(), thread.get_absolute_url()):
        page = client.get(url).content.decode()
        form = re.search(r'<form class="forum-search"[^>]*>.*?</form>', page, flags=re.S)
        assert form, url
        box = form.group(0)
        assert 'method="get"' in box and f'action="{reverse("forums:search")}"' in box
        assert 'role="search"' in box
        assert '<label for="forum-search-q">Search the forums</label>' in box
        assert 'id="forum-search-q" name="q"' in box
        assert '<button type="submit"' in box


def test_the_box_leads_to_the_results(client, member, category):
    thread_create(author=member, category=category, title="Sleep at last",
                  body="Some better nights")

    page = client.get(reverse("forums:search"), {"q": "sleep"}).content.decode()

    assert "Sleep at last" in page
