"""With DEBUG off every error page is this site's: the header, "Get help now", and a way on."""

import pytest
from django.test import RequestFactory, override_settings
from django.views.defaults import server_error

from forums.services import thread_create
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_a_visitor_at_a_missing_address_gets_the_sites_page_with_the_help_link(client):
    response = client.get("/no-such-page/")

    text = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that page" in text
    assert 'href="/help/"' in text and "Get help now" in text
    assert 'href="/"' in text


@override_settings(DEBUG=False)
def test_a_refusal_shows_the_reason_on_the_sites_page(client, member):
    post = thread_create(author=UserFactory(), category=CategoryFactory(), title="Someone's",
                         body="Their words").post
    client.force_login(member)

    response = client.get(f"/forums/posts/{post.pk}/history/")

    text = response.content.decode()
    assert response.status_code == 403
    assert "Only the member who wrote this post and the moderators can see" in text
    assert "Get help now" in text and "403 Forbidden" not in text


@override_settings(DEBUG=False)
def test_the_moderation_pages_keep_their_own_refusal(client, member):
    client.force_login(member)

    response = client.get("/moderation/")

    assert response.status_code == 403
    assert "Only for moderators" in response.content.decode()


def test_the_server_error_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))

    text = response.content.decode()
    assert response.status_code == 500
    assert "/static/css/site.css" in text and 'href="/help/"' in text and "116 123" in text
