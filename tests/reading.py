"""Helpers for read-stage tests: a content folder in tmp_path, read with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openwork.content import Entry, read_content
from openwork.content.reader import ReadResult
from openwork.options import Options
from openwork.problems import Problem

from tests.builder import write_tree

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # Friday of 2026-W47

# Smallest valid front matter per kind, to which a test adds or overrides fields.
WEEKNOTE = "date: 2026-11-20\nteam: platform\n"
EXPERIMENT = (
    "title: Shorter forms\ndate: 2026-11-02\nstatus: proposed\n"
    "hypothesis: We believe shorter forms will result in more completions.\n"
)
INCIDENT = (
    "title: Search down\ndate: 2026-11-03\nseverity: SEV2\nstatus: investigating\n"
    "started: 2026-11-03 09:00\nimpact: Residents could not search the site.\n"
)


def md(front_matter: str, body: str = "Body text.\n") -> str:
    """A Markdown file: '---', the front matter lines, '---', the body."""
    return f"---\n{front_matter.strip(chr(10))}\n---\n{body}"


def read(
    root: Path,
    files: dict[str, str | bytes],
    now: datetime = NOW,
    **options: Any,
) -> ReadResult:
    """Write `files` under root (text as written, bytes raw) and read them."""
    texts = {}
    for rel, content in files.items():
        if isinstance(content, bytes):
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        else:
            texts[rel] = content
    # write_tree dedents; md() output starts at column 0, so it is written unchanged.
    write_tree(root, texts)
    return read_content(root, Options(**options), now=now)


def entry(result: ReadResult, entry_id: str) -> Entry:
    """The published or hidden entry with this id (fails the test if it was skipped)."""
    for item in [*result.entries, *result.hidden]:
        if item.id == entry_id:
            return item
    raise AssertionError(f"no entry {entry_id!r}; problems: {[str(p) for p in result.problems]}")


def ids(result: ReadResult) -> set[str]:
    return {e.id for e in [*result.entries, *result.hidden]}


def problems(result: ReadResult, path: str | None = None) -> list[Problem]:
    return [p for p in result.problems if path is None or p.path == path]


def one_problem(result: ReadResult, path: str) -> Problem:
    """The single problem reported for `path`: each slip gives exactly one line."""
    found = problems(result, path)
    assert len(found) == 1, [str(p) for p in result.problems]
    return found[0]
