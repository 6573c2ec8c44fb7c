"""Feeds made inside per-entry boundaries: an item that cannot be made or written in some
format is left out of every feed with a problem naming its file; the other feeds are written."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from pathlib import Path

from openwork.content.model import Entry
from openwork.feeds.catalog import FeedCatalog
from openwork.feeds.model import FeedItem
from openwork.feeds.publish import iter_feed_files, write_items
from openwork.pipeline.boundary import entry_problem, isolate
from openwork.problems import Problem, describe_exception


class FeedChecks:
    """Feed items written without error in a format, kept by a server between rebuilds: an
    item equal to one that passed in the last build is not written again to check it."""

    def __init__(self) -> None:
        self._last: set[tuple[str, FeedItem]] = set()
        self._this: set[tuple[str, FeedItem]] = set()
        self.skipped = 0  # in this instance's life, for tests

    def new_build(self) -> None:
        self._last, self._this = self._this, set()

    def known(self, fmt: str, item: FeedItem) -> bool:
        if (fmt, item) in self._last:
            self._this.add((fmt, item))
            self.skipped += 1
            return True
        return False

    def passed(self, fmt: str, item: FeedItem) -> None:
        self._this.add((fmt, item))


def checked_catalog(
    catalog: FeedCatalog,
    bodies: Mapping[str, str],
    made: MutableMapping[str, FeedItem] | None = None,
    checks: FeedChecks | None = None,
    texts: MutableMapping[str, dict[str, bytes]] | None = None,
) -> tuple[FeedCatalog, list[Entry], list[Problem]]:
    """The catalog without the entries whose items fail, those entries, and a problem each.

    Each entry a feed carries is made into an item (kept in `made`, for the feeds to reuse)
    and written in each format (unless `checks` knows it passed), its text kept in
    `texts[fmt]` for the feeds when given; when that raises, halved until the failing items
    are found."""
    made = {} if made is None else made
    problems: list[Problem] = []
    failed: list[Entry] = []
    items: list[tuple[Entry, FeedItem]] = []
    for entry in catalog.in_feeds():
        try:
            item = catalog.item(entry, bodies.get(entry.id))
            items.append((entry, item))
            made[entry.id] = item
        except Exception as exc:
            failed.append(entry)
            problems.append(entry_problem(entry, "feed", exc))
    for fmt in catalog.formats:

        def attempt(batch: Sequence[tuple[Entry, FeedItem]], fmt: str = fmt) -> None:
            into = texts.setdefault(fmt, {}) if texts is not None else None
            write_items(fmt, [item for _, item in batch], into)

        todo = [pair for pair in items if checks is None or not checks.known(fmt, pair[1])]
        for index, exc in isolate(todo, attempt).items():
            entry = todo[index][0]
            failed.append(entry)
            problems.append(entry_problem(entry, "feed", exc))
        items = [pair for pair in items if pair[0] not in failed]
        for entry, item in todo if checks is not None else ():
            if entry not in failed:
                checks.passed(fmt, item)
    if failed:
        catalog = catalog.without({e.id for e in failed})
    return catalog, failed, problems


def iter_feed_documents(
    catalog: FeedCatalog,
    bodies: Mapping[str, str],
    problems: list[Problem],
    checks: FeedChecks | None = None,
) -> Iterator[tuple[str, bytes]]:
    """(path under the site root, bytes) for every feed, the stylesheet and the OPML, one at
    a time; what went wrong is added to `problems`.

    `bodies` maps entry id to its body HTML (the build's), or to its Markdown (check, which
    converts nothing)."""
    if not catalog.formats or not catalog.scopes:
        return
    made: dict[str, FeedItem] = {}
    # Each item's text as the check wrote it, for the feeds: written once per format.
    texts: dict[str, dict[str, bytes]] = {}
    catalog, _, found = checked_catalog(catalog, bodies, made, checks, texts)
    problems.extend(found)

    def feed_failed(path: str, exc: Exception) -> None:  # not one entry's fault: left out
        message = f"openwork could not write this feed: {describe_exception(exc)}"
        problems.append(Problem(path, 1, "error", message))

    yield from iter_feed_files(catalog, bodies, feed_failed, made, texts)


def feed_documents(
    catalog: FeedCatalog, bodies: Mapping[str, str]
) -> tuple[dict[str, bytes], list[Problem]]:
    """{path under the site root: bytes} for every feed and the OPML, and what went wrong."""
    problems: list[Problem] = []
    files = dict(iter_feed_documents(catalog, bodies, problems))
    return files, problems


def write_feed_files(
    catalog: FeedCatalog,
    bodies: Mapping[str, str],
    site_dir: Path,
    written: list[str] | None = None,
    checks: FeedChecks | None = None,
) -> list[Problem]:
    """Write every feed that can be written under `site_dir`, one file at a time (each
    path added to `written`); the problems of the rest."""
    problems: list[Problem] = []
    for rel, data in iter_feed_documents(catalog, bodies, problems, checks):
        if written is not None:
            written.append(rel)
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return problems
