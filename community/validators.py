"""Checks on what members type about themselves, shared by forms and the user model."""

import re
import unicodedata

from django.core.exceptions import ValidationError

# A run of seven or more digits, allowing the spaces, dots, dashes and
# brackets people put inside phone numbers.
PHONE_LIKE = re.compile(r"(?:\d[\s().\-]*){7,}")
ALLOWED_CONTROLS = {"\n", "\r", "\t"}
DIRECTION_OVERRIDES = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
CONTROL_MESSAGE = "This has hidden control characters in it. Please type it again."


EMAIL_LIKE = re.compile(r"@|\w\.(com|org|net|uk|co)\b", re.IGNORECASE)


def looks_like_contact_details(value: str) -> bool:
    """A phone number or an email address, as people type them."""
    return bool(PHONE_LIKE.search(value) or EMAIL_LIKE.search(value))


def reject_email_like(value: str) -> None:
    if EMAIL_LIKE.search(value):
        raise ValidationError(
            "This looks like an email address. Please choose a made-up name so you stay "
            "anonymous here.",
            code="email_like",
        )


def reject_phone_like(value: str) -> None:
    if PHONE_LIKE.search(value):
        raise ValidationError(
            "This looks like a phone number. Please choose a made-up name so you stay "
            "anonymous here.",
            code="phone_like",
        )


PSEUDONYM_CHARACTERS = re.compile(r"[\w-]+\Z")
PSEUDONYM_RULE = "letters, numbers, - and _"


def validate_pseudonym(value: str) -> None:
    """A pseudonym is one word of letters, numbers, - and _ that cannot reach the member.

    Contact details are checked first, so "07700 900 123" is refused as a phone number
    rather than for its spaces, and each refusal says what to do in plain words.
    """
    reject_email_like(value)
    reject_phone_like(value)
    if PSEUDONYM_CHARACTERS.match(value):
        return
    words = value.split()
    joined = ["_".join(words), "".join(words)]
    if len(words) > 1 and all(PSEUDONYM_CHARACTERS.match(name) for name in joined):
        raise ValidationError(
            f"A pseudonym can't have spaces. You could use {joined[0]} or {joined[1]} instead.",
            code="spaces")
    raise ValidationError(
        f"A pseudonym can only have {PSEUDONYM_RULE}, with no spaces. Please leave out "
        "any other characters.", code="characters")


def has_control_characters(value: str) -> bool:
    """Invisible control and text-direction characters that can disguise text, and halves
    of characters (lone surrogates) that no database can store."""
    return any(
        (unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS)
        or unicodedata.category(char) == "Cs"
        or char in DIRECTION_OVERRIDES
        for char in value
    )


def reject_control_characters(value: str) -> None:
    if has_control_characters(value):
        raise ValidationError(CONTROL_MESSAGE, code="control_characters")
