"""The XSLT stylesheet that shows RSS and Atom feeds as a readable page in a browser.

Someone who clicks a feed link expects a page, not a screen of XML. Each RSS and Atom file
names `feed.xsl` (one file at the site root) in an `<?xml-stylesheet?>` instruction, by a
relative address so it works under any `site_url` path and under `mkdocs serve` (browsers
only apply a stylesheet from the feed's own origin). Feed readers ignore the instruction.
"""

from __future__ import annotations

import posixpath
from importlib.resources import files as package_files

STYLESHEET_PATH = "feed.xsl"
STYLED_FORMATS = ("rss", "atom")


def stylesheet() -> bytes:
    return (package_files("openwork") / "assets" / STYLESHEET_PATH).read_bytes()


def with_stylesheet(document: bytes, feed_path: str) -> bytes:
    """`document` (an XML feed at `feed_path` from the site root) naming the stylesheet."""
    href = posixpath.relpath(STYLESHEET_PATH, posixpath.dirname(feed_path) or ".")
    instruction = f'<?xml-stylesheet type="text/xsl" href="{href}"?>\n'.encode()
    if document.startswith(b"<?xml"):
        end = document.index(b"?>") + 2
        return document[:end] + b"\n" + instruction + document[end:].lstrip(b"\n")
    return instruction + document
