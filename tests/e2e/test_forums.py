"""Two members in real browsers: one starts a warned thread, the other opens it and replies."""

import os
import random
import string
import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

CATEGORY = "anxiety-and-low-mood"
# The demo seed makes this category; made here too, the same, so the journey never
# depends on which demo data the seed holds.
ENSURE_CATEGORY = f"""
from forums.models import Category
Category.objects.get_or_create(slug="{CATEGORY}", defaults={{
    "name": "Anxiety and low mood",
    "description": "Worry, panic, low days, and what helps you get through them."}})
"""


@pytest.fixture(scope="module")
def category_url(site_url, _e2e_database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings",
           "DATABASE_URL": _e2e_database_url, "DEBUG": "1"}
    subprocess.run([sys.executable, "manage.py", "shell", "-c", ENSURE_CATEGORY], cwd=ROOT,
                   env=env, check=True, capture_output=True, timeout=60)
    return f"{site_url}/forums/{CATEGORY}/"


def log_in(page, site_url, name):
    page.goto(site_url + "/accounts/login/")
    page.get_by_label("Pseudonym or email").fill(name)
    page.get_by_label("Password", exact=True).fill("peer-support-demo")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def test_warned_thread_is_collapsed_for_another_member_who_opens_it_and_replies(
        browser, page, site_url, category_url):
    title = "A hard week " + "".join(random.choices(string.ascii_lowercase, k=6))
    body = "Tuesday was really hard again. I'm safe now, and I have seen my GP."

    log_in(page, site_url, "alex")
    page.goto(category_url)
    page.get_by_role("link", name="Start a new thread").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Your message").fill(body)
    page.get_by_role("group", name="Content warnings").get_by_label("Self-harm").check()
    page.get_by_label("Note for readers (optional)").fill("No details")
    page.get_by_role("button", name="Post thread").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        sam = other.new_page()
        log_in(sam, site_url, "sam")
        sam.goto(category_url)
        link = sam.get_by_role("link", name=title)
        expect(link).to_be_hidden()
        row = sam.locator("li", has=sam.get_by_role("link", name=title, include_hidden=True))
        expect(row.locator("summary")).to_contain_text("Content warning: self-harm.")
        row.locator("summary").click()
        link.click()
        expect(sam.get_by_role("heading", level=1)).to_have_text(title)
        thread_url = sam.url

        first = sam.locator("#post-1")
        expect(first.get_by_text("Tuesday was really hard")).to_be_hidden()
        first.locator("summary", has_text="Content warning: self-harm").click()
        expect(first.get_by_text("Tuesday was really hard")).to_be_visible()
        assert_no_violations(sam)

        sam.get_by_label("Your message").fill("Sending you strength. Glad you saw your GP.")
        sam.get_by_role("button", name="Post reply").click()

        expect(sam).to_have_url(f"{thread_url}#post-2")
        expect(sam.locator("#post-2")).to_contain_text("Sending you strength.")
    finally:
        other.close()
