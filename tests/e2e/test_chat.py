"""Two members in a chat room: a message arrives live, a moderator removes it for everyone."""

import re
import uuid

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

# Always open (no drop-in hours), so the journey does not depend on the time of day.
ROOM = "/chat/carers-cuppa/"


def test_a_message_arrives_live_and_a_moderator_removes_it(browser, page, site_url):
    alex = log_in(page, site_url, "alex")
    alex.goto(site_url + ROOM)
    expect(alex.get_by_role("heading", name="Carers' cuppa")).to_be_visible()
    expect(alex.get_by_role("button", name="Send")).to_be_enabled()
    assert_no_violations(alex)

    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        mo.goto(site_url + ROOM)
        expect(mo.get_by_role("button", name="Send")).to_be_enabled()
        expect(alex.locator("[data-chat-presence]")).to_contain_text("mo")

        words = f"<b>Hello</b> from the browser {uuid.uuid4().hex[:6]}"
        alex.get_by_label("Your message").fill(words)
        alex.get_by_role("button", name="Send").click()

        seen = mo.locator(".chat-message", has_text=words)
        expect(seen).to_be_visible()
        expect(alex.locator(".chat-message", has_text=words)).to_be_visible()
        remove_with_reason(mo, seen, "Testing removal")
        expect(alex.locator(".chat-message", has_text=words)).to_have_count(0)
        expect(seen).to_have_count(0)
    finally:
        other.close()


def test_a_screen_that_reconnects_drops_what_was_removed_meanwhile(browser, page, site_url):
    links, is_cut_off = [], []

    def through(route):
        # While cut off, every reconnection fails, as when a phone loses its signal.
        if is_cut_off:
            route.close(code=1011)
        else:
            links.append((route, route.connect_to_server()))

    alex = log_in(page, site_url, "alex")
    alex.route_web_socket(re.compile(r"/ws/chat/"), through)
    alex.goto(site_url + ROOM)
    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        mo.goto(site_url + ROOM)
        unkind, later = (f"{words} {uuid.uuid4().hex[:6]}" for words in ("Unkind", "Later"))
        send_and_see(mo, unkind)
        expect(alex.locator(".chat-message", has_text=unkind)).to_be_visible()

        is_cut_off.append(True)
        for route, server in links:
            route.close()
            server.close()
        # Its writer deletes it: a screen that was away drops it as it drops a removal.
        mo.locator(".chat-message", has_text=unkind).get_by_role("button", name="Delete").click()
        mo.get_by_role("dialog").get_by_role("button", name="Delete it").click()
        expect(mo.locator(".chat-message", has_text=unkind)).to_have_count(0)
        send_and_see(mo, later)
        is_cut_off.clear()

        expect(alex.locator(".chat-message", has_text=later)).to_be_visible(timeout=20_000)
        expect(alex.locator(".chat-message", has_text=unkind)).to_have_count(0)
    finally:
        other.close()


def remove_with_reason(page, message, reason: str) -> None:
    """A moderator removes a message through its dialog."""
    message.get_by_role("button", name="Remove").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Why remove it? The member is told").fill(reason)
    dialog.get_by_role("button", name="Remove for everyone").click()


def send_and_see(page, words: str) -> None:
    page.get_by_label("Your message").fill(words)
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".chat-message", has_text=words)).to_be_visible()


def test_visitors_are_asked_to_log_in(page, site_url):
    page.goto(site_url + ROOM)

    expect(page.get_by_role("link", name="Log in to join the room")).to_be_visible()


def test_crisis_words_bring_help_to_the_sender_and_an_alert_to_moderators(browser, page,
                                                                          site_url):
    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        mo.goto(site_url + "/moderation/")
        expect(mo.get_by_text("Live alerts are on")).to_be_visible()

        sam = log_in(page, site_url, "sam")
        sam.goto(site_url + ROOM)
        expect(sam.get_by_role("button", name="Send")).to_be_enabled()
        sam.get_by_label("Your message").fill(
            f"I can't do this any more, I want to die tonight {uuid.uuid4().hex[:6]}")
        sam.get_by_role("button", name="Send").click()

        card = sam.locator(".chat-signpost")
        expect(card).to_be_visible()
        expect(card).to_contain_text("Samaritans")
        expect(mo.get_by_text("New urgent item")).to_be_visible()
    finally:
        other.close()


def test_a_refused_message_stays_in_the_box_with_the_reason(page, site_url):
    jo = log_in(page, site_url, "jo")
    jo.goto(site_url + ROOM)
    send = jo.get_by_role("button", name="Send")
    expect(send).to_be_enabled()
    words = f"honestly just kys {uuid.uuid4().hex[:6]}"

    jo.get_by_label("Your message").fill(words)
    send.click()

    expect(jo.locator("[data-chat-alerts]")).to_contain_text("not allowed here")
    expect(jo.get_by_label("Your message")).to_have_value(words)
    expect(send).to_be_enabled()
    expect(jo.locator(".chat-message", has_text=words)).to_have_count(0)


def test_without_javascript_a_message_is_sent_from_the_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        alex = log_in(context.new_page(), site_url, "alex")
        alex.goto(site_url + ROOM)
        words = f"Evening all, from a plain form {uuid.uuid4().hex[:6]}"

        alex.get_by_label("Your message").fill(words)
        alex.get_by_role("button", name="Send").click()

        expect(alex.locator(".chat-message", has_text=words)).to_be_visible()
        expect(alex.get_by_label("Your message")).to_have_value("")
    finally:
        context.close()
