"""Administrators set up categories and lock or pin threads in the admin, through services that
record the change and renew visitors' pages; posts are read-only."""

import pytest

from forums.models import Category, Thread
from forums.services import thread_create
from moderation.models import ModerationAction

pytestmark = pytest.mark.django_db

ADD_CATEGORY = "/admin/forums/category/add/"


def category_form(**changes):
    return {"name": "Sleep", "slug": "sleep", "description": "", "order": 100,
            "who_may_start": "everyone", "is_public": "on", **changes}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change's on-commit work, as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def thread(member, category):
    return thread_create(author=member, category=category, title="Hello from me",
                         body="Hello everyone, I'm new here.").post.thread


def test_administrators_can_open_every_forum_admin_page(client, admin_user, thread):
    client.force_login(admin_user)
    post = thread.posts.get()

    for url in ["/admin/", "/admin/forums/category/", ADD_CATEGORY,
                f"/admin/forums/category/{thread.category_id}/change/",
                "/admin/forums/thread/", f"/admin/forums/thread/{thread.pk}/change/",
                "/admin/forums/post/", f"/admin/forums/post/{post.pk}/change/",
                "/admin/forums/thread/?q=hello", "/admin/forums/post/?q=everyone"]:
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("slug", ["search", "posts"])
def test_a_category_cannot_take_a_forum_page_address(client, admin_user, slug):
    client.force_login(admin_user)

    response = client.post(ADD_CATEGORY, category_form(slug=slug))

    assert response.status_code == 200
    assert f"“{slug}” is the address of a forum page" in response.content.decode()
    assert not Category.objects.filter(slug=slug).exists()


def test_default_warnings_are_ticked_from_the_warnings_on_offer(client, admin_user):
    client.force_login(admin_user)

    page = client.get(ADD_CATEGORY).content.decode()
    response = client.post(ADD_CATEGORY, category_form(default_warnings=["self-harm", "suicide"]))

    assert 'type="checkbox" name="default_warnings" value="self-harm"' in page
    assert response.status_code == 302
    assert Category.objects.get(slug="sleep").default_warnings == ["suicide", "self-harm"]


def test_locking_a_thread_in_the_admin_is_recorded_and_keeps_counts(client, admin_user, thread):
    client.force_login(admin_user)
    # A reply counted after the admin page was opened must not be written back over.
    Thread.objects.filter(pk=thread.pk).update(post_count=5)

    response = client.post(f"/admin/forums/thread/{thread.pk}/change/",
                           {"is_locked": "on", "is_pinned": "on"})

    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.is_locked and thread.is_pinned and thread.post_count == 5
    assert {(action.verb, action.actor, action.target)
            for action in ModerationAction.objects.all()} == {
        ("lock", admin_user, thread), ("pin", admin_user, thread)}


def test_pinning_in_the_admin_is_recorded_and_visitors_see_it_at_once(client, admin_user, thread,
                                                                     committed):
    assert ">Pinned<" not in client.get(thread.get_absolute_url()).content.decode()  # cached
    client.force_login(admin_user)

    with committed():
        client.post(f"/admin/forums/thread/{thread.pk}/change/", {"is_pinned": "on"})

    action = ModerationAction.objects.get()
    assert (action.verb, action.actor, action.target) == ("pin", admin_user, thread)
    client.logout()
    assert '<span class="marker">Pinned</span>' in client.get(
        thread.get_absolute_url()).content.decode()


def test_saving_a_thread_unchanged_records_nothing(client, admin_user, thread):
    client.force_login(admin_user)

    client.post(f"/admin/forums/thread/{thread.pk}/change/", {})

    assert not ModerationAction.objects.exists()


@pytest.mark.parametrize(("action", "field", "verb"), [
    ("pin", "is_pinned", "pin"), ("lock", "is_locked", "lock")])
def test_pin_and_lock_many_threads_at_once(client, admin_user, thread, member, category, action,
                                           field, verb):
    other = thread_create(author=member, category=category, title="Another one",
                          body="More words here.").post.thread
    Thread.objects.filter(pk=other.pk).update(**{field: True})  # already done: left alone
    client.force_login(admin_user)

    response = client.post("/admin/forums/thread/", {
        "action": action, "_selected_action": [thread.pk, other.pk]}, follow=True)

    assert "1 thread " in response.content.decode()
    assert Thread.objects.filter(**{field: True}).count() == 2
    assert list(ModerationAction.objects.values_list("verb", "object_id")) == [(verb, thread.pk)]


@pytest.mark.parametrize(("action", "field", "verb"), [
    ("unpin", "is_pinned", "unpin"), ("unlock", "is_locked", "unlock")])
def test_unpin_and_unlock_from_the_list(client, admin_user, thread, action, field, verb):
    Thread.objects.filter(pk=thread.pk).update(**{field: True})
    client.force_login(admin_user)

    client.post("/admin/forums/thread/", {"action": action, "_selected_action": [thread.pk]})

    assert not Thread.objects.filter(**{field: True}).exists()
    assert ModerationAction.objects.get().verb == verb


def test_renaming_a_category_is_recorded_and_reaches_visitors_at_once(client, admin_user,
                                                                      thread, committed):
    category = thread.category
    Category.objects.filter(pk=category.pk).update(thread_count=7)  # counted since it loaded
    client.get(thread.get_absolute_url())  # cached with the old name
    client.force_login(admin_user)

    with committed():
        response = client.post(f"/admin/forums/category/{category.pk}/change/",
                               category_form(name="Low mood", slug=category.slug))

    assert response.status_code == 302
    action = ModerationAction.objects.get()
    assert (action.verb, action.actor, action.target) == ("category", admin_user, category)
    assert "name" in action.reason
    category.refresh_from_db()
    assert (category.name, category.thread_count) == ("Low mood", 7)
    client.logout()
    assert ">Low mood</a>" in client.get(thread.get_absolute_url()).content.decode()


def test_adding_a_category_is_recorded(client, admin_user):
    client.force_login(admin_user)

    client.post(ADD_CATEGORY, category_form())

    action = ModerationAction.objects.get()
    assert (action.verb, action.target) == ("category", Category.objects.get(slug="sleep"))


def test_posts_and_threads_cannot_be_added_or_changed_in_the_admin(client, admin_user, thread):
    client.force_login(admin_user)
    post = thread.posts.get()

    assert client.get("/admin/forums/post/add/").status_code == 403
    assert client.get("/admin/forums/thread/add/").status_code == 403
    page = client.get(f"/admin/forums/post/{post.pk}/change/").content.decode()
    assert 'name="body"' not in page and "Hello everyone" in page


def test_moderators_cannot_open_the_forum_admin(client, moderator):
    client.force_login(moderator)

    assert client.get("/admin/forums/category/").status_code == 302
