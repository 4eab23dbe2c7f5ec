"""The layout every page shares, and the public pages."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "home",
    "guidelines",
    "guidelines_easy_read",
    "help",
    "account_login",
    "account_signup",
    "account_reset_password",
    "forums:index",
    "chat:index",
]


def assert_has_help_link_and_landmarks(page: str) -> None:
    assert '<a class="help-now" href="/help/">Get help now</a>' in page
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in page
    assert '<main id="main"' in page
    assert '<nav class="site-nav" aria-label="Main">' in page


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_page_has_help_link_for_visitors(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_has_help_link_and_landmarks(response.content.decode())


MEMBER_PAGES = [
    *(name for name in PUBLIC_PAGES if name not in {"account_login", "account_signup"}),
    "member_edit",
    "account_change_password",
    "account_email",
]


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_every_page_has_help_link_for_members(client, member, name):
    client.force_login(member)

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_has_help_link_and_landmarks(response.content.decode())


def test_help_page_lists_emergency_services_and_samaritans_with_call_links(client):
    call_command("load_help_directory")

    page = client.get(reverse("help")).content.decode()

    assert page.index("Emergency services") < page.index("Samaritans")
    assert 'href="tel:999"' in page
    assert 'href="tel:116123"' in page


def test_help_page_needs_no_sign_in_and_no_javascript(client):
    page = client.get(reverse("help")).content.decode()

    assert "<script" not in page


def test_guidelines_and_easy_read_link_to_each_other(client):
    full = client.get(reverse("guidelines")).content.decode()
    easy = client.get(reverse("guidelines_easy_read")).content.decode()

    assert f'href="{reverse("guidelines_easy_read")}"' in full
    assert f'href="{reverse("guidelines")}"' in easy
    assert "116 123" in full and "116 123" in easy


def test_home_invites_visitors_to_join_and_greets_members(client, member):
    assert "Join the community" in client.get(reverse("home")).content.decode()

    client.force_login(member)

    assert "Welcome, alex" in client.get(reverse("home")).content.decode()


def test_admin_link_only_for_administrators(client, member, admin_user):
    client.force_login(member)
    assert 'href="/admin/"' not in client.get(reverse("home")).content.decode()

    client.force_login(admin_user)
    assert 'href="/admin/"' in client.get(reverse("home")).content.decode()
    assert client.get("/admin/").status_code == 200


def test_pages_forbid_scripts_from_anywhere_but_the_site(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]

    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
