"""Settings for the whole site, read from environment variables.

Development defaults need no services (SQLite, in-memory channel layer);
with DEBUG off the site refuses to start until production values are given.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a yes/no value such as 1 or 0, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


DEBUG = env_bool("DEBUG", True)

DEV_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY: with DEBUG off the site needs a real secret.")
    SECRET_KEY = DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5
                    or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: use at least 50 random characters."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS: with DEBUG off the site needs its host names.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# How emails name the site and link back to it: a command sending the daily digest has no
# request to take a host from, and a subject must never read "127.0.0.1:8000".
SITE_NAME = os.environ.get("SITE_NAME", "").strip() or "Peer support community"
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if not SITE_URL:
    host = ALLOWED_HOSTS[0].lstrip(".")
    if not DEBUG and "*" in host:
        raise ImproperlyConfigured("Set SITE_URL, such as https://peer.example.org: emails "
                                   "link to the site with it.")
    SITE_URL = "http://127.0.0.1:8000" if DEBUG else f"https://{host}"

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "csp",
    "allauth",
    "allauth.account",
    "community",
    "moderation",
    "forums",
    "chat",
    "conversations",
    "localgroups",
    "wellbeing",
    "mentoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "community.request_cache.RequestCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "community.middleware.UnusableAddressMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "moderation.middleware.ModerationMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "community.context_processors.roles",
                "community.context_processors.notifications",
                "moderation.context_processors.cover",
                "moderation.context_processors.moderator_header",
                "wellbeing.context_processors.checkin",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Under ASGI each request may run on another thread: persistent
        # connections would pile up, so they are opt-in.
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
# Instead, with PostgreSQL, a pool per process: each chat socket's trip to the database
# then borrows an open connection rather than opening one (README, "Running in production").
DATABASE_POOL_SIZE = env_int("DATABASE_POOL_SIZE", 0)
if DATABASE_POOL_SIZE and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1, "max_size": DATABASE_POOL_SIZE}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is best effort: while it is down the site goes on serving (README: "What happens
# when Redis is down"). The cache lives at REDIS_URL; chat's channel layer and presence at
# CHANNEL_REDIS_URL, which may be a database or instance of its own, since the cache may
# evict and chat must not (README: "Redis memory").
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CHANNEL_REDIS_URL = os.environ.get("CHANNEL_REDIS_URL", "").strip() or REDIS_URL
# Redis answers in well under a millisecond on a working network: a page waits no longer
# than this for one that has gone quiet.
REDIS_TIMEOUT_SECONDS = 0.5
# Redis pub/sub measured fastest in bench/chat.py (see README); "core" is channels_redis's
# list-based layer, for Redis setups without pub/sub.
CHANNEL_LAYER_BACKENDS = {
    "pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer",
    "core": "channels_redis.core.RedisChannelLayer",
}


def redis_caches(url: str, prefix: str) -> dict:
    """The cache on Redis, shared by every process so rate limits and cached rules agree.

    When Redis cannot be reached (community/cache.py), counts and shared answers are kept
    in each process's memory, and visitors' pages ("pages") are not kept at all, so no
    process serves a page another process has changed.
    """
    def best_effort(fallback: str) -> dict:
        return {
            "BACKEND": "community.cache.BestEffortRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                "FALLBACK": f"django.core.cache.backends.{fallback}",
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            },
        }

    return {"default": best_effort("locmem.LocMemCache"), "pages": best_effort("dummy.DummyCache")}


def redis_channel_layers(url: str, prefix: str, layer: str) -> dict:
    if layer not in CHANNEL_LAYER_BACKENDS:
        raise ImproperlyConfigured("CHANNEL_LAYER must be 'pubsub' or 'core'.")
    # Only a connect timeout: the layer's own reads wait for messages on purpose.
    host = {"address": url, "socket_connect_timeout": REDIS_TIMEOUT_SECONDS}
    config = {"hosts": [host], "prefix": prefix}
    if layer == "core":
        # A room's events reach each process on one channel (chat/delivery.py): a burst in a
        # busy room must not overflow the list layer's 100 places and be dropped.
        config["capacity"] = 1000
    return {"default": {"BACKEND": CHANNEL_LAYER_BACKENDS[layer], "CONFIG": config}}


if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, os.environ.get("CACHE_PREFIX", "community"))
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                  "LOCATION": "pages"},
    }
if CHANNEL_REDIS_URL:
    CHANNEL_LAYERS = redis_channel_layers(CHANNEL_REDIS_URL,
                                          os.environ.get("CHANNEL_PREFIX", "asgi"),
                                          os.environ.get("CHANNEL_LAYER", "pubsub"))
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

AUTH_USER_MODEL = "community.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_ADAPTER = "community.accounts.AccountAdapter"
# Every allauth form a member meets, in the site's words (community/forms.py).
ACCOUNT_FORMS = {
    "signup": "community.forms.SignupForm",
    "login": "community.forms.LoginForm",
    "change_password": "community.forms.ChangePasswordForm",
    "set_password": "community.forms.SetPasswordForm",
    "reset_password": "community.forms.ResetPasswordForm",
    "reset_password_from_key": "community.forms.ResetPasswordKeyForm",
    "add_email": "community.forms.AddEmailForm",
    "reauthenticate": "community.forms.ReauthenticateForm",
}
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"{SITE_NAME}: "
# What happens to a member's posts and chat messages when they delete their account
# (community.leaving): "choose" lets each member pick; "anonymise" keeps them all, shown as a
# former member's; "delete" removes them (words a moderator was asked to look at are kept for
# the moderators).
ACCOUNT_DELETE_CONTENT_CHOICE = os.environ.get("ACCOUNT_DELETE_CONTENT_CHOICE", "choose")
if ACCOUNT_DELETE_CONTENT_CHOICE not in {"choose", "anonymise", "delete"}:
    raise ImproperlyConfigured("ACCOUNT_DELETE_CONTENT_CHOICE must be choose, anonymise or "
                               f"delete, not {ACCOUNT_DELETE_CONTENT_CHOICE!r}")
# allauth's defaults, stated so nobody switches them off by accident: failed
# logins are limited per IP and per account, sign-ups and resets per IP.
ACCOUNT_RATE_LIMITS = {
    # Raise it where many people sign in from one address (a library, a care home).
    "login": f"{env_int('LOGINS_PER_MINUTE_PER_IP', 30)}/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "confirm_email": "1/180s/key",
    "reauthenticate": "10/m/user",
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
# For EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend (the browser tests).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Scripts and styles only from this site: nothing a member types can run, even
# if it ever slipped past escaping.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Screening's statistical tier (moderation/screening/model.py): on, because trained on the
# larger evaluation set it finds far more of the held-out crisis texts without rating more
# everyday texts urgent; see the README's "How well screening works".
SCREENING_MODEL = env_bool("SCREENING_MODEL", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's defaults give "django" its own console handler (in DEBUG) on top of the
        # root's, so each of its lines was printed twice: naming the logger here drops them.
        "django": {"propagate": True},
        "django.channels.server": {"level": "WARNING"},
    },
}
