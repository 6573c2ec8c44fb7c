"""Repeated problems said once, and a loud line when every entry was rejected (#15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openwork.cli.app import main
from openwork.problems import Problem
from openwork.reporting import group_problems, nothing_published

from tests.builder import mkdocs_build, write_tree

TAG = "tag 'Weeknotes' is not in tags.yml"


def test_a_message_repeated_in_many_files_is_one_line() -> None:
    problems = [Problem(f"weeknotes/{n:03}.md", 4, "warning", TAG) for n in range(215)]
    problems.append(Problem("weeknotes/005.md", 2, "error", "missing date"))
    lines = [str(p) for p in group_problems(problems)]
    assert lines == [
        f"weeknotes/000.md:4: warning: {TAG} (215 files: first weeknotes/000.md, "
        "weeknotes/001.md, weeknotes/002.md, ...)",
        "weeknotes/005.md:2: error: missing date",
    ]


def test_a_message_in_two_files_is_said_for_each() -> None:
    problems = [Problem(p, 1, "warning", TAG) for p in ("a.md", "b.md")]
    assert group_problems(problems) == problems


def test_nothing_published_is_an_error_only_when_files_failed() -> None:
    failed = [
        Problem("incidents/a.md", 3, "error", "x"),
        Problem("incidents/b.md", 3, "error", "y"),
    ]
    [loud] = nothing_published(["weeknotes", "incidents"], failed, 0)
    assert (loud.path, loud.level) == ("incidents/", "error")
    assert "every one of the 2 content files" in loud.message
    assert nothing_published(["incidents"], failed, 1) == []
    assert nothing_published(["incidents"], [], 0) == []


def test_a_build_and_a_check_that_published_nothing_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": "site_name: S\nsite_url: https://s.example/\nplugins:\n  - openwork\n",
            "docs/index.md": "# Home\n",
            **{f"incidents/{n}.md": "---\ntitle: No fields\n---\nText\n" for n in "abc"},
        },
    )
    built = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    loud = "openwork: incidents/:1: nothing was published: every one of the 3 content files"
    assert any(w.startswith(loud) for w in built.warnings)
    # Three files with one missing field each: one grouped line per message.
    assert (
        "openwork: incidents/a.md:1: missing required field 'impact': add who or what "
        "was affected, in a sentence (3 files: first incidents/a.md, incidents/b.md, "
        "incidents/c.md)" in built.warnings
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "incidents/:1: error: nothing was published" in out
