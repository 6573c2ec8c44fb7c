"""The read stage's entry point: content folders in, entries and problems out."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from openwork.content.aliases import read_foreign
from openwork.content.authors import load_authors, resolve_author
from openwork.content.blameless import Rules, check_incident
from openwork.content.discover import Found, find_files
from openwork.content.excerpt import first_paragraph, shorten
from openwork.content.guards import (
    comment_message,
    comment_openers,
    control_field_message,
    misspelt_controls,
)
from openwork.content.model import Amendment, Author, Entry
from openwork.content.names import check_names, collisions
from openwork.content.private import marker_problems, strip_comments, strip_private
from openwork.content.schemas import SCHEMAS, CommonMeta, IncidentMeta, WeeknoteMeta
from openwork.content.source import Source, read_source
from openwork.content.tag_rules import TagRules, entry_tags, load_tag_rules, slug_collisions
from openwork.content.teams import Team, load_teams, unknown_teams
from openwork.content.validate import Checker, check_rules, field_name, validate_model
from openwork.content.weeknote import weeknote_title, weeknote_week
from openwork.forked import in_chunks
from openwork.options import CollectionOptions, Options
from openwork.problems import Problem, describe_exception, sort_problems
from openwork.slugs import slugify, too_long
from openwork.tags import Tag

_T = TypeVar("_T")
RESERVED_SLUGS = {"page", "weeks", "index", "feed", "atom"}
_YEAR = re.compile(r"^\d{4}$")
MIN_SHARE = 500  # files per process below which forking costs more than it saves
CHUNK = 20  # files a process reads between asking for more


@dataclass
class ReadResult:
    """Everything the read stage found: published entries newest first, the rest aside."""

    entries: list[Entry] = field(default_factory=list)
    hidden: list[Entry] = field(default_factory=list)  # drafts and embargoed entries
    problems: list[Problem] = field(default_factory=list)
    authors: dict[str, Author] = field(default_factory=dict)
    watched: list[Path] = field(default_factory=list)  # folders and files serve should watch
    tag_rules: TagRules = field(default_factory=TagRules)  # aliases and the allow-list
    teams: dict[str, Team] | None = None  # teams.yml; None when the site has none

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading one file of a collection needs besides the file itself."""

    options: Options
    kind: str
    collection: CollectionOptions
    authors: dict[str, Author]
    tag_rules: TagRules
    blameless: Rules | None = None
    teams: dict[str, Team] | None = None  # writers (#14): declared names for derived titles


def read_content(
    root: Path,
    options: Options,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
    reader: FileReader | None = None,
    jobs: int = 1,
) -> ReadResult:
    """Read every content folder under `root` (the folder holding mkdocs.yml).

    `progress`, if given, is called with each content file's path as it is read (the CLI's
    counter). `reader` reads one file in place of `read_file` (serve's cache, which calls it).
    `jobs` > 1 shares the files among that many processes (`openwork check`).
    """
    now = now or datetime.now(UTC)
    result = ReadResult()
    result.authors = _site_file(
        options.authors_file, lambda: load_authors(root, options.authors_file), {}, result
    )
    result.watched.append(root / options.authors_file)
    result.tag_rules = _site_file(
        options.tags.allowed or "mkdocs.yml",
        lambda: load_tag_rules(root, options.tags),
        TagRules(),
        result,
    )
    if options.tags.allowed:
        result.watched.append(root / options.tags.allowed)
    # writers (#14): declared teams, checked against each entry's `team:` below.
    result.teams = _site_file(
        options.teams_file,
        lambda: load_teams(root, options.teams_file, result.authors),
        result.teams,
        result,
    )
    result.watched.append(root / options.teams_file)
    rules = None
    if options.blameless.enabled:
        rules = Rules.from_options(options.blameless, [a.name for a in result.authors.values()])
    files: list[tuple[Found, Reading]] = []
    for kind, collection in options.collections.items():
        result.watched.append(root / collection.folder)
        reading = Reading(
            options, kind, collection, result.authors, result.tag_rules, rules, result.teams
        )
        files.extend(
            (found, reading) for found in find_files(root, collection.folder, result.problems)
        )
    candidates: list[Entry] = []
    for entry, problems in read_files(files, progress, jobs, reader):
        result.problems.extend(problems)
        if entry is not None:
            candidates.append(entry)
    published = _check_site(candidates, result.problems)
    for entry in published:
        visible = not entry.draft and (entry.publish_after is None or entry.publish_after <= now)
        (result.entries if visible else result.hidden).append(entry)
    result.problems.extend(slug_collisions(result.entries))
    result.problems.extend(collisions(result.entries))
    result.problems.extend(unknown_teams(published, result.teams, options.teams_file))
    result.entries.sort(key=lambda e: (e.date, e.id), reverse=True)
    # A bad .meta.yml default is reported once at its own line, not once per file below it.
    result.problems = sort_problems(dict.fromkeys(result.problems))
    return result


def _site_file(
    rel: str, load: Callable[[], tuple[_T, list[Problem]]], empty: _T, result: ReadResult
) -> _T:
    """A site-wide file's value (authors.yml, the tag list, teams.yml) with its problems
    added to `result`; inside the same boundary as each content file."""
    try:
        value, problems = load()
    except Exception as exc:
        value, problems = empty, [crash_problem(rel, "read", exc)]
    result.problems.extend(problems)
    return value


FileReader = Callable[[Found, Reading], tuple[Entry | None, list[Problem]]]


def read_files(
    files: list[tuple[Found, Reading]],
    progress: Callable[[str], None] | None,
    jobs: int = 1,
    reader: FileReader | None = None,
) -> list[tuple[Entry | None, list[Problem]]]:
    """Each file's entry and problems, in the order given; `jobs` > 1 shares the files among
    forked processes (each sends back its entries), when there are enough to gain from it."""
    count = max(1, min(jobs, len(files) // MIN_SHARE))
    here = os.getpid()
    counted: set[str] = set()

    def read_chunk(
        chunk: Sequence[tuple[Found, Reading]],
    ) -> list[tuple[Entry | None, list[Problem]]]:
        out = []
        for found, reading in chunk:
            if progress is not None and os.getpid() == here:  # the counter moves as we read
                progress(found.rel_path)
                counted.add(found.rel_path)
            out.append((reader or read_file)(found, reading))
        return out

    read = [pair for part in in_chunks(files, read_chunk, count, CHUNK) for pair in part]
    if progress is not None and len(counted) < len(files):  # what other processes read
        for found, _ in files:
            if found.rel_path not in counted:
                progress(found.rel_path)
    return read


def read_file(found: Found, reading: Reading) -> tuple[Entry | None, list[Problem]]:
    """One file's entry (None when it is left out) and problems; never raises.

    The boundary of the read stage: whatever goes wrong reading one file becomes an error
    naming that file, the entry is left out, and the other files are read.
    """
    try:
        return _read_one(found, reading)
    except Exception as exc:
        return None, [crash_problem(found.rel_path, "read", exc)]


def crash_problem(path: str, stage: str, exc: BaseException) -> Problem:
    """The error for an exception openwork did not foresee, naming the file it happened on."""
    return Problem(
        path,
        1,
        "error",
        f"openwork could not {stage} this file: {describe_exception(exc)} - it is left "
        "out; please report it",
    )


def _read_one(found: Found, reading: Reading) -> tuple[Entry | None, list[Problem]]:
    source = read_source(found.abs_path, found.rel_path)
    if isinstance(source, Problem):
        return None, [source]
    # Other generators' fields and template code, read as their openwork equivalents (each
    # change is a problem on the source, so it comes before the checker copies them).
    data = read_foreign(source, {**found.defaults, **source.data}, reading.kind)
    checker = Checker(source, found.default_origin)
    data = _fail_closed(data, reading.options, checker)
    options = reading.options
    meta = validate_model(SCHEMAS[reading.kind], data, checker, {"zone": options.zone})
    entry = None
    if meta is not None:  # partial after an error: its other problems are reported too
        check_rules(meta, checker, options.severities)
        check_names(meta, reading.authors, checker)
        tags = entry_tags(meta.tags, reading.tag_rules, checker)
        if not checker.failed:
            entry = _build_entry(source, meta, reading, checker, tags)
    if reading.blameless is not None and isinstance(meta, IncidentMeta):
        # The whole body, private blocks included: the same warnings in every build.
        checker.problems.extend(
            check_incident(
                source.path, meta, source.body, source.body_line, source.line_of, reading.blameless
            )
        )
    return (entry if not checker.failed else None), checker.problems


def _fail_closed(data: dict[str, Any], options: Options, checker: Checker) -> dict[str, Any]:
    """Errors for what could publish hidden text; the data without misspelt control fields."""
    misspelt = dict(misspelt_controls(data))
    for key, field_ in misspelt.items():
        checker.add((key,), "error", control_field_message(key, field_))
    if not options.include_private:
        for loc in comment_openers(data):
            checker.add(loc, "error", comment_message(field_name(loc)))
    return {k: v for k, v in data.items() if k not in misspelt}


def _build_entry(
    source: Source, meta: CommonMeta, reading: Reading, checker: Checker, tags: tuple[Tag, ...]
) -> Entry | None:
    options, collection = reading.options, reading.collection
    stem = file_stem(source.path)
    week = None
    date = meta.date
    if isinstance(meta, WeeknoteMeta):
        week, date = weeknote_week(meta, stem, options, checker)
        if date is None:
            return None
        if not meta.authors and not meta.team:
            checker.add(
                ("authors",),
                "error",
                "a weeknote needs authors or team: add team: your-team (or authors: [your-id])",
            )
            return None
    elif date is None:
        checker.add(
            (),
            "error",
            "missing required field 'date': add the publication date, e.g. date: 2026-11-20",
        )
        return None
    slug = slugify(meta.slug or stem)
    if not slug:
        written = f"slug '{meta.slug}'" if meta.slug else f"the file name '{stem}'"
        checker.add(
            ("slug",) if meta.slug else (),
            "error",
            f"{written} has no letters or digits to make a URL from: "
            "set slug: to a few words, e.g. slug: new-search",
        )
        return None
    if slug in RESERVED_SLUGS or _YEAR.match(slug):
        checker.add(
            ("slug",) if meta.slug else (),
            "error",
            f"the URL /{collection.url}/{slug}/ is "
            "reserved for openwork's own pages: rename the file or set another slug",
        )
        return None
    if meta.slug and slug != meta.slug:
        checker.add(
            ("slug",),
            "warning",
            f"slug '{meta.slug}' is not a URL segment: using "
            f"'{slug}' (lower case, words joined by '-')",
        )
    elif too_long(stem):
        checker.add((), "warning", f"the file name is too long for a URL: its page is /{slug}/")
    body = source.body
    for offset, message in marker_problems(body):
        checker.problems.append(Problem(source.path, source.body_line + offset, "warning", message))
    if not options.include_private:
        body, _ = strip_private(body)
        body = strip_comments(body)
    title = meta.title or weeknote_title(meta, week, reading.teams)
    excerpt = shorten(" ".join(meta.summary.split())) if meta.summary else first_paragraph(body)
    extra = dict(meta.model_extra or {})
    return Entry(
        kind=reading.kind,
        collection=collection.url,
        # The folder, not the URL base: changing `url` must not change ids (feeds use them).
        id=meta.id or f"{_folder_name(collection.folder) or collection.url}/{stem}",
        slug=slug,
        path=source.path,
        title=title,
        date=date,
        updated=meta.updated,
        authors=tuple(resolve_author(a, reading.authors) for a in meta.authors),
        team=meta.team,
        tags=tags,
        summary=meta.summary,
        excerpt=excerpt,
        body=body,
        body_line=source.body_line,
        draft=meta.draft,
        publish_after=meta.publish_after,
        related=tuple(meta.related),
        amendments=tuple(
            sorted((Amendment(at=a.date, note=a.note) for a in meta.amendments), key=lambda a: a.at)
        ),
        meta=meta,
        week=week,
        extra=extra,
        lines={str(k[0]): v for k, v in source.lines.items() if len(k) == 1},
    )


def file_stem(rel_path: str) -> str:
    """`PurePosixPath(rel_path).stem` for a relative path as discovery writes it (no '.'
    or empty parts), without making a path object for each of 10,000 files."""
    name = rel_path.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


@lru_cache(maxsize=64)
def _folder_name(folder: str) -> str:
    return PurePosixPath(folder).name


def _check_site(entries: list[Entry], problems: list[Problem]) -> list[Entry]:
    """Duplicate ids and URLs, and related ids that point nowhere."""
    by_id: dict[str, Entry] = {}
    by_url: dict[str, Entry] = {}
    kept: list[Entry] = []
    for entry in sorted(entries, key=lambda e: e.path):
        # The URL first: two files with one stem in different folders share the default id
        # too, and renaming a file is what fixes both.
        other = by_url.get(entry.url)
        if other is not None:
            also_id = " and id" if other.id == entry.id else ""
            problems.append(
                Problem(
                    entry.path,
                    entry.lines.get("slug", 1),
                    "error",
                    f"URL /{entry.url} is also the URL of {other.path}: "
                    f"rename one of the files, or give one of them another slug{also_id}",
                )
            )
            continue
        first = by_id.get(entry.id)
        if first is not None:
            problems.append(
                Problem(
                    entry.path,
                    entry.lines.get("id", 1),
                    "error",
                    f"id '{entry.id}' is also the id of {first.path}: give one of them another id",
                )
            )
            continue
        by_id[entry.id] = entry
        by_url[entry.url] = entry
        kept.append(entry)
    for entry in kept:
        for target in entry.related:
            if target not in by_id:
                problems.append(
                    Problem(
                        entry.path,
                        entry.lines.get("related", 1),
                        "warning",
                        f"related id '{target}' is not the id of any entry: the link is left out",
                    )
                )
    return kept
