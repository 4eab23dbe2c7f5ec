"""Pseudonyms that cannot pass for another member's, or for the staff's.

Two names that look alike on screen ("alex" and "аlex" with a Cyrillic а, "Sam" and
"sam", "river_1" and "river-l") share one skeleton, and a skeleton belongs to one
account. Look-alike letters come from Unicode's confusables table.
"""

import re
import unicodedata

from confusable_homoglyphs import confusables
from django.core.exceptions import ValidationError

# Letters and digits that pass for each other in most fonts.
LOOK_ALIKE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l"})
SEPARATORS = "._-+@"
# A member's name must not claim a role they do not hold: no word of it may be one of
# these, nor begin with one of the long, unmistakable ones ("AdminHelen", "moderat0r"),
# while "badminton_fan" and "Staffordshire_lass" are fine.
ROLE_WORDS = ("mod", "mods", "staff", "official", "safeguarding", "admin", "moderator")
ROLE_PREFIXES = ("admin", "moderator")
# Deleted accounts become "former-member-NNNNNN" (community.leaving); nobody may pass for one.
FORMER_MEMBER = "formermember"


def normalised(name: str) -> str:
    """The form a pseudonym is stored in: compatibility characters folded (NFKC)."""
    return unicodedata.normalize("NFKC", name).strip()


def skeleton(name: str) -> str:
    """What a name looks like, whatever script, case or separators it is written in."""
    return _look(_in_latin(name)).translate(str.maketrans("", "", SEPARATORS))


def claims_role(name: str) -> bool:
    return any(word in _ROLE_WORDS or word.startswith(_ROLE_PREFIXES) for word in _words(name))


def check_pseudonym(name: str, *, taken) -> None:
    """Refuse a name that claims a role or looks like one in `taken` (a skeleton lookup)."""
    if claims_role(name):
        raise ValidationError(
            "Names that sound like a role on this site (such as admin or moderator) are "
            "kept for the team. Please choose another made-up name.", code="role_word")
    if skeleton(name).startswith(FORMER_MEMBER):
        raise ValidationError(
            "Names starting “former member” are kept for accounts that have been deleted. "
            "Please choose another made-up name.", code="former_member")
    if taken(skeleton(name)):
        raise ValidationError(
            "That name looks too much like another member's name, so people could mix you "
            "up. Please choose another.", code="look_alike")


def _in_latin(name: str) -> str:
    """Each letter that passes for a Latin one (Cyrillic а, Greek ο...) written as it."""
    letters = []
    for char in normalised(name):
        found = confusables.is_confusable(char, preferred_aliases=["latin", "common"])
        look_alikes = [glyph["c"] for glyph in found[0]["homoglyphs"]] if found else []
        letters.append(next((c for c in look_alikes if c.isascii()), char))
    return "".join(letters)


def _look(text: str) -> str:
    return text.casefold().translate(LOOK_ALIKE)


def _words(name: str) -> list[str]:
    """The words of a name, split at separators and where a capital starts one."""
    parts = re.split(f"[{re.escape(SEPARATORS)}]+", _in_latin(name))
    return [_look(word) for part in parts
            for word in re.split(r"(?<=[a-z0-9])(?=[A-Z])", part) if word]


_ROLE_WORDS = {_look(word) for word in ROLE_WORDS}
_ROLE_PREFIXES = tuple(_look(word) for word in ROLE_PREFIXES)
