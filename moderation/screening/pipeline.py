"""screen(): the one check every piece of member text passes before it is stored."""

from dataclasses import dataclass, field, fields, replace
from itertools import pairwise

from django.db import models

from community.models import Risk, Topic
from community.roles import is_moderator
from moderation.models import CrisisPattern, WatchedWord
from moderation.screening import model, rules
from moderation.screening.normalise import BOUNDARY, Spelling, normalise
from moderation.screening.patterns import Found
from moderation.screening.render import render_markdown

NEGATION_WINDOW = 3
NEGATORS = frozenset(
    normalise("not never no dont don't wont won't wouldnt isnt didnt cant cannot arent shouldnt")
)
# Words before a match, in its sentence, that make it someone else's words or a "what if"
# said to a reader: "you said you want to die", "if you feel suicidal, ring 116 123".
REPORTED = {
    **dict.fromkeys(normalise("you youre youve youd"), frozenset(normalise(
        "said say says told tell wrote write mentioned posted messaged feel felt feeling think "
        "thought ever are were get start"))),
    **dict.fromkeys(normalise("if when"), frozenset(normalise(
        "you youre youve anyone someone somebody people your"))),
    **dict.fromkeys(normalise("anyone someone people those others"), frozenset(normalise(
        "who"))),
    **dict.fromkeys(normalise("asked asks ask"), frozenset(normalise("me if whether"))),
    **dict.fromkeys(normalise("do did"), frozenset(normalise("i"))),
    **dict.fromkeys(normalise("your ur"), frozenset(normalise(
        "post message son daughter mum dad husband wife friend brother sister partner"))),
}
PAST_PAIRS = frozenset(tuple(normalise(pair)) for pair in (
    "used to", "back in", "back then", "back when", "last year", "years later", "i said",
    "years ago", "year ago", "months ago", "weeks ago", "yrs ago", "decades ago"))
YEARS = frozenset(str(year) for year in range(1930, 2040))
PAST_CUES = YEARS | {first for first, _ in PAST_PAIRS}  # every pair is two words
RISK_ORDER = [Risk.NONE, Risk.CONCERN, Risk.URGENT]
# Matches that alone say nothing about what the text is about.
NO_TOPIC = {"not-a-crisis", "sign", "context", "ongoing"}
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


# Not frozen: creating a frozen dataclass costs a call per field, and screening makes
# several matches for every message.
@dataclass(slots=True)
class Match:
    """One rule that fired, as the moderation queue shows it."""

    source: str  # "crisis" or "watched_word"
    rule_id: int
    pattern: str
    level: str  # the crisis level, or the watched word's action
    topic: str
    negated: bool = False
    warning: str = ""  # a watched word's content-warning category
    explanation: str = ""  # what the rule finds, in words: "plan + time"
    reported: bool = False  # said to or of someone being spoken to: "you said you ..."
    past: bool = False  # in a sentence about the past: "two years ago I took an overdose"
    tokens: tuple[int, int] = (0, 0)  # the words it covers, as screening read the text
    spelling: Spelling | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> str:
        """The words it covers as the member wrote them: "h a v e the p!lls ready"."""
        return self.spelling.of(*self.tokens) if self.spelling is not None else ""

    def record(self) -> dict:
        """What the queue keeps of it: plain values, the words in the member's spelling."""
        kept = {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in {"tokens", "spelling"}}
        return {**kept, "words": self.words}


@dataclass(slots=True)
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
    tokens = normalise(text, compiled.crisis.words)
    spelling = Spelling(text, compiled.crisis.words, tokens)
    found = compiled.crisis.find(tokens)
    crisis = _crisis_matches(tokens, found, spelling)
    watched = [_watched_match(found, spelling) for found in compiled.watched.find(tokens)]
    text, action = _apply_watched_words(text, watched, compiled, author)

    signs = _signs(crisis)
    risks = [_risk_of(m) for m in crisis]
    levels = {m.level for m in crisis}
    looking_back = (Risk.URGENT not in risks and CrisisPattern.Level.CONTEXT in levels
                    and CrisisPattern.Level.ONGOING not in levels)
    if looking_back:
        # Looking back from recovery or writing to support someone: the words of distress
        # quoted or remembered are not a worry now. Urgent words always count.
        risks = []
    risk = max([*risks, Risk.URGENT if signs else Risk.NONE], key=RISK_ORDER.index)
    if not looking_back and not _rules_read_lower(found, crisis):
        risk, crisis = _raised_by_model(risk, tokens, crisis)
    topics = _unique(m.topic for m in crisis if m.level not in NO_TOPIC or signs)
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


def _crisis_matches(tokens: list[str], found: list[Found], spelling: Spelling) -> list[Match]:
    """Crisis matches, less those inside an everyday phrase, with negation noted."""
    everyday = [f for f in found if f.rule.level == CrisisPattern.Level.NOT_A_CRISIS]
    # Most texts hold none of the words that report speech or date a sentence: knowing
    # that once spares looking through each match's sentence.
    present = set(tokens)
    may_report = not REPORTED.keys().isdisjoint(present)
    may_date = not PAST_CUES.isdisjoint(present)
    matches = []
    for f in found:
        if f.rule.level == CrisisPattern.Level.NOT_A_CRISIS:
            continue
        # An everyday phrase cancels a match whose end it covers: "I'm going to burn myself
        # out" and "killing myself laughing" alike.
        if any(e.start < f.end <= e.end for e in everyday):
            continue
        matches.append(Match("crisis", f.rule.pk, f.rule.pattern, f.rule.level, f.rule.topic,
                             _is_negated(tokens, f.start), explanation=f.rule.explanation,
                             reported=may_report and _is_reported(tokens, f.start),
                             past=may_date and _is_past(tokens, f.start, f.end),
                             tokens=(f.start, f.end), spelling=spelling))
    return matches


def _rules_read_lower(found: list[Found], crisis: list[Match]) -> bool:
    """Whether a rule read the words as everyday talk, denied, reported or past: the rules
    decide what they match, so the model does not raise it again."""
    return any(f.rule.level == CrisisPattern.Level.NOT_A_CRISIS for f in found) or any(
        m.negated or m.reported or m.past for m in crisis)


def _raised_by_model(risk: str, tokens: list[str], crisis: list[Match]):
    higher, chance = model.raised(risk, tokens)
    if higher == risk:
        return risk, crisis
    return higher, [*crisis, Match("model", 0, "", higher, "", explanation=(
        f"the statistical check, {chance:.0%} sure"))]


def _signs(crisis: list[Match]) -> set[str]:
    return counted_signs((m.level, m.explanation, m.negated or m.reported or m.past)
                         for m in crisis)


def counted_signs(matches) -> set[str]:
    """The kinds of sign found ("a time", "the means"), from (level, explanation, is read
    lower) of each match, when there are two or more: each alone is everyday talk,
    together they are a plan. A sign denied, reported or long past does not count."""
    kinds = {explanation for level, explanation, is_lower in matches
             if level == CrisisPattern.Level.SIGN and not is_lower}
    return kinds if len(kinds) > 1 else set()


def _is_negated(tokens: list[str], start: int) -> bool:
    return any(token in NEGATORS for token in _sentence_before(tokens, start, NEGATION_WINDOW))


def _is_reported(tokens: list[str], start: int) -> bool:
    """Whether the sentence so far speaks to the reader about them, or about anyone:
    "you said you ...", "if you ...", "anyone who ..."."""
    before = _sentence_before(tokens, start, start)
    return any(token in REPORTED and after in REPORTED[token]
               for token, after in pairwise([*before, tokens[start]]))


def _is_past(tokens: list[str], start: int, end: int) -> bool:
    """Whether the match's sentence says it was long ago: "years ago", "used to", "in 2019"."""
    sentence = _sentence_before(tokens, start, start) + tokens[start:end]
    for token in tokens[end:]:
        if token == BOUNDARY:
            break
        sentence.append(token)
    return any(token in YEARS or (token, after) in PAST_PAIRS
               for token, after in pairwise([*sentence, ""]))


def _sentence_before(tokens: list[str], start: int, most: int) -> list[str]:
    before = tokens[max(0, start - most):start]
    if BOUNDARY in before:
        before = before[len(before) - before[::-1].index(BOUNDARY):]
    return before


def _risk_of(match: Match) -> str:
    """A rule's level, one lower for a "not" before it or for words reported to a reader."""
    if match.level not in RISK_ORDER:
        return Risk.NONE
    # "I'm not going to hurt myself" still deserves a gentle look: urgent becomes concern.
    lowered = match.negated + match.reported + (match.level == Risk.URGENT and match.past)
    return RISK_ORDER[max(0, RISK_ORDER.index(match.level) - lowered)]


def _watched_match(found: Found, spelling: Spelling) -> Match:
    rule = found.rule
    return Match("watched_word", rule.pk, rule.pattern, rule.action, "",
                 warning=rule.warning.slug if rule.warning else "", explanation=rule.explanation,
                 tokens=(found.start, found.end), spelling=spelling)


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

