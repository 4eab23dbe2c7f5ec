"""Reads about members that several apps need: who blocks whom, unread notifications."""

from community.member_facts import BLOCKED, BLOCKERS, UNREAD, member_fact
from community.models import Block, Notification
from community.request_cache import remembered


def _block_ids(user, *, side: str, other: str) -> frozenset[int]:
    """The other side's ids of blocks where `user` is on `side`, once per request."""
    if not user.is_authenticated:
        return frozenset()
    fact = BLOCKED if side == "blocker" else BLOCKERS
    return remembered((f"blocks-{side}", user.pk), lambda: member_fact(user.pk, fact, lambda: (
        frozenset(Block.objects.filter(**{side: user}).values_list(f"{other}_id", flat=True)))))


def blocked_ids(user) -> frozenset[int]:
    """Ids of the members `user` has blocked."""
    return _block_ids(user, side="blocker", other="blocked")


def blocker_ids(user) -> frozenset[int]:
    """Ids of the members who have blocked `user`."""
    return _block_ids(user, side="blocked", other="blocker")


def unread_notification_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return member_fact(user.pk, UNREAD,
                       Notification.objects.filter(user=user, read_at=None).count)
