"""A newcomer's first visit in a real browser: finding help, then joining."""

import random
import string

import pytest

pytestmark = pytest.mark.e2e
# Skip, rather than fail to collect, where the e2e extra is not installed.
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

PASSWORD = "calm-river-stones-42"
GUIDELINES_ERROR = "To join, please read the community guidelines and tick the box"


def unique_pseudonym() -> str:
    # Letters only: seven digits in a row would be refused as phone-number-like.
    return "newcomer" + "".join(random.choices(string.ascii_lowercase, k=10))


def fill_signup(page, pseudonym: str, *, accept_guidelines: bool) -> None:
    page.get_by_label("Pseudonym").fill(pseudonym)
    page.get_by_label("Email").fill(f"{pseudonym}@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    if accept_guidelines:
        page.get_by_label("I have read the community guidelines").check()
    page.get_by_role("button", name="Join").click()


def test_newcomer_finds_help_then_joins_and_is_signed_in(page, site_url):
    page.goto(site_url + "/")
    page.get_by_role("link", name="Get help now").click()

    expect(page).to_have_url(site_url + "/help/")
    main = page.get_by_role("main")
    expect(main).to_contain_text("999")
    expect(main).to_contain_text("Samaritans")
    expect(main).to_contain_text("116 123")

    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Join").click()
    pseudonym = unique_pseudonym()
    fill_signup(page, pseudonym, accept_guidelines=True)

    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("link", name=pseudonym)).to_be_visible()
    expect(account.get_by_role("button", name="Log out")).to_be_visible()
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()


def test_signup_without_guidelines_shows_error_and_keeps_what_was_typed(page, site_url):
    page.goto(site_url + "/accounts/signup/")
    pseudonym = unique_pseudonym()
    fill_signup(page, pseudonym, accept_guidelines=False)

    expect(page.get_by_text(GUIDELINES_ERROR)).to_be_visible()
    expect(page.get_by_label("Pseudonym")).to_have_value(pseudonym)
    expect(page.get_by_label("Email")).to_have_value(f"{pseudonym}@example.org")
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
