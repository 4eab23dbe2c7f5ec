"""A peer supporter steps back for a while from their own page, then comes back: plain
forms, the badge follows, and the pages pass axe-core."""

import random
import string

import pytest

from tests.e2e.conftest import log_in, on_site
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

# A trained peer supporter of their own, so the demo peer supporter jo is left as she is.
TRAINED = """
import json
from datetime import timedelta
from django.utils import timezone
from community import roles
from community.models import User
from community.services import role_grant
from mentoring.models import PeerSupporter, TrainingRecord
from mentoring.services import supporter_save, training_save

lead = User.objects.get(username="admin")
user = User.objects.create_user(username="{name}", email="{name}@example.org",
                                password="peer-support-demo")
role_grant(user=user, role=roles.PEER_SUPPORTERS)
supporter = supporter_save(supporter=PeerSupporter(user=user), by=lead)
today = timezone.localdate()
training_save(training=TrainingRecord(supporter=supporter, course="Peer support foundations",
              completed_on=today - timedelta(days=10), expires_on=today + timedelta(days=300)),
              by=lead)
print(json.dumps({{"ok": True}}))
"""


def test_a_peer_supporter_steps_back_and_comes_back(page, site_url, _e2e_database_url):
    name = "pat" + "".join(random.choices(string.ascii_lowercase, k=6))
    on_site(_e2e_database_url, TRAINED.format(name=name))
    log_in(page, site_url, name)
    page.goto(f"{site_url}/members/{name}/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Peer supporter")
    expect(page.get_by_text("You are an active peer supporter")).to_be_visible()
    assert_no_violations(page)

    page.get_by_role("button", name="Step back for a while").click()

    expect(page.get_by_text("You have stepped back. Your badge is hidden")).to_be_visible()
    expect(heading).not_to_contain_text("Peer supporter")
    assert_no_violations(page)

    page.get_by_role("button", name="Come back").click()

    expect(page.get_by_text("Welcome back. You are an active peer supporter")).to_be_visible()
    expect(heading).to_contain_text("Peer supporter")
    page.get_by_role("link", name="Your training and peer support").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your peer support")
    expect(page.get_by_role("cell", name="Peer support foundations")).to_be_visible()
    assert_no_violations(page)
