"""Feed autodiscovery: `<link rel="alternate">` tags for a page's `<head>`.

MkDocs themes have no common hook for extra head links (Material's `extrahead` block needs
a theme override that a site may already use for itself), so the plugin adds them to the
finished HTML, just before `</head>`: that works with every theme and every override.
"""

from __future__ import annotations

import re

from openwork.content.model import Entry
from openwork.feeds.catalog import FeedCatalog

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def head_links(catalog: FeedCatalog, page_src: str, entry: Entry | None = None) -> str:
    """The link tags for the page at docs path `page_src` (an entry's page if `entry`),
    from `templates/head_links.html` through the catalog's renderer."""
    scopes = catalog.for_page(page_src, entry)
    if not scopes or not catalog.formats:
        return ""
    html = catalog.renderer.render("head_links.html", page_src, scopes=scopes, feeds=catalog)
    return html.rstrip("\n")


def add_to_head(page_html: str, links: str) -> str:
    """`page_html` with `links` inserted before its first `</head>` (unchanged if none)."""
    if not links:
        return page_html
    match = _HEAD_END.search(page_html)
    if match is None:
        return page_html
    at = match.start()
    return page_html[:at] + links + "\n" + page_html[at:]
