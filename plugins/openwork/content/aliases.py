"""Front matter other generators write (Jekyll, Hugo), read as the openwork field it means.

One table, used by the read stage on every build and by `openwork import` when it rewrites
files, so that the two never disagree about what `description` or `published` means.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openwork.content.dates import DateError, to_date
from openwork.content.liquid import FENCE as _FENCE
from openwork.content.liquid import clean_text, convert, summarise
from openwork.content.private import strip_comments, strip_private
from openwork.content.source import Source
from openwork.problems import Level, Problem

# written field -> (openwork field, what the guide says). Order matters: the first alias that
# gives a field wins (`description` before `excerpt` for the summary).
ALIASES: dict[str, tuple[str, str]] = {
    "published": ("date", "the publication date (Jekyll's `published: false` means a draft)"),
    "publishDate": ("date", "Hugo's publication date; a future one also embargoes the entry"),
    "week_ending": ("date", "weeknotes: the last day of the week, so it gives the ISO week"),
    "lastmod": ("updated", "Hugo's last-modified date"),
    "last_modified_at": ("updated", "jekyll-last-modified-at's date"),
    "description": ("summary", "the summary shown in listings and feeds"),
    "excerpt": ("summary", "Jekyll's hand-written excerpt, when there is no description"),
    "author": ("authors", "one author (or a list), as authors"),
    "categories": ("tags", "added to the tags"),
}
# Read, never mapped: openwork's URL is the file stem (or `slug`), so an old address is kept
# as an extra field for templates and redirects rather than changing where a page lives.
KEPT = {"permalink": "kept as an extra field (the old address, for redirects); not the URL"}

# Kinds whose title is required: without one, the body's first heading is a better title
# than a rejected file (weeknotes make theirs from the team and week).
TITLE_FROM_HEADING = {"incident", "experiment"}
_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-|$)")


@dataclass(frozen=True, slots=True)
class FieldNote:
    """Something said about one written field (None: the file as a whole)."""

    field: str | None
    level: Level
    message: str


def date_from_name(stem: str) -> str | None:
    """'2022-11-18' from Jekyll's '2022-11-18-slug' or a weeknote named '2022-11-18'."""
    match = _FILE_DATE.match(stem)
    if not match:
        return None
    try:
        to_date(match.group(1))
    except DateError:
        return None
    return match.group(1)


def map_aliases(
    data: dict[str, Any], stem: str
) -> tuple[dict[str, Any], dict[str, str], list[FieldNote]]:
    """The front matter with aliases read as openwork fields.

    Returns the new mapping, {openwork field: field as written} for each mapped one (so a
    problem with the value points at the line the writer wrote), and notes for the writer.
    """
    out = dict(data)
    written: dict[str, str] = {}
    notes: list[FieldNote] = []
    published = out.get("published")
    if isinstance(published, bool):
        # Jekyll: `published: false` keeps a post out of the site. Fail closed: a draft,
        # even beside `draft: false`.
        del out["published"]
        if not published:
            out["draft"] = True
            written["draft"] = "published"
    if "publishDate" in out:
        # Hugo holds a post back until its publishDate: the same as openwork's embargo.
        out.setdefault("publish_after", out["publishDate"])
        written.setdefault("publish_after", "publishDate")
    for alias, (target, _) in ALIASES.items():
        if alias not in out:
            continue
        value = out[alias]
        if target == "tags":
            merged = _merge_tags(out.get("tags"), value)
            if merged is not None:
                out["tags"] = merged
                written.setdefault("tags", alias)
                del out[alias]
            continue
        if target in out and out[target] not in (None, "", []):
            if alias == "publishDate" or _same(out[target], value):
                del out[alias]
            elif target not in written:  # else an earlier alias gave it: this one is kept
                notes.append(
                    FieldNote(
                        alias,
                        "warning",
                        f"both '{alias}' and '{target}' are set: using {target}, "
                        f"and keeping {alias} as an extra field (remove one of them)",
                    )
                )
            continue
        if target == "summary" and not isinstance(value, str):
            continue  # a Jekyll excerpt object or a list: nothing readable as text
        out[target] = value
        written[target] = alias
        del out[alias]
    if out.get("date") is None:
        from_name = date_from_name(stem)
        if from_name:
            out["date"] = from_name
    return out, written, notes


def _merge_tags(tags: Any, categories: Any) -> list[Any] | None:
    extra = _as_list(categories, space_separated=True)
    if extra is None:
        return None
    have = _as_list(tags, space_separated=False)
    if have is None:
        return None
    seen = {str(t).casefold() for t in have}
    return have + [c for c in extra if str(c).casefold() not in seen]


def _as_list(value: Any, *, space_separated: bool) -> list[Any] | None:
    if value is None:
        return []
    if isinstance(value, str):
        # Jekyll reads `categories: release notes` as two categories; a comma list is one each.
        sep = "," if "," in value or not space_separated else None
        return [p.strip() for p in value.split(sep) if p.strip()]
    if isinstance(value, list):
        return list(value)
    return None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, date | datetime) or isinstance(b, date | datetime):
        try:
            return to_date(a) == to_date(b)
        except DateError:
            return False
    return a == b or (isinstance(a, list) and a == [b])


_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")


def first_heading(body: str) -> tuple[str, int] | None:
    """The first heading's text and its 0-based line in the body, outside code blocks."""
    fence: str | None = None
    previous = ""
    # trust-read: only the public text; a heading in a private block or a comment would
    # otherwise become the published title (line count is kept by both).
    body = strip_comments(strip_private(body)[0])
    for number, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if opened:
            mark = opened.group(1)
            fence = None if fence and mark[0] == fence[0] else (fence or mark)
        elif fence is None:
            atx = _HEADING.match(line)
            if atx:
                return clean_text(atx.group(2)), number
            if previous.strip() and _SETEXT.match(line) and "=" in line:
                return clean_text(previous.strip()), number - 1
        previous = line
    return None


def read_foreign(source: Source, data: dict[str, Any], kind: str) -> dict[str, Any]:
    """The read stage's one call: aliases mapped, a date from the file name, a title from the
    first heading, template code converted in the body; each change said in source.problems."""
    stem = posixpath.splitext(posixpath.basename(source.path))[0]  # no Path: 10,000 files
    data, written, notes = map_aliases(data, stem)
    for target, alias in written.items():
        if (alias,) in source.lines:
            source.lines[(target,)] = source.lines[(alias,)]
    for note in notes:
        line = source.lines.get((note.field,), 1) if note.field else 1
        source.problems.append(Problem(source.path, line, note.level, note.message))
    for name in ("title", "summary"):
        if isinstance(data.get(name), str):
            data[name] = clean_text(data[name])
    body, changes = convert(source.body)
    if changes:
        source.body = body
        source.problems.append(
            Problem(
                source.path,
                source.body_line + changes[0].line,
                "warning",
                f"template code from another site generator ({summarise(changes)}) was "
                "converted or removed for this build: run 'openwork import' to convert the "
                "file once, or edit it",
            )
        )
    # Said only of a report that is otherwise whole: a rejected file has its errors to fix.
    whole = all(data.get(name) not in (None, "") for name in ("severity", "status", "impact"))
    if kind == "incident" and whole and data.get("started") in (None, ""):
        source.problems.append(
            Problem(
                source.path,
                1,
                "warning",
                "no started: the report is published with 'timings not recorded' and left out "
                "of the duration figures; add started: YYYY-MM-DD HH:MM if you know it",
            )
        )
    if kind in TITLE_FROM_HEADING and not data.get("title"):
        heading = first_heading(source.body)
        if heading and heading[0]:
            data["title"] = heading[0]
            source.lines[("title",)] = source.body_line + heading[1]
            source.problems.append(
                Problem(
                    source.path,
                    source.body_line + heading[1],
                    "warning",
                    f"no title: using the first heading, '{heading[0]}' (add title: to choose)",
                )
            )
    return data
