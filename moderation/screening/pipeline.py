"""screen(): the one check every piece of member text passes before it is stored."""

from dataclasses import dataclass, field, replace

from django.db import models

from community.models import Risk, Topic
from community.roles import is_moderator
from moderation.models import CrisisPattern, WatchedWord
from moderation.screening import rules
from moderation.screening.normalise import BOUNDARY, normalise
from moderation.screening.patterns import Found
from moderation.screening.render import render_markdown

NEGATION_WINDOW = 3
NEGATORS = frozenset(
    normalise("not never no dont don't wont won't wouldnt isnt didnt cant cannot arent shouldnt")
)
RISK_ORDER = [Risk.NONE, Risk.CONCERN, Risk.URGENT]
TOPIC_WARNINGS = {
    Topic.SUICIDE: "suicide",
    Topic.SELF_HARM: "self-harm",
    Topic.OVERDOSE: "self-harm",
    Topic.HARM_TO_OTHERS: "violence",
    Topic.ABUSE: "abuse",
    Topic.EATING_DISORDERS: "eating-disorders",
    Topic.BEREAVEMENT: "bereavement",
    Topic.SUBSTANCE_USE: "substance-use",
}
BLOCKED_MESSAGE = (
    "This can't be posted because it has words that are not allowed here (see the community "
    "guidelines). Please change them and try again. Your text is still here."
)
HELD_MESSAGE = "Thank you. A moderator will look at this soon before other members can see it."


class Action(models.TextChoices):
    ALLOW = "allow", "Allow"
    HOLD = "hold", "Hold for a moderator"
    BLOCK = "block", "Block"


@dataclass(frozen=True)
class Match:
    """One rule that fired, as the moderation queue shows it."""

    source: str  # "crisis" or "watched_word"
    rule_id: int
    pattern: str
    level: str  # the crisis level, or the watched word's action
    topic: str
    words: str
    negated: bool = False
    warning: str = ""  # a watched word's content-warning category
    explanation: str = ""  # what the rule finds, in words: "plan + time"
    reported: bool = False  # said to or of someone being spoken to: "you said you ..."


@dataclass(frozen=True)
class Screening:
    risk: str
    action: str
    matches: tuple[Match, ...]
    suggested_warnings: tuple[str, ...]
    required_warnings: tuple[str, ...]
    topics: tuple[str, ...]
    text: str  # what to store: the member's text with any replacements made
    html: str | None  # posts only: rendered and sanitised
    message: str = field(default="")  # what to tell the member when held or blocked

    @property
    def needs_review(self) -> bool:
        """Whether a moderator should look, even if the content is published."""
        return self.risk != Risk.NONE or self.action == Action.HOLD or any(
            m.source == "watched_word" and m.level == WatchedWord.Action.FLAG
            for m in self.matches
        )


def screen(text: str, *, author=None, kind: str = "post") -> Screening:
    """Assess member text; pure: reads the rules, writes nothing."""
    if kind not in {"post", "message"}:
        raise ValueError(f"kind must be 'post' or 'message', not {kind!r}")
    compiled = rules.current_rules()
    tokens = normalise(text)
    crisis = _crisis_matches(tokens, compiled.crisis.find(tokens))
    watched = [_watched_match(tokens, found) for found in compiled.watched.find(tokens)]
    text, action = _apply_watched_words(text, watched, compiled, author)

    risk = max((_risk_of(m) for m in crisis), key=RISK_ORDER.index, default=Risk.NONE)
    topics = _unique(m.topic for m in crisis if m.level != CrisisPattern.Level.NOT_A_CRISIS)
    required = _unique(m.warning for m in watched
                       if m.warning and m.level == WatchedWord.Action.REQUIRE_WARNING)
    suggested = _unique([*(TOPIC_WARNINGS[t] for t in topics if t in TOPIC_WARNINGS),
                         *(m.warning for m in watched if m.warning)])
    message = {Action.BLOCK: BLOCKED_MESSAGE, Action.HOLD: HELD_MESSAGE}.get(action, "")
    return Screening(
        risk=risk,
        action=action,
        matches=tuple(crisis + watched),
        suggested_warnings=suggested,
        required_warnings=required,
        topics=topics,
        text=text,
        html=render_markdown(text) if kind == "post" and action != Action.BLOCK else None,
        message=message,
    )


ACTION_ORDER = [Action.ALLOW, Action.HOLD, Action.BLOCK]


def combine(first: Screening, second: Screening) -> Screening:
    """One verdict for two texts stored together (a thread's title and its first post):
    the more serious risk and action, every match, warning and topic; `second`'s text."""
    action = max(first.action, second.action, key=ACTION_ORDER.index)
    return replace(
        second,
        risk=max(first.risk, second.risk, key=RISK_ORDER.index),
        action=action,
        matches=first.matches + second.matches,
        suggested_warnings=_unique(first.suggested_warnings + second.suggested_warnings),
        required_warnings=_unique(first.required_warnings + second.required_warnings),
        topics=_unique(first.topics + second.topics),
        message=first.message if action == first.action else second.message,
    )


def _unique(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _words(tokens: list[str], found: Found) -> str:
    return " ".join(tokens[found.start:found.end])


def _crisis_matches(tokens: list[str], found: list[Found]) -> list[Match]:
    """Crisis matches, less those inside an everyday phrase, with negation noted."""
    everyday = [f for f in found if f.rule.level == CrisisPattern.Level.NOT_A_CRISIS]
    matches = []
    for f in found:
        if f.rule.level == CrisisPattern.Level.NOT_A_CRISIS:
            continue
        if any(e.start <= f.start and f.end <= e.end for e in everyday):
            continue
        matches.append(Match("crisis", f.rule.pk, f.rule.pattern, f.rule.level, f.rule.topic,
                             _words(tokens, f), _is_negated(tokens, f.start),
                             explanation=f.rule.explanation))
    return matches


def _is_negated(tokens: list[str], start: int) -> bool:
    before = tokens[max(0, start - NEGATION_WINDOW):start]
    if BOUNDARY in before:
        before = before[len(before) - before[::-1].index(BOUNDARY):]
    return any(token in NEGATORS for token in before)


def _risk_of(match: Match) -> str:
    if match.level == CrisisPattern.Level.URGENT:
        # "I'm not going to hurt myself" still deserves a gentle look.
        return Risk.CONCERN if match.negated else Risk.URGENT
    if match.level == CrisisPattern.Level.CONCERN:
        return Risk.CONCERN
    return Risk.NONE


def _watched_match(tokens: list[str], found: Found) -> Match:
    rule = found.rule
    return Match("watched_word", rule.pk, rule.pattern, rule.action, "", _words(tokens, found),
                 warning=rule.warning.slug if rule.warning else "", explanation=rule.explanation)


def _apply_watched_words(text, watched, compiled, author) -> tuple[str, str]:
    actions = {m.level for m in watched}
    replaced = text
    for m in watched:
        if m.level == WatchedWord.Action.REPLACE:
            pattern, replacement = compiled.replacements.get(m.rule_id, (None, ""))
            new = pattern.sub(replacement, replaced) if pattern else replaced
            if new == replaced:
                # Disguised spelling the plain replacement cannot find: let a person decide.
                actions.add(WatchedWord.Action.HOLD)
            replaced = new
    if author is not None and is_moderator(author):
        # Moderators may need to quote a word to explain a decision; it is still flagged.
        return replaced, Action.ALLOW
    if WatchedWord.Action.BLOCK in actions:
        return text, Action.BLOCK
    if WatchedWord.Action.HOLD in actions:
        return replaced, Action.HOLD
    return replaced, Action.ALLOW

