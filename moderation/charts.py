"""Line charts drawn on the server as inline SVG, for the safety figures page.

No JavaScript and no library: a pure function from series to markup. Each series has its own
colour, line pattern and marker, and a text legend, so it can be told apart without colour;
missing values are gaps in the line, never zeros; the <desc> says the trend in words.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

EMPTY = "No items in this period."

# The drawing's own units; CSS scales it to the width of the page.
WIDTH, HEIGHT = 360, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 22, 32, 48
FONT = 15
INK, GRID = "#1b1b1f", "#c9c9d0"
MOST_X_LABELS = 4


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # one per point on the x axis; None is a gap


@dataclass(frozen=True)
class Look:
    """How one series is drawn. Colours are at least 4.5:1 on the page's background."""

    colour: str
    dash: str  # stroke-dasharray; "" for a solid line
    marker: str  # circle, square or triangle


LOOKS = (
    Look("#a4161a", "", "circle"),  # solid line, round dots
    Look("#5b2a86", "7 4", "square"),  # dashed line, squares
    Look("#1d5c63", "2 3", "triangle"),  # dotted line, triangles
)


@dataclass(frozen=True)
class Scale:
    unit: str  # plural, as the axis says it: "minutes"
    seconds: int  # in one unit


MINUTES, HOURS, DAYS = Scale("minutes", 60), Scale("hours", 3600), Scale("days", 86400)


def duration_scale(longest_seconds: float) -> Scale:
    """Minutes for waits under two hours, hours under three days, days beyond."""
    if longest_seconds < 2 * HOURS.seconds:
        return MINUTES
    if longest_seconds < 3 * DAYS.seconds:
        return HOURS
    return DAYS


def line_chart(*, chart_id: str, title: str, what: str, x_title: str,
               x_labels: Sequence[str], series: Sequence[Series], unit: str,
               empty: str = EMPTY, axis: tuple[float, float] | None = None,
               period: str = "the week of ") -> SafeString:
    """A line chart of `series` against `x_labels`, as an inline <svg> with a legend below.

    `what` names the measure ("half within"); the y axis reads "<what>, in <unit>". With no
    value at all, the sentence `empty` instead of an empty chart. `axis` fixes the y axis's
    (top, step), for a measure with a known range (0 to 10); `period` is what the description
    says before an x label ("the week of ")."""
    series = [Series(one.label, tuple(_finite(value) for value in one.values)) for one in series]
    present = [value for one in series for value in one.values if value is not None]
    if not present:
        return format_html('<p class="chart-empty">{}</p>', empty)
    top, step = axis or _nice_top(max(present))
    y_title = f"{what.capitalize()}, in {unit}"
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart__drawing" '
        'viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" aria-describedby="{}-desc" '
        'font-size="{}" font-family="inherit">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '{}{}{}</svg>',
        WIDTH, HEIGHT, chart_id, chart_id, FONT,
        chart_id, title, chart_id, describe(series, x_labels, unit, what, period=period),
        _y_axis(top, step, y_title), _x_axis(x_labels, x_title),
        mark_safe("".join(_line(one, LOOKS[index % len(LOOKS)], top, len(x_labels))
                          for index, one in enumerate(series))),
    )
    legend = format_html_join(
        "", "<li>{} {}{}</li>",
        ((_sample(LOOKS[index % len(LOOKS)]), one.label,
          "" if any(value is not None for value in one.values) else ": no figures")
         for index, one in enumerate(series)),
    )
    return format_html('<figure class="chart" id="{}">{}<ul class="chart-legend">{}</ul>'
                       '</figure>', chart_id, svg, legend)


def describe(series: Sequence[Series], x_labels: Sequence[str], unit: str, what: str,
             *, period: str = "the week of ") -> str:
    """The trend of each series in a sentence or two, for people who cannot see the lines."""
    parts = [f"{what.capitalize()}, in {unit}, from {x_labels[0]} to {x_labels[-1]}."
             if x_labels else ""]
    for one in series:
        points = [(x_labels[index], value) for index, value in enumerate(one.values)
                  if value is not None]
        if not points:
            parts.append(f"{one.label}: no figures.")
            continue
        (first_x, first), (last_x, last) = points[0], points[-1]
        if len(points) == 1:
            parts.append(f"{one.label}: {_number(first)} {unit} in {period}{first_x} only.")
            continue
        direction = ("went up" if _number(last) != _number(first) and last > first
                     else "went down" if _number(last) != _number(first) else "was the same")
        lowest, highest = min(value for _, value in points), max(value for _, value in points)
        gaps = len(one.values) - len(points)
        parts.append(
            f"{one.label}: {direction}, from {_number(first)} {unit} in {period}{first_x} "
            f"to {_number(last)} {unit} in {period}{last_x}; lowest {_number(lowest)}, "
            f"highest {_number(highest)}"
            + (f"; {gaps} week{'s' if gaps > 1 else ''} with no figure." if gaps else ".")
        )
    return " ".join(part for part in parts if part)


def _finite(value) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def _nice_top(largest: float) -> tuple[float, float]:
    """The top of the y axis and the step between its labels: 1, 2, 2.5 or 5 times a power
    of ten, four or five steps up to just above the largest value."""
    if largest <= 0:
        return 1.0, 0.25
    rough = largest / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(power * nice for nice in (1, 2, 2.5, 5, 10) if power * nice >= rough)
    return step * math.ceil(largest / step - 1e-9), step


def _number(value: float) -> str:
    """A figure as people read it: whole numbers plain, others to one decimal place."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _x(index: int, count: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + inner / 2 if count == 1 else LEFT + inner * index / (count - 1)


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)


def _y_axis(top: float, step: float, y_title: str) -> SafeString:
    ticks = [step * index for index in range(round(top / step) + 1)]
    parts = []
    for tick in ticks:
        y = f"{_y(tick, top):.1f}"
        parts.append(format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
            '<text x="{}" y="{}" dy="0.35em" text-anchor="end" fill="{}">{}</text>',
            LEFT, WIDTH - RIGHT, y, y, GRID, LEFT - 6, y, INK, _number(tick)))
    parts.append(format_html('<text x="0" y="{}" fill="{}">{}</text>', FONT, INK, y_title))
    return mark_safe("".join(parts))


def _x_axis(x_labels: Sequence[str], x_title: str) -> SafeString:
    count = len(x_labels)
    widest = max((_text_width(label) for label in x_labels), default=0)
    fit = max(1, min(MOST_X_LABELS, int((WIDTH - LEFT - RIGHT + widest) // (widest + FONT))))
    every = max(1, math.ceil(count / fit))
    base = HEIGHT - BOTTOM
    parts = [format_html('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1.5"/>',
                         LEFT, WIDTH - RIGHT, base, base, INK)]
    for index in range(0, count, every):
        x = _x(index, count)
        # Kept inside the drawing: a long first or last label moves in from the edge.
        half = _text_width(x_labels[index]) / 2
        text_x = min(max(x, half), WIDTH - half)
        parts.append(format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1.5"/>'
            '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
            f"{x:.1f}", f"{x:.1f}", base, base + 5, INK, f"{text_x:.1f}", base + 6 + FONT, INK,
            x_labels[index]))
    parts.append(format_html('<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                             (LEFT + WIDTH - RIGHT) // 2, HEIGHT - 4, INK, x_title))
    return mark_safe("".join(parts))


def _text_width(text: str) -> float:
    """Roughly how wide a label is drawn: an average character is about 0.6 of the font."""
    return len(text) * FONT * 0.6


def _line(one: Series, look: Look, top: float, count: int) -> str:
    """The series' path, broken where a value is missing, and a marker on every value (so a
    week alone between gaps still shows)."""
    commands, markers, drawing = [], [], False
    size = 3.5 if count <= 26 else 2.5
    for index, value in enumerate(one.values):
        if value is None:
            drawing = False
            continue
        x, y = _x(index, count), _y(value, top)
        commands.append(f"{'L' if drawing else 'M'}{x:.1f} {y:.1f}")
        markers.append(_marker(look.marker, x, y, size, look.colour))
        drawing = True
    dash = format_html(' stroke-dasharray="{}"', look.dash) if look.dash else ""
    return format_html(
        '<g class="chart__series"><path d="{}" fill="none" stroke="{}" stroke-width="2.5" '
        'stroke-linejoin="round"{}/>{}</g>',
        " ".join(commands), look.colour, dash, mark_safe("".join(markers)))


def _marker(shape: str, x: float, y: float, size: float, colour: str) -> str:
    if shape == "circle":
        return format_html('<circle cx="{}" cy="{}" r="{}" fill="{}"/>',
                           f"{x:.1f}", f"{y:.1f}", size, colour)
    if shape == "square":
        return format_html('<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                           f"{x - size:.1f}", f"{y - size:.1f}", 2 * size, 2 * size, colour)
    points = f"{x:.1f},{y - size * 1.3:.1f} {x - size * 1.2:.1f},{y + size:.1f} " \
             f"{x + size * 1.2:.1f},{y + size:.1f}"
    return format_html('<polygon points="{}" fill="{}"/>', points, colour)


def _sample(look: Look) -> SafeString:
    """The series' line and marker, small, for the legend."""
    dash = format_html(' stroke-dasharray="{}"', look.dash) if look.dash else ""
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-legend__sample" width="36" '
        'height="14" viewBox="0 0 36 14" aria-hidden="true" focusable="false">'
        '<path d="M2 7 L34 7" stroke="{}" stroke-width="2.5"{}/>{}</svg>',
        look.colour, dash, mark_safe(_marker(look.marker, 18, 7, 3.5, look.colour)))


# Dot and interval charts: one row per group, the average as a dot and its 95 % interval as a
# line, around a zero line. Rows are stacked, each with its label above its line, so long
# group names fit a phone's width.
ROW_HEIGHT = 2 * FONT + 20
AXIS_SPACE = 2 * FONT + 22
DOT = "#1d5c63"
HALO = mark_safe(' stroke="#ffffff" stroke-width="4" paint-order="stroke"')


@dataclass(frozen=True)
class Interval:
    """One group's row: its average and interval, or why it has none (`hidden`)."""

    label: str
    mean: float | None = None
    low: float | None = None
    high: float | None = None
    hidden: str = ""  # short, as the row says it: "fewer than 10 people"

    @property
    def is_shown(self) -> bool:
        return not self.hidden and all(
            value is not None and math.isfinite(value)
            for value in (self.mean, self.low, self.high))


def interval_chart(*, chart_id: str, title: str, what: str, unit: str,
                   rows: Sequence[Interval], better: str = "",
                   empty: str = "No groups to show.") -> SafeString:
    """A dot-and-interval chart of `rows`, as an inline <svg> with its own <title> and a
    <desc> that gives every figure in words.

    `what` names the figure ("average change"); the axis reads "<what>, in <unit>" and then
    `better` ("a fall is better"). A hidden row shows its label and "hidden: <why>", with no
    dot and no line. No rows at all gives the sentence `empty` instead."""
    if not rows:
        return format_html('<p class="chart-empty">{}</p>', empty)
    shown = [row for row in rows if row.is_shown]
    largest = max((max(abs(row.low), abs(row.high), abs(row.mean)) for row in shown),
                  default=0.0)
    top, step = _nice_top(largest)
    height = TOP + ROW_HEIGHT * len(rows) + AXIS_SPACE
    axis_title = f"{what.capitalize()}, in {unit}" + (f" ({better})" if better else "")
    return format_html(
        '<figure class="chart chart--intervals" id="{}">'
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart__drawing" '
        'viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" aria-describedby="{}-desc" '
        'font-size="{}" font-family="inherit">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '{}{}</svg></figure>',
        chart_id, WIDTH, height, chart_id, chart_id, FONT,
        chart_id, title, chart_id, describe_intervals(rows, what=what, unit=unit, better=better),
        _interval_axis(top, step, len(rows), axis_title),
        mark_safe("".join(_interval_row(row, index, top) for index, row in enumerate(rows))),
    )


def describe_intervals(rows: Sequence[Interval], *, what: str, unit: str,
                       better: str = "") -> str:
    """Every row's figures in words, for people who cannot see the dots."""
    parts = [f"{what.capitalize()}, in {unit}, with its 95% interval; 0 is no change"
             + (f"; {better}." if better else ".")]
    for row in rows:
        if row.is_shown:
            parts.append(f"{row.label}: {_signed(row.mean)} (95% interval {_signed(row.low)} "
                         f"to {_signed(row.high)}).")
        else:
            parts.append(f"{row.label}: hidden, {row.hidden or 'no figures'}.")
    return " ".join(parts)


def _signed(value: float) -> str:
    text = _number(abs(value))
    return "0" if text == "0" else f"{'-' if value < 0 else '+'}{text}"


def _x_of(value: float, top: float) -> float:
    inner = WIDTH - 2 * RIGHT
    return RIGHT + inner * (min(max(value, -top), top) + top) / (2 * top)


def _interval_axis(top: float, step: float, count: int, axis_title: str) -> SafeString:
    """Grid lines at each step, a darker dashed zero line, labels below (at most five)."""
    base = TOP + ROW_HEIGHT * count
    half = round(top / step)
    every = max(1, math.ceil((2 * half + 1) / 5))
    parts = []
    for index in range(-half, half + 1):
        x = f"{_x_of(index * step, top):.1f}"
        zero = index == 0
        parts.append(format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>',
            x, x, TOP - 4, base, INK if zero else GRID, 1.5 if zero else 1,
            mark_safe(' stroke-dasharray="5 3"') if zero else ""))
        if index % every == 0:
            parts.append(format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                x, base + FONT + 2, INK, _signed(index * step)))
    parts.append(format_html('<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                             WIDTH // 2, base + 2 * FONT + 12, INK, axis_title))
    return mark_safe("".join(parts))


def _interval_row(row: Interval, index: int, top: float) -> str:
    label_y = TOP + ROW_HEIGHT * index + FONT
    line_y = label_y + FONT
    # A white halo keeps words readable where grid lines pass behind them.
    label = format_html('<text x="{}" y="{}" fill="{}" font-weight="600"{}>{}</text>',
                        RIGHT, label_y, INK, HALO, row.label)
    if not row.is_shown:
        return format_html(
            '<g class="chart__row chart__row--hidden">{}<text x="{}" y="{}" fill="{}" '
            'font-style="italic"{}>hidden: {}</text></g>',
            label, RIGHT, line_y + 6, INK, HALO, row.hidden or "no figures")
    low, high, mean = (_x_of(row.low, top), _x_of(row.high, top), _x_of(row.mean, top))
    y = f"{line_y:.1f}"
    return format_html(
        '<g class="chart__row">{}'
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2.5"/>'
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2.5"/>'
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2.5"/>'
        '<circle cx="{}" cy="{}" r="5.5" fill="{}" stroke="#ffffff" stroke-width="1.5"/></g>',
        label,
        f"{low:.1f}", f"{high:.1f}", y, y, DOT,
        f"{low:.1f}", f"{low:.1f}", f"{line_y - 6:.1f}", f"{line_y + 6:.1f}", DOT,
        f"{high:.1f}", f"{high:.1f}", f"{line_y - 6:.1f}", f"{line_y + 6:.1f}", DOT,
        f"{mean:.1f}", y, DOT)
