"""Shared fixtures: members in each role, and the services some tests need."""

import os
import uuid
from importlib import import_module

import pytest
from channels.layers import channel_layers

from community import roles
from community.services import role_grant
from moderation.screening import rules
from tests.factories import UserFactory, trained

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


@pytest.fixture(autouse=True, scope="session")
def _flush_past_the_audit_triggers():
    """The flush after a transactional test is a DELETE on SQLite, which the audit trail's
    triggers refuse: lift them for that flush only, in its transaction. (PostgreSQL
    truncates, which its row triggers let through.)"""
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    triggers = import_module("moderation.migrations.0007_append_only_audit").SQL["sqlite"]
    operations = type(connection.ops)
    sql_flush = operations.sql_flush

    def sql_flush_past_triggers(self, style, tables, **kwargs):
        statements = sql_flush(self, style, tables, **kwargs)
        if "moderation_moderationaction" not in tables:
            return statements
        return [*triggers["drop"], *statements, *triggers["create"]]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(operations, "sql_flush", sql_flush_past_triggers)
        yield


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Rate limits live in the cache; one test's failed logins must not lock out the next.

    A new key prefix per test, rather than clearing a Redis other processes share.
    """
    prefix = uuid.uuid4().hex
    settings.CACHES = {alias: {**cache, "KEY_PREFIX": prefix}
                       for alias, cache in settings.CACHES.items()}


@pytest.fixture(autouse=True)
def _fresh_screening_rules():
    """A rolled-back test must not leave its rules compiled in this process."""
    rules.forget()
    yield
    rules.forget()


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Each test gets a new layer: its queues belong to that test's event loop."""
    channel_layers.backends.clear()
    yield


@pytest.fixture
def rules_alone(settings):
    """Screening without its statistical tier, for tests about what the rules miss."""
    from moderation.screening import model

    settings.SCREENING_MODEL = False
    model.weights.cache_clear()
    yield
    model.weights.cache_clear()


@pytest.fixture
def unlimited_writes():
    """For tests that build a big forum through the services, past members' rate limits."""
    from community.ratelimits import waived

    with waived():
        yield


@pytest.fixture
def reports_count_in_full(db):
    """For tests of what reports do once they count: every reporter has standing, however
    new the account (tests/moderation/test_report_standing.py is about standing itself)."""
    from moderation.models import ModerationSettings

    ModerationSettings.objects.update_or_create(pk=1, defaults={"standing_days": 0,
                                                                "standing_posts": 0})


@pytest.fixture
def member(db):
    return UserFactory(username="alex")


@pytest.fixture
def peer_supporter(db):
    """A peer supporter in good standing: the role, and training that counts today."""
    user = UserFactory(username="jo")
    role_grant(user=user, role=roles.PEER_SUPPORTERS)
    trained(user)
    return user


@pytest.fixture
def moderator(db):
    user = UserFactory(username="mo")
    role_grant(user=user, role=roles.MODERATORS)
    return user


@pytest.fixture
def admin_user(db):
    user = UserFactory(username="admin")
    role_grant(user=user, role=roles.ADMINISTRATORS)
    return user


@pytest.fixture
def redis_url():
    """A real Redis: skipped without one, a failure when CI says services must be there."""
    url = os.environ.get("REDIS_URL")
    if not url:
        if REQUIRE_SERVICES:
            pytest.fail("REQUIRE_SERVICES=1 but REDIS_URL is not set")
        pytest.skip("needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0 to run")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if REQUIRE_SERVICES:
            pytest.fail(f"REQUIRE_SERVICES=1 but Redis at {url} does not answer: {error}")
        pytest.skip(f"Redis at {url} does not answer: {error}")
    return url


@pytest.fixture
def own_redis():
    """A Redis server of the test's own, which it may stop and start; skipped without
    redis-server unless CI says services must be there."""
    from tests.redis_server import RedisServer

    if RedisServer.binary is None:
        if REQUIRE_SERVICES:
            pytest.fail("REQUIRE_SERVICES=1 but redis-server is not installed")
        pytest.skip("needs the redis-server program")
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def socket_test_setup(transactional_db, settings):
    """For socket tests, which are transactional so broadcasts go out when writes commit.

    The flush between transactional tests empties what migrations made, the role groups
    among them; and a Redis shared with other test runs must not bring their messages
    to these sockets, so each test gets a channel prefix of its own.
    """
    from django.contrib.auth.models import Group

    for name in (roles.MODERATORS, roles.ADMINISTRATORS):
        Group.objects.get_or_create(name=name)
    layer = settings.CHANNEL_LAYERS["default"]
    if "CONFIG" in layer:
        config = {**layer["CONFIG"], "prefix": f"test-{uuid.uuid4().hex}"}
        settings.CHANNEL_LAYERS = {"default": {**layer, "CONFIG": config}}


def session_cookie(user) -> bytes:
    """The Cookie header value of a signed-in session, for a WebsocketCommunicator."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}".encode()
