"""The one path for member text: every surface checks here before storing, and records after.

Forum threads, replies and edits, chat messages, private messages, profile text,
report notes and moderators' notes call submission_check() first: it applies the author's
sanctions, the rate limit for that kind of text, length and hidden characters,
the offered and required content warnings, screen(), and the hold decision,
and returns what to store or raises one Refused(code, message, field) that a
view shows beside the field and a socket sends as an error frame (the text is
kept either way). After the content app has stored the text,
submission_recorded() queues held and flagged content and says which help
resources the writer should see at once.

A new surface adds a Surface below and calls these two functions; it writes
no rule of its own.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from community.models import ContentWarning, HelpResource, Risk, SiteSettings, WriteLimit
from community.ratelimits import limit_check
from community.refusals import Refused
from community.roles import is_moderator
from community.signposting import resources_for
from community.validators import has_control_characters, looks_like_contact_details
from moderation.content import Reason
from moderation.cover import moderators_available_now
from moderation.models import ModerationSettings, Priority, QueueItem
from moderation.sanctions import refuse_if_silenced
from moderation.screening import Action, Screening, combine, screen
from moderation.services import flag_content, screening_flag

WARNING_NOTE_LENGTH = 200
# Why text waits for a moderator: its author reads the first, moderators the second.
CONTACT_HOLD = Reason(
    "Phone numbers and email addresses wait for a moderator before others see them: sharing "
    "them here can put your safety at risk.",
    "Held: phone number or email address")
OFFLINE_HOLD = Reason(
    "Moderators are not online right now, so this waits for one to read it before others "
    "see it. Please use the help lines shown: they are there for you now.",
    "Held: crisis words while no moderator on duty")
NEWCOMER_HOLD = Reason(
    "Welcome! A moderator checks new members' first posts before others see them. It "
    "usually doesn't take long.",
    "Held: new member's first post")
CONTROL_MESSAGE = "This has hidden control characters in it. Please type it again."


@dataclass(frozen=True)
class Surface:
    """The rules that differ between the places members write."""

    limit: str  # a WriteLimit kind
    screen_as: str  # "post" (Markdown, rendered) or "message" (plain text)
    max_length: int
    noun: str  # what the member is writing, in the refusals they read
    min_length: int = 1
    title_length: tuple[int, int] = (0, 0)  # for surfaces with a second, short text
    takes_warnings: bool = False
    can_hold: bool = True  # False where only moderators read it anyway
    holds_newcomers: bool = False  # a new member's first few wait for a moderator
    mute_applies: bool = True  # False for reports: a muted member can still raise an alarm
    holds_contact_details: bool = False  # phone numbers and emails wait for a moderator


SURFACES = {
    "thread": Surface(WriteLimit.Kind.THREAD, "post", 20_000, "post", title_length=(3, 150),
                      takes_warnings=True, holds_newcomers=True),
    "post": Surface(WriteLimit.Kind.POST, "post", 20_000, "post", takes_warnings=True,
                    holds_newcomers=True),
    # A newcomer's edit waits too, or an approved first post could be edited into anything.
    "edit": Surface(WriteLimit.Kind.EDIT, "post", 20_000, "post", takes_warnings=True,
                    holds_newcomers=True),
    "message": Surface(WriteLimit.Kind.MESSAGE, "message", 2000, "message",
                       takes_warnings=True),
    "title": Surface(WriteLimit.Kind.EDIT, "message", 150, "title", min_length=3),
    "profile": Surface(WriteLimit.Kind.PROFILE, "message", 1000, "“About me”", min_length=0,
                       title_length=(0, 40), holds_contact_details=True),
    "report": Surface(WriteLimit.Kind.REPORT, "message", 500, "note", min_length=0,
                      can_hold=False, mute_applies=False),
    "note": Surface(WriteLimit.Kind.NOTE, "message", 2000, "note", can_hold=False),
    # A private conversation a moderator or peer supporter opened: the only other reader is
    # staff, so nothing waits, and a muted member can still answer the person reaching them.
    "check_in": Surface(WriteLimit.Kind.MESSAGE, "message", 2000, "message", can_hold=False,
                        mute_applies=False),
    # Asking for a peer mentor and offering: read by matching peer supporters or by the one
    # member, who may act on it at once, so nothing waits; screening flags still reach the
    # queue and crisis words bring help. Contact details are refused by mentoring itself.
    "mentoring": Surface(WriteLimit.Kind.MENTORING, "message", 1000, "words", min_length=0,
                         can_hold=False),
    # Members writing to each other: contact details wait for a moderator, as on profiles.
    "conversation": Surface(WriteLimit.Kind.MESSAGE, "message", 2000, "message",
                            holds_contact_details=True),
}


@dataclass(frozen=True)
class Checked:
    """Text that may be stored, as it should be stored."""

    text: str
    title: str
    html: str | None
    screening: Screening
    warnings: tuple[str, ...]
    warning_note: str
    hold: Reason | None  # None when others may see it at once

    @property
    def is_held(self) -> bool:
        return self.hold is not None

    @property
    def held_because(self) -> str:
        """What its author is told about the wait, to store with the content; "" if none."""
        return self.hold.for_author if self.hold else ""


def submission_check(*, author, kind: str, text: str, title: str | None = None,
                     warnings: Sequence[str] = (), warning_note: str = "", scope: str = "",
                     slow_mode_seconds: int = 0, approval: Reason | None = None,
                     field: str = "body", title_field: str = "title",
                     note_field: str = "warning_note") -> Checked:
    """Every rule for member text, in one order; Refused names the field it is about.

    `scope` is the place (a chat room's group): where a scoped mute applies and
    where `slow_mode_seconds` paces each member (staff excepted).
    `approval` says why this place holds everything for a moderator.
    Whatever refuses the text, words that suggest risk still bring their writer
    help: the refusal carries the help lines in `Refused.help`.
    """
    try:
        return _checked(author=author, surface=SURFACES[kind], text=text, title=title,
                        warnings=warnings, warning_note=warning_note, scope=scope,
                        slow_mode_seconds=slow_mode_seconds, approval=approval,
                        field=field, title_field=title_field, note_field=note_field)
    except Refused as refused:
        refused.help = _help_for_refused(author, f"{title or ''}\n{text}")
        raise


def _checked(*, author, surface: Surface, text: str, title: str | None, warnings, warning_note,
             scope: str, slow_mode_seconds: int, approval: Reason | None, field: str,
             title_field: str, note_field: str) -> Checked:
    _check_author(author, surface, scope)
    paces = [{"kind": surface.limit}]
    if slow_mode_seconds and not is_moderator(author):
        paces.append({
            "kind": surface.limit, "scope": f"slow:{scope}",
            "rate": f"1 per {slow_mode_seconds} seconds", "code": "slow_mode",
            "reason": f"Slow mode is on: one message every {slow_mode_seconds} seconds."})
    for pace in paces:  # asked first, counted last: refused text uses up nothing
        limit_check(member=author, count=False, **pace)
    text = _clean(text, surface.max_length, field, surface.noun, minimum=surface.min_length)
    screening = screen(text, author=author, kind=surface.screen_as)
    title_screening = None
    if title is not None:
        title_screening = screen(_clean_title(title, surface, title_field), author=author,
                                 kind="message")
        screening = combine(title_screening, screening)
    if screening.action == Action.BLOCK:
        raise Refused("blocked", screening.message, field)
    chosen, note = _checked_warnings(surface, screening, warnings, warning_note, note_field)
    for pace in paces:
        limit_check(member=author, **pace)
    return Checked(
        text=screening.text,
        title=title_screening.text if title_screening else "",
        html=screening.html,
        screening=screening,
        warnings=chosen,
        warning_note=note,
        hold=hold_reason(author, screening, surface, approval,
                         has_contact_details=looks_like_contact_details(f"{title or ''} {text}"))
        if surface.can_hold else None,
    )


def submission_recorded(*, content, checked: Checked, author,
                        now: datetime | None = None) -> list[HelpResource]:
    """After the insert: queue what moderators must see; the help the writer should see now."""
    if checked.hold is not None:
        flag_content(content=content, source=QueueItem.Source.HELD, priority=Priority.NORMAL,
                     reason=checked.hold.for_moderators)
    screening_flag(content=content, screening=checked.screening)
    return signposting_for(author, checked.screening, now=now)


def _help_for_refused(author, text: str) -> list[HelpResource]:
    """The help lines for refused words that suggest risk: refusing them must not leave the
    writer without a route to help."""
    if not text.strip() or not author.is_authenticated:
        return []
    return signposting_for(author, screen(text[:SURFACES["post"].max_length], author=author,
                                          kind="message"))


def signposting_for(author, screening: Screening, *,
                    now: datetime | None = None) -> list[HelpResource]:
    if screening.risk == Risk.NONE:
        return []
    return resources_for(screening.risk, screening.topics, author.member.nation,
                         now or timezone.now())


def hold_reason(author, screening: Screening, surface: Surface, approval: Reason | None = None,
                *, has_contact_details: bool = False) -> Reason | None:
    """Why new text waits for a moderator, or None when others may see it at once."""
    if is_moderator(author):
        return None
    if screening.action == Action.HOLD:
        return Reason(screening.message, "Held: watched words")
    if surface.holds_contact_details and has_contact_details:
        return CONTACT_HOLD
    if screening.risk == Risk.URGENT and not moderators_available_now():
        return OFFLINE_HOLD
    if approval is not None:
        return approval
    if surface.holds_newcomers and _is_newcomer(author):
        return NEWCOMER_HOLD
    return None


# Content apps tell moderation how many published pieces a member has, for the
# newcomers' rule, without moderation naming them.
_standing_counters: list[Callable[[object], int]] = []


def count_toward_standing(counter: Callable[[object], int]) -> None:
    """Register a function giving how many of a member's posts others can see."""
    if counter not in _standing_counters:
        _standing_counters.append(counter)


def _published_count(author) -> int:
    return sum(count(author) for count in _standing_counters)


def _is_newcomer(author) -> bool:
    held_first = SiteSettings.current().held_first_posts
    if not held_first:
        return False
    return _published_count(author) < held_first


def has_standing(member, *, now: datetime | None = None) -> bool:
    """Whether the account is old enough and has enough published posts (administrators'
    settings) for its reports to count toward hiding and urgency; staff always have."""
    if is_moderator(member):
        return True
    settings = ModerationSettings.current()
    age = (now or timezone.now()) - member.date_joined
    return (age >= timedelta(days=settings.standing_days)
            and _published_count(member) >= settings.standing_posts)


def _check_author(author, surface: Surface, scope: str) -> None:
    check_writer(author, scope=scope, even_if_muted=not surface.mute_applies)


def check_writer(author, *, scope: str = "", even_if_muted: bool = False) -> None:
    """A signed-in member whose sanctions let them write here. For writes that are not
    text (blocks, follows, deletions), a muted member is let through."""
    if not author.is_authenticated or not author.is_active:
        raise Refused("signed_out", "Please log in again to write here.")
    refuse_if_silenced(author, scope=scope, even_if_muted=even_if_muted)


def _clean_title(title: str, surface: Surface, field: str) -> str:
    title = " ".join(title.split())
    low, high = surface.title_length
    if title and not low <= len(title) <= high:
        raise Refused("title_length", f"Please give a title of {low} to {high} characters.",
                      field)
    return _clean(title, high, field, "title", minimum=low)


def _clean(text: str, max_length: int, field: str, noun: str, *, minimum: int) -> str:
    text = text.strip()
    if not text and minimum:
        raise Refused("empty", f"Please write your {noun} first.", field)
    if len(text) < minimum:
        raise Refused("too_short", f"Please give a {noun} of {minimum} to {max_length} "
                                   "characters.", field)
    if len(text) > max_length:
        raise Refused("too_long", f"Please keep your {noun} under {max_length:,} characters. "
                                  f"This one has {len(text):,}.", field)
    if has_control_characters(text):
        raise Refused("control_characters", CONTROL_MESSAGE, field)
    return text


def _checked_warnings(surface: Surface, screening: Screening, warnings: Sequence[str],
                      note: str, note_field: str) -> tuple[tuple[str, ...], str]:
    chosen = tuple(dict.fromkeys(warnings))
    if not surface.takes_warnings:
        return (), ""
    offered = dict(ContentWarning.objects.filter(is_active=True).values_list("slug", "name"))
    if not set(chosen) <= set(offered):
        raise Refused("invalid_warning", "Please choose content warnings from the list.",
                      "warnings")
    missing = [offered.get(slug, slug) for slug in screening.required_warnings
               if slug not in chosen]
    if missing:
        raise Refused("warning_needed", "Please add a content warning before posting: "
                                        f"{', '.join(missing)}. Your text is still here.",
                      "warnings")
    return chosen, _clean(note, WARNING_NOTE_LENGTH, note_field, "note", minimum=0)
