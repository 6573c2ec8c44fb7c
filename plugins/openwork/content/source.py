"""One content file from disk: decoded, split into front matter and body, with field lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter

from openwork.content.simple_yaml import read_simple
from openwork.content.text import read_text
from openwork.content.yaml_read import Path_, parse_yaml
from openwork.problems import Problem

__all__ = ["Path_", "Source", "parse_yaml", "read_source"]

_HANDLER = frontmatter.YAMLHandler()


@dataclass(slots=True)
class Source:
    """A file's front matter as data plus where each field was written."""

    path: str  # relative to the site root
    data: dict[str, Any]
    body: str
    body_line: int  # the line of the file holding body[0]
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: Path_) -> int:
        """The line of the deepest written part of `loc`; 1 when unknown."""
        for end in range(len(loc), 0, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line:
                return line
        return 1


def read_source(abs_path: Path, rel_path: str) -> Source | Problem:
    """Read and split one file, or the one Problem that makes it unreadable."""
    read = read_text(abs_path, rel_path)
    if isinstance(read, Problem):
        return read
    text, cleaned = read
    if not text.strip():
        return Problem(
            rel_path,
            1,
            "error",
            "the file is empty: write its front matter and text (see the front matter guide), "
            "or delete it",
        )
    if not _HANDLER.detect(text):
        return Source(rel_path, {}, text, 1, problems=cleaned)
    try:
        fm_text, body = _HANDLER.split(text)
    except ValueError:
        return Problem(
            rel_path, 1, "error", "the front matter has no closing '---' line: add one after it"
        )
    # The handler's boundary pattern swallows a varying number of newlines around each
    # '---', so count lines from where each part really starts in the text.
    fm_start = text.count("\n", 0, text.index(fm_text)) + 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    parsed = read_simple(fm_text, rel_path, fm_start) or parse_yaml(fm_text, rel_path, fm_start)
    if isinstance(parsed, Problem):
        return parsed
    data, lines, problems = parsed
    return Source(rel_path, data, body, body_line, lines, [*cleaned, *problems])
