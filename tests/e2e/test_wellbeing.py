"""A member opts in to wellbeing check-ins, answers one with the keyboard-free plain form, and
sees their answers on a chart."""

import random
import string

import pytest

from tests.e2e.conftest import log_in, on_site
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

NEW_MEMBER = """
import json
from community.models import User
User.objects.create_user(username="{name}", email="{name}@example.org",
                         password="peer-support-demo")
print(json.dumps({{"name": "{name}"}}))
"""

ANSWERS = {
    "Overall, how satisfied are you with your life nowadays?": "6",
    "Overall, to what extent do you feel that the things you do in your life are worthwhile?":
        "7",
    "Overall, how happy did you feel yesterday?": "5",
    "Overall, how anxious did you feel yesterday?": "4",
}


@pytest.fixture
def newcomer(site_url, _e2e_database_url) -> str:
    name = "wb" + "".join(random.choices(string.ascii_lowercase, k=6))
    return on_site(_e2e_database_url, NEW_MEMBER.format(name=name))["name"]


def test_a_member_opts_in_answers_and_sees_their_chart(page, site_url, newcomer):
    log_in(page, site_url, newcomer)
    page.goto(site_url + "/")
    page.get_by_role("link", name="Read about wellbeing check-ins").click()
    expect(page.get_by_role("heading", name="Who sees your answers")).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("button", name="Yes, I'd like to take part").click()

    expect(page.get_by_role("heading", name="Your check-in", exact=True)).to_be_visible()
    # Leaving a question out keeps the other answers and says which one is missing.
    for question, answer in ANSWERS.items():
        if "anxious" not in question:
            page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    page.get_by_role("group", name="How often do you feel lonely?").get_by_label(
        "Hardly ever").check()
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Please choose a number from 0 to 10 for how anxious you felt yesterday.")
    expect(page.get_by_role("group", name=next(iter(ANSWERS))).get_by_label(
        "6", exact=True)).to_be_checked()
    assert_no_violations(page)
    page.get_by_role("group", name="Overall, how anxious did you feel yesterday?").get_by_label(
        "4", exact=True).check()
    page.get_by_role("button", name="Save my answers").click()

    expect(page.get_by_text("Thank you. Your answers are saved.")).to_be_visible()
    chart = page.get_by_role("img", name="Life satisfaction: your answers")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= page.viewport_size["width"]
    expect(page.get_by_role("table", name="All your answers")).to_contain_text("Hardly ever")
    assert_no_violations(page)
