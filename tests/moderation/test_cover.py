"""Members are told plainly when no moderator is around: duty hours and recent activity decide."""

from datetime import datetime, time, timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from moderation.context_processors import cover
from moderation.cover import moderators_available
from moderation.models import DutyHours, ModerationSettings
from moderation.services import presence_touch

pytestmark = pytest.mark.django_db

BANNER = "Moderators are offline right now."
# A Wednesday, 10:00 in UK (summer) time.
WEDNESDAY_MORNING = timezone.make_aware(datetime(2026, 7, 15, 10, 0))
WEDNESDAY = 2


def on_duty(weekday: int, opens: time, closes: time) -> DutyHours:
    return DutyHours.objects.create(weekday=weekday, opens=opens, closes=closes)


def test_without_duty_hours_someone_active_recently_is_enough(moderator):
    presence_touch(moderator=moderator, now=WEDNESDAY_MORNING - timedelta(minutes=10))

    assert moderators_available(WEDNESDAY_MORNING)


def test_nobody_active_within_the_offline_time_means_offline(moderator):
    ModerationSettings.objects.update_or_create(pk=1, defaults={"offline_after_minutes": 30})
    presence_touch(moderator=moderator, now=WEDNESDAY_MORNING - timedelta(minutes=31))

    assert not moderators_available(WEDNESDAY_MORNING)


def test_outside_duty_hours_is_offline_even_with_someone_active(moderator):
    on_duty(WEDNESDAY, time(12), time(20))
    presence_touch(moderator=moderator, now=WEDNESDAY_MORNING)

    assert not moderators_available(WEDNESDAY_MORNING)
    one_pm = WEDNESDAY_MORNING.replace(hour=13)
    presence_touch(moderator=moderator, now=one_pm)
    assert moderators_available(one_pm)


def test_duty_hours_past_midnight_cover_the_small_hours(moderator):
    on_duty(WEDNESDAY - 1, time(22), time(2))  # Tuesday 10pm to Wednesday 2am
    one_am = WEDNESDAY_MORNING.replace(hour=1)
    presence_touch(moderator=moderator, now=one_am)

    assert moderators_available(one_am)
    assert not moderators_available(one_am.replace(hour=3))


def today() -> int:
    return timezone.localdate().weekday()


def all_day_today() -> DutyHours:
    return on_duty(today(), time(0), time(0))


def not_today_nor_tomorrow() -> DutyHours:
    return on_duty((today() + 3) % 7, time(9), time(10))


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_banner_shows_when_nobody_has_been_active(client, member, who):
    if who == "member":
        client.force_login(member)

    page = client.get("/").content.decode()

    assert BANNER in page
    assert 'href="/help/">see who you can contact</a>' in page
    assert 'role="status"' in page


def test_banner_is_hidden_while_a_moderator_is_active(client, member, moderator):
    presence_touch(moderator=moderator)
    client.force_login(member)

    assert BANNER not in client.get("/").content.decode()


def test_banner_shows_once_the_last_moderator_has_been_quiet_too_long(client, moderator):
    presence_touch(moderator=moderator, now=timezone.now() - timedelta(hours=1))

    assert BANNER in client.get("/").content.decode()


def test_banner_shows_outside_duty_hours_even_if_a_moderator_is_active(client, moderator):
    not_today_nor_tomorrow()
    presence_touch(moderator=moderator)

    assert BANNER in client.get("/").content.decode()


def test_the_help_page_itself_has_no_banner_pointing_to_it(client):
    """It would only push the emergency numbers down the phone's first screen."""
    assert BANNER in client.get("/").content.decode()

    assert BANNER not in client.get("/help/").content.decode()


def test_banner_is_hidden_within_duty_hours_with_a_moderator_active(client, moderator):
    all_day_today()
    presence_touch(moderator=moderator)

    assert BANNER not in client.get("/").content.decode()


def test_moderators_are_not_shown_the_banner(client, moderator):
    not_today_nor_tomorrow()  # off duty: offline, however recently anyone was active
    client.force_login(moderator)

    assert BANNER not in client.get("/help/").content.decode()


def test_availability_is_worked_out_only_when_asked_and_once_per_request(
        member, django_assert_num_queries):
    ModerationSettings.current()
    request = RequestFactory().get("/")
    request.user = member

    with django_assert_num_queries(0):
        moderators_online = cover(request)["moderators_online"]
    with django_assert_num_queries(3):  # duty hours, settings, presence
        assert moderators_online() is False
    with django_assert_num_queries(0):
        assert cover(request)["moderators_online"]() is False
