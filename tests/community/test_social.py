"""Notifications and blocking: what a member sees and can do about other members."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from community.models import Block, Notification
from community.services import block_create, notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
NOTIFICATIONS = reverse("notifications")


def tell(user, count, url="/forums/posts/1/"):
    for n in range(count):
        notify(users=[user], kind=Notification.Kind.REPLY, text=f"Reply number {n}", url=url)


# Notifications


def test_notifications_are_newest_first_and_marked_read_by_visiting(client, member):
    tell(member, 2)
    client.force_login(member)

    first_visit = client.get(NOTIFICATIONS).content.decode()
    second_visit = client.get(NOTIFICATIONS).content.decode()

    assert first_visit.index("Reply number 1") < first_visit.index("Reply number 0")
    assert first_visit.count('class="notification__new">New<') == 2
    assert "notification__new" not in second_visit
    assert not Notification.objects.filter(read_at=None).exists()


def test_notifications_only_link_to_this_site(client, member):
    for url in ["/forums/posts/7/", "https://evil.example/", "//evil.example/",
                "javascript:alert(1)", ""]:
        notify(users=[member], kind=Notification.Kind.REACTION, text=f"About {url}", url=url)
    client.force_login(member)

    page = client.get(NOTIFICATIONS).content.decode()

    assert '<a href="/forums/posts/7/">About /forums/posts/7/</a>' in page
    assert "evil.example/\"" not in page and 'href="javascript' not in page
    assert "About https://evil.example/" in page


def test_notification_text_is_shown_as_text(client, member):
    notify(users=[member], kind=Notification.Kind.REPLY, text="<script>alert(1)</script> said hi")
    client.force_login(member)

    page = client.get(NOTIFICATIONS).content.decode()

    assert escape("<script>alert(1)</script> said hi") in page


def test_notifications_are_only_your_own(client, member):
    tell(UserFactory(), 1)
    client.force_login(member)

    page = client.get(NOTIFICATIONS).content.decode()

    assert "Reply number 0" not in page and "You have no notifications yet." in page
    assert Notification.objects.filter(read_at=None).count() == 1


def test_notifications_are_for_members_only(client):
    assert client.get(NOTIFICATIONS)["Location"].startswith(LOGIN)


def test_header_shows_the_unread_count_until_read(client, member):
    tell(member, 3)
    client.force_login(member)

    before = client.get(reverse("home")).content.decode()
    client.get(NOTIFICATIONS)
    after = client.get(reverse("home")).content.decode()

    assert ('Notifications <span aria-hidden="true">(3)</span>'
            '<span class="visually-hidden">, 3 unread</span>') in before
    assert f'<a href="{NOTIFICATIONS}">Notifications</a>' in after


def test_header_has_no_notifications_link_for_visitors(client, db):
    assert NOTIFICATIONS not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("count", [2, 60])
def test_notifications_page_runs_a_fixed_number_of_queries(client, member, count,
                                                           django_assert_max_num_queries):
    tell(member, count)
    client.force_login(member)
    with CaptureQueriesContext(connection) as every_page:
        client.get(reverse("home"))

    # On top of what every page costs: counting, one page of notifications, marking read.
    with django_assert_max_num_queries(len(every_page) + 3):
        response = client.get(NOTIFICATIONS)

    assert response.status_code == 200


def test_a_visit_with_nothing_new_writes_nothing(client, member,
                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tell(member, 3)
    client.force_login(member)
    client.get(NOTIFICATIONS)

    with CaptureQueriesContext(connection) as again:
        page = client.get(NOTIFICATIONS).content.decode()

    assert not [query for query in again if query["sql"].startswith("UPDATE")]
    assert "Reply number 2" in page and "notification--new" not in page
    with django_capture_on_commit_callbacks(execute=True):
        notify(users=[member], kind=Notification.Kind.REPLY, actor=UserFactory(),
               key="later", url="/", text="A later reply")
    assert "notification--new" in client.get(NOTIFICATIONS).content.decode()
    assert not Notification.objects.filter(read_at=None).exists()


def test_notifications_are_paginated(client, member):
    tell(member, 30)
    client.force_login(member)

    older = client.get(NOTIFICATIONS, {"page": 2}).content.decode()

    assert "Reply number 4" in older and "Reply number 5" not in older
    assert "Page 2 of 2" in older


# Blocking


def test_profile_explains_blocking_and_blocks(client, member):
    sam = UserFactory(username="sam")
    client.force_login(member)
    profile = reverse("member_detail", args=["sam"])

    page = client.get(profile).content.decode()
    response = client.post(reverse("member_block", args=["sam"]), follow=True)

    assert ("Their posts will be folded away for you, you won't see their reactions or hear "
            "from them, and you won't be able to send each other private messages. They are "
            "not told, and nothing changes for them.") in page
    assert "Block sam</button>" in page
    assert Block.objects.filter(blocker=member, blocked=sam).exists()
    assert response.redirect_chain[-1][0] == profile
    page = response.content.decode()
    assert "You have blocked sam." in page and "Unblock sam</button>" in page


def test_unblocking_from_the_profile(client, member):
    sam = UserFactory(username="sam")
    block_create(blocker=member, blocked=sam)
    client.force_login(member)

    page = client.post(reverse("member_unblock", args=["sam"]), follow=True).content.decode()

    assert not Block.objects.exists()
    assert "You have unblocked sam." in page and "Block sam</button>" in page


def test_blocked_list_unblocks_and_comes_back(client, member):
    for name in ("sam", "kit"):
        block_create(blocker=member, blocked=UserFactory(username=name))
    block_create(blocker=UserFactory(), blocked=UserFactory(username="pat"))
    client.force_login(member)
    blocked = reverse("blocked_members")

    page = client.get(blocked).content.decode()
    response = client.post(reverse("member_unblock", args=["kit"]), {"next": blocked})

    assert page.index(">kit</a>") < page.index(">sam</a>") and ">pat</a>" not in page
    assert response["Location"] == blocked
    assert list(Block.objects.filter(blocker=member).values_list("blocked__username", flat=True)
                ) == ["sam"]


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/"])
def test_unblock_never_redirects_to_another_site(client, member, next_url):
    block_create(blocker=member, blocked=UserFactory(username="sam"))
    client.force_login(member)

    response = client.post(reverse("member_unblock", args=["sam"]), {"next": next_url})

    assert response["Location"] == reverse("member_detail", args=["sam"])


def test_you_cannot_block_yourself(client, member):
    client.force_login(member)

    assert "Block alex" not in client.get(reverse("member_detail", args=["alex"])).content.decode()
    page = client.post(reverse("member_block", args=["alex"]), follow=True).content.decode()

    assert escape("You can't block yourself.") in page
    assert not Block.objects.exists()


@pytest.mark.parametrize("role", ["moderator", "admin_user"])
def test_moderators_and_administrators_cannot_be_blocked(client, member, role, request):
    staff = request.getfixturevalue(role)
    profile = reverse("member_detail", args=[staff.username])
    client.force_login(member)

    page = client.get(profile).content.decode()
    refused = client.post(reverse("member_block", args=[staff.username]), follow=True)

    assert f"Block {staff.username}</button>" not in page
    assert "Moderators and administrators can't be blocked" in page
    assert "You can&#x27;t block a moderator or an administrator" in refused.content.decode()
    with pytest.raises(PermissionDenied, match="can't block a moderator or an administrator"):
        block_create(blocker=member, blocked=staff)
    assert not Block.objects.exists()


def test_blocking_needs_a_post_from_a_member(client, member):
    UserFactory(username="sam")
    block = reverse("member_block", args=["sam"])

    assert client.post(block)["Location"].startswith(LOGIN)
    client.force_login(member)
    assert client.get(block).status_code == 405
    assert client.post(reverse("member_block", args=["nobody"])).status_code == 404
