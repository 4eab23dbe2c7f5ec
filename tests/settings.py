"""The site's settings plus a small content app, so moderation is tested on content of its own."""

from config.settings import *  # noqa: F403
from config.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.moderatable"]

# Hashing passwords slowly protects real accounts; tests only need it to work.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
