"""A member responds to a post in a real browser: reacting, and a report form with errors."""

import pytest

from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect


def test_member_sends_support_and_takes_it_back(signed_in_page, site_url):
    page = signed_in_page
    page.goto(site_url + "/forums/posts/1/")
    support = page.locator("#post-1").get_by_role("button", name="Sending support")

    support.click()

    expect(support).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_url(f"{site_url}/forums/news-from-the-team/1/#post-1")
    assert_no_violations(page)
    support.click()
    expect(support).to_have_attribute("aria-pressed", "false")


def test_report_form_with_errors_is_accessible(signed_in_page, site_url):
    page = signed_in_page
    page.goto(site_url + "/forums/posts/1/")
    page.locator("#post-1").get_by_role("link", name="Report").click()
    page.get_by_label("Anything else a moderator should know?").fill("Checking the form")

    page.get_by_role("button", name="Send report").click()

    expect(page.get_by_role("alert")).to_contain_text("Please choose what the problem is.")
    expect(page.get_by_label("Anything else a moderator should know?")).to_have_value(
        "Checking the form")
    expect(page.get_by_role("group", name="What is the problem?")).to_be_visible()
    assert_no_violations(page)
