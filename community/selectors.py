"""Reads about members that several apps need: who blocks whom, unread notifications."""

from community.models import Block, Notification


def blocked_ids(user) -> frozenset[int]:
    """Ids of the members `user` has blocked, looked up once per user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_blocked_ids", None)
    if cached is None:
        cached = frozenset(Block.objects.filter(blocker=user).values_list("blocked_id", flat=True))
        user._blocked_ids = cached
    return cached


def blocker_ids(user) -> frozenset[int]:
    """Ids of the members who have blocked `user`, looked up once per user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_blocker_ids", None)
    if cached is None:
        cached = frozenset(Block.objects.filter(blocked=user).values_list("blocker_id", flat=True))
        user._blocker_ids = cached
    return cached


def unread_notification_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at=None).count()
