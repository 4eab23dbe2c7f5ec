"""The pages for leaving: /accounts/export/ and /accounts/delete/, as plain HTML forms."""

import io
import zipfile

import pytest
from django.urls import reverse

from community.models import SiteSettings, User
from forums.models import Post
from forums.services import post_create, thread_create
from moderation.services import presence_touch
from tests.factories import PASSWORD, CategoryFactory, UserFactory, on_duty_moderator

EXPORT, DELETE = "/accounts/export/", "/accounts/delete/"


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def test_own_profile_links_to_both(signed_in, member):
    page = signed_in.get(reverse("member_detail", args=[member.username])).content.decode()

    assert f'href="{EXPORT}"' in page and f'href="{DELETE}"' in page


@pytest.mark.parametrize("path", [EXPORT, DELETE])
def test_visitors_are_asked_to_log_in(client, db, path):
    response = client.get(path)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_export_page_explains_and_offers_a_plain_form(signed_in):
    page = signed_in.get(EXPORT).content.decode()

    assert "Download your data" in page
    assert '<form method="post">' in page and "<script" not in page.split("<main")[-1]


def test_export_downloads_a_zip_with_json_and_html(signed_in):
    response = signed_in.post(EXPORT)

    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["my-data.html", "my-data.json"]


def test_export_too_often_says_when_to_try_again(signed_in):
    for _ in range(3):
        signed_in.post(EXPORT)

    response = signed_in.post(EXPORT, follow=True)

    assert "Please wait" in response.content.decode()


def test_delete_page_explains_and_asks_for_password_choice_and_tick(signed_in):
    page = signed_in.get(DELETE).content.decode()

    assert "What we keep, and why" in page
    for name in ("password", "content", "confirm"):
        assert f'name="{name}"' in page
    assert 'value="anonymise"' in page and 'value="delete"' in page


def test_delete_without_a_password_says_so(signed_in, member):
    page = signed_in.post(DELETE, {"content": "delete", "confirm": "on"}).content.decode()

    assert "Please type your password." in page
    assert User.objects.get(pk=member.pk).is_active


def test_wrong_password_keeps_the_choice_and_says_why(signed_in, member):
    response = signed_in.post(DELETE, {"password": "not mine", "content": "delete",
                                       "confirm": "on"})

    page = response.content.decode()
    assert "That password is not right" in page
    assert 'value="delete" required id="id_content_1" checked' in page
    assert 'name="confirm" required id="id_confirm" checked' in page
    assert User.objects.get(pk=member.pk).username == "alex"


def test_without_the_tick_nothing_is_deleted(signed_in, member):
    page = signed_in.post(DELETE, {"password": PASSWORD, "content": "delete"}).content.decode()

    assert "Please tick the box" in page
    assert User.objects.get(pk=member.pk).is_active


def test_deleting_signs_out_and_says_goodbye(signed_in, member):
    response = signed_in.post(DELETE, {"password": PASSWORD, "content": "anonymise",
                                       "confirm": "on"}, follow=True)

    assert "Your account is deleted" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(username="alex").exists()
    assert signed_in.get(reverse("member_edit")).status_code == 302  # signed out


def test_too_many_attempts_are_refused(signed_in, member):
    for _ in range(5):
        signed_in.post(DELETE, {"password": "guess", "content": "delete", "confirm": "on"})

    page = signed_in.post(DELETE, {"password": PASSWORD, "content": "delete",
                                   "confirm": "on"}).content.decode()

    assert "Please wait" in page
    assert User.objects.get(pk=member.pk).is_active


def test_without_a_choice_when_administrators_decide(signed_in, settings):
    settings.ACCOUNT_DELETE_CONTENT_CHOICE = "anonymise"

    page = signed_in.get(DELETE).content.decode()

    assert 'name="content"' not in page
    assert "show as written by a former member" in page


def test_staff_are_told_plainly_they_cannot_delete_here(client, moderator):
    client.force_login(moderator)

    page = client.get(DELETE).content.decode()
    posted = client.post(DELETE, {"password": PASSWORD, "content": "delete", "confirm": "on"})

    assert "while you are a moderator or an administrator" in page
    assert 'name="password"' not in page
    assert posted.status_code == 200 and User.objects.get(pk=moderator.pk).is_active


def test_others_still_read_a_thread_the_leaver_started(client, member):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    presence_touch(moderator=on_duty_moderator())
    category = CategoryFactory(name="Carers", slug="carers")
    thread = thread_create(author=member, category=category, title="Evenings",
                           body="What helps you wind down at night?").post.thread
    post_create(author=UserFactory(username="sam"), thread=thread, body="A warm bath helps me.")
    client.force_login(member)
    client.post(DELETE, {"password": PASSWORD, "content": "delete", "confirm": "on"})

    page = client.get(thread.get_absolute_url()).content.decode()

    assert "Evenings" in page and "A warm bath helps me." in page
    assert "What helps you wind down" not in page
    assert Post.objects.get(thread=thread, number=1).author.username.startswith("former-member-")
