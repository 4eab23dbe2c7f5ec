"""Reads for the conversation pages, each a fixed number of queries whatever their length."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import dateformat
from django.utils.timezone import localtime

from community.roles import is_moderator
from conversations.models import Conversation, Opening, PrivateMessage
from moderation.adapters import adapter_named
from moderation.content import HIDDEN_AUTOMATICALLY, Visibility

PAGE_SIZE = 30


def conversation_list(viewer, *, page_number=1) -> Page:
    """The viewer's own conversations; for moderators, every staff check-in too."""
    mine = Q(started_by=viewer) | Q(member=viewer)
    if is_moderator(viewer):
        mine |= Q(kind=Conversation.Kind.CHECK_IN)
    conversations = (Conversation.objects.filter(mine)
                     .select_related("started_by", "member", "ended_by"))
    return Paginator(conversations, PAGE_SIZE).get_page(page_number)


@dataclass(frozen=True)
class Shown:
    """A message as the viewer sees it: its words, or a note saying why they can't."""

    message: PrivateMessage
    note: str = ""  # why others can't see it, when they can't
    shows_text: bool = True


def conversation_messages(conversation: Conversation, viewer) -> list[Shown]:
    """Published messages; held and hidden ones to their writer and moderators, with a note;
    in place of a hidden one, a note alone for the other person (a held one, not at all)."""
    sees_all = is_moderator(viewer)
    shown = []
    for message in conversation.messages.select_related("author"):
        sees_it = sees_all or message.author_id == viewer.pk
        if message.visibility == Visibility.PUBLISHED:
            shown.append(Shown(message))
        elif message.visibility == Visibility.HELD:
            if sees_it:
                shown.append(Shown(message, "Waiting for a moderator: the other person can't "
                                            "see this yet."))
        elif sees_it:
            reason = f": {message.moderation_reason}" if message.moderation_reason else "."
            hidden = (HIDDEN_AUTOMATICALLY if message.is_hidden_automatically
                      else "Hidden by a moderator")
            shown.append(Shown(message, f"{hidden}{reason}"))
        elif message.is_hidden_automatically:
            shown.append(Shown(message, "This message is hidden until a moderator looks at it.",
                               shows_text=False))
        else:
            shown.append(Shown(message, "A moderator removed this message.", shows_text=False))
    return shown


def message_frame(message: PrivateMessage) -> dict:
    """A message as the live page adds it."""
    return {"id": message.pk, "author": message.author.username,
            "author_id": message.author_id, "text": message.text,
            "sent_at": message.sent_at.isoformat(),
            "when": dateformat.format(localtime(message.sent_at), "j F Y, H:i"),
            "report_url": reverse("conversations:report", args=[message.pk])}


def openings() -> QuerySet:
    return Opening.objects.filter(is_active=True)


def about_lookup(reference: str):
    """The content an ?about= reference names ("post-28", "message-35"), or None."""
    name, _, pk = reference.partition("-")
    if not pk.isdigit():
        return None
    try:
        adapter = adapter_named(name)
    except LookupError:
        return None
    return adapter.queryset().filter(pk=int(pk)).first()


def about_reference(content) -> str:
    return f"{content._meta.model_name}-{content.pk}"
