"""Shared fixtures: members in each role, and the services some tests need."""

import os
import uuid

import pytest
from channels.layers import channel_layers

from community import roles
from community.services import role_grant
from moderation.screening import rules
from tests.factories import UserFactory

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Rate limits live in the cache; one test's failed logins must not lock out the next.

    A new key prefix per test, rather than clearing a Redis other processes share.
    """
    default = settings.CACHES["default"]
    settings.CACHES = {**settings.CACHES, "default": {**default, "KEY_PREFIX": uuid.uuid4().hex}}


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
def member(db):
    return UserFactory(username="alex")


@pytest.fixture
def peer_supporter(db):
    user = UserFactory(username="jo")
    role_grant(user=user, role=roles.PEER_SUPPORTERS)
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
