"""The moderators' safety loop from start to end: a member posts something worrying, a
moderator reading the thread is alerted, checks in privately from the post and the member
replies, the moderator hides a post from the thread's menu, the audit log tells each step in
plain words, and the member is emailed about the check-in."""

import re

import pytest

from tests.e2e.conftest import log_in, sent_mail
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect


def test_a_moderator_reading_a_thread_checks_in_and_hides_a_post(browser, page, site_url,
                                                                 written, mail_dir):
    name, body, post_id = written
    tag = body.rsplit("(", 1)[-1].rstrip(").")
    worrying = f"I can't do this any more. I want to die tonight ({tag})"

    mo = log_in(page, site_url, "mo")
    mo.goto(f"{site_url}/forums/posts/{post_id}/")
    thread_url = mo.url.split("#")[0]

    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        member = log_in(other.new_page(), site_url, name)
        member.goto(thread_url)
        member.get_by_label("Your message").fill(worrying)
        member.get_by_role("button", name="Post reply").click()

        # The moderator, still reading, is alerted where they are.
        alert = mo.locator(".live-alert--urgent")
        expect(alert).to_contain_text("New urgent item")
        expect(mo).to_have_url(re.compile(re.escape(thread_url)))

        # From the worrying post's own menu, a private check-in.
        mo.reload()
        post = mo.locator("article.post", has_text=worrying)
        post.locator("summary", has_text="Moderate").click()
        post.get_by_role("link", name=re.compile(rf"^Check in privately with {name}$")).click()
        expect(mo.get_by_role("heading", level=1)).to_have_text(
            f"Check in privately with {name}")
        mo.get_by_label("Your message").fill(
            f"Hello {name}. I read your post and wanted to check you're OK. I'm here to talk.")
        mo.get_by_role("button", name="Send").click()
        expect(mo.get_by_role("status")).to_contain_text("Your message is sent")
        conversation_url = mo.url.split("#")[0]

        # The member is told, on the site and by email, and replies.
        mail = sent_mail(mail_dir)
        assert "would like to check in with you privately" in mail
        assert "Subject: Peer support community:" in mail
        assert conversation_url.removeprefix(site_url) in mail
        member.get_by_role("link", name="Notifications").click()
        member.get_by_role("link", name="would like to check in with you privately").click()
        member.get_by_label("Your message").fill("Thank you. I'm not safe tonight, can we talk?")
        member.get_by_role("button", name="Send").click()
        expect(mo.get_by_text("can we talk?")).to_be_visible()  # live on the open page
    finally:
        other.close()

    # The moderator hides the member's earlier post from the thread's menu.
    mo.goto(thread_url)
    first = mo.locator("article.post", has_text=body)
    first.locator("summary", has_text="Moderate").click()
    first.get_by_role("link", name=re.compile(rf"^Hide post \d+ by {name}$")).click()
    mo.get_by_label("Reason", exact=True).fill(
        "Hidden while we talk privately. Nothing you did is wrong.")
    mo.get_by_role("button", name="Hide it").click()
    expect(mo.get_by_role("status")).to_contain_text("Hidden")

    # The audit log tells the story in plain words, newest first.
    mo.goto(site_url + "/moderation/log/")
    lines = mo.locator(".mod-action-line").filter(has_text=name)
    story = " ".join(lines.all_inner_texts())
    assert re.search(rf"mo hid {name}'s post \d+ in “", story), story
    assert "Reason: Hidden while we talk privately" in story
    assert re.search(rf"{name} wrote in private conversation \d+", story), story
    assert re.search(rf"mo opened private conversation \d+ with {name}", story), story
    assert re.search(rf"The site flagged {name}'s post \d+ in “.*” for moderators", story), story
    assert "Reason: Crisis language: urgent" in story
    assert_no_violations(mo)
