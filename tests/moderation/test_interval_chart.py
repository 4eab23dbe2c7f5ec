"""The dot-and-interval chart: valid SVG, named and described in words, text escaped, hidden
groups without a dot, and a sentence when there is nothing to draw."""

import xml.etree.ElementTree as ET

from moderation.charts import Interval, interval_chart

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [Interval("Everyone", 1.2, 0.4, 2.0), Interval("Wales", -0.5, -1.9, 0.9),
        Interval("Scotland", hidden="fewer than 10 people")]


def chart(rows=ROWS, **kwargs):
    return interval_chart(chart_id="happiness", title="Happiness: change", what="average change",
                          unit="points", rows=rows, **kwargs)


def drawing(markup):
    figure = ET.fromstring(str(markup))
    return figure.find(f"{SVG}svg")


def test_interval_chart_is_valid_svg_named_by_its_title_and_described_in_words():
    svg = drawing(chart(better="a rise is better"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "happiness-title"
    assert svg.get("aria-describedby") == "happiness-desc"
    assert svg.find(f"{SVG}title").text == "Happiness: change"
    desc = svg.find(f"{SVG}desc").text
    assert "a rise is better" in desc
    assert "Everyone: +1.2 (95% interval +0.4 to +2)." in desc
    assert "Wales: -0.5 (95% interval -1.9 to +0.9)." in desc
    assert "Scotland: hidden, fewer than 10 people." in desc


def test_each_shown_group_has_one_dot_and_a_hidden_group_none():
    svg = drawing(chart())
    rows = svg.findall(f"{SVG}g")
    assert len(rows) == 3
    assert [len(row.findall(f"{SVG}circle")) for row in rows] == [1, 1, 0]
    hidden_text = "".join(rows[2].itertext())
    assert "Scotland" in hidden_text and "hidden: fewer than 10 people" in hidden_text


def test_dot_sits_between_its_interval_ends_and_zero_is_in_the_middle():
    svg = drawing(chart())
    everyone = svg.findall(f"{SVG}g")[0]
    interval = everyone.findall(f"{SVG}line")[0]
    dot = everyone.find(f"{SVG}circle")
    assert float(interval.get("x1")) < float(dot.get("cx")) < float(interval.get("x2"))
    zero = [line for line in svg.findall(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(zero) == 1 and float(zero[0].get("x1")) == 180.0  # half of 360
    assert float(dot.get("cx")) > 180.0  # a rise is drawn right of no change


def test_text_is_escaped_in_labels_title_and_description():
    markup = str(interval_chart(
        chart_id="c", title="<script>alert(1)</script>", what="average change", unit="points",
        rows=[Interval("<b>Wales</b> & co", 1, 0, 2), Interval("<i>x</i>", hidden="<few>")]))
    assert "<script>" not in markup and "<b>" not in markup and "<i>" not in markup
    assert "&lt;script&gt;" in markup and "&lt;b&gt;Wales&lt;/b&gt; &amp; co" in markup
    drawing(markup)  # still well-formed


def test_no_rows_gives_a_sentence_not_an_empty_chart():
    markup = str(chart(rows=[], empty="No check-ins to compare yet."))
    assert "<svg" not in markup
    assert "No check-ins to compare yet." in markup


def test_all_groups_hidden_still_lists_them_and_not_a_number_is_hidden():
    svg = drawing(chart(rows=[Interval("Everyone", hidden="fewer than 10 people"),
                              Interval("Odd", float("nan"), 0, 1)]))
    assert svg.findall(f".//{SVG}circle") == []
    desc = svg.find(f"{SVG}desc").text
    assert "Everyone: hidden, fewer than 10 people." in desc
    assert "Odd: hidden, no figures." in desc
