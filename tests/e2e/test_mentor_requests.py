"""A member asks for a peer mentor, a trained peer supporter reads the request without the
member's name and offers, and the member chooses them: plain forms, axe-clean pages."""

import random
import string

import pytest

from tests.e2e.conftest import log_in, on_site
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

# A member and a trained peer supporter of their own, so the demo accounts are left alone.
PEOPLE = """
import json
from datetime import timedelta
from django.utils import timezone
from community import roles
from community.models import User
from community.services import role_grant
from mentoring.models import PeerSupporter, TrainingRecord
from mentoring.services import supporter_save, training_save

lead = User.objects.get(username="admin")
for name in ("{member}", "{supporter}"):
    User.objects.create_user(username=name, email=name + "@example.org",
                             password="peer-support-demo")
user = User.objects.get(username="{supporter}")
role_grant(user=user, role=roles.PEER_SUPPORTERS)
supporter = supporter_save(supporter=PeerSupporter(user=user), by=lead)
today = timezone.localdate()
training_save(training=TrainingRecord(supporter=supporter, course="Peer support foundations",
              completed_on=today - timedelta(days=10), expires_on=today + timedelta(days=300)),
              by=lead)
print(json.dumps({{"ok": True}}))
"""


def test_a_member_asks_a_supporter_offers_and_the_member_chooses(page, browser, site_url,
                                                                 _e2e_database_url):
    tag = "".join(random.choices(string.ascii_lowercase, k=6))
    member, supporter = f"rae{tag}", f"bo{tag}"
    wanted = f"Caring for my dad is wearing me down ({tag})."
    on_site(_e2e_database_url, PEOPLE.format(member=member, supporter=supporter))

    log_in(page, site_url, member)
    page.goto(f"{site_url}/mentoring/ask/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for a peer mentor")
    assert_no_violations(page)
    page.get_by_label("Carers").check()
    page.get_by_label("What would you like support with?").fill(wanted)
    page.get_by_label("Evenings").check()
    page.get_by_role("button", name="Ask for a peer mentor").click()
    expect(page.get_by_text("Your request is in")).to_be_visible()
    expect(page.get_by_text("No offers yet")).to_be_visible()
    assert_no_violations(page)

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        other = log_in(context.new_page(), site_url, supporter)
        other.goto(f"{site_url}/mentoring/requests/")
        card = other.locator("section.card").filter(has_text=wanted)
        expect(card).to_be_visible()
        expect(other.get_by_text(member)).to_have_count(0)
        assert_no_violations(other)
        card.get_by_label("About my experience").fill("I looked after my mum for years.")
        card.get_by_role("button", name="Offer to mentor").click()
        expect(other.get_by_text("Your offer is sent")).to_be_visible()
    finally:
        context.close()

    page.goto(f"{site_url}/mentoring/ask/")
    expect(page.get_by_text("I looked after my mum for years.")).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("button", name=f"Choose {supporter}").click()
    expect(page.get_by_text(f"You have chosen {supporter} as your peer mentor")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Your peer mentor: {supporter}")).to_be_visible()
    assert_no_violations(page)
