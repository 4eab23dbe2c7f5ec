"""The moderation workspace through its pages: queue, item and actions, members, the log."""

import html
import itertools
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from community import roles
from community.models import Notification, SiteSettings
from community.services import role_grant
from forums.models import Post, PostRevision
from forums.services import post_create, thread_create
from moderation.content import Visibility
from moderation.models import (
    ModerationAction,
    ModerationSettings,
    ModeratorNote,
    Priority,
    QueueItem,
    ReportReason,
    Sanction,
)
from moderation.sanctions import VERBS
from moderation.services import (
    content_hide,
    flag_content,
    item_claim,
    note_add,
    presence_touch,
    report_create,
)
from tests.factories import CategoryFactory, UserFactory, on_duty_moderator
from tests.moderatable.models import Note

pytestmark = [pytest.mark.django_db,
              pytest.mark.usefixtures("unlimited_writes", "reports_count_in_full")]

QUEUE = reverse("moderation:queue")
LOG = reverse("moderation:log")
LOGIN = reverse("account_login")
# Queries per page whatever its length: measured 12, 13, 8 and 14 (the session, the viewer,
# their roles and sanctions among them), plus two for site-wide additions. An N+1 adds dozens.
QUEUE_QUERIES, MEMBER_QUERIES, LOG_QUERIES, ITEM_QUERIES = 14, 15, 10, 16


@pytest.fixture(autouse=True)
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


@pytest.fixture
def second_moderator(db):
    user = UserFactory(username="max")
    role_grant(user=user, role=roles.MODERATORS)
    return user


@pytest.fixture
def post(member, category):
    return thread_create(author=member, category=category, title="A hard week",
                         body="Tuesday was *really* hard again.").post


@pytest.fixture
def item(post, reporter):
    return report_create(reporter=reporter, content=post, reason=ReportReason.UNKIND,
                         note="They were sharp with me").item


THREAD_NUMBERS = itertools.count(1)


def write(author, category, body="Just checking in today.", **extra) -> Post:
    # A title of its own, so a second thread is never taken for the first sent twice.
    return thread_create(author=author, category=category,
                         title=f"Checking in, part {next(THREAD_NUMBERS)}", body=body,
                         **extra).post


def text(response) -> str:
    return html.unescape(response.content.decode())


def act(client, item, action, **data):
    return client.post(reverse("moderation:act", args=[item.pk, action]), data)


def said(response) -> str:
    """The page as a reader hears it: words only, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


class _Unfolded(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.folds: list[bool] = []  # for each <details> we are in: whether it is closed
        self.in_summary_of: int | None = None  # how deep the <details> of that summary is
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.folds.append("open" not in dict(attrs))
        elif tag == "summary":
            self.in_summary_of = len(self.folds)

    def handle_endtag(self, tag):
        if tag == "details":
            self.folds.pop()
        elif tag == "summary":
            self.in_summary_of = None

    def handle_data(self, data):
        closed = [depth for depth, is_closed in enumerate(self.folds, 1) if is_closed]
        # Seen when nothing around it is folded, or it is the summary of the one fold.
        if not closed or closed == [self.in_summary_of] == [len(self.folds)]:
            self.parts.append(data)


def unfolded(response) -> str:
    """What a reader meets before opening anything: a closed <details> shows its summary only,
    so words and form fields inside it are not there until asked for."""
    parser = _Unfolded()
    parser.feed(response.content.decode())
    parser.close()
    return " ".join("".join(parser.parts).split())


def order(response) -> list[int]:
    return [entry.item.pk for entry in response.context["page"]]


def age(item, minutes: int) -> None:
    QueueItem.objects.filter(pk=item.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes))


def told(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("text", flat=True))


# --- Who may open the workspace --------------------------------------------------------------


def pages(item, member):
    return [QUEUE, reverse("moderation:item", args=[item.pk]),
            reverse("moderation:member", args=[member.username]), LOG]


def posts(item, member, sanction):
    return [reverse("moderation:act", args=[item.pk, "claim"]),
            reverse("moderation:sanction", args=[member.username]),
            reverse("moderation:note", args=[member.username]),
            reverse("moderation:lift", args=[sanction.pk])]


@pytest.fixture
def sanction(member, admin_user):
    return Sanction.objects.create(member=member, kind=Sanction.Kind.MUTE, reason="Cool off",
                                   created_by=admin_user)


def test_visitors_are_sent_to_log_in(client, item, member, sanction):
    for url in pages(item, member):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(LOGIN), url
    for url in posts(item, member, sanction):
        assert client.post(url)["Location"].startswith(LOGIN), url


def test_members_are_refused_with_a_plain_page(client, item, member, sanction, reporter):
    client.force_login(reporter)

    for url in pages(item, member):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Only for moderators" in text(response)
    for url in posts(item, member, sanction):
        assert client.post(url).status_code == 403, url
    assert not ModerationAction.objects.exclude(verb="flag").exists()
    assert not ModeratorNote.objects.exists()


@pytest.mark.parametrize("who", ["moderator", "admin_user"])
def test_moderators_and_administrators_open_every_page(client, request, item, member, who):
    client.force_login(request.getfixturevalue(who))

    for url in pages(item, member):
        assert client.get(url).status_code == 200, url


def test_moderators_see_the_link_in_the_main_navigation(client, moderator, member):
    client.force_login(moderator)
    assert f'href="{QUEUE}"' in client.get(reverse("home")).content.decode()

    client.force_login(member)
    assert f'href="{QUEUE}"' not in client.get(reverse("home")).content.decode()


# --- The queue ---------------------------------------------------------------------------------


def test_queue_puts_urgent_first_then_high_then_normal_oldest_first(client, moderator, category,
                                                                   member, reporter):
    def reported(reason, minutes):
        made = report_create(reporter=reporter, content=write(member, category), reason=reason)
        age(made.item, minutes)
        return made.item

    normal_old = reported(ReportReason.SPAM, 300)
    urgent_new = reported(ReportReason.AT_RISK, 1)
    high = reported(ReportReason.UNKIND, 50)
    urgent_old = reported(ReportReason.AT_RISK, 10)
    normal_new = reported(ReportReason.OTHER, 2)
    client.force_login(moderator)

    assert order(client.get(QUEUE)) == [urgent_old.pk, urgent_new.pk, high.pk, normal_old.pk,
                                        normal_new.pk]


def test_queue_item_shows_source_reasons_notes_warnings_and_a_link_in_context(
        client, moderator, member, category, reporter):
    post = write(member, category, body="Some words", warnings=["self-harm"])
    report_create(reporter=reporter, content=post, reason=ReportReason.NEEDS_WARNING,
                  note="Needs a bereavement warning too")
    client.force_login(moderator)

    page = text(client.get(QUEUE))

    assert "Member report: post by alex" in page
    assert "Needs a content warning</strong>, from sam: “Needs a bereavement warning too”" in page
    assert "<dt>Content warnings</dt><dd>self-harm</dd>" in page
    assert f'href="{post.get_absolute_url()}"' in page


def test_distressing_words_are_collapsed_until_the_moderator_opens_them(
        client, moderator, member, category, reporter):
    calm = write(member, category, body="A lovely walk by the canal")
    report_create(reporter=reporter, content=calm, reason=ReportReason.SPAM)
    crisis = write(member, category, body="I want to die tonight")  # flagged by screening
    client.force_login(moderator)

    page = text(client.get(QUEUE))

    collapsed = page.split('<details class="content-warning mod-words">')
    assert len(collapsed) == 2
    summary = collapsed[1].split("</summary>")[0]
    assert "Crisis language: suicide." in summary
    assert "I want to die tonight" in collapsed[1] and "I want to die tonight" not in collapsed[0]
    assert " open" not in collapsed[1].split(">")[0]
    assert QueueItem.objects.get(object_id=crisis.pk).source == QueueItem.Source.CRISIS
    assert '<p class="mod-words__text">A lovely walk by the canal</p>' in page


def test_waiting_past_the_targets_is_said_in_words(client, moderator, member, category,
                                                   reporter):
    on_time = report_create(reporter=reporter, content=write(member, category),
                            reason=ReportReason.AT_RISK).item
    late = report_create(reporter=reporter, content=write(member, category),
                         reason=ReportReason.AT_RISK).item
    overdue = report_create(reporter=reporter, content=write(member, category),
                            reason=ReportReason.AT_RISK).item
    age(late, 6)
    age(overdue, 20)
    client.force_login(moderator)

    rows = {entry.item.pk: entry.row.wait_level for entry in client.get(QUEUE).context["page"]}
    page = text(client.get(QUEUE))

    assert rows == {on_time.pk: "ok", late.pk: "amber", overdue.pk: "red"}
    assert page.count(">Late</span>") == 1 and page.count(">Overdue</span>") == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [("source=crisis", {"crisis"}), ("priority=urgent", {"crisis", "at_risk"}),
     ("status=resolved", {"resolved"}), ("kind=thread", {"thread"}), ("mine=on", {"mine"}),
     ("source=nonsense", {"crisis", "at_risk", "spam", "thread", "mine"}),
     ("", {"crisis", "at_risk", "spam", "thread", "mine"})],
)
def test_queue_filters(client, moderator, member, category, reporter, query, expected):
    items = {
        "crisis": QueueItem.objects.get(object_id=write(member, category,
                                                        body="I want to die tonight").pk),
        "at_risk": report_create(reporter=reporter, content=write(member, category),
                                 reason=ReportReason.AT_RISK).item,
        "spam": report_create(reporter=reporter, content=write(member, category),
                              reason=ReportReason.SPAM).item,
        "thread": report_create(reporter=reporter, content=write(member, category).thread,
                                reason=ReportReason.OTHER).item,
        "mine": report_create(reporter=reporter, content=write(member, category),
                              reason=ReportReason.OTHER).item,
        "resolved": report_create(reporter=reporter, content=write(member, category),
                                  reason=ReportReason.OTHER).item,
    }
    item_claim(item=items["mine"], moderator=moderator)
    QueueItem.objects.filter(pk=items["resolved"].pk).update(status=QueueItem.Status.RESOLVED)
    names = {item.pk: name for name, item in items.items()}
    client.force_login(moderator)

    response = client.get(f"{QUEUE}?{query}")

    assert {names[pk] for pk in order(response)} == expected


def test_queue_is_paginated_and_keeps_its_filters(client, moderator, member, category, reporter):
    for _ in range(27):
        report_create(reporter=UserFactory(), content=write(member, category),
                      reason=ReportReason.SPAM)
    client.force_login(moderator)

    first = client.get(f"{QUEUE}?priority=normal")
    second = client.get(f"{QUEUE}?priority=normal&page=2")

    assert len(order(first)) == 25 and len(order(second)) == 2
    assert "?priority=normal&amp;page=2" in first.content.decode()


@pytest.mark.parametrize("size", [3, 30])
def test_queue_runs_a_fixed_number_of_queries(client, moderator, member, category, reporter,
                                              second_moderator, size,
                                              django_assert_max_num_queries):
    for number in range(size):
        post = write(member, category, body=f"Post number {number}", warnings=["self-harm"])
        report_create(reporter=UserFactory(), content=post, reason=ReportReason.AT_RISK,
                      note="!")
        report_create(reporter=UserFactory(), content=post, reason=ReportReason.UNKIND)
        if number % 2:
            item_claim(item=QueueItem.objects.get(object_id=post.pk), moderator=second_moderator)
    report_create(reporter=reporter, content=write(member, category).thread,
                  reason=ReportReason.OTHER)
    client.force_login(moderator)
    client.get(QUEUE)  # sessions and caches warm

    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get(QUEUE)

    assert len(order(response)) == min(size + 1, 25)


# --- One item ------------------------------------------------------------------------------------


def test_item_page_shows_the_whole_story(client, moderator, member, category, reporter, admin_user):
    post = write(member, category, body="I want to die tonight. **Really**.")
    item = QueueItem.objects.get(object_id=post.pk)
    report_create(reporter=reporter, content=post, reason=ReportReason.AT_RISK,
                  note="Please check on them")
    ModeratorNote.objects.create(member=member, author=admin_user, text="Talked to them in May")
    client.force_login(moderator)

    response = client.get(reverse("moderation:item", args=[item.pk]))
    page, words = text(response), said(response)

    assert "<strong>Really</strong>" in page  # the sanitised post HTML, as HTML
    assert "Their note: “Please check on them”" in words
    assert "a wish to die, now: “want to die” (urgent)" in words
    assert f'href="{reverse("moderation:member", args=["alex"])}"' in page
    assert "Talked to them in May" in words
    thread = post.thread.title
    assert (f"The site flagged alex's post {post.pk} in “{thread}” for moderators "
            f"(queue item {item.pk})") in words
    assert f'href="{post.get_absolute_url()}"' in page


@pytest.mark.parametrize("size", [3, 30])
def test_item_page_runs_a_fixed_number_of_queries(client, moderator, member, category, admin_user,
                                                  size, django_assert_max_num_queries):
    post = write(member, category, body="I want to die tonight")
    item = QueueItem.objects.get(object_id=post.pk)
    for number in range(size):
        report_create(reporter=UserFactory(), content=post, reason=ReportReason.AT_RISK,
                      note=f"Worried {number}")
        note_add(member=member, moderator=admin_user, text=f"Note {number}")
    client.force_login(moderator)
    client.get(reverse("moderation:item", args=[item.pk]))

    with django_assert_max_num_queries(ITEM_QUERIES):
        client.get(reverse("moderation:item", args=[item.pk]))


def test_other_content_is_shown_as_text_never_as_html(client, moderator, member, reporter):
    note = Note.objects.create(author=member, body="<script>alert(1)</script><b>bold</b>")
    item = report_create(reporter=reporter, content=note, reason=ReportReason.SPAM).item
    client.force_login(moderator)

    page = client.get(reverse("moderation:item", args=[item.pk])).content.decode()

    assert "<script>alert(1)" not in page and "<b>bold</b>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_opening_an_item_is_its_first_look(client, moderator, second_moderator, item):
    client.force_login(moderator)
    client.get(reverse("moderation:item", args=[item.pk]))
    item.refresh_from_db()
    first_look = item.first_looked_at

    client.force_login(second_moderator)
    client.get(reverse("moderation:item", args=[item.pk]))
    item.refresh_from_db()

    assert first_look is not None and item.first_looked_at == first_look
    assert item.status == QueueItem.Status.OPEN  # looking is not claiming


def test_unknown_actions_are_not_found(client, moderator, item):
    client.force_login(moderator)

    assert act(client, item, "delete").status_code == 404
    assert client.get(reverse("moderation:act", args=[item.pk, "hide"])).status_code == 405


# --- Claims ------------------------------------------------------------------------------------


def test_claiming_shows_others_who_has_the_item(client, moderator, second_moderator, item):
    client.force_login(moderator)
    response = act(client, item, "claim")

    item.refresh_from_db()
    assert response["Location"] == reverse("moderation:item", args=[item.pk])
    assert (item.claimed_by, item.status) == (moderator, QueueItem.Status.CLAIMED)
    assert ModerationAction.objects.filter(verb="claim", actor=moderator, item=item).exists()
    client.force_login(second_moderator)
    assert "mo is looking at this" in text(client.get(QUEUE))
    assert "mo is looking at this" in text(client.get(reverse("moderation:item", args=[item.pk])))


def test_second_moderator_is_refused_while_the_claim_is_current(client, moderator,
                                                                second_moderator, item):
    item_claim(item=item, moderator=moderator)
    client.force_login(second_moderator)

    claim = act(client, item, "claim")
    hide = act(client, item, "hide", reason="Unkind")

    item.refresh_from_db()
    assert item.claimed_by == moderator
    assert item.content.visibility == Visibility.PUBLISHED
    assert "mo is looking at this" in text(client.get(claim["Location"]))
    assert hide.status_code == 302


def test_acting_on_an_item_someone_else_just_closed_says_what_they_did_and_keeps_the_words(
        client, moderator, second_moderator, item):
    client.force_login(second_moderator)
    client.get(reverse("moderation:item", args=[item.pk]))  # both have the page open
    content_hide(item=item, moderator=moderator, reason="Unkind to another member")

    response = act(client, item, "edit", text="Tuesday was hard.", reason="Softer words")

    assert response.status_code == 200
    page = said(response)
    assert ("Someone else dealt with this a moment ago: see what they did. "
            "Latest: mo, hid: “Unkind to another member”.") in page
    assert "Resolved" in page
    assert "Tuesday was hard." in text(response) and "Softer words" in text(response)
    item.refresh_from_db()
    assert item.content.body == "Tuesday was *really* hard again."


def test_a_lapsed_claim_can_be_taken_over(client, moderator, second_moderator, item):
    item_claim(item=item, moderator=moderator)
    minutes = ModerationSettings.current().claim_minutes
    QueueItem.objects.filter(pk=item.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=minutes + 1))
    client.force_login(second_moderator)

    assert "claim has lapsed" in text(client.get(QUEUE))
    act(client, item, "claim")

    item.refresh_from_db()
    assert item.claimed_by == second_moderator


def test_anyone_may_escalate_an_item_someone_else_has(client, moderator, second_moderator, item,
                                                      admin_user):
    item_claim(item=item, moderator=moderator)
    client.force_login(second_moderator)

    act(client, item, "escalate", note="Their words changed overnight")

    item.refresh_from_db()
    assert item.escalated_at is not None and item.priority == Priority.URGENT
    assert told(admin_user) == ["Escalated by max: Their words changed overnight"]


# --- Actions on content ------------------------------------------------------------------------


def test_hide_needs_a_reason_and_keeps_what_was_typed(client, moderator, item):
    client.force_login(moderator)

    response = act(client, item, "hide", reason="   ")

    assert response.status_code == 200
    assert "Give a reason: the member will see it." in text(response)
    item.refresh_from_db()
    assert item.content.visibility == Visibility.PUBLISHED
    assert not ModerationAction.objects.filter(verb="hide").exists()


def test_hide_tells_the_author_why_and_the_reporter_only_that_someone_looked(
        client, moderator, item, member, reporter):
    client.force_login(moderator)

    response = act(client, item, "hide", reason="Please be kind to each other")

    assert response["Location"] == QUEUE
    item.refresh_from_db()
    assert item.content.visibility == Visibility.HIDDEN
    assert (item.status, item.resolved_by) == (QueueItem.Status.RESOLVED, moderator)
    action = ModerationAction.objects.get(verb="hide")
    assert (action.actor, action.member, action.item, action.reason) == (
        moderator, member, item, "Please be kind to each other")
    assert told(member) == [
        "A moderator hid your post in “A hard week”. The reason: Please be kind to each other"]
    assert told(reporter) == ["Thank you for your report. A moderator has looked at it."]
    assert "Hidden. The author has been told why." in text(client.get(QUEUE))


def test_approve_publishes_held_content(client, moderator, member, category):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 5})
    post = write(member, category)
    item = QueueItem.objects.get(object_id=post.pk)
    client.force_login(moderator)

    act(client, item, "approve")

    post.refresh_from_db()
    item.refresh_from_db()
    assert post.visibility == Visibility.PUBLISHED
    assert item.status == QueueItem.Status.RESOLVED
    assert ModerationAction.objects.filter(verb="approve", item=item).exists()
    assert (f"A moderator approved your post in “{post.thread.title}”. Now everyone can see "
            "it.") in told(member)


def test_dismiss_closes_the_item_and_tells_the_reporters(client, moderator, item, member,
                                                         reporter):
    client.force_login(moderator)

    act(client, item, "dismiss", reason="Not unkind, just direct")

    item.refresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED
    assert ModerationAction.objects.get(verb="dismiss").reason == "Not unkind, just direct"
    assert told(reporter) == ["Thank you for your report. A moderator has looked at it."]
    assert told(member) == []


def test_restore_brings_hidden_content_back(client, moderator, item, member):
    client.force_login(moderator)
    act(client, item, "hide", reason="Unkind")

    act(client, item, "restore", reason="On reflection it was fine")

    item.refresh_from_db()
    assert item.content.visibility == Visibility.PUBLISHED
    assert ModerationAction.objects.get(verb="restore").reason == "On reflection it was fine"
    assert ("A moderator restored your post in “A hard week”. Now everyone can see it "
            "again.") in told(member)


def test_edit_keeps_the_old_words_and_tells_the_author(client, moderator, item, member):
    client.force_login(moderator)
    page = text(client.get(reverse("moderation:item", args=[item.pk])))
    assert "Tuesday was *really* hard again.</textarea>" in page

    act(client, item, "edit", text="Tuesday was hard again.", reason="Removed a name")

    post = Post.objects.get(pk=item.object_id)
    assert post.body == "Tuesday was hard again."
    assert PostRevision.objects.get(post=post).body == "Tuesday was *really* hard again."
    assert ModerationAction.objects.get(verb="edit").reason == "Removed a name"
    assert told(member) == [
        "A moderator edited your post in “A hard week”. The reason: Removed a name"]


def test_edit_without_a_reason_keeps_the_new_words_in_the_form(client, moderator, item):
    client.force_login(moderator)

    response = act(client, item, "edit", text="My changed words", reason="")

    assert "My changed words</textarea>" in text(response)
    assert Post.objects.get(pk=item.object_id).body == "Tuesday was *really* hard again."


def test_on_the_item_page_the_words_what_screening_found_and_the_edit_box_stay_folded(
        client, moderator, member, category):
    post = write(member, category, body="I want to die tonight, I have it all ready")
    item = QueueItem.objects.get(object_id=post.pk)
    client.force_login(moderator)

    response = client.get(reverse("moderation:item", args=[item.pk]))
    before, everything = unfolded(response), said(response)

    assert "want to die" not in before and "all ready" not in before
    assert "Show the words" in before and "Show what it found" in before
    assert "Change the words" in before
    assert "I want to die tonight, I have it all ready" in everything  # there when asked
    edit = text(response).split('<details class="mod-action mod-edit"')[1].split("</details>")[0]
    assert edit.startswith(">") and "</textarea>" in edit  # closed, with the box inside


def test_a_refused_edit_comes_back_open_with_the_moderators_words(client, moderator, member,
                                                                  category):
    post = write(member, category, body="I want to die tonight")
    item = QueueItem.objects.get(object_id=post.pk)
    client.force_login(moderator)

    response = act(client, item, "edit", text="My changed words", reason="", verdict="right")
    before = unfolded(response)

    assert '<details class="mod-action mod-edit" open>' in text(response)
    assert "My changed words" in before and "Give a reason" in before
    assert "want to die" not in before  # the member's own words stay folded


def test_lock_and_unlock_the_thread(client, moderator, item):
    client.force_login(moderator)
    thread = Post.objects.get(pk=item.object_id).thread

    act(client, item, "lock")
    thread.refresh_from_db()
    assert thread.is_locked
    act(client, item, "unlock")
    thread.refresh_from_db()
    assert not thread.is_locked

    assert list(ModerationAction.objects.filter(verb__in=["lock", "unlock"])
                .order_by("id").values_list("verb", flat=True)) == ["lock", "unlock"]


def test_move_the_thread(client, moderator, item):
    elsewhere = CategoryFactory(name="Good news", slug="good-news")
    client.force_login(moderator)

    assert act(client, item, "move", destination="nowhere").status_code == 200
    act(client, item, "move", destination="good-news")

    thread = Post.objects.get(pk=item.object_id).thread
    assert thread.category == elsewhere
    assert ModerationAction.objects.get(verb="move").reason == "Moved to good-news"


def test_lock_and_move_are_offered_only_for_content_that_has_them(client, moderator, member,
                                                                 reporter):
    note = Note.objects.create(author=member, body="A note")
    item = report_create(reporter=reporter, content=note, reason=ReportReason.SPAM).item
    client.force_login(moderator)

    page = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    act(client, item, "lock")

    assert "Lock the thread" not in page and "Move the thread" not in page
    assert "Change the words" not in page
    assert not ModerationAction.objects.filter(verb="lock").exists()


def test_hand_over_to_another_moderator(client, moderator, second_moderator, member, item):
    client.force_login(moderator)
    act(client, item, "claim")

    assert act(client, item, "hand_over", to=member.pk).status_code == 200  # not a moderator
    act(client, item, "hand_over", to=second_moderator.pk, note="Over to you")

    item.refresh_from_db()
    assert item.claimed_by == second_moderator
    assert ModerationAction.objects.get(verb="hand_over").reason == "Over to you"
    assert told(second_moderator) == [
        "mo handed you a queue item: Reported: Unkind, bullying or harassing"]


def test_escalate_needs_a_note(client, moderator, item):
    client.force_login(moderator)

    response = act(client, item, "escalate", note="")

    assert "Say why you are escalating" in text(response)
    item.refresh_from_db()
    assert item.escalated_at is None


# --- Members -----------------------------------------------------------------------------------


def sanction_form(client, member, **data):
    fields = {"kind": "mute", "duration": "24h", "reason": "Please be kinder", "staff_note": ""}
    return client.post(reverse("moderation:sanction", args=[member.username]),
                       {**fields, **data})


@pytest.mark.parametrize(
    ("kind", "duration", "lasts"),
    [("warning", "7d", None), ("mute", "1h", timedelta(hours=1)),
     ("mute", "lifted", None), ("suspend", "3d", timedelta(days=3)),
     ("suspend", "30d", timedelta(days=30)), ("ban", "24h", None)],
)
def test_sanction_form_gives_each_kind_for_its_duration(client, moderator, member, kind,
                                                        duration, lasts):
    client.force_login(moderator)

    response = sanction_form(client, member, kind=kind, duration=duration,
                             staff_note="Third time this week")

    assert response["Location"] == reverse("moderation:member", args=[member.username])
    given = Sanction.objects.get(member=member)
    assert (given.kind, given.reason, given.staff_note) == (
        kind, "Please be kinder", "Third time this week")
    if lasts is None:
        assert given.ends_at is None
    else:
        assert abs(given.ends_at - timezone.now() - lasts) < timedelta(minutes=1)
    assert ModerationAction.objects.filter(member=member, actor=moderator,
                                           verb=VERBS[kind]).exists()
    assert Notification.objects.filter(user=member).exists()


@pytest.mark.parametrize("data", [{"reason": "  "}, {"kind": "nap"}, {"duration": "forever"}])
def test_sanction_form_refuses_bad_input_and_keeps_it(client, moderator, member, data):
    client.force_login(moderator)

    response = sanction_form(client, member, **{"staff_note": "kept", **data})

    assert response.status_code == 200
    assert "Not done yet" in text(response)
    assert "kept</textarea>" in text(response)
    assert not Sanction.objects.exists()


def test_only_administrators_sanction_moderators(client, moderator, second_moderator,
                                                 admin_user):
    client.force_login(moderator)
    sanction_form(client, second_moderator)
    sanction_form(client, moderator)
    assert not Sanction.objects.exists()

    client.force_login(admin_user)
    sanction_form(client, second_moderator)
    assert Sanction.objects.get().member == second_moderator


def test_lift_ends_a_sanction_at_once(client, moderator, member, sanction):
    client.force_login(moderator)
    page = text(client.get(reverse("moderation:member", args=[member.username])))
    assert "In force" in page and "Lift this mute" in page

    client.post(reverse("moderation:lift", args=[sanction.pk]))

    sanction.refresh_from_db()
    assert sanction.lifted_by == moderator
    assert ModerationAction.objects.filter(verb="lift", member=member).exists()
    assert "Ended" in text(client.get(reverse("moderation:member", args=[member.username])))


def test_member_history_shows_actions_and_reports_both_ways(client, moderator, member,
                                                            reporter, item, category):
    made = report_create(reporter=member, content=write(reporter, category),
                         reason=ReportReason.SPAM, note="Looks like an advert")
    client.force_login(moderator)
    act(client, item, "hide", reason="Unkind words")

    page = said(client.get(reverse("moderation:member", args=[member.username])))

    about, mine = page.split("Reports alex made")
    assert f"mo hid alex's post {item.object_id} in “A hard week”" in about
    assert "Reason: Unkind words" in about
    assert "They were sharp with me" in about
    assert "Looks like an advert" in mine and f"Queue item {made.item_id}" in mine


def test_private_notes_are_for_moderators_only(client, moderator, member):
    client.force_login(moderator)

    client.post(reverse("moderation:note", args=[member.username]),
                {"text": "Finds evenings hard; check in gently"})

    note = ModeratorNote.objects.get()
    assert (note.member, note.author) == (member, moderator)
    assert "Finds evenings hard" in text(client.get(
        reverse("moderation:member", args=[member.username])))
    client.force_login(member)
    for url in [reverse("member_detail", args=[member.username]), reverse("notifications")]:
        assert "Finds evenings hard" not in text(client.get(url))


def test_empty_note_is_refused(client, moderator, member):
    client.force_login(moderator)

    response = client.post(reverse("moderation:note", args=[member.username]), {"text": " "})

    assert "Write the note first." in text(response)
    assert not ModeratorNote.objects.exists()


@pytest.mark.parametrize("size", [3, 30])
def test_member_history_runs_a_fixed_number_of_queries(client, moderator, member, category,
                                                       admin_user, size,
                                                       django_assert_max_num_queries):
    for number in range(size):
        post = write(member, category, body=f"Post {number}")
        report_create(reporter=UserFactory(), content=post, reason=ReportReason.UNKIND)
        Sanction.objects.create(member=member, kind="warning", reason="x", created_by=admin_user)
        ModeratorNote.objects.create(member=member, author=admin_user, text=f"Note {number}")
    client.force_login(moderator)
    client.get(reverse("moderation:member", args=[member.username]))

    with django_assert_max_num_queries(MEMBER_QUERIES):
        client.get(reverse("moderation:member", args=[member.username]))


# --- The audit log -----------------------------------------------------------------------------


@pytest.fixture
def history(moderator, second_moderator, member, reporter, category):
    """A claim by mo, a note about sam by max, and a flag by the site about alex's post."""
    item = report_create(reporter=reporter, content=write(member, category),
                         reason=ReportReason.SPAM).item
    item_claim(item=item, moderator=moderator)
    note_add(member=reporter, moderator=second_moderator, text="Kind to newcomers")
    flag_content(content=item.content, source="watched_word", priority="normal",
                 reason="Watched words: x")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", 3), ("verb=claim", 1), ("verb=flag", 1), ("moderator={mo}", 1),
     ("member=sam", 1), ("member=alex&verb=flag", 1), ("member=alex&verb=claim", 0),
     ("verb=nonsense", 3), ("member=nobody", 3), ("moderator=999999", 3), ("page=x", 3)],
)
def test_audit_log_filters_and_ignores_bad_values(client, moderator, history, query, expected):
    client.force_login(moderator)

    response = client.get(f"{LOG}?{query.format(mo=moderator.pk)}")

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == expected


def test_audit_log_says_which_filter_is_not_used(client, moderator, history):
    client.force_login(moderator)

    assert "Nobody here is called nobody." in text(client.get(f"{LOG}?member=nobody"))


def test_audit_log_is_newest_first_with_nothing_to_change(client, moderator, history):
    client.force_login(moderator)

    response = client.get(LOG)

    actions = list(response.context["page"])
    assert actions == sorted(actions, key=lambda action: (action.created_at, action.pk),
                             reverse=True)
    page = response.content.decode()
    assert page.count('method="post"') == 2  # logging out and going off duty, nothing else
    assert page.count("<button") == 3  # and showing the filtered log


@pytest.mark.parametrize("size", [3, 30])
def test_audit_log_runs_a_fixed_number_of_queries(client, moderator, member, category, reporter,
                                                  size, django_assert_max_num_queries):
    for _ in range(size):
        item = report_create(reporter=UserFactory(), content=write(member, category),
                             reason=ReportReason.SPAM).item
        item_claim(item=item, moderator=moderator)
    client.force_login(moderator)
    client.get(LOG)

    with django_assert_max_num_queries(LOG_QUERIES):
        client.get(LOG)


def test_a_reply_can_be_reported_and_hidden_through_the_queue(client, moderator, member,
                                                              category, reporter):
    thread = write(member, category).thread
    reply = post_create(author=reporter, thread=thread, body="Nobody cares about you").post
    item = report_create(reporter=member, content=reply, reason=ReportReason.UNKIND).item
    client.force_login(moderator)

    act(client, item, "hide", reason="Unkind")

    reply.refresh_from_db()
    assert reply.visibility == Visibility.HIDDEN
    assert told(reporter)[-1] == (f"A moderator hid your post in “{thread.title}”. The reason: "
                                  "Unkind")
