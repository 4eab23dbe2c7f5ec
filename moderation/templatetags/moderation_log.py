"""The audit trail as sentences a person reads easily, for every kind of action and content.

`{% action_sentence action %}`: "mo handed alex's post 28 in “Sleep tips” over to sam
(queue item 5)". `{{ action|action_reason }}`: why, in moderators' words.
The pages that list actions fetch their targets with selectors.with_targets, so a
sentence costs no query.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from moderation.adapters import adapter_for
from moderation.models import ModerationAction, ScreeningReview

register = template.Library()
Verb = ModerationAction.Verb

# {actor} acted on {target} (named for its kind: "alex's post 28 in “Sleep tips”", "the
# chat room Evening drop-in"), about {member}. {container} is what locking and moving act
# on: the thread, for a post.
SENTENCES = {
    Verb.FLAG: "{actor} flagged {target} for moderators",
    Verb.APPROVE: "{actor} approved {target}",
    Verb.DISMISS: "{actor} dismissed the reports of {target}",
    Verb.HIDE: "{actor} hid {target}",
    Verb.RESTORE: "{actor} restored {target}",
    Verb.EDIT: "{actor} edited the words of {target}",
    Verb.CLEAR: "{actor} cleared the words of {target}",
    Verb.LOCK: "{actor} locked {container}",
    Verb.UNLOCK: "{actor} unlocked {container}",
    Verb.MOVE: "{actor} moved {container}",
    Verb.PIN: "{actor} pinned {target}",
    Verb.UNPIN: "{actor} unpinned {target}",
    Verb.CLAIM: "{actor} claimed {target}",
    Verb.HAND_OVER: "{actor} handed {target} over to {member}",
    Verb.ESCALATE: "{actor} escalated {target} to the safeguarding lead",
    Verb.WARN: "{actor} warned {member}",
    Verb.MUTE: "{actor} muted {member}",
    Verb.SUSPEND: "{actor} suspended {member}",
    Verb.BAN: "{actor} banned {member}",
    Verb.LIFT: "{actor} lifted a sanction on {member}",
    Verb.NOTE: "{actor} added a private note about {member}",
    Verb.ROOM: "{actor} changed {target}",
    Verb.CATEGORY: "{actor} changed {target}",
    Verb.RULE: "{actor} added {target}",
    Verb.EXAMPLE: "{actor} added {target} to the evaluation set",
    Verb.SET_ASIDE: "{actor} set aside {target}",
    Verb.CONVERSATION_OPEN: "{actor} opened {target}",
    Verb.CONVERSATION_WRITE: "{actor} wrote in {target}",
    Verb.CONVERSATION_END: "{actor} ended {target}",
    Verb.DUTY_ON: "{actor} went on duty",
    Verb.DUTY_OFF: "{actor} went off duty",
    Verb.SUPPORTER: "{actor} changed the peer supporter record of {member}",
    Verb.TRAINING: "{actor} recorded peer supporter training for {member}",
    Verb.SUPERVISION: "{actor} recorded a supervision session for {member}",
    Verb.TRAINING_LAPSED: "{actor} paused {member} as a peer supporter: no current training",
    Verb.STEP_BACK: "{actor} stepped back from peer support",
    Verb.COME_BACK: "{actor} came back to peer support",
}
# Words in a hand-over or an escalation are a note to the next person, not a reason.
NOTED = {Verb.HAND_OVER, Verb.ESCALATE}
REVIEW_SOURCES = {ScreeningReview.Source.REPORT: "a member's report",
                  ScreeningReview.Source.MODERATOR: "a moderator's decision"}
# Records from before members' and moderators' words were kept apart hold, as their
# reason, the sentence the member read (or a reason that only repeats the verb). The trail
# is never rewritten, so they are read in moderators' words here.
EARLIER_REASONS = {
    "Welcome! A moderator checks new members' first posts before others see them. It usually "
    "doesn't take long.": "Held: new member's first post",
    "Moderators are not online right now, so this waits for one to read it before others see "
    "it. Please use the help lines shown: they are there for you now.":
        "Held: crisis words while no moderator on duty",
    "Phone numbers and email addresses wait for a moderator before others see them: sharing "
    "them here can put your safety at risk.": "Held: phone number or email address",
    "Thank you. A moderator will look at this soon before other members can see it.":
        "Held: watched words",
    "New threads here are checked by a moderator before members see them.":
        "Held: new threads in this category wait for approval",
    "Your new words wait for a moderator, as a moderator hid the old ones.":
        "Held: new words for a profile a moderator hid",
    "Hidden for now: several members reported it. A moderator will look soon.":
        "Hidden until a moderator looks: reported by several members",
    "Added a private note": "",
    "Approved": "",
}


@register.simple_tag
def action_sentence(action: ModerationAction) -> SafeString:
    """Who did what, to which content or member, as one sentence with links."""
    actor = format_html("<strong>{}</strong>", action.actor.username if action.actor
                        else "The site")
    target = _target(action)
    sentence = SENTENCES.get(action.verb, "{actor} {verb}")
    line = format_html(sentence, actor=actor, verb=action.get_verb_display().lower(),
                       target=target, container=_container(action, target),
                       member=_member(action.member))
    if action.item_id:
        line = format_html('{} (<a href="{}">queue item {}</a>)', line,
                           reverse("moderation:item", args=[action.item_id]), action.item_id)
    return line


@register.filter
def action_reason(action: ModerationAction) -> str:
    """Why, in moderators' words: "Reason: Held: new member's first post"; "" for none."""
    reason = EARLIER_REASONS.get(action.reason, action.reason)
    if not reason:
        return ""
    return f"{'Note' if action.verb in NOTED else 'Reason'}: {reason}"


def _member(user) -> SafeString:
    if user is None:
        return format_html("{}", "a member no longer here")
    return format_html('<a href="{}">{}</a>', reverse("moderation:member",
                                                      args=[user.username]), user.username)


def _adapter(action: ModerationAction):
    model = action.content_type.model_class() if action.content_type_id else None
    try:
        return adapter_for(model) if model is not None else None
    except LookupError:
        return None


def _target(action: ModerationAction) -> SafeString:
    """What the action was done to, named for its kind."""
    if not action.content_type_id:
        # Room changes were recorded without the room before: its name is in the reason.
        return format_html("{}", "a chat room" if action.verb == Verb.ROOM else "")
    adapter, target = _adapter(action), action.target
    if adapter is not None:
        return _content(adapter, target, action.object_id)
    number = action.object_id
    if action.verb == Verb.ROOM:
        return format_html("the chat room {}", target if target is not None else number)
    if action.verb == Verb.CATEGORY:
        return format_html("the forum category {}", target if target is not None else number)
    if action.verb == Verb.RULE:
        return format_html("screening rule {}", number)
    if action.verb in {Verb.EXAMPLE, Verb.SET_ASIDE}:
        source = REVIEW_SOURCES.get(getattr(target, "source", None))
        return format_html("the miss from {}", source or "screening")
    if action.verb in {Verb.CONVERSATION_OPEN, Verb.CONVERSATION_WRITE, Verb.CONVERSATION_END}:
        if action.member_id in (None, action.actor_id):
            return format_html("private conversation {}", number)
        return format_html("private conversation {} with {}", number, _member(action.member))
    return format_html("{} {}", action.content_type.name, number)


def _content(adapter, content, number) -> SafeString:
    """"alex's post 28 in “Sleep tips”", "alex's profile"; by number once it is gone."""
    if content is None:
        return format_html("{} {}", adapter.kind, number)
    name = adapter.kind if adapter.is_one_per_member else f"{adapter.kind} {number}"
    place = adapter.place(content)
    return format_html("{}'s {}{}", _member(adapter.author(content)), name,
                       f" {place}" if place else "")


def _container(action: ModerationAction, target: SafeString) -> SafeString:
    """What locking and moving act on: "the thread of alex's post 28 ..." for a post."""
    adapter = _adapter(action)
    if adapter is None or adapter.container_kind in ("", adapter.kind):
        return target
    return format_html("the {} of {}", adapter.container_kind, target)
