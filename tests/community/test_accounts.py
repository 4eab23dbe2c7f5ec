"""Joining, logging in and out, and resetting a password."""

import pytest
from django.core import mail
from django.urls import reverse

from community.models import Member, Nation, User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def signup_data(**overrides):
    data = {
        "username": "quietfox",
        "email": "quietfox@example.org",
        "password1": "calm-river-stones-42",
        "password2": "calm-river-stones-42",
        "nation": Nation.WALES,
        "accept_guidelines": "on",
    }
    data.update(overrides)
    return data


def test_signup_creates_member_and_signs_them_in(client):
    response = client.post(reverse("account_signup"), signup_data(), follow=True)

    user = User.objects.get(username="quietfox")
    assert response.context["user"] == user
    assert user.member.nation == Nation.WALES
    assert user.member.guidelines_accepted_at is not None
    assert b"quietfox" in response.content


def test_signup_nation_is_optional(client):
    client.post(reverse("account_signup"), signup_data(nation=""))

    assert Member.objects.get(user__username="quietfox").nation == ""


def test_signup_refused_without_guidelines_keeps_what_was_typed(client):
    data = signup_data()
    del data["accept_guidelines"]

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 200
    assert not User.objects.filter(username="quietfox").exists()
    page = response.content.decode()
    assert "please read the community guidelines and tick the box" in page
    assert 'value="quietfox"' in page
    assert 'value="quietfox@example.org"' in page
    assert '<option value="wales" selected>' in page


@pytest.mark.parametrize(
    ("username", "reason"),
    [
        ("jane.doe@mail.com", "looks like an email address"),
        ("jane@home", "looks like an email address"),
        ("07700900123", "looks like a phone number"),
        ("call07700-900-123", "looks like a phone number"),
        ("+447700900123", "looks like a phone number"),
    ],
)
def test_signup_refuses_pseudonym_that_identifies_the_member(client, username, reason):
    response = client.post(reverse("account_signup"), signup_data(username=username))

    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not User.objects.filter(username=username).exists()


def test_signup_accepts_pseudonym_with_a_few_digits(client):
    client.post(reverse("account_signup"), signup_data(username="owl1987"))

    assert User.objects.filter(username="owl1987").exists()


def test_signup_refuses_a_name_already_taken_whatever_the_case(client, member):
    response = client.post(reverse("account_signup"), signup_data(username="ALEX"))

    assert response.status_code == 200
    assert User.objects.filter(username__iexact="alex").count() == 1


@pytest.mark.parametrize("login", ["alex", "alex@example.org"])
def test_login_with_pseudonym_or_email(client, member, login):
    response = client.post(
        reverse("account_login"), {"login": login, "password": PASSWORD}, follow=True
    )

    assert response.context["user"] == member


def test_wrong_password_is_refused(client, member):
    response = client.post(reverse("account_login"), {"login": "alex", "password": "nope"})

    assert response.status_code == 200
    assert response.wsgi_request.user.is_anonymous
    assert "don&#x27;t match an account" in response.content.decode()


def test_repeated_failed_logins_are_rate_limited(client, member):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "alex", "password": "wrong"})

    response = client.post(reverse("account_login"), {"login": "alex", "password": PASSWORD})

    assert response.wsgi_request.user.is_anonymous
    assert "Too many attempts. Try again in 5 minutes." in response.content.decode()


@pytest.mark.parametrize("host", ["testserver:8001", "127.0.0.1:9"])
def test_the_failed_login_count_follows_the_account_not_the_host_or_spelling(
        client, member, settings, host):
    settings.ALLOWED_HOSTS = ["*"]
    for login in ["alex", "ALEX", "alex@example.org", " Alex@Example.org "]:
        client.post(reverse("account_login"), {"login": login, "password": "wrong"})
    client.post(reverse("account_login"), {"login": "alex", "password": "wrong"},
                HTTP_HOST=host)

    response = client.post(reverse("account_login"), {"login": "alex", "password": PASSWORD},
                           HTTP_HOST=host)

    assert response.wsgi_request.user.is_anonymous
    assert "Too many attempts. Try again in 5 minutes." in response.content.decode()


def test_logout_is_a_post_from_every_page(client, member):
    client.force_login(member)
    page = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("account_logout")}"' in page

    client.post(reverse("account_logout"))

    assert client.get(reverse("home")).context["user"].is_anonymous


def test_password_reset_sends_an_email_with_a_working_link(client, member):
    client.post(reverse("account_reset_password"), {"email": "alex@example.org"})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alex@example.org"]
    link = next(
        word for word in mail.outbox[0].body.split() if "/accounts/password/reset/key/" in word
    )
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert b'name="password1"' in response.content


@pytest.mark.parametrize(("name", "message"), [
    ("аlex", "looks too much like another member"),   # Cyrillic а
    ("ALEX", "Someone already uses that name"),
    ("a-lex", "looks too much like another member"),
    ("aIex", "looks too much like another member"),
    ("Admin_Helen", "kept for the team"),
    ("AdminHelen", "kept for the team"),
    ("moderat0r", "kept for the team"),
    ("staff_sam", "kept for the team"),
    ("Mod-Jo", "kept for the team"),
])
def test_a_pseudonym_that_passes_for_another_member_or_a_role_is_refused(
        client, member, name, message):
    response = client.post(reverse("account_signup"), signup_data(username=name))

    assert message in response.content.decode()
    assert not User.objects.filter(email="quietfox@example.org").exists()


def test_a_pseudonym_is_stored_in_its_plain_form(client):
    client.post(reverse("account_signup"), signup_data(username="ｑｕｉｅｔｆｏｘ"))

    assert User.objects.filter(username="quietfox").exists()


def test_an_administrator_cannot_rename_a_member_to_a_look_alike(member):
    from django.core.exceptions import ValidationError

    other = User.objects.create_user("jo", "jo@example.org", "x")
    other.username = "Alex"
    with pytest.raises(ValidationError, match="looks too much like"):
        other.full_clean()


@pytest.mark.parametrize("name", ["badminton_fan", "Staffordshire_lass", "modest_mouse"])
def test_a_name_that_only_contains_a_role_word_is_welcome(client, name):
    client.post(reverse("account_signup"), signup_data(username=name))

    assert User.objects.filter(username=name).exists()
