"""Reads for the directory pages, each a fixed number of queries whatever the page size."""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils import timezone

from localgroups.models import STALE_AFTER, PeerGroup
from localgroups.places import postcode_area


@dataclass(frozen=True)
class Search:
    postcode: str = ""
    town: str = ""
    region: str = ""
    nation: str = ""
    topic: str = ""
    format: str = ""

    @property
    def has_place(self) -> bool:
        return bool(self.postcode or self.town or self.region or self.nation)


def published() -> QuerySet[PeerGroup]:
    return PeerGroup.objects.filter(is_published=True)


def _what_and_how(groups: QuerySet[PeerGroup], search: Search) -> QuerySet[PeerGroup]:
    if search.topic:
        groups = groups.filter(topics__topic=search.topic)
    if search.format:
        groups = groups.filter(format__in=[search.format, PeerGroup.Format.BOTH])
    return groups


def group_search(search: Search) -> QuerySet[PeerGroup]:
    """Published groups matching the search, nearest first for a postcode district: that
    district, then the rest of its postcode area (LS6, then LS1 to LS29)."""
    groups = _what_and_how(published(), search)
    if search.nation:
        groups = groups.filter(nation=search.nation)
    if search.region:
        groups = groups.filter(region=search.region)
    if search.town:
        groups = groups.filter(town__icontains=search.town)
    order = ["name", "pk"]
    if search.postcode:
        groups = groups.filter(postcode_area=postcode_area(search.postcode)).annotate(
            distance=Case(When(postcode_district=search.postcode, then=Value(0)),
                          default=Value(1), output_field=IntegerField()))
        order = ["distance", "postcode_district", *order]
    return groups.select_related("organisation").prefetch_related("topics").order_by(*order)


def region_counts(search: Search) -> dict[str, int]:
    """How many groups about this topic, meeting this way, each region has: one query.

    The place filters are left out so the map shows where else there are groups."""
    rows = (_what_and_how(published(), search).exclude(region="").values("region")
            .annotate(groups=Count("pk", distinct=True)).order_by())
    return {row["region"]: row["groups"] for row in rows}


def stale_count() -> int:
    """Entries nobody has checked for a year, for the administrators' pages."""
    return PeerGroup.objects.filter(last_checked__lt=timezone.localdate() - STALE_AFTER).count()


def group_page(pk: int) -> PeerGroup | None:
    return (published().select_related("organisation").prefetch_related("topics")
            .filter(pk=pk).first())



def open_to_all_count(search: Search) -> int:
    """Online groups with no place of their own, which a search by place leaves out."""
    return _what_and_how(published(), search).filter(
        format__in=[PeerGroup.Format.ONLINE, PeerGroup.Format.BOTH], nation="").count()
