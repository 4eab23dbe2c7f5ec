"""Postcode districts are read the way people type them, and refused kindly otherwise."""

import pytest
from django.core.exceptions import ValidationError

from localgroups.models import PeerGroup
from localgroups.places import postcode_area, postcode_district
from tests.factories import OrganisationFactory


@pytest.mark.parametrize(("typed", "district"), [
    ("LS6", "LS6"), ("ls6", "LS6"), (" eh1 ", "EH1"), ("BT9", "BT9"), ("cf10", "CF10"),
    ("L S 6", "LS6"), ("W1A", "W1A"), ("EC1A", "EC1A"), ("M1", "M1"),
    ("LS6 3QS", "LS6"), ("ls63qs", "LS6"), ("CF10 1AA", "CF10"), ("SW1A 1AA", "SW1A"),
])
def test_postcode_district_normalises_case_spaces_and_whole_postcodes(typed, district):
    assert postcode_district(typed) == district


@pytest.mark.parametrize("typed", [
    "", "   ", "6LS", "LEEDS", "LS", "LS666", "L$6", "<script>", "ＬＳ６", "1234", "ABC1",
    "LS6 3Q", "x" * 1000,
])
def test_postcode_district_refuses_what_is_not_one(typed):
    with pytest.raises(ValidationError) as raised:
        postcode_district(typed)
    assert "first part of a UK postcode" in raised.value.messages[0]


def test_postcode_area_is_the_leading_letters():
    assert [postcode_area(d) for d in ["LS6", "EH1", "W1A", "CF10", ""]] == [
        "LS", "EH", "W", "CF", ""]


def _group(**fields):
    values = dict(name="Group", summary="s", meets="Mondays", how_to_join="Ask",
                  format="in-person", nation="england", region="london", town="London")
    values.update(fields)
    return PeerGroup(**values)


@pytest.mark.django_db
def test_group_clean_normalises_the_district_and_fills_the_nation_from_the_region():
    group = _group(organisation=OrganisationFactory(), postcode_district=" ls 6 ",
                   nation="", region="yorkshire-and-the-humber", town="Leeds")
    group.full_clean()
    assert (group.postcode_district, group.nation) == ("LS6", "england")


@pytest.mark.django_db
@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"postcode_district": "LEEDS"}, "postcode_district", "first part of a UK postcode"),
    ({"nation": "scotland", "region": "london"}, "region", "London is not in Scotland"),
    ({"town": "", "postcode_district": ""}, "town", "needs a town or a postcode district"),
    ({"nation": "", "region": ""}, "nation", "needs its nation"),
])
def test_group_clean_explains_what_is_wrong(fields, field, words):
    group = _group(organisation=OrganisationFactory(), **fields)
    with pytest.raises(ValidationError) as raised:
        group.full_clean()
    assert words in " ".join(raised.value.message_dict[field])


@pytest.mark.django_db
def test_an_online_group_needs_no_place():
    group = _group(organisation=OrganisationFactory(), format="online", nation="",
                   region="", town="")
    group.full_clean()
