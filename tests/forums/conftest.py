"""Forum fixtures: a category, and members whose posts are not held as newcomers'."""

import pytest

from community.models import SiteSettings
from tests.factories import CategoryFactory


@pytest.fixture(autouse=True)
def no_newcomer_holds(db):
    """Most tests are not about pre-moderation; those that are turn it back on."""
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})


@pytest.fixture
def category(db):
    return CategoryFactory(name="Anxiety and low mood", slug="anxiety")
