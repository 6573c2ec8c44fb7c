"""Read stage, the fields every kind shares: SPEC.md's "Front matter" table, field by field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.reading import EXPERIMENT, INCIDENT, NOW, WEEKNOTE, entry, ids, md, one_problem, read

# --- title -------------------------------------------------------------------------------


def test_title_is_kept_as_written(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT)})
    assert entry(result, "experiments/a").title == "Shorter forms"
    assert result.problems == []


def test_a_number_as_title_is_read_as_text(tmp_path: Path) -> None:
    fm = EXPERIMENT.replace("title: Shorter forms", "title: 2026")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    assert entry(result, "experiments/a").title == "2026"


def test_a_list_as_title_is_a_type_error(tmp_path: Path) -> None:
    fm = EXPERIMENT.replace("title: Shorter forms", "title: [a, b]")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (2, "error")
    assert problem.message == "title should be text, found a list"
    assert ids(result) == set()


# --- date --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-11-02", datetime(2026, 11, 2, tzinfo=UTC)),
        ("'2026-11-02'", datetime(2026, 11, 2, tzinfo=UTC)),  # quoted dates are common
        ('"2026-11-02"', datetime(2026, 11, 2, tzinfo=UTC)),
        ("2026-11-02 14:30", datetime(2026, 11, 2, 14, 30, tzinfo=UTC)),
        ("2026-11-02T14:30:00", datetime(2026, 11, 2, 14, 30, tzinfo=UTC)),
        ("2026-11-02T14:30:00Z", datetime(2026, 11, 2, 14, 30, tzinfo=UTC)),
        ("'2026-11-02T14:30:00Z'", datetime(2026, 11, 2, 14, 30, tzinfo=UTC)),
        ("2026-11-02T14:30:00+05:30", datetime(2026, 11, 2, 9, 0, tzinfo=UTC)),
    ],
)
def test_date_forms_people_write(tmp_path: Path, written: str, expected: datetime) -> None:
    fm = EXPERIMENT.replace("date: 2026-11-02", f"date: {written}")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    when = entry(result, "experiments/a").date
    assert when.tzinfo is not None and when.utcoffset() is not None
    assert when == expected
    assert result.problems == []


def test_a_datetime_without_offset_is_in_the_site_timezone(tmp_path: Path) -> None:
    # Europe/London is on summer time (+01:00) in July and on GMT (+00:00) in December.
    files = {
        "experiments/summer.md": md(EXPERIMENT.replace("2026-11-02", "2026-07-01 10:00")),
        "experiments/winter.md": md(EXPERIMENT.replace("2026-11-02", "2026-12-01 10:00")),
        "experiments/day.md": md(EXPERIMENT.replace("2026-11-02", "2026-07-01")),
    }
    result = read(tmp_path, files, timezone="Europe/London")
    summer = entry(result, "experiments/summer").date
    assert summer.utcoffset() == timedelta(hours=1)
    assert summer.isoformat() == "2026-07-01T10:00:00+01:00"
    assert entry(result, "experiments/winter").date.utcoffset() == timedelta(0)
    day = entry(result, "experiments/day").date
    assert day.isoformat() == "2026-07-01T00:00:00+01:00"  # a date is midnight, local time


def test_a_datetime_with_an_offset_keeps_it(tmp_path: Path) -> None:
    fm = EXPERIMENT.replace("2026-11-02", "2026-07-01T10:00:00-04:00")
    result = read(tmp_path, {"experiments/a.md": md(fm)}, timezone="Europe/London")
    assert entry(result, "experiments/a").date.utcoffset() == timedelta(hours=-4)


def test_the_default_timezone_is_utc(tmp_path: Path) -> None:
    fm = EXPERIMENT.replace("2026-11-02", "2026-07-01 10:00")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    assert entry(result, "experiments/a").date.isoformat() == "2026-07-01T10:00:00+00:00"


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("2026-02-30", "date: '2026-02-30' is not a real date: check the month and day"),
        ("2026-13-01", "date: '2026-13-01' is not a real date"),
        ("next tuesday", "date: 'next tuesday' is not a date and time: expected a date like"),
        ("20/11/2026", "date: '20/11/2026' is not a date and time"),
        ("[2026, 11]", "date: a list is not a date and time"),
    ],
)
def test_a_date_that_cannot_be_read_is_an_error(tmp_path: Path, written: str, says: str) -> None:
    fm = EXPERIMENT.replace("date: 2026-11-02", f"date: {written}")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (3, "error")
    assert problem.message.startswith(says)
    assert ids(result) == set()


def test_date_is_required_for_experiments_and_incidents(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(EXPERIMENT.replace("date: 2026-11-02\n", "")),
        "incidents/b.md": md(INCIDENT.replace("date: 2026-11-03\n", "")),
    }
    result = read(tmp_path, files)
    for path in files:
        problem = one_problem(result, path)
        assert (problem.line, problem.level) == (1, "error")
        assert problem.message.startswith("missing required field 'date': add a date")
    assert ids(result) == set()


# --- updated -----------------------------------------------------------------------------


def test_updated_is_read_and_is_last_modified(tmp_path: Path) -> None:
    fm = EXPERIMENT + "updated: 2026-11-10 16:00\n"
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    item = entry(result, "experiments/a")
    assert item.updated == datetime(2026, 11, 10, 16, tzinfo=UTC)
    assert item.last_modified == item.updated


def test_without_updated_or_amendments_last_modified_is_date(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT)})
    item = entry(result, "experiments/a")
    assert item.updated is None
    assert item.last_modified == item.date


def test_updated_before_date_is_a_warning(tmp_path: Path) -> None:
    fm = EXPERIMENT + "updated: 2026-10-01\n"
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (6, "warning")
    assert problem.message == "updated is before date: check both dates"
    assert ids(result) == {"experiments/a"}  # a warning does not skip the entry


# --- authors, team -----------------------------------------------------------------------

AUTHORS_YML = """
ada:
  name: Ada Lovelace
  url: https://example.org/ada
  email: ada@example.org
grace: Grace Hopper
"""


def test_authors_are_ids_from_authors_yml_or_plain_names(tmp_path: Path) -> None:
    fm = EXPERIMENT + "authors: [ada, grace, Jane Doe, ada lovelace]\n"
    result = read(tmp_path, {"authors.yml": AUTHORS_YML, "experiments/a.md": md(fm)})
    authors = entry(result, "experiments/a").authors
    assert [a.name for a in authors] == ["Ada Lovelace", "Grace Hopper", "Jane Doe", "Ada Lovelace"]
    assert authors[0].id == "ada"
    assert authors[0].url == "https://example.org/ada"
    assert authors[0].email == "ada@example.org"
    assert authors[2].id == "jane-doe"
    assert authors[2].url is None
    assert authors[3] == authors[0]  # a name matching authors.yml is that author
    assert set(result.authors) == {"ada", "grace"}


def test_authors_also_accepts_a_single_string_or_number(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(EXPERIMENT + "authors: ada\n"),
        "experiments/b.md": md(EXPERIMENT + "authors: 42\n"),
    }
    result = read(tmp_path, {"authors.yml": AUTHORS_YML, **files})
    assert [a.name for a in entry(result, "experiments/a").authors] == ["Ada Lovelace"]
    assert [a.name for a in entry(result, "experiments/b").authors] == ["42"]


@pytest.mark.parametrize(
    ("written", "line", "says"),
    [
        ("authors: {ada: 1}", 6, "authors should be a list, found a mapping of fields"),
        ("authors: [ada, [x]]", 6, "authors[2] should be text, found a list"),
        ("authors:\n  - ada\n  - true", 8, "authors[2] should be text, found 'true'"),
    ],
)
def test_authors_of_the_wrong_type(tmp_path: Path, written: str, line: int, says: str) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT + written)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level, problem.message) == (line, "error", says)


def test_authors_yml_may_nest_under_authors(tmp_path: Path) -> None:
    files = {
        "authors.yml": "authors:\n  ada:\n    name: Ada Lovelace\n",
        "experiments/a.md": md(EXPERIMENT + "authors: [ada]\n"),
    }
    result = read(tmp_path, files)
    assert entry(result, "experiments/a").authors[0].name == "Ada Lovelace"


def test_a_bad_authors_yml_entry_is_reported_at_its_line(tmp_path: Path) -> None:
    files = {"authors.yml": "ada:\n  name: Ada\nbob: [1, 2]\n", "experiments/a.md": md(EXPERIMENT)}
    result = read(tmp_path, files)
    problem = one_problem(result, "authors.yml")
    assert (problem.line, problem.level) == (3, "error")
    assert "author 'bob' should be a mapping with a name" in problem.message
    assert set(result.authors) == {"ada"}
    assert ids(result) == {"experiments/a"}


def test_team_is_text(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(EXPERIMENT + "team: data-science\n"),
        "experiments/b.md": md(EXPERIMENT + "team: [a, b]\n"),
    }
    result = read(tmp_path, files)
    assert entry(result, "experiments/a").team == "data-science"
    assert entry(result, "experiments/a").team_slug == "data-science"
    problem = one_problem(result, "experiments/b.md")
    assert (problem.line, problem.message) == (6, "team should be text, found a list")


# --- tags --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "tags: [Open Data, kubernetes]",
        "tags: Open Data, kubernetes",  # one comma-separated string
        "tags: 'Open Data,kubernetes, '",
        "tags:\n  - '  Open   Data '\n  - Kubernetes",
    ],
)
def test_tags_forms(tmp_path: Path, written: str) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT + written)})
    tags = entry(result, "experiments/a").tags
    assert [t.name for t in tags] == ["open-data", "kubernetes"]
    assert tags[0].display == "Open Data"
    assert result.problems == []


def test_a_single_tag_and_duplicates_and_aliases(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(EXPERIMENT + "tags: accessibility\n"),
        "experiments/b.md": md(EXPERIMENT + "tags: [k8s, Kubernetes, kubernetes]\n"),
    }
    result = read(tmp_path, files, tags={"aliases": {"k8s": "kubernetes"}})
    assert [t.name for t in entry(result, "experiments/a").tags] == ["accessibility"]
    assert [t.name for t in entry(result, "experiments/b").tags] == ["kubernetes"]


def test_tags_as_a_mapping_is_an_error(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT + "tags: {a: b}\n")})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (6, "error")
    assert problem.message == "tags should be a list, found a mapping of fields"


# --- summary and excerpt -----------------------------------------------------------------


def test_summary_is_the_excerpt(tmp_path: Path) -> None:
    fm = EXPERIMENT + "summary: |\n  Two lines\n  of summary.\n"
    result = read(tmp_path, {"experiments/a.md": md(fm, "First paragraph.\n")})
    item = entry(result, "experiments/a")
    assert item.summary == "Two lines\nof summary.\n"
    assert item.excerpt == "Two lines of summary."


def test_without_summary_the_first_paragraph_is_the_excerpt(tmp_path: Path) -> None:
    body = "# Heading\n\n- a list\n\nThe **first** [paragraph](x.md)\nruns on.\n\nSecond.\n"
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT, body)})
    item = entry(result, "experiments/a")
    assert item.summary is None
    assert item.excerpt == "The first paragraph runs on."


# --- draft and publish_after -------------------------------------------------------------


def test_drafts_are_hidden(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(EXPERIMENT + "draft: true\n"),
        "experiments/b.md": md(EXPERIMENT + "draft: false\n"),
        "experiments/c.md": md(EXPERIMENT + "draft: yes\n"),  # YAML 1.1 true
    }
    result = read(tmp_path, files)
    assert {e.id for e in result.hidden} == {"experiments/a", "experiments/c"}
    assert [e.id for e in result.entries] == ["experiments/b"]
    assert entry(result, "experiments/a").draft is True


def test_draft_must_be_true_or_false(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT + "draft: maybe\n")})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.message) == (6, "draft should be true or false, found 'maybe'")


def test_publish_after_is_an_embargo_relative_to_now(tmp_path: Path) -> None:
    files = {
        "experiments/later.md": md(EXPERIMENT + "publish_after: 2026-11-20T12:00:01Z\n"),
        "experiments/now.md": md(EXPERIMENT + "publish_after: 2026-11-20T12:00:00Z\n"),
        "experiments/past.md": md(EXPERIMENT + "publish_after: 2026-11-19\n"),
        # 13:00 in Europe/London on 20 November is 13:00 UTC: still in the future.
        "experiments/local.md": md(EXPERIMENT + "publish_after: 2026-11-20 13:00\n"),
    }
    result = read(tmp_path, files, timezone="Europe/London")
    assert {e.id for e in result.hidden} == {"experiments/later", "experiments/local"}
    assert {e.id for e in result.entries} == {"experiments/now", "experiments/past"}
    later = entry(result, "experiments/later")
    assert later.publish_after == datetime(2026, 11, 20, 12, 0, 1, tzinfo=UTC)
    # The same files, read a day later: the embargo has lifted.
    again = read(tmp_path, {}, now=NOW + timedelta(days=1), timezone="Europe/London")
    assert len(again.entries) == 4 and again.hidden == []


# --- related, id, amendments, slug -------------------------------------------------------


def test_related_ids(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(EXPERIMENT + "related: incidents/b\n"),
        "incidents/b.md": md(INCIDENT + "related: [experiments/a]\n"),
    }
    result = read(tmp_path, files)
    assert entry(result, "experiments/a").related == ("incidents/b",)
    assert entry(result, "incidents/b").related == ("experiments/a",)
    assert result.problems == []


def test_default_id_is_collection_and_stem_and_can_be_set(tmp_path: Path) -> None:
    files = {
        "incidents/2026/2026-03-DB.md": md(INCIDENT),
        "incidents/b.md": md(INCIDENT + "id: urn:northfield:incident:7\n"),
    }
    result = read(tmp_path, files)
    assert ids(result) == {"incidents/2026-03-DB", "urn:northfield:incident:7"}
    assert entry(result, "incidents/2026-03-DB").path == "incidents/2026/2026-03-DB.md"


def test_amendments_are_sorted_and_the_newest_is_last_modified(tmp_path: Path) -> None:
    fm = EXPERIMENT + (
        "amendments:\n"
        "  - date: 2026-11-15\n    note: Corrected the sample size.\n"
        "  - date: 2026-11-05 09:30\n    note: Fixed a link.\n"
    )
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    item = entry(result, "experiments/a")
    assert [a.note for a in item.amendments] == ["Fixed a link.", "Corrected the sample size."]
    assert item.amendments[0].at == datetime(2026, 11, 5, 9, 30, tzinfo=UTC)
    assert item.last_modified == datetime(2026, 11, 15, tzinfo=UTC)


def test_updated_newer_than_every_amendment_is_last_modified(tmp_path: Path) -> None:
    fm = EXPERIMENT + "updated: 2026-11-18\namendments:\n  - {date: 2026-11-15, note: x}\n"
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    assert entry(result, "experiments/a").last_modified == datetime(2026, 11, 18, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "line", "says"),
    [
        ("amendments: Fixed a typo", 6, "amendments should be a list, found 'Fixed a typo'"),
        (
            "amendments:\n  - Fixed a typo",
            7,
            "amendments[1] should be a mapping of fields (field: value), found 'Fixed a typo'",
        ),
        (
            "amendments:\n  - date: 2026-11-15",
            7,
            "missing required field 'amendments[1].note': add what changed",
        ),
        (
            "amendments:\n  - note: x\n    date: soon",
            8,
            "amendments[1].date: 'soon' is not a date and time",
        ),
    ],
)
def test_bad_amendments(tmp_path: Path, written: str, line: int, says: str) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT + written)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (line, "error")
    assert problem.message.startswith(says)


def test_slug_defaults_to_the_lower_cased_stem_in_any_subfolder(tmp_path: Path) -> None:
    result = read(tmp_path, {"incidents/2026/03/2026-03-DB-Outage.md": md(INCIDENT)})
    item = entry(result, "incidents/2026-03-DB-Outage")
    assert item.slug == "2026-03-db-outage"
    assert item.url == "incidents/2026-03-db-outage/"
    assert item.src_uri == "incidents/2026-03-db-outage.md"


def test_a_custom_slug(tmp_path: Path) -> None:
    files = {
        "incidents/a.md": md(INCIDENT + "slug: search-outage\n"),
        "incidents/b.md": md(INCIDENT + "slug: Search Outage 2\n"),
    }
    result = read(tmp_path, files)
    assert entry(result, "incidents/a").url == "incidents/search-outage/"
    assert entry(result, "incidents/b").slug == "search-outage-2"
    problem = one_problem(result, "incidents/b.md")
    assert (problem.line, problem.level) == (8, "warning")
    assert problem.message == (
        "slug 'Search Outage 2' is not a URL segment: using 'search-outage-2' "
        "(lower case, words joined by '-')"
    )


def test_a_slug_cannot_escape_its_collection(tmp_path: Path) -> None:
    result = read(tmp_path, {"incidents/a.md": md(INCIDENT + "slug: ../../etc/passwd\n")})
    assert entry(result, "incidents/a").url == "incidents/etc-passwd/"


def test_collection_urls_are_configurable(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        {"postmortems/a.md": md(INCIDENT)},
        collections={"incident": {"folder": "postmortems", "url": "incident-reports"}},
    )
    item = entry(result, "postmortems/a")  # the id follows the folder, so a new URL keeps it
    assert (item.kind, item.url) == ("incident", "incident-reports/a/")


# --- extra fields and misspellings -------------------------------------------------------


def test_unknown_fields_are_kept_in_extra(tmp_path: Path) -> None:
    fm = EXPERIMENT + "layout: wide\ncomments: false\ncover:\n  image: a.png\n"
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    item = entry(result, "experiments/a")
    assert item.extra == {"layout": "wide", "comments": False, "cover": {"image": "a.png"}}
    assert result.problems == []


@pytest.mark.parametrize(
    ("written", "meant"),
    [("sumary", "summary"), ("tag", "tags"), ("tema", "team"), ("relatd", "related")],
)
def test_a_misspelt_optional_field_is_a_warning_with_the_suggestion(
    tmp_path: Path, written: str, meant: str
) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT + f"{written}: x\n")})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (6, "warning")
    assert problem.message == f"unknown field '{written}' (did you mean '{meant}'?)"
    assert entry(result, "experiments/a").extra == {written: "x"}


def test_a_near_miss_whose_field_is_also_written_is_an_extra_field(tmp_path: Path) -> None:
    # 'tag' next to 'tags' is another tool's field, not a slip ('author' is an alias: #15).
    fm = EXPERIMENT + "tags: [ada]\ntag: Ada\n"
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    assert result.problems == []
    assert entry(result, "experiments/a").extra == {"tag": "Ada"}


def test_a_field_written_twice_is_a_warning_and_the_last_wins(tmp_path: Path) -> None:
    fm = EXPERIMENT + "team: a\nteam: b\n"
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (7, "warning")
    assert problem.message == "field 'team' is written twice: the last one is used"
    assert entry(result, "experiments/a").team == "b"


# --- body, private blocks, lines, order --------------------------------------------------


def test_private_blocks_are_removed_and_lines_are_kept(tmp_path: Path) -> None:
    body = (
        "Public one.\n\n<!-- private -->\nThe contract is £48,000.\n<!-- /private -->\n\n"
        "Public two <!-- PRIVATE -->inline secret<!--/private--> end.\n"
    )
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT, body)})
    item = entry(result, "experiments/a")
    assert "£48,000" not in item.body and "inline secret" not in item.body
    assert "Public one." in item.body and "Public two" in item.body and "end." in item.body
    # Lines are kept, so a finding in the body still points at its line of the file.
    file_lines = md(EXPERIMENT, body).split("\n")
    body_lines = item.body.split("\n")
    at = next(i for i, line in enumerate(body_lines) if line.startswith("Public two"))
    assert file_lines[item.body_line - 1 + at].startswith("Public two")


def test_an_unclosed_private_block_hides_the_rest_with_a_warning(tmp_path: Path) -> None:
    body = "Public.\n\n<!-- private -->\nSecret.\n\nMore secret.\n"
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT, body)})
    item = entry(result, "experiments/a")
    assert "Secret" not in item.body and "Public." in item.body
    problem = one_problem(result, "experiments/a.md")
    assert problem.level == "warning"
    assert "has no '<!-- /private -->'" in problem.message


def test_include_private_keeps_private_blocks(tmp_path: Path) -> None:
    body = "Public.\n<!-- private -->\nSecret.\n<!-- /private -->\n"
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT, body)}, include_private=True)
    assert "Secret." in entry(result, "experiments/a").body


def test_body_and_its_first_line(tmp_path: Path) -> None:
    # Blank lines after the opening '---' and before the prose must not shift line numbers.
    text = "---\n\ntitle: x\n---\n\nFirst line of prose.\n"
    files = {"weeknotes/2026-W47-a.md": text, "weeknotes/.meta.yml": "team: platform\n"}
    result = read(tmp_path, files)
    item = entry(result, "weeknotes/2026-W47-a")
    lines = text.split("\n")
    first = item.body.split("\n").index("First line of prose.")
    assert lines[item.body_line - 1 + first] == "First line of prose."
    assert item.lines["title"] == 3


def test_lines_of_fields(tmp_path: Path) -> None:
    result = read(tmp_path, {"incidents/a.md": md(INCIDENT + "tags: [a]\n")})
    lines = entry(result, "incidents/a").lines
    assert lines == {
        "title": 2,
        "date": 3,
        "severity": 4,
        "status": 5,
        "started": 6,
        "impact": 7,
        "tags": 8,
    }


def test_entries_are_newest_first_across_kinds(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(EXPERIMENT),  # 2 Nov
        "incidents/b.md": md(INCIDENT),  # 3 Nov
        "weeknotes/c.md": md(WEEKNOTE),  # 20 Nov
        "experiments/d.md": md(EXPERIMENT.replace("2026-11-02", "2025-01-01")),
    }
    result = read(tmp_path, files)
    assert [e.id for e in result.entries] == [
        "weeknotes/c",
        "incidents/b",
        "experiments/a",
        "experiments/d",
    ]
    assert [e.kind for e in result.entries] == ["weeknote", "incident", "experiment", "experiment"]
    assert result.entries[0].year == 2026 and result.entries[-1].year == 2025


def test_review_overdue_only_for_running_experiments(tmp_path: Path) -> None:
    running = EXPERIMENT.replace("proposed", "running") + "started: 2026-10-01\n"
    files = {
        "experiments/a.md": md(running + "review_by: 2026-11-19\n"),
        "experiments/b.md": md(running + "review_by: 2026-11-20\n"),
        "experiments/c.md": md(EXPERIMENT + "review_by: 2026-01-01\n"),
    }
    result = read(tmp_path, files)
    today = date(2026, 11, 20)
    assert entry(result, "experiments/a").review_overdue(today)
    assert not entry(result, "experiments/b").review_overdue(today)
    assert not entry(result, "experiments/c").review_overdue(today)  # proposed
