"""Writing every feed file and the OPML list into the built site."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence

from openwork.feeds.atom import atom_item, render_atom
from openwork.feeds.catalog import FeedCatalog
from openwork.feeds.jsonfeed import json_item, render_json
from openwork.feeds.model import Feed, FeedItem
from openwork.feeds.opml import render_opml
from openwork.feeds.rss import render_rss, rss_item
from openwork.feeds.stylesheet import STYLED_FORMATS, STYLESHEET_PATH, stylesheet, with_stylesheet

RENDERERS: dict[str, Callable[[Feed, MutableMapping[str, bytes]], bytes]] = {
    "rss": render_rss,
    "atom": render_atom,
    "json": render_json,
}
ITEM_WRITERS: dict[str, Callable[[FeedItem], str]] = {
    "rss": rss_item,
    "atom": atom_item,
    "json": json_item,
}
OPML_PATH = "feeds.opml"


def write_items(
    fmt: str, items: Sequence[FeedItem], into: MutableMapping[str, bytes] | None = None
) -> None:
    """Write each item in `fmt`, keeping its text in `into` (by item id, as the feeds' own
    cache) or letting it go; raises for an item that cannot be written, as writing a feed
    holding it would."""
    for item in items:
        data = ITEM_WRITERS[fmt](item).encode("utf-8")  # what UTF-8 cannot hold fails too
        if into is not None:
            into[item.id] = data


def iter_feed_files(
    catalog: FeedCatalog,
    bodies: Mapping[str, str],
    on_error: Callable[[str, Exception], None] | None = None,
    items: MutableMapping[str, FeedItem] | None = None,
    texts: MutableMapping[str, dict[str, bytes]] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """(path relative to the site root, bytes) for every feed in every format, and the OPML,
    one at a time, so a build never holds every feed file at once.

    A feed that raises is left out and `on_error` hears its path (re-raised without one).
    `texts` holds items' texts already written, by format and item id (each format's let go
    once its feeds are written)."""
    if not catalog.formats:
        return
    # Each entry is in several feeds: its item is made once (pass `items` to reuse those
    # made already), and written once per format, one format at a time. The texts the
    # build's check made (`texts`) are held for every format until then; each format's are
    # let go as soon as its feeds are written.
    items = {} if items is None else items
    for fmt in catalog.formats:
        written = texts.pop(fmt, {}) if texts is not None else {}
        for scope in catalog.scopes:
            path = scope.path(fmt)
            try:
                feed = catalog.feed(scope, bodies, items)
                data = RENDERERS[fmt](feed, written)
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
