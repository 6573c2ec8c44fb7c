"""Inline SVG charts for the incidents page: plain strings, no JavaScript, no chart library.

Colours come from CSS classes (assets/openwork.css, light and dark schemes) with a fill
attribute as the fallback for themes without that stylesheet. Every chart has role="img", a
<title> and a <desc>; the page puts a data table next to each one.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from markupsafe import Markup

from openwork.content.dates import human_duration
from openwork.index.metrics import IncidentMetrics, next_month

WIDTH = 640
HEIGHT = 280
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 36, 44
# Fallback fills, worst severity first; the stylesheet overrides them per colour scheme.
FALLBACK = ("#c0392b", "#e67e22", "#b7950b", "#3c78c3", "#7f7f7f", "#8e44ad")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def severity_class(index: int) -> str:
    return f"ow-chart__sev--{min(index, len(FALLBACK) - 1)}"


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` gridlines."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover


def _ticks(maximum: float, integer: bool) -> tuple[list[float], float]:
    step = nice_step(maximum)
    if integer:
        step = max(1.0, math.ceil(step))
    top = step * max(1, math.ceil(maximum / step))
    count = round(top / step)
    return [step * i for i in range(count + 1)], top


def _fmt(value: float) -> str:
    return f"{value:g}"


def _svg_open(chart_id: str, title: str, desc: str) -> list[str]:
    return [
        f'<svg class="ow-chart__svg" id="{chart_id}" role="img" data-search-exclude="" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg" '
        'font-family="inherit" font-size="11">',
        f'<title id="{chart_id}-title">{_e(title)}</title>',
        f'<desc id="{chart_id}-desc">{_e(desc)}</desc>',
    ]


def _y_axis(ticks: list[float], top: float, label: str) -> list[str]:
    out = ['<g class="ow-chart__axis">']
    for value in ticks:
        y = _y(value, top)
        out.append(
            f'<line class="ow-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
            f'y2="{y:.1f}" stroke="#8888" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'fill="currentColor">{_fmt(value)}</text>'
        )
    out.append(
        f'<text class="ow-chart__unit" x="{LEFT - 6}" y="{TOP - 10}" fill="currentColor">'
        f"{_e(label)}</text>"
    )
    out.append("</g>")
    return out


def _y(value: float, top: float) -> float:
    plot = HEIGHT - TOP - BOTTOM
    return HEIGHT - BOTTOM - (value / top) * plot if top else HEIGHT - BOTTOM


def _legend_step(name: str) -> int:
    """Room one legend item takes: swatch, gap, an estimate of the label's width, spacing."""
    return 28 + 7 * len(name)


def _legend(severities: Sequence[str]) -> list[str]:
    out = ['<g class="ow-chart__legend">']
    # Right-aligned, so the axis unit at the top left stands clear of it.
    x = float(WIDTH - RIGHT - sum(_legend_step(name) for name in severities) + 14)
    for index, name in enumerate(severities):
        out.append(
            f'<rect class="{severity_class(index)}" x="{x:.1f}" y="6" width="10" height="10" '
            f'fill="{FALLBACK[min(index, len(FALLBACK) - 1)]}"/>'
        )
        out.append(f'<text x="{x + 14:.1f}" y="15" fill="currentColor">{_e(name)}</text>')
        x += _legend_step(name)
    out.append("</g>")
    return out


def _label_every(count: int, room: int = 12) -> int:
    return max(1, math.ceil(count / room))


def incidents_per_month(metrics: IncidentMetrics, chart_id: str = "ow-chart-months") -> Markup:
    """Stacked bars: incidents started in each month, one colour per severity."""
    months = metrics.months
    if not months:
        return Markup("")
    busiest = metrics.busiest
    assert busiest is not None
    desc = (
        f"Stacked bar chart of {metrics.total} incident{'s' if metrics.total != 1 else ''} "
        f"by the month they started, from {months[0].label} to {months[-1].label}, "
        f"split by severity ({', '.join(metrics.severities)}). The most in one month was "
        f"{busiest.total}, in {busiest.label}. The table that follows gives every number."
    )
    ticks, top = _ticks(max(m.total for m in months), integer=True)
    out = _svg_open(chart_id, "Incidents per month by severity", desc)
    out += _legend(metrics.severities)
    out += _y_axis(ticks, top, "incidents")
    band = (WIDTH - LEFT - RIGHT) / len(months)
    bar = max(1.0, band * 0.7)
    every = _label_every(len(months))
    out.append('<g class="ow-chart__bars">')
    for i, month in enumerate(months):
        x = LEFT + i * band + (band - bar) / 2
        base = 0
        for index, count in enumerate(month.counts):
            if not count:
                continue
            y1, y0 = _y(base + count, top), _y(base, top)
            out.append(
                f'<rect class="ow-chart__bar {severity_class(index)}" x="{x:.1f}" '
                f'y="{y1:.1f}" width="{bar:.1f}" height="{y0 - y1:.1f}" '
                f'fill="{FALLBACK[min(index, len(FALLBACK) - 1)]}" '
                f'data-month="{month.key}" data-severity="{_e(metrics.severities[index])}" '
                f'data-count="{count}"><title>{_e(month.label)}: {count} '
                f"{_e(metrics.severities[index])}</title></rect>"
            )
            base += count
        if i % every == 0:
            cx = LEFT + i * band + band / 2
            out.append(
                f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                f'fill="currentColor">{month.month.strftime("%b")}</text>'
            )
            if i == 0 or month.month.month <= every:
                out.append(
                    f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 30}" text-anchor="middle" '
                    f'fill="currentColor">{month.month.year}</text>'
                )
    out.append("</g>")
    out.append(_baseline())
    out.append("</svg>")
    return Markup("\n".join(out))


def _baseline() -> str:
    y = HEIGHT - BOTTOM
    return (
        f'<line class="ow-chart__baseline" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" '
        'stroke="currentColor" stroke-width="1"/>'
    )


def _time_range(points: Sequence[datetime]) -> tuple[datetime, datetime]:
    first, last = min(points), max(points)
    if last - first < timedelta(days=28):
        middle = first + (last - first) / 2
        first, last = middle - timedelta(days=14), middle + timedelta(days=14)
    return first, last


def time_to_resolve(metrics: IncidentMetrics, chart_id: str = "ow-chart-resolve") -> Markup:
    """Dots on a time line: when each resolved incident started, and how many hours it took."""
    points = metrics.resolve
    if not points:
        return Markup("")
    longest = max(points, key=lambda p: p.duration)
    median = metrics.median_resolve
    desc = (
        f"Dot chart of time to resolve in hours for {len(points)} resolved "
        f"incident{'s' if len(points) != 1 else ''}, placed by when each started, from "
        f"{points[0].started.strftime('%d %b %Y').lstrip('0')} to "
        f"{points[-1].started.strftime('%d %b %Y').lstrip('0')}. "
        + (f"Median time to resolve: {human_duration(median)}. " if median else "")
        + f"Longest: {human_duration(longest.duration)} ({longest.entry.title}). "
        "The table that follows gives every number."
    )
    ticks, top = _ticks(max(p.hours for p in points), integer=False)
    first, last = _time_range([p.started for p in points])
    span = (last - first).total_seconds()
    plot_w = WIDTH - LEFT - RIGHT - 16

    def x_of(moment: datetime) -> float:
        return LEFT + 8 + (moment - first).total_seconds() / span * plot_w

    out = _svg_open(chart_id, "Time to resolve each incident", desc)
    out += _legend(metrics.severities)
    out += _y_axis(ticks, top, "hours")
    out.append('<g class="ow-chart__months">')
    months = _month_ticks(first, last)
    every = _label_every(len(months))
    for i, month in enumerate(months):
        if i % every:
            continue
        moment = datetime(month.year, month.month, 1, tzinfo=first.tzinfo)
        x = x_of(moment)
        out.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'fill="currentColor">{month.strftime("%b")}</text>'
        )
        if i == 0 or month.month <= every:
            out.append(
                f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 30}" text-anchor="middle" '
                f'fill="currentColor">{month.year}</text>'
            )
    out.append("</g>")
    if median:
        y = _y(median.total_seconds() / 3600, top)
        out.append(
            f'<line class="ow-chart__median" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
            f'y2="{y:.1f}" stroke="currentColor" stroke-dasharray="4 3" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{WIDTH - RIGHT}" y="{y - 4:.1f}" text-anchor="end" fill="currentColor">'
            f"median {_e(human_duration(median))}</text>"
        )
    out.append('<g class="ow-chart__dots">')
    for point in points:
        index = metrics.severity_index(point.severity)
        out.append(
            f'<circle class="ow-chart__dot {severity_class(index)}" '
            f'cx="{x_of(point.started):.1f}" cy="{_y(point.hours, top):.1f}" r="5" '
            f'fill="{FALLBACK[min(index, len(FALLBACK) - 1)]}" '
            f'data-id="{_e(point.entry.id)}" data-hours="{point.hours:.2f}">'
            f"<title>{_e(point.entry.title)} ({_e(point.severity)}, "
            f"{point.started.strftime('%d %b %Y').lstrip('0')}): "
            f"{_e(human_duration(point.duration))}</title></circle>"
        )
    out.append("</g>")
    out.append(_baseline())
    out.append("</svg>")
    return Markup("\n".join(out))


def _month_ticks(first: datetime, last: datetime) -> list[date]:
    month = next_month(date(first.year, first.month, 1))
    if first.day == 1 and first.hour == 0 and first.minute == 0:
        month = date(first.year, first.month, 1)
    out = []
    while month <= last.date():
        out.append(month)
        month = next_month(month)
    return out
