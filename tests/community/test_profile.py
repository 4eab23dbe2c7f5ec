"""A member's profile page and editing their own profile."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from community.models import Member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

AWKWARD_BIOS = [
    # (text typed, saved?, what the page or the form shows)
    ("", True, None),
    ("   \n  ", True, None),
    ("x" * 100_000, False, "at most 1000 characters"),
    ("hello\x00world", False, "Null characters are not allowed"),
    ("bell\x07", False, "hidden control characters"),
    ("<script>alert(1)</script><b>bold</b>", True, "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("abc\u202edcba", False, "hidden control characters"),
    ("שלום and مرحبا", True, "שלום and مرحبا"),
    ("Feeling 🙂 today 🌧️", True, "Feeling 🙂 today 🌧️"),
    ("'; DROP TABLE community_member; --", True, "&#x27;; DROP TABLE community_member; --"),
]


def test_every_account_has_a_member_profile(member):
    assert Member.objects.get(user=member).display_name == "alex"


def test_profile_is_for_signed_in_members_only(client, member):
    response = client.get(reverse("member_detail", args=["alex"]))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_profile_shows_pronouns_bio_and_peer_supporter_badge(client, member, peer_supporter):
    peer_supporter.member.pronouns = "she/her"
    peer_supporter.member.bio = "Trained in listening."
    peer_supporter.member.save()
    client.force_login(member)

    page = client.get(reverse("member_detail", args=["jo"])).content.decode()

    assert "she/her" in page
    assert "Trained in listening." in page
    assert "Peer supporter" in page
    assert "Edit your profile" not in page


def test_member_edits_own_profile(client, member):
    client.force_login(member)

    response = client.post(
        reverse("member_edit"),
        {"pronouns": "they/them", "bio": "Hello there", "nation": "scotland"},
        follow=True,
    )

    member.member.refresh_from_db()
    assert (member.member.pronouns, member.member.bio, member.member.nation) == (
        "they/them",
        "Hello there",
        "scotland",
    )
    assert "Your profile is saved." in response.content.decode()


def test_edit_page_only_ever_edits_your_own_profile(client, member):
    other = UserFactory(username="sam")
    client.force_login(member)

    client.post(reverse("member_edit"), {"pronouns": "x", "bio": "changed", "nation": ""})

    other.member.refresh_from_db()
    assert other.member.bio == ""


@pytest.mark.parametrize(("bio", "is_saved", "shown"), AWKWARD_BIOS)
def test_awkward_bio_is_saved_safely_or_refused_with_text_kept(client, member, bio, is_saved,
                                                               shown):
    client.force_login(member)

    response = client.post(
        reverse("member_edit"), {"pronouns": "", "bio": bio, "nation": ""}, follow=True
    )

    member.member.refresh_from_db()
    page = response.content.decode()
    if is_saved:
        assert member.member.bio == bio.strip()
        assert "<script>alert(1)" not in page
    else:
        assert member.member.bio == ""
        assert escape(bio[:20]) in page, "the refused text stays in the form"
    if shown:
        assert shown in page


def test_pronouns_must_fit_on_one_line(client, member):
    client.force_login(member)

    response = client.post(
        reverse("member_edit"), {"pronouns": "she\nher", "bio": "", "nation": ""}
    )

    assert "Pronouns fit on one line." in response.content.decode()


def edit(client, bio: str, pronouns: str = ""):
    return client.post(reverse("member_edit"), {"pronouns": pronouns, "bio": bio, "nation": ""},
                       follow=True)


def test_a_phone_number_in_a_profile_waits_for_a_moderator(client, member):
    client.force_login(member)

    page = edit(client, "Text me on 07700 900 123 if you want to talk")

    member.member.refresh_from_db()
    assert member.member.visibility == "held"
    assert "Phone numbers and email addresses wait for a moderator" in page.text
    other = UserFactory()
    client.force_login(other)
    assert "07700" not in client.get(reverse("member_detail", args=["alex"])).text


def test_words_not_allowed_are_refused_and_kept_in_the_form(client, member):
    client.force_login(member)

    page = edit(client, "honestly just kys", pronouns="he/him")

    member.member.refresh_from_db()
    assert member.member.bio == "" and "not allowed here" in page.text
    assert "honestly just kys" in page.text and "he/him" in page.text


def test_new_words_for_a_hidden_profile_wait_for_a_moderator(client, member, moderator):
    from community.services import profile_set_visibility

    profile_set_visibility(member=member.member, visibility="hidden", by=moderator,
                           reason="Unkind words")
    client.force_login(member)

    edit(client, "I have rewritten this kindly")

    member.member.refresh_from_db()
    assert member.member.visibility == "held"
    assert member.member.bio == "I have rewritten this kindly"
