"""Turn member text into the plain word tokens that screening rules match against.

The same steps run over rules and text, so a rule written "kill myself"
matches "K1LL   myself!!", "kiiill myself" and "k i l l myself". Each step
works on the whole string with one regular expression: screening has to be
fast enough for every chat message.
"""

import re
import unicodedata
from itertools import pairwise

# Look-alike swaps people use to get words past filters. Applied only inside
# words that also hold letters, so "took 30 pills" keeps its number.
SWAPS = str.maketrans({"1": "i", "3": "e", "0": "o", "4": "a", "@": "a", "$": "s", "!": "i"})
# Apostrophes go, so "I'm" is "im" and "don't" is "dont" however they were typed.
APOSTROPHES = ("'", "`")
CURLY_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\u00b4")
# Letters from other alphabets that look like Latin ones ("kіll" with a Cyrillic і), and
# characters that take no space, which would otherwise split a word in two.
LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝӏвмнткгАЕОРСУХІЈЅВМНТКαεορικνυτχΑΕΟΡΙΚΝΥΤΧᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ",
    "aeopcyxijsdqwlbmhtkraeopcyxijsbmhtkaeopikvutxaeopiknytxabcdefghijklmnoprstuvwyz",
    "\u200b\u200c\u200d\u2060\ufeff\u00ad",
)
SWAPPABLE = re.compile(r"(?<!\S)\S*[0134@$!]\S*")
# Most messages have none of the swap characters; finding that out costs far
# less than looking at every word.
SWAP_CHARACTER = re.compile(r"[0134@$!]")
HAS_LETTER = re.compile(r"[^\W\d_]")
# Sentence ends become this letter so that one fast pass can drop all other
# punctuation; nobody types it, and it is never part of a rule.
BOUNDARY = "\u01c2"
# A full stop, ! or ? before a space, or a new line, ends a sentence: rules and
# negation never reach across one ("I'm not sure. I want to die").
SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n+")
NOT_WORD = re.compile(r"[\W_]+")
ASCII_SENTENCE_ENDS = (". ", "! ", "? ", "; ", "\n", "\r")
ASCII_BOUNDARY = " \x00 "  # kept by ASCII_NOT_WORD, then made a BOUNDARY
ASCII_NOT_WORD = bytes(byte if byte == 0 or chr(byte).isalnum() else ord(" ")
                       for byte in range(256))
BOUNDARIES = re.compile(f"(?:{BOUNDARY}\\s+)+")
REPEATED_BOUNDARY = re.compile(f"{BOUNDARY}\\s+{BOUNDARY}")
SPACED_LETTERS = re.compile(f" (?:[^\\W\\d_{BOUNDARY}] ){{2,}}[^\\W\\d_{BOUNDARY}] ")
REPEATS = re.compile(r"(.)\1+")
LONGEST_WORD = 20
SQUEEZED: dict[str, str] = {}
SQUEEZED_MOST = 100_000
# "want 2 die": a 2 after these words is "to"; elsewhere it may be a number of tablets.
TO_AS_TWO = re.compile(
    r"\b(want|wanna|going|need|have|got|ready|about|plan|planning|decided|how|way|wanted"
    r"|trying|try|tried|deserve|used) 2 ", re.IGNORECASE)


def _unswap(match: re.Match) -> str:
    raw = match.group()
    if not HAS_LETTER.search(raw):
        return raw
    # A trailing "!" is punctuation: "die!!" is "die", not "dieii".
    core = raw.rstrip("!?.,")
    return core.translate(SWAPS) + raw[len(core):]


def _letters_joiner(words: frozenset[str]):
    def join(match: re.Match) -> str:
        # Joined letters can repeat ("k i l l"): squeeze them as the other words were.
        joined = REPEATS.sub(r"\1", match.group().replace(" ", ""))
        return f" {' '.join(split_words(joined, words) or [joined])} "
    return join


def split_words(joined: str, words: frozenset[str]) -> list[str] | None:
    """`joined` as the fewest known words ("kilmyself" as "kil myself"); None if it is not.

    Spaced letters lose the spaces between words ("k i l l  m y s e l f").
    """
    best: list[list[str] | None] = [[]] + [None] * len(joined)
    for end in range(1, len(joined) + 1):
        for start in range(max(0, end - LONGEST_WORD), end):
            before = best[start]
            if before is not None and joined[start:end] in words and (
                    best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = [*before, joined[start:end]]
    return best[-1]


def normalise(text: str, words: frozenset[str] = frozenset()) -> list[str]:
    """Lower-cased word tokens with swaps undone, letters squeezed, spaced letters joined
    and text-speak spelled out ("2nite" is "tonight").

    Spaced letters are split into `words` where they can be. Sentences are
    separated by a BOUNDARY token.
    """
    tokens = _tokens(text, words)
    if TEXT_SPEAK.keys().isdisjoint(tokens):
        return tokens
    return [word for token in tokens for word in TEXT_SPEAK.get(token, (token,))]


def _tokens(text: str, words: frozenset[str] = frozenset()) -> list[str]:
    if " 2 " in text:
        text = TO_AS_TWO.sub(r"\1 to ", text)
    apostrophes = APOSTROPHES
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(LOOK_ALIKES)
        apostrophes += CURLY_APOSTROPHES
    text = text.casefold()
    for apostrophe in apostrophes:
        if apostrophe in text:
            text = text.replace(apostrophe, "")
    if SWAP_CHARACTER.search(text):
        text = SWAPPABLE.sub(_unswap, text)
    if text.isascii():
        # The same as the regular expressions below, several times faster for plain text.
        for end in ASCII_SENTENCE_ENDS:
            if end in text:
                text = text.replace(end, ASCII_BOUNDARY)
        text = text.encode().translate(ASCII_NOT_WORD).decode().replace("\x00", BOUNDARY)
    else:
        text = NOT_WORD.sub(" ", SENTENCE_END.sub(f" {BOUNDARY} ", text))
    if BOUNDARY in text and REPEATED_BOUNDARY.search(text):
        text = BOUNDARIES.sub(f"{BOUNDARY} ", f" {text} ")
    text = text.strip(f" {BOUNDARY}")
    # Squeezing first makes "k i ll" three single letters, and "dd" in "b c dd" one.
    squeezed = SQUEEZED
    text = " ".join([squeezed.get(token) or _squeeze(token) for token in text.split()])
    # "k i l l": three or more single letters in a row are one word.
    return SPACED_LETTERS.sub(_letters_joiner(words), f" {text} ").split()


def _squeeze(token: str) -> str:
    """The token with repeated letters squeezed ("diiie" is "die"), remembered: squeezing
    each distinct word once costs far less than squeezing every message whole."""
    if len(SQUEEZED) >= SQUEEZED_MOST:
        SQUEEZED.clear()
    squeezed = SQUEEZED[token] = REPEATS.sub(r"\1", token)
    return squeezed


# Text-speak, spelled out after the other steps (so "every1" is looked up as "everyi").
TEXT_SPEAK = {
    _tokens(short)[0]: tuple(_tokens(long))
    for short, long in {
        "u": "you", "ur": "your", "b": "be", "r": "are", "rly": "really", "rlly": "really",
        "l8r": "later", "l8": "late", "2nite": "tonight", "2night": "tonight",
        "tonite": "tonight", "2nyt": "tonight", "2day": "today", "2moro": "tomorrow",
        "2moz": "tomorrow", "2morrow": "tomorrow", "2morow": "tomorrow", "tmrw": "tomorrow",
        "tmr": "tomorrow", "tmoz": "tomorrow", "tomoz": "tomorrow", "tomoro": "tomorrow",
        "tommorow": "tomorrow", "tomorow": "tomorrow", "wknd": "weekend", "wkend": "weekend",
        "wen": "when", "wot": "what", "wat": "what", "ppl": "people", "every1": "everyone",
        "evry1": "everyone", "no1": "no one", "some1": "someone", "any1": "anyone",
        "cba": "cant be bothered", "idc": "i dont care", "imma": "im going to",
        "ima": "im going to", "gna": "gonna", "finna": "going to", "bc": "because",
        "cuz": "because", "coz": "because", "cos": "because", "thru": "through",
        "sewerslide": "suicide", "suicde": "suicide", "sucide": "suicide", "sui": "suicide",
        "rn": "right now", "atm": "at the moment", "pls": "please", "plz": "please",
    }.items()
}


class Spelling:
    """Where each token of a text came from, so moderators read a match as the member wrote
    it ("h a v e the p!lls") rather than as screening read it ("have the pils").

    Worked out the first time a match's words are asked for, by replaying the steps of
    _tokens() on a string that carries each character's place in the member's text:
    most texts are never quoted, and replaying costs several times what reading does.
    """

    __slots__ = ("_spans", "text", "tokens", "words")

    def __init__(self, text: str, words: frozenset[str], tokens: list[str]):
        self.text, self.words, self.tokens = text, words, tokens
        self._spans: list[tuple[int, int]] | None = None

    def of(self, start: int, end: int) -> str:
        """The member's own words behind tokens[start:end], with runs of spaces as one."""
        if self._spans is None:
            self._spans = _spans(self.text, self.words, self.tokens)
        if not self._spans:  # a replay that disagreed: the words as screening read them
            return " ".join(self.tokens[start:end])
        return " ".join(self.text[self._spans[start][0]:self._spans[end - 1][1]].split())


class _Traced:
    """A string and, for each of its characters, the span of the member's text it came from.

    Spans never go backwards along the string, except those of spaces (which are in no
    word): so a word's span runs from its first character's start to its last one's end.
    """

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: list[int], ends: list[int]):
        self.text, self.starts, self.ends = text, starts, ends

    @classmethod
    def of(cls, text: str) -> "_Traced":
        return cls(text, list(range(len(text))), list(range(1, len(text) + 1)))

    def each(self, change, groups=None) -> "_Traced":
        """Each character (or each group of (start, end) positions) as change() makes it."""
        text, starts, ends = [], [], []
        for a, b in groups or ((i, i + 1) for i in range(len(self.text))):
            new = change(self.text[a:b])
            if len(new) == b - a:
                starts += self.starts[a:b]
                ends += self.ends[a:b]
            else:
                starts += [self.starts[a]] * len(new)
                ends += [self.ends[b - 1]] * len(new)
            text.append(new)
        return _Traced("".join(text), starts, ends)

    def sub(self, pattern: re.Pattern, replace) -> "_Traced":
        """pattern.sub(replace, text) for a function `replace`: new characters come from what
        they replace, one for one when the lengths agree, else each from all of it but its
        spaces."""
        text, starts, ends, done = [], [], [], 0
        for match in pattern.finditer(self.text):
            a, b = match.span()
            new = replace(match)
            text.append(self.text[done:a] + new)
            starts += self.starts[done:a]
            ends += self.ends[done:a]
            if len(new) == b - a:
                starts += self.starts[a:b]
                ends += self.ends[a:b]
            else:
                kept = [i for i in range(a, b) if not self.text[i].isspace()] or [a, b - 1]
                starts += [self.starts[kept[0]]] * len(new)
                ends += [self.ends[kept[-1]]] * len(new)
            done = b
        text.append(self.text[done:])
        return _Traced("".join(text), starts + self.starts[done:], ends + self.ends[done:])

    def words(self) -> list[tuple[str, int, int]]:
        """str.split(), each word with the span of the member's text it came from."""
        starts, ends = self.starts, self.ends
        return [(word.group(), starts[word.start()], ends[word.end() - 1])
                for word in WORDS.finditer(self.text)]

    def padded(self) -> "_Traced":
        """f" {text} "; the spaces come from nowhere."""
        return _Traced(f" {self.text} ", [0, *self.starts, 0], [0, *self.ends, 0])

    def stripped(self, chars: str) -> "_Traced":
        """text.strip(chars)."""
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return _Traced(self.text[left:right], self.starts[left:right], self.ends[left:right])

    @classmethod
    def joined(cls, words: list[tuple[str, int, int]]) -> "_Traced":
        """" ".join(words), with a space before and after; the spaces come from nowhere."""
        text, starts, ends = [" "], [0], [0]
        for word, start, end in words:
            text.append(f"{word} ")
            starts += [start] * len(word) + [0]
            ends += [end] * len(word) + [0]
        return cls("".join(text), starts, ends)


WORDS = re.compile(r"\S+")
# What NFKC may join to the character before it: accents and other marks, Korean letters
# (which it builds into syllables) and the half-width Japanese sound marks.
JOINING = re.compile(r"[\u1100-\u11ff\u3131-\u318e\uffa0-\uffdc\uff9e\uff9f\u3099\u309a]")


def _clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each character with the ones NFKC may join to it."""
    starts = [i for i, c in enumerate(text)
              if not (unicodedata.category(c)[0] == "M" or JOINING.match(c)) or i == 0]
    return list(pairwise([*starts, len(text)]))


def _spans(text: str, words: frozenset[str], tokens: list[str]) -> list[tuple[int, int]]:
    """Where in `text` each of `tokens` came from: _tokens() and normalise() step by step,
    each character carrying its place. Empty when the replay reads the text differently
    (a rare joining of characters it does not follow), so nobody is shown wrong words."""
    traced = _Traced.of(text)
    if " 2 " in text:
        traced = traced.sub(TO_AS_TWO, lambda match: f"{match.group(1)} to ")
    apostrophes = APOSTROPHES
    if not traced.text.isascii():
        traced = traced.each(lambda part: unicodedata.normalize("NFKC", part),
                             _clusters(traced.text))
        traced = traced.each(lambda part: part.translate(LOOK_ALIKES))
        apostrophes += CURLY_APOSTROPHES
    if traced.text.isascii():  # casefold() keeps each ASCII letter in its place
        traced = _Traced(traced.text.casefold(), traced.starts, traced.ends)
    else:
        traced = traced.each(str.casefold)
    traced = traced.sub(re.compile(f"[{''.join(apostrophes)}]"), lambda _: "")
    if SWAP_CHARACTER.search(traced.text):
        traced = traced.sub(SWAPPABLE, _unswap)
    if traced.text.isascii():
        for end in ASCII_SENTENCE_ENDS:
            traced = traced.sub(re.compile(re.escape(end)), lambda _: ASCII_BOUNDARY)
        plain = traced.text.encode().translate(ASCII_NOT_WORD).decode()  # one for one
        traced = _Traced(plain.replace("\x00", BOUNDARY), traced.starts, traced.ends)
    else:
        traced = traced.sub(SENTENCE_END, lambda _: f" {BOUNDARY} ").sub(NOT_WORD, lambda _: " ")
    if BOUNDARY in traced.text and REPEATED_BOUNDARY.search(traced.text):
        traced = traced.padded().sub(BOUNDARIES, lambda _: f"{BOUNDARY} ")
    squeezed = _Traced.joined(traced.stripped(f" {BOUNDARY}").words()).sub(
        REPEATS, lambda match: match.group(1))
    spelled = squeezed.sub(SPACED_LETTERS, _letters_joiner(words)).words()
    spans = [(start, end) for token, start, end in spelled
             for _ in TEXT_SPEAK.get(token, (token,))]
    read = [word for token, _, _ in spelled for word in TEXT_SPEAK.get(token, (token,))]
    return spans if read == tokens else []
