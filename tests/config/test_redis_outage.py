"""With Redis down the site still serves: members sign in, read, reply and open chat, and
moderators work the queue; /healthz says what is degraded, and Redis is used again once back.

The site runs on a Redis of this test's own, which the test stops and starts.
"""

import uuid

import pytest
import redis
from django.test import Client
from django.urls import reverse

from chat.models import Message, Room
from community.models import SiteSettings
from config.settings import redis_caches, redis_channel_layers
from forums.models import Post
from forums.services import thread_create
from moderation.content import Visibility
from moderation.models import QueueItem, ReportReason
from moderation.services import report_create
from tests.factories import PASSWORD, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

LOGIN = reverse("account_login")


@pytest.fixture
def site_on_own_redis(own_redis, settings, socket_test_setup):
    prefix = uuid.uuid4().hex
    settings.REDIS_URL = settings.CHANNEL_REDIS_URL = own_redis.url
    settings.CACHES = redis_caches(own_redis.url, prefix)
    for cache in settings.CACHES.values():
        cache["OPTIONS"]["RETRY_SECONDS"] = 0.2  # so the test sees Redis used again soon
    settings.CHANNEL_LAYERS = redis_channel_layers(own_redis.url, prefix, "pubsub")
    return own_redis


@pytest.fixture
def forum(site_on_own_redis, member, moderator):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    Room.objects.create(name="Evening drop-in", slug="evening-drop-in")
    thread = thread_create(author=UserFactory(), category=CategoryFactory(),
                           title="Sleepless again", body="Anyone else up at 3am?").post.thread
    unkind = thread_create(author=UserFactory(), category=thread.category,
                           title="Hmm", body="Something unkind").post
    report_create(reporter=member, content=unkind, reason=ReportReason.UNKIND)
    return thread


def signed_in(username: str) -> Client:
    client = Client()
    response = client.post(LOGIN, {"login": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def test_members_and_moderators_use_the_site_while_redis_is_down(forum, site_on_own_redis):
    site_on_own_redis.stop()

    alex = signed_in("alex")
    assert "Anyone else up at 3am?" in Client().get(forum.get_absolute_url()).content.decode()
    assert "Anyone else up at 3am?" in alex.get(forum.get_absolute_url()).content.decode()
    reply = alex.post(reverse("forums:thread_reply", args=[forum.category.slug, forum.pk]),
                      {"body": "Me too, it helps to know I'm not alone"}, follow=True)
    assert reply.status_code == 200
    assert "it helps to know" in reply.content.decode()
    assert Post.objects.filter(body__contains="it helps to know").count() == 1
    assert "Evening drop-in" in alex.get(reverse("chat:index")).content.decode()
    assert alex.get(reverse("chat:room", args=["evening-drop-in"])).status_code == 200
    sent = alex.post(reverse("chat:message_send", args=["evening-drop-in"]),
                     {"text": "Evening all"})
    assert sent.status_code == 302
    assert Message.objects.filter(text="Evening all").count() == 1

    mo = signed_in("mo")
    item = QueueItem.objects.get(status=QueueItem.Status.OPEN)
    assert mo.get(reverse("moderation:queue")).status_code == 200
    assert mo.get(reverse("moderation:item", args=[item.pk])).status_code == 200
    acted = mo.post(reverse("moderation:act", args=[item.pk, "hide"]), {"reason": "Unkind"})
    assert acted.status_code == 302
    assert Post.objects.get(body="Something unkind").visibility == Visibility.HIDDEN

    health = Client().get("/healthz")
    assert (health.status_code, health.json()) == (200, {
        "status": "degraded", "database": "ok", "cache": "error", "channel_layer": "error"})


def test_failed_logins_still_lock_an_account_while_redis_is_down(forum, site_on_own_redis):
    site_on_own_redis.stop()
    client = Client()
    for _ in range(5):
        client.post(LOGIN, {"login": "alex", "password": "not it"})

    response = client.post(LOGIN, {"login": "alex", "password": PASSWORD})

    assert "Too many attempts. Try again in 5 minutes." in response.content.decode()


def test_once_redis_is_back_the_site_uses_it_again(forum, site_on_own_redis):
    site_on_own_redis.stop()
    Client().get(forum.get_absolute_url())
    site_on_own_redis.start()

    health = Client().get("/healthz")
    assert (health.status_code, health.json()) == (200, {
        "status": "ok", "database": "ok", "cache": "ok", "channel_layer": "ok"})
    Client().get(forum.get_absolute_url())
    kept = redis.Redis.from_url(site_on_own_redis.url).keys("*forums:thread*:page:*")
    assert kept, "the visitor's page is kept in Redis again"
