"""Who may do what in chat rooms. Services call the check_* rules; pages and sockets ask the
can_* forms."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from chat.models import Room
from community.permissions import can, check_member
from community.roles import is_moderator, is_peer_supporter
from moderation.content import Visibility
from moderation.sanctions import LOCKED_OUT, Kind, active_sanctions

UNREAD_WARNING = ("A moderator has sent you a warning. Please read it before you chat: "
                  "reload the page to see it.")


def check_join(user, room: Room) -> None:
    """Signed-in members who are not suspended or banned and have read any warning sent to
    them (staff too), and who meet the room's rule (staff and facilitators need not)."""
    check_member(user)
    stopping = set(active_sanctions(user).filter(
        Q(kind__in=LOCKED_OUT) | Q(kind=Kind.WARNING, acknowledged_at=None),
    ).values_list("kind", flat=True))
    if stopping & set(LOCKED_OUT):
        raise PermissionDenied("Your account can't join rooms just now.")
    if stopping:
        raise PermissionDenied(UNREAD_WARNING)
    if is_moderator(user) or _is_facilitating(user, room):
        return
    if room.who_may_join == Room.Joiners.POSTERS and not user.posts.filter(
            visibility=Visibility.PUBLISHED).exists():
        raise PermissionDenied("This room is for members who have a post in the forums. "
                               "Write one, and once it is up you can join.")


def _is_facilitating(user, room: Room) -> bool:
    """Facilitating a room is a peer supporter's task: it pauses with their training or
    while they step back."""
    return room.facilitators.filter(pk=user.pk).exists() and is_peer_supporter(user)


def check_delete(user, message) -> None:
    """Writers delete their own messages."""
    check_member(user)
    if message.author_id != user.pk or message.deleted_at is not None:
        raise PermissionDenied("You can only delete your own messages.")


can_join = can(check_join)
can_delete = can(check_delete)
