"""The administrators' outcome page and its CSV: who may see them, the grouping, charts with
tables, hidden small groups that never show how many people they hold, and a fixed number
of queries."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory
from wellbeing.models import CheckIn
from wellbeing.outcomes import CSV_COLUMNS

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 5, 10, tzinfo=UTC)
URL = "/wellbeing/outcomes/"
CSV_URL = "/wellbeing/outcomes.csv"


def respondent(name, *, first, latest, nation="england", loneliness=("often", "never")):
    user = UserFactory(username=name)
    user.member.nation = nation
    user.member.save()
    for days, score, lonely in ((0, first, loneliness[0]), (28, latest, loneliness[1])):
        CheckIn.objects.create(
            member=user, recorded_at=START + timedelta(days=days), life_satisfaction=score,
            worthwhile=score, happiness=score, anxiety=10 - score, loneliness=lonely)
    return user


def people(count, *, nation="england", prefix=None, changes_by=2):
    for i in range(count):
        respondent(f"{prefix or nation}{i}", first=4, latest=4 + changes_by - i % 2 * 2,
                   nation=nation)


@pytest.fixture
def nations():
    """England 12 and Wales 11 are shown; Scotland's 3 people are hidden, and Wales with
    them, so that Scotland cannot be worked out from everyone minus England."""
    people(12, nation="england")
    people(11, nation="wales")
    people(3, nation="scotland")


def text(response):
    return response.content.decode()


def test_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(CSV_URL).status_code == 302


@pytest.mark.parametrize("who", ["member", "moderator"])
def test_members_and_moderators_get_the_sites_refusal(client, who, request):
    client.force_login(request.getfixturevalue(who))
    for url in (URL, CSV_URL):
        response = client.get(url)
        assert response.status_code == 403
        assert "for administrators only" in text(response)
        assert "You can't do that here" in text(response)


def test_administrator_sees_a_chart_a_table_and_the_sentence_for_each_measure(
        client, admin_user):
    people(12)
    client.force_login(admin_user)
    response = client.get(URL)
    assert response.status_code == 200
    page = text(response)
    for name in ("Life satisfaction", "Things you do are worthwhile", "Happiness yesterday",
                 "Anxiety yesterday"):
        assert f"{name}: average change</title>" in page
        assert f"{name}: average change by group</caption>" in page
    assert "Happiness yesterday rose by 1.0 points on average among 12 people" in page
    assert "Of 12 people, 12 felt lonely less often" in page
    assert "How to read these figures" in page
    assert "There is no comparison group" in page
    assert 'href="/wellbeing/outcomes.csv?by=everyone"' in page


def test_administrators_find_the_page_from_the_moderation_workspace(client, admin_user,
                                                                    moderator):
    client.force_login(admin_user)
    assert 'href="/wellbeing/outcomes/"' in text(client.get("/moderation/stats/"))
    client.force_login(moderator)
    assert 'href="/wellbeing/outcomes/"' not in text(client.get("/moderation/stats/"))


def test_by_nation_hides_small_groups_without_their_numbers(client, admin_user, nations):
    client.force_login(admin_user)
    page = text(client.get(URL, {"by": "nation"}))
    assert "hidden: fewer than 10 people" in page
    assert "hidden: to protect a smaller group" in page  # Wales, in the chart
    assert "Scotland: hidden, fewer than 10 people." in page  # the chart's description
    assert "26 people answered" in page and "among 26 people" in page
    assert "<td>12</td>" in page  # England
    # Neither Scotland's 3 nor Wales's 11 appears anywhere as a figure.
    assert ">3<" not in page and ">11<" not in page
    assert "among 11" not in page and "among 3" not in page and "Of 11" not in page


def test_everyone_hidden_below_ten_people(client, admin_user):
    people(9)
    client.force_login(admin_user)
    page = text(client.get(URL))
    assert "fewer than 10 people answered at least two check-ins" in page
    assert "Everyone: hidden, fewer than 10 people." in page
    assert ">9<" not in page and "9 people" not in page


@pytest.mark.parametrize("by", ["month_joined", "nation", "everyone"])
def test_each_grouping_is_offered_and_shown(client, admin_user, by):
    people(10)
    client.force_login(admin_user)
    response = client.get(URL, {"by": by})
    assert response.status_code == 200
    assert f'value="{by}" ' in text(response) and "checked" in text(response)
    assert f'outcomes.csv?by={by}"' in text(response)


@pytest.mark.parametrize("bad", ["cohort", "<script>", ""])
def test_a_wrong_grouping_gets_a_plain_message_and_everyones_figures(client, admin_user, bad):
    people(10)
    client.force_login(admin_user)
    response = client.get(URL, {"by": bad})
    assert response.status_code == 200
    page = text(response)
    assert "Choose everyone, nation or month joined." in page
    assert "<script>" not in page.split("<main", 1)[1]
    assert 'outcomes.csv?by=everyone"' in page


def test_csv_download_has_the_columns_rows_and_a_file_name(client, admin_user, nations):
    client.force_login(admin_user)
    response = client.get(CSV_URL, {"by": "nation"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == \
        'attachment; filename="wellbeing-outcomes-nation.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == CSV_COLUMNS
    happiness = {row[1]: row for row in rows[1:] if row[0] == "Happiness yesterday"}
    assert happiness["Everyone"][2] == "26"
    assert happiness["England"][2] == "12" and happiness["England"][3] == "1.00"
    assert happiness["Scotland"][2] == "suppressed: fewer than 10 people"
    assert happiness["Scotland"][3:] == [""] * 6
    assert happiness["Wales"][2].startswith("suppressed: hidden so that")
    anxiety = {row[1]: row for row in rows[1:] if row[0] == "Anxiety yesterday"}
    assert anxiety["England"][3] == "-1.00"  # a negative number stays a number


def test_csv_with_a_wrong_grouping_is_refused_plainly(client, admin_user):
    client.force_login(admin_user)
    response = client.get(CSV_URL, {"by": "=cmd()"})
    assert response.status_code == 400
    assert "Choose how to group the figures" in text(response)


@pytest.mark.parametrize("by", ["everyone", "nation", "month_joined"])
def test_page_takes_the_same_number_of_queries_at_two_sizes(client, admin_user, by):
    client.force_login(admin_user)
    people(10, nation="england", prefix="a")
    client.get(URL, {"by": by})  # warm the session and role caches alike
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL, {"by": by}).status_code == 200
    people(30, nation="wales", prefix="b")
    people(4, nation="scotland", prefix="c")
    with CaptureQueriesContext(connection) as large:
        assert client.get(URL, {"by": by}).status_code == 200
    assert len(large) == len(small)
    with CaptureQueriesContext(connection) as download:
        client.get(CSV_URL, {"by": by})
    assert len(download) <= len(small)


def test_page_and_csv_work_before_anyone_has_answered(client, admin_user):
    client.force_login(admin_user)
    page = text(client.get(URL, {"by": "month_joined"}))
    assert "fewer than 10 people answered at least two check-ins" in page
    assert "Everyone: hidden, fewer than 10 people." in page
    rows = list(csv.reader(io.StringIO(client.get(CSV_URL).content.decode())))
    assert rows[1][:3] == ["Life satisfaction", "Everyone", "suppressed: fewer than 10 people"]
