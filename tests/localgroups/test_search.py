"""Members find groups by place and topic on a page that needs no JavaScript."""

import re

import pytest
from django.urls import reverse

from tests.factories import PeerGroupFactory

URL = reverse("localgroups:list")


def names(response) -> list[str]:
    return [group.name for group in response.context["page_obj"]]


@pytest.mark.django_db
def test_district_search_lists_that_district_first_then_the_rest_of_its_area(client):
    PeerGroupFactory(name="Far Leeds", postcode_district="LS29")
    PeerGroupFactory(name="Central Leeds", postcode_district="LS1")
    PeerGroupFactory(name="Headingley", postcode_district="LS6")
    PeerGroupFactory(name="Edinburgh", nation="scotland", region="scotland",
                     town="Edinburgh", postcode_district="EH1")
    response = client.get(URL, {"postcode": "ls6 3qs"})
    assert names(response) == ["Headingley", "Central Leeds", "Far Leeds"]
    assert "3 groups found near LS6" in response.content.decode()


@pytest.mark.django_db
def test_a_postcode_that_cannot_be_read_is_explained_and_kept(client):
    response = client.get(URL, {"postcode": "Leeds!"})
    page = response.content.decode()
    assert "We could not read that postcode" in page
    assert 'value="Leeds!"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), [
    ({"nation": "wales"}, ["Cardiff"]),
    ({"region": "yorkshire-and-the-humber"}, ["Leeds carers"]),
    ({"town": " leeds "}, ["Leeds carers"]),
    ({"topic": "carers"}, ["Leeds carers"]),
    ({"topic": "dementia"}, []),
    ({"format": "online"}, ["Cardiff", "Online"]),
    ({"format": "in-person"}, ["Cardiff", "Leeds carers"]),
])
def test_each_filter_narrows_the_list(client, query, expected):
    PeerGroupFactory(name="Leeds carers", topics=["carers"])
    PeerGroupFactory(name="Cardiff", format="both", nation="wales", region="wales",
                     town="Cardiff", postcode_district="CF10")
    PeerGroupFactory(name="Online", format="online", nation="", region="", town="",
                     postcode_district="")
    assert names(client.get(URL, query)) == expected


@pytest.mark.django_db
def test_unpublished_groups_are_not_listed_or_shown(client):
    hidden = PeerGroupFactory(name="Hidden", is_published=False)
    assert names(client.get(URL)) == []
    assert client.get(reverse("localgroups:detail", args=[hidden.pk])).status_code == 404


@pytest.mark.django_db
def test_a_region_that_does_not_match_the_nation_is_explained(client):
    response = client.get(URL, {"nation": "scotland", "region": "london"})
    assert "London is not in Scotland" in response.content.decode()


@pytest.mark.django_db
def test_the_map_counts_groups_per_region_and_links_to_their_list(client):
    PeerGroupFactory.create_batch(2, topics=["carers"])
    PeerGroupFactory(nation="wales", region="wales", town="Cardiff", postcode_district="CF10")
    page = client.get(URL, {"topic": "carers"}).content.decode()
    svg = page[page.index("<svg"):page.index("</svg>")]
    tile = re.search(r'<a href="\?topic=carers&amp;region=yorkshire-and-the-humber"'
                     r'.*?</a>', svg, re.S).group(0)
    assert "Yorkshire and the Humber" in tile and "2 groups" in tile
    wales = re.search(r'<a href="\?topic=carers&amp;region=wales".*?</a>', svg, re.S).group(0)
    assert "0 groups" in wales
    assert 'aria-labelledby="map-title"' in svg and "Not drawn to scale" in svg


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 25])
def test_search_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries,
                                                    count):
    PeerGroupFactory.create_batch(count, topics=["carers", "general"])
    # Five of its own (count, rows, topics, map, online groups) and the site-wide ones.
    with django_assert_max_num_queries(11):
        response = client.get(URL, {"postcode": "LS6", "topic": "carers"})
    assert len(response.context["page_obj"]) == min(count, 20)


@pytest.mark.django_db
def test_pages_keep_the_search(client):
    PeerGroupFactory.create_batch(21, topics=["carers"])
    page = client.get(URL, {"topic": "carers"}).content.decode()
    assert "?topic=carers&amp;page=2" in page
    assert len(client.get(URL, {"topic": "carers", "page": 2}).context["page_obj"]) == 1


@pytest.mark.django_db
def test_group_page_shows_how_to_join_and_marks_examples(client):
    group = PeerGroupFactory(name="Example entry: Demo", is_example=True,
                             how_to_join="Email the organiser.")
    page = client.get(reverse("localgroups:detail", args=[group.pk])).content.decode()
    assert "Email the organiser." in page
    assert "Example entry: this is demo data" in page


@pytest.mark.django_db
def test_help_page_and_footer_link_to_the_directory(client):
    page = client.get(reverse("help")).content.decode()
    assert page.count(f'href="{URL}"') == 2


@pytest.mark.django_db
def test_a_search_by_place_points_to_online_groups_open_to_anyone(client):
    PeerGroupFactory(name="Online", format="online", nation="", region="", town="",
                     postcode_district="", topics=["carers"])
    page = client.get(URL, {"postcode": "EH1", "topic": "carers"}).content.decode()
    assert "0 groups found near EH1" in page
    assert '<a href="?format=online&amp;topic=carers">1 online group open to anyone' in page


@pytest.mark.django_db
@pytest.mark.parametrize("typed", [
    "", "   ", "x" * 100_000, "Leeds\x00\x1b", "<script>alert(1)</script>",
    "\u202eLeeds", "Leeds 🙂", "' OR 1=1 --",
])
def test_awkward_input_is_answered_kindly_and_kept_safe(client, typed):
    PeerGroupFactory(name="Leeds group")
    response = client.get(URL, {"town": typed, "postcode": typed})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in page
    if len(typed) > 80:
        assert "Please enter a shorter town name" in page
