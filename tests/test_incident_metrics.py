"""Incident durations, the numbers behind /incidents/, and the charts that show them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openwork.content import Entry, read_content
from openwork.content.dates import human_duration
from openwork.content.schemas import IncidentMeta
from openwork.index.metrics import incident_metrics, median, monthly_counts, resolve_series
from openwork.options import Options
from openwork.render.charts import nice_step

from tests.builder import Built, mkdocs_build, write_tree

SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"]
LONDON = ZoneInfo("Europe/London")
SVG = "{http://www.w3.org/2000/svg}"


def incident(slug: str, severity: str, started: str, resolved: str | None = None, **more: Any):
    """An incident Entry built in memory, as the read stage would make it."""
    data = {
        "title": more.pop("title", slug),
        "severity": severity,
        "status": "resolved" if resolved else "investigating",
        "started": started,
        "date": more.pop("date", started),
        "impact": "Something broke.",
        **({"resolved": resolved} if resolved else {}),
        **more,
    }
    meta = IncidentMeta.model_validate(data, context={"zone": LONDON})
    return Entry(
        kind="incident",
        collection="incidents",
        id=f"incidents/{slug}",
        slug=slug,
        path=f"incidents/{slug}.md",
        title=meta.title,
        date=meta.started,
        updated=None,
        authors=(),
        team=None,
        tags=(),
        summary=None,
        excerpt="",
        body="",
        body_line=1,
        draft=False,
        publish_after=None,
        related=(),
        amendments=(),
        meta=meta,
    )


# Durations ---------------------------------------------------------------------------------


def test_duration_across_midnight_and_offsets() -> None:
    entry = incident("x", "SEV2", "2026-03-01T23:30:00+01:00", "2026-03-02T00:15:00+00:00")
    assert entry.durations()["resolve"] == timedelta(hours=1, minutes=45)
    assert human_duration(entry.durations()["resolve"]) == "1 h 45 min"


def test_durations_for_detect_mitigate_resolve() -> None:
    entry = incident(
        "x",
        "SEV1",
        "2026-01-10 09:00",
        "2026-01-13 13:00",
        detected="2026-01-10 09:15",
        mitigated="2026-01-10 11:30",
    )
    shown = {k: human_duration(v) for k, v in entry.durations().items()}
    assert shown == {"detect": "15 min", "mitigate": "2 h 30 min", "resolve": "3 d 4 h"}


def test_datetime_without_offset_uses_site_timezone_across_dst() -> None:
    # 29 March 2026: London moves from GMT to BST at 01:00, so 00:30 -> 03:30 is 2 hours.
    entry = incident("x", "SEV3", "2026-03-29 00:30", "2026-03-29 03:30")
    assert entry.durations()["resolve"] == timedelta(hours=2)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=30), "under 1 min"),
        (timedelta(minutes=15), "15 min"),
        (timedelta(hours=2), "2 h"),
        (timedelta(hours=2, minutes=30), "2 h 30 min"),
        (timedelta(days=3), "3 d"),
        (timedelta(days=3, hours=4, minutes=59), "3 d 4 h"),
    ],
)
def test_human_duration(delta: timedelta, text: str) -> None:
    assert human_duration(delta) == text


# Date order in the read stage ---------------------------------------------------------------

ORDER = """\
---
title: Order
date: 2026-02-01
severity: SEV2
status: resolved
started: 2026-02-01T10:00:00Z
detected: 2026-02-01T09:50:00Z
mitigated: 2026-02-01T10:30:00Z
resolved: 2026-02-01T10:20:00Z
impact: Slow.
---
Text.
"""


def test_date_order_errors_name_the_field_line(tmp_path: Path) -> None:
    write_tree(tmp_path, {"incidents/order.md": ORDER})
    result = read_content(tmp_path, Options())
    assert result.entries == []  # errors skip the entry
    errors = [str(p) for p in result.errors]
    assert errors == [
        "incidents/order.md:7: error: detected 2026-02-01T09:50:00+00:00 is before started "
        "2026-02-01T10:00:00+00:00: the order is started, detected, mitigated, resolved",
        "incidents/order.md:9: error: resolved 2026-02-01T10:20:00+00:00 is before mitigated "
        "2026-02-01T10:30:00+00:00: the order is started, detected, mitigated, resolved",
    ]


def test_offsets_are_compared_as_instants_not_as_text(tmp_path: Path) -> None:
    # 00:15 UTC is after 23:30 at UTC+01:00 the evening before: no order error.
    text = ORDER.replace("detected: 2026-02-01T09:50:00Z\n", "").replace(
        "mitigated: 2026-02-01T10:30:00Z\n", ""
    )
    text = text.replace("started: 2026-02-01T10:00:00Z", "started: 2026-02-01T23:30:00+01:00")
    text = text.replace("resolved: 2026-02-01T10:20:00Z", "resolved: 2026-02-02T00:15:00+00:00")
    write_tree(tmp_path, {"incidents/order.md": text})
    result = read_content(tmp_path, Options())
    assert result.errors == []
    assert result.entries[0].durations()["resolve"] == timedelta(hours=1, minutes=45)


# Metrics from in-memory entries -------------------------------------------------------------


def test_monthly_counts_include_empty_months_and_split_by_severity() -> None:
    entries = [
        incident("a", "SEV1", "2026-01-05 10:00"),
        incident("b", "SEV3", "2026-01-20 10:00"),
        incident("c", "SEV3", "2026-01-21 10:00"),
        incident("d", "SEV2", "2026-04-02 10:00"),
    ]
    months = monthly_counts(entries, SEVERITIES, LONDON)
    assert [(m.key, m.counts) for m in months] == [
        ("2026-01", (1, 0, 2, 0)),
        ("2026-02", (0, 0, 0, 0)),
        ("2026-03", (0, 0, 0, 0)),
        ("2026-04", (0, 1, 0, 0)),
    ]
    assert [m.total for m in months] == [3, 0, 0, 1]
    assert months[0].label == "Jan 2026"


def test_months_are_counted_in_the_site_timezone() -> None:
    # 23:30 UTC on 31 March is 00:30 on 1 April in London (BST).
    entries = [incident("a", "SEV1", "2026-03-31T23:30:00+00:00")]
    assert [m.key for m in monthly_counts(entries, SEVERITIES, LONDON)] == ["2026-04"]
    assert [m.key for m in monthly_counts(entries, SEVERITIES, UTC)] == ["2026-03"]


def test_months_across_a_year_end() -> None:
    entries = [incident("a", "SEV1", "2025-11-30 10:00"), incident("b", "SEV4", "2026-02-01 10:00")]
    keys = [m.key for m in monthly_counts(entries, SEVERITIES, LONDON)]
    assert keys == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_resolve_series_and_medians() -> None:
    entries = [
        incident("late", "SEV2", "2026-03-01 10:00", "2026-03-01 14:00"),  # 4 h
        incident("early", "SEV1", "2026-01-01 10:00", "2026-01-01 11:00"),  # 1 h
        incident("open", "SEV3", "2026-02-01 10:00"),
        incident(
            "mid", "SEV3", "2026-02-10 10:00", "2026-02-10 12:00", detected="2026-02-10 10:20"
        ),  # 2 h
    ]
    points = resolve_series(entries, LONDON)
    assert [(p.entry.slug, p.hours) for p in points] == [
        ("early", 1.0),
        ("mid", 2.0),
        ("late", 4.0),
    ]
    metrics = incident_metrics(entries, SEVERITIES, LONDON)
    assert metrics.total == 4
    assert metrics.unresolved == 1
    assert metrics.median_resolve == timedelta(hours=2)
    assert metrics.median_detect == timedelta(minutes=20)
    assert metrics.median_mitigate is None
    assert metrics.busiest is not None and metrics.busiest.key == "2026-02"


def test_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    assert median([timedelta(hours=1), timedelta(hours=4)]) == timedelta(hours=2, minutes=30)
    assert median([]) is None


def test_no_incidents_no_months() -> None:
    metrics = incident_metrics([], SEVERITIES, LONDON)
    assert metrics.months == () and metrics.resolve == () and metrics.total == 0


@pytest.mark.parametrize(
    ("maximum", "step"), [(3, 1), (7, 2), (10, 2), (52.5, 20), (0.4, 0.1), (1200, 250)]
)
def test_nice_steps(maximum: float, step: float) -> None:
    assert nice_step(maximum) == pytest.approx(step)


# The built /incidents/ page -----------------------------------------------------------------

SITE = """
site_name: Metrics
site_url: https://metrics.example/
theme:
  name: material
plugins:
  - search
  - openwork:
      timezone: Europe/London
"""


def _incident_file(title: str, severity: str, started: str, resolved: str | None, extra: str = ""):
    status = "resolved" if resolved else "monitoring"
    return (
        f"---\ntitle: {title}\ndate: {started[:10]}\nseverity: {severity}\nstatus: {status}\n"
        f"started: {started}\n"
        + (f"resolved: {resolved}\n" if resolved else "")
        + "impact: Some.\n"
        f"{extra}---\nWhat happened.\n"
    )


ACTIONS = """\
actions:
  - action: Add an alarm for replica lag
    owner: mei
    due: 2020-01-31
  - action: Write the failover runbook
    status: done
    due: 2020-01-01
  - action: Review <b>DNS</b> TTLs
    due: 2999-12-31
    link: https://tickets.example/42
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = write_tree(
        tmp_path_factory.mktemp("metrics"),
        {
            "mkdocs.yml": SITE,
            "docs/index.md": "# Home\n",
            "authors.yml": "mei:\n  name: Mei Chen\n",
            "incidents/db.md": _incident_file(
                "Database failover",
                "SEV1",
                "2026-01-09T23:30:00+01:00",
                "2026-01-10T00:15:00+00:00",
                ACTIONS,
            ),
            "incidents/dns.md": _incident_file(
                "DNS <script>alert(1)</script>", "SEV3", "2026-03-04 10:00", "2026-03-06 14:30"
            ),
            "incidents/cdn.md": _incident_file("CDN", "SEV3", "2026-03-20 10:00", None),
            "incidents/login.md": _incident_file(
                "Login", "SEV2", "2026-03-31T23:30:00+00:00", "2026-04-01T02:00:00+01:00"
            ),
        },
    )
    return mkdocs_build(root / "mkdocs.yml", root / "site")


def _svg(page: str, chart_id: str) -> ET.Element:
    match = re.search(rf'<svg class="ow-chart__svg" id="{chart_id}".*?</svg>', page, re.DOTALL)
    assert match, f"no chart {chart_id}"
    return ET.fromstring(match.group(0))


def _rows(page: str, table_id: str) -> list[list[str]]:
    match = re.search(rf'<div [^>]*id="{table_id}"><table>(.*?)</table>', page, re.DOTALL)
    assert match
    body = match.group(1).split("<tbody>")[1]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.DOTALL)
    return [
        [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)]
        for r in rows
    ]


def test_month_chart_matches_the_content(built: Built) -> None:
    page = built.page("incidents/")
    svg = _svg(page, "ow-chart-months")
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Incidents per month by severity"
    desc = svg.find(f"{SVG}desc").text
    assert "4 incidents" in desc and "Jan 2026 to Apr 2026" in desc
    bars = {
        (r.get("data-month"), r.get("data-severity")): int(r.get("data-count"))
        for r in svg.iter(f"{SVG}rect")
        if r.get("data-month")
    }
    # The login incident started 23:30 UTC on 31 March: 1 April in London.
    assert bars == {("2026-01", "SEV1"): 1, ("2026-03", "SEV3"): 2, ("2026-04", "SEV2"): 1}
    legend = [t.text for t in svg.find(f"{SVG}g[@class='ow-chart__legend']").iter(f"{SVG}text")]
    assert legend == SEVERITIES
    assert _rows(page, "ow-chart-months-data") == [
        ["Jan 2026", "1", "0", "0", "0", "1"],
        ["Feb 2026", "0", "0", "0", "0", "0"],
        ["Mar 2026", "0", "0", "2", "0", "2"],
        ["Apr 2026", "0", "1", "0", "0", "1"],
    ]


def test_resolve_chart_matches_the_content(built: Built) -> None:
    page = built.page("incidents/")
    svg = _svg(page, "ow-chart-resolve")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "ow-chart-resolve-title ow-chart-resolve-desc"
    dots = {c.get("data-id"): float(c.get("data-hours")) for c in svg.iter(f"{SVG}circle")}
    assert dots == {"incidents/db": 1.75, "incidents/dns": 52.5, "incidents/login": 1.5}
    assert "Median time to resolve: 1 h 45 min" in svg.find(f"{SVG}desc").text
    titles = [c.find(f"{SVG}title").text for c in svg.iter(f"{SVG}circle")]
    assert "DNS <script>alert(1)</script> (SEV3, 4 Mar 2026): 2 d 4 h" in titles  # as text
    assert "<script>alert(1)" not in page
    rows = _rows(page, "ow-chart-resolve-data")
    assert [(r[1], r[3], r[4]) for r in rows] == [
        ("Database failover", "1 h 45 min", "1.8"),
        ("DNS &lt;script&gt;alert(1)&lt;/script&gt;", "2 d 4 h", "52.5"),
        ("Login", "1 h 30 min", "1.5"),
    ]


def test_summary_numbers(built: Built) -> None:
    page = built.page("incidents/")
    numbers = dict(re.findall(r'<dd data-measure="([a-z-]+)">([^<]*)</dd>', page))
    assert numbers == {
        "incidents": "4",
        "unresolved": "1",
        "median-time-to-detect": "–",
        "median-time-to-resolve": "1 h 45 min",
    }


def test_incidents_table_lists_severity_status_and_time_to_resolve(built: Built) -> None:
    page = built.page("incidents/")
    table = re.search(
        r'<div class="ow-incidents ow-table"[^>]*><table>(.*?)</table>', page, re.DOTALL
    ).group(1)
    rows = re.findall(r'<tr data-id="([^"]+)">(.*?)</tr>', table, re.DOTALL)
    ids = [i for i, _ in rows]
    assert ids == ["incidents/login", "incidents/cdn", "incidents/dns", "incidents/db"]
    cells = {i: re.sub(r"<[^>]+>", " ", r) for i, r in rows}
    assert "SEV2" in cells["incidents/login"] and "1 h 30 min" in cells["incidents/login"]
    assert "monitoring" in cells["incidents/cdn"] and "not resolved" in cells["incidents/cdn"]


def test_open_actions_across_incidents_with_overdue_flag(built: Built) -> None:
    page = built.page("incidents/")
    table = re.search(
        r'<div class="ow-open-actions ow-table"[^>]*><table>(.*?)</table>', page, re.DOTALL
    ).group(1)
    rows = re.findall(r"<tr( class=\"ow-overdue\")?><td>(.*?)</tr>", table, re.DOTALL)
    assert len(rows) == 2  # the done action is not listed
    overdue, later = rows
    assert overdue[0] and "Add an alarm for replica lag" in overdue[1]
    assert "Mei Chen" in overdue[1] and "overdue" in overdue[1] and 'href="db/"' in overdue[1]
    assert not later[0] and "Review &lt;b&gt;DNS&lt;/b&gt; TTLs" in later[1]
    assert 'href="https://tickets.example/42"' in later[1]
    assert "Write the failover runbook" not in page
    assert "1 overdue" in page


def test_incident_page_shows_the_durations(built: Built) -> None:
    page = built.page("incidents/db/")
    assert 'data-measure="time-to-resolve">time to resolve: 1 h 45 min' in page


def test_no_charts_without_incidents(tiny: Path, tmp_path: Path) -> None:
    site = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "site")
    page = site.page("incidents/")
    assert "<svg" not in page.split('<article class="md-content__inner md-typeset">')[1]
    assert "Nothing published yet." in page
