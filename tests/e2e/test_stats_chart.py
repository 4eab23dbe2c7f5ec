"""A moderator reads how waits changed week by week on the safety figures page."""

import pytest

from tests.e2e.conftest import on_site
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

WEEKS = 8
# Items in the site's own database a few weeks back, with the moments a moderator first looked
# and resolved them; the third and fifth weeks have none (gaps in the lines).
ITEMS_OVER_WEEKS = """
import json
from datetime import datetime, time, timedelta
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from moderation.models import QueueItem
first_day = timezone.localdate() - timedelta(weeks={weeks})
for week in range({weeks}):
    if week in (2, 4):
        continue
    for priority, looked, resolved in (("urgent", 6 + week, 40 + 5 * week),
                                       ("high", 45 - 3 * week, 300),
                                       ("normal", 200 + 20 * week, None)):
        opened = timezone.make_aware(datetime.combine(first_day + timedelta(weeks=week, days=1),
                                                      time(10)))
        made = QueueItem.objects.create(
            content_type=ContentType.objects.get_for_model(QueueItem), object_id=900 + week,
            source=QueueItem.Source.REPORT, priority=priority, reason="chart test")
        QueueItem.objects.filter(pk=made.pk).update(
            created_at=opened, first_looked_at=opened + timedelta(minutes=looked),
            resolved_at=opened + timedelta(minutes=resolved) if resolved else None,
            status="resolved" if resolved else "claimed")
print(json.dumps({{"start": first_day.isoformat(),
                  "end": (timezone.localdate() - timedelta(days=1)).isoformat()}}))
"""


@pytest.fixture
def period(_e2e_database_url) -> dict:
    return on_site(_e2e_database_url, ITEMS_OVER_WEEKS.format(weeks=WEEKS))


def test_a_moderator_sees_waits_week_by_week_as_charts_and_tables(
        moderator_page, site_url, period):
    page = moderator_page
    page.goto(f"{site_url}/moderation/stats/")
    page.get_by_label("From").fill(period["start"])
    page.get_by_label("To (including this day)").fill(period["end"])
    page.get_by_role("button", name="Show figures").click()

    chart = page.get_by_role(
        "img", name="Time until a moderator first looked, week by week: half within")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box["width"] <= page.viewport_size["width"]  # fits a phone without scrolling
    legend = page.locator("#first-look-chart .chart-legend li")
    expect(legend).to_have_text(["Urgent", "High", "Normal"])
    expect(page.get_by_role(
        "img", name="Time until resolved, week by week: half within")).to_be_visible()
    weekly = page.get_by_role("table", name="Time until a moderator first looked, week by week")
    expect(weekly.get_by_role("row")).to_have_count(WEEKS + 1)
    expect(weekly).to_contain_text("no items")
    assert_no_violations(page)
