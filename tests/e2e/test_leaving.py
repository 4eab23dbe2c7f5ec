"""A member takes their data, then leaves: the download is a ZIP with JSON and a readable
page, the account is deleted and cannot sign in, and both pages pass axe-core."""

import json
import zipfile

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect


def test_member_downloads_their_data_then_deletes_their_account(page, site_url, written,
                                                                 tmp_path):
    name, body, post_id = written
    log_in(page, site_url, name)
    page.goto(f"{site_url}/members/{name}/")

    page.get_by_role("link", name="Download your data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Download your data")
    assert_no_violations(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".zip"
    with zipfile.ZipFile(saved) as archive:
        assert sorted(archive.namelist()) == ["my-data.html", "my-data.json"]
        data = json.loads(archive.read("my-data.json"))
        readable = archive.read("my-data.html").decode()
    assert data["profile"][0]["Pseudonym"] == name
    assert body in [row["Words"] for row in data["forum_posts"]]
    assert "Your forum posts" in readable

    page.get_by_role("link", name="Delete your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account")
    assert_no_violations(page)
    page.get_by_label("Your password").fill("not my password")
    page.get_by_label("Delete my posts and messages").check()
    page.get_by_label("I understand that my account will be deleted").check()
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("That password is not right")).to_be_visible()
    expect(page.get_by_label("Delete my posts and messages")).to_be_checked()
    assert_no_violations(page)

    page.get_by_label("Your password").fill("peer-support-demo")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Your account is deleted")).to_be_visible()
    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("link", name="Log in")).to_be_visible()

    page.goto(f"{site_url}/forums/posts/{post_id}/")
    expect(page.get_by_text(body)).to_have_count(0)

    page.goto(site_url + "/accounts/login/")
    page.get_by_label("Pseudonym or email").fill(name)
    page.get_by_label("Password", exact=True).fill("peer-support-demo")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    expect(page.get_by_role("alert")).to_be_visible()
