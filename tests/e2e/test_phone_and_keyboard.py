"""On a phone (390 by 844) the header is short with "Get help now" in its first row, the
999 line is on the first screen of /help/, thread pages skip to the reply box, and staff
badges show in the forums and live in chat."""

import uuid

import pytest

from tests.e2e.conftest import log_in, on_site
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

PHONE = {"width": 390, "height": 844}
MAX_HEADER = 120
# A thread alex starts and edits, for the pages only its starter and writer reach.
ALEX_THREAD = """
import json
from community.models import User
from community.ratelimits import waived
from forums.models import Category
from forums.services import post_edit, thread_create
alex = User.objects.get(username="alex")
with waived():
    thread = thread_create(author=alex, category=Category.objects.get(
        slug="anxiety-and-low-mood"), title="Evenings {tag}", body="First words {tag}").post.thread
    post = thread.posts.get()
    post_edit(post=post, editor=alex, body="Second words {tag}")
print(json.dumps({{"thread": thread.get_absolute_url(), "post": post.pk,
                  "title": f"{{thread.get_absolute_url()}}title/"}}))
"""


def header_fits(page) -> None:
    header = page.get_by_role("banner").bounding_box()
    assert header["height"] <= MAX_HEADER, f"{page.url}: header {header['height']}px tall"
    help_now = page.get_by_role("banner").get_by_role("link", name="Get help now")
    expect(help_now).to_be_visible()
    box = help_now.bounding_box()
    assert box["y"] + box["height"] <= header["height"] and box["x"] + box["width"] <= PHONE[
        "width"]
    # First in the header after the site's name: nothing else to pass to reach it.
    names = page.get_by_role("banner").get_by_role("link").all_inner_texts()
    assert names.index("Get help now") == 1, names
    # The menus scroll inside their row: the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", ["/", "/help/", "/forums/", "/forums/anxiety-and-low-mood/",
                                  "/chat/"])
def test_the_header_is_short_on_a_phone_with_help_first(page, site_url, path):
    page.goto(site_url + path)

    header_fits(page)


def test_a_members_header_is_short_too(signed_in_page, site_url):
    signed_in_page.goto(site_url + "/conversations/")

    header_fits(signed_in_page)
    # The account menu scrolls into view from the keyboard.
    log_out = signed_in_page.get_by_role("button", name="Log out")
    log_out.focus()
    expect(log_out).to_be_in_viewport()


def test_call_999_is_on_the_first_screen_of_help_on_a_phone(page, site_url):
    page.goto(site_url + "/help/")

    call = page.get_by_role("link", name="Call 999")
    expect(call).to_be_visible()
    box = call.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], f"Call 999 ends at {box}"


def test_skip_to_reply_moves_focus_to_the_reply_box(signed_in_page, site_url,
                                                    _e2e_database_url):
    made = on_site(_e2e_database_url, ALEX_THREAD.format(tag=uuid.uuid4().hex[:6]))
    page = signed_in_page
    page.goto(site_url + made["thread"])

    page.keyboard.press("Tab")  # the site's own "Skip to main content"
    skip = page.get_by_role("link", name="Skip to reply")
    for _ in range(20):
        if skip.evaluate("link => link === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.get_by_label("Your message")).to_be_focused()
    expect(page.get_by_label("Your message")).to_be_in_viewport()


def test_the_pages_this_work_touched_pass_axe(signed_in_page, site_url, _e2e_database_url):
    made = on_site(_e2e_database_url, ALEX_THREAD.format(tag=uuid.uuid4().hex[:6]))
    page = signed_in_page
    for path in (made["thread"], made["title"], f"/forums/posts/{made['post']}/history/",
                 "/forums/search/?q=evenings"):
        page.goto(site_url + path)
        assert_no_violations(page)

    page.goto(site_url + made["title"])
    page.get_by_label("New title").fill("No")
    page.get_by_role("button", name="Save the title").click()
    expect(page.get_by_label("New title")).to_have_value("No")
    assert_no_violations(page)


def test_the_search_box_works_without_javascript(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "/forums/")
        page.get_by_role("searchbox", name="Search the forums").fill("sleep")
        page.get_by_role("searchbox", name="Search the forums").press("Enter")
        expect(page).to_have_url(site_url + "/forums/search/?q=sleep")
        expect(page.get_by_role("heading", name="Search the forums")).to_be_visible()
    finally:
        context.close()


def test_a_moderators_chat_message_arrives_with_its_badge(browser, page, site_url):
    alex = log_in(page, site_url, "alex")
    alex.goto(site_url + "/chat/carers-cuppa/")
    other = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        mo.goto(site_url + "/chat/carers-cuppa/")
        expect(alex.locator("[data-chat-presence]")).to_contain_text("mo")
        words = f"Evening everyone {uuid.uuid4().hex[:6]}"
        mo.get_by_label("Your message").fill(words)
        mo.get_by_role("button", name="Send").click()

        live = alex.locator(".chat-message", has_text=words)
        expect(live.locator(".badge")).to_have_text("Moderator")
        assert_no_violations(alex)
        alex.reload()
        expect(alex.locator(".chat-message", has_text=words).locator(".badge")).to_have_text(
            "Moderator")
    finally:
        other.close()
