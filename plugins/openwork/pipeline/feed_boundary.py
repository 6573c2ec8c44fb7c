"""Feeds made inside per-entry boundaries: an item that cannot be made or written in some
format is left out of every feed with a problem naming its file; the other feeds are written."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from openwork.content.model import Entry
from openwork.feeds.catalog import FeedCatalog
from openwork.feeds.model import EPOCH, Feed, FeedItem
from openwork.feeds.publish import RENDERERS, iter_feed_files
from openwork.pipeline.boundary import describe, entry_problem, isolate
from openwork.problems import Problem


def checked_catalog(
    catalog: FeedCatalog, bodies: Mapping[str, str]
) -> tuple[FeedCatalog, list[Entry], list[Problem]]:
    """The catalog without the entries whose items fail, those entries, and a problem each.

    Each entry a feed carries is made into an item, then all of them are written as one
    trial feed per format (halved until the failing items are found when that raises)."""
    problems: list[Problem] = []
    failed: list[Entry] = []
    items: list[tuple[Entry, FeedItem]] = []
    for entry in catalog.in_feeds():
        try:
            items.append((entry, catalog.item(entry, bodies.get(entry.id))))
        except Exception as exc:
            failed.append(entry)
            problems.append(entry_problem(entry, "feed", exc))
    for fmt in catalog.formats:

        def attempt(batch: Sequence[tuple[Entry, FeedItem]], fmt: str = fmt) -> bytes:
            return RENDERERS[fmt](_trial(catalog, [item for _, item in batch]))

        for index, exc in isolate(items, attempt).items():
            entry = items[index][0]
            failed.append(entry)
            problems.append(entry_problem(entry, "feed", exc))
        items = [pair for pair in items if pair[0] not in failed]
    if failed:
        catalog = catalog.without({e.id for e in failed})
    return catalog, failed, problems


def _trial(catalog: FeedCatalog, items: list[FeedItem]) -> Feed:
    site = catalog.find("site") or catalog.scopes[0]
    return Feed(
        title=site.title,
        description=site.description,
        home_url=catalog.page_url(site),
        urls={f: catalog.url(site, f) for f in catalog.formats},
        language=catalog.settings.language,
        author=catalog.settings.author or catalog.settings.site_name,
        updated=max((i.updated for i in items), default=EPOCH),
        items=tuple(items),
    )


def iter_feed_documents(
    catalog: FeedCatalog, bodies: Mapping[str, str], problems: list[Problem]
) -> Iterator[tuple[str, bytes]]:
    """(path under the site root, bytes) for every feed, the stylesheet and the OPML, one at
    a time; what went wrong is added to `problems`.

    `bodies` maps entry id to its body HTML (the build's), or to its Markdown (check, which
    converts nothing)."""
    if not catalog.formats or not catalog.scopes:
        return
    catalog, _, found = checked_catalog(catalog, bodies)
    problems.extend(found)

    def feed_failed(path: str, exc: Exception) -> None:  # not one entry's fault: left out
        message = f"openwork could not write this feed: {describe(exc)}"
        problems.append(Problem(path, 1, "error", message))

    yield from iter_feed_files(catalog, bodies, feed_failed)


def feed_documents(
    catalog: FeedCatalog, bodies: Mapping[str, str]
) -> tuple[dict[str, bytes], list[Problem]]:
    """{path under the site root: bytes} for every feed and the OPML, and what went wrong."""
    problems: list[Problem] = []
    files = dict(iter_feed_documents(catalog, bodies, problems))
    return files, problems


def write_feed_files(
    catalog: FeedCatalog, bodies: Mapping[str, str], site_dir: Path
) -> list[Problem]:
    """Write every feed that can be written under `site_dir`, one file at a time; the
    problems of the rest."""
    problems: list[Problem] = []
    for rel, data in iter_feed_documents(catalog, bodies, problems):
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return problems
