"""Safety figures week by week: which week an item falls in, medians per week, gaps."""

from datetime import date, datetime, timedelta

import pytest
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
