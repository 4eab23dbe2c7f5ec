"""Peer supporters' standing: the badge and every peer-supporter permission follow current
training and stepping back; training that runs out pauses them and tells them and the
administrators once; supervision notes stay with the administrators."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from chat.models import Room
from chat.permissions import can_join
from community import leaving, roles
from community.models import Notification, WriteLimit
from community.ratelimits import rates_changed
from community.refusals import Refused
from community.services import role_grant
from conversations.models import ConversationSettings
from conversations.permissions import may_check_in
from forums.models import Category
from forums.permissions import can_start_thread
from mentoring import services
from mentoring.models import PeerSupporter, SupervisionSession, TrainingRecord
from mentoring.services import Standing, supporter_standing
from moderation.models import ModerationAction
from tests.factories import CategoryFactory, UserFactory, trained

pytestmark = pytest.mark.django_db

NOTE = "Finds evening shifts heavy since her dad died."


@pytest.fixture
def allowed_to_check_in(db):
    ConversationSettings.objects.update_or_create(
        pk=1, defaults={"peer_supporters_may_check_in": True})


@pytest.fixture
def room(peer_supporter):
    room = Room.objects.create(name="Evening drop-in", slug="evening",
                               who_may_join=Room.Joiners.POSTERS)
    room.facilitators.add(peer_supporter)
    return room


def may_do_peer_support(user, room) -> dict[str, bool]:
    """Each peer-supporter permission, and the badge, as the site sees them now."""
    user.refresh_from_db()
    user.member.refresh_from_db()
    category = CategoryFactory(who_may_start=Category.Starters.PEER_SUPPORTERS)
    return {"badge": user.member.is_peer_supporter, "check in": may_check_in(user),
            "facilitate": can_join(user, room), "start": can_start_thread(user, category)}


ALL = {"badge": True, "check in": True, "facilitate": True, "start": True}
NONE = {"badge": False, "check in": False, "facilitate": False, "start": False}


def lapse(user, *, days_ago=0) -> None:
    """Training ran out (today, by default) without anything else happening: the badge is
    still showing until expire_training runs."""
    TrainingRecord.objects.filter(supporter__user=user).update(
        completed_on=timezone.localdate() - timedelta(days=400),
        expires_on=timezone.localdate() - timedelta(days=days_ago))


def test_current_training_gives_the_badge_and_every_peer_supporter_permission(
        peer_supporter, room, allowed_to_check_in):
    assert supporter_standing(peer_supporter).state == Standing.ACTIVE
    assert may_do_peer_support(peer_supporter, room) == ALL


def test_the_role_without_training_gives_no_badge_and_no_permission(room, allowed_to_check_in):
    untrained = UserFactory(username="kit")
    role_grant(user=untrained, role=roles.PEER_SUPPORTERS)
    room.facilitators.add(untrained)

    assert supporter_standing(untrained).state == Standing.UNTRAINED
    assert may_do_peer_support(untrained, room) == NONE


def test_permissions_stop_the_day_training_runs_out(peer_supporter, room, allowed_to_check_in):
    lapse(peer_supporter)

    standing = supporter_standing(peer_supporter)
    assert standing.state == Standing.EXPIRED and standing.is_paused
    assert "ran out on" in standing.sentence()
    permissions = may_do_peer_support(peer_supporter, room)
    assert not permissions["check in"] and not permissions["facilitate"]
    assert not permissions["start"]


def test_training_counts_until_the_day_before_it_runs_out(peer_supporter):
    runs_out = TrainingRecord.objects.get().expires_on

    assert supporter_standing(peer_supporter, today=runs_out - timedelta(days=1)).is_active
    assert supporter_standing(peer_supporter, today=runs_out).state == Standing.EXPIRED


def test_paid_or_volunteer_is_part_of_the_standing(member):
    role_grant(user=member, role=roles.PEER_SUPPORTERS)
    trained(member, kind=PeerSupporter.Kind.PAID)

    assert supporter_standing(member).kind_label == "Paid"
    assert supporter_standing(UserFactory()).state == Standing.NOT_A_PEER_SUPPORTER


def test_expire_training_pauses_and_tells_the_supporter_and_administrators_once(
        peer_supporter, admin_user, moderator, room, allowed_to_check_in):
    lapse(peer_supporter, days_ago=1)

    call_command("expire_training", stdout=io.StringIO())
    call_command("expire_training", stdout=io.StringIO())

    assert may_do_peer_support(peer_supporter, room) == NONE
    told = Notification.objects.filter(user=peer_supporter).get()
    assert "training has run out" in told.text and "paused" in told.text
    lead = Notification.objects.filter(user=admin_user).get()
    assert "jo is paused" in lead.text and "ran out on" in lead.text
    assert not Notification.objects.filter(user=moderator).exists()
    assert ModerationAction.objects.filter(
        verb=ModerationAction.Verb.TRAINING_LAPSED, member=peer_supporter).count() == 1


def test_expire_training_leaves_current_peer_supporters_alone(peer_supporter, admin_user):
    out = io.StringIO()
    call_command("expire_training", stdout=out)

    assert "No peer supporter newly paused" in out.getvalue()
    assert not Notification.objects.exists()
    peer_supporter.member.refresh_from_db()
    assert peer_supporter.member.is_peer_supporter


def test_new_training_lifts_the_pause_and_a_later_lapse_is_told_again(peer_supporter,
                                                                      admin_user):
    lapse(peer_supporter, days_ago=1)
    services.training_lapses_pause()
    supporter = PeerSupporter.objects.get(user=peer_supporter)

    services.training_save(training=TrainingRecord(
        supporter=supporter, course="Refresher", completed_on=timezone.localdate(),
        expires_on=timezone.localdate() + timedelta(days=10)), by=admin_user)

    peer_supporter.member.refresh_from_db()
    assert peer_supporter.member.is_peer_supporter
    supporter.refresh_from_db()
    assert supporter.paused_notice_at is None
    assert services.training_lapses_pause(
        today=timezone.localdate() + timedelta(days=10)) == [peer_supporter]
    assert Notification.objects.filter(user=peer_supporter).count() == 2


def test_only_administrators_record_training_and_supervision(peer_supporter, moderator):
    supporter = PeerSupporter.objects.get(user=peer_supporter)
    for by in (moderator, peer_supporter):
        with pytest.raises(PermissionDenied, match="Only administrators"):
            services.training_save(training=TrainingRecord(
                supporter=supporter, course="Mine", completed_on=timezone.localdate()), by=by)
        with pytest.raises(PermissionDenied, match="Only administrators"):
            services.supervision_save(session=SupervisionSession(
                supporter=supporter, held_on=timezone.localdate()), by=by)
    assert TrainingRecord.objects.count() == 1 and not SupervisionSession.objects.exists()


def test_training_must_run_out_after_it_was_completed(peer_supporter, admin_user):
    from django.core.exceptions import ValidationError

    supporter = PeerSupporter.objects.get(user=peer_supporter)
    with pytest.raises(ValidationError):
        services.training_save(training=TrainingRecord(
            supporter=supporter, course="Backwards", completed_on=timezone.localdate(),
            expires_on=timezone.localdate() - timedelta(days=1)), by=admin_user)


def test_recording_is_audited_without_the_supervision_notes(peer_supporter, admin_user):
    supporter = PeerSupporter.objects.get(user=peer_supporter)
    services.supervision_save(session=SupervisionSession(
        supporter=supporter, held_on=timezone.localdate(), supervisor=admin_user,
        notes=NOTE), by=admin_user)

    action = ModerationAction.objects.get(verb=ModerationAction.Verb.SUPERVISION)
    assert action.actor == admin_user and action.member == peer_supporter
    assert "evening" not in action.reason


# Stepping back.

def test_stepping_back_takes_the_badge_and_tasks_and_coming_back_returns_them(
        peer_supporter, room, allowed_to_check_in):
    standing = services.supporter_step_back(user=peer_supporter)

    assert standing.state == Standing.STEPPED_BACK and standing.has_stepped_back
    assert may_do_peer_support(peer_supporter, room) == NONE

    standing = services.supporter_come_back(user=peer_supporter)

    assert standing.is_active
    assert may_do_peer_support(peer_supporter, room) == ALL
    assert list(ModerationAction.objects.filter(member=peer_supporter, verb__in=[
        ModerationAction.Verb.STEP_BACK, ModerationAction.Verb.COME_BACK]).order_by("pk")
        .values_list("verb", "actor")) == [("step_back", peer_supporter.pk),
                                           ("come_back", peer_supporter.pk)]


def test_stepping_back_hands_over_mentees(peer_supporter, monkeypatch):
    handed_over = []
    monkeypatch.setattr(services, "mentees_offered_someone_else",
                        lambda *, supporter: handed_over.append(supporter.user))

    services.supporter_step_back(user=peer_supporter)

    assert handed_over == [peer_supporter]


def test_coming_back_with_training_run_out_stays_paused(peer_supporter):
    services.supporter_step_back(user=peer_supporter)
    lapse(peer_supporter)

    standing = services.supporter_come_back(user=peer_supporter)

    assert standing.state == Standing.EXPIRED and not standing.has_stepped_back


def test_an_untrained_peer_supporter_can_still_step_back(member):
    role_grant(user=member, role=roles.PEER_SUPPORTERS)

    assert services.supporter_step_back(user=member).has_stepped_back


def test_stepping_back_twice_or_coming_back_without_stepping_back_is_refused(peer_supporter,
                                                                           member):
    with pytest.raises(PermissionDenied, match="not stepped back"):
        services.supporter_come_back(user=peer_supporter)
    services.supporter_step_back(user=peer_supporter)
    with pytest.raises(PermissionDenied, match="already stepped back"):
        services.supporter_step_back(user=peer_supporter)
    with pytest.raises(PermissionDenied, match="Only peer supporters"):
        services.supporter_step_back(user=member)


def test_stepping_back_and_coming_back_has_a_write_limit(peer_supporter):
    WriteLimit.objects.filter(kind=WriteLimit.Kind.STEP_BACK).update(rate="1 per hour")
    rates_changed()
    services.supporter_step_back(user=peer_supporter)

    with pytest.raises(Refused, match="Please wait"):
        services.supporter_come_back(user=peer_supporter)
    assert supporter_standing(peer_supporter).has_stepped_back


# Supervision notes stay with the administrators.

def test_supervision_notes_are_never_shown_to_the_peer_supporter_or_members(
        client, peer_supporter, member, admin_user):
    supporter = PeerSupporter.objects.get(user=peer_supporter)
    services.supervision_save(session=SupervisionSession(
        supporter=supporter, held_on=timezone.localdate(), supervisor=admin_user,
        notes=NOTE), by=admin_user)

    client.force_login(peer_supporter)
    for url in ("/mentoring/", "/members/jo/"):
        page = client.get(url)
        assert page.status_code == 200 and NOTE not in page.content.decode()
    archive = zipfile.ZipFile(io.BytesIO(leaving.data_export(user=peer_supporter)))
    exported = json.loads(archive.read("my-data.json"))
    assert exported["supervision"] == [{"Held on": f"{timezone.localdate()}"}]
    assert NOTE not in archive.read("my-data.json").decode()
    assert NOTE not in archive.read("my-data.html").decode()

    client.force_login(member)
    assert NOTE not in client.get("/members/jo/").content.decode()
    assert NOTE not in client.get("/mentoring/").content.decode()
