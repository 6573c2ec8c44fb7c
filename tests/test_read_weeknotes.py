"""Read stage, weeknotes: derived title, date and ISO week, and who wrote them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.reading import EXPERIMENT, entry, ids, md, one_problem, read


def test_title_is_derived_from_team_and_week(tmp_path: Path) -> None:
    files = {
        "weeknotes/2026/2026-W47-platform.md": md("team: platform"),
        "weeknotes/2026/2026-W47-ds.md": md("team: data-science"),
        "weeknotes/2026/2026-W47-cap.md": md("team: GOV.UK Pay"),  # capitals kept as written
        "weeknotes/2026/2026-W47-ada.md": md("authors: [ada]"),
        "weeknotes/2026/2026-W02-own.md": md("team: platform\ntitle: Our own title"),
    }
    result = read(tmp_path, files)
    assert entry(result, "weeknotes/2026-W47-platform").title == "Platform team: week 47, 2026"
    assert entry(result, "weeknotes/2026-W47-ds").title == "Data science team: week 47, 2026"
    assert entry(result, "weeknotes/2026-W47-cap").title == "GOV.UK Pay team: week 47, 2026"
    assert entry(result, "weeknotes/2026-W47-ada").title == "Weeknote: week 47, 2026"
    assert entry(result, "weeknotes/2026-W02-own").title == "Our own title"
    assert result.problems == []


def test_date_from_the_file_names_week_is_its_friday(tmp_path: Path) -> None:
    result = read(tmp_path, {"weeknotes/2026-W47-platform.md": md("team: platform")})
    item = entry(result, "weeknotes/2026-W47-platform")
    assert item.week == "2026-W47"
    assert item.date == datetime(2026, 11, 20, tzinfo=UTC)  # Friday 20 November 2026
    assert item.date.weekday() == 4


@pytest.mark.parametrize("name", ["2026W47-platform.md", "platform-2026-w47.md", "2026-W47.md"])
def test_file_name_week_forms(tmp_path: Path, name: str) -> None:
    result = read(tmp_path, {f"weeknotes/{name}": md("team: platform")})
    (item,) = result.entries
    assert item.week == "2026-W47"


def test_date_from_week_field_is_its_friday_in_the_site_timezone(tmp_path: Path) -> None:
    files = {"weeknotes/notes.md": md("week: 2026-W27\nteam: platform")}
    result = read(tmp_path, files, timezone="Europe/London")
    item = entry(result, "weeknotes/notes")
    assert item.week == "2026-W27"
    assert item.date.isoformat() == "2026-07-03T00:00:00+01:00"


def test_week_field_beats_the_file_name(tmp_path: Path) -> None:
    result = read(tmp_path, {"weeknotes/2026-W01-x.md": md("week: 2026-W10\nteam: t")})
    assert entry(result, "weeknotes/2026-W01-x").week == "2026-W10"


def test_a_lower_case_week_is_read(tmp_path: Path) -> None:
    result = read(tmp_path, {"weeknotes/a.md": md("week: 2026-w05\nteam: t")})
    item = entry(result, "weeknotes/a")
    assert item.week == "2026-W05"
    assert item.title == "T team: week 5, 2026"


@pytest.mark.parametrize(
    ("day", "week"),
    [
        ("2026-11-16", "2026-W47"),  # Monday
        ("2026-11-22", "2026-W47"),  # Sunday
        ("2026-12-31", "2026-W53"),  # 2026 has 53 ISO weeks
        ("2027-01-01", "2026-W53"),  # New Year's Day 2027 is still in 2026's last week
        ("2027-01-03", "2026-W53"),
        ("2027-01-04", "2027-W01"),
        ("2024-12-30", "2025-W01"),  # and the other way: a December day in next year's week 1
        ("2021-01-03", "2020-W53"),
    ],
)
def test_week_is_derived_from_date_across_year_boundaries(
    tmp_path: Path, day: str, week: str
) -> None:
    result = read(tmp_path, {"weeknotes/a.md": md(f"date: {day}\nteam: platform")})
    item = entry(result, "weeknotes/a")
    assert item.week == week
    year, number = week.split("-W")
    assert item.title == f"Platform team: week {int(number)}, {year}"
    assert result.problems == []


def test_week_53_from_the_file_name_is_dated_in_the_next_year(tmp_path: Path) -> None:
    result = read(tmp_path, {"weeknotes/2026-W53-platform.md": md("team: platform")})
    item = entry(result, "weeknotes/2026-W53-platform")
    assert item.date == datetime(2027, 1, 1, tzinfo=UTC)
    assert item.title == "Platform team: week 53, 2026"


def test_a_date_keeps_its_time(tmp_path: Path) -> None:
    result = read(tmp_path, {"weeknotes/a.md": md("date: 2026-11-19 16:45\nteam: t")})
    item = entry(result, "weeknotes/a")
    assert item.date == datetime(2026, 11, 19, 16, 45, tzinfo=UTC)


def test_week_and_date_that_disagree_is_a_warning(tmp_path: Path) -> None:
    result = read(tmp_path, {"weeknotes/a.md": md("date: 2026-11-20\nweek: 2026-W40\nteam: t")})
    problem = one_problem(result, "weeknotes/a.md")
    assert (problem.line, problem.level) == (3, "warning")
    assert problem.message == "week 2026-W40 does not match date 2026-11-20 (which is in 2026-W47)"
    item = entry(result, "weeknotes/a")
    assert (item.week, item.date.date().isoformat()) == ("2026-W40", "2026-11-20")


def test_a_week_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    result = read(tmp_path, {"weeknotes/a.md": md("week: 2025-W53\nteam: t")})
    problem = one_problem(result, "weeknotes/a.md")
    assert (problem.line, problem.level) == (2, "error")
    assert problem.message == "week '2025-W53' is not a real ISO week: 2025 has 52 weeks"
    assert ids(result) == set()


@pytest.mark.parametrize("written", ["47", "2026-47", "W47", "week 47"])
def test_a_week_in_another_shape_is_an_error(tmp_path: Path, written: str) -> None:
    result = read(tmp_path, {"weeknotes/a.md": md(f"week: {written}\nteam: t")})
    problem = one_problem(result, "weeknotes/a.md")
    assert (problem.line, problem.level) == (2, "error")
    assert problem.message == (
        f"week '{written}' is not an ISO week: expected YYYY-Www, e.g. 2026-W47"
    )


def test_no_date_no_week_and_no_week_in_the_file_name_is_an_error(tmp_path: Path) -> None:
    result = read(tmp_path, {"weeknotes/notes.md": md("title: Notes\nteam: t")})
    problem = one_problem(result, "weeknotes/notes.md")
    assert (problem.line, problem.level) == (1, "error")
    assert problem.message.startswith("missing date: add date: YYYY-MM-DD or week: YYYY-Www")
    assert "2026-W47-platform.md" in problem.message
    assert ids(result) == set()


def test_a_weeknote_needs_authors_or_team(tmp_path: Path) -> None:
    files = {
        "weeknotes/2026-W47-none.md": md("title: Nobody's"),
        "weeknotes/2026-W47-team.md": md("team: platform"),
        "weeknotes/2026-W47-authors.md": md("authors: Ada Lovelace"),
    }
    result = read(tmp_path, files)
    problem = one_problem(result, "weeknotes/2026-W47-none.md")
    assert (problem.line, problem.level) == (1, "error")
    assert problem.message == (
        "a weeknote needs authors or team: add team: your-team (or authors: [your-id])"
    )
    assert ids(result) == {"weeknotes/2026-W47-team", "weeknotes/2026-W47-authors"}


def test_team_from_meta_yml_satisfies_the_rule(tmp_path: Path) -> None:
    files = {
        "weeknotes/platform/.meta.yml": "team: platform\n",
        "weeknotes/platform/2026-W47.md": "Just prose, no front matter at all.\n",
    }
    result = read(tmp_path, files)
    item = entry(result, "weeknotes/2026-W47")
    assert (item.team, item.title) == ("platform", "Platform team: week 47, 2026")
    assert item.body == "Just prose, no front matter at all.\n"
    assert result.problems == []


def test_other_kinds_have_no_week(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/2026-W47-a.md": md(EXPERIMENT)})
    assert entry(result, "experiments/2026-W47-a").week is None


def test_a_weeknote_dated_by_week_is_embargoed_until_its_friday(tmp_path: Path) -> None:
    # The derived date is the Friday; an explicit publish_after still decides visibility.
    files = {"weeknotes/2026-W48-a.md": md("team: t\npublish_after: 2026-11-27")}
    result = read(tmp_path, files)
    assert [e.id for e in result.hidden] == ["weeknotes/2026-W48-a"]
    later = read(tmp_path, {}, now=datetime(2026, 11, 27, tzinfo=UTC) + timedelta(seconds=1))
    assert [e.id for e in later.entries] == ["weeknotes/2026-W48-a"]
