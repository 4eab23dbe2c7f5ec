"""Rate limits on members' writes: one mechanism, rates administrators set, and a clear wait."""

import pytest
from django.urls import reverse

from community.models import Block, WriteLimit
from community.ratelimits import DEFAULT_RATES, limit_check, rates, rates_changed
from community.refusals import Refused
from forums.models import Post, Reaction, Thread
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def set_rate(kind: str, rate: str) -> None:
    WriteLimit.objects.filter(kind=kind).update(rate=rate)
    rates_changed()


def test_every_kind_of_write_has_a_rate_out_of_the_box():
    assert set(rates()) == set(WriteLimit.Kind.values) == set(DEFAULT_RATES)
    assert WriteLimit.objects.count() == len(WriteLimit.Kind.values)


def test_past_the_rate_a_write_is_refused_with_when_to_try_again(member):
    set_rate("post", "2 per minute")
    limit_check(member=member, kind="post")
    limit_check(member=member, kind="post")

    with pytest.raises(Refused) as refused:
        limit_check(member=member, kind="post")

    assert refused.value.code == "too_fast"
    assert "Please wait" in refused.value.message and "minute" in refused.value.message
    assert 0 < refused.value.retry_after <= 60


def test_each_member_and_each_kind_is_counted_apart(member):
    set_rate("post", "1 per minute")
    limit_check(member=member, kind="post")

    limit_check(member=UserFactory(), kind="post")
    limit_check(member=member, kind="reaction")
    with pytest.raises(Refused):
        limit_check(member=member, kind="post")


def test_an_administrators_new_rate_applies_at_once(admin_user, client, member):
    client.force_login(admin_user)
    limit = WriteLimit.objects.get(kind="block")

    response = client.post(reverse("admin:community_writelimit_changelist"), {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(limit.pk),
        "form-0-rate": "1 per day", "_save": "Save",
    })

    assert response.status_code == 302
    limit_check(member=member, kind="block")
    with pytest.raises(Refused):
        limit_check(member=member, kind="block")


def test_the_admin_refuses_a_rate_it_cannot_read(admin_user, client):
    client.force_login(admin_user)
    limit = WriteLimit.objects.get(kind="block")

    response = client.post(reverse("admin:community_writelimit_changelist"), {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(limit.pk),
        "form-0-rate": "lots", "_save": "Save",
    })

    assert "5 per minute" in response.text
    limit.refresh_from_db()
    assert limit.rate == DEFAULT_RATES["block"]


def test_too_many_reactions_are_refused_kindly(client, member):
    set_rate("reaction", "1 per minute")
    other = UserFactory()
    thread = Thread.objects.create(category=CategoryFactory(), title="Hello", author=other)
    post = Post.objects.create(thread=thread, author=other, number=1, body="Hi", html="Hi")
    client.force_login(member)
    url = reverse("forums:post_react", args=[post.pk])

    client.post(url, {"give": "support"})
    page = client.post(url, {"give": "thanks"}, follow=True)

    assert page.status_code == 200
    assert "Please wait" in page.text
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["support"]


def test_too_many_blocks_are_refused_kindly(client, member):
    set_rate("block", "1 per hour")
    first, second = UserFactory(), UserFactory()
    client.force_login(member)

    client.post(reverse("member_block", args=[first.username]))
    page = client.post(reverse("member_block", args=[second.username]), follow=True)

    assert "Please wait" in page.text
    assert list(Block.objects.values_list("blocked", flat=True)) == [first.pk]


@pytest.mark.parametrize("kind", ["post", "report"])
def test_an_unreachable_counter_store_counts_in_this_process(member, settings, kind):
    """Nobody is silenced by an outage, and nobody gets unlimited writes through one."""
    settings.REDIS_URL = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    set_rate(kind, "1 per hour")

    limit_check(member=member, kind=kind)
    with pytest.raises(Refused, match="Please wait"):
        limit_check(member=member, kind=kind)
    limit_check(member=UserFactory(), kind=kind)
