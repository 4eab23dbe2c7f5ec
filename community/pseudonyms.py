"""Pseudonyms that cannot pass for another member's, or for the staff's.

Two names that look alike on screen ("alex" and "аlex" with a Cyrillic а, "Sam" and
"sam", "river_1" and "river-l") share one skeleton, and a skeleton belongs to one
account. Look-alike letters come from Unicode's confusables table.
"""

import unicodedata

from confusable_homoglyphs import confusables
from django.core.exceptions import ValidationError

# Letters and digits that pass for each other in most fonts.
LOOK_ALIKE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l"})
SEPARATORS = str.maketrans("", "", "._-+@")
# A member's name must not claim a role they do not hold.
ROLE_WORDS = ("admin", "moderator", "mod_team", "staff", "official", "safeguarding")


def normalised(name: str) -> str:
    """The form a pseudonym is stored in: compatibility characters folded (NFKC)."""
    return unicodedata.normalize("NFKC", name).strip()


def skeleton(name: str) -> str:
    """What a name looks like, whatever script, case or separators it is written in."""
    letters = []
    for char in normalised(name).casefold():
        found = confusables.is_confusable(char, preferred_aliases=["latin", "common"])
        look_alikes = [glyph["c"] for glyph in found[0]["homoglyphs"]] if found else []
        letters.append(next((c for c in look_alikes if c.isascii()), char))
    return "".join(letters).casefold().translate(LOOK_ALIKE).translate(SEPARATORS)


def check_pseudonym(name: str, *, taken) -> None:
    """Refuse a name that claims a role or looks like one in `taken` (a skeleton lookup)."""
    shape = skeleton(name)
    if any(skeleton(word) in shape for word in ROLE_WORDS):
        raise ValidationError(
            "Names that sound like a role on this site (such as admin or moderator) are "
            "kept for the team. Please choose another made-up name.", code="role_word")
    if taken(shape):
        raise ValidationError(
            "That name looks too much like another member's name, so people could mix you "
            "up. Please choose another.", code="look_alike")
