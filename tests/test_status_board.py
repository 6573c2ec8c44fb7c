"""The status board's figures against hand-worked examples: midnight, DST, overlaps, now."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openwork.content.services import Service, load_services, undeclared_services
from openwork.index.status import availability, build_status, outage, percent

from tests.builder import write_tree
from tests.test_incident_metrics import SEVERITIES, incident

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
# Friday 20 November 2026, noon in London (GMT, so also noon UTC).
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=LONDON)
# From midnight on 22 October (BST, so 21 October 23:00 UTC) to now: 29 days 13 hours,
# one of which is the extra hour of 25 October when the clocks went back.
HOURS_30 = 29 * 24 + 13  # 709
# From midnight on 23 August (BST) to now: 90 days less 11 hours.
HOURS_90 = 90 * 24 - 11  # 2149


def board(*entries, declared=()):
    return build_status(list(entries), list(declared), SEVERITIES, NOW, LONDON)


def row(b, key):
    return next(s for s in b.services if s.service.key == key)


def test_an_incident_across_midnight_colours_both_days_and_counts_two_hours() -> None:
    late = incident(
        "late", "SEV2", "2026-11-10T23:30:00", "2026-11-11T01:30:00", services=["Portal"]
    )
    portal = row(board(late), "portal")
    bad = {d.day: d.severity for d in portal.days if d.severity}
    assert bad == {date(2026, 11, 10): "SEV2", date(2026, 11, 11): "SEV2"}
    assert portal.availability[30] == pytest.approx(100 * (HOURS_30 - 2) / HOURS_30)
    assert portal.availability[90] == pytest.approx(100 * (HOURS_90 - 2) / HOURS_90)
    assert percent(portal.availability[30]) == "99.71%"  # 707 / 709 = 99.7179..., rounded down


def test_days_follow_the_site_timezone_across_the_clocks_going_back() -> None:
    # 00:30 BST on Sunday 25 October is 23:30 UTC on the 24th; it ends at 01:30 GMT, two
    # real hours later. The whole incident is on the 25th in London.
    dst = incident(
        "dst", "SEV1", "2026-10-25T00:30:00+01:00", "2026-10-25T01:30:00+00:00", services=["Portal"]
    )
    portal = row(board(dst), "portal")
    assert [d.day for d in portal.days if d.severity] == [date(2026, 10, 25)]
    assert dst.durations()["resolve"].total_seconds() == 2 * 3600
    assert portal.availability[30] == pytest.approx(100 * (HOURS_30 - 2) / HOURS_30)
    # In UTC days the same incident touches the 24th and the 25th.
    in_utc = build_status([dst], [], SEVERITIES, NOW, UTC)
    assert [d.day for d in in_utc.services[0].days if d.severity] == [
        date(2026, 10, 24),
        date(2026, 10, 25),
    ]


def test_overlapping_incidents_count_once_and_the_day_takes_the_worst() -> None:
    a = incident("a", "SEV3", "2026-11-18T10:00:00", "2026-11-18T12:00:00", services=["Portal"])
    b = incident("b", "SEV1", "2026-11-18T11:00:00", "2026-11-18T13:00:00", services=["portal"])
    portal = row(board(a, b), "portal")
    assert portal.availability[30] == pytest.approx(100 * (HOURS_30 - 3) / HOURS_30)
    day = next(d for d in portal.days if d.severity)
    assert (day.day, day.severity, [e.id for e in day.incidents]) == (
        date(2026, 11, 18),
        "SEV1",
        ["incidents/a", "incidents/b"],
    )
    assert portal.state == "operational"


def test_an_open_incident_runs_to_the_builds_now_unless_mitigated() -> None:
    running = incident("run", "SEV2", "2026-11-20T09:00:00", services=["Portal"])
    portal = row(board(running), "portal")
    assert portal.state == "SEV2" and portal.open_incidents == (running,)
    assert portal.availability[30] == pytest.approx(100 * (HOURS_30 - 3) / HOURS_30)
    assert portal.days[-1].day == date(2026, 11, 20) and portal.days[-1].severity == "SEV2"
    mitigated = incident(
        "mit", "SEV2", "2026-11-20T09:00:00", mitigated="2026-11-20T10:00:00", services=["Portal"]
    )
    portal = row(board(mitigated), "portal")
    assert portal.state == "SEV2", "mitigated is not resolved: the state stays"
    assert portal.availability[30] == pytest.approx(100 * (HOURS_30 - 1) / HOURS_30)


def test_the_worst_open_incident_sets_the_state_and_leads_the_banner() -> None:
    minor = incident("minor", "SEV4", "2026-11-19T09:00:00", services=["Portal"])
    major = incident("major", "SEV2", "2026-11-18T09:00:00", services=["Portal"])
    done = incident("done", "SEV1", "2026-11-17T09:00:00", "2026-11-17T10:00:00")
    b = board(minor, major, done)
    assert [e.id for e in b.open_incidents] == ["incidents/major", "incidents/minor"]
    assert row(b, "portal").state == "SEV2"
    assert not b.all_operational
    assert board(done).all_operational


def test_incidents_without_a_start_time_are_left_out() -> None:
    entry = incident("x", "SEV1", "2026-11-19T09:00:00", services=["Portal"])
    meta = entry.meta.model_copy(update={"started": None})
    unknown = dataclasses.replace(entry, meta=meta)
    assert outage(unknown, SEVERITIES, NOW) is None
    portal = row(board(unknown), "portal")
    assert portal.availability[90] == 100.0 and not any(d.severity for d in portal.days)


def test_no_window_time_left_is_full_availability() -> None:
    at_midnight = datetime(2026, 11, 20, tzinfo=LONDON)
    assert availability([], 1, at_midnight, LONDON) == 100.0
    assert percent(100.0) == "100%" and percent(99.999) == "99.99%"


def test_declared_services_come_first_in_their_order_then_the_rest_a_to_z() -> None:
    declared = [
        Service("council-tax", "Council tax portal", "Pay online", 0, True),
        Service("parking", "Parking permits", None, 1, True),
    ]
    a = incident("a", "SEV3", "2026-11-18T10:00:00", services=["council-tax", "Zebra crossings"])
    b = incident("b", "SEV3", "2026-11-18T10:00:00", services=["Council Tax Portal", "Alpha"])
    b_ = board(a, b, declared=declared)
    assert [s.service.name for s in b_.services] == [
        "Council tax portal",
        "Parking permits",
        "Alpha",
        "Zebra crossings",
    ]
    assert len(row(b_, "council-tax").open_incidents) == 2
    assert row(b_, "parking").state == "operational"


def test_services_yml_problems_name_the_line(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "services.yml": """
            portal:
              name: Council tax portal
              descripton: Pay online
            search: Search
            portal-: {name: Again}
            broken: [1, 2]
            listed: {name: Listed, description: [a, b]}
            """
        },
    )
    services, problems = load_services(tmp_path)
    assert [(s.key, s.name) for s in services] == [
        ("portal", "Council tax portal"),
        ("search", "Search"),
        ("listed", "Listed"),
    ]
    lines = [str(p) for p in problems]
    assert any(
        line.startswith("services.yml:3: warning:") and "did you mean 'description'" in line
        for line in lines
    ), lines
    assert any(
        line.startswith("services.yml:5: error:") and "declared twice" in line for line in lines
    )
    assert any(line.startswith("services.yml:6: error:") for line in lines)
    assert "services.yml:7: error: service 'listed': description should be text" in " ".join(lines)
    wrong = incident("w", "SEV3", "2026-11-18T10:00:00", services=["Serach"])
    (warning,) = undeclared_services([wrong], services)
    assert warning.path == "incidents/w.md" and "did you mean 'Search'" in warning.message


def test_a_broken_services_yml_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "services.yml").write_text("portal: [unclosed\n", encoding="utf-8")
    services, problems = load_services(tmp_path)
    assert services == [] and problems[0].level == "error"
    (tmp_path / "services.yml").write_bytes(b"portal: \xff\n")
    assert "UTF-8" in load_services(tmp_path)[1][0].message


def test_openwork_check_reports_services_yml(tmp_path: Path, capsys) -> None:
    from openwork.cli import main

    write_tree(
        tmp_path,
        {
            "mkdocs.yml": "site_name: T\nplugins:\n  - openwork\n",
            "services.yml": "search:\n  nmae: Search\n",
        },
    )
    assert main(["check", "--strict", "-f", str(tmp_path / "mkdocs.yml")]) == 1
    assert "services.yml:2: warning: service 'search' has an unknown field 'nmae'" in (
        capsys.readouterr().out
    )


def test_the_day_the_clocks_go_forward_is_23_hours_and_counts_as_such() -> None:
    from openwork.index.status import day_bounds

    start, end = day_bounds(date(2026, 3, 29), LONDON)
    assert (end - start).total_seconds() == 23 * 3600
    # Noon on Tuesday 31 March (BST): the 3-day window from midnight on Sunday 29 March
    # (GMT) is 23 + 24 + 12 = 59 hours.
    now = datetime(2026, 3, 31, 12, 0, tzinfo=LONDON)
    hour = incident("h", "SEV4", "2026-03-29T00:30:00", "2026-03-29T03:30:00", services=["P"])
    window = [outage(hour, SEVERITIES, now)]
    # 00:30 GMT to 03:30 BST is two real hours (01:00 GMT became 02:00 BST).
    assert availability(window, 3, now, LONDON) == pytest.approx(100 * 57 / 59)
