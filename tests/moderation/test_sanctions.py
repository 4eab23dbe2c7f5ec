"""Warnings, mutes, suspensions and bans: their effect on members, and their expiry by the clock."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from community.models import Notification
from community.refusals import Refused
from moderation.models import ModerationAction, ModeratorPresence, Sanction
from moderation.sanctions import (
    refuse_if_silenced,
    sanction_create,
    sanction_lift,
    silencing_sanction,
)

pytestmark = pytest.mark.django_db


def give(member, moderator, kind, hours=None, **extra):
    return sanction_create(member=member, moderator=moderator, kind=kind,
                           reason="Please be kinder to others",
                           duration=timedelta(hours=hours) if hours else None, **extra)


def test_mute_ends_on_time_without_anything_running(member, moderator):
    mute = give(member, moderator, "mute", hours=2)

    assert silencing_sanction(member, now=timezone.now()) == mute
    assert silencing_sanction(member, now=mute.ends_at - timedelta(seconds=1)) == mute
    assert silencing_sanction(member, now=mute.ends_at + timedelta(seconds=1)) is None


def test_lifted_sanction_stops_at_once_and_is_recorded(member, moderator):
    mute = give(member, moderator, "mute", hours=2)

    sanction_lift(sanction=mute, moderator=moderator)

    refuse_if_silenced(member)  # does not raise
    assert ModerationAction.objects.filter(verb="lift", member=member).exists()


def test_room_mute_silences_only_that_room(member, moderator):
    give(member, moderator, "mute", hours=1, scope="room-evening")

    with pytest.raises(Refused):
        refuse_if_silenced(member, scope="room-evening")
    refuse_if_silenced(member, scope="room-carers")
    refuse_if_silenced(member)


def test_each_sanction_is_recorded_and_told_to_the_member(member, moderator):
    give(member, moderator, "mute", hours=1)

    assert ModerationAction.objects.get(verb="mute").member == member
    assert "can't post or chat until" in Notification.objects.get(user=member).text


@pytest.mark.parametrize("kind", ["suspend", "ban"])
def test_suspended_or_banned_member_is_signed_out_and_told_why(client, member, moderator, kind):
    give(member, moderator, kind, hours=24 if kind == "suspend" else None)
    client.force_login(member)

    response = client.get(reverse("home"))

    assert response.status_code == 403
    assert "Please be kinder to others" in response.content.decode()
    assert client.get(reverse("home")).context["user"].is_anonymous


def test_a_suspended_member_who_logs_in_sees_only_the_suspension(client, member, moderator):
    from tests.factories import PASSWORD

    give(member, moderator, "suspend", hours=24)

    response = client.post(reverse("account_login"), {"login": "alex", "password": PASSWORD},
                           follow=True)

    page = response.content.decode()
    assert response.status_code == 403
    assert "Your account is suspended until" in page
    assert "You are logged in" not in page
    assert "signed in" not in page
    assert response.context["user"].is_anonymous
    assert "You are logged in" not in client.get(reverse("account_login")).content.decode()


def test_expired_suspension_lets_the_member_back_in(client, member, moderator):
    suspension = give(member, moderator, "suspend", hours=1)
    Sanction.objects.filter(pk=suspension.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    client.force_login(member)

    assert client.get(reverse("home")).status_code == 200


def test_warning_must_be_read_before_carrying_on(client, member, moderator):
    warning = give(member, moderator, "warning")
    client.force_login(member)
    page = reverse("moderation:warning", args=[warning.pk])

    assert client.get(reverse("forums:index"))["Location"] == page
    assert client.get(reverse("help")).status_code == 200
    assert "Please be kinder to others" in client.get(page).content.decode()

    client.post(page)

    assert client.get(reverse("forums:index")).status_code == 200


def test_members_cannot_read_each_others_warnings(client, member, moderator):
    from tests.factories import UserFactory
    warning = give(member, moderator, "warning")
    client.force_login(UserFactory())

    assert client.get(reverse("moderation:warning", args=[warning.pk])).status_code == 404


def test_moderators_are_marked_present_as_they_use_the_site(client, moderator):
    client.force_login(moderator)

    client.get(reverse("home"))

    assert ModeratorPresence.objects.filter(moderator=moderator).exists()


@pytest.mark.parametrize(
    ("kind", "reason", "hours", "message"),
    [("nap", "x", 1, "kind of sanction"), ("mute", "  ", 1, "reason"),
     ("mute", "x", -1, "more than nothing")],
)
def test_bad_sanctions_are_refused(member, moderator, kind, reason, hours, message):
    with pytest.raises(ValidationError, match=message):
        sanction_create(member=member, moderator=moderator, kind=kind, reason=reason,
                        duration=timedelta(hours=hours))
