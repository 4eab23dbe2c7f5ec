"""Turn member text into the plain word tokens that screening rules match against.

The same steps run over rules and text, so a rule written "kill myself"
matches "K1LL   myself!!", "kiiill myself" and "k i l l myself". Each step
works on the whole string with one regular expression: screening has to be
fast enough for every chat message.
"""

import re
import unicodedata

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
