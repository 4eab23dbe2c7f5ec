"""Line charts as inline SVG: well formed, described in words, readable without colour."""

import xml.etree.ElementTree as ET

import pytest

from moderation.charts import (
    BOTTOM,
    DAYS,
    EMPTY,
    HEIGHT,
    HOURS,
    LEFT,
    LOOKS,
    MINUTES,
    RIGHT,
    WIDTH,
    Series,
    describe,
    duration_scale,
    line_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
WEEKS = ["2 Mar", "9 Mar", "16 Mar", "23 Mar", "30 Mar"]


def chart(series, x_labels=WEEKS, **given) -> str:
    return str(line_chart(**{
        "chart_id": "first-look-chart", "title": "Time until first look, week by week",
        "what": "half within", "x_title": "Week starting", "x_labels": x_labels,
        "series": series, "unit": "minutes", **given}))


def drawing(markup: str) -> ET.Element:
    """The chart parsed as XML: it must be well formed to parse at all."""
    figure = ET.fromstring(markup)
    return figure.find(f"{SVG}svg")


THREE = [Series("Urgent", (12, 8, None, 5, 6)), Series("High", (30, None, None, 45, 40)),
         Series("Normal", (None, None, None, None, 120))]


def test_the_chart_is_an_image_with_a_title_and_a_description():
    svg = drawing(chart(THREE))

    assert svg.get("role") == "img"
    assert svg.get("viewBox") == "0 0 360 240" and svg.get("width") is None  # scales with CSS
    assert svg.find(f"{SVG}title").text == "Time until first look, week by week"
    assert svg.get("aria-labelledby") == "first-look-chart-title"
    assert svg.get("aria-describedby") == svg.find(f"{SVG}desc").get("id")


def test_the_description_says_each_trend_in_words():
    text = describe(THREE, WEEKS, "minutes", "half within")

    assert text.startswith("Half within, in minutes, from 2 Mar to 30 Mar.")
    assert ("Urgent: went down, from 12 minutes in the week of 2 Mar to 6 minutes in the week "
            "of 30 Mar; lowest 5, highest 12; 1 week with no figure.") in text
    assert "High: went up, from 30 minutes" in text and "2 weeks with no figure" in text
    assert "Normal: 120 minutes in the week of 30 Mar only." in text
    assert describe([Series("Urgent", (None, None))], WEEKS[:2], "hours", "half within") \
        .endswith("Urgent: no figures.")


def test_each_series_differs_by_more_than_colour_and_has_a_text_legend():
    markup = chart(THREE)
    series = drawing(markup).findall(f"{SVG}g")

    dashes = [group.find(f"{SVG}path").get("stroke-dasharray") for group in series]
    markers = [group[1].tag for group in series]
    assert len(set(dashes)) == 3 and len(set(markers)) == 3
    legend = [" ".join("".join(item.itertext()).split())
              for item in ET.fromstring(markup).iter("li")]
    assert legend == ["Urgent", "High", "Normal"]


def test_missing_weeks_are_gaps_in_the_line_not_zeros():
    urgent = drawing(chart(THREE)).findall(f"{SVG}g")[0]

    path = urgent.find(f"{SVG}path").get("d")
    assert path.count("M") == 2  # the line starts again after the missing week
    assert len(urgent.findall(f"{SVG}circle")) == 4  # a dot for each week with a figure
    zero = f" {HEIGHT - BOTTOM:.1f}"  # where zero would be drawn
    assert zero not in path


def test_a_lone_week_between_gaps_still_shows_as_a_marker():
    normal = drawing(chart(THREE)).findall(f"{SVG}g")[2]

    assert len(normal.findall(f"{SVG}polygon")) == 1


def test_axes_are_labelled_in_plain_words_with_units():
    texts = [text.text for text in drawing(chart(THREE, unit="hours")).iter(f"{SVG}text")]

    assert "Half within, in hours" in texts
    assert "Week starting" in texts
    assert "2 Mar" in texts and "0" in texts


@pytest.mark.parametrize("values", [(0, 0, 0), (float("nan"), 5, float("inf")), (0.01,),
                                    (1e-9, 1e9)])
def test_awkward_numbers_never_reach_the_drawing_as_nan(values):
    markup = chart([Series("Urgent", values)], x_labels=[f"w{i}" for i in range(len(values))])

    assert "nan" not in markup.lower() and "inf" not in markup.lower()
    drawing(markup)


@pytest.mark.parametrize("series", [[], [Series("Urgent", (None, None, None, None, None))],
                                    [Series("Urgent", (float("nan"),) * 5)]])
def test_no_figures_at_all_says_so_instead_of_an_empty_chart(series):
    markup = chart(series)

    assert EMPTY == "No items in this period."
    assert markup == f'<p class="chart-empty">{EMPTY}</p>'


def test_text_is_escaped():
    markup = chart([Series('<script>alert("x")</script>', (1, 2))], x_labels=["a&b", "<i>"],
                   title="Waits & <b>", chart_id='x" onload="alert(1)')

    assert "<script>" not in markup and "<b>" not in markup and 'onload="' not in markup
    svg = drawing(markup)
    assert svg.find(f"{SVG}title").text == "Waits & <b>"


def test_one_week_alone_is_drawn_in_the_middle():
    svg = drawing(chart([Series("Urgent", (4,))], x_labels=["2 Mar"]))

    assert float(svg.find(f"{SVG}g/{SVG}circle").get("cx")) == (LEFT + WIDTH - RIGHT) / 2


def test_series_styles_are_readable_on_the_page():
    # WCAG 1.4.11: lines at least 3:1 on the page's background (#fdfcf9); these reach 4.5:1.
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    paper = luminance("#fdfcf9")
    for look in LOOKS:
        assert (paper + 0.05) / (luminance(look.colour) + 0.05) >= 4.5


@pytest.mark.parametrize(("seconds", "scale"), [(0, MINUTES), (119 * 60, MINUTES),
                                                (2 * 3600, HOURS), (71 * 3600, HOURS),
                                                (3 * 86400, DAYS)])
def test_waits_are_shown_in_minutes_hours_or_days_by_size(seconds, scale):
    assert duration_scale(seconds) == scale


def test_long_labels_are_fewer_and_stay_inside_the_drawing():
    labels = [f"{day} Dec 2025" for day in range(1, 53)]
    svg = drawing(chart([Series("Urgent", tuple(range(52)))], x_labels=labels))

    shown = [text for text in svg.iter(f"{SVG}text") if text.text in labels]
    assert 2 <= len(shown) <= 3
    for text in shown:
        half = len(text.text) * 15 * 0.6 / 2
        assert half <= float(text.get("x")) <= WIDTH - half


def test_a_fixed_axis_runs_from_zero_to_its_top_whatever_the_values():
    svg = drawing(chart([Series("Life satisfaction", (3, 4))], x_labels=["2 Dec", "30 Dec"],
                        unit="points", axis=(10, 2), period="the check-in of "))
    ticks = [text.text for text in svg.iter(f"{SVG}text")]
    assert ["0", "2", "4", "6", "8", "10"] == [tick for tick in ticks
                                               if tick in {"0", "2", "4", "6", "8", "10"}]
    description = svg.find(f"{SVG}desc").text
    assert "from 3 points in the check-in of 2 Dec to 4 points in the check-in of 30 Dec" \
        in description
