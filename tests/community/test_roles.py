"""Roles: the groups, who counts as a moderator or administrator, and the badge."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from community import roles
from community.roles import is_administrator, is_moderator
from community.services import roles_sync
from tests.factories import UserFactory, trained

pytestmark = pytest.mark.django_db


def test_role_groups_exist_with_their_permissions():
    moderators = Group.objects.get(name=roles.MODERATORS)
    administrators = Group.objects.get(name=roles.ADMINISTRATORS)

    assert Group.objects.filter(name=roles.PEER_SUPPORTERS).exists()
    assert moderators.permissions.filter(codename="view_member").exists()
    assert not moderators.permissions.filter(codename="change_member").exists()
    assert administrators.permissions.filter(codename="change_member").exists()


def test_roles_of_each_kind_of_user(member, peer_supporter, moderator, admin_user):
    superuser = UserFactory(is_superuser=True)
    cases = [
        (AnonymousUser(), False, False),
        (member, False, False),
        (peer_supporter, False, False),
        (moderator, True, False),
        (admin_user, True, True),
        (superuser, True, True),
    ]

    for user, moderates, administers in cases:
        assert (is_moderator(user), is_administrator(user)) == (moderates, administers), user


def test_a_deactivated_moderator_has_no_powers(moderator):
    moderator.is_active = False

    assert not is_moderator(moderator)


def test_granting_peer_supporter_role_gives_the_badge(peer_supporter):
    peer_supporter.member.refresh_from_db()

    assert peer_supporter.member.is_peer_supporter


def test_granting_administrator_opens_the_admin_site(admin_user):
    admin_user.refresh_from_db()

    assert admin_user.is_staff


def test_badge_and_admin_access_follow_the_groups_both_ways(member):
    peer_group = Group.objects.get(name=roles.PEER_SUPPORTERS)
    admin_group = Group.objects.get(name=roles.ADMINISTRATORS)
    trained(member)  # the badge also needs current training (tests/mentoring)

    member.groups.add(peer_group, admin_group)
    roles_sync(user=member)
    member.refresh_from_db()
    assert member.member.is_peer_supporter and member.is_staff

    member.groups.remove(peer_group, admin_group)
    roles_sync(user=member)
    member.refresh_from_db()
    assert not member.member.is_peer_supporter and not member.is_staff
