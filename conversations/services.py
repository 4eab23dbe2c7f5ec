"""Writes in private conversations: opening one, writing in it, ending it.

Every message takes the one submission path (moderation.submission), so
sanctions, write limits, screening, holds and signposting apply as everywhere;
every open, message and end is a line in the moderation audit trail (the line
for a message carries no words: moderators read those in the conversation).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from community.emails import email_on_commit
from community.models import Notification, WriteLimit
from community.ratelimits import limit_check
from community.realtime import send_event_on_commit
from community.roles import is_moderator
from community.services import content_set_visibility, notify
from conversations.models import Conversation, ConversationSettings, PrivateMessage
from conversations.permissions import (
    check_about,
    check_end,
    check_open,
    check_write,
    may_check_in,
)
from conversations.selectors import message_frame
from moderation.adapters import adapter_for
from moderation.content import Visibility
from moderation.models import ModerationAction, QueueItem
from moderation.permissions import check_moderate
from moderation.services import action_record
from moderation.submission import Refused, check_writer, submission_check, submission_recorded

Verb = ModerationAction.Verb
OPENINGS_SCOPE = "conversation-openings"


@dataclass(frozen=True)
class Written:
    """A message stored, and what its writer should be told."""

    message: PrivateMessage
    held_because: str = ""
    help: list = field(default_factory=list)  # help lines to show at once

    @property
    def conversation(self) -> Conversation:
        return self.message.conversation


def conversation_open(*, starter, member, text: str, about=None,
                      item: QueueItem | None = None) -> Written:
    """Open a private conversation with `member`, `text` its first message.

    `about` is the content that prompted it (theirs: a post, a chat message) and
    `item` the queue item a moderator opened it from.
    """
    check_open(starter, member)
    if item is not None:
        check_moderate(starter)
        about = item.content
    if about is not None:
        check_about(starter, member, about)
    kind = Conversation.Kind.CHECK_IN if may_check_in(starter) else Conversation.Kind.MEMBERS
    pace = {"member": starter, "kind": WriteLimit.Kind.MESSAGE, "scope": OPENINGS_SCOPE,
            "rate": ConversationSettings.current().member_openings_rate,
            "code": "too_many_conversations",
            "reason": "You've started a lot of private conversations in a short time."}
    if kind == Conversation.Kind.MEMBERS:
        limit_check(count=False, **pace)
    checked = submission_check(author=starter, kind=_surface(kind), text=text, field="text")
    if kind == Conversation.Kind.MEMBERS:
        limit_check(**pace)
    with transaction.atomic():
        conversation = Conversation.objects.create(
            kind=kind, started_by=starter, member=member, about=about, queue_item=item,
            last_message_at=timezone.now())
        action_record(actor=starter, verb=Verb.CONVERSATION_OPEN, target=conversation,
                      member=member, item=item, reason=_about_words(about))
        written = _store(conversation, starter, checked)
        if kind == Conversation.Kind.CHECK_IN:
            invitation = f"{_role_word(starter)} would like to check in with you privately."
            notify(users=[member], kind=Notification.Kind.MODERATION,
                   url=conversation.get_absolute_url(),
                   text=f"{invitation} You can reply, or end the conversation.")
            email_on_commit(user=member, choice="check_ins", subject=invitation.rstrip("."),
                            lines=[invitation, "You can read their message and reply, or end "
                                   "the conversation, on the site:"],
                            path=conversation.get_absolute_url())
        elif not written.held_because:
            _tell_the_reader(written.message)
    return written


def conversation_write(*, author, conversation: Conversation, text: str) -> Written:
    check_write(author, conversation)
    checked = submission_check(author=author, kind=_surface(conversation.kind), text=text,
                               field="text")
    with transaction.atomic():
        # Locked, so a message racing the other person's "end" cannot land after it.
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.is_ended:
            raise Refused("ended", "This conversation has ended, so it takes no new messages.",
                          "text")
        written = _store(conversation, author, checked)
        if not written.held_because:
            _tell_the_reader(written.message)
    return written


def conversation_end(*, by, conversation: Conversation) -> None:
    """Either person ends it; it stays readable, and takes no new messages."""
    check_end(by, conversation)
    check_writer(by, even_if_muted=True)
    with transaction.atomic():
        updated = Conversation.objects.filter(pk=conversation.pk, ended_at=None).update(
            ended_at=timezone.now(), ended_by=by)
        if not updated:
            raise PermissionDenied("This conversation has already ended.")
        conversation.refresh_from_db()
        other = conversation.other_than(by)
        action_record(actor=by, verb=Verb.CONVERSATION_END, target=conversation,
                      member=conversation.member)
        notify(users=[other], kind=Notification.Kind.REPLY, url=conversation.get_absolute_url(),
               text=f"{by.username} ended your private conversation.")
        send_event_on_commit(conversation.group_name, {"type": "conversation.ended"})


def message_set_visibility(*, message: PrivateMessage, visibility: str, by,
                           reason: str = "") -> None:
    """Hold, hide or publish a private message; the reader hears of one approved for them."""
    with transaction.atomic():
        was = content_set_visibility(content=message, visibility=visibility, by=by,
                                     reason=reason)
        if visibility == was:
            return
        if visibility == Visibility.PUBLISHED:
            _broadcast_message(message)
            if was == Visibility.HELD:
                _tell_the_reader(message)
        else:
            send_event_on_commit(message.conversation.group_name,
                                 {"type": "conversation.removed", "id": message.pk})


def _store(conversation: Conversation, author, checked) -> Written:
    now = timezone.now()
    message = PrivateMessage.objects.create(
        conversation=conversation, author=author, text=checked.text,
        risk=checked.screening.risk, risk_topics=list(checked.screening.topics),
        visibility=Visibility.HELD if checked.is_held else Visibility.PUBLISHED,
        moderation_reason=checked.held_because)
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    conversation.last_message_at = now
    action_record(actor=author, verb=Verb.CONVERSATION_WRITE, target=conversation,
                  member=conversation.member)
    if not checked.is_held:
        _broadcast_message(message)
    help_lines = submission_recorded(content=message, checked=checked, author=author, now=now)
    return Written(message, checked.held_because, help_lines)


def _broadcast_message(message: PrivateMessage) -> None:
    send_event_on_commit(message.conversation.group_name,
                         {"type": "conversation.message", "message": message_frame(message)})


def _tell_the_reader(message: PrivateMessage) -> None:
    conversation, writer = message.conversation, message.author.username
    notify(users=[conversation.other_than(message.author)], kind=Notification.Kind.REPLY,
           url=message.get_absolute_url(), key=f"conversation:{conversation.pk}",
           text=f"{writer} wrote to you in a private conversation.",
           text_for_many=f"new messages from {writer} in a private conversation.")


def _surface(kind: str) -> str:
    return "check_in" if kind == Conversation.Kind.CHECK_IN else "conversation"


def _role_word(user) -> str:
    return "A moderator" if is_moderator(user) else "A peer supporter"


def _about_words(about) -> str:
    """For the audit line: what prompted it, without its words."""
    if about is None:
        return ""
    return f"About their {adapter_for(about).kind} {about.pk}"
