"""/healthz reports the database, the cache and the channel layer: without Redis the site
serves degraded (200), without its database it is down (503)."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from config.settings import redis_caches

pytestmark = pytest.mark.django_db(transaction=True)


def test_healthz_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok",
                               "channel_layer": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_names_an_unreachable_channel_layer(client, settings):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # Nothing listens on port 1: a real connection that is refused.
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "ok",
                               "channel_layer": "error"}


def test_healthz_names_an_unreachable_cache(client, settings):
    settings.CACHES = redis_caches("redis://127.0.0.1:1/0", "health")

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error",
                               "channel_layer": "ok"}


def test_healthz_names_a_failing_database(client, monkeypatch):
    # A database cannot be stopped from inside its own test; make queries fail instead.
    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "error", "cache": "ok",
                               "channel_layer": "ok"}
