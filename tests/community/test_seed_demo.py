"""seed_demo makes a site look alive (forums too), runs twice safely, stays out of production."""

import pytest
from django.core.management import CommandError, call_command

from community.models import SiteSettings, User
from community.roles import is_administrator, is_moderator
from forums.models import Category, Post, Reaction, Thread

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def development(settings):
    settings.DEBUG = True  # pytest-django turns DEBUG off; seed_demo is for development


def test_seed_demo_creates_members_in_each_role():
    call_command("seed_demo")

    users = {user.username: user for user in User.objects.select_related("member")}
    assert set(users) == {"alex", "sam", "jo", "mo", "admin"}
    assert users["jo"].member.is_peer_supporter
    assert is_moderator(users["mo"]) and not is_administrator(users["mo"])
    assert is_administrator(users["admin"]) and users["admin"].is_staff
    assert not is_moderator(users["alex"])
    assert users["alex"].check_password("peer-support-demo")


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo")
    users = User.objects.get(username="alex")
    users.set_password("changed-by-alex-123")
    users.save()

    call_command("seed_demo")

    assert User.objects.count() == 5
    assert User.objects.get(username="alex").check_password("changed-by-alex-123")


def test_seed_demo_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("seed_demo")
    assert not User.objects.exists()

    call_command("seed_demo", "--force")
    assert User.objects.count() == 5


def test_seed_demo_fills_the_forums_once_with_nothing_held():
    call_command("seed_demo")
    counts = (Category.objects.count(), Thread.objects.count(), Post.objects.count(),
              Reaction.objects.count())
    call_command("seed_demo")

    assert (Category.objects.count(), Thread.objects.count(), Post.objects.count(),
            Reaction.objects.count()) == counts
    assert counts[0] == 7 and counts[1] >= 5
    assert not Post.objects.exclude(visibility="published").exists()
    assert Category.objects.get(slug="news-from-the-team").who_may_start == "staff"
    assert Thread.objects.exclude(content_warnings=[]).exists()
    assert SiteSettings.current().held_first_posts == 1
