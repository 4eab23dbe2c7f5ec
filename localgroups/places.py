"""UK places the directory knows: postcode districts, and the 12 regions and nations."""

import re

from django.core.exceptions import ValidationError
from django.db import models

# An outward code ("district"): one or two letters, a digit, then an optional digit or letter.
DISTRICT = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]?")
# A whole postcode is a district and then a digit and two letters ("LS6 3QS").
FULL_POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})")

DISTRICT_ERROR = ("Please enter the first part of a UK postcode, like LS6, EH1, BT9 or CF10.")


def postcode_district(value: str) -> str:
    """The postcode district in capitals without spaces ("ls 6" -> "LS6"); a whole
    postcode gives its first part, since the directory never needs more. Raises
    ValidationError with a sentence a member can act on."""
    squeezed = "".join(value.split()).upper()
    if DISTRICT.fullmatch(squeezed):
        return squeezed
    full = FULL_POSTCODE.fullmatch(squeezed)
    if full:
        return full.group(1)
    raise ValidationError(DISTRICT_ERROR, code="postcode_district")


def postcode_area(district: str) -> str:
    """The letters a district starts with: LS6 is in the LS (Leeds) area."""
    return re.match(r"[A-Z]*", district).group(0)


class GroupNation(models.TextChoices):
    ENGLAND = "england", "England"
    SCOTLAND = "scotland", "Scotland"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


class Region(models.TextChoices):
    """England's nine regions, then the other three nations as one region each."""

    NORTH_EAST = "north-east", "North East"
    NORTH_WEST = "north-west", "North West"
    YORKSHIRE = "yorkshire-and-the-humber", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east-midlands", "East Midlands"
    WEST_MIDLANDS = "west-midlands", "West Midlands"
    EAST_OF_ENGLAND = "east-of-england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"
    SCOTLAND = "scotland", "Scotland"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


def nation_of(region: str) -> str:
    """The nation a region lies in."""
    if region in (Region.SCOTLAND, Region.WALES, Region.NORTHERN_IRELAND):
        return region
    return GroupNation.ENGLAND


# Where each region sits on the schematic map: (column, row) of a grid of equal boxes,
# roughly as they lie on the ground. Not to scale, and the page says so.
MAP_TILES = {
    Region.SCOTLAND: (2, 0),
    Region.NORTHERN_IRELAND: (0, 1),
    Region.NORTH_EAST: (3, 1),
    Region.NORTH_WEST: (2, 2),
    Region.YORKSHIRE: (3, 2),
    Region.WALES: (1, 3),
    Region.WEST_MIDLANDS: (2, 3),
    Region.EAST_MIDLANDS: (3, 3),
    Region.EAST_OF_ENGLAND: (4, 3),
    Region.SOUTH_WEST: (2, 4),
    Region.LONDON: (3, 4),
    Region.SOUTH_EAST: (4, 4),
}
