"""Acting on one chat message in the browser: reporting with no reason chosen for you,
a moderator hiding from the Moderate menu through a real dialog from the keyboard, deleting
your own message."""

import re
import uuid

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.test_accessibility import assert_no_violations
from tests.e2e.test_chat import ROOM, send_and_see

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}
# How the site writes a time of day: "2:05pm", "6pm", "midday", "midnight".
CLOCK = re.compile(r"^(\d{1,2}(:\d\d)?(am|pm)|midday|midnight)$")


def words(start: str) -> str:
    return f"{start} {uuid.uuid4().hex[:6]}"


def enter(page, site_url: str) -> None:
    """Into the room, once its socket is open and Send works."""
    page.goto(site_url + ROOM)
    expect(page.get_by_role("button", name="Send")).to_be_enabled()


def test_a_report_starts_with_no_reason_chosen_and_takes_a_note(browser, page, site_url):
    other = browser.new_context(**PHONE)
    try:
        jo = log_in(other.new_page(), site_url, "jo")
        enter(jo, site_url)
        said = words("Buy my course now")
        send_and_see(jo, said)

        alex = log_in(page, site_url, "alex")
        enter(alex, site_url)
        message = alex.locator(".chat-message", has_text=said)
        message.get_by_role("button", name="Report").click()
        form = message.locator("form.chat-report")
        expect(form.get_by_role("radio", name="Someone may be at risk")).to_be_focused()
        expect(form.get_by_role("radio", checked=True)).to_have_count(0)
        assert_no_violations(alex)

        form.get_by_label("Anything else a moderator should know? (optional)").fill(
            "Third advert tonight")
        form.get_by_role("button", name="Send report").click()
        expect(form).to_contain_text("Please choose what the problem is.")
        expect(form.get_by_label("Anything else a moderator should know? (optional)")
               ).to_have_value("Third advert tonight")

        form.get_by_label("Advertising or spam").check()
        form.get_by_role("button", name="Send report").click()
        expect(form).to_have_count(0)
        expect(alex.locator("[data-chat-alerts]")).to_contain_text("A moderator will look at it")
        # Your own messages offer Delete, never Report.
        mine = jo.locator(".chat-message", has_text=said)
        expect(mine.get_by_role("button", name="Report")).to_have_count(0)
        expect(mine.get_by_role("button", name="Delete")).to_be_visible()
    finally:
        other.close()


def test_a_moderator_hides_a_message_from_its_menu_from_the_keyboard(browser, page, site_url):
    alex = log_in(page, site_url, "alex")
    enter(alex, site_url)
    said = words("Something unkind")
    send_and_see(alex, said)
    expect(alex.locator(".chat-message", has_text=said).locator("time")).to_have_text(CLOCK)

    other = browser.new_context(**PHONE)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        enter(mo, site_url)
        message = mo.locator(".chat-message", has_text=said)
        menu = message.locator(".chat-message__actions summary", has_text="Moderate")
        hide = message.get_by_role("button", name="Hide the chat message by alex")

        menu.focus()
        mo.keyboard.press("Enter")
        expect(message.get_by_role("link", name="Warn, mute, suspend or ban alex")
               ).to_have_attribute("href", "/moderation/members/alex/#sanction")
        mo.keyboard.press("Tab")
        expect(hide).to_be_focused()
        mo.keyboard.press("Enter")
        dialog = mo.get_by_role("dialog", name="Hide the message from alex?")
        reason = dialog.get_by_label("Reason, shown to alex")
        expect(reason).to_be_focused()
        assert_no_violations(mo)
        mo.keyboard.press("Escape")  # changed their mind: nothing happens
        expect(dialog).to_have_count(0)
        expect(hide).to_be_focused()
        expect(message).to_be_visible()

        mo.keyboard.press("Enter")
        mo.keyboard.press("Tab")
        expect(dialog.get_by_role("button", name="Hide for everyone")).to_be_focused()
        mo.keyboard.press("Enter")  # no reason yet: the dialog stays and says why
        expect(dialog).to_contain_text("Give a reason: the member will see it.")
        expect(reason).to_be_focused()
        mo.keyboard.type("Unkind to another member")
        mo.keyboard.press("Tab")
        mo.keyboard.press("Enter")

        expect(message).to_have_count(0)
        expect(alex.locator(".chat-message", has_text=said)).to_have_count(0)
    finally:
        other.close()


def test_a_member_deletes_their_own_message_for_everyone(browser, page, site_url):
    sam = log_in(page, site_url, "sam")
    enter(sam, site_url)
    said = words("Oops, wrong room")
    send_and_see(sam, said)

    other = browser.new_context(**PHONE)
    try:
        jo = log_in(other.new_page(), site_url, "jo")
        enter(jo, site_url)
        expect(jo.locator(".chat-message", has_text=said)).to_be_visible()

        sam.locator(".chat-message", has_text=said).get_by_role("button", name="Delete").click()
        dialog = sam.get_by_role("dialog", name="Delete your message?")
        dialog.get_by_role("button", name="Delete it").click()

        expect(sam.locator(".chat-message", has_text=said)).to_have_count(0)
        expect(jo.locator(".chat-message", has_text=said)).to_have_count(0)
        jo.reload()
        expect(jo.locator(".chat-message", has_text=said)).to_have_count(0)
    finally:
        other.close()


def test_without_javascript_a_member_deletes_and_reports_from_plain_forms(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        jo = log_in(context.new_page(), site_url, "jo")
        enter(jo, site_url)
        said = words("Posted by mistake")
        jo.get_by_label("Your message").fill(said)
        jo.get_by_role("button", name="Send").click()
        mine = jo.locator(".chat-message", has_text=said)
        mine.get_by_role("button", name="Delete").click()
        expect(jo.get_by_text("Your message is deleted")).to_be_visible()
        expect(jo.locator(".chat-message", has_text=said)).to_have_count(0)

        jo.locator('.chat-message:not([data-author="jo"])').first.get_by_role(
            "link", name="Report").click()
        expect(jo.get_by_role("heading", level=1)).to_have_text("Report")
        expect(jo.get_by_role("radio", checked=True)).to_have_count(0)
    finally:
        context.close()


@pytest.mark.parametrize("status", ["Read-only", "Closed"])
def test_a_room_that_takes_no_messages_says_why_beside_a_disabled_box(browser, page, site_url,
                                                                       status):
    mo = log_in(page, site_url, "mo")
    mo.goto(site_url + "/chat/dementia-friends/")
    set_status(mo, status)
    other = browser.new_context(**PHONE)
    try:
        jo = log_in(other.new_page(), site_url, "jo")
        jo.goto(site_url + "/chat/dementia-friends/")
        expect(jo.get_by_label("Your message")).to_be_disabled()
        expect(jo.get_by_role("button", name="Send")).to_be_disabled()
        expect(jo.locator("#chat-closed")).to_contain_text(status.lower())
        assert_no_violations(jo)
        jo.goto(site_url + "/chat/")
        expect(jo.locator(".room-card", has_text="Dementia friends")).to_contain_text(
            status.lower())
    finally:
        other.close()
        set_status(mo, "Open")


def set_status(page, status: str) -> None:
    page.get_by_role("radio", name=status, exact=True).check()
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_text(f"The room is now {status.lower()}.")).to_be_visible()
