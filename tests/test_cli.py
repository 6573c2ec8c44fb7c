"""The real `openwork` console script, run in temp copies of the example site and small sites."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import frontmatter
import pytest
from jsonschema import Draft202012Validator
from openwork.cli.progress import Progress

from tests.builder import copy_example, write_tree

PROBLEM_LINE = re.compile(r"^[^:]+:\d+: (error|warning): .+$")
KINDS = {"weeknotes": "weeknote", "experiments": "experiment", "incidents": "incident"}


def openwork_command() -> list[str]:
    """The installed console script beside this Python, else `python -m openwork`."""
    script = shutil.which("openwork", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "openwork"]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A HOME with a global git config, so 'who is writing' does not depend on the machine."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def run(
    cwd: Path,
    *args: str,
    home: Path,
    git_name: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    gitconfig = home / ".gitconfig"
    gitconfig.write_text(f"[user]\n\tname = {git_name}\n" if git_name else "", encoding="utf-8")
    environ = {
        **os.environ,
        "HOME": str(home),
        "GIT_CONFIG_GLOBAL": str(gitconfig),
        "GIT_CONFIG_NOSYSTEM": "1",
        "USER": "nobody-in-particular",
        "LOGNAME": "nobody-in-particular",
        **(env or {}),
    }
    done = subprocess.run(
        [*openwork_command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A temp copy of the repository's example site, safe to write new entries into."""
    return copy_example(tmp_path / "example")


SMALL_MKDOCS = """
site_name: Small
site_url: https://small.example/
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - openwork:
      timezone: !ENV [OPENWORK_TEST_TZ, UTC]
"""
AUTHORS = """
ada:
  name: Ada Lovelace
grace:
  name: Grace Hopper
"""
GOOD_WEEKNOTE = """
---
week: 2026-W47
team: platform
authors: [ada]
---

We moved the search cluster.
"""
WARNED_EXPERIMENT = """
---
title: Shorter letters
date: 2026-11-02
status: proposed
hypothesis: We believe shorter letters will result in more payments. We will know when...
sumary: Shorter letters, more payments
---

Body.
"""
BROKEN_INCIDENT = """
---
title: Database slow
date: 2026-11-03
severity: SEV9
status: resolved
resolved: 2026-11-03 12:00
started: 2026-11-03 10:00
impact: Slow pages for an hour.
---

Body.
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """One clean weeknote, one experiment with a warning, one incident with an error."""
    return write_tree(
        tmp_path / "small",
        {
            "mkdocs.yml": SMALL_MKDOCS,
            "authors.yml": AUTHORS,
            "docs/index.md": "# Home\n",
            "weeknotes/2026/2026-W47-platform.md": GOOD_WEEKNOTE,
            "experiments/2026-11-02-shorter-letters.md": WARNED_EXPERIMENT,
            "incidents/2026-11-03-database-slow.md": BROKEN_INCIDENT,
        },
    )


def front_matter(path: Path) -> dict[str, Any]:
    return dict(frontmatter.load(path).metadata)


def problem_lines(stdout: str) -> list[str]:
    """Every output line but the summary, checked to be in the `path:line: level:` form."""
    lines = stdout.splitlines()
    assert lines, "no output"
    for line in lines[:-1]:
        assert PROBLEM_LINE.match(line), line
    return lines[:-1]


# --- openwork new ---------------------------------------------------------------------------


def test_new_weeknote_writes_this_weeks_file_for_the_team(example_copy: Path, home: Path) -> None:
    done = run(
        example_copy,
        *("new", "weeknote", "--team", "platform", "--date", "2026-11-18"),
        home=home,
        git_name="Amara Okafor",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "weeknotes/2026/2026-W47-platform.md"
    meta = front_matter(example_copy / "weeknotes/2026/2026-W47-platform.md")
    assert meta["week"] == "2026-W47"
    assert meta["date"] == date(2026, 11, 18)
    assert meta["team"] == "platform"
    assert meta["authors"] == ["amara"]  # git's user.name, matched to its authors.yml id
    assert meta["tags"] == []
    text = (example_copy / "weeknotes/2026/2026-W47-platform.md").read_text(encoding="utf-8")
    for heading in ("## What we did", "## What we learned", "## Next week"):
        assert heading in text


def test_new_weeknote_folder_uses_the_iso_year(example_copy: Path, home: Path) -> None:
    # 2027-01-01 is in ISO week 53 of 2026: the file belongs with 2026's notes.
    done = run(
        example_copy,
        *("new", "weeknote", "--team", "platform", "--date", "2027-01-01"),
        home=home,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "weeknotes/2026/2026-W53-platform.md"


def test_new_weeknote_without_team_is_named_after_its_author(small: Path, home: Path) -> None:
    done = run(small, "new", "weeknote", "--date", "2026-11-25", home=home, git_name="Grace Hopper")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "weeknotes/2026/2026-W48-grace.md"
    meta = front_matter(small / "weeknotes/2026/2026-W48-grace.md")
    assert meta["authors"] == ["grace"]
    assert "team" not in meta
    check = run(small, "check", "--strict", "weeknotes/2026/2026-W48-grace.md", home=home)
    assert check.returncode == 0, check.stdout
    assert check.stdout.strip() == "No problems in 1 file"


def test_new_weeknote_needs_a_team_or_an_author(small: Path, home: Path) -> None:
    done = run(small, "new", "weeknote", home=home)  # no git name, login not in authors.yml
    assert done.returncode == 2
    assert "--team" in done.stderr
    assert not list((small / "weeknotes").rglob("*W4[89]*"))


def test_new_experiment_is_proposed_with_a_hypothesis(example_copy: Path, home: Path) -> None:
    title = 'Plain English "reminder" letters: a trial'
    done = run(
        example_copy,
        *("new", "experiment", "--title", title, "--team", "service-design"),
        *("--author", "Siobhan Byrne", "--author", "josh", "--date", "2026-11-20"),
        home=home,
    )
    assert done.returncode == 0, done.stderr
    rel = "experiments/2026-11-20-plain-english-reminder-letters-a-trial.md"
    assert done.stdout.strip() == rel
    meta = front_matter(example_copy / rel)
    assert meta["title"] == title  # quoted in YAML, read back exactly
    assert meta["status"] == "proposed"
    assert meta["date"] == date(2026, 11, 20)
    assert meta["authors"] == ["siobhan", "josh"]  # a full name matched to its id
    assert meta["owner"] == "siobhan"
    assert meta["hypothesis"].startswith("We believe ")
    assert "We will know when" in meta["hypothesis"]
    text = (example_copy / rel).read_text(encoding="utf-8")
    for heading in ("## Hypothesis", "## What we'll measure", "## What we learned"):
        assert heading in text


def test_new_incident_is_investigating_with_blameless_sections(
    example_copy: Path, home: Path
) -> None:
    # 1 July is summer time in Europe/London (the example's timezone): started says +01:00.
    done = run(
        example_copy,
        *("new", "incident", "--title", "Parking permits down", "--date", "2026-07-01"),
        home=home,
        git_name="Amara Okafor",
    )
    assert done.returncode == 0, done.stderr
    rel = "incidents/2026-07-01-parking-permits-down.md"
    assert done.stdout.strip() == rel
    text = (example_copy / rel).read_text(encoding="utf-8")
    meta = front_matter(example_copy / rel)
    assert meta["status"] == "investigating"
    assert meta["severity"] == "SEV4"  # the least severe of the default scale, to be set
    assert "severity: SEV4  # set it: SEV1 is the most severe" in text
    assert meta["started"] == "2026-07-01T00:00+01:00"
    assert meta["impact"].strip()
    for heading in (
        "## Summary",
        "## What happened",
        "## Why it made sense at the time",
        "## What went well",
        "## Where we got lucky",
        "## What we're changing",
    ):
        assert heading in text
    lowered = text.lower()
    for phrase in ("blame", "fault", "should have", "human error", "failed to", "careless"):
        assert phrase not in lowered


def test_new_incident_started_is_now_to_the_minute(small: Path, home: Path) -> None:
    done = run(
        small,
        *("new", "incident", "--title", "Queue stuck", "--severity", "sev2"),
        home=home,
        env={"OPENWORK_TEST_TZ": "Asia/Kolkata"},
    )
    assert done.returncode == 0, done.stderr
    meta = front_matter(small / done.stdout.strip())
    assert meta["severity"] == "SEV2"  # matched to the scale's spelling
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+05:30", meta["started"])
    started = datetime.fromisoformat(meta["started"])
    assert abs((datetime.now(started.tzinfo) - started).total_seconds()) < 600


def test_new_incident_rejects_a_severity_off_the_scale(small: Path, home: Path) -> None:
    done = run(small, "new", "incident", "--title", "X", "--severity", "SEV9", home=home)
    assert done.returncode == 2
    assert "SEV1, SEV2, SEV3, SEV4" in done.stderr
    assert not list((small / "incidents").glob("*-x.md"))


@pytest.mark.parametrize(
    "args",
    [
        ("weeknote", "--team", "platform"),
        ("weeknote", "--author", "ada"),
        ("experiment", "--title", "Shorter letters, again"),
        ("incident", "--title", "Address lookup down"),
        ("incident", "--title", "Drafted", "--draft", "--team", "data science"),
    ],
)
def test_new_templates_pass_a_strict_check(
    example_copy: Path, home: Path, args: tuple[str, ...]
) -> None:
    done = run(example_copy, "new", *args, home=home, git_name="Someone New")
    assert done.returncode == 0, done.stderr
    written = done.stdout.strip()
    check = run(example_copy, "check", "--strict", written, home=home)
    assert check.returncode == 0, check.stdout
    assert check.stdout.strip() == "No problems in 1 file"


def test_new_templates_add_no_problem_to_the_example_site(example_copy: Path, home: Path) -> None:
    before = run(example_copy, "check", home=home)
    for args in (
        ("weeknote", "--team", "platform"),
        ("experiment", "--title", "Try a thing"),
        ("incident", "--title", "A thing broke"),
    ):
        assert run(example_copy, "new", *args, home=home, git_name="Mei Chen").returncode == 0
    after = run(example_copy, "check", home=home)
    assert after.returncode == before.returncode
    assert problem_lines(after.stdout) == problem_lines(before.stdout)
    files_before = int(re.search(r"in (\d+) files", before.stdout).group(1))  # type: ignore[union-attr]
    assert f"in {files_before + 3} files" in after.stdout


def test_new_never_overwrites(small: Path, home: Path) -> None:
    args = ("new", "experiment", "--title", "Shorter letters", "--date", "2026-11-02")
    # experiments/2026-11-02-shorter-letters.md is already in the small site.
    path = small / "experiments/2026-11-02-shorter-letters.md"
    before = path.read_text(encoding="utf-8")
    done = run(small, *args, home=home)
    assert done.returncode == 1
    assert "experiments/2026-11-02-shorter-letters.md already exists" in done.stderr
    assert path.read_text(encoding="utf-8") == before
    assert done.stdout == ""


def test_new_refuses_a_name_that_exists_in_another_folder(small: Path, home: Path) -> None:
    # Entry URLs come from the file name alone, so a same-named file elsewhere would clash.
    write_tree(small, {"weeknotes/2026/platform/2026-W49-platform.md": GOOD_WEEKNOTE})
    done = run(small, *("new", "weeknote", "--team", "platform", "--date", "2026-12-02"), home=home)
    assert done.returncode == 1
    assert "weeknotes/2026/platform/2026-W49-platform.md" in done.stderr
    assert not (small / "weeknotes/2026/2026-W49-platform.md").exists()


def test_new_follows_configured_folders(tmp_path: Path, home: Path) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": SMALL_MKDOCS
            + "      collections:\n        incident: {folder: content/postmortems, url: pm}\n",
            "docs/index.md": "# Home\n",
        },
    )
    done = run(
        site, *("new", "incident", "--title", "Lost mail", "--date", "2026-03-04"), home=home
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "content/postmortems/2026-03-04-lost-mail.md"
    check = run(site, "check", "--strict", home=home)
    assert check.returncode == 0, check.stdout
    assert check.stdout.strip() == "No problems in 1 file"


def test_new_reports_os_errors_in_one_line(small: Path, home: Path) -> None:
    (small / "experiments").rename(small / "moved")
    (small / "experiments").write_text("a file where a folder should be\n", encoding="utf-8")
    done = run(small, "new", "experiment", "--title", "Blocked", home=home)
    assert done.returncode == 1
    assert done.stderr.startswith("openwork: error: ")
    assert len(done.stderr.strip().splitlines()) == 1


# --- openwork check -------------------------------------------------------------------------


def test_check_reports_errors_and_warnings_as_lines(small: Path, home: Path) -> None:
    done = run(small, "check", home=home)
    assert done.returncode == 1
    lines = problem_lines(done.stdout)
    assert (
        "incidents/2026-11-03-database-slow.md:4: error: severity 'SEV9' is not one of "
        "SEV1, SEV2, SEV3, SEV4" in "\n".join(lines)
    )
    assert (
        "experiments/2026-11-02-shorter-letters.md:6: warning: unknown field 'sumary' "
        "(did you mean 'summary'?)" in lines
    )
    assert done.stdout.splitlines()[-1] == "1 error, 1 warning in 3 files"
    assert done.stderr == ""  # not a terminal: no progress display


def test_check_warnings_fail_only_with_strict(small: Path, home: Path) -> None:
    (small / "incidents/2026-11-03-database-slow.md").unlink()
    relaxed = run(small, "check", home=home)
    assert relaxed.returncode == 0
    assert relaxed.stdout.splitlines()[-1] == "1 warning in 2 files"
    strict = run(small, "check", "--strict", home=home)
    assert strict.returncode == 1
    assert strict.stdout.splitlines()[-1].startswith("1 warning in 2 files")
    assert "--strict" in strict.stdout.splitlines()[-1]


def test_check_clean_site(small: Path, home: Path) -> None:
    (small / "incidents/2026-11-03-database-slow.md").unlink()
    (small / "experiments/2026-11-02-shorter-letters.md").unlink()
    done = run(small, "check", "--strict", home=home)
    assert done.returncode == 0
    assert done.stdout == "No problems in 1 file\n"


def test_check_example_site_has_no_errors(example_copy: Path, home: Path) -> None:
    done = run(example_copy, "check", home=home)
    assert done.returncode == 0, done.stdout
    problem_lines(done.stdout)
    count = sum(
        1 for folder in KINDS for path in (example_copy / folder).rglob("*.md") if path.is_file()
    )
    assert done.stdout.splitlines()[-1].endswith(f"in {count} files")


def test_check_paths_limit_the_report_not_the_reading(small: Path, home: Path) -> None:
    # A second weeknote with the first one's id: its duplicate is found only by reading both.
    write_tree(
        small,
        {
            "weeknotes/2026/2026-W48-platform.md": """
                ---
                week: 2026-W48
                team: platform
                id: weeknotes/2026-W47-platform
                ---

                Again.
                """
        },
    )
    only_new = run(small, "check", "weeknotes/2026/2026-W48-platform.md", home=home)
    lines = problem_lines(only_new.stdout)
    assert len(lines) == 1
    assert lines[0].startswith("weeknotes/2026/2026-W48-platform.md:4: error: id ")
    assert "weeknotes/2026/2026-W47-platform.md" in lines[0]
    assert only_new.stdout.splitlines()[-1] == "1 error in 1 file"
    assert only_new.returncode == 1

    experiments = run(small, "check", "--strict", "experiments", home=home)
    assert [line.split(":")[0] for line in problem_lines(experiments.stdout)] == [
        "experiments/2026-11-02-shorter-letters.md"
    ]
    assert experiments.stdout.splitlines()[-1].startswith("1 warning in 1 file")
    assert experiments.returncode == 1

    clean = run(small, "check", "weeknotes/2026/2026-W47-platform.md", "mkdocs.yml", home=home)
    assert clean.stdout == "No problems in 1 file\n"
    assert clean.returncode == 0


def test_check_paths_are_relative_to_the_current_folder(small: Path, home: Path) -> None:
    done = run(
        small.parent,
        *("check", "-f", "small/mkdocs.yml", "small/incidents", str(small.parent)),
        home=home,
    )
    lines = problem_lines(done.stdout)
    # A folder outside the site matches nothing; output paths stay relative to the site.
    assert lines and all(
        line.startswith("incidents/2026-11-03-database-slow.md:") for line in lines
    )
    assert done.returncode == 1


def test_check_unknown_path_is_a_usage_error(small: Path, home: Path) -> None:
    done = run(small, "check", "weeknotes/nope.md", home=home)
    assert done.returncode == 2
    assert "no such file or folder: weeknotes/nope.md" in done.stderr


def test_check_unreadable_file_is_a_problem(small: Path, home: Path) -> None:
    (small / "weeknotes/2026/2026-W50-gone.md").symlink_to(small / "nowhere.md")
    done = run(small, "check", "weeknotes", home=home)
    lines = problem_lines(done.stdout)
    assert lines == [
        "weeknotes/2026/2026-W50-gone.md:1: error: the file cannot be read "
        "(No such file or directory)"
    ]
    assert done.returncode == 1


# --- mkdocs.yml -----------------------------------------------------------------------------


def test_no_mkdocs_yml_is_explained(tmp_path: Path, home: Path) -> None:
    for args in (("check",), ("new", "weeknote", "--team", "x")):
        done = run(tmp_path, *args, home=home)
        assert done.returncode == 2
        assert "no mkdocs.yml in this folder" in done.stderr
        assert "--config-file" in done.stderr
    missing = run(tmp_path, "check", "-f", "site/mkdocs.yml", home=home)
    assert missing.returncode == 2
    assert "site/mkdocs.yml" in missing.stderr


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "plugins:\n  - openwork:\n      timezone: Mars/Olympus\n",
            "plugins.openwork.timezone: unknown timezone 'Mars/Olympus'",
        ),
        ("plugins:\n  - openwork:\n      pagination: many\n", "plugins.openwork.pagination"),
        ("plugins:\n  - openwork: [1, 2]\n", "plugins.openwork"),
        ("site_name: x\nplugins: [openwork\n", "mkdocs.yml:3: not valid YAML"),
    ],
)
def test_bad_config_is_one_clear_line(
    tmp_path: Path, home: Path, config: str, expected: str
) -> None:
    write_tree(tmp_path, {"mkdocs.yml": config})
    done = run(tmp_path, "check", home=home)
    assert done.returncode == 2
    assert expected in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_config_inherit_env_and_python_tags(tmp_path: Path, home: Path) -> None:
    write_tree(
        tmp_path,
        {
            "base.yml": """
                theme:
                  name: material
                plugins:
                  openwork:
                    severities: [P1, P2, P3]
                    timezone: !ENV [SITE_TZ, UTC]
                """,
            "mkdocs.yml": """
                INHERIT: base.yml
                site_name: Child
                markdown_extensions:
                  - pymdownx.superfences:
                      custom_fences:
                        - name: mermaid
                          format: !!python/name:pymdownx.superfences.fence_code_format
                """,
        },
    )
    schema = run(tmp_path, "schema", "incident", home=home)
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["properties"]["severity"]["enum"] == ["P1", "P2", "P3"]
    done = run(
        tmp_path,
        *("new", "incident", "--title", "Down", "--date", "2026-01-15", "--author", "ada"),
        home=home,
        env={"SITE_TZ": "America/New_York"},
    )
    assert done.returncode == 0, done.stderr
    meta = front_matter(tmp_path / done.stdout.strip())
    assert meta["severity"] == "P3"
    assert meta["started"] == "2026-01-15T00:00-05:00"


def test_site_without_the_plugin_gets_a_note(tmp_path: Path, home: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yml": "site_name: x\nplugins:\n  - search\n"})
    done = run(tmp_path, "check", home=home)
    assert done.returncode == 0
    assert "does not list the openwork plugin" in done.stderr
    assert "no content files found" in done.stderr


# --- openwork schema ------------------------------------------------------------------------


def _isoformat(value: Any) -> Any:
    """YAML dates and datetimes as the ISO strings a JSON document would hold."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_isoformat(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _isoformat(v) for k, v in value.items()}
    return value


def test_schema_prints_a_valid_json_schema_per_kind(example_copy: Path, home: Path) -> None:
    done = run(example_copy, "schema", home=home)
    assert done.returncode == 0, done.stderr
    schemas = json.loads(done.stdout)
    assert sorted(schemas) == ["experiment", "incident", "weeknote"]
    for schema in schemas.values():
        Draft202012Validator.check_schema(schema)
    one = run(example_copy, "schema", "experiment", home=home)
    assert json.loads(one.stdout) == schemas["experiment"]


def test_every_example_entry_validates_against_its_schema(example_copy: Path, home: Path) -> None:
    schemas = json.loads(run(example_copy, "schema", home=home).stdout)
    checked = 0
    for folder, kind in KINDS.items():
        validator = Draft202012Validator(schemas[kind])
        for path in sorted((example_copy / folder).rglob("*.md")):
            data = _isoformat(front_matter(path))
            errors = [e.message for e in validator.iter_errors(data)]
            assert not errors, f"{path.relative_to(example_copy)}: {errors}"
            checked += 1
    assert checked >= 10
    # And the schema does reject what the build rejects.
    bad = _isoformat(front_matter(example_copy / "incidents/2026-11-04-stale-search-index.md"))
    bad["severity"] = "SEV9"
    del bad["impact"]
    messages = " ".join(
        e.message for e in Draft202012Validator(schemas["incident"]).iter_errors(bad)
    )
    assert "'SEV9' is not one of" in messages
    assert "'impact' is a required property" in messages


def test_schema_without_a_site_uses_the_default_scale(tmp_path: Path, home: Path) -> None:
    done = run(tmp_path, "schema", "incident", home=home)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["properties"]["severity"]["enum"] == [
        "SEV1",
        "SEV2",
        "SEV3",
        "SEV4",
    ]
    assert run(tmp_path, "schema", "postmortem", home=home).returncode == 2


# --- help, entry points, progress ------------------------------------------------------------


def test_help_explains_every_command(tmp_path: Path, home: Path) -> None:
    top = run(tmp_path, "--help", home=home)
    assert top.returncode == 0
    for text in ("new", "check", "schema", "openwork new weeknote --team platform"):
        assert text in top.stdout
    for args, expected in (
        (("new", "--help"), "--team, --author, --date and --draft"),
        (("new", "weeknote", "--help"), "--team TEAM"),
        (("new", "experiment", "--help"), "--title TITLE"),
        (("new", "incident", "--help"), "--severity LEVEL"),
        (("check", "--help"), "path:line: level: message"),
        (("schema", "--help"), "JSON Schema 2020-12"),
    ):
        done = run(tmp_path, *args, home=home)
        assert done.returncode == 0
        assert expected in done.stdout, args


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "openwork", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("openwork ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_draws_on_a_terminal_only_after_the_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    stream, clock = _Terminal(), _Clock()
    progress = Progress(stream, delay=0.5, interval=0.1, clock=clock)
    progress("a.md")
    clock.now += 0.2
    progress("b.md")
    assert stream.getvalue() == ""  # a quick check prints nothing extra
    clock.now += 0.5
    progress("c.md")
    assert "Checking: 3 files read" in stream.getvalue()
    progress.finish()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_progress_is_silent_when_not_a_terminal() -> None:
    stream, clock = io.StringIO(), _Clock()
    progress = Progress(stream, delay=0.0, clock=clock)
    for n in range(5):
        clock.now += 1
        progress(f"{n}.md")
    progress.finish()
    assert stream.getvalue() == ""
    assert progress.count == 5
