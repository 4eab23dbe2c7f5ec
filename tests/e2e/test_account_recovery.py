"""A member locked out by too many failed logins resets their password by the emailed link,
on a phone, and logs in straight away."""

import json
import random
import re
import string

import pytest

from tests.e2e.conftest import on_site
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

OLD, NEW = "peer-support-demo", "quiet-harbour-lights-9"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}


def emailed_reset_link(mail_dir, address: str) -> str:
    """The newest password-reset link sent to `address`."""
    links = [link for path in sorted(mail_dir.iterdir())
             for message in path.read_text(errors="replace").split("\n-------")
             if f"To: {address}" in message
             for link in re.findall(r"http://\S+/accounts/password/reset/key/\S+", message)]
    assert links, f"no reset link was emailed to {address}"
    return links[-1]


def try_to_log_in(page, name: str, password: str) -> None:
    page.get_by_label("Pseudonym or email").fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_locked_out_member_resets_their_password_and_logs_in_at_once(
        browser, site_url, _e2e_database_url, mail_dir, tmp_path):
    name = "wren" + "".join(random.choices(string.ascii_lowercase, k=8))
    address = f"{name}@example.org"
    on_site(_e2e_database_url, "from community.models import User\n"
            f"User.objects.create_user(username={name!r}, email={address!r}, password={OLD!r})"
            "\nprint('{}')")
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + "/accounts/login/")
        for _ in range(5):
            try_to_log_in(page, name, "not-my-password")
            expect(page.get_by_role("alert")).to_contain_text("don't match an account")

        # Even the right password is refused now, with how long to wait.
        try_to_log_in(page, name, OLD)
        expect(page.get_by_role("alert")).to_contain_text(
            "Too many attempts. Try again in 5 minutes.")
        page.screenshot(path=tmp_path / "login-locked-out-390.png", full_page=True)

        page.get_by_role("link", name="Forgotten your password?").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
        assert_no_violations(page)
        page.screenshot(path=tmp_path / "reset-390.png", full_page=True)
        page.get_by_label("Email address").fill(address)
        page.get_by_role("button", name="Email me a link").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

        page.goto(emailed_reset_link(mail_dir, address))
        expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
        assert_no_violations(page)
        page.get_by_label("New password", exact=True).fill(NEW)
        page.get_by_label("Type the new password again").fill(NEW)
        page.get_by_role("button", name="Save my new password").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Your password has been changed")

        page.get_by_role("main").get_by_role("link", name="Log in").click()
        try_to_log_in(page, name, NEW)
        expect(page.get_by_role("button", name="Log out")).to_be_visible()
        expect(page.locator(".messages")).to_contain_text(f"You are logged in as {name}.")
    finally:
        context.close()
    print(json.dumps({"screenshots": str(tmp_path)}))
