"""Build a real MkDocs site in-process and hand back what it wrote and logged."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
REPO = Path(__file__).resolve().parent.parent
EXAMPLE_PARTS = (
    "mkdocs.yml",
    "authors.yml",
    "tags.yml",
    "teams.yml",
    "weeknotes",
    "experiments",
    "incidents",
)
HIDDEN = REPO / "tests" / "fixtures" / "hidden"


@dataclass
class Built:
    site_dir: Path
    warnings: list[str] = field(default_factory=list)

    def read(self, rel: str) -> str:
        return (self.site_dir / rel).read_text(encoding="utf-8")

    def page(self, url: str) -> str:
        """The HTML of a page by its site URL, e.g. 'incidents/2026-03-db/'."""
        return self.read(url.strip("/") + "/index.html" if url.strip("/") else "index.html")

    def exists(self, rel: str) -> bool:
        return (self.site_dir / rel).exists()

    def all_text(self) -> str:
        """Every text file of the output, joined: for checking what must appear nowhere."""
        chunks = []
        for path in sorted(self.site_dir.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".xml", ".json", ".opml", ".txt", ".js"}:
                chunks.append(path.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(chunks)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_build(
    config_file: Path, site_dir: Path, command: str = "build", **overrides: object
) -> Built:
    """Run a full `mkdocs build` (startup and shutdown events included), collecting warnings.

    `command="serve"` starts the plugins as `mkdocs serve` does, for what only serve shows."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        cfg = load_config(config_file=str(config_file), site_dir=str(site_dir), **overrides)
        cfg.plugins.on_startup(command=command, dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return Built(site_dir, handler.messages)


MKDOCS = Path(sys.executable).parent / "mkdocs"


def mkdocs_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs` command (a separate process, as a writer's shell would), with its
    output captured as text and MkDocs' 2.0 notice turned off."""
    return subprocess.run(
        [str(MKDOCS), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
        check=False,
    )


def build_and_check(root: Path, site_dir: Path) -> tuple[list[str], list[str], int]:
    """`mkdocs build` of root's mkdocs.yml and `openwork check` run in root: the build's
    problem lines and check's error lines, each sorted and without the level (the build log
    says it apart), and check's exit status."""
    import contextlib
    import io

    from openwork.cli import main

    built = mkdocs_build(root / "mkdocs.yml", site_dir)
    from_build = sorted(w.removeprefix("openwork: ") for w in built.warnings)
    out = io.StringIO()
    here = Path.cwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out):
            status = main(["check"])
    finally:
        os.chdir(here)
    errors = [line for line in out.getvalue().splitlines() if ": error: " in line]
    return from_build, sorted(line.replace(": error: ", ": ", 1) for line in errors), status


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under root (dedented), returning root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


MINIMAL_MKDOCS = """
site_name: Tiny
site_url: https://tiny.example/
theme:
  name: material
plugins:
  - openwork
"""


def copy_example(dest: Path, *, hidden: bool = False) -> Path:
    """Copy the repository's example site (and its docs/) to dest, returning dest.

    `hidden=True` lays tests/fixtures/hidden over it: a draft, an embargoed note and a private
    block carrying canary strings, kept out of the showcase so `make serve` never shows them."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (*EXAMPLE_PARTS, "docs"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        elif source.is_file():
            shutil.copy2(source, dest / name)
    if hidden:
        shutil.copytree(HIDDEN / "weeknotes", dest / "weeknotes", dirs_exist_ok=True)
        with (dest / "tags.yml").open("a", encoding="utf-8") as tags:
            tags.write("- draft-only-tag\n")
    return dest
