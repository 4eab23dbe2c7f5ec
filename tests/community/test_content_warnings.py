"""Content warnings as readers meet them: the {% warned %} block and the settings page."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import strip_tags

from community import request_cache
from community.models import ContentWarning, WarningPreference
from community.services import warning_preferences_set
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BLOCK = "{% load content_warnings %}{% warned slugs note %}<p>The story.</p>{% endwarned %}"
MANY = (
    "{% load content_warnings %}{% for item in items %}"
    "{% warned item.slugs item.note %}<p>Item {{ forloop.counter }}</p>{% endwarned %}"
    "{% endfor %}"
)


def render(user, source=BLOCK, **context) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return Template(source).render(RequestContext(request, context))


def warned(user, slugs, note="") -> str:
    return render(user, slugs=slugs, note=note)


def summary(html: str) -> str:
    """The summary as a screen reader announces it: its text, spaces collapsed."""
    text = strip_tags(re.search(r"<summary>(.*?)</summary>", html, re.S).group(1))
    return " ".join(text.split())


@pytest.mark.parametrize(("choice", "is_open"), [("show", True), ("collapse", False)])
def test_warning_is_open_only_when_the_reader_chose_show(member, choice, is_open):
    warning_preferences_set(user=member, choices={"self-harm": choice})

    html = warned(member, ["self-harm"])

    assert ('<details class="content-warning" open>' in html) is is_open
    assert summary(html) == "Content warning: self-harm. Show"
    assert "<p>The story.</p>" in html


def test_warning_is_collapsed_when_the_reader_never_chose(member):
    html = warned(member, ["suicide"])

    assert '<details class="content-warning">' in html
    assert summary(html) == "Content warning: suicide. Show"


def test_hide_leaves_a_one_line_notice_that_still_opens(member):
    warning_preferences_set(user=member, choices={"self-harm": "hide"})

    html = warned(member, ["self-harm"], note="About a relapse")

    assert '<details class="content-warning content-warning--hidden">' in html
    assert " open" not in html
    assert summary(html) == "Hidden because of your settings: self-harm. Show anyway"
    assert "<p>The story.</p>" in html


@pytest.mark.parametrize(
    ("suicide", "self_harm", "is_hidden", "is_open"),
    [
        ("show", "show", False, True),
        ("show", "collapse", False, False),
        ("show", "hide", True, False),
        ("hide", "collapse", True, False),
    ],
)
def test_the_strictest_choice_wins_when_several_warnings_apply(
    member, suicide, self_harm, is_hidden, is_open
):
    warning_preferences_set(user=member, choices={"suicide": suicide, "self-harm": self_harm})

    html = warned(member, ["self-harm", "suicide"])

    assert ("content-warning--hidden" in html) is is_hidden
    assert ('<details class="content-warning" open>' in html) is is_open
    assert "self-harm, suicide" in summary(html)


def test_author_note_is_shown_as_text_never_as_html(member):
    html = warned(member, ["abuse"], note="<script>alert(1)</script> mentions a court case")

    assert "<script>" not in html
    assert summary(html) == (
        "Content warning: abuse. Note: &lt;script&gt;alert(1)&lt;/script&gt; mentions a court "
        "case Show"
    )


def test_note_stays_escaped_even_where_autoescape_is_off(member):
    source = "{% autoescape off %}" + BLOCK + "{% endautoescape %}"

    html = render(member, source, slugs=["abuse"], note="<b>bold</b>")

    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_unknown_and_switched_off_categories_are_ignored(member):
    ContentWarning.objects.filter(slug="violence").update(is_active=False)

    html = warned(member, ["no-such-warning", "violence", "bereavement", "bereavement"])

    assert summary(html) == "Content warning: bereavement. Show"


@pytest.mark.parametrize("slugs", [[], None, ["no-such-warning"]])
def test_content_without_warnings_is_shown_plainly(member, slugs):
    html = warned(member, slugs, note="ignored without a warning")

    assert html == "<p>The story.</p>"


def test_visitors_who_are_not_signed_in_see_warnings_collapsed():
    html = warned(AnonymousUser(), ["suicide"])

    assert '<details class="content-warning">' in html
    assert summary(html) == "Content warning: suicide. Show"


def test_without_a_request_everything_is_collapsed(member):
    html = Template(MANY).render(Context({"items": [{"slugs": ["suicide"]}] * 3}))

    assert html.count('<details class="content-warning">') == 3


@pytest.mark.parametrize("size", [5, 50])
def test_a_page_of_warned_items_runs_the_same_queries_whatever_its_size(
    member, django_assert_max_num_queries, size
):
    warning_preferences_set(user=member, choices={"suicide": "show", "self-harm": "hide"})
    items = [
        {"slugs": [["suicide"], ["self-harm", "abuse"], []][n % 3], "note": f"note {n}"}
        for n in range(size)
    ]

    # Categories, the reader's choices, and the reader's roles for the page's navigation.
    with django_assert_max_num_queries(3), request_cache.opened():
        html = render(member, MANY, items=items)

    assert html.count("<details") == size - size // 3


def test_settings_page_is_for_signed_in_members_only(client):
    response = client.get(reverse("warning_preferences"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_settings_page_offers_each_category_in_a_fieldset(client, member):
    ContentWarning.objects.filter(slug="violence").update(is_active=False)
    client.force_login(member)

    page = client.get(reverse("warning_preferences")).content.decode()

    assert page.count("<fieldset") == ContentWarning.objects.filter(is_active=True).count()
    assert "Hurting yourself, on purpose, in any way." in page
    assert "Violence" not in page
    assert re.search(r'value="collapse"[^>]*checked', page)


def test_member_saves_settings_and_sees_them(client, member):
    client.force_login(member)
    choices = {f"warning-{slug}": "collapse" for slug in active_slugs()}

    response = client.post(
        reverse("warning_preferences"),
        {**choices, "warning-self-harm": "hide", "warning-suicide": "show"},
        follow=True,
    )

    page = response.content.decode()
    assert "Your content warning settings are saved." in page
    assert re.search(r'name="warning-self-harm" value="hide"[^>]*checked', page)
    assert choices_of(member) == {
        **{slug: "collapse" for slug in active_slugs()},
        "self-harm": "hide",
        "suicide": "show",
    }


@pytest.mark.parametrize(
    ("tampered", "message"),
    [
        ({"warning-self-harm": "banish"}, "Choose show, collapse or hide for self-harm."),
        ({"warning-no-such-warning": "show"}, "The list of content warnings has changed"),
    ],
)
def test_settings_page_refuses_tampered_input_and_keeps_the_choices(
    client, member, tampered, message
):
    client.force_login(member)
    choices = {f"warning-{slug}": "collapse" for slug in active_slugs()}

    response = client.post(
        reverse("warning_preferences"), {**choices, "warning-suicide": "hide", **tampered}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your settings are not saved yet." in page
    assert message in page
    assert re.search(r'name="warning-suicide" value="hide"[^>]*checked', page)
    assert choices_of(member) == {}


def test_own_profile_links_to_the_settings(client, member):
    client.force_login(member)

    page = client.get(reverse("member_detail", args=["alex"])).content.decode()

    assert reverse("warning_preferences") in page


@pytest.mark.parametrize(
    "choices", [{"self-harm": "banish"}, {"self-harm": "hide", "no-such-warning": "show"}]
)
def test_preferences_service_refuses_bad_input_and_writes_nothing(member, choices):
    with pytest.raises(ValidationError):
        warning_preferences_set(user=member, choices=choices)

    assert choices_of(member) == {}


def test_preferences_service_changes_an_earlier_choice(member):
    warning_preferences_set(user=member, choices={"self-harm": "hide"})
    warning_preferences_set(user=member, choices={"self-harm": "show"})

    assert choices_of(member) == {"self-harm": "show"}


def test_administrator_adds_and_reorders_categories(client):
    # A superuser, as seed_demo makes: the Administrators group holds no
    # content-warning permissions yet.
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    client.post(
        "/admin/community/contentwarning/add/",
        {"name": "gambling", "slug": "gambling", "description": "", "order": 5, "is_active": "on"},
    )
    changelist = client.get("/admin/community/contentwarning/").content.decode()

    gambling = ContentWarning.objects.first()
    change_page = client.get(f"/admin/community/contentwarning/{gambling.pk}/change/")

    assert gambling.slug == "gambling"
    assert 'name="form-0-order"' in changelist
    assert 'name="slug"' not in change_page.content.decode()


def active_slugs() -> list[str]:
    return list(ContentWarning.objects.filter(is_active=True).values_list("slug", flat=True))


def choices_of(user) -> dict[str, str]:
    return dict(WarningPreference.objects.filter(user=user).values_list("warning__slug", "choice"))
