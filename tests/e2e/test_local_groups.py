"""A member finds a local peer support group by postcode district, with JavaScript off."""

import pytest

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e
sync_axe = pytest.importorskip(
    "axe_playwright_python.sync_playwright", reason="pip install -e '.[e2e]'"
)
expect = pytest.importorskip("playwright.sync_api").expect

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                          "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_member_finds_a_local_group_by_postcode_district_without_javascript(
        page_without_javascript, site_url):
    page = log_in(page_without_javascript, site_url, "sam")
    page.goto(site_url + "/help/")
    page.get_by_role("link", name="Find a local or online peer support group").click()
    page.get_by_label("Postcode district").fill("ls6 3qs")
    page.get_by_role("button", name="Find groups").click()

    expect(page.get_by_role("heading", level=2, name="2 groups found near LS6")).to_be_visible()
    found = page.locator(".group-card h3")
    expect(found).to_have_text(["Example entry: Headingley Tuesday Talk",
                                "Example entry: Leeds City Carers Circle"])
    expect(page.get_by_text("Example entry: not a real group").first).to_be_visible()
    # The map's Yorkshire box counts the region's groups and leads to their list.
    page.get_by_role("link", name="Yorkshire and the Humber 2 groups").click()
    expect(page.get_by_role("heading", level=2,
                            name="2 groups found in Yorkshire and the Humber")).to_be_visible()
    page.get_by_role("link", name="Example entry: Headingley Tuesday Talk").click()
    expect(page.get_by_text("Tuesdays, 6pm to 8pm")).to_be_visible()
    expect(page.get_by_text("Example entry: this is demo data")).to_be_visible()


@pytest.mark.parametrize("path", ["/groups/", "/groups/?postcode=LS6&topic=carers",
                                  "/groups/?postcode=Leeds!", "/groups/1/"])
def test_local_groups_pages_have_no_accessibility_violations(page, site_url, path):
    page.goto(site_url + path)
    results = sync_axe.Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
