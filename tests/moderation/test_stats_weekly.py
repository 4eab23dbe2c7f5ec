"""Safety figures week by week: which week an item falls in, medians per week, gaps."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import Priority, QueueItem
from moderation.stats import Week, WeekWait, period_weeks, weekly_waits
from tests.moderation.test_stats import item, minutes

pytestmark = pytest.mark.django_db

URGENT, HIGH, NORMAL = Priority.URGENT, Priority.HIGH, Priority.NORMAL
REPORT = QueueItem.Source.REPORT
# Monday 23 March 2026; the clocks go forward on Sunday 29 March, in the period's first week.
FIRST_DAY = date(2026, 3, 23)


def uk(*parts) -> datetime:
    return timezone.make_aware(datetime(*parts))


def test_weeks_start_on_the_period_first_day_and_the_last_may_be_short():
    assert period_weeks(FIRST_DAY, date(2026, 4, 7)) == (
        Week(date(2026, 3, 23), date(2026, 3, 29)),
        Week(date(2026, 3, 30), date(2026, 4, 5)),
        Week(date(2026, 4, 6), date(2026, 4, 7)),
    )
    assert period_weeks(FIRST_DAY, FIRST_DAY) == (Week(FIRST_DAY, FIRST_DAY),)


def test_items_fall_in_the_week_of_their_uk_day_right_at_the_edges(db):
    # Each first week's last second, and the next week's first second, in UK time (summer
    # time from 29 March: midnight on 30 March is 23:00 UTC on the 29th).
    item(URGENT, REPORT, opened=uk(2026, 3, 23, 0, 0, 0), looked=10)
    item(URGENT, REPORT, opened=uk(2026, 3, 29, 23, 59, 59), looked=20)
    item(URGENT, REPORT, opened=uk(2026, 3, 30, 0, 0, 0), looked=30)
    item(URGENT, REPORT, opened=uk(2026, 4, 5, 23, 59, 59), looked=40)
    item(URGENT, REPORT, opened=uk(2026, 4, 6, 0, 0, 0), looked=50)
    item(URGENT, REPORT, opened=uk(2026, 3, 22, 23, 59, 59), looked=1)  # before the period
    item(URGENT, REPORT, opened=uk(2026, 4, 8, 0, 0, 0), looked=1)  # after it

    found = weekly_waits(FIRST_DAY, date(2026, 4, 7))

    assert found.first_look[URGENT] == (
        WeekWait(2, 2, minutes(15)),
        WeekWait(2, 2, minutes(35)),
        WeekWait(1, 1, minutes(50)),
    )


def test_weeks_with_no_items_are_gaps_not_zero(db):
    item(HIGH, REPORT, opened=uk(2026, 3, 24, 9, 0), looked=30, resolved=120)
    item(HIGH, REPORT, opened=uk(2026, 4, 8, 9, 0), looked=60)

    found = weekly_waits(FIRST_DAY, date(2026, 4, 19))

    assert found.first_look[HIGH] == (
        WeekWait(1, 1, minutes(30)),
        WeekWait(0, 0, None),
        WeekWait(1, 1, minutes(60)),
        WeekWait(0, 0, None),
    )
    # Opened but not resolved yet: counted as opened, with no median either.
    assert found.resolution[HIGH][2] == WeekWait(1, 0, None)
    assert found.resolution[HIGH][0] == WeekWait(1, 1, minutes(120))
    assert found.first_look[NORMAL] == (WeekWait(0, 0, None),) * 4


def test_weekly_medians_are_the_same_statistic_as_the_tables(db):
    # Four urgent looks in one week at 2, 4, 10 and 20 minutes: the median is halfway
    # between 4 and 10, as on the table of the whole period.
    for looked in (2, 4, 10, 20):
        item(URGENT, REPORT, opened=uk(2026, 3, 25, 12, 0), looked=looked)

    assert weekly_waits(FIRST_DAY, FIRST_DAY + timedelta(days=6)).first_look[URGENT] == (
        WeekWait(4, 4, minutes(7)),
    )


@pytest.mark.parametrize("days", [28, 364])
def test_weekly_waits_take_three_queries_however_long_the_period(
        db, days, django_assert_num_queries):
    for week in range(0, days, 7):
        item(URGENT, REPORT, opened=uk(2026, 3, 23, 9, 0) + timedelta(days=week), looked=5,
             resolved=20)
        item(NORMAL, REPORT, opened=uk(2026, 3, 23, 9, 0) + timedelta(days=week), looked=50)

    with django_assert_num_queries(3):
        found = weekly_waits(FIRST_DAY, FIRST_DAY + timedelta(days=days - 1))

    assert len(found.weeks) == days // 7
    assert found.resolution[URGENT][-1] == WeekWait(1, 1, minutes(20))


# --- The page ----------------------------------------------------------------------------


# The page refuses periods ending after today: these start a Monday well before it.
PAGE_DAY = timezone.localdate() - timedelta(weeks=60, days=timezone.localdate().weekday())


def on(days: int, hour: int = 9) -> datetime:
    """A moment that many days into the page's period, in UK time."""
    return uk(*(PAGE_DAY + timedelta(days=days)).timetuple()[:3], hour, 0)


def day_text(days: int) -> str:
    day = PAGE_DAY + timedelta(days=days)
    return f"{day.day} {day:%b}"


def stats_page(client, first_day: date, last_day: date) -> str:
    response = client.get("/moderation/stats/", {"start": first_day.isoformat(),
                                                 "end": last_day.isoformat()})
    page = response.content.decode()
    assert f"{first_day.day} {first_day:%B %Y}</strong> to" in page  # the period asked for
    return page


def test_the_page_charts_each_wait_week_by_week_with_the_figures_in_a_table(client, moderator):
    item(URGENT, REPORT, opened=on(1), looked=30, resolved=180)
    item(HIGH, REPORT, opened=on(16), looked=90)
    client.force_login(moderator)

    page = stats_page(client, PAGE_DAY, PAGE_DAY + timedelta(days=20))

    assert page.count('role="img"') == 2
    assert "<title id=\"first-look-chart-title\">Time until a moderator first looked, week by " \
           "week: half within</title>" in page
    assert ">Half within, in minutes</text>" in page  # looks: 30 and 90 minutes
    assert ">Half within, in hours</text>" in page  # resolution: 3 hours
    assert f"Urgent: 30 minutes in the week of {day_text(0)} only." in page
    assert "Normal: no figures" in page
    assert (f'<tr><th scope="row">{day_text(0)} to {day_text(6)}</th><td>30 min (1\u00a0item)</td>'
            "<td>no items</td><td>no items</td></tr>") in page
    assert (f'<tr><th scope="row">{day_text(14)} to {day_text(20)}</th><td>no items</td>'
            "<td>none resolved yet</td><td>no items</td></tr>") in page


def test_a_period_with_no_items_says_so_instead_of_empty_charts(client, moderator):
    client.force_login(moderator)

    page = stats_page(client, PAGE_DAY, PAGE_DAY + timedelta(days=20))

    assert "<svg" not in page
    assert page.count('<p class="chart-empty">No items in this period.</p>') == 2
    assert "week by week: half within, and in brackets" not in page  # no table of nothing


def test_items_not_looked_at_yet_are_not_called_no_items(client, moderator):
    item(URGENT, REPORT, opened=on(1))
    client.force_login(moderator)

    page = stats_page(client, PAGE_DAY, PAGE_DAY + timedelta(days=20))

    assert "No items opened in this period have been looked at yet." in page
    assert "No items opened in this period have been resolved yet." in page


def test_the_page_takes_the_same_queries_for_4_weeks_or_52(client, moderator):
    client.force_login(moderator)
    stats_page(client, PAGE_DAY, PAGE_DAY)  # marks the moderator present, once a minute
    counts = []
    for weeks in (4, 52):
        for week in range(weeks):
            opened = on(7 * week)
            item(URGENT, REPORT, opened=opened, looked=5, resolved=20, by=moderator)
            item(HIGH, REPORT, opened=opened, looked=50)
        last_day = PAGE_DAY + timedelta(weeks=weeks, days=-1)
        with CaptureQueriesContext(connection) as captured:
            page = stats_page(client, PAGE_DAY, last_day)
        assert page.count('role="img"') == 2
        counts.append(len(captured))

    assert counts[0] == counts[1]


def test_weeks_are_labelled_with_the_year_when_the_period_crosses_one(client, moderator):
    client.force_login(moderator)
    first_day = date(timezone.localdate().year - 1, 12, 22)
    item(URGENT, REPORT, opened=uk(first_day.year, 12, 23, 9, 0), looked=5)

    page = stats_page(client, first_day, first_day + timedelta(days=13))

    assert f"in the week of 22 Dec {first_day.year} only" in page
    assert f">29 Dec {first_day.year} to 4 Jan {first_day.year + 1}</th>" in page
