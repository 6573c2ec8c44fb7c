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
    from `templates/head_links.html` through the catalog's renderer.

    The package's template gives the same tags to every page that links the same feeds (its
    URLs are absolute), so each set of feeds is rendered once a build; a theme's override is
    rendered for each page, as it may use the page's own path."""
    if not catalog.formats:
        return ""
    key = catalog.page_scopes(page_src, entry)
    if not key:
        return ""
    own = catalog.renderer.is_own("head_links.html")
    html = catalog.head_cache.get(key) if own else None
    if html is None:
        scopes = [catalog.scopes[i] for i in key]
        html = catalog.renderer.render("head_links.html", page_src, scopes=scopes, feeds=catalog)
        html = html.rstrip("\n")
        if own:
            catalog.head_cache[key] = html
    return html


def add_to_head(page_html: str, links: str) -> str:
    """`page_html` with `links` inserted before its first `</head>` (unchanged if none)."""
    if not links:
        return page_html
    match = _HEAD_END.search(page_html)
    if match is None:
        return page_html
    at = match.start()
    return page_html[:at] + links + "\n" + page_html[at:]
