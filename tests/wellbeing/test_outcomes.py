"""Outcome figures worked by hand: mean change, 95% interval, small groups hidden, CSV."""

import csv
import io

import pytest

from wellbeing.outcomes import (
    CSV_COLUMNS,
    FEWER_THAN_10,
    HIDES_A_SMALL_GROUP,
    NOT_KNOWN,
    OutcomeRow,
    csv_cell,
    csv_rows,
    loneliness_change,
    measure_change,
    outcome_report,
    t_975,
)


@pytest.mark.parametrize(("df", "expected"), [
    (1, 12.706), (2, 4.303), (5, 2.571), (9, 2.262), (10, 2.228), (29, 2.045), (30, 2.042),
    (31, 2.040), (40, 2.021), (60, 2.000), (100, 1.984), (120, 1.980), (1000, 1.962)])
def test_t_quantile_matches_published_tables(df, expected):
    assert t_975(df) == pytest.approx(expected, abs=0.0005)


def test_t_quantile_for_many_people_is_the_normal_one():
    assert t_975(10**6) == pytest.approx(1.960, abs=0.002)


def test_t_quantile_needs_a_degree_of_freedom():
    with pytest.raises(ValueError):
        t_975(0)


def test_mean_change_and_interval_for_ten_people_worked_by_hand():
    # mean 5.5; sd 3.0277; se 0.9574; t(9) 2.262; 5.5 +- 2.166
    change = measure_change(list(range(1, 11)), measure="happiness", cohort="Everyone")
    assert change.n == 10 and not change.suppressed
    assert change.mean == pytest.approx(5.5, abs=0.0005)
    assert change.ci_low == pytest.approx(3.334, abs=0.0005)
    assert change.ci_high == pytest.approx(7.666, abs=0.0005)
    assert change.improved is True


def test_nine_people_give_no_figures_but_ten_do():
    nine = measure_change([1] * 9, measure="happiness", cohort="Wales")
    assert nine.suppressed and nine.reason == FEWER_THAN_10 == "fewer than 10 people"
    assert (nine.n, nine.mean, nine.ci_low, nine.ci_high) == (None, None, None, None)
    assert "not shown, fewer than 10 people" in nine.sentence
    assert not measure_change([1] * 10, measure="happiness", cohort="Wales").suppressed


def test_a_fall_in_anxiety_is_called_an_improvement_and_keeps_its_sign():
    anxiety = measure_change([-1, -2, -3, -4, -5, -6, -7, -8, -9, -10], measure="anxiety",
                             cohort="Everyone")
    assert anxiety.mean == pytest.approx(-5.5)
    assert anxiety.ci_low == pytest.approx(-7.666, abs=0.0005)
    assert anxiety.improved is True
    assert anxiety.sentence.startswith("Anxiety yesterday fell by 5.5 points on average "
                                       "among 10 people (a fall is better;")
    assert anxiety.sentence.endswith("This is an improvement.")


def test_a_rise_in_anxiety_is_a_worsening():
    anxiety = measure_change(list(range(1, 11)), measure="anxiety", cohort="Everyone")
    assert anxiety.improved is False and "This is a worsening." in anxiety.sentence


def test_an_interval_across_no_change_is_not_called_an_improvement():
    mixed = measure_change([-2, 2, -1, 1, 0, 3, -3, 1, -1, 1], measure="worthwhile",
                           cohort="Everyone")
    assert mixed.improved is None
    assert "We cannot be sure it changed" in mixed.sentence


def test_loneliness_counts_moves_toward_never_and_away():
    pairs = ([("often", "never")] * 4 + [("some", "occasionally")] * 2
             + [("never", "never")] * 3 + [("hardly_ever", "often")])
    lonely = loneliness_change(pairs, cohort="Everyone")
    assert (lonely.n, lonely.toward_never, lonely.same, lonely.away) == (10, 6, 3, 1)
    assert lonely.share_toward_never == pytest.approx(0.6)
    assert lonely.share_away == pytest.approx(0.1)
    assert lonely.sentence == ("Of 10 people, 6 felt lonely less often at their latest "
                               "check-in than at their first, 3 the same, and 1 more often.")
    nine = loneliness_change(pairs[:9], cohort="Everyone")
    assert nine.suppressed and nine.sentence == "Loneliness: not shown, fewer than 10 people."


def answers(score, loneliness="some"):
    return {"life_satisfaction": score, "worthwhile": score, "happiness": score,
            "anxiety": 10 - score, "loneliness": loneliness}


def people(count, cohort, *, start=0):
    return [OutcomeRow(("member", start + i), cohort, answers(4), answers(4 + i % 3, "never"))
            for i in range(count)]


def test_groups_are_worked_out_separately_and_small_ones_hidden():
    rows = people(12, "England") + people(11, "Scotland", start=100) + \
        people(9, "Wales", start=200) + people(2, NOT_KNOWN, start=300)
    report = outcome_report(rows, order=["England", "Scotland", "Wales"])
    assert report.everyone.n == 34 and not report.everyone.suppressed
    assert [c.cohort for c in report.cohorts] == ["England", "Scotland", "Wales", NOT_KNOWN]
    england, scotland, wales, unknown = report.cohorts
    assert england.measures[0].n == 12 and scotland.loneliness.toward_never == 11
    # The two small groups hold 11 people between them: only that sum could be worked
    # out, so the other groups show.
    assert wales.suppressed and unknown.suppressed and not scotland.suppressed
    assert all(m.reason == FEWER_THAN_10 for m in wales.measures)
    # A hidden group does not even say how many people it has.
    assert wales.n is None and unknown.n is None and wales.loneliness.n is None
    assert wales.loneliness.toward_never is None and wales.loneliness.share_away is None


def test_one_small_group_hides_the_next_smallest_so_it_cannot_be_worked_out():
    rows = people(12, "England") + people(11, "Scotland", start=100) + \
        people(9, "Wales", start=200)
    england, scotland, wales = outcome_report(rows, order=["England", "Scotland"]).cohorts
    assert wales.suppressed and wales.measures[0].reason == FEWER_THAN_10
    assert scotland.suppressed and scotland.measures[0].reason == HIDES_A_SMALL_GROUP
    assert not england.suppressed


def test_small_groups_holding_under_ten_between_them_hide_the_next_smallest_too():
    rows = people(12, "England") + people(11, "Scotland", start=100) + \
        people(10, "Wales", start=200) + people(4, "Elsewhere", start=300) + \
        people(3, NOT_KNOWN, start=400)
    report = outcome_report(rows, order=["England", "Scotland", "Wales", "Elsewhere"])
    shown = [c.cohort for c in report.cohorts if not c.suppressed]
    assert shown == ["England", "Scotland"]
    wales = report.cohorts[2]
    assert wales.measures[0].reason == HIDES_A_SMALL_GROUP


def test_better_on_average_follows_the_measure_direction():
    assert measure_change([-1] * 10, measure="anxiety", cohort="x").is_better_on_average
    assert not measure_change([-1] * 10, measure="happiness", cohort="x").is_better_on_average
    assert measure_change([0] * 10, measure="happiness", cohort="x").is_better_on_average is None


def test_csv_has_the_figures_and_says_why_small_groups_are_missing():
    rows = people(10, "England") + people(3, "=HYPERLINK(\"http://x\")", start=100)
    report = outcome_report(rows, order=["England"])
    table = csv_rows(report)
    assert all(len(row) == len(CSV_COLUMNS) for row in table)
    happiness = [row for row in table if row[0] == "Happiness yesterday"]
    everyone = happiness[0]
    assert everyone[:3] == ["Happiness yesterday", "Everyone", "13"]
    assert float(everyone[3]) == pytest.approx(sum(i % 3 for i in range(10)) / 13 +
                                               sum(i % 3 for i in range(3)) / 13, abs=0.005)
    anxiety_everyone = next(row for row in table if row[0] == "Anxiety yesterday")
    assert anxiety_everyone[3].startswith("-")  # a negative number stays a number
    hidden = next(row for row in happiness if row[1].startswith("'="))
    assert hidden[2:] == ["suppressed: fewer than 10 people"] + [""] * 6
    lonely = next(row for row in table if row[:2] == ["Loneliness", "England"])
    # England is hidden too: otherwise Everyone minus England would give the small group.
    assert lonely[2] == f"suppressed: {HIDES_A_SMALL_GROUP}"
    written = io.StringIO()
    csv.writer(written).writerows([CSV_COLUMNS, *table])
    assert "suppressed: fewer than 10 people" in written.getvalue()


@pytest.mark.parametrize(("cell", "written"), [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"),
    ("\tx", "'\tx"), ("-1.50", "-1.50"), ("3", "3"), (7, "7"), (None, ""), ("Wales", "Wales")])
def test_csv_cells_never_start_a_formula(cell, written):
    assert csv_cell(cell) == written
