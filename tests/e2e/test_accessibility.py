"""Every page passes axe-core's WCAG 2.2 AA rules and can be used from the keyboard."""

import pytest

from tests.e2e.conftest import on_site

pytestmark = pytest.mark.e2e
sync_axe = pytest.importorskip(
    "axe_playwright_python.sync_playwright", reason="pip install -e '.[e2e]'"
)
expect = pytest.importorskip("playwright.sync_api").expect

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
VISITOR_PAGES = ["/", "/help/", "/guidelines/", "/guidelines/easy-read/", "/accounts/signup/",
                 "/accounts/login/", "/accounts/password/reset/", "/accounts/password/reset/done/",
                 "/forums/", "/chat/",
                 "/forums/anxiety-and-low-mood/", "/forums/posts/1/"]
MEMBER_PAGES = ["/", "/members/alex/", "/members/me/edit/", "/members/jo/", "/members/me/warnings/",
                "/members/me/emails/", "/members/mo/", "/notifications/", "/members/me/blocked/",
                "/forums/posts/1/report/",
                "/forums/posts/1/reactions/", "/forums/", "/forums/anxiety-and-low-mood/",
                "/forums/posts/1/", "/forums/anxiety-and-low-mood/new/", "/chat/",
                "/chat/carers-cuppa/", "/chat/evening-drop-in/",
                "/chat/carers-cuppa/messages/4/report/", "/conversations/",
                "/accounts/password/change/", "/accounts/email/", "/accounts/logout/",
                "/wellbeing/take-part/easy-read/"]

# Item 1 is the demo's own: screening flagged one of the seeded posts.
MODERATOR_PAGES = ["/moderation/", "/moderation/?priority=urgent&status=nonsense",
                   "/moderation/items/1/", "/moderation/members/alex/", "/moderation/log/",
                   "/moderation/log/?member=nobody", "/chat/carers-cuppa/", "/conversations/",
                   "/conversations/with/alex/", "/conversations/with/alex/?opening=1",
                   "/help/"]


def assert_no_violations(page) -> None:
    results = sync_axe.Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


@pytest.mark.parametrize("path", VISITOR_PAGES)
def test_visitor_pages_have_no_accessibility_violations(page, site_url, path):
    page.goto(site_url + path)

    assert_no_violations(page)


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_member_pages_have_no_accessibility_violations(signed_in_page, site_url, path):
    signed_in_page.goto(site_url + path)

    assert_no_violations(signed_in_page)


@pytest.mark.parametrize("path", MODERATOR_PAGES)
def test_moderator_pages_have_no_accessibility_violations(moderator_page, site_url, path):
    moderator_page.goto(site_url + path)

    assert_no_violations(moderator_page)


def test_moderator_form_with_errors_has_no_accessibility_violations(moderator_page, site_url):
    moderator_page.goto(site_url + "/moderation/members/alex/")
    moderator_page.get_by_role("button", name="Give the sanction").click()

    expect(moderator_page.get_by_role("alert")).to_contain_text("Not done yet")
    assert_no_violations(moderator_page)


def test_form_with_errors_has_no_accessibility_violations(page, site_url):
    page.goto(site_url + "/accounts/signup/")
    page.get_by_role("button", name="Join").click()

    expect(page.get_by_role("alert")).to_contain_text("Please check")
    assert_no_violations(page)


def test_keyboard_user_skips_to_content_and_reaches_help_first(page, site_url):
    page.goto(site_url + "/guidelines/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    page.goto(site_url + "/guidelines/")
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(page.get_by_role("banner").get_by_role("link", name="Get help now")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "/help/")


def test_keyboard_user_joins_without_a_mouse(page, site_url):
    page.goto(site_url + "/accounts/signup/")
    page.get_by_label("Pseudonym").focus()

    page.keyboard.type("keyboardowl")
    page.keyboard.press("Tab")
    page.keyboard.type("keyboardowl@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("calm-river-stones-42")
    page.keyboard.press("Tab")
    page.keyboard.type("calm-river-stones-42")
    page.keyboard.press("Tab")  # nation: left as "I'd rather not say"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # tick the guidelines box
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_refused_private_message_has_no_accessibility_violations(moderator_page, site_url):
    moderator_page.goto(site_url + "/conversations/with/alex/")
    moderator_page.get_by_role("button", name="Send").click()

    expect(moderator_page.get_by_role("alert")).to_contain_text("Please check the 1 thing")
    assert_no_violations(moderator_page)


RENDER_NOT_FOUND = """
import json
from django.test import Client, override_settings
with override_settings(DEBUG=False):
    response = Client(HTTP_HOST="127.0.0.1").get("/no-such-page/")
print(json.dumps({"status": response.status_code, "html": response.content.decode()}))
"""


def test_the_missing_page_page_has_no_accessibility_violations(page, site_url,
                                                              _e2e_database_url):
    # The browser tests' server runs with DEBUG on, which shows Django's own 404 page: the
    # site's page is rendered as production would, then shown on the site for its stylesheet.
    rendered = on_site(_e2e_database_url, RENDER_NOT_FOUND)
    assert rendered["status"] == 404
    page.goto(site_url + "/help/")
    page.set_content(rendered["html"])

    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    assert_no_violations(page)
