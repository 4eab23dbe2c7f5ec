"""Administrators manage accounts in the admin site."""

import pytest

from community.models import Member

pytestmark = pytest.mark.django_db


def test_account_added_in_the_admin_gets_a_profile(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        "/admin/community/user/add/",
        {
            "username": "newbie",
            "password1": "a-long-test-passphrase",
            "password2": "a-long-test-passphrase",
            "usable_password": "true",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Member.objects.filter(user__username="newbie").exists()


def test_admin_refuses_a_pseudonym_that_looks_like_a_phone_number(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        "/admin/community/user/add/",
        {"username": "07700 900123", "password1": "a-long-test-passphrase",
         "password2": "a-long-test-passphrase", "usable_password": "true"},
    )

    assert response.status_code == 200
    assert "looks like a phone number" in response.content.decode()


def test_members_cannot_open_the_admin(client, member, moderator):
    for user in (member, moderator):
        client.force_login(user)
        assert client.get("/admin/").status_code == 302


def test_administrators_change_site_settings_but_never_add_a_second(client, admin_user):
    from community.models import SiteSettings
    SiteSettings.current()
    client.force_login(admin_user)

    response = client.post("/admin/community/sitesettings/1/change/", {"held_first_posts": 2})

    assert response.status_code == 302
    assert SiteSettings.current().held_first_posts == 2
    assert client.get("/admin/community/sitesettings/add/").status_code == 403
