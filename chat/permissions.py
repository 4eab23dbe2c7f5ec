"""Who may do what in chat rooms. Views, consumers and templates ask here."""

from chat.models import Room
from community.roles import is_moderator
from moderation.content import Visibility
from moderation.sanctions import LOCKED_OUT, active_sanctions


def can_join(user, room: Room) -> bool:
    """Signed-in members who are not suspended or banned, and who meet the room's rule."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_moderator(user) or room.facilitators.filter(pk=user.pk).exists():
        return True
    if active_sanctions(user).filter(kind__in=LOCKED_OUT).exists():
        return False
    if room.who_may_join == Room.Joiners.POSTERS:
        return user.posts.filter(visibility=Visibility.PUBLISHED).exists()
    return True


def can_remove(user) -> bool:
    """Moderators take messages down in every room."""
    return is_moderator(user)
