"""One policy for problems: `openwork check` and `mkdocs build` give the same verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort
from openwork.cli.app import main

from tests.builder import MINIMAL_MKDOCS, mkdocs_build, mkdocs_cli, write_tree
from tests.reading import INCIDENT, WEEKNOTE, md

CLEAN = {"weeknotes/2026-W47-platform.md": md(WEEKNOTE + "title: A clean week")}
WARNING_ONLY = {"weeknotes/2026-W47-platform.md": md(WEEKNOTE + "titel: A misspelt field")}
ERROR = {"incidents/2026-11-03-search.md": md(INCIDENT.replace("SEV2", "SEV9"))}


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_tree(
        tmp_path / "src", {"mkdocs.yml": MINIMAL_MKDOCS, "docs/index.md": "# Home\n", **files}
    )


def _check(root: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(root)
    return main(["check", *args])


def _build_passes(root: Path, out: Path, strict: bool) -> bool:
    try:
        mkdocs_build(root / "mkdocs.yml", out, strict=strict)
    except Abort:
        return False
    return True


@pytest.mark.parametrize(
    ("files", "lenient", "strict"),
    [(CLEAN, True, True), (WARNING_ONLY, True, False), (ERROR, False, False)],
    ids=["clean", "warning", "error"],
)
def test_check_strict_and_build_strict_agree(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    lenient: bool,
    strict: bool,
) -> None:
    root = _site(tmp_path, files)
    assert (_check(root, "--strict", monkeypatch=monkeypatch) == 0) is strict
    assert _build_passes(root, tmp_path / "strict", strict=True) is strict
    # Without --strict a warning stops neither; an error fails the check (the gate) while the
    # build leaves the entry out and publishes the rest.
    assert (_check(root, monkeypatch=monkeypatch) == 0) is lenient
    assert _build_passes(root, tmp_path / "lenient", strict=False)


def test_the_build_log_says_each_level_once(tmp_path: Path) -> None:
    root = _site(tmp_path, {**ERROR, **WARNING_ONLY})
    run = mkdocs_cli("build", "-f", str(root / "mkdocs.yml"), cwd=tmp_path)
    log = run.stderr
    assert run.returncode == 0, log
    lines = [line for line in log.splitlines() if "openwork: " in line]
    error = next(line for line in lines if "SEV9" in line)
    assert error.startswith("ERROR")
    assert "incidents/2026-11-03-search.md:4: severity 'SEV9'" in error
    warning = next(line for line in lines if "titel" in line)
    assert warning.startswith("WARNING")
    assert "weeknotes/2026-W47-platform.md:4: " in warning
    for line in lines:
        assert ": error:" not in line and ": warning:" not in line, line


def test_the_pre_commit_hook_is_strict_by_default() -> None:
    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "openwork-check")
    assert "--strict" in [*hook["entry"].split(), *hook.get("args", [])]
