"""Names that become URLs (teams, authors, tags): safe to use as a folder, and one per page.

A name whose slug is empty is an error; one that is a generated page's (`index`) gets another
address (see paths.segment) with a warning; a slug longer than `MAX_SLUG_BYTES` is cut with a
hash (see slugs.py) and warned about; two spellings that share
one page ("Jane Doe", "JANE  DOE!") are a warning naming both files.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from openwork.content.model import Author, Entry
from openwork.problems import Problem
from openwork.slugs import MAX_SLUG_BYTES, slugify, too_long

if TYPE_CHECKING:
    from openwork.content.validate import Checker

RESERVED_NAMES = frozenset({"index"})  # teams/index.md and authors/index.md list them all


def name_problem(what: str, written: str, base: str) -> tuple[str, str] | None:
    """(level, message) when `written` cannot be used as is for the page /base/<slug>/."""
    slug = slugify(written)
    if not slug:
        return "error", (
            f"{what} '{written}' has no letters or digits to make its page's URL from: "
            "write it with letters or digits"
        )
    if slug in RESERVED_NAMES:
        # paths.segment gives it '<slug>-<kind>' so the listing stays: say so
        kind = base.removesuffix("s")
        return "warning", (
            f"{what} '{written}' would take the URL /{base}/, which lists all of them: its page "
            f"is /{base}/{slug}-{kind}/ instead (choose another name for a plainer address)"
        )
    if too_long(written):
        return "warning", (
            f"{what} '{written[:40]}...' is longer than a URL segment may be "
            f"({MAX_SLUG_BYTES} bytes): its page is /{base}/{slug}/"
        )
    return None


def check_names(meta: object, known_authors: dict[str, Author], checker: Checker) -> None:
    """The team, plain author names and tags of one entry."""
    team = getattr(meta, "team", None)
    if team:
        _add(checker, ("team",), name_problem("team", team, "teams"))
    for index, written in enumerate(getattr(meta, "authors", ())):
        if written not in known_authors:
            _add(checker, ("authors", index), name_problem("author", written, "authors"))
    for index, written in enumerate(getattr(meta, "tags", ())):
        if too_long(written):
            _add(checker, ("tags", index), name_problem("tag", written, "tags"))


def _add(checker: Checker, loc: tuple[str | int, ...], found: tuple[str, str] | None) -> None:
    if found is not None:
        level, message = found
        checker.add(loc, "error" if level == "error" else "warning", message)


def _spelling(text: str) -> str:
    # "Data Science" and "data-science" are one team written two usual ways
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


def collisions(entries: Iterable[Entry]) -> list[Problem]:
    """Teams and authors written differently in different files that share one page."""
    problems: list[Problem] = []
    first: dict[tuple[str, str], tuple[str, str]] = {}  # (base, slug) -> (written, path)
    warned: set[tuple[str, str, str]] = set()
    for entry in sorted(entries, key=lambda e: e.path):
        names = [("teams", "team", entry.team, slugify(entry.team))] if entry.team else []
        names += [("authors", "authors", a.name, a.id) for a in entry.authors]
        for base, field, written, slug in names:
            other, where = first.setdefault((base, slug), (written, entry.path))
            spelling = (base, slug, _spelling(written))
            if _spelling(other) == spelling[2] or spelling in warned:
                continue
            warned.add(spelling)
            what = base[:-1]
            problems.append(
                Problem(
                    entry.path,
                    entry.lines.get(field, 1),
                    "warning",
                    f"{what} '{written}' shares the page /{base}/{slug}/ with {what} '{other}' "
                    f"in {where}: write the name the same way in both files",
                )
            )
    return problems
