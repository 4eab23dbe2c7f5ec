"""Administrators keep peer supporters' records in the admin; nobody else can see them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community import roles
from community.services import role_grant
from mentoring.models import PeerSupporter, SupervisionSession, TrainingRecord
from moderation.models import ModerationAction
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOTE = "Talked about boundaries with a member who writes late at night."


def inline(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    form = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for number, row in enumerate(rows):
        form.update({f"{prefix}-{number}-{name}": value for name, value in row.items()})
    return form


def record_form(user, *, training=(), supervision=(), kind="volunteer", supervisor="") -> dict:
    return {"user": user.pk, "kind": kind, "supervisor": supervisor, "caseload_limit": 3,
            **inline("training", list(training)), **inline("supervision", list(supervision))}


@pytest.fixture
def kit(db):
    user = UserFactory(username="kit")
    role_grant(user=user, role=roles.PEER_SUPPORTERS)
    return user


def test_an_administrator_records_training_and_the_badge_appears(client, admin_user, kit):
    today = timezone.localdate()
    client.force_login(admin_user)

    response = client.post("/admin/mentoring/peersupporter/add/", record_form(
        kit, kind="paid", supervisor=admin_user.pk,
        training=[{"course": "Peer support foundations",
                   "completed_on": f"{today - timedelta(days=3)}",
                   "expires_on": f"{today + timedelta(days=365)}"}],
        supervision=[{"held_on": f"{today}", "supervisor": admin_user.pk, "notes": NOTE}]))

    assert response.status_code == 302, response.content.decode()[:3000]
    supporter = PeerSupporter.objects.get(user=kit)
    assert supporter.kind == "paid" and supporter.supervisor == admin_user
    assert TrainingRecord.objects.get().recorded_by == admin_user
    assert SupervisionSession.objects.get().notes == NOTE
    kit.member.refresh_from_db()
    assert kit.member.is_peer_supporter
    assert set(ModerationAction.objects.filter(actor=admin_user, member=kit)
               .values_list("verb", flat=True)) == {"supporter", "training", "supervision"}
    listing = client.get("/admin/mentoring/peersupporter/").content.decode()
    assert "kit" in listing and "Active" in listing


def test_a_course_that_runs_out_before_it_is_completed_is_refused_with_a_reason(
        client, admin_user, kit):
    today = timezone.localdate()
    client.force_login(admin_user)

    response = client.post("/admin/mentoring/peersupporter/add/", record_form(
        kit, training=[{"course": "Backwards", "completed_on": f"{today}",
                        "expires_on": f"{today - timedelta(days=1)}"}]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "The training must run out after the day it was completed" in page
    assert "Backwards" in page  # what they typed is kept
    assert not PeerSupporter.objects.exists()


def test_staff_who_are_not_administrators_cannot_see_the_records(client, peer_supporter,
                                                                 moderator):
    moderator.is_staff = True  # even given admin access by hand
    moderator.save()
    client.force_login(moderator)
    supporter = PeerSupporter.objects.get(user=peer_supporter)

    for url in ("/admin/mentoring/peersupporter/",
                f"/admin/mentoring/peersupporter/{supporter.pk}/change/"):
        assert client.get(url).status_code == 403
    assert "Peer supporters" not in client.get("/admin/").content.decode()


def test_members_and_peer_supporters_are_sent_to_log_in(client, peer_supporter):
    client.force_login(peer_supporter)

    response = client.get("/admin/mentoring/peersupporter/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_administrator_sets_the_caseload_and_topics(client, admin_user, peer_supporter):
    from mentoring.models import PeerSupporter

    client.force_login(admin_user)
    supporter = PeerSupporter.objects.get(user=peer_supporter)
    form = record_form(peer_supporter)
    del form["user"]
    response = client.post(f"/admin/mentoring/peersupporter/{supporter.pk}/change/",
                           {**form, "caseload_limit": 5, "topics": ["carers", "dementia"]})

    assert response.status_code == 302, response.content.decode()[:2000]
    supporter.refresh_from_db()
    assert supporter.caseload_limit == 5 and supporter.topics == ["carers", "dementia"]
