"""Administrators set targets and duty hours in the admin; sanctions and notes are read-only."""

from datetime import time

import pytest

from moderation.models import DutyHours, ModerationSettings, ModeratorNote, Sanction
from moderation.sanctions import sanction_create
from moderation.services import note_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_administrators_change_the_one_settings_row_but_never_add_or_delete_it(admin_client):
    settings = ModerationSettings.current()

    response = admin_client.post(f"/admin/moderation/moderationsettings/{settings.pk}/change/", {
        "urgent_amber_minutes": 5, "urgent_red_minutes": 10, "other_amber_minutes": 60,
        "other_red_minutes": 240, "claim_minutes": 30, "auto_hide_reports": 3,
        "offline_after_minutes": 20, "standing_days": 7, "standing_posts": 3,
        "new_account_daily_reports": 2, "open_reports_per_member": 5,
    })

    assert response.status_code == 302
    settings.refresh_from_db()
    assert (settings.urgent_red_minutes, settings.offline_after_minutes) == (10, 20)
    assert (settings.standing_days, settings.standing_posts, settings.new_account_daily_reports,
            settings.open_reports_per_member) == (7, 3, 2, 5)
    assert admin_client.get("/admin/moderation/moderationsettings/add/").status_code == 403
    delete = f"/admin/moderation/moderationsettings/{settings.pk}/delete/"
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert ModerationSettings.objects.count() == 1


def test_administrators_add_duty_hours(admin_client):
    response = admin_client.post("/admin/moderation/dutyhours/add/",
                                 {"weekday": 5, "opens": "22:00", "closes": "02:00"})

    assert response.status_code == 302
    hours = DutyHours.objects.get()
    assert (hours.weekday, hours.opens, hours.closes) == (5, time(22), time(2))
    assert "Saturday" in admin_client.get("/admin/moderation/dutyhours/").content.decode()


def test_sanctions_and_notes_are_listed_but_not_changed_in_the_admin(
        admin_client, moderator, member):
    sanction = sanction_create(member=member, moderator=moderator, kind=Sanction.Kind.MUTE,
                               reason="Cooling off")
    note = note_add(member=member, moderator=moderator, text="Spoke to them kindly.")

    for model, pk in (("sanction", sanction.pk), ("moderatornote", note.pk)):
        listing = admin_client.get(f"/admin/moderation/{model}/")
        assert listing.status_code == 200
        assert member.username in listing.content.decode()
        assert admin_client.get(f"/admin/moderation/{model}/{pk}/change/").status_code == 200
        assert admin_client.get(f"/admin/moderation/{model}/add/").status_code == 403
        assert admin_client.post(f"/admin/moderation/{model}/{pk}/delete/",
                                 {"post": "yes"}).status_code == 403
    assert admin_client.post(f"/admin/moderation/sanction/{sanction.pk}/change/",
                             {"reason": "changed"}).status_code == 403
    sanction.refresh_from_db()
    assert sanction.reason == "Cooling off"
    assert ModeratorNote.objects.filter(pk=note.pk).exists()


@pytest.mark.parametrize(("choice", "shown"), [("yes", True), ("no", False)])
def test_sanctions_filter_by_whether_they_are_in_force(admin_client, moderator, member,
                                                       choice, shown):
    sanction_create(member=member, moderator=moderator, kind=Sanction.Kind.MUTE,
                    reason="Cooling off")

    page = admin_client.get("/admin/moderation/sanction/", {"in_force": choice}).content.decode()

    assert (f">{member.username}<" in page) is shown


def test_moderators_may_read_sanctions_and_notes_through_their_group(moderator):
    assert moderator.has_perms(["moderation.view_sanction", "moderation.view_moderatornote"])
    assert not moderator.has_perm("moderation.change_sanction")
