"""Every service, called by every role: the rules hold in the services, whatever calls them.

A view, a socket, the admin or the shell reaches the same service, so the
refusals here are the ones every path gives: a visitor or a suspended member
writes nothing, a member reaches no moderator's service, and a moderator
cannot sanction another moderator or an administrator.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from chat.models import Message, Room
from chat.services import message_send, room_set_slow_mode, room_set_status
from community import roles
from community.models import SiteSettings
from community.refusals import Refused
from community.services import block_create, member_update, role_grant
from conversations.services import conversation_end, conversation_open, conversation_write
from forums.models import Post, Thread
from forums.services import (
    category_save,
    post_create,
    post_delete,
    post_edit,
    post_moderator_edit,
    reaction_set,
    thread_create,
    thread_follow,
    thread_pin,
    thread_retitle,
)
from moderation import services as moderation
from moderation.models import Priority, QueueItem, Sanction
from moderation.sanctions import sanction_create, sanction_lift
from tests.factories import CategoryFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unlimited_writes")]

ROLES = ["visitor", "member", "suspended", "peer_supporter", "moderator", "administrator"]
WRITERS = {"member", "peer_supporter", "moderator", "administrator"}
STAFF = {"moderator", "administrator"}
LEADS = {"administrator"}


@dataclass
class World:
    actor: object
    other: object
    category: object
    elsewhere: object
    thread: Thread
    post: Post
    own_post: Post | None
    hidden: Post
    held: Post
    item: QueueItem
    held_item: QueueItem
    room: Room
    message: Message
    sanction: Sanction
    colleague: object  # another moderator
    lead: object  # another administrator


def actor_for(role: str):
    if role == "visitor":
        return AnonymousUser()
    user = UserFactory(username=role)
    if role == "suspended":
        Sanction.objects.create(member=user, kind=Sanction.Kind.SUSPEND, reason="Time out.")
    group = {"peer_supporter": roles.PEER_SUPPORTERS, "moderator": roles.MODERATORS,
             "administrator": roles.ADMINISTRATORS}.get(role)
    if group:
        role_grant(user=user, role=group)
    return user


def post_in(thread, author, number, **fields) -> Post:
    return Post.objects.create(thread=thread, author=author, number=number, body="Words",
                               html="<p>Words</p>", **fields)


def build(role: str) -> World:
    SiteSettings.objects.update_or_create(pk=1, defaults={"held_first_posts": 0})
    actor, other = actor_for(role), UserFactory(username="other")
    colleague, lead = UserFactory(username="colleague"), UserFactory(username="lead")
    role_grant(user=colleague, role=roles.MODERATORS)
    role_grant(user=lead, role=roles.ADMINISTRATORS)
    category, elsewhere = CategoryFactory(), CategoryFactory()
    thread = Thread.objects.create(category=category, title="Good days", author=other,
                                   post_count=2, next_number=5)
    post = post_in(thread, other, 1)
    own = post_in(thread, actor, 2) if actor.is_authenticated else None
    hidden = post_in(thread, other, 3, visibility="hidden")
    held = post_in(thread, other, 4, visibility="held")
    room = Room.objects.create(name="Evening", slug="evening")
    return World(
        actor=actor, other=other, category=category, elsewhere=elsewhere, thread=thread,
        post=post, own_post=own, hidden=hidden, held=held,
        item=moderation.flag_content(content=post, source=QueueItem.Source.REPORT,
                                     priority=Priority.NORMAL, reason="Reported"),
        held_item=moderation.flag_content(content=held, source=QueueItem.Source.HELD,
                                          priority=Priority.NORMAL, reason="Held"),
        room=room, message=Message.objects.create(room=room, author=other, text="Hi"),
        sanction=Sanction.objects.create(member=other, kind=Sanction.Kind.MUTE, reason="Hush"),
        colleague=colleague, lead=lead,
    )


def sanction(w: World, member) -> None:
    sanction_create(member=member, moderator=w.actor, kind="mute", reason="Cooling off",
                    duration=timedelta(hours=1))


def checked_in(w: World):
    return conversation_open(starter=w.colleague, member=w.actor, text="Hello").conversation


# name: (roles allowed, roles it applies to, the call)
SERVICES: dict[str, tuple[set[str], list[str], Callable[[World], object]]] = {
    # What members do.
    "thread_create": (WRITERS, ROLES, lambda w: thread_create(
        author=w.actor, category=w.category, title="A fair title", body="Hello all")),
    "post_create": (WRITERS, ROLES, lambda w: post_create(
        author=w.actor, thread=w.thread, body="Welcome")),
    "post_edit": (WRITERS, ROLES, lambda w: post_edit(
        post=w.own_post or w.post, editor=w.actor, body="Changed my words")),
    "post_delete": (WRITERS, ROLES, lambda w: post_delete(post=w.own_post or w.post, by=w.actor)),
    "reaction_set": (WRITERS, ROLES, lambda w: reaction_set(
        post=w.post, user=w.actor, kind="support")),
    "thread_follow": (WRITERS, ROLES, lambda w: thread_follow(
        user=w.actor, thread=w.thread, follow=True)),
    "report_create": (WRITERS, ROLES, lambda w: moderation.report_create(
        reporter=w.actor, content=w.post, reason="spam")),
    "message_send": (WRITERS, ROLES, lambda w: message_send(
        author=w.actor, room=w.room, text="Evening all")),
    "block_create": (WRITERS, ROLES, lambda w: block_create(blocker=w.actor, blocked=w.other)),
    "member_update": (WRITERS, ROLES[1:], lambda w: member_update(
        member=w.actor.member, pronouns="they/them", bio="Hello", nation="")),
    # A moderator checked in with the actor: they answer, or end it.
    "conversation_write": (WRITERS, ROLES[1:], lambda w: conversation_write(
        author=w.actor, conversation=checked_in(w), text="Thanks for asking")),
    "conversation_end": (WRITERS, ROLES[1:], lambda w: conversation_end(
        by=w.actor, conversation=checked_in(w))),
    # What moderators do.
    "item_claim": (STAFF, ROLES, lambda w: moderation.item_claim(item=w.item, moderator=w.actor)),
    "item_hand_over": (STAFF, ROLES, lambda w: moderation.item_hand_over(
        item=w.item, moderator=w.actor, to=w.colleague)),
    "item_escalate": (STAFF, ROLES, lambda w: moderation.item_escalate(
        item=w.item, moderator=w.actor, note="Worried about them")),
    "content_approve": (STAFF, ROLES, lambda w: moderation.content_approve(
        item=w.held_item, moderator=w.actor)),
    "reports_dismiss": (STAFF, ROLES, lambda w: moderation.reports_dismiss(
        item=w.item, moderator=w.actor)),
    "content_hide": (STAFF, ROLES, lambda w: moderation.content_hide(
        item=w.item, moderator=w.actor, reason="Unkind")),
    "content_restore": (STAFF, ROLES, lambda w: moderation.content_restore(
        content=w.hidden, moderator=w.actor)),
    "content_edit": (STAFF, ROLES, lambda w: moderation.content_edit(
        item=w.item, moderator=w.actor, text="Kinder words", reason="Tone")),
    "content_lock": (STAFF, ROLES, lambda w: moderation.content_lock(
        content=w.thread, moderator=w.actor, locked=True)),
    "content_move": (STAFF, ROLES, lambda w: moderation.content_move(
        content=w.thread, moderator=w.actor, destination=w.elsewhere.slug)),
    "conversation_open": (STAFF, ROLES, lambda w: conversation_open(
        starter=w.actor, member=w.other, text="Checking you're OK")),
    "note_add": (STAFF, ROLES, lambda w: moderation.note_add(
        member=w.other, moderator=w.actor, text="Checked in with them")),
    "sanction_a_member": (STAFF, ROLES, lambda w: sanction(w, w.other)),
    "sanction_a_moderator": (LEADS, ROLES, lambda w: sanction(w, w.colleague)),
    "sanction_an_administrator": (LEADS, ROLES, lambda w: sanction(w, w.lead)),
    "sanction_lift": (STAFF, ROLES, lambda w: sanction_lift(sanction=w.sanction,
                                                            moderator=w.actor)),
    "content_hide_where_read": (STAFF, ROLES, lambda w: moderation.content_hide_where_read(
        content=w.message, moderator=w.actor, reason="Unkind")),
    "content_edit_where_read": (STAFF, ROLES, lambda w: moderation.content_edit_where_read(
        content=w.post, moderator=w.actor, text="Kinder words", reason="Tone")),
    "room_set_status": (STAFF, ROLES, lambda w: room_set_status(
        room=w.room, moderator=w.actor, status="read_only")),
    "room_set_slow_mode": (STAFF, ROLES, lambda w: room_set_slow_mode(
        room=w.room, moderator=w.actor, seconds=30)),
    "thread_pin": (STAFF, ROLES, lambda w: thread_pin(thread=w.thread, by=w.actor, pinned=True)),
    "post_moderator_edit": (STAFF, ROLES, lambda w: post_moderator_edit(
        post=w.post, editor=w.actor, body="Kinder words", reason="Tone")),
    "thread_retitle": (STAFF, ROLES, lambda w: thread_retitle(
        thread=w.thread, editor=w.actor, title="A kinder title")),
    # What administrators do.
    "category_save": (LEADS, ROLES, lambda w: category_save(
        category=w.category, by=w.actor, changed=["name"])),
}

CASES = [(name, role) for name, (_, applies, _) in SERVICES.items() for role in applies]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_every_service_checks_who_is_asking(name, role):
    allowed, _, call = SERVICES[name]
    world = build(role)

    if role in allowed:
        call(world)
        return
    with pytest.raises((PermissionDenied, Refused)) as refused:
        call(world)
    said = str(refused.value)
    assert said and said[0].isupper() and said.rstrip().endswith("."), "a sentence to read"


def test_nobody_sanctions_themself(moderator):
    with pytest.raises(PermissionDenied, match="yourself"):
        sanction_create(member=moderator, moderator=moderator, kind="mute", reason="Oops")
