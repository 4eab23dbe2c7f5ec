"""The outcome report read from check-ins: first and latest per person, groups from the
member now, anonymised series counted, a fixed number of queries."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import UserFactory
from wellbeing import services
from wellbeing.models import CheckIn
from wellbeing.outcomes import FEWER_THAN_10, NOT_KNOWN
from wellbeing.selectors import OutcomeGroups, outcome_report, outcome_rows

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 5, 10, tzinfo=UTC)


def check_in(member, score, *, days, loneliness="some", skipped=False):
    if skipped:
        return CheckIn.objects.create(member=member, recorded_at=START + timedelta(days=days),
                                      is_skipped=True)
    return CheckIn.objects.create(
        member=member, recorded_at=START + timedelta(days=days), life_satisfaction=score,
        worthwhile=score, happiness=score, anxiety=10 - score, loneliness=loneliness)


def respondent(name, *, changes_by, nation="england", joined=START, checkins=2):
    user = UserFactory(username=name)
    user.member.nation, user.member.joined_at = nation, joined
    user.member.save()
    check_in(user, 0, days=0, loneliness="often")
    for n in range(1, checkins - 1):
        check_in(user, 9, days=28 * n)  # a middle check-in does not count
    if checkins > 1:
        check_in(user, changes_by, days=28 * (checkins - 1), loneliness="never")
    return user


def test_change_is_latest_minus_first_per_person_worked_by_hand():
    for i in range(1, 11):
        respondent(f"m{i}", changes_by=i, checkins=2 + i % 2)
    measures = {m.measure: m for m in outcome_report().everyone.measures}
    happiness, anxiety = measures["happiness"], measures["anxiety"]
    assert happiness.n == 10 and happiness.mean == pytest.approx(5.5)
    assert (round(happiness.ci_low, 3), round(happiness.ci_high, 3)) == (3.334, 7.666)
    assert anxiety.mean == pytest.approx(-5.5) and anxiety.improved is True
    assert outcome_report().everyone.loneliness.toward_never == 10


def test_people_with_one_answered_check_in_are_left_out():
    for i in range(10):
        respondent(f"m{i}", changes_by=1)
    once = respondent("once", changes_by=0, checkins=1)
    check_in(once, 0, days=60, skipped=True)  # a skip is not an answer
    assert outcome_report().everyone.n == 10
    assert len(outcome_rows()[0]) == 10


def test_nine_people_are_hidden_and_ten_shown():
    for i in range(9):
        respondent(f"m{i}", changes_by=1)
    report = outcome_report()
    assert report.everyone.suppressed
    assert report.everyone.measures[0].reason == FEWER_THAN_10
    respondent("tenth", changes_by=1)
    assert outcome_report().everyone.measures[0].n == 10


def test_anonymised_answers_still_count_and_fall_under_not_known():
    for i in range(10):
        respondent(f"m{i}", changes_by=2, nation="wales")
    for i in range(10):
        former = respondent(f"f{i}", changes_by=1, nation="wales")
        services.checkins_anonymise(member=former)
    report = outcome_report(OutcomeGroups.NATION)
    assert report.everyone.n == 20
    assert [(c.cohort, c.n) for c in report.cohorts] == [("Wales", 10), (NOT_KNOWN, 10)]
    wales, unknown = report.cohorts
    assert wales.measures[0].mean == 2 and unknown.measures[0].mean == 1


def test_groups_by_month_joined_in_time_order_read_from_the_member_now():
    for i in range(10):
        respondent(f"mar{i}", changes_by=1, joined=datetime(2026, 3, 2, 12, tzinfo=UTC))
    for i in range(10):
        respondent(f"jan{i}", changes_by=3, joined=datetime(2026, 1, 9, 12, tzinfo=UTC))
    report = outcome_report(OutcomeGroups.MONTH_JOINED)
    assert [(c.cohort, c.measures[0].mean) for c in report.cohorts] == [
        ("January 2026", 3), ("March 2026", 1)]


def test_a_member_without_a_nation_is_not_known():
    for i in range(10):
        respondent(f"m{i}", changes_by=1, nation="")
    rows, _ = outcome_rows(OutcomeGroups.NATION)
    assert {row.cohort for row in rows} == {NOT_KNOWN}


@pytest.mark.parametrize("people", [3, 15])
def test_the_report_takes_one_query_however_many_people(people, django_assert_num_queries):
    for i in range(people):
        former = respondent(f"m{i}", changes_by=1, checkins=3, nation="scotland")
        if i % 3 == 0:
            services.checkins_anonymise(member=former)
    for by in OutcomeGroups.values:
        with django_assert_num_queries(1):
            outcome_report(by)
