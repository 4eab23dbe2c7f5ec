"""Settings come from the environment; production refuses unsafe values and deploys clean."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "kX9#mQ2$vL7!pR4&zT8*wN3^bF6@hJ1%cY5(dG0)sA-eU_iO+rE=tW~yP",
    "ALLOWED_HOSTS": "peer.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://peer.example.org",
}
SETTING_NAMES = ["DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASE_URL",
                 "REDIS_URL", "CHANNEL_REDIS_URL", "CHANNEL_LAYER", "EMAIL_BACKEND", "EMAIL_HOST",
                 "EMAIL_PORT", "SITE_NAME", "SITE_URL"]


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter, with only the variables given."""
    environment = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True,
        text=True, timeout=60,
    )


def read_settings(*names: str, **env: str) -> dict:
    code = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {list(names)!r}}}, default=str))"
    )
    result = run_django(code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_development_defaults_need_no_services():
    values = read_settings("DEBUG", "DATABASES", "CHANNEL_LAYERS", "EMAIL_BACKEND")

    assert values["DEBUG"] is True
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["CHANNEL_LAYERS"]["default"]["BACKEND"] == "channels.layers.InMemoryChannelLayer"
    assert values["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_database_and_redis_urls_switch_backends():
    values = read_settings(
        "DATABASES", "CHANNEL_LAYERS", "CACHES",
        DATABASE_URL="postgres://peer:secret@db.internal:5432/community",
        REDIS_URL="redis://cache.internal:6379/2",
    )

    database = values["DATABASES"]["default"]
    assert (database["ENGINE"], database["HOST"], database["NAME"]) == (
        "django.db.backends.postgresql", "db.internal", "community"
    )
    layer = values["CHANNEL_LAYERS"]["default"]
    assert layer["BACKEND"] == "channels_redis.pubsub.RedisPubSubChannelLayer"
    assert [host["address"] for host in layer["CONFIG"]["hosts"]] == [
        "redis://cache.internal:6379/2"]
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/2"


def test_chat_can_have_a_redis_of_its_own():
    values = read_settings("CHANNEL_LAYERS", "CACHES", "CHANNEL_REDIS_URL",
                           REDIS_URL="redis://cache.internal:6379/2",
                           CHANNEL_REDIS_URL="redis://chat.internal:6379/0")

    assert values["CHANNEL_LAYERS"]["default"]["CONFIG"]["hosts"][0]["address"] == (
        "redis://chat.internal:6379/0")
    assert values["CHANNEL_REDIS_URL"] == "redis://chat.internal:6379/0"
    assert {cache["LOCATION"] for cache in values["CACHES"].values()} == {
        "redis://cache.internal:6379/2"}


def test_the_list_based_redis_layer_can_be_chosen():
    values = read_settings("CHANNEL_LAYERS", REDIS_URL="redis://cache.internal:6379/2",
                           CHANNEL_LAYER="core")

    assert values["CHANNEL_LAYERS"]["default"]["BACKEND"] == "channels_redis.core.RedisChannelLayer"


def test_lists_and_email_settings_are_read():
    values = read_settings(
        "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "EMAIL_HOST", "EMAIL_PORT",
        **PRODUCTION, EMAIL_HOST="smtp.example.org", EMAIL_PORT="2525",
    )

    assert values == {
        "ALLOWED_HOSTS": ["peer.example.org"],
        "CSRF_TRUSTED_ORIGINS": ["https://peer.example.org"],
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 2525,
    }


def test_emails_name_the_site_and_link_to_its_public_address():
    development = read_settings("SITE_NAME", "SITE_URL", "ACCOUNT_EMAIL_SUBJECT_PREFIX")
    production = read_settings("SITE_URL", **PRODUCTION)
    chosen = read_settings("SITE_NAME", "SITE_URL", "ACCOUNT_EMAIL_SUBJECT_PREFIX", **PRODUCTION,
                           SITE_NAME="Carers Together", SITE_URL="https://carers.example.org/")

    assert development == {"SITE_NAME": "Peer support community",
                           "SITE_URL": "http://127.0.0.1:8000",
                           "ACCOUNT_EMAIL_SUBJECT_PREFIX": "Peer support community: "}
    assert production["SITE_URL"] == "https://peer.example.org"
    assert chosen == {"SITE_NAME": "Carers Together", "SITE_URL": "https://carers.example.org",
                      "ACCOUNT_EMAIL_SUBJECT_PREFIX": "Carers Together: "}


@pytest.mark.parametrize(
    ("missing_or_bad", "message"),
    [
        ({"SECRET_KEY": ""}, "Set SECRET_KEY"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 60}, "SECRET_KEY is too weak"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY is too weak"),
        ({"ALLOWED_HOSTS": ""}, "Set ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "Set SITE_URL"),
        ({"DEBUG": "perhaps"}, "DEBUG must be a yes/no value"),
    ],
)
def test_production_refuses_to_start_with_unsafe_settings(missing_or_bad, message):
    result = run_django("import django; django.setup()", **{**PRODUCTION, **missing_or_bad})

    assert result.returncode != 0
    assert message in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_django(
        "from django.core.management import execute_from_command_line as run; "
        "run(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **PRODUCTION,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_postgresql_connections_can_come_from_a_pool_per_process():
    values = read_settings("DATABASES",
                           DATABASE_URL="postgres://peer:secret@db.internal:5432/community",
                           DATABASE_POOL_SIZE="10")

    assert values["DATABASES"]["default"]["OPTIONS"]["pool"]["max_size"] == 10
    assert values["DATABASES"]["default"]["CONN_MAX_AGE"] == 0


def test_the_list_based_layer_holds_a_burst_for_a_whole_room():
    """A room's events reach each process on one channel, so it needs more than 100 places."""
    values = read_settings("CHANNEL_LAYERS", REDIS_URL="redis://cache.internal:6379/2",
                           CHANNEL_LAYER="core")

    assert values["CHANNEL_LAYERS"]["default"]["CONFIG"]["capacity"] >= 1000


EMIT_LOG_LINES = """
import logging, django
django.setup()
logging.getLogger("django.request").warning("django says this once")
logging.getLogger("community.cache").warning("we say this once")
"""


@pytest.mark.parametrize("debug", ["1", "0"])
def test_each_log_record_is_printed_once(debug):
    done = run_django(EMIT_LOG_LINES, **{**PRODUCTION, "DEBUG": debug})

    assert done.returncode == 0, done.stderr
    assert done.stderr.count("django says this once") == 1
    assert done.stderr.count("we say this once") == 1
