"""Entries left out for errors, with what a writer needs to fix them: for serve's error pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from openwork.content.discover import find_files
from openwork.content.reader import ReadResult
from openwork.options import Options
from openwork.problems import Problem, sort_problems
from openwork.slugs import slugify

CONTEXT = 2  # lines shown above and below a problem's line
_LONGEST_LINE = 300  # characters of a file line shown; the rest is cut with '…'
_LARGEST_FILE = 2_000_000  # bytes: a bigger file's lines are not shown, only its problems


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A few numbered lines of the file around `line`, the line a problem names."""

    line: int
    lines: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class Rejected:
    """A content file that is not on the site because of errors, and where it would be."""

    path: str  # relative to the site root
    kind: str
    collection: str  # the collection's URL base
    slug: str
    problems: tuple[Problem, ...]
    excerpts: tuple[Excerpt | None, ...]  # one per problem, None when no line can be shown

    @property
    def src_uri(self) -> str:
        """Where the entry's page would be, so the error page takes its URL."""
        return f"{self.collection}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{self.collection}/{self.slug}/"

    @property
    def errors(self) -> int:
        return sum(p.level == "error" for p in self.problems)


def rejected_files(result: ReadResult, options: Options, root: Path) -> list[Rejected]:
    """Content files with an error that produced no entry, at their file stem's slug: each
    with its own problems and the errors of the `.meta.yml` defaults it was given.

    The slug is the file stem's even when the front matter sets another: a file whose front
    matter failed has no slug to trust. A URL an entry already has keeps that entry."""
    kept = {e.path for e in (*result.entries, *result.hidden)}
    taken = {e.src_uri for e in (*result.entries, *result.hidden)}
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in result.problems:
        by_file[problem.path].append(problem)
    lines: dict[str, list[str]] = {}
    rejected = []
    for kind, collection in options.collections.items():
        for found in find_files(root, collection.folder, []):
            slug = slugify(PurePosixPath(found.rel_path).stem)
            if found.rel_path in kept or not slug or f"{collection.url}/{slug}.md" in taken:
                continue
            defaults = dict.fromkeys(path for path, _ in found.default_origin.values())
            problems = [
                *by_file.get(found.rel_path, []),
                *(p for path in defaults for p in by_file.get(path, []) if p.level == "error"),
            ]
            if not any(p.level == "error" for p in problems):
                continue
            ordered = tuple(sort_problems(problems))
            for path in {p.path for p in ordered} - set(lines):
                lines[path] = _file_lines(root / path)
            excerpts = tuple(excerpt(lines[p.path], p.line) for p in ordered)
            rejected.append(Rejected(found.rel_path, kind, collection.url, slug, ordered, excerpts))
    return rejected


def excerpt(lines: list[str], line: int, context: int = CONTEXT) -> Excerpt | None:
    """Lines `line - context` to `line + context` (1-based) of a file, numbered."""
    if not 1 <= line <= len(lines):
        return None
    first, last = max(1, line - context), min(len(lines), line + context)
    return Excerpt(line, tuple((n, lines[n - 1]) for n in range(first, last + 1)))


def _file_lines(path: Path) -> list[str]:
    """The file's lines as a person would see them in an editor; [] when unreadable."""
    try:
        if path.stat().st_size > _LARGEST_FILE:
            return []
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return []
    return [_printable(line) for line in text.splitlines()]


def _printable(line: str) -> str:
    """Control characters shown as escapes (as problem messages show them), long lines cut."""
    shown = "".join(f"\\x{ord(c):02x}" if _control(c) else c for c in line)
    return shown if len(shown) <= _LONGEST_LINE else shown[:_LONGEST_LINE] + "…"


def _control(char: str) -> bool:
    code = ord(char)
    return char != "\t" and (code < 0x20 or 0x7F <= code <= 0x9F)
