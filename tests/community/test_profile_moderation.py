"""Profiles are member content: others can report them, moderators hide or clear their words,
and words that are held or hidden are not shown to other members."""

import html

import pytest
from django.urls import reverse

from community.content import Visibility
from community.models import Member, Notification
from community.services import profile_set_visibility
from moderation.models import ModerationAction, QueueItem, ReportReason
from moderation.services import report_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(member) -> Member:
    # Written straight to the row: these tests start from words already on a profile.
    profile = member.member
    profile.pronouns, profile.bio = "they/them", "Ring me on 07700 900123 any time"
    profile.save(update_fields=["pronouns", "bio"])
    return profile


@pytest.fixture
def reporter(db):
    return UserFactory(username="sam")


def page(client, username="alex") -> str:
    return html.unescape(client.get(reverse("member_detail", args=[username])).content.decode())


def report_url(username="alex") -> str:
    return reverse("moderation:report_profile", args=[username])


def told(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("text", flat=True))


def test_other_members_see_a_report_link_and_the_owner_does_not(client, profile, member,
                                                                 reporter):
    client.force_login(reporter)
    assert f'href="{report_url()}"' in page(client)

    client.force_login(member)
    assert "Report this profile" not in page(client)


def test_a_reported_profile_reaches_the_queue_with_its_words(client, profile, reporter,
                                                             moderator):
    client.force_login(reporter)
    form = client.get(report_url()).content.decode()
    response = client.post(report_url(), {"reason": ReportReason.PERSONAL_DETAILS,
                                          "note": "A phone number"})

    assert "You are reporting the profile of alex." in form
    assert "A moderator will look at this." in response.content.decode()
    item = QueueItem.objects.get()
    assert item.content == profile and item.reports.get().reporter == reporter
    client.force_login(moderator)
    queue = html.unescape(client.get(reverse("moderation:queue")).content.decode())
    assert "Member report: profile by alex" in queue
    assert "Pronouns: they/them" in queue and "About me: Ring me on 07700 900123" in queue
    assert 'href="/members/alex/"' in queue


def test_a_moderator_clears_a_profile_with_a_reason(client, profile, member, reporter,
                                                    moderator):
    item = report_create(reporter=reporter, content=profile,
                         reason=ReportReason.PERSONAL_DETAILS).item
    client.force_login(moderator)
    assert "Clear the words of this profile" in client.get(
        reverse("moderation:item", args=[item.pk])).content.decode()

    response = client.post(reverse("moderation:act", args=[item.pk, "clear"]),
                           {"reason": "Please keep phone numbers off your profile"})

    assert response["Location"] == reverse("moderation:queue")
    profile.refresh_from_db()
    assert (profile.pronouns, profile.bio) == ("", "")
    action = ModerationAction.objects.get(verb="clear")
    assert (action.actor, action.member, action.item, action.reason) == (
        moderator, member, item, "Please keep phone numbers off your profile")
    assert told(member) == [
        "A moderator cleared your profile. The reason: Please keep phone numbers off your profile"]
    assert told(reporter) == ["Thank you for your report. A moderator has looked at it."]
    client.force_login(reporter)
    assert "07700" not in page(client)


def test_clearing_needs_a_reason(client, profile, reporter, moderator):
    item = report_create(reporter=reporter, content=profile, reason=ReportReason.OTHER).item
    client.force_login(moderator)

    response = client.post(reverse("moderation:act", args=[item.pk, "clear"]), {"reason": " "})

    assert "Give a reason: the member will see it." in html.unescape(response.content.decode())
    profile.refresh_from_db()
    assert profile.bio.startswith("Ring me")


def test_a_hidden_profile_shows_its_words_only_to_its_owner_and_moderators(
        client, profile, member, reporter, moderator):
    item = report_create(reporter=reporter, content=profile, reason=ReportReason.UNKIND).item
    client.force_login(moderator)
    client.post(reverse("moderation:act", args=[item.pk, "hide"]), {"reason": "Personal details"})

    client.force_login(reporter)
    other = page(client)
    client.force_login(member)
    own = page(client)
    client.force_login(moderator)
    staff = page(client)

    assert "they/them" not in other and "Ring me" not in other and "About me" not in other
    assert "alex" in other  # the member's page itself is still there
    assert "they/them" in own and "Ring me" in own
    assert "They were hidden by a moderator: Personal details" in own
    assert "Ring me" in staff and "Members can't see these" in staff
    assert told(member) == ["A moderator hid your profile. The reason: Personal details"]


def test_a_held_profile_waits_for_a_moderator(client, profile, member, reporter):
    profile_set_visibility(member=profile, visibility=Visibility.HELD, by=None,
                           reason="Checked before others see it")

    client.force_login(reporter)
    other = page(client)
    client.force_login(member)
    own = page(client)

    assert "they/them" not in other and "Ring me" not in other
    assert "they/them" in own and "They are waiting for a moderator." in own


@pytest.mark.usefixtures("reports_count_in_full")
def test_enough_reports_hide_a_profile_until_a_moderator_looks(profile):
    for _ in range(3):
        report_create(reporter=UserFactory(), content=profile, reason=ReportReason.UNKIND)

    profile.refresh_from_db()
    assert profile.visibility == Visibility.HIDDEN
    assert QueueItem.objects.get().is_auto_hidden


def test_members_cannot_report_their_own_profile(client, profile, member):
    client.force_login(member)

    response = client.post(report_url(), {"reason": ReportReason.SPAM})

    assert "You can't report your own words" in html.unescape(response.content.decode())
    assert not QueueItem.objects.exists()


def test_visitors_are_asked_to_log_in_to_report(client, profile):
    response = client.get(report_url())

    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_reporting_someone_who_is_not_here_is_not_found(client, reporter):
    client.force_login(reporter)

    assert client.get(report_url("nobody")).status_code == 404


def test_profile_words_are_not_edited_in_the_admin(client, admin_user, profile):
    client.force_login(admin_user)

    client.post(f"/admin/community/member/{profile.pk}/change/",
                {"bio": "Rewritten by an administrator", "nation": ""})

    profile.refresh_from_db()
    assert profile.bio.startswith("Ring me")
