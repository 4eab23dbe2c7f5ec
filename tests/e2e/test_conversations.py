"""A moderator checks in privately from a member's page; the member replies in another browser,
and the reply appears on the moderator's open page."""

import os
import random
import string
import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT, log_in
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

# A member of its own, so this journey changes nothing for the demo members.
NEW_MEMBER = """
from community.models import User
User.objects.create_user(username="{name}", email="{name}@example.org",
                         password="peer-support-demo")
"""


@pytest.fixture
def newcomer(site_url, _e2e_database_url) -> str:
    name = "sky" + "".join(random.choices(string.ascii_lowercase, k=6))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings",
           "DATABASE_URL": _e2e_database_url, "DEBUG": "1"}
    subprocess.run([sys.executable, "manage.py", "shell", "-c", NEW_MEMBER.format(name=name)],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=60)
    return name


def test_a_moderator_checks_in_privately_and_the_member_replies(browser, page, site_url,
                                                                newcomer):
    log_in(page, site_url, "mo")
    page.goto(f"{site_url}/members/{newcomer}/")
    page.get_by_role("link", name="Check in privately").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Check in privately with {newcomer}")
    assert_no_violations(page)
    page.get_by_label("After a worrying post", exact=False).check()
    page.get_by_role("button", name="Put these words in the box").click()
    box = page.get_by_label("Your message")
    expect(box).to_have_value("Hello. I'm one of the moderators here. I noticed your post and "
                              "wanted to check you're OK. There's no pressure to reply, but "
                              "I'm here if you'd like to talk.")
    box.fill("Hello. I noticed your post and wanted to check you're OK.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Your message is sent")
    conversation_url = page.url.split("#")[0]

    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        member = log_in(other.new_page(), site_url, newcomer)
        member.get_by_role("link", name="Notifications").click()
        member.get_by_role("link", name="would like to check in with you privately").click()
        expect(member.get_by_text("wanted to check you're OK")).to_be_visible()
        member.get_by_label("Your message").fill("Thank you. It has been a hard week.")
        member.get_by_role("button", name="Send").click()
        expect(member.get_by_text("Thank you. It has been a hard week.")).to_be_visible()
        # The moderator's open page shows the reply without a reload.
        expect(page.get_by_text("Thank you. It has been a hard week.")).to_be_visible()
        assert_no_violations(member)
        member.get_by_role("button", name="End this conversation").click()
        expect(member.get_by_text("This conversation has ended.")).to_be_visible()
    finally:
        other.close()

    page.goto(conversation_url)
    expect(page.get_by_text("Thank you. It has been a hard week.")).to_be_visible()
    expect(page.get_by_text(f"{newcomer} ended it")).to_be_visible()
    expect(page.get_by_label("Your message")).to_have_count(0)
