"""Partner organisations keep their own entries and nothing else; administrators keep all."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from community import roles
from community.services import role_grant
from localgroups.models import PeerGroup
from localgroups.services import group_save
from tests.factories import OrganisationFactory, PeerGroupFactory, UserFactory

CHANGELIST = reverse("admin:localgroups_peergroup_changelist")


def change_url(group):
    return reverse("admin:localgroups_peergroup_change", args=[group.pk])


@pytest.fixture
def partner(db):
    user = UserFactory(username="partner")
    role_grant(user=user, role=roles.PARTNERS)
    return user


@pytest.fixture
def own(partner):
    organisation = OrganisationFactory(name="Mind in Leeds")
    organisation.members.add(partner)
    return PeerGroupFactory(name="Our group", organisation=organisation)


@pytest.fixture
def theirs(db):
    return PeerGroupFactory(name="Their group", organisation=OrganisationFactory(name="Other"))


def form_data(group, **changes):
    data = {field: getattr(group, field) for field in [
        "name", "summary", "audience", "ages", "format", "nation", "region", "town",
        "postcode_district", "meets", "accessibility", "cost", "how_to_join", "website"]}
    data.update(organisation=group.organisation_id, last_checked="2026-11-01",
                is_published="on", topics=["carers"])
    data.update(changes)
    return data


def test_partner_role_gives_admin_access(partner):
    partner.refresh_from_db()
    assert partner.is_staff


def test_partner_sees_and_edits_only_their_own_organisations_groups(client, partner, own,
                                                                     theirs):
    client.force_login(partner)
    listing = client.get(CHANGELIST).content.decode()
    assert "Our group" in listing and "Their group" not in listing
    response = client.post(change_url(own), form_data(own, name="Our renamed group",
                                                      postcode_district="ls 7"))
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.name, own.postcode_district) == ("Our renamed group", "LS7")
    assert [t.topic for t in own.topics.all()] == ["carers"]
    assert client.get(change_url(theirs)).status_code in (302, 403, 404)
    client.post(change_url(theirs), form_data(theirs, name="Hijacked"))
    theirs.refresh_from_db()
    assert theirs.name == "Their group"


def test_partner_cannot_move_a_group_to_another_organisation(client, partner, own, theirs):
    client.force_login(partner)
    response = client.post(change_url(own), form_data(own, organisation=theirs.organisation_id))
    assert response.status_code == 200  # the form refuses the choice
    own.refresh_from_db()
    assert own.organisation.name == "Mind in Leeds"


def test_the_service_refuses_a_partner_another_organisations_group(partner, theirs):
    theirs.name = "Hijacked"
    with pytest.raises(PermissionDenied, match="your own organisation"):
        group_save(actor=partner, group=theirs, topics=[])


def test_a_member_cannot_use_the_directory_admin(client, member, own):
    client.force_login(member)
    assert client.get(CHANGELIST).status_code == 302  # to the admin login
    with pytest.raises(PermissionDenied):
        group_save(actor=member, group=own, topics=[])


def test_administrator_edits_any_group_and_adds_one_with_a_bad_postcode_explained(
        client, admin_user, theirs):
    client.force_login(admin_user)
    assert client.post(change_url(theirs), form_data(theirs, name="Checked")).status_code == 302
    theirs.refresh_from_db()
    assert theirs.name == "Checked"
    add = reverse("admin:localgroups_peergroup_add")
    response = client.post(add, form_data(theirs, name="New", postcode_district="Leeds"))
    assert "first part of a UK postcode" in response.content.decode()
    assert not PeerGroup.objects.filter(name="New").exists()


def test_administrators_see_stale_entries_flagged_and_can_mark_them_checked(client,
                                                                            admin_user):
    old = PeerGroupFactory(name="Old group",
                           last_checked=timezone.localdate() - timedelta(days=400))
    PeerGroupFactory(name="Fresh group")
    client.force_login(admin_user)
    page = client.get(CHANGELIST).content.decode()
    assert "1 group(s) not checked for a year" in page
    stale = client.get(CHANGELIST, {"checked": "stale"}).content.decode()
    assert "Old group" in stale and "Fresh group" not in stale
    client.post(CHANGELIST, {"action": "mark_checked", "_selected_action": [old.pk]})
    old.refresh_from_db()
    assert old.last_checked == timezone.localdate()


def test_admin_front_page_tells_administrators_how_many_entries_to_check(client, admin_user,
                                                                         partner):
    PeerGroupFactory(last_checked=timezone.localdate() - timedelta(days=400))
    client.force_login(admin_user)
    page = client.get(reverse("admin:index")).content.decode()
    assert "1 local peer support group has not been checked for a year" in page
    client.force_login(partner)
    page = client.get(reverse("admin:index")).content.decode()
    assert "not been checked for a year" not in page
