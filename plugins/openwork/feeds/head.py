"""Feed autodiscovery: `<link rel="alternate">` tags for a page's `<head>`.

MkDocs themes have no common hook for extra head links (Material's `extrahead` block needs
a theme override that a site may already use for itself), so the plugin adds them to the
finished HTML, just before `</head>`: that works with every theme and every override.
"""

from __future__ import annotations

import html
import re

from openwork.content.model import Entry
from openwork.feeds.catalog import FORMAT_NAMES, MEDIA_TYPES, FeedCatalog

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def head_links(catalog: FeedCatalog, page_src: str, entry: Entry | None = None) -> str:
    """The link tags for the page at docs path `page_src` (an entry's page if `entry`)."""
    lines = []
    for scope in catalog.for_page(page_src, entry):
        for fmt in catalog.formats:
            title = f"{scope.title} ({FORMAT_NAMES[fmt]})"
            lines.append(
                f'<link rel="alternate" type="{MEDIA_TYPES[fmt]}" '
                f'title="{html.escape(title, quote=True)}" '
                f'href="{html.escape(catalog.url(scope, fmt), quote=True)}">'
            )
    return "\n".join(lines)


def add_to_head(page_html: str, links: str) -> str:
    """`page_html` with `links` inserted before its first `</head>` (unchanged if none)."""
    if not links:
        return page_html
    match = _HEAD_END.search(page_html)
    if match is None:
        return page_html
    at = match.start()
    return page_html[:at] + links + "\n" + page_html[at:]
