"""A member reports a post as a risk; a moderator in another browser hides it, mutes the writer."""

import json
import os
import random
import re
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

# A writer of its own, so muting them changes nothing for the other journeys' demo members.
WRITE_POST = """
import json
from community.models import User
from forums.models import Thread
from forums.services import post_create
from moderation.models import QueueItem
from moderation.services import content_approve

writer = User.objects.create_user(username="{name}", email="{name}@example.org",
                                  password="peer-support-demo")
thread = Thread.objects.filter(category__slug="anxiety-and-low-mood").order_by("pk").first()
post = post_create(author=writer, thread=thread, body="{body}").post
# A newcomer's first post waits for a moderator; this journey starts once it is published.
for held in QueueItem.objects.filter(object_id=post.pk, content_type__model="post"):
    content_approve(item=held, moderator=User.objects.get(username="mo"))
print(json.dumps({{"post": post.pk}}))
"""


@pytest.fixture
def written(site_url, _e2e_database_url):
    """A published post by a new member: (their name, the post's words, the post's id)."""
    tag = "".join(random.choices(string.ascii_lowercase, k=6))
    name, body = f"kit{tag}", f"Another long night. I keep going over everything ({tag})."
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings",
           "DATABASE_URL": _e2e_database_url, "DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", WRITE_POST.format(name=name, body=body)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=60)
    return name, body, json.loads(done.stdout.strip().splitlines()[-1])["post"]


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
