"""Writing every feed file and the OPML list into the built site."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from openwork.feeds.atom import render_atom
from openwork.feeds.catalog import FeedCatalog
from openwork.feeds.jsonfeed import render_json
from openwork.feeds.model import Feed, FeedItem
from openwork.feeds.opml import render_opml
from openwork.feeds.rss import render_rss
from openwork.feeds.stylesheet import STYLED_FORMATS, STYLESHEET_PATH, stylesheet, with_stylesheet

RENDERERS: dict[str, Callable[[Feed], bytes]] = {
    "rss": render_rss,
    "atom": render_atom,
    "json": render_json,
}
OPML_PATH = "feeds.opml"


def feed_files(catalog: FeedCatalog, bodies: Mapping[str, str]) -> dict[str, bytes]:
    """{path relative to the site root: bytes} for every feed in every format, and the OPML."""
    out: dict[str, bytes] = {}
    if not catalog.formats:
        return out
    items: dict[str, FeedItem] = {}
    for scope in catalog.scopes:
        feed = catalog.feed(scope, bodies, items)
        for fmt in catalog.formats:
            out[scope.path(fmt)] = RENDERERS[fmt](feed)
            if fmt in STYLED_FORMATS:  # readers: a browser shows the feed as a page
                out[scope.path(fmt)] = with_stylesheet(out[scope.path(fmt)], scope.path(fmt))
    if any(fmt in STYLED_FORMATS for fmt in catalog.formats):
        out[STYLESHEET_PATH] = stylesheet()
    out[OPML_PATH] = render_opml(catalog)
    return out


def write_feeds(catalog: FeedCatalog, bodies: Mapping[str, str], site_dir: Path) -> list[Path]:
    """Write the feeds under `site_dir`; returns the files written."""
    written = []
    for rel, data in feed_files(catalog, bodies).items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
