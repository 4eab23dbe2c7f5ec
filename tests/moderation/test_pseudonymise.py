"""Texts that leave the site lose what could identify someone, and keep everything else."""

import pytest

from moderation.pseudonymise import member_pseudonyms, pseudonymise
from tests.factories import UserFactory

MEMBERS = frozenset({"sam", "alex", "jo.bloggs", "member"})


@pytest.mark.parametrize("text, expected", [
    ("Email me at jo.bloggs+help@example.co.uk tonight",
     "Email me at [email] tonight"),
    ("Ring 07700 900 123, or 07700900123.", "Ring [phone], or [phone]."),
    ("Call +44 7700 900123 or +44 (0)20 7946 0958", "Call [phone] or [phone]"),
    ("Landline (020) 7946 0958 or 0161-496-0000", "Landline [phone] or [phone]"),
    ("See https://example.org/my-page?x=1. Or www.example.com too",
     "See [link]. Or [link] too"),
    ("my blog is mysite.co.uk/about", "my blog is [link]"),
    ("@robin said it first", "[member] said it first"),
    ("Sam and ALEX and jo.bloggs helped", "[member] and [member] and [member] helped"),
    ("alex's mum and sam-and-jo", "[member]'s mum and [member]-and-jo"),
])
def test_contact_details_links_and_members_are_replaced(text, expected):
    assert pseudonymise(text, MEMBERS) == expected


@pytest.mark.parametrize("text", [
    "took 30 pills at 2am on 01 02 2024",
    "Samaritans are on 116 123, Childline on 0800 1111",
    "I feel like a burden to everyone. Same again tomorrow.",
    "samantha and alexander are not members",
    "",
])
def test_everything_else_is_kept_word_for_word(text):
    assert pseudonymise(text, MEMBERS) == text


def test_placeholders_are_never_taken_for_a_pseudonym():
    # "member" is someone's pseudonym too.
    assert pseudonymise("@robin, write to me@example.org", MEMBERS) == "[member], write to [email]"


@pytest.mark.django_db
def test_member_pseudonyms_are_every_members_lower_cased():
    UserFactory(username="Robin_T")
    UserFactory(username="kit")

    assert member_pseudonyms() == {"robin_t", "kit"}
