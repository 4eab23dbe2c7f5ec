"""The members' pages of the local groups directory: search, and each group's page."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from localgroups import selectors
from localgroups.forms import GroupSearchForm
from localgroups.maps import map_size, map_tiles
from localgroups.places import Region

PAGE_SIZE = 20


def group_list(request):
    form = GroupSearchForm(request.GET or None)
    # An invalid field is shown with its error; the search uses the fields that were fine.
    search = selectors.Search()
    if form.is_bound:
        form.is_valid()
        search = selectors.Search(**form.cleaned_data)
    page = Paginator(selectors.group_search(search), PAGE_SIZE).get_page(request.GET.get("page"))
    width, height = map_size()
    return render(request, "localgroups/list.html", {
        "form": form,
        "search": search,
        "page_obj": page,
        "tiles": map_tiles(selectors.region_counts(search),
                           keep={"topic": search.topic, "format": search.format},
                           current=search.region),
        "map_width": width,
        "map_height": height,
        "region_name": Region(search.region).label if search.region else "",
        # Searching by place leaves out online groups open to all: say how many there are.
        "open_to_all": selectors.open_to_all_count(search) if search.has_place else 0,
        "open_to_all_url": "?" + urlencode({"format": "online", "topic": search.topic}
                                           if search.topic else {"format": "online"}),
    })


def group_detail(request, pk: int):
    group = selectors.group_page(pk)
    if group is None:
        raise Http404("There is no group here. It may have been taken off the list.")
    return render(request, "localgroups/detail.html", {"group": group})
