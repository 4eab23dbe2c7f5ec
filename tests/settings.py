"""The site's settings plus a small content app, so moderation is tested on content of its own."""

from community.settings import *  # noqa: F403
from community.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.moderatable"]

# Hashing passwords slowly protects real accounts; tests only need it to work.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
