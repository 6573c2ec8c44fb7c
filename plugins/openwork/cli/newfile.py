"""`openwork new`: the file name and starting text of a new weeknote, experiment or incident.

Every template passes `openwork check --strict` as written: prompts are YAML comments in the
front matter and HTML comments in the body, so an unfinished section shows nothing on the site.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openwork.content.dates import iso_week
from openwork.options import Options
from openwork.slugs import slugify

MAX_SLUG = 60
_PLAIN = re.compile(r"[A-Za-z][\w-]*( [\w-]+)*")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


class NewFileError(Exception):
    """A new file that cannot be written; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class NewEntry:
    rel_path: str  # relative to the site root, '/'-separated
    folder: str  # the kind's content folder, where clashing file names are looked for
    text: str


@dataclass(frozen=True)
class Who:
    """What the writer told us, or what we could guess, about who and which team."""

    authors: tuple[str, ...] = ()
    team: str | None = None


def scalar(value: str) -> str:
    """A YAML scalar for `value`: bare when that reads back as the same text, else quoted."""
    if _PLAIN.fullmatch(value) and value.casefold() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def flow_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def title_slug(title: str) -> str:
    """The file-name part for a title, cut at a word boundary to at most MAX_SLUG characters."""
    slug = slugify(title)
    if not slug:
        raise NewFileError(
            f"the title {title!r} has no letters or numbers to name the file after", code=2
        )
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
    return slug


def _who_lines(who: Who) -> list[str]:
    lines = []
    if who.authors:
        lines.append(f"authors: {flow_list(who.authors)}")
    else:
        lines.append("authors: []  # add your id from authors.yml, or your name")
    if who.team:
        lines.append(f"team: {scalar(who.team)}")
    else:
        lines.append("# team: your-team")
    return lines


def _draft_line(draft: bool) -> list[str]:
    if draft:
        return ["draft: true  # not published until you remove this line"]
    return ["# draft: true  # uncomment to keep it off the site while you write"]


def weeknote(
    options: Options, day: date, who: Who, title: str | None = None, draft: bool = False
) -> NewEntry:
    """weeknotes/<ISO year>/<ISO week>-<team or author>.md for the week of `day`."""
    week = iso_week(day)
    owner = who.team or (who.authors[0] if who.authors else None)
    if not owner:
        raise NewFileError(
            "a weeknote needs a team or an author: add --team your-team "
            "(or --author your-id from authors.yml)",
            code=2,
        )
    stem = f"{week}-{slugify(owner) or 'team'}"
    folder = options.collections["weeknote"].folder
    rel = f"{folder}/{week[:4]}/{stem}.md"
    if title:
        title_line = f"title: {scalar(title)}"
    else:
        title_line = "# title: optional; without one the site makes one from the team and week"
    front = [
        title_line,
        f"week: {week}",
        f"date: {day.isoformat()}",
        *_who_lines(who),
        "tags: []  # e.g. [search, accessibility]",
        "# summary: one or two sentences for listings and feeds (else the first paragraph)",
        *_draft_line(draft),
    ]
    body = """\
<!--
Write for someone outside your team: plain words, no acronyms without a link.
Link to other entries by their files, e.g. [our trial](../../experiments/file-name.md).
Replace each comment like this one with your own words; comments never appear on the site.
-->

## What we did

<!-- The work that moved this week, and why it matters. -->

## What we learned

<!-- Something that surprised you, or that another team could use. -->

## Next week

<!-- What you plan to do next. -->
"""
    return NewEntry(rel, folder, _document(front, body))


def experiment(options: Options, day: date, title: str, who: Who, draft: bool = False) -> NewEntry:
    """experiments/<date>-<title slug>.md, proposed, with a hypothesis to fill in."""
    folder = options.collections["experiment"].folder
    rel = f"{folder}/{day.isoformat()}-{title_slug(title)}.md"
    front = [
        f"title: {scalar(title)}",
        f"date: {day.isoformat()}",
        "status: proposed  # proposed, running, concluded or abandoned",
        "hypothesis: >-",
        "  We believe [this change] will result in [this outcome].",
        "  We will know when [this measure reaches this level, by this date].",
        *([f"owner: {scalar(who.authors[0])}"] if who.authors else ["# owner: your-id"]),
        *_who_lines(who),
        "tags: []",
        "# metrics:",
        "#   - name: What you will measure",
        '#     baseline: "58%"',
        '#     target: "63%"',
        "# When it starts: status: running, started: YYYY-MM-DD, and review_by: YYYY-MM-DD.",
        "# When it ends: status: concluded (or abandoned), ended: YYYY-MM-DD,",
        "#   outcome: validated, invalidated or inconclusive, and a result for each metric.",
        *_draft_line(draft),
    ]
    body = """\
## Hypothesis

<!-- Why you expect this change to work: what you have seen, heard or measured so far. -->

## What we'll measure

<!-- Each measure, where it comes from, its baseline and the target that would convince you. -->

## What we learned

<!-- Once it ends: what happened to each measure, what you decided, and what comes next. -->
"""
    return NewEntry(rel, folder, _document(front, body))


def incident(
    options: Options,
    day: date,
    started: datetime,
    title: str,
    who: Who,
    severity: str | None = None,
    draft: bool = False,
) -> NewEntry:
    """incidents/<date>-<title slug>.md, investigating, with the write-up's sections."""
    folder = options.collections["incident"].folder
    rel = f"{folder}/{day.isoformat()}-{title_slug(title)}.md"
    scale = options.severities
    hint = f"  # set it: {scale[0]} is the most severe, {scale[-1]} the least"
    severity_line = f"severity: {scalar(severity or scale[-1])}"
    if not severity and len(scale) > 1:
        severity_line += hint
    moment = started.replace(second=0, microsecond=0).isoformat(timespec="minutes")
    front = [
        f"title: {scalar(title)}",
        f"date: {day.isoformat()}",
        severity_line,
        "status: investigating  # investigating, identified, monitoring or resolved",
        f"started: {moment}  # when it began: your best estimate ({options.timezone})",
        f"# detected: {moment}  # when we noticed",
        f"# mitigated: {moment}  # when the impact stopped",
        f"# resolved: {moment}  # when it was fixed: needed once status is resolved",
        "impact: >-",
        "  Who or what was affected, how much and for how long.",
        "  Replace this with one or two sentences a resident could follow.",
        "services: []",
        *_who_lines(who),
        "tags: []",
        "# contributing_factors:  # conditions in systems and processes that made it possible",
        "#   - ...",
        "# actions:",
        "#   - action: What we will change",
        "#     owner: Platform team",
        "#     status: open",
        f"#     due: {day.isoformat()}",
        "# timeline:",
        f"#   - at: {moment}",
        "#     event: What happened at that moment",
        *_draft_line(draft),
    ]
    body = """\
<!--
How to write this report: describe what happened and why each step made sense at the time,
with what people knew and could see then. Write about systems, conditions and decisions
rather than about individuals. openwork check points out wording that singles people out.
-->

## Summary

<!-- Two or three sentences anyone could read on their own: what happened, who was
affected, and where things stand now. -->

## What happened

<!-- The story in order. Times can go in the timeline in the front matter. -->

## Why it made sense at the time

<!-- What people knew, saw and expected when they acted, and why their choices were
reasonable with that information. -->

## What went well

<!-- What helped: alerts that fired, people who stepped in, plans that worked. -->

## Where we got lucky

<!-- What could have made it worse, and did not. -->

## What we're changing

<!-- The actions in the front matter, and how each one changes the conditions above. -->
"""
    return NewEntry(rel, folder, _document(front, body))


def _document(front: list[str], body: str) -> str:
    return "---\n" + "\n".join(front) + "\n---\n\n" + body


def write_new(root: Path, entry: NewEntry) -> Path:
    """Create the file; refuse when it, or an entry with the same file name, already exists."""
    path = root / entry.rel_path
    stem = path.stem
    collection = root / entry.folder
    if collection.is_dir() and not path.exists():
        for other in collection.rglob(f"{stem}.md"):
            rel = other.relative_to(root).as_posix()
            raise NewFileError(
                f"{rel} already exists and has the same name, so the two would share one URL: "
                "open that file, or choose another title or team"
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(entry.text)
    except FileExistsError:
        raise NewFileError(
            f"{entry.rel_path} already exists: openwork new never overwrites a file. "
            "Open it to carry on writing, or choose another title, team or --date"
        ) from None
    return path
