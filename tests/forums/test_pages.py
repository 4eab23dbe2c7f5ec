"""The forum pages people read and write, through the views: what each viewer sees and can do."""

import html

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.models import ContentWarning, SiteSettings
from community.services import block_create
from forums.models import Category, Post, ReadMark, Thread
from forums.services import (
    post_create,
    post_delete,
    post_edit,
    post_set_visibility,
    thread_create,
)
from moderation.content import Visibility
from moderation.models import CrisisPattern, WatchedWord
from moderation.screening import rules
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


def start(author, category, title="Hello from me", body="Hello everyone, I'm new here.",
          **extra) -> Thread:
    return thread_create(author=author, category=category, title=title, body=body,
                         **extra).post.thread


def page_text(response) -> str:
    return response.content.decode()


def thread_url(thread) -> str:
    return reverse("forums:thread", args=[thread.category.slug, thread.pk])


def new_url(category) -> str:
    return reverse("forums:thread_new", args=[category.slug])


def reply_url(thread) -> str:
    return reverse("forums:thread_reply", args=[thread.category.slug, thread.pk])


def as_viewer(client, who):
    if who is not None:
        client.force_login(who)
    return client


@pytest.fixture
def friend(db):
    return UserFactory(username="sam")


@pytest.fixture
def thread(member, category):
    return start(member, category)


@pytest.fixture(params=["visitor", "member", "moderator"])
def viewer(request, db):
    if request.param == "visitor":
        return None
    return request.getfixturevalue(request.param)


# Reading: every page, for each kind of viewer.

def test_index_lists_categories_with_counts_and_last_activity(client, viewer, thread):
    response = as_viewer(client, viewer).get(reverse("forums:index"))

    text = page_text(response)
    assert response.status_code == 200
    assert "Anxiety and low mood" in text
    assert "1 thread," in text and "1 post." in text
    assert "Last post <time datetime=" in text


def test_members_only_categories_are_listed_for_members_only(client, viewer, category):
    CategoryFactory(name="Carers' corner", slug="carers", is_public=False)

    text = page_text(as_viewer(client, viewer).get(reverse("forums:index")))

    assert ("Carers&#x27; corner" in text) is (viewer is not None)


def test_category_lists_threads_for_every_viewer(client, viewer, thread, friend):
    post_create(author=friend, thread=thread, body="Welcome!")

    response = as_viewer(client, viewer).get(thread.category.get_absolute_url())

    text = page_text(response)
    assert response.status_code == 200
    assert "Hello from me" in text and "Started by alex" in text
    assert "1 reply." in text and "by sam" in text


def test_category_offers_the_right_way_to_start_a_thread(client, viewer, category):
    text = page_text(as_viewer(client, viewer).get(category.get_absolute_url()))

    if viewer is None:
        assert "to start a thread or reply" in text and new_url(category) not in text
    else:
        assert "Start a new thread" in text and new_url(category) in text


def test_thread_page_for_every_viewer(client, viewer, thread, friend):
    post_create(author=friend, thread=thread, body="Welcome, **glad** you're here")

    response = as_viewer(client, viewer).get(thread_url(thread))

    text = page_text(response)
    assert response.status_code == 200
    assert "<h1 class=\"thread-title\">Hello from me</h1>" in text
    assert "<p>Welcome, <strong>glad</strong> you're here</p>" in text
    assert 'id="post-1"' in text and 'id="post-2"' in text
    if viewer is None:
        assert "Log in to reply" in text and 'name="body"' not in text
    else:
        assert 'name="body"' in text and "Check my post" in text


def test_post_shows_author_link_badge_and_edited(client, member, peer_supporter, category):
    thread = start(peer_supporter, category)
    post = thread.posts.get()
    post_edit(post=post, editor=peer_supporter, body="Hello again")
    client.force_login(member)

    text = page_text(client.get(thread_url(thread)))

    assert f'href="{reverse("member_detail", args=["jo"])}"' in text
    assert '<span class="badge">Peer supporter</span>' in text
    assert "(edited)" in text


def test_private_category_sends_visitors_to_log_in(client, member):
    private = CategoryFactory(slug="carers", is_public=False)
    thread = start(member, private)

    for url in (private.get_absolute_url(), thread_url(thread),
                reverse("forums:post", args=[thread.posts.get().pk])):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_unknown_category_or_thread_is_not_found(client, thread):
    assert client.get("/forums/no-such-place/").status_code == 404
    assert client.get(f"/forums/{thread.category.slug}/99999/").status_code == 404


def test_thread_under_an_old_category_address_redirects(client, thread):
    other = CategoryFactory(slug="elsewhere")

    response = client.get(f"/forums/{other.slug}/{thread.pk}/")

    assert response.status_code == 302 and response.url == thread_url(thread)


def test_threads_are_pinned_first_then_most_recent(client, member, category):
    old = start(member, category, title="Old news")
    pinned = start(member, category, title="Read me first")
    Thread.objects.filter(pk=pinned.pk).update(
        is_pinned=True, last_post_at=timezone.now() - timezone.timedelta(days=9))
    start(member, category, title="Something new")
    post_create(author=member, thread=old, body="Bump")

    text = page_text(client.get(category.get_absolute_url()))

    positions = [text.index(title) for title in ("Read me first", "Old news", "Something new")]
    assert positions == sorted(positions)


def test_locked_and_pinned_threads_are_marked(client, thread):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True, is_pinned=True)

    for url in (thread.category.get_absolute_url(), thread_url(thread)):
        text = page_text(client.get(url))
        assert '<span class="marker">Pinned</span>' in text
        assert '<span class="marker">Locked</span>' in text


def test_category_pages_hold_30_threads(client, member, category):
    for number in range(31):
        Thread.objects.create(category=category, author=member, title=f"Topic {number:02}",
                              last_post_at=timezone.now(), post_count=1)

    first = page_text(client.get(category.get_absolute_url()))
    second = page_text(client.get(category.get_absolute_url() + "?page=2"))

    assert first.count('class="thread-list__item') == 30
    assert second.count('class="thread-list__item') == 1
    assert '<nav class="pagination" aria-label="Pages of threads">' in first
    assert '<a href="?page=2" aria-current="page">' in second


@pytest.mark.usefixtures("unlimited_writes")
def test_thread_pages_hold_20_posts(client, member, thread):
    for number in range(20):
        post_create(author=member, thread=thread, body=f"Reply {number}")

    first = page_text(client.get(thread_url(thread)))
    last = page_text(client.get(thread_url(thread) + "?page=last"))

    assert first.count('<article class="post') == 20
    assert last.count('<article class="post') == 1 and 'id="post-21"' in last
    assert '<a href="?page=1" aria-current="page">' in first
    assert '<nav class="pagination" aria-label="Pages of this thread">' in first


@pytest.mark.usefixtures("unlimited_writes")
def test_a_post_link_goes_to_its_page_and_anchor(client, member, thread):
    posts = [post_create(author=member, thread=thread, body=f"Reply {n}").post for n in range(24)]

    response = client.get(reverse("forums:post", args=[posts[-1].pk]))

    assert response.status_code == 302
    assert response.url == f"{thread_url(thread)}?page=2#post-25"


# Content warnings, moderation states and blocks.

def test_warned_thread_title_is_collapsed_in_the_list(client, member, category):
    start(member, category, title="A hard week", warnings=["self-harm"],
          warning_note="about last Tuesday")

    text = page_text(client.get(category.get_absolute_url()))

    block = text[text.index('<details class="content-warning">'):]
    block = block[:block.index("</details>")]
    assert "Content warning: self-harm." in block and "about last Tuesday" in block
    assert "A hard week" in block


def test_warned_post_is_collapsed_on_the_thread_page(client, member, category):
    thread = start(member, category, body="It was a hard week.", warnings=["self-harm"])

    text = page_text(client.get(thread_url(thread)))

    block = text[text.index('<details class="content-warning">'):]
    assert block.index("Content warning: self-harm.") < block.index("It was a hard week.")
    assert block.index("It was a hard week.") < block.index("</details>")


def test_removed_post_says_so_instead_of_its_words(client, member, thread):
    post_delete(post=thread.posts.get(), by=member)

    text = page_text(client.get(thread_url(thread)))

    assert "This post was removed by its author." in text
    assert "Hello everyone" not in text


def test_held_post_is_seen_only_by_its_author_and_moderators(client, member, moderator, friend,
                                                             thread):
    SiteSettings.objects.update(held_first_posts=5)
    newcomer = UserFactory(username="newbie")
    post_create(author=newcomer, thread=thread, body="My first words here")

    seen = {}
    for who in (None, friend, newcomer, moderator):
        client.logout()
        seen[who] = page_text(as_viewer(client, who).get(thread_url(thread)))

    assert "My first words here" not in seen[None] and "My first words here" not in seen[friend]
    assert "Waiting for a moderator. Only you and the moderators" in seen[newcomer]
    assert "My first words here" in seen[newcomer]
    assert "Held: waiting for a moderator." in seen[moderator]


def test_held_thread_is_listed_only_for_its_author_and_moderators(client, moderator, friend,
                                                                  category):
    SiteSettings.objects.update(held_first_posts=1)
    newcomer = UserFactory(username="newbie")
    start(newcomer, category, title="Is anyone there")

    for who, sees in ((None, False), (friend, False), (newcomer, True), (moderator, True)):
        client.logout()
        text = page_text(as_viewer(client, who).get(category.get_absolute_url()))
        assert ("Is anyone there" in text) is sees
        assert ("Waiting for a moderator" in text) is sees


def test_hidden_post_shows_the_reason_to_its_author(client, member, moderator, friend, thread):
    reply = post_create(author=friend, thread=thread, body="Something unkind").post
    post_set_visibility(post=reply, visibility=Visibility.HIDDEN, by=moderator,
                        reason="It broke guideline 3.")

    client.force_login(friend)
    mine = page_text(client.get(thread_url(thread)))
    client.force_login(member)
    theirs = page_text(client.get(thread_url(thread)))

    assert "Hidden by a moderator. Other members can't see it." in mine
    assert "It broke guideline 3." in mine
    assert "Something unkind" not in theirs


def test_blocked_members_posts_start_collapsed(client, member, friend, thread):
    post_create(author=friend, thread=thread, body="Words from sam")
    block_create(blocker=member, blocked=friend)
    client.force_login(member)

    text = page_text(client.get(thread_url(thread)))

    block = text[text.index('<details class="post__blocked">'):]
    assert block.startswith('<details class="post__blocked"><summary>You blocked this member.')
    assert block.index("Words from sam") < block.index("</details>")
    assert text.count("post__blocked") == 1


# Read tracking.

def test_reading_marks_the_thread_and_new_posts_are_flagged(
        client, member, friend, thread, django_capture_on_commit_callbacks):
    client.force_login(friend)
    client.get(thread_url(thread))
    assert ReadMark.objects.get(user=friend, thread=thread).last_read_number == 1
    listing = page_text(client.get(thread.category.get_absolute_url()))
    assert "New posts" not in listing

    with django_capture_on_commit_callbacks(execute=True):  # the listing kept moves on
        post_create(author=member, thread=thread, body="Anyone?")

    listing = page_text(client.get(thread.category.get_absolute_url()))
    unread = reverse("forums:thread_unread", args=[thread.category.slug, thread.pk])
    assert '<span class="marker marker--new">New posts</span>' in listing
    assert f'<a href="{unread}">Go to the first new post</a>' in listing
    response = client.get(unread)
    assert response.url == f"{thread_url(thread)}#post-2"


@pytest.mark.usefixtures("unlimited_writes")
def test_first_unread_finds_the_right_page(client, member, friend, thread):
    for number in range(25):
        post_create(author=member, thread=thread, body=f"Reply {number}")
    ReadMark.objects.create(user=friend, thread=thread, last_read_number=22)
    client.force_login(friend)

    response = client.get(reverse("forums:thread_unread", args=[thread.category.slug, thread.pk]))

    assert response.url == f"{thread_url(thread)}?page=2#post-23"


def test_first_unread_when_up_to_date_goes_to_the_last_page(client, friend, thread):
    client.force_login(friend)
    client.get(thread_url(thread))

    response = client.get(reverse("forums:thread_unread", args=[thread.category.slug, thread.pk]))

    assert response.url == f"{thread_url(thread)}?page=last"


def test_visitors_leave_no_read_marks(client, thread):
    client.get(thread_url(thread))

    assert not ReadMark.objects.exists()


# Writing: starting threads, replying, checking, editing and deleting.

def test_new_thread_form_ticks_the_categorys_default_warnings(client, member):
    grief = CategoryFactory(slug="grief", default_warnings=["bereavement"])
    client.force_login(member)

    text = page_text(client.get(new_url(grief)))

    assert '<input type="checkbox" name="warnings" value="bereavement" id="id_warnings_4" ' \
           'checked>' in text
    assert "<legend>Content warnings</legend>" in text
    assert '<label for="id_title">Title</label>' in text
    assert "**two stars** make words bold" in text


def test_starting_a_thread_goes_to_the_new_post(client, member, category):
    client.force_login(member)

    response = client.post(new_url(category), {
        "title": "Small wins", "body": "I went for a walk today.", "warnings": ["bereavement"],
        "warning_note": "mentions my dad",
    })

    thread = Thread.objects.get()
    assert response.status_code == 302 and response.url == f"{thread_url(thread)}#post-1"
    assert (thread.title, thread.content_warnings, thread.warning_note) == (
        "Small wins", ["bereavement"], "mentions my dad")
    assert thread.posts.get().html == "<p>I went for a walk today.</p>"


def test_replying_goes_to_the_reply(client, friend, thread):
    client.force_login(friend)

    response = client.post(reply_url(thread), {"body": "Welcome!"})

    assert response.url == f"{thread_url(thread)}#post-2"
    assert thread.posts.get(number=2).author == friend


def test_a_reply_or_thread_sent_twice_is_posted_once_and_both_go_to_it(client, friend, thread):
    client.force_login(friend)

    answers = [client.post(reply_url(thread), {"body": "Welcome!"}) for _ in range(2)]
    started = [client.post(new_url(thread.category), {"title": "Small wins",
                                                      "body": "A walk today."})
               for _ in range(2)]

    assert [a.url for a in answers] == [f"{thread_url(thread)}#post-2"] * 2
    assert thread.posts.filter(author=friend).count() == 1
    new_thread = Thread.objects.get(title="Small wins")
    assert [a.url for a in started] == [f"{thread_url(new_thread)}#post-1"] * 2
    friend_replies_again = client.post(reply_url(thread), {"body": "Welcome again!"})
    assert friend_replies_again.url == f"{thread_url(thread)}#post-3"


@pytest.mark.parametrize("name", ["thread_new", "thread_reply", "post_edit", "post_delete",
                                  "post_support"])
def test_visitors_are_sent_to_log_in_before_writing(client, thread, name):
    post = thread.posts.get()
    args = {"thread_new": [thread.category.slug],
            "thread_reply": [thread.category.slug, thread.pk]}.get(name, [post.pk])

    for method in (client.get, client.post):
        response = method(reverse(f"forums:{name}", args=args))
        assert response.status_code == 302 and response.url.startswith(LOGIN)
    assert Post.objects.count() == 1


def test_blocked_words_keep_the_text_and_say_why(client, member, category):
    WatchedWord.objects.create(pattern="buy cheap pills", action="block")
    client.force_login(member)

    response = client.post(new_url(category), {
        "title": "Great offer", "body": "You can buy cheap pills at my shop"})

    text = page_text(response)
    assert response.status_code == 200 and not Thread.objects.exists()
    assert 'role="alert"' in text and "words that are not allowed here" in text
    assert "You can buy cheap pills at my shop</textarea>" in text
    assert 'value="Great offer"' in text


def test_a_held_reply_thanks_the_member_and_shows_it_waiting(client, thread):
    SiteSettings.objects.update(held_first_posts=1)
    newcomer = UserFactory(username="newbie")
    client.force_login(newcomer)

    response = client.post(reply_url(thread), {"body": "Hi all, first time here"}, follow=True)

    text = page_text(response)
    assert "Thank you. A moderator will look at this soon." in text
    assert "Waiting for a moderator. Only you and the moderators can see this for now." in text
    assert "Hi all, first time here" in text
    assert thread.posts.get(number=2).visibility == Visibility.HELD


def test_urgent_words_lead_to_the_support_page(client, member, category):
    call_command("load_help_directory", verbosity=0)
    client.force_login(member)

    response = client.post(new_url(category), {
        "title": "Tonight", "body": "I want to die tonight, I have the pills ready"})

    post = Post.objects.get()
    support = reverse("forums:post_support", args=[post.pk])
    assert response.url == support and post.visibility == Visibility.PUBLISHED
    text = page_text(client.get(support))
    assert "Thank you for sharing this" in text
    assert "You don't have to go through it alone." in text
    assert '<a class="call" href="tel:999">Call 999</a>' in text
    assert "Samaritans" in text and 'href="tel:116123"' in text
    assert f'href="{reverse("help")}"' in text
    assert f"{thread_url(post.thread)}#post-1" in text


def test_a_held_post_with_urgent_words_still_leads_to_support(client, category):
    SiteSettings.objects.update(held_first_posts=1)
    client.force_login(UserFactory(username="newbie"))

    response = client.post(new_url(category), {
        "title": "Tonight", "body": "I want to die tonight, I have the pills ready"},
        follow=True)

    text = page_text(response)
    assert Post.objects.get().visibility == Visibility.HELD
    assert "A moderator checks new members&#x27; first posts before others see them." in text
    assert 'href="tel:999"' in text


def test_checking_urgent_words_points_to_help_at_once(client, member, category):
    client.force_login(member)

    text = page_text(client.post(new_url(category), {
        "title": "Tonight", "body": "I want to die tonight, I have the pills ready",
        "preview": "1"}))

    assert "please get help now: call 999" in text and not Post.objects.exists()


def test_only_the_writer_opens_their_support_page(client, member, friend, category):
    post = thread_create(author=member, category=category, title="Tonight",
                         body="I want to die tonight, I have the pills ready").post
    client.force_login(friend)

    assert client.get(reverse("forums:post_support", args=[post.pk])).status_code == 404


def test_a_required_warning_is_asked_for_and_suggested(client, member, category):
    WatchedWord.objects.create(pattern="calories", action="require_warning",
                               warning=ContentWarning.objects.get(slug="eating-disorders"))
    client.force_login(member)
    data = {"title": "Food diary", "body": "I counted calories all day again"}

    refused = page_text(client.post(new_url(category), data))

    assert not Thread.objects.exists()
    assert "Please add a content warning before posting: eating disorders." in refused
    assert "I counted calories all day again</textarea>" in refused
    assert "Eating disorders <strong>(suggested)</strong>" in refused
    response = client.post(new_url(category), {**data, "warnings": ["eating-disorders"]})
    assert response.status_code == 302
    assert Thread.objects.get().content_warnings == ["eating-disorders"]


def test_checking_a_post_previews_it_and_ticks_suggested_warnings(client, member, category):
    CrisisPattern.objects.create(pattern="scratched my arms", level="warning", topic="self-harm")
    client.force_login(member)

    response = client.post(new_url(category), {
        "title": "Rough night", "body": "I *scratched my arms* again", "preview": "1"})

    text = page_text(response)
    assert not Thread.objects.exists() and not Post.objects.exists()
    assert "Checking your post" in text and "It is not posted yet." in text
    assert "<p>I <em>scratched my arms</em> again</p>" in text
    assert ('<input type="checkbox" name="warnings" value="self-harm" id="id_warnings_1" '
            'checked>') in text
    assert "Self-harm <strong>(suggested)</strong>" in text
    assert "I *scratched my arms* again</textarea>" in text


def test_checking_words_that_would_be_blocked_says_so(client, member, thread):
    WatchedWord.objects.create(pattern="buy cheap pills", action="block")
    rules.forget()  # starting the thread compiled the rules before this one existed
    client.force_login(member)

    text = page_text(client.post(reply_url(thread), {"body": "buy cheap pills", "preview": "1"}))

    assert "words that are not allowed here" in text and Post.objects.count() == 1


def test_locked_threads_say_so_and_refuse_replies(client, friend, moderator, thread):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    client.force_login(friend)

    text = page_text(client.get(thread_url(thread)))
    response = client.post(reply_url(thread), {"body": "Let me in"})

    assert "This thread is locked. It is not taking new replies." in text
    assert 'name="body"' not in text
    assert response.status_code == 403 and "This thread is locked" in page_text(response)
    client.force_login(moderator)
    assert client.post(reply_url(thread), {"body": "Locked for now, sorry"}).status_code == 302


def test_only_some_members_start_threads_in_some_categories(client, member, moderator):
    news = CategoryFactory(slug="news", who_may_start=Category.Starters.STAFF)
    client.force_login(member)

    listing = page_text(client.get(news.get_absolute_url()))
    response = client.post(new_url(news), {"title": "Hello", "body": "Hello there"})

    assert "New threads here are started by moderators and administrators only." in listing
    assert response.status_code == 403 and not Thread.objects.exists()
    client.force_login(moderator)
    assert client.get(new_url(news)).status_code == 200


def test_editing_own_post_keeps_a_revision(client, member, thread):
    post = thread.posts.get()
    client.force_login(member)
    edit = reverse("forums:post_edit", args=[post.pk])

    form = page_text(client.get(edit))
    response = client.post(edit, {"body": "Hello everyone, edited", "warnings": ["abuse"]},
                           follow=True)

    assert "Hello everyone, I&#x27;m new here.</textarea>" in form
    post.refresh_from_db()
    assert post.body == "Hello everyone, edited" and post.content_warnings == ["abuse"]
    assert post.revisions.count() == 1
    assert "Your changes are saved." in page_text(response)


def test_others_posts_cannot_be_edited_or_deleted(client, friend, thread):
    post = thread.posts.get()
    client.force_login(friend)

    for name in ("forums:post_edit", "forums:post_delete"):
        response = client.post(reverse(name, args=[post.pk]), {"body": "Mine now"})
        assert response.status_code == 403
        assert "You can only" in page_text(response)
    post.refresh_from_db()
    assert post.body == "Hello everyone, I'm new here." and not post.is_deleted
    assert reverse("forums:post_edit", args=[post.pk]) not in page_text(
        client.get(thread_url(thread)))


def test_deleting_asks_first_and_only_a_post_deletes(client, member, thread):
    post = thread.posts.get()
    client.force_login(member)
    delete = reverse("forums:post_delete", args=[post.pk])

    confirm = page_text(client.get(delete))
    post.refresh_from_db()
    assert "Delete your post?" in confirm and "Yes, delete my post" in confirm
    assert not post.is_deleted

    response = client.post(delete, follow=True)

    post.refresh_from_db()
    assert post.is_deleted
    assert "This post was removed by its author." in page_text(response)


# Awkward input, through the views, as a thread title and as a post body.

AWKWARD = [
    # (what it is, the text, refusal shown for a title or None, for a body or None)
    ("empty", "", "Please give your thread a title.", "Please write something before posting."),
    ("whitespace", "   \n\t  ", "Please give your thread a title.",
     "Please write something before posting."),
    ("100 KB", "a" * 100_000, "Please give a title of 3 to 150 characters.",
     "Please keep your post under 20,000 characters."),
    ("control characters", "Hello\x07 there\x1b", "hidden control characters",
     "hidden control characters"),
    ("NUL", "Hello\x00 there", "hidden control characters", "hidden control characters"),
    ("HTML and script", "<script>alert('x')</script><b>bold</b> & <i>", None, None),
    ("right-to-left mark", "Hello \u200fשלום and مرحبا", None, None),
    ("right-to-left override", "Hello \u202eworld", "hidden control characters",
     "hidden control characters"),
    ("emoji", "Feeling 🙂 today 🌧️ 👩🏽‍🦯", None, None),
    ("SQL-looking", "Robert'); DROP TABLE forums_post;--", None, None),
]


@pytest.mark.parametrize(("kind", "text", "title_refusal", "body_refusal"), AWKWARD,
                         ids=[row[0] for row in AWKWARD])
@pytest.mark.parametrize("surface", ["title", "body"])
def test_awkward_input(client, member, category, surface, kind, text, title_refusal,
                       body_refusal):
    client.force_login(member)
    data = {"title": "A fair title", "body": "A kind body", surface: text}
    refusal = title_refusal if surface == "title" else body_refusal

    response = client.post(new_url(category), data, follow=True)

    page = page_text(response)
    assert "<script>alert" not in page and "<b>bold</b>" not in page
    if refusal:
        assert not Thread.objects.exists()
        assert 'role="alert"' in page and html.escape(refusal, quote=False) in page
        assert html.escape(text.strip()) in page, "the refused text is kept in the form"
    else:
        thread = Thread.objects.get()
        assert response.redirect_chain[-1][0] == f"{thread_url(thread)}#post-1"
        assert text in html.unescape(page)
        assert "&lt;script&gt;" in page or "<script" not in text


# Query counts: the same bound at two sizes proves a page does not query per item.

INDEX_QUERIES, CATEGORY_QUERIES, THREAD_QUERIES = 4, 7, 8


def warm(client, url):
    """One request first, as on a running site: site-wide facts (are moderators online?)
    are shared between requests for a while and are not what these tests count."""
    client.get(url)


@pytest.mark.parametrize("size", [5, 50])
def test_index_queries_do_not_grow_with_categories(client, member, size,
                                                   django_assert_max_num_queries):
    for _ in range(size):
        CategoryFactory(is_public=size % 2 == 0)
    client.force_login(member)
    warm(client, reverse("forums:index"))

    with django_assert_max_num_queries(INDEX_QUERIES):
        response = client.get(reverse("forums:index"))

    assert page_text(response).count('class="forum-list__item"') == size


@pytest.mark.usefixtures("unlimited_writes")
@pytest.mark.parametrize("size", [5, 60])
def test_category_queries_do_not_grow_with_threads(client, member, category, size,
                                                   django_assert_max_num_queries,
                                                   forget_kept_listings):
    writers = [UserFactory() for _ in range(5)]
    for number in range(size):
        thread = start(writers[number % 5], category, title=f"Topic {number}",
                       warnings=["abuse"] if number % 2 else [])
        post_create(author=writers[(number + 1) % 5], thread=thread, body="A reply")
        if number % 3:
            ReadMark.objects.create(user=member, thread=thread, last_read_number=1)
    client.force_login(member)
    warm(client, category.get_absolute_url())
    forget_kept_listings()  # counted as when the threads changed: the listing read afresh

    with django_assert_max_num_queries(CATEGORY_QUERIES):
        response = client.get(category.get_absolute_url())

    assert page_text(response).count('class="thread-list__item') == min(size, 30)


@pytest.mark.usefixtures("unlimited_writes")
@pytest.mark.parametrize("size", [5, 50])
def test_thread_page_queries_do_not_grow_with_posts(client, member, moderator, category, size,
                                                    django_assert_max_num_queries):
    thread = start(member, category, warnings=["self-harm"])
    writers = [UserFactory() for _ in range(5)]
    for number in range(size - 1):
        post_create(author=writers[number % 5], thread=thread, body=f"Reply {number}",
                    warnings=["abuse"] if number % 2 else [])
    block_create(blocker=member, blocked=writers[0])
    client.force_login(member)
    warm(client, thread_url(thread))

    with django_assert_max_num_queries(THREAD_QUERIES):
        response = client.get(thread_url(thread))

    assert page_text(response).count('<article class="post') == min(size, 20)


def test_a_member_who_can_reply_can_skip_to_the_reply_box(client, member, thread):
    client.force_login(member)

    page = page_text(client.get(thread_url(thread)))

    skip = page.index('<a class="skip-to" href="#id_body">Skip to reply</a>')
    assert skip < page.index('<ol class="post-list">')
    assert 'id="id_body"' in page


def test_visitors_have_no_reply_box_to_skip_to(client, thread):
    assert "Skip to reply" not in page_text(client.get(thread_url(thread)))
