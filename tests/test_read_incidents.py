"""Read stage, incidents: the severity scale, status, the order of times, actions and timeline."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.reading import INCIDENT, entry, ids, md, one_problem, read

RESOLVED = INCIDENT.replace("status: investigating", "status: resolved") + (
    "detected: 2026-11-03 09:15\nmitigated: 2026-11-03 11:30\nresolved: 2026-11-04 13:00\n"
)


def test_a_full_incident(tmp_path: Path) -> None:
    fm = RESOLVED + (
        "services: [Search, Address lookup]\n"
        "contributing_factors: The index job had no alert.\n"
        "actions:\n"
        "  - action: Alert when the index job fails\n"
        "    owner: Platform team\n"
        "    due: 2026-12-01\n"
        "    link: https://example.org/issues/12\n"
        "  - action: Write a runbook\n"
        "    status: done\n"
        "timeline:\n"
        "  - at: 2026-11-03 09:00\n    event: Searches start failing\n"
        "  - at: 2026-11-03T09:15:00Z\n    event: Alert fires\n"
    )
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    assert result.problems == []
    item = entry(result, "incidents/a")
    meta = item.incident
    assert meta is not None and item.experiment is None
    assert (meta.severity, meta.status, item.status) == ("SEV2", "resolved", "resolved")
    assert meta.services == ["Search", "Address lookup"]
    assert meta.contributing_factors == ["The index job had no alert."]  # one string is a list
    assert meta.impact == "Residents could not search the site."
    first, second = item.actions
    assert (first.action, first.owner, first.status) == (
        "Alert when the index job fails",
        "Platform team",
        "open",  # the default
    )
    assert first.due == date(2026, 12, 1)
    assert first.link == "https://example.org/issues/12"
    assert (second.status, second.owner, second.due) == ("done", None, None)
    assert [t.event for t in item.timeline] == ["Searches start failing", "Alert fires"]
    assert item.timeline[0].at == datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


def test_durations_are_measured_from_started(tmp_path: Path) -> None:
    result = read(tmp_path, {"incidents/a.md": md(RESOLVED)})
    assert entry(result, "incidents/a").durations() == {
        "detect": timedelta(minutes=15),
        "mitigate": timedelta(hours=2, minutes=30),
        "resolve": timedelta(days=1, hours=4),
    }


def test_durations_only_for_the_times_written(tmp_path: Path) -> None:
    result = read(tmp_path, {"incidents/a.md": md(INCIDENT + "detected: 2026-11-03 09:05\n")})
    assert entry(result, "incidents/a").durations() == {"detect": timedelta(minutes=5)}


def test_times_without_offset_are_in_the_site_timezone(tmp_path: Path) -> None:
    fm = (
        INCIDENT.replace("2026-11-03 09:00", "2026-07-03 09:00").replace(
            "date: 2026-11-03", "date: 2026-07-03"
        )
        + "detected: 2026-07-03T08:20:00Z\nmitigated: '2026-07-03T11:00:00+02:00'\n"
    )
    result = read(tmp_path, {"incidents/a.md": md(fm)}, timezone="Europe/London")
    meta = entry(result, "incidents/a").incident
    assert meta is not None
    assert meta.started.isoformat() == "2026-07-03T09:00:00+01:00"
    assert meta.detected is not None and meta.detected.isoformat() == "2026-07-03T08:20:00+00:00"
    assert meta.mitigated is not None and meta.mitigated.utcoffset() == timedelta(hours=2)
    # 09:00 BST is 08:00 UTC: detected 20 minutes later, mitigated at 09:00 UTC an hour later.
    durations = entry(result, "incidents/a").durations()
    assert (durations["detect"], durations["mitigate"]) == (
        timedelta(minutes=20),
        timedelta(hours=1),
    )
    assert result.problems == []


# --- severity ----------------------------------------------------------------------------


@pytest.mark.parametrize("severity", ["SEV1", "SEV2", "SEV3", "SEV4"])
def test_the_default_severity_scale(tmp_path: Path, severity: str) -> None:
    fm = INCIDENT.replace("severity: SEV2", f"severity: {severity}")
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    assert entry(result, "incidents/a").incident.severity == severity  # type: ignore[union-attr]


def test_severity_outside_the_scale_is_an_error_as_spec_md_shows(tmp_path: Path) -> None:
    fm = "title: Database outage\ndate: 2026-03-10\nseverity: SEV9\nstatus: investigating\n"
    fm += "started: 2026-03-10 08:00\nimpact: Nobody could pay.\n"
    result = read(tmp_path, {"incidents/2026-03-db.md": md(fm)})
    assert [str(p) for p in result.problems] == [
        "incidents/2026-03-db.md:4: error: severity 'SEV9' is not one of SEV1, SEV2, SEV3, SEV4"
    ]
    assert ids(result) == set()


@pytest.mark.parametrize(("written", "meant"), [("SEV 2", "SEV2"), ("SVE2", "SEV2"), ("2", "SEV2")])
def test_a_misspelt_severity_gets_a_suggestion(tmp_path: Path, written: str, meant: str) -> None:
    fm = INCIDENT.replace("severity: SEV2", f"severity: {written}")
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    problem = one_problem(result, "incidents/a.md")
    assert (problem.line, problem.level) == (4, "error")
    assert problem.message == (
        f"severity '{written}' is not one of SEV1, SEV2, SEV3, SEV4 (did you mean '{meant}'?)"
    )


def test_severity_in_another_case_is_read(tmp_path: Path) -> None:
    fm = INCIDENT.replace("severity: SEV2", "severity: sev2")
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    assert entry(result, "incidents/a").incident.severity == "SEV2"  # type: ignore[union-attr]
    assert result.problems == []


def test_a_custom_severity_scale(tmp_path: Path) -> None:
    files = {
        "incidents/a.md": md(INCIDENT.replace("severity: SEV2", "severity: P1")),
        "incidents/b.md": md(INCIDENT.replace("severity: SEV2", "severity: major")),
        "incidents/c.md": md(INCIDENT),
    }
    result = read(tmp_path, files, severities=["Critical", "Major", "Minor"])
    assert entry(result, "incidents/b").incident.severity == "Major"  # type: ignore[union-attr]
    assert ids(result) == {"incidents/b"}
    for path, value in (("incidents/a.md", "P1"), ("incidents/c.md", "SEV2")):
        problem = one_problem(result, path)
        assert problem.message == f"severity '{value}' is not one of Critical, Major, Minor"


def test_a_number_as_severity_is_read_as_text(tmp_path: Path) -> None:
    fm = INCIDENT.replace("severity: SEV2", "severity: 2")
    result = read(tmp_path, {"incidents/a.md": md(fm)}, severities=["1", "2", "3"])
    assert entry(result, "incidents/a").incident.severity == "2"  # type: ignore[union-attr]


# --- status ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["investigating", "identified", "monitoring", "resolved"])
def test_every_status(tmp_path: Path, status: str) -> None:
    fm = INCIDENT.replace("status: investigating", f"status: {status}")
    if status == "resolved":
        fm += "resolved: 2026-11-03 10:00\n"
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    assert entry(result, "incidents/a").status == status
    assert result.problems == []


def test_a_status_outside_the_set(tmp_path: Path) -> None:
    fm = INCIDENT.replace("status: investigating", "status: resolvd")
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    problem = one_problem(result, "incidents/a.md")
    assert (problem.line, problem.level) == (5, "error")
    assert problem.message == (
        "status 'resolvd' is not one of investigating, identified, monitoring, resolved "
        "(did you mean 'resolved'?)"
    )


def test_a_resolved_incident_needs_resolved(tmp_path: Path) -> None:
    fm = INCIDENT.replace("status: investigating", "status: resolved")
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    problem = one_problem(result, "incidents/a.md")
    assert (problem.line, problem.level) == (5, "error")
    assert problem.message == (
        "missing resolved: a resolved incident needs resolved: the date and time it was resolved"
    )
    assert ids(result) == set()


def test_an_open_incident_may_have_no_resolved(tmp_path: Path) -> None:
    result = read(tmp_path, {"incidents/a.md": md(INCIDENT)})
    assert entry(result, "incidents/a").incident.resolved is None  # type: ignore[union-attr]


# --- the order of times ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("times", "line", "says"),
    [
        (
            "detected: 2026-11-03 08:59",
            8,
            "detected 2026-11-03T08:59:00+00:00 is before started 2026-11-03T09:00:00+00:00",
        ),
        (
            "detected: 2026-11-03 09:30\nmitigated: 2026-11-03 09:20",
            9,
            "mitigated 2026-11-03T09:20:00+00:00 is before detected 2026-11-03T09:30:00+00:00",
        ),
        (
            "mitigated: 2026-11-03 10:00\nresolved: 2026-11-03 09:59",
            9,
            "resolved 2026-11-03T09:59:00+00:00 is before mitigated 2026-11-03T10:00:00+00:00",
        ),
        (
            # Without detected and mitigated, resolved is checked against started.
            "resolved: 2026-11-02 12:00",
            8,
            "resolved 2026-11-02T12:00:00+00:00 is before started 2026-11-03T09:00:00+00:00",
        ),
    ],
)
def test_impossible_order_of_times(tmp_path: Path, times: str, line: int, says: str) -> None:
    result = read(tmp_path, {"incidents/a.md": md(INCIDENT + times)})
    problem = one_problem(result, "incidents/a.md")
    assert (problem.line, problem.level) == (line, "error")
    assert problem.message == f"{says}: the order is started, detected, mitigated, resolved"
    assert ids(result) == set()


def test_equal_times_are_in_order(tmp_path: Path) -> None:
    fm = INCIDENT + (
        "detected: 2026-11-03 09:00\nmitigated: 2026-11-03 09:00\nresolved: 2026-11-03 09:00\n"
    )
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    assert result.problems == []


def test_order_is_compared_across_offsets(tmp_path: Path) -> None:
    # 09:30+01:00 is 08:30 UTC: before the 09:00 UTC start.
    result = read(tmp_path, {"incidents/a.md": md(INCIDENT + "detected: 2026-11-03T09:30+01:00")})
    problem = one_problem(result, "incidents/a.md")
    assert problem.message.startswith("detected 2026-11-03T09:30:00+01:00 is before started")


# --- required fields and types -----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "hint"),
    [
        ("title", "add a short title"),
        ("severity", "add the incident's severity"),
        ("status", "add the current status"),
        ("impact", "add who or what was affected"),
    ],
)
def test_required_fields(tmp_path: Path, field: str, hint: str) -> None:
    fm = "\n".join(row for row in INCIDENT.splitlines() if not row.startswith(f"{field}:"))
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    problem = one_problem(result, "incidents/a.md")
    assert (problem.line, problem.level) == (1, "error")
    assert problem.message.startswith(f"missing required field '{field}': {hint}")
    assert ids(result) == set()


@pytest.mark.parametrize(
    ("written", "line", "level", "says"),
    [
        ("started: soon", None, "error", "started: 'soon' is not a date and time"),
        ("services: {a: b}", 8, "error", "services should be a list, found a mapping of fields"),
        ("actions: fix it", 8, "error", "actions should be a list, found 'fix it'"),
        (
            "actions:\n  - action: Fix\n    status: dun",
            10,
            "error",
            "actions[1].status 'dun' is not one of open, done",
        ),
        (
            "actions:\n  - action: Fix\n    status: Done\n  - action: Test\n    status: opne",
            12,
            "error",
            "actions[2].status 'opne' is not one of open, done (did you mean 'open'?)",
        ),
        (
            "actions:\n  - action: Fix\n    due: 2026-11-31",
            10,
            "error",
            "actions[1].due: '2026-11-31' is not a real date",
        ),
        (
            "actions:\n  - owner: Ada",
            9,
            "error",
            "missing required field 'actions[1].action': add what will be done",
        ),
        (
            "actions:\n  - action: Fix\n    onwer: Ada",
            10,
            "warning",
            "unknown field 'onwer' (did you mean 'owner'?)",
        ),
        (
            "timeline:\n  - at: 2026-11-03 09:00\n  - at: 09:10\n    event: x",
            9,
            "error",
            "missing required field 'timeline[1].event': add what happened",
        ),
        (
            # YAML 1.1 would read 09:10 as the number 550; the message shows what was written.
            "timeline:\n  - at: 2026-11-03 09:00\n  - at: 09:10\n    event: x",
            10,
            "error",
            "timeline[2].at: '09:10' is not a date and time",
        ),
        (
            "timeline:\n  - at: at nine\n    event: x",
            9,
            "error",
            "timeline[1].at: 'at nine' is not a date and time",
        ),
    ],
)
def test_incident_field_types(
    tmp_path: Path, written: str, line: int | None, level: str, says: str
) -> None:
    base = (
        INCIDENT.replace("started: 2026-11-03 09:00\n", "") if "started:" in written else INCIDENT
    )
    result = read(tmp_path, {"incidents/a.md": md(base + written)})
    found = [p for p in result.problems if p.message.startswith(says)]
    assert len(found) == 1, [str(p) for p in result.problems]
    assert found[0].level == level
    if line is not None:
        assert found[0].line == line
