"""Administrators manage accounts in the admin site."""

import pytest

from community import roles
from community.models import Member
from community.services import role_grant
from tests.factories import UserFactory

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


def test_the_admin_is_named_after_the_site(client, admin_user, settings):
    client.force_login(admin_user)

    text = client.get("/admin/").content.decode()

    assert f"{settings.SITE_NAME}: administration" in text
    assert "Django administration" not in text


def rows_of(response) -> dict[str, str]:
    """Username -> role, read from the user list as the administrator sees it."""
    return {user.username: response.context["cl"].model_admin.role(user)
            for user in response.context["cl"].result_list}


def test_the_user_list_shows_and_filters_by_role(client, admin_user, moderator, peer_supporter,
                                                 member):
    client.force_login(admin_user)

    everyone = client.get("/admin/community/user/")
    moderators = client.get("/admin/community/user/?role=Moderators")
    plain = client.get("/admin/community/user/?role=none")

    assert rows_of(everyone) == {"admin": "Administrator", moderator.username: "Moderator",
                                 peer_supporter.username: "Peer supporter",
                                 member.username: "Member"}
    assert ">Peer supporter<" in everyone.content.decode()
    assert set(rows_of(moderators)) == {moderator.username}
    assert set(rows_of(plain)) == {member.username}


@pytest.mark.parametrize("extra", [2, 20])
def test_the_user_list_keeps_a_fixed_number_of_queries(client, admin_user, extra,
                                                       django_assert_max_num_queries):
    for _ in range(extra):
        role_grant(user=UserFactory(), role=roles.MODERATORS)
    client.force_login(admin_user)

    with django_assert_max_num_queries(19):
        assert client.get("/admin/community/user/").status_code == 200
