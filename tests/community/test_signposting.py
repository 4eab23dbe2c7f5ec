"""Crisis signposting: opening hours in UK time, /help/, help after screening, the directory."""

import re
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from community.models import HelpResource, Nation, OpeningHours, Risk, Topic
from community.signposting import (
    help_page_sections,
    hours_text,
    is_open,
    resources_for,
    sms_href,
    tel_href,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
WEEKDAYS, WEEKEND, EVERY_DAY = range(5), range(5, 7), range(7)


def uk(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


MONDAY_NOON = uk("2025-06-02 12:00")
MONDAY_11PM = uk("2025-06-02 23:00")


def make_resource(name: str, *, hours=(), **fields) -> HelpResource:
    resource = HelpResource.objects.create(name=name, description=f"About {name}.", **fields)
    OpeningHours.objects.bulk_create(
        OpeningHours(resource=resource, weekday=day, opens=time.fromisoformat(opens),
                     closes=time.fromisoformat(closes))
        for days, opens, closes in hours
        for day in days
    )
    return resource


@pytest.fixture
def directory():
    """A small directory: at Monday noon Mencap is open and CALM closed; at 11pm the reverse."""
    return {
        "999": make_resource("Emergency services", phone="999", is_24_7=True,
                             is_emergency=True, order=0),
        "samaritans": make_resource("Samaritans", phone="116 123", is_24_7=True, order=10,
                                    topics=[Topic.SUICIDE, Topic.GENERAL]),
        "shout": make_resource("Shout", sms_number="85258", sms_keyword="SHOUT", is_24_7=True,
                               order=20, topics=[Topic.SELF_HARM, Topic.GENERAL]),
        "nhs": make_resource("NHS 111, option 2", phone="111", is_24_7=True, order=30,
                             nations=[Nation.ENGLAND], topics=[Topic.GENERAL]),
        "breathing": make_resource("Breathing Space", phone="0800 83 85 87", order=30,
                                   nations=[Nation.SCOTLAND], topics=[Topic.GENERAL],
                                   hours=[(WEEKDAYS, "18:00", "02:00")]),
        "calm": make_resource("CALM", phone="0800 58 58 58", order=50,
                              topics=[Topic.SUICIDE], hours=[(EVERY_DAY, "17:00", "00:00")]),
        "mencap": make_resource("Mencap", phone="0808 808 1111", order=70,
                                url="https://www.mencap.org.uk",
                                topics=[Topic.LEARNING_DISABILITY],
                                hours=[(WEEKDAYS, "09:00", "17:00")]),
    }


def names(items) -> list[str]:
    return [getattr(item, "resource", item).name for item in items]


# Opening hours


def test_service_open_day_and_night_is_always_open():
    samaritans = make_resource("Samaritans", is_24_7=True)

    assert is_open(samaritans, uk("2025-06-01 03:00"))
    assert is_open(samaritans, uk("2025-12-25 15:00"))


def test_weekday_service_opens_at_opening_time_and_closes_at_closing_time():
    mencap = make_resource("Mencap", hours=[(WEEKDAYS, "09:00", "17:00")])

    assert not is_open(mencap, uk("2025-06-02 08:59"))
    assert is_open(mencap, uk("2025-06-02 09:00"))
    assert is_open(mencap, uk("2025-06-02 16:59"))
    assert not is_open(mencap, uk("2025-06-02 17:00"))
    assert not is_open(mencap, uk("2025-06-07 12:00"))  # Saturday


def test_service_closing_at_midnight_is_open_late_and_closed_after_midnight():
    calm = make_resource("CALM", hours=[(EVERY_DAY, "17:00", "00:00")])

    assert not is_open(calm, uk("2025-06-02 16:59"))
    assert is_open(calm, uk("2025-06-02 23:30"))
    assert not is_open(calm, uk("2025-06-03 00:30"))


def test_service_open_past_midnight_is_still_open_early_next_morning():
    late = make_resource("Late line", hours=[([4, 6], "22:00", "02:00")])  # Friday, Sunday

    assert is_open(late, uk("2025-06-06 23:00"))  # Friday night
    assert is_open(late, uk("2025-06-07 01:00"))  # Saturday, small hours
    assert not is_open(late, uk("2025-06-07 02:00"))
    assert not is_open(late, uk("2025-06-06 01:00"))  # no Thursday night opening
    assert is_open(late, uk("2025-06-09 01:30"))  # Sunday night runs into Monday


def test_opening_hours_follow_uk_clocks_across_the_change_to_and_from_summer_time():
    mencap = make_resource("Mencap", hours=[(WEEKDAYS, "09:00", "17:00")])
    calm = make_resource("CALM", hours=[(EVERY_DAY, "17:00", "00:00")])

    # 08:30 UTC is 08:30 in the UK in March before the clocks go forward, 09:30 after.
    assert not is_open(mencap, utc("2025-03-28 08:30"))
    assert is_open(mencap, utc("2025-03-31 08:30"))
    # 16:30 UTC is 17:30 in October before the clocks go back, 16:30 after.
    assert not is_open(mencap, utc("2025-10-24 16:30"))
    assert is_open(mencap, utc("2025-10-27 16:30"))
    # 23:30 UTC is already past midnight in the UK in summer, not in winter.
    assert not is_open(calm, utc("2025-06-02 23:30"))
    assert is_open(calm, utc("2025-12-01 23:30"))


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ([(EVERY_DAY, "17:00", "00:00")], "Every day, 5pm to midnight"),
        ([(WEEKDAYS, "09:00", "17:00")], "Monday to Friday, 9am to 5pm"),
        (
            [(WEEKDAYS, "09:00", "21:00"), (WEEKEND, "09:00", "17:00")],
            "Monday to Friday, 9am to 9pm; Saturday and Sunday, 9am to 5pm",
        ),
        ([([5], "09:30", "12:00")], "Saturday, 9:30am to midday"),
        ([([0], "00:00", "06:00"), ([0], "18:00", "02:00"), (WEEKEND, "00:00", "00:00")],
         "Monday, midnight to 6am and 6pm to 2am; Saturday and Sunday, all day"),
        ([], "Opening hours not listed"),
    ],
)
def test_opening_hours_read_as_plain_words(hours, expected):
    assert hours_text(make_resource("Line", hours=hours)) == expected


def test_service_open_day_and_night_says_so():
    assert hours_text(make_resource("Samaritans", is_24_7=True)) == "Open 24 hours, every day"


def test_phone_and_text_numbers_become_tap_links():
    assert tel_href("116 123") == "tel:116123"
    assert tel_href("0800 58 58 58") == "tel:0800585858"
    assert tel_href("") == ""
    assert sms_href("85258", "SHOUT") == "sms:85258?body=SHOUT"
    assert sms_href("88247") == "sms:88247"
    assert sms_href("", "SHOUT") == ""


# What /help/ lists


def test_help_lists_emergency_first_then_open_now_then_closed(directory):
    at_noon = help_page_sections("", MONDAY_NOON)
    at_night = help_page_sections("", MONDAY_11PM)

    assert names(at_noon.emergency) == ["Emergency services"]
    assert names(at_noon.open_now) == ["Samaritans", "Shout", "NHS 111, option 2", "Mencap"]
    assert names(at_noon.closed_now) == ["Breathing Space", "CALM"]
    assert names(at_night.open_now) == [
        "Samaritans", "Shout", "Breathing Space", "NHS 111, option 2", "CALM"
    ]
    assert names(at_night.closed_now) == ["Mencap"]


@pytest.mark.parametrize(
    ("nation", "shown", "not_shown"),
    [
        (Nation.SCOTLAND, "Breathing Space", "NHS 111, option 2"),
        (Nation.ENGLAND, "NHS 111, option 2", "Breathing Space"),
    ],
)
def test_help_lists_services_for_the_nation_and_the_whole_uk(directory, nation, shown, not_shown):
    sections = help_page_sections(nation, MONDAY_11PM)
    listed = names(sections.emergency + sections.open_now + sections.closed_now)

    assert shown in listed and not_shown not in listed
    assert {"Emergency services", "Samaritans", "Mencap"} <= set(listed)


@pytest.mark.parametrize("nation", ["", Nation.ELSEWHERE, "atlantis"])
def test_help_lists_every_service_when_nation_is_unknown_or_outside_the_uk(directory, nation):
    sections = help_page_sections(nation, MONDAY_11PM)

    assert len(sections.emergency + sections.open_now + sections.closed_now) == len(directory)


def test_help_leaves_out_hidden_services(directory):
    HelpResource.objects.filter(name="Shout").update(is_active=False)

    assert "Shout" not in names(help_page_sections("", MONDAY_NOON).open_now)


def test_help_still_offers_999_when_no_emergency_service_is_listed(directory):
    directory["999"].delete()

    emergency = help_page_sections("", MONDAY_NOON).emergency

    assert [listing.call_href for listing in emergency] == ["tel:999"]


@pytest.mark.parametrize("size", [3, 30])
def test_help_lists_take_a_fixed_number_of_queries(django_assert_max_num_queries, size):
    for number in range(size):
        make_resource(f"Line {number}", hours=[(WEEKDAYS, "09:00", "17:00")],
                      is_emergency=number == 0)

    with django_assert_max_num_queries(2):
        sections = help_page_sections(Nation.WALES, MONDAY_NOON)

    assert len(sections.emergency + sections.open_now + sections.closed_now) == size


# The /help/ page


@pytest.fixture
def at_monday_noon(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: MONDAY_NOON)


def test_help_page_shows_emergency_then_open_now_then_other_services(
    client, directory, at_monday_noon
):
    page = client.get(reverse("help")).content.decode()

    order = ["In an emergency", "Emergency services", "Open now", "Samaritans", "Mencap",
             "Other services", "Breathing Space", "CALM"]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Get help now</h1>" in page
    assert "If you feel you might act on thoughts of ending your life" in page


def test_help_page_has_call_text_and_website_links_and_hours(client, directory, at_monday_noon):
    page = client.get(reverse("help")).content.decode()

    assert '<a class="call" href="tel:999">Call 999</a>' in page
    assert '<a class="call" href="tel:116123">Call 116 123</a>' in page
    assert '<a class="call" href="sms:85258?body=SHOUT">Text SHOUT to 85258</a>' in page
    assert '<a href="https://www.mencap.org.uk">Mencap website</a>' in page
    assert "Hours: Every day, 5pm to midnight." in page
    assert "Closed now." in page
    assert "<script" not in page


def test_help_page_headings_go_down_one_level_at_a_time(client, directory, at_monday_noon):
    page = client.get(reverse("help")).content.decode()
    main = page[page.index("<main"):page.index("</main>")]

    levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
    assert levels[0] == 1
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False))
    assert levels.count(3) == len(directory)


def test_help_page_shows_a_member_the_services_for_their_nation(client, member, directory):
    member.member.nation = Nation.SCOTLAND
    member.member.save()
    client.force_login(member)

    page = client.get(reverse("help")).content.decode()
    everything = client.get(reverse("help") + "?nation=all").content.decode()

    assert "Breathing Space" in page and "NHS 111" not in page
    assert "Showing help for people in Scotland" in page
    assert 'href="/help/?nation=all"' in page
    assert "Breathing Space" in everything and "NHS 111" in everything


def test_visitor_chooses_a_nation_with_the_form(client, directory):
    page = client.get(reverse("help"), {"nation": "england"}).content.decode()

    assert "NHS 111" in page and "Breathing Space" not in page
    assert '<option value="england" selected>England</option>' in page
    assert '<label for="nation">Show help for</label>' in page


@pytest.mark.parametrize("value", ["atlantis", "<script>", "", "ENGLAND"])
def test_help_page_ignores_a_nation_it_does_not_know(client, directory, value):
    response = client.get(reverse("help"), {"nation": value})

    page = response.content.decode()
    assert response.status_code == 200
    assert "NHS 111" in page and "Breathing Space" in page
    assert "Showing help for all of the UK" in page


def test_help_page_keeps_a_members_nation_when_the_choice_is_unknown(client, member, directory):
    member.member.nation = Nation.SCOTLAND
    member.member.save()
    client.force_login(member)

    page = client.get(reverse("help"), {"nation": "atlantis"}).content.decode()

    assert "Breathing Space" in page and "NHS 111" not in page


def test_help_page_tells_someone_outside_the_uk_these_are_uk_numbers(client, member, directory):
    member.member.nation = Nation.ELSEWHERE
    member.member.save()
    client.force_login(member)

    page = client.get(reverse("help")).content.decode()

    assert "If you are outside the UK, call your local emergency number" in page
    assert "NHS 111" in page and "Breathing Space" in page


@pytest.mark.parametrize("size", [3, 30])
def test_help_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, size):
    for number in range(size):
        make_resource(f"Line {number}", hours=[(WEEKDAYS, "09:00", "17:00")])
    client.get(reverse("help"))  # site-wide facts (moderators online?) are shared a while

    with django_assert_max_num_queries(2):
        page = client.get(reverse("help")).content.decode()

    assert page.count("<h3>") == size + 1  # and the 999 every page falls back on


# What a member sees after screening flags their words


def test_no_risk_shows_no_help_lines(directory, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert resources_for(Risk.NONE, {Topic.SUICIDE}, "", MONDAY_NOON) == []


def test_urgent_shows_emergency_first_then_crisis_lines_open_now_then_closed(directory):
    at_noon = resources_for(Risk.URGENT, {Topic.SUICIDE}, Nation.ENGLAND, MONDAY_NOON)

    assert names(at_noon) == [
        "Emergency services", "Samaritans", "Shout", "NHS 111, option 2", "CALM"
    ]


def test_urgent_leaves_out_services_about_other_things(directory):
    shown = names(resources_for(Risk.URGENT, {Topic.SELF_HARM}, Nation.WALES, MONDAY_NOON))

    assert "Mencap" not in shown
    assert shown[0] == "Emergency services"


def test_urgent_includes_a_service_matching_the_topic(directory):
    shown = resources_for(Risk.URGENT, {Topic.LEARNING_DISABILITY}, Nation.WALES, MONDAY_NOON)

    assert names(shown) == ["Emergency services", "Samaritans", "Shout", "Mencap", "CALM"]


def test_urgent_shows_the_members_nation_line_when_it_is_open(directory):
    scotland = names(resources_for(Risk.URGENT, {Topic.SUICIDE}, Nation.SCOTLAND, MONDAY_11PM))

    assert scotland == ["Emergency services", "Samaritans", "Shout", "Breathing Space", "CALM"]


def test_concern_shows_topic_services_open_now_then_general_then_emergency(directory):
    at_noon = resources_for(Risk.CONCERN, {Topic.LEARNING_DISABILITY}, Nation.WALES,
                            MONDAY_NOON)
    at_night = resources_for(Risk.CONCERN, {Topic.LEARNING_DISABILITY}, Nation.WALES,
                             MONDAY_11PM)

    assert names(at_noon) == ["Mencap", "Samaritans", "Shout", "Emergency services"]
    assert names(at_night) == ["Samaritans", "Shout", "Emergency services"]


def test_concern_puts_topic_matches_before_general_lines(directory):
    shown = resources_for(Risk.CONCERN, {Topic.SELF_HARM}, Nation.SCOTLAND, MONDAY_11PM)

    assert names(shown) == ["Shout", "Samaritans", "Breathing Space", "Emergency services"]


def test_screening_help_is_at_most_five_and_always_keeps_emergency(directory):
    for number in range(10):
        make_resource(f"General line {number}", is_24_7=True, topics=[Topic.GENERAL])

    concern = resources_for(Risk.CONCERN, {Topic.GENERAL}, "", MONDAY_NOON)
    urgent = resources_for(Risk.URGENT, {Topic.GENERAL}, "", MONDAY_NOON)

    assert len(concern) == 5 and concern[-1].name == "Emergency services"
    assert len(urgent) == 5 and urgent[0].name == "Emergency services"


@pytest.mark.parametrize("size", [3, 30])
def test_screening_help_takes_a_fixed_number_of_queries(django_assert_max_num_queries, size):
    for number in range(size):
        make_resource(f"Line {number}", hours=[(WEEKDAYS, "09:00", "17:00")],
                      topics=[Topic.GENERAL])

    with django_assert_max_num_queries(2):
        shown = resources_for(Risk.URGENT, {Topic.SUICIDE}, Nation.ENGLAND, MONDAY_NOON)

    assert len(shown) == min(size + 1, 5)  # the lines, after the 999 every list falls back on


# The default directory and the admin


def test_load_help_directory_adds_uk_help_lines_marked_for_checking():
    call_command("load_help_directory")

    resources = {resource.name: resource for resource in HelpResource.objects.all()}
    assert len(resources) == 13
    assert all(resource.needs_review for resource in resources.values())
    assert resources["Emergency services"].is_emergency
    assert resources["Samaritans"].phone == "116 123" and resources["Samaritans"].is_24_7
    shout = resources["Shout"]
    assert sms_href(shout.sms_number, shout.sms_keyword) == "sms:85258?body=SHOUT"
    assert hours_text(resources["CALM (Campaign Against Living Miserably)"]) == (
        "Every day, 5pm to midnight"
    )
    breathing_space = resources["Breathing Space"]
    assert breathing_space.nations == ["scotland"]
    assert is_open(breathing_space, uk("2025-06-07 15:00"))  # Saturday afternoon
    assert is_open(breathing_space, uk("2025-06-03 01:00"))  # Tuesday, small hours
    assert not is_open(breathing_space, uk("2025-06-03 12:00"))  # Tuesday midday


def test_load_help_directory_twice_changes_nothing():
    call_command("load_help_directory")
    first = list(OpeningHours.objects.values_list("resource__name", "weekday", "opens", "closes"))

    call_command("load_help_directory")

    assert HelpResource.objects.count() == 13
    assert list(
        OpeningHours.objects.values_list("resource__name", "weekday", "opens", "closes")
    ) == first


def test_load_help_directory_never_overwrites_an_entry_an_administrator_checked():
    call_command("load_help_directory")
    HelpResource.objects.filter(name="Samaritans").update(
        description="Checked wording.", needs_review=False
    )
    HelpResource.objects.filter(name="Shout").update(description="Unchecked edit.")

    call_command("load_help_directory")

    assert HelpResource.objects.get(name="Samaritans").description == "Checked wording."
    assert not HelpResource.objects.get(name="Samaritans").needs_review
    assert HelpResource.objects.get(name="Shout").description != "Unchecked edit."


def test_load_help_directory_keeps_a_hidden_entry_hidden():
    call_command("load_help_directory")
    HelpResource.objects.filter(name="Beat").update(is_active=False)

    call_command("load_help_directory")

    assert not HelpResource.objects.get(name="Beat").is_active


def test_seed_demo_loads_the_help_directory(settings):
    settings.DEBUG = True

    call_command("seed_demo")

    assert HelpResource.objects.filter(name="Samaritans", needs_review=True).exists()


def test_admin_lists_help_lines_with_the_check_before_going_live_flag(client, admin_user):
    call_command("load_help_directory")
    client.force_login(admin_user)

    page = client.get("/admin/community/helpresource/?needs_review__exact=1").content.decode()

    assert "Check before going live" in page
    assert "Samaritans" in page and "116 123" in page


def test_admin_saves_nations_and_topics_from_tick_boxes(client, admin_user):
    client.force_login(admin_user)

    form = client.get("/admin/community/helpresource/add/").content.decode()
    response = client.post(
        "/admin/community/helpresource/add/",
        {
            "name": "Local line", "description": "A local line.", "phone": "0800 000 000",
            "nations": ["wales", "scotland"], "topics": ["carers"], "order": "5",
            "is_active": "on",
            "hours-TOTAL_FORMS": "1", "hours-INITIAL_FORMS": "0",
            "hours-0-weekday": "0", "hours-0-opens": "09:00", "hours-0-closes": "17:00",
        },
    )

    assert 'type="checkbox" name="nations" value="wales"' in form
    assert response.status_code == 302, response.content.decode()[:3000]
    line = HelpResource.objects.get(name="Local line")
    assert line.nations == ["wales", "scotland"] and line.topics == ["carers"]
    assert hours_text(line) == "Monday, 9am to 5pm"


def test_admin_marks_help_lines_as_checked(client, admin_user):
    call_command("load_help_directory")
    samaritans = HelpResource.objects.get(name="Samaritans")
    client.force_login(admin_user)

    client.post("/admin/community/helpresource/",
                {"action": "mark_checked", "_selected_action": [samaritans.pk]})

    assert not HelpResource.objects.get(name="Samaritans").needs_review
    assert HelpResource.objects.filter(needs_review=True).count() == 12
