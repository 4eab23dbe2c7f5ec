"""Safety figures: counts, waits (median and 90th percentile) and targets, worked out by hand."""

from datetime import datetime, timedelta
from itertools import count

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community import roles
from community.services import role_grant
from moderation.models import ModerationSettings, Priority, QueueItem
from moderation.stats import FIRST_LOOK, Waits, safety_figures, wait_percentiles
from moderation.views.stats import duration_text
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URGENT, HIGH, NORMAL = Priority.URGENT, Priority.HIGH, Priority.NORMAL
REPORT, CRISIS, WORDS, HELD = (QueueItem.Source.REPORT, QueueItem.Source.CRISIS,
                               QueueItem.Source.WATCHED_WORD, QueueItem.Source.HELD)
OPENED = timezone.make_aware(datetime(2026, 3, 2, 10, 0))
NOW = OPENED + timedelta(days=1)
object_ids = count(1)


def minutes(value: float) -> timedelta:
    return timedelta(minutes=value)


def item(priority, source, *, opened=OPENED, looked=None, resolved=None, by=None) -> QueueItem:
    """An item with the times given, in minutes after it was opened."""
    made = QueueItem.objects.create(
        content_type=ContentType.objects.get_for_model(QueueItem), object_id=next(object_ids),
        source=source, priority=priority, reason="test",
    )
    # Straight to the table: created_at is set on insert, and these are the facts to measure.
    QueueItem.objects.filter(pk=made.pk).update(
        created_at=opened,
        first_looked_at=opened + minutes(looked) if looked is not None else None,
        resolved_at=opened + minutes(resolved) if resolved is not None else None,
        resolved_by=by,
        status=QueueItem.Status.RESOLVED if resolved is not None else QueueItem.Status.OPEN,
    )
    return made


@pytest.fixture
def week(moderator):
    """Nine items in the period and one before it; the figures below are worked out by hand."""
    lee = UserFactory(username="lee")
    role_grant(user=lee, role=roles.MODERATORS)
    item(URGENT, REPORT, looked=2, resolved=10, by=moderator)
    item(URGENT, REPORT, looked=4, resolved=30, by=moderator)
    item(URGENT, CRISIS, looked=10, resolved=60, by=moderator)
    item(URGENT, CRISIS, looked=20)  # looked at after the 15-minute target
    item(URGENT, CRISIS)  # never looked at, opened a day before NOW: late
    item(URGENT, REPORT, opened=NOW - minutes(5))  # not looked at yet, still within target
    item(HIGH, REPORT, looked=30, resolved=120, by=lee)
    item(HIGH, WORDS, looked=90)
    item(NORMAL, HELD)
    item(URGENT, REPORT, opened=OPENED - timedelta(days=10), looked=100, resolved=200,
         by=moderator)


def figures():
    return safety_figures(OPENED - timedelta(days=1), OPENED + timedelta(days=2), NOW)


def test_items_are_counted_by_source_and_priority_within_the_period(week):
    assert figures().by_source == {
        REPORT: {URGENT: 3, HIGH: 1},
        CRISIS: {URGENT: 3},
        WORDS: {HIGH: 1},
        HELD: {NORMAL: 1},
    }


def test_time_to_first_look_is_interpolated_like_percentile_cont(week):
    # Urgent looks at 2, 4, 10 and 20 min: the median is halfway from 4 to 10, and the 90th
    # percentile 70% of the way from 10 to 20. High: 30 and 90 min.
    assert figures().first_look == {
        URGENT: Waits(4, minutes(7), minutes(17)),
        HIGH: Waits(2, minutes(60), minutes(84)),
        NORMAL: Waits(0, None, None),
    }


def test_time_to_resolution_counts_only_resolved_items(week):
    # Urgent resolved at 10, 30 and 60 min; one high item at 2 hours.
    assert figures().resolution == {
        URGENT: Waits(3, minutes(30), minutes(54)),
        HIGH: Waits(1, minutes(120), minutes(120)),
        NORMAL: Waits(0, None, None),
    }


def test_urgent_items_past_the_target_include_those_still_waiting(week):
    found = figures()

    assert (found.urgent_target_minutes, found.urgent_count) == (15, 6)
    assert (found.urgent_late, found.urgent_waiting_late) == (2, 1)


def test_items_resolved_per_moderator_say_how_many_began_as_reports(week):
    assert figures().per_moderator == [
        {"username": "mo", "resolved": 3, "from_reports": 2},
        {"username": "lee", "resolved": 1, "from_reports": 1},
    ]


def test_waits_use_the_database_percentile_where_there_is_one(week):
    with CaptureQueriesContext(connection) as captured:
        wait_percentiles(QueueItem.objects.all(), FIRST_LOOK)

    sql = " ".join(query["sql"] for query in captured.captured_queries)
    assert ("PERCENTILE_CONT" if connection.vendor == "postgresql" else "ROW_NUMBER") in sql


def test_an_empty_period_has_no_figures(db):
    found = figures()

    assert found.by_source == {} and found.per_moderator == []
    assert found.first_look[URGENT] == Waits(0, None, None)
    assert found.urgent_count == found.urgent_late == 0


def test_figures_take_the_same_few_queries_however_many_items(
        moderator, django_assert_max_num_queries):
    ModerationSettings.current()
    for size in (3, 30):
        for _ in range(size):
            item(URGENT, REPORT, looked=5, resolved=20, by=moderator)
        # Counts, settings, the urgent target, per moderator, and the waits: one query per
        # figure (two where PostgreSQL's percentile_cont is missing).
        with django_assert_max_num_queries(8):
            figures()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "none yet"),
        (timedelta(seconds=20), "under 1 min"),
        (minutes(4), "4 min"),
        (minutes(4.4), "4 min"),
        (minutes(60), "1 h"),
        (minutes(80), "1 h 20 min"),
        (minutes(26 * 60), "1 day 2 h"),
        (minutes(48 * 60 + 10), "2 days"),
    ],
)
def test_durations_read_as_people_say_them(value, text):
    assert duration_text(value) == text


# --- The page ----------------------------------------------------------------------------


def recent(priority, source, **times) -> QueueItem:
    return item(priority, source, opened=timezone.now() - timedelta(days=2), **times)


def test_visitors_are_sent_to_log_in(client):
    response = client.get("/moderation/stats/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_members_who_do_not_moderate_are_refused(client, member):
    client.force_login(member)

    assert client.get("/moderation/stats/").status_code == 403


def test_moderators_see_the_last_30_days_in_tables(client, moderator):
    recent(URGENT, REPORT, looked=80, resolved=200, by=moderator)
    recent(HIGH, CRISIS, looked=4)
    client.force_login(moderator)

    page = client.get("/moderation/stats/").content.decode()

    today = timezone.localdate()
    assert f"{(today - timedelta(days=29)):%-d %B %Y}</strong> to <strong>{today:%-d %B %Y}" in page
    assert "Items opened, by why they were opened and how urgent they were</caption>" in page
    assert "<h2 id=\"opened-heading\">Items opened: 2</h2>" in page
    assert "<td>1 h 20 min</td>" in page
    assert "<td>4 min</td>" in page
    assert "<td>3 h 20 min</td>" in page
    assert "<strong>1 of 1</strong> urgent item waited more than 15 minutes" in page
    assert '<th scope="row">mo</th><td>1</td><td>1</td>' in page


def test_a_chosen_period_leaves_out_items_opened_outside_it(client, moderator):
    recent(URGENT, REPORT)
    client.force_login(moderator)
    today = timezone.localdate()
    start, end = today - timedelta(days=60), today - timedelta(days=31)

    page = client.get("/moderation/stats/", {"start": start.isoformat(),
                                             "end": end.isoformat()}).content.decode()

    assert "Items opened: 0" in page
    assert "No urgent items were opened in this period." in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "last tuesday"}, "Enter a valid date."),
        ({"start": "2026-02-30"}, "Enter a valid date."),
        ({"start": "2026-05-10", "end": "2026-05-01"}, "must be on or before the end date"),
        ({"end": "9999-12-31"}, "can&#x27;t be after today"),
        ({"start": "1900-01-01", "end": "2026-01-01"}, "five years or less"),
        ({"start": "x" * 10_000}, "Enter a valid date."),
    ],
)
def test_wrong_dates_get_a_message_and_the_usual_figures(client, moderator, query, message):
    recent(URGENT, REPORT)
    client.force_login(moderator)

    response = client.get("/moderation/stats/", query)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Items opened: 1" in page


def test_the_page_takes_the_same_queries_however_many_items(client, moderator):
    client.force_login(moderator)
    client.get("/moderation/stats/")  # marks the moderator present, once a minute
    counts = []
    for size in (2, 20):
        for _ in range(size):
            recent(URGENT, REPORT, looked=5, resolved=20, by=moderator)
        with CaptureQueriesContext(connection) as captured:
            client.get("/moderation/stats/")
        counts.append(len(captured))

    assert counts[0] == counts[1]
