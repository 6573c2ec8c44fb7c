"""`openwork check`: the build's pipeline without MkDocs, its problems as lines, an exit status."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openwork.cli.siteconfig import SiteConfig
from openwork.forked import usable_cores
from openwork.options import Options
from openwork.pipeline import SiteSettings, run
from openwork.problems import Problem
from openwork.reporting import group_problems, nothing_published

# Feed items are made and written even without a `site_url` (the build would refuse to run):
# a value that breaks a feed is reported either way.
PLACEHOLDER_URL = "https://example.invalid/"
MAX_JOBS = 4  # processes a check shares its work among, at most


class PathError(Exception):
    """A PATHS argument that does not exist."""


@dataclass(frozen=True)
class Scope:
    """Which files' problems to report: everything, or files and folders given on the line."""

    files: frozenset[str] = frozenset()
    folders: tuple[str, ...] = ()
    everything: bool = True

    def covers(self, rel_path: str) -> bool:
        if self.everything:
            return True
        return rel_path in self.files or rel_path.startswith(self.folders)


def make_scope(paths: Sequence[str], root: Path, cwd: Path) -> Scope:
    """PATHS (relative to the current folder) as site-root-relative files and folder prefixes.

    A path outside the site is accepted and matches nothing, so a pre-commit hook may pass
    every changed file in the repository.
    """
    if not paths:
        return Scope()
    files: set[str] = set()
    folders: list[str] = []
    for given in paths:
        path = (cwd / given).resolve()
        if not path.exists():
            raise PathError(f"no such file or folder: {given}")
        if not path.is_relative_to(root):
            continue
        rel = path.relative_to(root).as_posix()
        if path.is_dir():
            if rel == ".":
                return Scope()
            folders.append(rel + "/")
        else:
            files.add(rel)
    return Scope(frozenset(files), tuple(folders), everything=False)


@dataclass(frozen=True)
class Report:
    problems: list[Problem]
    files: int  # content files read within the scope

    @property
    def errors(self) -> int:
        return sum(p.level == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.level == "warning" for p in self.problems)

    def exit_code(self, strict: bool) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0

    def summary(self, strict: bool) -> str:
        where = f"in {_count(self.files, 'file')}"
        if not self.problems:
            return f"No problems {where}"
        parts = []
        if self.errors:
            parts.append(_count(self.errors, "error"))
        if self.warnings:
            parts.append(_count(self.warnings, "warning"))
        text = f"{', '.join(parts)} {where}"
        if strict and self.warnings and not self.errors:
            text += " (--strict: warnings fail the check)"
        return text


def run_check(
    root: Path,
    options: Options,
    scope: Scope,
    progress: Callable[[str], None] | None = None,
    settings: SiteSettings | None = None,
    jobs: int | None = None,
) -> Report:
    """Run the build's pipeline (read, index, render pages, feed items; no Markdown is
    converted) over the whole site, as duplicates and related ids need; report the scope.

    The work is shared among `jobs` processes (default: the usable cores, at most
    MAX_JOBS); what is rendered is only tried, not kept."""
    seen: list[str] = []

    def count(path: str) -> None:
        seen.append(path)
        if progress is not None:
            progress(path)

    settings = settings or SiteSettings(site_url=PLACEHOLDER_URL, feed_bodies_from_markdown=True)
    jobs = jobs or min(usable_cores(), MAX_JOBS)
    try:
        result = run(root, options, settings, "build", progress=count, check_jobs=jobs)
    finally:
        gc.unfreeze()  # what the read stage froze may be collected again (forked.py)
    problems = [p for p in result.problems if scope.covers(p.path)]
    if scope.everything:  # every entry rejected: one loud line at the end (#15)
        folders = [c.folder for c in options.collections.values()]
        read = result.read
        problems += nothing_published(folders, read.problems, len(read.entries) + len(read.hidden))
    files = sum(1 for path in seen if scope.covers(path))
    return Report(problems, files)


def check_settings(site: SiteConfig) -> SiteSettings:
    """What the build would know from mkdocs.yml, docs/ pages included (an entry whose page
    a docs page takes is an error in both) and the theme's template overrides."""
    docs = site.root / site.docs_dir
    pages = (
        frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.is_file())
        if docs.is_dir()
        else frozenset()
    )
    return SiteSettings(
        site_name=site.site_name,
        site_url=site.site_url or PLACEHOLDER_URL,
        directory_urls=site.directory_urls,
        template_dirs=site.template_dirs,
        docs_pages=pages,
        docs_dir=site.docs_dir,
        feed_bodies_from_markdown=True,
    )


def format_problems(problems: Iterable[Problem]) -> list[str]:
    # One problem per line: a message is never allowed to start a line of its own.
    return [" ".join(str(p).split("\n")) for p in group_problems(problems)]


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
