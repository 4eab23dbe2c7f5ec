"""Alerts wherever moderators are: the queue count and duty in every page's header, live alerts
on every page, and going on or off duty, which decides whether members are told nobody is around.
"""

import html
from datetime import time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from community.models import SiteSettings, WriteLimit
from community.refusals import Refused
from forums.models import Post
from forums.services import thread_create
from moderation.content import Visibility
from moderation.cover import duty_of, moderators_available
from moderation.models import DutyHours, ModerationAction, ModerationSettings, Priority, QueueItem
from moderation.services import duty_set, flag_content, presence_touch
from tests.factories import CategoryFactory, UserFactory
from tests.moderatable.models import Note

pytestmark = pytest.mark.django_db

QUEUE = reverse("moderation:queue")
DUTY = reverse("moderation:duty")
BANNER = "Moderators are offline right now."
# A moderator's help page whatever the queue's length: measured 8 (the session, the viewer,
# their roles and sanctions, their profile, the help lines, notifications, the queue count).
HELP_PAGE_QUERIES = 8


def said(response) -> str:
    """The page as a reader hears it: words only, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def page(response) -> str:
    return html.unescape(response.content.decode())


def queue_of(*, normal: int = 0, urgent: int = 0, resolved: int = 0) -> None:
    """Items flagged at each priority, and some already resolved, which no count includes."""
    made = []
    for priority, count in ((Priority.NORMAL, normal + resolved), (Priority.URGENT, urgent)):
        for _ in range(count):
            note = Note.objects.create(author=UserFactory(), body="Some words")
            made.append(flag_content(content=note, source=QueueItem.Source.WATCHED_WORD,
                                     priority=priority, reason="Watched words: test"))
    QueueItem.objects.filter(pk__in=[item.pk for item in made[:resolved]]).update(
        status=QueueItem.Status.RESOLVED)


def outside_duty_hours() -> DutyHours:
    """Duty hours on neither today nor tomorrow, so now is outside them."""
    weekday = (timezone.localdate().weekday() + 3) % 7
    return DutyHours.objects.create(weekday=weekday, opens=time(9), closes=time(10))


def go(client, duty: str, **extra):
    return client.post(DUTY, {"duty": duty, **extra})


# --- The queue count in the header -----------------------------------------------------------


@pytest.mark.parametrize("path", ["/forums/", "/help/"])
def test_moderators_see_the_queue_count_with_urgent_marked_on_every_page(client, moderator,
                                                                         path):
    queue_of(normal=2, urgent=1, resolved=2)
    client.force_login(moderator)

    response = client.get(path)

    assert "Queue 3 · 1 urgent" in said(response)
    assert "3 items in the queue, 1 of them urgent" in said(response)
    assert '<strong class="queue-count__urgent">1 urgent</strong>' in page(response)
    assert f'<a class="queue-count" href="{QUEUE}">' in page(response)


def test_without_urgent_items_the_count_is_plain(client, moderator):
    queue_of(normal=1)
    client.force_login(moderator)

    response = client.get("/help/")

    assert "Queue 1: 1 item in the queue" in said(response)
    assert "urgent" not in page(response).split('class="queue-count')[1].split("</a>")[0]


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_members_and_visitors_see_no_queue_count_nor_duty(client, member, who):
    queue_of(normal=1, urgent=1)
    if who == "member":
        client.force_login(member)

    for path in ("/forums/", "/help/"):
        text = page(client.get(path))
        assert "queue-count" not in text and "Queue 2" not in text
        assert DUTY not in text and "on duty" not in text


@pytest.mark.parametrize("size", [3, 30])
def test_the_header_costs_one_query_however_long_the_queue(
        client, moderator, size, django_assert_max_num_queries):
    queue_of(normal=size, urgent=size)
    client.force_login(moderator)
    client.get("/help/")  # sessions and caches warm

    with django_assert_max_num_queries(HELP_PAGE_QUERIES) as queries:
        response = client.get("/help/")

    assert f"Queue {size * 2} · {size} urgent" in said(response)
    assert tables_read(queries) == {"moderation_queueitem": 1}  # duty: from the shared cache


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_the_header_costs_members_and_visitors_nothing(client, member, who,
                                                       django_assert_max_num_queries):
    queue_of(urgent=1)
    if who == "member":
        client.force_login(member)
    client.get("/help/")

    with django_assert_max_num_queries(HELP_PAGE_QUERIES) as queries:
        client.get("/help/")

    assert tables_read(queries) == {}


def tables_read(queries) -> dict[str, int]:
    """How often the page read the queue and moderators' presence and duty."""
    tables = ("moderation_queueitem", "moderation_moderatorpresence", "moderation_dutyhours")
    counts = {table: sum(f'FROM "{table}"' in query["sql"] for query in queries.captured_queries)
              for table in tables}
    return {table: count for table, count in counts.items() if count}


def test_the_visitors_page_cache_never_keeps_the_moderators_header(client, moderator):
    topic = thread_create(author=moderator, category=CategoryFactory(), title="Hello all",
                          body="Welcome, everyone.").post.thread
    queue_of(urgent=1)
    visitor = Client()

    visitor.get(topic.get_absolute_url())  # stored for visitors
    client.force_login(moderator)
    seen_by_moderator = page(client.get(topic.get_absolute_url()))
    seen_by_visitor = page(visitor.get(topic.get_absolute_url()))

    assert "queue-count" in seen_by_moderator
    assert "queue-count" not in seen_by_visitor and DUTY not in seen_by_visitor


# --- Live alerts on every page ------------------------------------------------------------------


def test_live_alerts_are_on_every_page_for_moderators_near_the_top(client, moderator):
    client.force_login(moderator)

    text = page(client.get("/forums/"))

    assert 'data-socket-path="/ws/moderation/"' in text
    assert '<div data-alerts="urgent" aria-live="assertive">' in text
    assert "js/moderation-alerts.js" in text
    main = text.split('<main id="main"')[1]
    assert main.index('class="live-alerts"') < main.index("<h1")
    assert "the queue count above shows new items" in text  # the <noscript> line


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_live_alerts_are_never_sent_to_members_pages(client, member, who):
    if who == "member":
        client.force_login(member)

    text = page(client.get("/forums/"))

    assert "live-alerts" not in text and "moderation-alerts.js" not in text


# --- Going on and off duty -------------------------------------------------------------------


def test_going_off_duty_as_the_only_moderator_tells_members_nobody_is_around(
        client, moderator, member, django_capture_on_commit_callbacks):
    presence_touch(moderator=moderator)
    members_view = Client()
    members_view.force_login(member)
    assert BANNER not in page(members_view.get("/"))  # and remembered for a while
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = go(client, "off", next="/forums/")

    assert response.status_code == 302 and response["Location"] == "/forums/"
    assert BANNER in page(members_view.get("/"))
    followed = said(client.get("/forums/"))
    assert "You are off duty. No other moderator is on duty now" in followed
    assert "You are off duty Go on duty" in followed

    with django_capture_on_commit_callbacks(execute=True):
        go(client, "on")

    assert BANNER not in page(members_view.get("/"))
    assert "You are on duty Go off duty" in said(client.get("/forums/"))


def test_while_every_moderator_is_off_duty_urgent_words_wait(moderator, member,
                                                             django_capture_on_commit_callbacks):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    with django_capture_on_commit_callbacks(execute=True):
        duty_set(moderator=moderator, on_duty=False)

    post = thread_create(author=member, category=CategoryFactory(), title="Tonight",
                         body="I want to die tonight").post

    assert Post.objects.get(pk=post.pk).visibility == Visibility.HELD
    assert not moderators_available()


def test_the_header_says_why_the_site_counts_a_moderator_off_duty(client, moderator):
    outside_duty_hours()
    client.force_login(moderator)

    text = said(client.get("/help/"))

    assert "Off duty: outside duty hours Stay off duty" in text


def test_an_inactive_moderator_is_told_they_count_as_off_duty(moderator):
    ModerationSettings.objects.update_or_create(pk=1, defaults={"offline_after_minutes": 30})
    presence_touch(moderator=moderator, now=timezone.now() - timedelta(minutes=31))

    duty = duty_of(moderator)

    assert duty.is_chosen and not duty.counts
    assert duty.off_because == "not active in the last 30 minutes"


def test_a_moderator_who_chose_off_duty_does_not_count_even_when_active(moderator):
    duty_set(moderator=moderator, on_duty=False)
    presence_touch(moderator=moderator)

    assert not moderators_available()
    assert not duty_of(moderator).is_chosen


def test_going_on_duty_counts_as_being_active(moderator):
    duty_set(moderator=moderator, on_duty=False)
    presence_touch(moderator=moderator, now=timezone.now() - timedelta(hours=2))

    duty_set(moderator=moderator, on_duty=True)

    assert moderators_available()
    assert duty_of(moderator).counts


def test_duty_changes_are_in_the_audit_log_as_a_sentence(client, moderator):
    client.force_login(moderator)

    go(client, "off")
    go(client, "off")  # no change: nothing to record
    go(client, "on")

    verbs = list(ModerationAction.objects.filter(actor=moderator).values_list("verb", flat=True))
    assert verbs == [ModerationAction.Verb.DUTY_ON, ModerationAction.Verb.DUTY_OFF]
    log = said(client.get(reverse("moderation:log")))
    assert "mo went off duty" in log and "mo went on duty" in log


def test_changing_duty_is_rate_limited(client, moderator):
    WriteLimit.objects.update_or_create(kind=WriteLimit.Kind.DUTY,
                                        defaults={"rate": "2 per hour"})
    duty_set(moderator=moderator, on_duty=False)
    duty_set(moderator=moderator, on_duty=True)

    with pytest.raises(Refused, match="Please wait"):
        duty_set(moderator=moderator, on_duty=False)

    client.force_login(moderator)
    response = client.post(DUTY, {"duty": "off"}, follow=True)
    assert "Please wait" in said(response)
    assert duty_of(moderator).is_chosen


def test_only_moderators_go_on_or_off_duty(client, member):
    with pytest.raises(PermissionDenied):
        duty_set(moderator=member, on_duty=True)

    client.force_login(member)
    assert go(client, "on").status_code == 403


def test_the_duty_button_is_a_plain_form_that_works_without_javascript(client, moderator):
    client.force_login(moderator)

    form = page(client.get("/help/")).split(f'action="{DUTY}"')[1].split("</form>")[0]

    assert 'name="csrfmiddlewaretoken"' in form
    assert '<input type="hidden" name="next" value="/help/">' in form
    assert '<button type="submit" name="duty" value="off"' in form


def test_a_page_far_away_is_never_where_the_duty_form_sends_you(client, moderator):
    client.force_login(moderator)

    response = go(client, "off", next="https://example.org/")

    assert response["Location"] == QUEUE
