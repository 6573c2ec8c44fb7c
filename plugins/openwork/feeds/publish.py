"""Writing every feed file and the OPML list into the built site."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path

from openwork.feeds.atom import render_atom
from openwork.feeds.catalog import FeedCatalog
from openwork.feeds.jsonfeed import render_json
from openwork.feeds.model import Feed, FeedItem
from openwork.feeds.opml import render_opml
from openwork.feeds.rss import render_rss
from openwork.feeds.stylesheet import STYLED_FORMATS, STYLESHEET_PATH, stylesheet, with_stylesheet

RENDERERS: dict[str, Callable[[Feed, MutableMapping[str, str]], bytes]] = {
    "rss": render_rss,
    "atom": render_atom,
    "json": render_json,
}
OPML_PATH = "feeds.opml"


def iter_feed_files(
    catalog: FeedCatalog,
    bodies: Mapping[str, str],
    on_error: Callable[[str, Exception], None] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """(path relative to the site root, bytes) for every feed in every format, and the OPML,
    one at a time, so a build never holds every feed file at once.

    A feed that raises is left out and `on_error` hears its path (re-raised without one)."""
    if not catalog.formats:
        return
    items: dict[str, FeedItem] = {}
    # Each entry is in several feeds: its item is built once, and written once per format.
    written: dict[str, dict[str, str]] = {fmt: {} for fmt in catalog.formats}
    for scope in catalog.scopes:
        for fmt in catalog.formats:
            path = scope.path(fmt)
            try:
                data = RENDERERS[fmt](catalog.feed(scope, bodies, items), written[fmt])
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(path, exc)
                continue
            if fmt in STYLED_FORMATS:  # a browser shows the feed as a readable page
                data = with_stylesheet(data, path)
            yield path, data
    if any(fmt in STYLED_FORMATS for fmt in catalog.formats):
        yield STYLESHEET_PATH, stylesheet()
    yield OPML_PATH, render_opml(catalog)


def feed_files(catalog: FeedCatalog, bodies: Mapping[str, str]) -> dict[str, bytes]:
    """{path relative to the site root: bytes} for every feed in every format, and the OPML."""
    return dict(iter_feed_files(catalog, bodies))


def write_feeds(catalog: FeedCatalog, bodies: Mapping[str, str], site_dir: Path) -> list[Path]:
    """Write the feeds under `site_dir`; returns the files written."""
    written = []
    for rel, data in iter_feed_files(catalog, bodies):
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
