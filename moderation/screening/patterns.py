"""The small phrase language administrators write rules in, and a fast matcher for it.

    want to die                  the words, in order, whole words only
    (going|gonna) to end it      one of several words or phrases
    (tonight|right now)?         an optional group
    kill * (wife|husband)        exactly one word of any kind
    took ~ pills                 up to four words of any kind
    do it ... tonight            any words in between, within one sentence
    kill myself {when}           one of a named list of words (see word_lists.py)

Rules are compiled to word sequences and indexed by their possible first
words, so matching costs a dictionary look-up per word of the text.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from moderation.screening.normalise import BOUNDARY, normalise
from moderation.screening.word_lists import WORD_LISTS

GAP_WORDS = 4
SENTENCE_WORDS = 40
# Words nearly every message has, which make a poor test of whether a rule could match.
COMMON_WORDS = frozenset(normalise(
    "i me my im ive id the a an to and of it its in on at is was be been for with that this"
    " you your he she they we them him her his our us so not no just but all have has had"
    " got get do did dont can cant will would what when if or out up about like now one"
    " there here then some as by from am are were go going"))
# People write these as two words ("my self", "my-self"); a rule's one word matches both.
COMPOUNDS = {"myself": ("my", "self"), "himself": ("him", "self"), "herself": ("her", "self"),
             "yourself": ("your", "self"), "themselves": ("them", "selves"),
             "ourselves": ("our", "selves")}
SYNTAX = re.compile(r"\(([^()]*)\)(\?)?|(\*)|(~|\.\.\.)|([^\s()*~|?]+)")
WORD_LIST = re.compile(r"\{\s*(\w*)\s*\}")


class PatternError(ValueError):
    """A rule an administrator wrote that cannot be understood; the message says why."""


@dataclass(frozen=True)
class Words:
    """One of several word sequences (an empty one when the group is optional)."""

    options: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Gap:
    least: int
    most: int


Element = Words | Gap


@dataclass(frozen=True)
class Found:
    rule: Any
    start: int
    end: int


def _expand(match: re.Match) -> str:
    name = match.group(1).strip().casefold()
    if name not in WORD_LISTS:
        raise PatternError(f"There is no list called {{{match.group(1)}}}. The lists are: "
                           + ", ".join(f"{{{name}}}" for name in WORD_LISTS) + ".")
    return WORD_LISTS[name]


def parse(pattern: str) -> tuple[Element, ...]:
    elements: list[Element] = []
    position = 0
    pattern = WORD_LIST.sub(_expand, pattern.strip())
    if "{" in pattern or "}" in pattern:
        raise PatternError("Write a list with a brace on each side and no spaces, for "
                           "example {when}.")
    while position < len(pattern):
        if pattern[position].isspace():
            position += 1
            continue
        token = SYNTAX.match(pattern, position)
        if not token:
            raise PatternError(f"Cannot read the rule from “{pattern[position:]}”.")
        group, optional, star, tilde, word = token.groups()
        if group is not None:
            options = [tuple(normalise(option)) for option in group.split("|")]
            if not all(options):
                raise PatternError("Each choice inside ( | ) needs at least one word.")
            options = [variant for option in options for variant in _spellings(option)]
            elements.append(Words(tuple(options) + (((),) if optional else ())))
        elif star:
            elements.append(Gap(1, 1))
        elif tilde:
            elements.append(Gap(0, GAP_WORDS if tilde == "~" else SENTENCE_WORDS))
        else:
            words = normalise(word)
            if not words:
                raise PatternError(f"“{word}” has no letters or numbers in it.")
            # A word that normalises to several ("self-harm") is a sequence.
            elements.append(Words(tuple(_spellings(tuple(words)))))
        position = token.end()
    _check_ends(elements)
    return tuple(elements)


def _spellings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every way of writing the words, with compounds joined or split."""
    spellings: list[tuple[str, ...]] = [()]
    for word in words:
        forms = [(word,), COMPOUNDS[word]] if word in COMPOUNDS else [(word,)]
        spellings = [done + form for done in spellings for form in forms]
    return spellings


def _check_ends(elements: list[Element]) -> None:
    if not elements:
        raise PatternError("The rule is empty.")
    first, last = elements[0], elements[-1]
    if isinstance(first, Gap) or () in first.options:
        raise PatternError("A rule must start with words, not * ~ or an optional part.")
    if isinstance(last, Gap):
        raise PatternError("A rule must end with words, not * or ~.")


def _openings(elements: tuple[Element, ...]) -> set[tuple[str, str | None]]:
    """The first two words a match can begin with; None where the second can be anything."""
    first = elements[0]
    assert isinstance(first, Words)
    following = elements[1] if len(elements) > 1 else None
    openings: set[tuple[str, str | None]] = set()
    for option in first.options:
        if len(option) > 1:
            openings.add((option[0], option[1]))
        elif isinstance(following, Words) and () not in following.options:
            openings.update((option[0], after[0]) for after in following.options)
        else:
            openings.add((option[0], None))
    return openings


def _needs(elements: tuple[Element, ...]) -> frozenset[str]:
    """Words of which the text must hold one for the rule to match: the first words of
    one part after the first that is not optional, the one least likely to be in any
    text (none where every later part is optional). One set look-up spares most tries."""
    parts = [frozenset(option[0] for option in element.options) for element in elements[1:]
             if isinstance(element, Words) and () not in element.options]
    return min(parts, key=lambda words: (len(words & COMMON_WORDS), len(words)),
               default=frozenset())


# A rule compiled for matching: each step is (options by first word, is optional) for
# words, or (None, least, most) for a gap. Looking the next token up in a dictionary
# costs the same however many choices a ( | ) group has.
Step = tuple


def _program(elements: tuple[Element, ...]) -> tuple[Step, ...]:
    steps: list[Step] = []
    for element in elements:
        if isinstance(element, Gap):
            steps.append((None, element.least, element.most))
            continue
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for option in element.options:
            if option:
                by_first.setdefault(option[0], []).append(option)
        steps.append(({word: tuple(options) for word, options in by_first.items()},
                      () in element.options, 0))
    return tuple(steps)


def _run(steps: tuple[Step, ...], tokens: list[str], index: int, position: int) -> int:
    """The end of a match of steps[index:] at position, or -1.

    Choices are tried in the order the rule gives them, and the first that lets
    the rest match wins, so the words reported are the same however it is run.
    """
    if index == len(steps):
        return position
    by_first, optional, most = steps[index]
    if by_first is None:
        least = optional
        if position + least > len(tokens) or BOUNDARY in tokens[position:position + least]:
            return -1
        for skip in range(least, most + 1):
            # A gap never reaches past the end of its sentence: look at each word it adds.
            if skip > least and (position + skip > len(tokens)
                                 or tokens[position + skip - 1] == BOUNDARY):
                break
            end = _run(steps, tokens, index + 1, position + skip)
            if end >= 0:
                return end
        return -1
    if position < len(tokens):
        for option in by_first.get(tokens[position], ()):
            size = len(option)
            if size == 1 or tuple(tokens[position:position + size]) == option:
                end = _run(steps, tokens, index + 1, position + size)
                if end >= 0:
                    return end
    return _run(steps, tokens, index + 1, position) if optional else -1


class Matcher:
    """Finds every rule that matches a token list; rules are any objects with a `pattern`.

    Rules are indexed by their first two words, so a common first word ("i",
    "my") costs one more look-up rather than a try of every rule it begins.
    """

    def __init__(self, compiled: list[tuple[Any, tuple[Element, ...]]]):
        # Every word a rule can match, for splitting letters typed apart ("k i l l m e").
        self.words = frozenset(word for _, elements in compiled for element in elements
                               if isinstance(element, Words)
                               for option in element.options for word in option)
        by_opening: dict[tuple[str, str | None], list] = defaultdict(list)
        for rule, elements in compiled:
            entry = (rule, _program(elements), _needs(elements))
            for opening in _openings(elements):
                if all(other is not rule for other, *_ in by_opening[opening]):
                    by_opening[opening].append(entry)
        # For each first word: the rules to try for each second word, and the rules
        # whose second word can be anything (tried after every second word).
        anywhere = {first: tuple(rules) for (first, second), rules in by_opening.items()
                    if second is None}
        self._by_first: dict[str, tuple[dict, tuple]] = {
            first: ({}, rules) for first, rules in anywhere.items()}
        for (first, second), rules in by_opening.items():
            if second is not None:
                seconds, also = self._by_first.setdefault(first, ({}, ()))
                seconds[second] = tuple(rules) + tuple(
                    extra for extra in also if all(extra[0] is not rule for rule, *_ in rules))

    def find(self, tokens: list[str]) -> list[Found]:
        by_first = self._by_first
        starts = [position for position, token in enumerate(tokens) if token in by_first]
        found: list[Found] = []
        if not starts:
            return found
        following = tokens[1:]
        following.append(None)
        present = set(tokens)
        for position in starts:
            seconds, anywhere = by_first[tokens[position]]
            for rule, steps, needs in seconds.get(following[position], anywhere):
                if needs and needs.isdisjoint(present):
                    continue
                end = _run(steps, tokens, 0, position)
                if end >= 0:
                    found.append(Found(rule, position, end))
        return found


def replacement_pattern(pattern: str) -> re.Pattern | None:
    """A plain-words rule as a regular expression over the original text; None for others.

    Replacing needs the member's own spelling, so only plain words can be replaced.
    """
    words = pattern.split()
    if not words or any(not re.fullmatch(r"[\w'-]+", word) for word in words):
        return None
    return re.compile(r"\b" + r"[\W_]+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
