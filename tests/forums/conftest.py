"""Forum fixtures: a category, and members whose posts are not held as newcomers'."""

import pytest

from community.models import SiteSettings
from tests.factories import CategoryFactory


@pytest.fixture(autouse=True)
def no_newcomer_holds(db):
    """Most tests are not about pre-moderation; those that are turn it back on."""
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})


@pytest.fixture(autouse=True)
def moderators_online(db):
    """A moderator active a moment ago, so urgent posts are published as in staffed hours."""
    from moderation.services import presence_touch
    from tests.factories import on_duty_moderator

    presence_touch(moderator=on_duty_moderator())


@pytest.fixture
def category(db):
    return CategoryFactory(name="Anxiety and low mood", slug="anxiety")


@pytest.fixture
def forget_kept_listings():
    """What a committed change to any thread does to kept search results and category
    listings: the next request finds them afresh (nothing else kept is let go)."""
    from forums.page_cache import FORUMS_VERSION_KEY, pages

    return lambda: pages().delete(FORUMS_VERSION_KEY)
