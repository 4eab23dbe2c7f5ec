"""Pseudonym and plain-text checks, over generated input as well as examples."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from community.validators import reject_control_characters, reject_phone_like

separators = st.sampled_from(["", " ", "-", ".", "(", ")"])


@given(digits=st.lists(st.integers(0, 9), min_size=7, max_size=15), gaps=st.data(),
       prefix=st.text("abcxyz_", max_size=5))
def test_any_run_of_seven_digits_is_refused_as_a_phone_number(digits, gaps, prefix):
    number = "".join(f"{d}{gaps.draw(separators)}" for d in digits)

    with pytest.raises(ValidationError, match="phone number"):
        reject_phone_like(prefix + number)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cf", "Cs"])))
def test_ordinary_text_in_any_script_is_accepted(text):
    reject_control_characters(text)


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\u202e", "\u2066"])
def test_control_and_direction_override_characters_are_refused(char):
    with pytest.raises(ValidationError, match="hidden control characters"):
        reject_control_characters(f"a{char}b")


@pytest.mark.parametrize("address", [
    "/members/al%00ex/",
    "/members/alex%01/block/",
    "/moderation/members/al%00ex/",
    "/moderation/report/profile/al%00ex/",
])
def test_an_address_with_a_nul_byte_gets_a_plain_answer_not_a_server_error(
        client, moderator, address):
    client.force_login(moderator)

    response = client.get(address)

    assert response.status_code == 400
    assert "hidden character" in response.content.decode()
    assert "Get help now" in response.content.decode()


@pytest.mark.parametrize("address", [
    "/forums/search/?q=pills%00", "/forums/?page=%00", "/moderation/log/?member=al%00ex",
    "/moderation/?page=%00&status=%00", "/help/?a%00=1",
])
def test_a_nul_byte_in_a_query_string_is_read_past(client, moderator, address):
    client.force_login(moderator)

    assert client.get(address).status_code == 200
