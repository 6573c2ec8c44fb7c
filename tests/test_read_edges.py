"""Read stage at the edges: inputs that once crashed a build are now `path:line` problems."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
from openwork.content import reader
from openwork.problems import Problem

from tests.reading import EXPERIMENT, INCIDENT, WEEKNOTE, entry, ids, md, problems, read

GOOD = {"experiments/good.md": md(EXPERIMENT)}


def _errors(tmp_path: Path, files: dict[str, str | bytes], **options: object) -> list[str]:
    """Read `files` beside a good entry; the messages of their errors (the good one is read)."""
    result = read(tmp_path, {**files, **GOOD}, **options)
    assert "experiments/good" in ids(result)
    return [str(p) for p in result.errors if p.path in files]


# --- characters XML 1.0 forbids ------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ['"a\\x01b"', '"a\\x1bb"', '"a\\u0085b"', '"a\\uFFFEb"', '"a\\x7fb"'],
)
def test_control_characters_from_yaml_escapes_are_dropped(tmp_path: Path, written: str) -> None:
    result = read(tmp_path, {"experiments/x.md": md(f"title: {written}\n" + EXPERIMENT[21:])})
    assert entry(result, "experiments/x").title == "ab"
    (warning,) = problems(result, "experiments/x.md")
    assert (warning.line, warning.level) == (2, "warning"), str(warning)


def test_control_characters_in_the_body_are_dropped_with_a_warning_per_line(
    tmp_path: Path,
) -> None:
    body = "One\x0b line.\n\nTwo \x00\x01 here \ufffe.\n"
    result = read(tmp_path, {"experiments/x.md": md(EXPERIMENT, body)})
    assert entry(result, "experiments/x").body.strip() == "One line.\n\nTwo  here ."
    assert [(p.line, p.level) for p in problems(result, "experiments/x.md")] == [
        (7, "warning"),
        (9, "warning"),
    ]
    assert "U+0000, U+0001, U+FFFE" in problems(result, "experiments/x.md")[1].message


def test_control_characters_in_authors_yml_are_dropped(tmp_path: Path) -> None:
    files = {
        "authors.yml": 'ada:\n  name: "Ada\\x07 L"\n',
        "weeknotes/2026-W47.md": md("date: 2026-11-20\nauthors: [ada]\n"),
    }
    result = read(tmp_path, files)
    assert entry(result, "weeknotes/2026-W47").authors[0].name == "Ada L"
    assert [p.line for p in problems(result, "authors.yml")] == [2]


# --- names that become URLs --------------------------------------------------------------


def test_a_team_too_long_for_a_file_name_gets_a_cut_slug(tmp_path: Path) -> None:
    long_a, long_b = "Ü" * 300 + " a", "Ü" * 300 + " b"
    result = read(
        tmp_path,
        {
            "weeknotes/2026-W47-a.md": md(f"date: 2026-11-20\nteam: {long_a}\n"),
            "weeknotes/2026-W47-b.md": md(f"date: 2026-11-20\nteam: {long_b}\n"),
        },
    )
    a, b = entry(result, "weeknotes/2026-W47-a"), entry(result, "weeknotes/2026-W47-b")
    assert a.team_slug != b.team_slug
    assert a.team_slug is not None and len(a.team_slug.encode()) <= 200
    assert {p.level for p in problems(result, "weeknotes/2026-W47-a.md")} == {"warning"}


def test_a_team_without_letters_is_an_error(tmp_path: Path) -> None:
    (error,) = _errors(tmp_path, {"weeknotes/2026-W47.md": md("date: 2026-11-20\nteam: '!!!'\n")})
    assert error.startswith("weeknotes/2026-W47.md:3: error: team '!!!' has no letters")


@pytest.mark.parametrize(
    ("front_matter", "line", "page"),
    [
        ("team: index\n", 3, "/teams/index-team/"),
        ("team: Index\n", 3, "/teams/index-team/"),
        ("team: t\nauthors: [Index]\n", 4, "/authors/index-author/"),
    ],
)
def test_a_team_or_author_named_index_gets_another_page_with_a_warning(
    tmp_path: Path, front_matter: str, line: int, page: str
) -> None:
    result = read(tmp_path, {"weeknotes/2026-W47.md": md("date: 2026-11-20\n" + front_matter)})
    assert "weeknotes/2026-W47" in ids(result)
    (warning,) = problems(result, "weeknotes/2026-W47.md")
    assert (warning.line, warning.level) == (line, "warning")
    assert f"its page is {page} instead" in warning.message


def test_two_spellings_of_one_author_name_both_files(tmp_path: Path) -> None:
    files = {
        "weeknotes/2026-W47-a.md": md("date: 2026-11-20\nauthors: [Jane Doe]\n"),
        "weeknotes/2026-W47-b.md": md("date: 2026-11-20\nauthors: [jane-doe]\n"),
        "weeknotes/2026-W47-c.md": md("date: 2026-11-20\nauthors: [JANE  DOE!]\n"),
    }
    result = read(tmp_path, files)
    (warning,) = [p for p in result.problems if "shares the page" in p.message]
    assert warning.path == "weeknotes/2026-W47-c.md"
    assert "weeknotes/2026-W47-a.md" in warning.message and "/authors/jane-doe/" in warning.message


# --- dates at the edges ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "front_matter"),
    [
        ("weeknotes/0001-W01-x.md", "team: t\n"),
        ("weeknotes/x.md", "team: t\nweek: 0000-W01\n"),
        ("weeknotes/y.md", "team: t\nweek: 0001-W01\n"),
        ("weeknotes/z.md", "team: t\ndate: 0001-01-01\n"),
        ("weeknotes/n.md", "team: t\ndate: 9999-12-31\n"),
        ("weeknotes/t.md", 'team: t\ndate: !!timestamp "next tuesday"\n'),
        ("weeknotes/e.md", "team: t\nweek: ~\ndate: ~\n"),
        ("incidents/i.md", INCIDENT.replace("2026-11-03 09:00", "0001-01-01 10:00")),
        ("experiments/e.md", EXPERIMENT + "review_by: 9999-12-31\n"),
    ],
)
def test_dates_outside_the_window_are_errors(tmp_path: Path, path: str, front_matter: str) -> None:
    (error,) = _errors(tmp_path, {path: md(front_matter)})
    assert ": error: " in error and "could not read" not in error


def test_the_window_is_named_in_the_message(tmp_path: Path) -> None:
    (error,) = _errors(tmp_path, {"weeknotes/z.md": md("team: t\ndate: 0001-01-01\n")})
    assert error.endswith("is outside the years openwork publishes (1900 to 9998): check the year")


def test_a_5000_digit_number_as_a_title_is_text(tmp_path: Path) -> None:
    digits = "7" * 5000
    result = read(tmp_path, {"experiments/x.md": md(f"title: {digits}\n" + EXPERIMENT[21:])})
    assert entry(result, "experiments/x").title == digits


@pytest.mark.parametrize("tag", ['!!int "x"', '!!float "x"', '!!bool "x"', '!!timestamp "x"'])
def test_a_value_yaml_cannot_convert_stays_text(tmp_path: Path, tag: str) -> None:
    result = read(tmp_path, {"experiments/x.md": md(EXPERIMENT + f"owner: {tag}\n")})
    assert entry(result, "experiments/x").meta.owner == "x"


# --- alias bombs -------------------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n"
    for i in range(8)
)


@pytest.mark.parametrize(
    "path", ["authors.yml", "tags.yml", "weeknotes/.meta.yml", "weeknotes/2026-W47.md"]
)
def test_an_alias_bomb_is_refused_in_every_yaml_file(tmp_path: Path, path: str) -> None:
    text = md(BOMB) if path.endswith(".md") else BOMB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = read(tmp_path, {path: text, **GOOD}, tags={"allowed": "tags.yml"})
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 200
    (error,) = [p for p in result.errors if p.path == path]
    assert "expands to more than 100,000 values" in error.message


# --- the boundary ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "path"),
    [("check_rules", "weeknotes/2026-W47.md"), ("load_authors", "authors.yml")],
)
def test_an_unforeseen_exception_is_an_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, path: str
) -> None:
    def broken(*args: object) -> None:
        raise KeyError("boom\nforged: line")

    monkeypatch.setattr(reader, where, broken)
    result = read(tmp_path, {"weeknotes/2026-W47.md": md(WEEKNOTE)})
    (error,) = result.errors
    assert (error.path, error.line) == (path, 1)
    assert error.message.startswith("openwork could not read this file: KeyError: ")
    assert "\n" not in str(error) and "\\n" in str(error)
    # a site file's failure leaves the entries read
    assert ("weeknotes/2026-W47" in ids(result)) == (where == "load_authors")


def test_problem_messages_escape_control_characters() -> None:
    problem = Problem("a.md", 1, "warning", "related id 'x\n\x1b[31mb.md:1: error: y'")
    assert str(problem) == "a.md:1: warning: related id 'x\\n\\x1b[31mb.md:1: error: y'"


def test_authors_yml_ids_that_cannot_be_a_page_or_share_one(tmp_path: Path) -> None:
    files = {"authors.yml": "index: Ix\n'!!!': Bang\njane-doe: Jane\nJane_Doe: Other Jane\n"}
    result = read(tmp_path, {**files, **GOOD})
    found = [(p.line, p.level) for p in problems(result, "authors.yml")]
    assert found == [(1, "warning"), (2, "error"), (4, "error")]
    assert list(result.authors) == ["index", "jane-doe"]


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    front_matter = INCIDENT.replace("date: 2026-11-03\n", "").replace("SEV2", "SEV9")
    front_matter += "tags: [kubernetis]\n"
    files = {
        "incidents/x.md": md(front_matter, "The operator was careless.\n"),
        "tags.yml": "- kubernetes\n",
    }
    result = read(tmp_path, files, tags={"allowed": "tags.yml"})
    messages = [p.message for p in problems(result, "incidents/x.md")]
    assert any(m.startswith("missing required field 'date'") for m in messages), messages
    assert any(m.startswith("severity 'SEV9' is not one of") for m in messages), messages
    assert any("kubernetis" in m for m in messages), messages
    assert any(m.startswith("blameless: 'careless'") for m in messages), messages
