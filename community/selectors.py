"""Reads about members that several apps need: who blocks whom, unread notifications."""

from community.models import Block, Notification


def _block_ids(user, *, side: str, other: str) -> frozenset[int]:
    """The other side's ids of blocks where `user` is on `side`, once per user object."""
    if not user.is_authenticated:
        return frozenset()
    cache_name = f"_block_{side}_ids"
    cached = getattr(user, cache_name, None)
    if cached is None:
        rows = Block.objects.filter(**{side: user}).values_list(f"{other}_id", flat=True)
        cached = frozenset(rows)
        setattr(user, cache_name, cached)
    return cached


def blocked_ids(user) -> frozenset[int]:
    """Ids of the members `user` has blocked."""
    return _block_ids(user, side="blocker", other="blocked")


def blocker_ids(user) -> frozenset[int]:
    """Ids of the members who have blocked `user`."""
    return _block_ids(user, side="blocked", other="blocker")


def unread_notification_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at=None).count()
