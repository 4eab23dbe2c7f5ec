"""A member reports a post as a risk; a moderator in another browser hides it, mutes the writer."""

import re

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

def test_member_reports_a_risk_and_a_moderator_hides_it_and_mutes_the_writer(
        browser, page, site_url, written):
    name, body, post_id = written

    log_in(page, site_url, "alex")
    page.goto(f"{site_url}/forums/posts/{post_id}/")
    page.locator("article.post", has_text=body).get_by_role(
        "link", name=re.compile(r"^Report")).click()
    page.get_by_label("Someone may be at risk").check()
    page.get_by_label("Anything else a moderator should know? (optional)").fill(
        "They sound very low tonight")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")

    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        mo.get_by_role("navigation", name="Main").get_by_role("link", name="Moderation").click()
        expect(mo.get_by_role("heading", level=1)).to_have_text("Moderation queue")
        entry = mo.locator("li.queue-item", has_text=f"post by {name}")
        expect(entry.get_by_role("heading")).to_contain_text("Urgent")
        expect(entry).to_contain_text("Someone may be at risk, from alex")
        # The words wait behind a summary until the moderator chooses to read them.
        expect(entry.get_by_text(body)).to_be_hidden()
        entry.locator("summary").click()
        expect(entry.get_by_text(body)).to_be_visible()
        assert_no_violations(mo)

        entry.get_by_role("heading").get_by_role("link").click()
        item_url = mo.url
        mo.get_by_role("button", name="Claim it").click()
        expect(mo.get_by_role("status")).to_contain_text("You have claimed this item")
        expect(mo.get_by_text("You are looking at this")).to_be_visible()
        hide = mo.get_by_role("group", name="Hide it from members")
        hide.get_by_label("Reason", exact=True).fill(
            "This could worry other members. A moderator will message you.")
        hide.get_by_role("button", name="Hide it").click()
        expect(mo.get_by_role("status")).to_contain_text("Hidden. The author has been told why.")
        expect(mo.locator("li.queue-item", has_text=f"post by {name}")).to_have_count(0)

        mo.goto(item_url)
        mo.get_by_role("link", name=f"Warn, mute, suspend or ban {name}").click()
        expect(mo.get_by_role("heading", level=1)).to_have_text(f"{name}: moderation history")
        mo.get_by_label("Mute: can read, cannot post or chat").check()
        mo.get_by_label("For how long").select_option(label="24 hours")
        mo.get_by_label("Reason, shown to the member").fill(
            "Please take a break while we check in with you.")
        mo.get_by_role("button", name="Give the sanction").click()
        expect(mo.get_by_role("status")).to_contain_text(f"{name} is muted until")
        expect(mo.locator(".mod-sanction--active")).to_contain_text("In force")

        mo.get_by_role("navigation", name="Moderation workspace").get_by_role(
            "link", name="Audit log").click()
        mo.get_by_text("Choose which actions to show").click()
        mo.get_by_label("About the member (pseudonym)").fill(name)
        mo.get_by_role("button", name="Show these").click()
        log = mo.locator("ol.mod-list")
        hidden = log.locator("li").filter(has_text=f"mo hid {name}'s post {post_id}")
        expect(hidden).to_contain_text("This could worry other members")
        expect(log.locator("li").filter(has_text="mo muted")).to_contain_text(
            "Please take a break")
        assert_no_violations(mo)
    finally:
        other.close()

    page.goto(f"{site_url}/notifications/")
    expect(page.get_by_text("Thank you for your report. A moderator has looked at it.")
           ).to_be_visible()


def test_a_moderator_on_the_forum_index_sees_an_urgent_alert_arrive(browser, page, site_url,
                                                                    written):
    """Alerts reach moderators wherever they are on the site, not only on the queue."""
    post_id = written[2]  # a published post, in a thread to reply in
    words = f"I can't do this any more, I want to die tonight ({written[0]})"

    mo = log_in(page, site_url, "mo")
    mo.goto(site_url + "/forums/")
    expect(mo.get_by_text("Live alerts are on")).to_be_visible()
    header = mo.get_by_role("banner")
    expect(header.get_by_role("link", name=re.compile(r"^Queue"))).to_be_visible()

    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        alex = log_in(other.new_page(), site_url, "alex")
        alex.goto(f"{site_url}/forums/posts/{post_id}/")
        alex.get_by_label("Your message").fill(words)
        alex.get_by_role("button", name="Post reply").click()

        alert = mo.locator(".live-alert--urgent")
        expect(alert).to_contain_text("New urgent item: Crisis language: urgent")
        # It is announced where it is; the moderator stays on the page they were reading.
        expect(mo).to_have_url(site_url + "/forums/")
        expect(mo.get_by_role("heading", level=1)).to_have_text("Forums")
        assert mo.evaluate("document.activeElement === document.body")
        assert_no_violations(mo)
        item_url = alert.get_by_role("link", name="Open it").get_attribute("href")

        alert.get_by_role("button", name="Dismiss").click()
        expect(alert).to_have_count(0)
        assert mo.evaluate("document.activeElement.id") == "main"  # not lost with the button
        mo.reload()  # as without JavaScript: the header counts it
        expect(header.get_by_role("link", name=re.compile(r"^Queue"))).to_contain_text("urgent")

        mo.goto(site_url + item_url)
        expect(mo.get_by_role("heading", level=1)).to_contain_text("Queue item")
        # The words wait folded, and so does the box that would show them in full.
        expect(mo.get_by_text("want to die tonight").filter(visible=True)).to_have_count(0)
        mo.get_by_text("Change the words").click()
        expect(mo.get_by_role("textbox", name="The words")).to_have_value(words)
    finally:
        other.close()


def test_a_moderator_hides_a_post_from_its_menu_with_the_keyboard(browser, page, site_url,
                                                                  written):
    name, body, post_id = written
    mo = log_in(page, site_url, "mo")
    mo.goto(f"{site_url}/forums/posts/{post_id}/")
    post = mo.locator("article.post", has_text=body)
    menu = post.locator("summary", has_text="Moderate")
    hide = post.get_by_role("link", name=re.compile(rf"^Hide post \d+ by {name}$"))

    menu.focus()
    mo.keyboard.press("Enter")
    mo.keyboard.press("Tab")
    expect(hide).to_be_focused()
    assert_no_violations(mo)
    mo.keyboard.press("Enter")
    expect(mo.get_by_role("heading", level=1)).to_have_text(
        re.compile(rf"^Hide post \d+ by {name}\?$"))
    reason = mo.get_by_label("Reason", exact=True)
    reason.focus()
    mo.keyboard.press("Tab")
    mo.keyboard.press("Enter")  # no reason yet: refused, saying why
    expect(mo.get_by_role("alert")).to_contain_text("Not done yet.")
    expect(mo.get_by_text("Give a reason: the member will see it.")).to_be_visible()
    reason.focus()
    mo.keyboard.type("This could worry other members. A moderator will message you.")
    mo.keyboard.press("Tab")
    expect(mo.get_by_role("button", name="Hide it")).to_be_focused()
    mo.keyboard.press("Enter")

    expect(mo.get_by_role("status")).to_contain_text("Hidden. The author has been told why.")
    expect(mo.locator("article.post", has_text=body).locator(".post__status")).to_have_text(
        "Hidden by a moderator. Reason: This could worry other members. "
        "A moderator will message you.")
    assert_no_violations(mo)

    other = browser.new_context()
    try:
        alex = log_in(other.new_page(), site_url, "alex")
        alex.goto(f"{site_url}/forums/posts/{post_id}/")
        expect(alex.get_by_text(body)).to_have_count(0)
        expect(alex.get_by_text("Moderate", exact=True)).to_have_count(0)
    finally:
        other.close()
