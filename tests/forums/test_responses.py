"""Responding to posts and threads: reactions, reports, following and the edit history."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from community import request_cache
from community.models import Notification, User
from community.services import block_create
from forums.models import Reaction, Subscription
from forums.services import (
    post_create,
    post_edit,
    post_moderator_edit,
    post_set_visibility,
    reaction_set,
    thread_create,
)
from moderation.content import Visibility
from moderation.models import Priority, QueueItem, Report
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

THREAD_PATH = "/forums/anxiety/1/"
LOGIN = reverse("account_login")

AWKWARD_NOTES = [
    # (note typed, is it sent?, what is stored, or the message shown when refused)
    ("", True, ""),
    ("   \n\t  ", True, ""),
    ("x" * 100_000, False, "Please keep the note to 500 characters."),
    ("hello\x00world", False, "Null characters are not allowed."),
    ("bell\x07", False, "hidden control characters"),
    ("<script>alert(1)</script><b>bold</b>", True, "<script>alert(1)</script><b>bold</b>"),
    ("abc\u202edcba", False, "hidden control characters"),
    ("שלום and مرحبا", True, "שלום and مرحبا"),
    ("Worried 😟 about this 🙏", True, "Worried 😟 about this 🙏"),
    ("'; DROP TABLE moderation_report; --", True, "'; DROP TABLE moderation_report; --"),
]


@pytest.fixture
def post(member, category):
    return thread_create(author=member, category=category, title="Hello from me",
                         body="Hello everyone, I'm new here.").post


@pytest.fixture
def friend(db):
    return UserFactory(username="sam")


def render_actions(template, user, **context):
    request = RequestFactory().get(THREAD_PATH)
    request.user = user
    return render_to_string(f"forums/includes/{template}", {"user": user, **context},
                            request=request)


def react_url(post):
    return reverse("forums:post_react", args=[post.pk])


def report_url(post):
    return reverse("forums:post_report", args=[post.pk])


def thread_url(name, thread):
    return reverse(name, args=[thread.category.slug, thread.pk])


# Reactions


def test_reacting_gives_and_takes_back_and_goes_back_to_the_post(client, friend, post):
    client.force_login(friend)
    back = f"{THREAD_PATH}?page=2#post-1"

    given = client.post(react_url(post), {"give": "support", "next": back})
    post.refresh_from_db()
    assert (given.status_code, given["Location"], post.support_count) == (302, back, 1)
    page = client.get(post.get_absolute_url(), follow=True).content.decode()
    assert 'name="take_back" value="support" aria-pressed="true"' in page

    client.post(react_url(post), {"take_back": "support", "next": back})
    post.refresh_from_db()
    assert post.support_count == 0


def test_a_double_clicked_reaction_counts_once_and_notifies_once(client, friend, post):
    client.force_login(friend)

    for _ in range(2):
        response = client.post(react_url(post), {"give": "thanks"})

    post.refresh_from_db()
    assert response.status_code == 302
    assert post.thanks_count == 1 and post.reactions.count() == 1
    assert Notification.objects.filter(user=post.author, kind="reaction").count() == 1


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:x",
                                      ""])
def test_reacting_never_redirects_to_another_site(client, friend, post, next_url):
    client.force_login(friend)

    response = client.post(react_url(post), {"give": "thanks", "next": next_url})

    assert response["Location"] == post.get_absolute_url()


def test_an_unknown_reaction_is_refused(client, friend, post):
    client.force_login(friend)

    response = client.post(react_url(post), {"give": "like"})

    assert response.status_code == 400
    assert not Reaction.objects.exists()


def test_reacting_needs_a_post_request_and_a_member(client, friend, post):
    assert client.post(react_url(post), {"give": "support"})["Location"].startswith(LOGIN)
    client.force_login(friend)
    assert client.get(react_url(post)).status_code == 405


def test_buttons_show_counts_and_which_the_viewer_gave(friend, post):
    reaction_set(post=post, user=friend, kind="support")
    reaction_set(post=post, user=UserFactory(), kind="support")
    reaction_set(post=post, user=UserFactory(), kind="me_too")
    post.refresh_from_db()

    html = render_actions("post_actions.html", friend, post=post)

    assert html.count("<button") == 3
    assert ('value="support" aria-pressed="true">Sending support'
            '<span aria-hidden="true"> · 2</span>') in html
    assert 'value="me_too" aria-pressed="false">Me too<span aria-hidden="true"> · 1' in html
    assert 'value="thanks" aria-pressed="false">Thank you</button>' in html
    assert f'name="next" value="{THREAD_PATH}#post-1"' in html
    assert "2 people" in html and "1 person" in html


def test_own_post_shows_counts_but_no_buttons(member, friend, post):
    reaction_set(post=post, user=friend, kind="thanks")
    post.refresh_from_db()

    html = render_actions("post_actions.html", member, post=post)

    assert "<button" not in html
    assert "Thank you" in html and "· 1" in html
    assert "Report" not in html
    assert reverse("forums:post_reactions", args=[post.pk]) in html


def test_visitor_sees_counts_and_a_report_link_but_no_buttons(friend, post):
    from django.contrib.auth.models import AnonymousUser
    reaction_set(post=post, user=friend, kind="support")
    post.refresh_from_db()

    html = render_actions("post_actions.html", AnonymousUser(), post=post)

    assert "<button" not in html and "Sending support" in html
    assert report_url(post) in html
    assert "Who reacted" not in html


def test_a_blocked_member_sees_the_buttons_and_the_blocker_does_not(client, member, friend,
                                                                   post):
    """Both sides of a block are in tests/forums/test_blocking.py; here, the buttons."""
    theirs = thread_create(author=friend, category=post.thread.category, title="Mine",
                           body="Sam's own words.").post
    block_create(blocker=member, blocked=friend)

    assert "<button" in render_actions("post_actions.html", friend, post=post)
    assert "<button" not in render_actions("post_actions.html", member, post=theirs)
    client.force_login(member)
    assert client.post(react_url(theirs), {"give": "support"}).status_code == 403
    theirs.refresh_from_db()
    assert theirs.support_count == 0


@pytest.mark.usefixtures("unlimited_writes")
def test_post_actions_read_the_viewers_reactions_once_per_page(member, category, friend):
    thread = thread_create(author=member, category=category, title="Busy thread",
                           body="First post").post.thread
    posts = [post_create(author=member, thread=thread, body=f"Reply {n}").post
             for n in range(12)]
    for post in posts[::2]:
        reaction_set(post=post, user=friend, kind="me_too")

    def render_page(posts):
        request = RequestFactory().get(THREAD_PATH)
        request.user = User.objects.get(pk=friend.pk)
        with CaptureQueriesContext(connection) as queries, request_cache.opened():
            pages = [render_to_string("forums/includes/post_actions.html",
                                      {"post": post, "user": request.user}, request=request)
                     for post in posts]
        return len(queries), sum('aria-pressed="true"' in html for html in pages)

    # The viewer's roles, who has blocked them and the reactions they gave: once each;
    # the next page finds the roles and blocks kept for the member (community.member_facts).
    assert render_page(posts[:3]) == (3, 2)
    assert render_page(posts) == (1, 6)


def test_who_reacted_lists_names_under_each_reaction(client, member, friend, post):
    reaction_set(post=post, user=friend, kind="support")
    reaction_set(post=post, user=UserFactory(username="kit"), kind="thanks")
    client.force_login(member)

    page = client.get(reverse("forums:post_reactions", args=[post.pk])).content.decode()

    support, me_too, thanks = (page.index(heading) for heading in
                               ("<h2>Sending support</h2>", "<h2>Me too</h2>",
                                "<h2>Thank you</h2>"))
    assert support < page.index(">sam</a>") < me_too < page.index("Nobody yet") < thanks
    assert thanks < page.index(">kit</a>")


def test_who_reacted_is_for_members_only(client, post):
    response = client.get(reverse("forums:post_reactions", args=[post.pk]))

    assert response["Location"].startswith(LOGIN)


def test_held_posts_are_not_found_by_other_members(client, member, friend, post):
    post_set_visibility(post=post, visibility=Visibility.HELD, by=None, reason="Checking")
    client.force_login(friend)

    assert client.get(reverse("forums:post_reactions", args=[post.pk])).status_code == 404
    assert client.get(report_url(post)).status_code == 404


# Reports


def test_report_form_offers_reasons_in_a_fieldset_with_at_risk_first(client, friend, post):
    client.force_login(friend)

    page = client.get(report_url(post)).content.decode()

    assert "<fieldset" in page and "<legend>What is the problem?</legend>" in page
    radios = page.split('type="radio"')
    assert 'value="at_risk"' in radios[1] and "Someone may be at risk" in radios[1]
    assert len(radios) == 9
    assert '<label for="id_note">' in page


@pytest.mark.usefixtures("reports_count_in_full")
def test_reporting_a_post_queues_it_and_thanks_the_member(client, friend, post):
    client.force_login(friend)

    response = client.post(report_url(post), {"reason": "unkind", "note": "  Mean to a newbie "})

    page = response.content.decode()
    assert "A moderator will look at this." in page
    assert "If someone is in danger now, call 999." not in page
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.note) == (friend, "unkind", "Mean to a newbie")
    assert (report.item.content, report.item.priority) == (post, Priority.HIGH)


@pytest.mark.usefixtures("reports_count_in_full")
def test_someone_at_risk_is_urgent_and_shows_where_to_get_help(client, friend, post):
    client.force_login(friend)

    page = client.post(report_url(post), {"reason": "at_risk"}).content.decode()

    assert QueueItem.objects.get().priority == Priority.URGENT
    assert "If someone is in danger now, call 999." in page
    assert f'href="{reverse("help")}"' in page


def test_reporting_a_thread(client, friend, post):
    thread = post.thread
    client.force_login(friend)

    page = client.post(thread_url("forums:thread_report", thread),
                       {"reason": "spam"}).content.decode()

    assert "A moderator will look at this." in page
    assert QueueItem.objects.get().content == thread


def test_reporting_twice_says_so_and_keeps_the_note(client, friend, post):
    client.force_login(friend)
    client.post(report_url(post), {"reason": "spam"})
    note = "<script>alert(1)</script> still spamming"

    page = client.post(report_url(post), {"reason": "hateful", "note": note}).content.decode()

    assert "You have already reported this. A moderator will look at it." in page
    assert escape(note) in page and "<script>alert(1)" not in page
    assert Report.objects.count() == 1


def test_own_words_cannot_be_reported(client, member, post):
    client.force_login(member)

    page = client.post(report_url(post), {"reason": "spam", "note": "oops"}).content.decode()

    assert escape("You can't report your own words.") in page and ">\noops</textarea>" in page
    assert not Report.objects.exists()


def test_a_reason_is_needed_and_the_note_is_kept(client, friend, post):
    client.force_login(friend)

    page = client.post(report_url(post), {"note": "Please look"}).content.decode()

    assert "Please choose what the problem is." in page and ">\nPlease look</textarea>" in page
    assert not Report.objects.exists()


@pytest.mark.parametrize("name", ["post", "thread"])
def test_visitors_are_asked_to_log_in_before_reporting(client, post, name):
    url = report_url(post) if name == "post" else thread_url("forums:thread_report", post.thread)

    response = client.get(url)

    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


@pytest.mark.parametrize(("note", "is_sent", "expected"), AWKWARD_NOTES)
def test_awkward_report_notes(client, friend, post, note, is_sent, expected):
    client.force_login(friend)

    page = client.post(report_url(post), {"reason": "other", "note": note}).content.decode()

    if is_sent:
        assert Report.objects.get().note == expected
    else:
        assert escape(expected) in page
        assert not Report.objects.exists()


# Following


def test_following_a_thread_toggles(client, member, friend, post):
    thread = post.thread
    assert "Follow this thread" in render_actions("thread_actions.html", friend, thread=thread)
    client.force_login(friend)

    response = client.post(thread_url("forums:thread_follow", thread),
                           {"follow": "1", "next": THREAD_PATH})

    assert response["Location"] == THREAD_PATH
    assert Subscription.objects.filter(user=friend, thread=thread).exists()
    assert "Stop following" in render_actions("thread_actions.html", friend, thread=thread)
    client.post(thread_url("forums:thread_follow", thread), {"follow": "0"})
    assert not Subscription.objects.filter(user=friend, thread=thread).exists()


def test_thread_actions_offer_reporting_to_others_only(member, friend, post):
    report = thread_url("forums:thread_report", post.thread)

    assert report in render_actions("thread_actions.html", friend, thread=post.thread)
    assert report not in render_actions("thread_actions.html", member, thread=post.thread)


def test_visitors_cannot_follow(client, post):
    from django.contrib.auth.models import AnonymousUser

    assert "<button" not in render_actions("thread_actions.html", AnonymousUser(),
                                           thread=post.thread)
    response = client.post(thread_url("forums:thread_follow", post.thread), {"follow": "1"})
    assert response["Location"].startswith(LOGIN)


# Edit history


def test_moderators_read_the_edit_history_newest_first(client, member, moderator, post):
    post_edit(post=post, editor=member, body="Second version")
    post_edit(post=post, editor=member, body="Third version")
    client.force_login(moderator)

    page = client.get(reverse("forums:post_history", args=[post.pk])).content.decode()

    assert page.index("Third version") < page.index("Second version")
    assert page.index("Second version") < page.index("Hello everyone, I&#x27;m new here.")
    assert "when alex changed it" in page


def test_writers_read_their_own_posts_edit_history_in_plain_words(client, member, moderator,
                                                                  post):
    post_edit(post=post, editor=member, body="Second version")
    post_moderator_edit(post=post, editor=moderator, body="Third version",
                        reason="Took out a phone number")
    client.force_login(member)

    response = client.get(reverse("forums:post_history", args=[post.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your post 1 in “Hello from me”" in page
    assert "Only you and the moderators can see this page." in page
    assert page.index("Third version") < page.index("Second version")
    assert page.index("Second version") < page.index("Hello everyone, I&#x27;m new here.")
    assert "when you changed it" in page
    # Who among the moderators edited it is not the writer's business: the reason is.
    assert "when a moderator changed it" in page
    assert "Why it was changed: Took out a phone number" in page
    assert "mo changed it" not in page


@override_settings(DEBUG=False)  # as production shows it: the site's own 403 page
def test_other_members_get_the_sites_403_page_for_an_edit_history(client, friend, post):
    client.force_login(friend)

    response = client.get(reverse("forums:post_history", args=[post.pk]))

    assert response.status_code == 403
    page = response.content.decode()
    assert "You can't do that here" in page
    assert "Only the member who wrote this post and the moderators" in page
    assert "Hello everyone" not in page


def test_edit_history_link_is_for_the_writer_and_moderators_on_edited_posts(
        member, friend, moderator, post):
    history = reverse("forums:post_history", args=[post.pk])
    assert history not in render_actions("post_actions.html", moderator, post=post)
    assert history not in render_actions("post_actions.html", member, post=post)

    post_edit(post=post, editor=member, body="Edited")

    assert history in render_actions("post_actions.html", moderator, post=post)
    assert history in render_actions("post_actions.html", member, post=post)
    assert history not in render_actions("post_actions.html", friend, post=post)


def test_writer_finds_the_edit_history_link_on_the_thread_page(client, member, friend, post):
    post_edit(post=post, editor=member, body="Edited")
    history = reverse("forums:post_history", args=[post.pk])

    client.force_login(member)
    assert history in client.get(post.thread.get_absolute_url()).content.decode()
    client.force_login(friend)
    assert history not in client.get(post.thread.get_absolute_url()).content.decode()


# On the thread page


def test_thread_page_shows_reactions_follow_and_report(client, friend, post):
    reaction_set(post=post, user=friend, kind="me_too")
    client.force_login(friend)
    thread = post.thread

    page = client.get(thread.get_absolute_url()).content.decode()

    assert 'aria-pressed="false">Sending support</button>' in page
    assert 'aria-pressed="true">Me too<span aria-hidden="true"> · 1</span>' in page
    assert f'name="next" value="{thread.get_absolute_url()}#post-1"' in page
    assert 'id="post-1"' in page
    assert "Stop following" not in page and "Follow this thread" in page
    assert report_url(post) in page and thread_url("forums:thread_report", thread) in page
