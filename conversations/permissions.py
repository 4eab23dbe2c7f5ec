"""Who may open, read, write in and end private conversations. Services call the check_*
rules; pages ask the can_* forms before offering a link or a box."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from community.permissions import can, check_member
from community.roles import is_moderator, is_peer_supporter
from community.selectors import blocked_ids, blocker_ids
from conversations.models import Conversation, ConversationSettings, PrivateMessage
from moderation.adapters import adapter_for
from moderation.models import QueueItem


def may_check_in(user) -> bool:
    """Moderators check in; peer supporters in good standing too (current training, not
    stepped back) when an administrator allows it."""
    if is_moderator(user):
        return True
    return (is_peer_supporter(user)
            and ConversationSettings.current().peer_supporters_may_check_in)


def check_open(user, member) -> None:
    check_member(user)
    if member.pk == user.pk:
        raise PermissionDenied("You can't open a private conversation with yourself.")
    if not member.is_active:
        raise PermissionDenied("This account is closed, so it can't be written to.")
    if may_check_in(user):
        return
    if not ConversationSettings.current().members_may_write_to_each_other:
        raise PermissionDenied("Only moderators can open private conversations here.")
    if is_moderator(member):
        raise PermissionDenied("To reach the moderators, please report the post or use the "
                               "“Get help now” link.")
    if _either_blocks(user, member):
        raise PermissionDenied("You can't write to this member privately.")


def check_about(user, member, about) -> None:
    """What a conversation is about must be the member's own words; staff who are not
    moderators, and members, start only from words they can read."""
    adapter = adapter_for(about)
    if adapter.author(about) != member:
        raise PermissionDenied("That post or message is not theirs: open the conversation "
                               "from their own words.")
    if not is_moderator(user) and not adapter.is_visible(about):
        raise PermissionDenied("That post or message is not shown to members just now.")


def check_see(user, conversation: Conversation) -> None:
    """Its two people; moderators for staff check-ins, and for members' conversations
    once a message in them has reached the queue."""
    check_member(user)
    if conversation.has_part(user):
        return
    if is_moderator(user) and (conversation.kind == Conversation.Kind.CHECK_IN
                               or _has_reached_the_queue(conversation)):
        return
    raise PermissionDenied("This private conversation is between other people.")


def check_write(user, conversation: Conversation) -> None:
    check_member(user)
    if not conversation.has_part(user):
        raise PermissionDenied("Only the two people in a private conversation write in it.")
    if conversation.is_ended:
        raise PermissionDenied("This conversation has ended, so it takes no new messages.")
    if conversation.kind == Conversation.Kind.MEMBERS:
        if _either_blocks(user, conversation.other_than(user)):
            raise PermissionDenied("You can't write to this member privately.")


def check_end(user, conversation: Conversation) -> None:
    check_member(user)
    if not conversation.has_part(user):
        raise PermissionDenied("Only the two people in a private conversation can end it.")
    if conversation.is_ended:
        raise PermissionDenied("This conversation has already ended.")


def _either_blocks(user, other) -> bool:
    return other.pk in blocked_ids(user) or other.pk in blocker_ids(user)


def _has_reached_the_queue(conversation: Conversation) -> bool:
    return QueueItem.objects.filter(
        content_type=ContentType.objects.get_for_model(PrivateMessage),
        object_id__in=conversation.messages.values("pk")).exists()


can_open = can(check_open)
can_about = can(check_about)
can_see = can(check_see)
can_write = can(check_write)
can_end = can(check_end)
