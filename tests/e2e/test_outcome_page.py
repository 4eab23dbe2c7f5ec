"""An administrator reads the wellbeing outcome figures: a chart per question, and a small
group hidden without its number of people."""

import random
import string

import pytest

from tests.e2e.conftest import log_in, on_site
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

# People in England and Wales with two check-ins each, and three in Scotland: too few to show.
CHECK_INS = """
from datetime import timedelta
from django.utils import timezone
from community.models import User
from wellbeing.models import CheckIn
start = timezone.now() - timedelta(days=60)
for nation, count in (("england", 14), ("wales", 12), ("scotland", 3)):
    for i in range(count):
        user = User.objects.create_user(username=f"{tag}{nation}{i}", password="x-x-x-x-x-x")
        user.member.nation = nation
        user.member.save()
        for days, score in ((0, 3 + i % 3), (28, 5 + i % 4)):
            CheckIn.objects.create(member=user, recorded_at=start + timedelta(days=days),
                                   life_satisfaction=score, worthwhile=score, happiness=score,
                                   anxiety=10 - score, loneliness="some")
"""


@pytest.fixture
def check_ins(_e2e_database_url):
    tag = "".join(random.choices(string.ascii_lowercase, k=6))
    on_site(_e2e_database_url, f"tag = {tag!r}\n" + CHECK_INS)


def test_an_administrator_sees_charts_and_a_hidden_small_group(page, site_url, check_ins):
    admin = log_in(page, site_url, "admin")
    admin.goto(f"{site_url}/moderation/stats/")
    admin.get_by_role("link", name="Wellbeing outcomes").click()
    admin.get_by_role("radio", name="Nation").check()
    admin.get_by_role("button", name="Show figures").click()

    chart = admin.get_by_role("img", name="Happiness yesterday: average change")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= admin.viewport_size["width"]
    # Drawn as a row with no dot, and said in the chart's description.
    expect(admin.locator("#happiness-chart .chart__row--hidden").first).to_have_text(
        "Scotlandhidden: fewer than 10 people")
    expect(admin.locator("#happiness-chart desc")).to_contain_text(
        "Scotland: hidden, fewer than 10 people.")
    table = admin.get_by_role("table", name="Happiness yesterday: average change by group")
    scotland = table.get_by_role("row", name="Scotland")
    expect(scotland).to_contain_text("hidden: fewer than 10 people")
    expect(scotland).not_to_contain_text("3")
    expect(admin.get_by_role("link", name="Download as CSV")).to_have_attribute(
        "href", "/wellbeing/outcomes.csv?by=nation")
    assert_no_violations(admin)
