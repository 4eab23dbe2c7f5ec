"""Who may do what in chat rooms. Services call the check_* rules; pages and sockets ask the
can_* forms."""

from django.core.exceptions import PermissionDenied

from chat.models import Room
from community.permissions import can, check_member
from community.roles import is_moderator
from moderation.content import Visibility
from moderation.permissions import check_moderate
from moderation.sanctions import LOCKED_OUT, active_sanctions


def check_join(user, room: Room) -> None:
    """Signed-in members who are not suspended or banned, and who meet the room's rule."""
    check_member(user)
    if is_moderator(user) or room.facilitators.filter(pk=user.pk).exists():
        return
    if active_sanctions(user).filter(kind__in=LOCKED_OUT).exists():
        raise PermissionDenied("Your account can't join rooms just now.")
    if room.who_may_join == Room.Joiners.POSTERS and not user.posts.filter(
            visibility=Visibility.PUBLISHED).exists():
        raise PermissionDenied("This room is for members who have a post in the forums. "
                               "Write one, and once it is up you can join.")


def check_remove(user) -> None:
    """Moderators take messages down in every room."""
    check_moderate(user)


can_join = can(check_join)
can_remove = can(check_remove)
