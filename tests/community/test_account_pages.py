"""allauth's pages and emails as members meet them: inside the site, in plain words, naming
the site; what joining and logging in say when they refuse."""

import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from community.models import Nation, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
HELP_LINK = f'<a class="help-now" href="{reverse("help")}">Get help now</a>'
TITLE_CASE = re.compile(r"Password Reset|New Password|Current Password|Change Password|Set Password"
                        r"|Sign In|Sign Out|Sign Up|Remember Me|Email Addresses|Confirm Access"
                        r"|Account Inactive|Verify Your Email|Successfully signed in|Forgot your")


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def signup_data(**overrides):
    return {"username": "quietfox", "email": "quietfox@example.org",
            "password1": "calm-river-stones-42", "password2": "calm-river-stones-42",
            "nation": Nation.WALES, "accept_guidelines": "on", **overrides}


def link_in(email, path: str) -> str:
    return next(word for word in email.body.split() if path in word)


def reset_link(client, address="alex@example.org") -> str:
    mail.outbox.clear()
    client.post(reverse("account_reset_password"), {"email": address})
    return link_in(mail.outbox[-1], "/accounts/password/reset/key/")


def assert_site_page(response, title: str) -> str:
    page = response.content.decode()
    assert response.status_code == 200
    assert HELP_LINK in page
    assert f"<h1>{title}</h1>" in page
    assert f"<title>{title} ·" in page
    assert not TITLE_CASE.search(page), TITLE_CASE.search(page).group()
    return page


@pytest.mark.parametrize(("name", "title"), [
    ("account_login", "Log in"),
    ("account_signup", "Join the community"),
    ("account_reset_password", "Reset your password"),
    ("account_reset_password_done", "Check your email"),
    ("account_reset_password_from_key_done", "Your password has been changed"),
    ("account_email_verification_sent", "Check your email"),
    ("account_inactive", "This account is closed"),
])
def test_each_signed_out_account_page_is_inside_the_site(client, name, title):
    assert_site_page(client.get(reverse(name)), title)


@pytest.mark.parametrize(("name", "title"), [
    ("account_logout", "Log out"),
    ("account_change_password", "Change your password"),
    ("account_email", "Your email addresses"),
    ("account_reauthenticate", "Confirm it's you"),
])
def test_each_signed_in_account_page_is_inside_the_site(client, member, name, title):
    client.force_login(member)

    assert_site_page(client.get(reverse(name)), title)


def test_a_member_without_a_password_sets_one_inside_the_site(client):
    user = UserFactory(username="river")
    user.set_unusable_password()
    user.save()
    client.force_login(user)

    page = assert_site_page(client.get(reverse("account_set_password")), "Set a password")

    assert 'name="password1"' in page


def test_the_reset_link_opens_a_page_to_choose_a_new_password(client, member):
    response = client.get(reset_link(client), follow=True)

    page = assert_site_page(response, "Choose a new password")
    assert 'class="button"' in page
    assert '<div class="field">' in page


def test_an_old_reset_link_says_so_and_offers_a_new_one(client, member):
    response = client.get(reverse("account_reset_password_from_key",
                                  kwargs={"uidb36": "zz", "key": "not-a-key"}), follow=True)

    page = assert_site_page(response, "This link no longer works")
    assert f'href="{reverse("account_reset_password")}"' in page


def test_the_confirmation_link_opens_a_page_inside_the_site(client):
    client.post(reverse("account_signup"), signup_data())
    link = link_in(mail.outbox[-1], "/accounts/confirm-email/")

    page = assert_site_page(client.get(link), "Confirm your email address")

    assert "quietfox@example.org" in page


def test_the_log_in_page_has_one_forgotten_password_link_and_plain_words(client):
    page = assert_site_page(client.get(reverse("account_login")), "Log in")

    assert page.count(reverse("account_reset_password")) == 1
    assert "Forgotten your password?" in page
    assert "Keep me logged in on this device" in page
    assert 'class="field"' in page


# Emails


@pytest.fixture
def public_site(settings):
    settings.SITE_NAME, settings.SITE_URL = "Carers Together", "https://carers.example.org"
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "Carers Together: "


def assert_names_the_site(email, link_path: str) -> None:
    assert email.subject.startswith("Carers Together: ")
    assert email.body.startswith("Hello from Carers Together,")
    assert link_in(email, link_path).startswith("https://carers.example.org/")
    assert "testserver" not in email.body
    assert "example.com" not in email.body


def test_the_reset_email_names_the_site_and_links_to_its_public_address(client, member,
                                                                       public_site):
    client.post(reverse("account_reset_password"), {"email": "alex@example.org"},
                HTTP_HOST="127.0.0.1:8101")

    [email] = mail.outbox
    assert email.subject == "Carers Together: Reset your password"
    assert_names_the_site(email, "/accounts/password/reset/key/")
    assert "127.0.0.1" not in email.body


def test_the_confirmation_email_names_the_site_and_links_to_its_public_address(client,
                                                                              public_site):
    client.post(reverse("account_signup"), signup_data())

    [email] = mail.outbox
    assert email.subject == "Carers Together: Please confirm your email address"
    assert_names_the_site(email, "/accounts/confirm-email/")


def test_a_reset_for_an_unknown_address_names_the_site(client, public_site, settings):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    [email] = mail.outbox
    assert_names_the_site(email, "/accounts/signup/")


# What joining says


def test_the_pseudonym_rule_is_on_the_form_before_typing(client):
    page = client.get(reverse("account_signup")).content.decode()

    assert "Use 3 to 30 letters, numbers, - and _, with no spaces" in page
    assert "Do not use your real name" in page
    assert 'aria-describedby="id_username_helptext"' in page


def refusal(client, name: str) -> str:
    response = client.post(reverse("account_signup"), signup_data(username=name))
    assert response.status_code == 200
    assert not User.objects.filter(email="quietfox@example.org").exists()
    return response.content.decode()


def test_a_pseudonym_with_a_space_gets_a_suggestion(client):
    page = refusal(client, "Quiet River")

    assert "can&#x27;t have spaces. You could use Quiet_River or QuietRiver instead." in page
    assert "@" not in page.split('<form')[1].split("</form>")[0].replace(
        "quietfox@example.org", "")
    assert 'value="Quiet River"' in page


@pytest.mark.parametrize(("name", "reason"), [
    ("07700 900 123", "looks like a phone number"),
    ("0770 090 0123", "looks like a phone number"),
    ("river@mail", "looks like an email address"),
    ("river.fox@mail.com", "looks like an email address"),
])
def test_a_pseudonym_that_is_contact_details_is_refused_in_plain_words(client, name, reason):
    page = refusal(client, name)

    assert reason in page
    assert "Enter a valid username" not in page


@pytest.mark.parametrize(("name", "message"), [
    ("river!", "can only have letters, numbers, - and _"),
    ("river.fox", "can only have letters, numbers, - and _"),
    ("ab", "Please use at least 3 characters."),
])
def test_other_unusable_pseudonyms_are_refused_in_plain_words(client, name, message):
    page = refusal(client, name)

    assert message in page
    assert "Ensure this value" not in page
    assert "Enter a valid username" not in page


def test_an_empty_join_form_says_what_each_box_needs(client):
    page = client.post(reverse("account_signup"), {}).content.decode()

    for missing in ["Please choose a pseudonym.", "Please type your email address.",
                    "Please choose a password.", "Please type the password again."]:
        assert missing in page
    assert "This field is required" not in page


def test_a_pseudonym_with_a_hyphen_or_underscore_is_welcome(client):
    client.post(reverse("account_signup"), signup_data(username="Quiet_River-2"))

    assert User.objects.filter(username="Quiet_River-2").exists()


# Too many failed logins


def fail_to_log_in(client, times: int, login="alex") -> None:
    for _ in range(times):
        client.post(reverse("account_login"), {"login": login, "password": "wrong"})


def log_in(client, login="alex", password=PASSWORD):
    return client.post(reverse("account_login"), {"login": login, "password": password},
                       follow=True)


def test_too_many_failed_logins_says_how_many_minutes_are_left(client, member):
    fail_to_log_in(client, 5)

    page = log_in(client).content.decode()

    assert "Too many attempts. Try again in 5 minutes." in page
    assert "marked below" not in page


def test_the_minutes_left_count_down_from_the_oldest_failure(client, member, monkeypatch):
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started - 180)
    fail_to_log_in(client, 1)
    monkeypatch.setattr(time, "time", lambda: started)
    fail_to_log_in(client, 4)

    page = log_in(client).content.decode()

    assert "Too many attempts. Try again in 2 minutes." in page


def test_a_completed_password_reset_lets_the_member_log_in_at_once(client, member):
    """allauth forgets the failures of each address on record (the reset records the one it
    used), under the per-account key community.accounts gives them."""
    fail_to_log_in(client, 5)
    assert log_in(client).context["user"].is_anonymous

    form = client.get(reset_link(client), follow=True)
    client.post(form.redirect_chain[-1][0],
                {"password1": "new-calm-river-7", "password2": "new-calm-river-7"})

    assert log_in(client, password="new-calm-river-7").context["user"] == member


def test_a_reset_does_not_unlock_another_account(client, member):
    UserFactory(username="owl")
    fail_to_log_in(client, 5, login="owl")

    form = client.get(reset_link(client), follow=True)
    client.post(form.redirect_chain[-1][0],
                {"password1": "new-calm-river-7", "password2": "new-calm-river-7"})

    assert "Too many attempts" in log_in(client, "owl").content.decode()


@pytest.mark.parametrize(("name", "labels"), [
    ("account_change_password", ["Your current password", "New password",
                                 "Type the new password again"]),
    ("account_reauthenticate", ["Your password"]),
])
def test_password_pages_have_plain_labels_and_one_forgotten_password_link(client, member, name,
                                                                          labels):
    client.force_login(member)

    page = client.get(reverse(name)).content.decode()

    assert page.count(f'href="{reverse("account_reset_password")}"') == 1
    for label in labels:
        assert f">{label}</label>" in page
