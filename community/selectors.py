"""Reads about members that several apps need: who blocks whom, unread notifications."""

from django.db.models import Q

from community.member_facts import BLOCKED, BLOCKERS, UNREAD, member_fact
from community.models import Block, EmailChoices, Notification
from community.request_cache import remembered
from community.roles import ADMINISTRATORS, MODERATORS, is_moderator


def blocked_ids(user) -> frozenset[int]:
    """Ids of the members `user` has blocked and does not hear from, once per request.

    Moderators and administrators cannot be blocked: a block made before they took the
    role no longer hides them, since they must be able to reach every member.
    """
    if not user.is_authenticated:
        return frozenset()
    staff = Q(blocked__is_superuser=True) | Q(blocked__groups__name__in=[MODERATORS,
                                                                         ADMINISTRATORS])
    return remembered(("blocks-blocker", user.pk), lambda: member_fact(user.pk, BLOCKED, lambda: (
        frozenset(Block.objects.filter(blocker=user).exclude(staff)
                  .values_list("blocked_id", flat=True)))))


def blocker_ids(user) -> frozenset[int]:
    """Ids of the members who have blocked `user` (none for staff, as above)."""
    if not user.is_authenticated or is_moderator(user):
        return frozenset()
    return remembered(("blocks-blocked", user.pk), lambda: member_fact(user.pk, BLOCKERS, lambda: (
        frozenset(Block.objects.filter(blocked=user).values_list("blocker_id", flat=True)))))


def unread_notification_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return member_fact(user.pk, UNREAD,
                       Notification.objects.filter(user=user, read_at=None).count)


def digest_readers():
    """Members who chose the daily digest and can receive it."""
    return (EmailChoices.objects.filter(digest=True, user__is_active=True)
            .exclude(user__email="").select_related("user").order_by("pk"))
