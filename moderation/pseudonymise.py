"""Members' words with what could identify someone taken out, for texts that leave the site
(the evaluation examples administrators download)."""

import re

from community.models import User

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINK = re.compile(
    r"\b(?:https?://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|io|me|info|co|ly|gl)\b(?:/\S*)?",
    re.IGNORECASE,
)
# Starts like a UK or international number; its digits are counted before it is replaced.
PHONE = re.compile(r"(?:\+|(?<![\w+])\(?0)[\d\s().-]{7,}\d")
PHONE_DIGITS = range(10, 14)
MENTION = re.compile(r"(?<![\w@])@[\w.+-]*\w")
# How pseudonyms look in running text: letters, digits and _, with . + - inside; a word
# in square brackets is one of the placeholders above.
NAME_LIKE = re.compile(r"(?<![\w\[])\w+(?:[.+-]\w+)*(?![\w\]])")
WORD = re.compile(r"\w+")
TRAILING_PUNCTUATION = ".,;:!?)]}'\""


def pseudonymise(text: str, pseudonyms: frozenset[str]) -> str:
    """`text` with e-mail addresses, links, phone numbers, @mentions and members' pseudonyms
    replaced by [email], [link], [phone] and [member].

    `pseudonyms` are lower-cased (see member_pseudonyms()); they match as whole words,
    whatever the case.
    """
    text = EMAIL.sub("[email]", text)
    text = LINK.sub(_link, text)
    text = PHONE.sub(_phone, text)
    text = MENTION.sub("[member]", text)

    def replaced(match: re.Match) -> str:
        return "[member]" if match.group().casefold() in pseudonyms else match.group()

    def member(match: re.Match) -> str:
        # "sam.jones" may be a pseudonym, or "sam" may be one inside "sam-and-jo".
        name = replaced(match)
        return name if name == "[member]" else WORD.sub(replaced, name)

    return NAME_LIKE.sub(member, text)


def member_pseudonyms() -> frozenset[str]:
    """Every member's pseudonym, lower-cased, for pseudonymise(): one query."""
    return frozenset(name.casefold()
                     for name in User.objects.values_list("username", flat=True))


def _link(match: re.Match) -> str:
    # A link at the end of a sentence keeps the sentence's full stop.
    link = match.group()
    kept = link.rstrip(TRAILING_PUNCTUATION)
    return "[link]" + link[len(kept):]


def _phone(match: re.Match) -> str:
    digits = sum(character.isdigit() for character in match.group())
    return "[phone]" if digits in PHONE_DIGITS else match.group()
