"""Two moderators acting on one queue item at the same moment: one acts, the other is told.

Each moderator works in a thread of their own, so on its own database connection, and a
barrier starts them together. Only PostgreSQL takes row locks; SQLite's test database
lives in one connection's memory, so these run on PostgreSQL only.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from community import roles
from community.models import SiteSettings
from community.ratelimits import waived
from community.services import role_grant
from forums.models import Post, Thread
from forums.services import post_create, thread_create
from moderation import services
from moderation.content import Visibility
from moderation.models import ModerationAction, ModerationSettings, QueueItem
from tests.factories import CategoryFactory, UserFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL: two connections taking row locks"),
    pytest.mark.usefixtures("socket_test_setup"),
]
TRIALS = 10
CLOSING_VERBS = {ModerationAction.Verb.APPROVE, ModerationAction.Verb.HIDE,
                 ModerationAction.Verb.DISMISS, ModerationAction.Verb.EDIT}


def at_once(*actions) -> list[str]:
    """Run each action in its own thread and connection, released together; what each met."""
    barrier = threading.Barrier(len(actions))
    outcomes = [""] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            action()
            outcomes[index] = "done"
        except ValidationError as error:
            outcomes[index] = error.code or error.message
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, action))
               for index, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.fixture
def staff(transactional_db):
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 1})
    ModerationSettings.current()
    lead, moderator = UserFactory(username="lead"), UserFactory(username="mo")
    role_grant(user=lead, role=roles.ADMINISTRATORS)
    role_grant(user=moderator, role=roles.MODERATORS)
    return lead, moderator


def published_thread(category, lead) -> Thread:
    """A newcomer's thread, approved."""
    thread = thread_create(author=UserFactory(), category=category, title="Hello all",
                           body="Glad to have found this place.").post.thread
    services.content_approve(item=QueueItem.objects.get(), moderator=lead)
    thread.refresh_from_db()
    return thread


def held_reply(thread: Thread) -> tuple[Post, QueueItem]:
    """A newcomer's first reply, waiting for a moderator on its queue item."""
    post = post_create(author=UserFactory(), thread=thread, body="Hello, I'm new here.").post
    return post, QueueItem.objects.get(object_id=post.pk, content_type__model="post")


def test_the_safeguarding_leads_hide_and_a_moderators_approval_never_both_happen(staff):
    lead, moderator = staff
    category = CategoryFactory()
    with waived():
        thread = published_thread(category, lead)
        held = [held_reply(thread) for _ in range(TRIALS)]

    for post, item in held:
        outcomes = at_once(
            lambda item=item: services.content_hide(item=item, moderator=lead,
                                                    reason="Names someone"),
            lambda item=item: services.content_approve(item=item, moderator=moderator))

        assert sorted(outcomes) == ["dealt_with", "done"]
        post.refresh_from_db()
        hid = outcomes[0] == "done"
        assert post.visibility == (Visibility.HIDDEN if hid else Visibility.PUBLISHED)
        closing = ModerationAction.objects.filter(item=item, verb__in=CLOSING_VERBS)
        assert closing.count() == 1

    thread.refresh_from_db()
    category.refresh_from_db()
    published = Post.objects.filter(thread=thread, visibility=Visibility.PUBLISHED).count()
    assert thread.post_count == category.post_count == published


def test_two_moderators_hiding_one_post_hide_it_once(staff):
    lead, moderator = staff
    category = CategoryFactory()
    with waived():
        post, item = held_reply(published_thread(category, lead))

    outcomes = at_once(
        lambda: services.content_hide(item=item, moderator=lead, reason="Names someone"),
        lambda: services.content_hide(item=item, moderator=moderator, reason="Unkind"))

    assert sorted(outcomes) == ["dealt_with", "done"]
    assert ModerationAction.objects.filter(item=item, verb=ModerationAction.Verb.HIDE).count() == 1


def test_hiding_from_the_queue_and_where_it_is_read_at_once_hides_it_once(staff):
    lead, moderator = staff
    category = CategoryFactory()
    with waived():
        post, item = held_reply(published_thread(category, lead))

    outcomes = at_once(
        lambda: services.content_hide(item=item, moderator=lead, reason="Names someone"),
        lambda: services.content_hide_where_read(content=post, moderator=moderator,
                                                 reason="Unkind"))

    assert outcomes.count("done") == 1
    item.refresh_from_db()
    assert item.status == QueueItem.Status.RESOLVED
    hides = ModerationAction.objects.filter(object_id=post.pk, content_type__model="post",
                                            verb=ModerationAction.Verb.HIDE)
    assert hides.count() == 1 and hides.get().item == item
