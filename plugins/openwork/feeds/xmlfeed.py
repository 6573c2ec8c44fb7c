"""XML text for RSS and Atom, written as strings rather than a tree per feed.

Every entry is in about six feeds (site, collection, team, three tags), so each item's XML is
made once per format and the same text is reused by every feed that carries it. Every value
is escaped here, once, as XML text or attribute; characters XML 1.0 forbids are dropped (the
read stage drops them already: this keeps a feed well-formed whatever reaches it). No
build-time clock: every date comes from the content, so builds repeat byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping

from openwork.feeds.model import Feed, FeedItem

GENERATOR = "openwork"
DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(value: str) -> str:
    return _FORBIDDEN.sub("", value) if _FORBIDDEN.search(value) else value


def text(value: str) -> str:
    """`value` as XML character data."""
    value = _clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\r", "&#13;") if "\r" in value else value


def attr(value: str) -> str:
    """`value` inside a double-quoted XML attribute."""
    value = text(value).replace('"', "&quot;")
    return value.replace("\n", "&#10;") if "\n" in value else value


def html_as_text(value: str) -> str:
    """Plain `value` where RSS expects HTML (`<description>`): escaped as HTML first, so
    'We replaced <div> soup' keeps its words and no value becomes markup in a reader."""
    return text(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def element(name: str, value: str, indent: str) -> str:
    return f"{indent}<{name}>{text(value)}</{name}>\n"


def document(
    head: str,
    feed: Feed,
    write_item: Callable[[FeedItem], str],
    cache: MutableMapping[str, bytes] | None,
    tail: str,
) -> bytes:
    """The declaration, `head`, each item's text (made and encoded once per id in `cache`:
    UTF-8 holds the mostly-ASCII text of a feed's items in half the memory), `tail`."""
    cache = {} if cache is None else cache
    parts = [(DECLARATION + head).encode("utf-8")]
    for item in feed.items:
        piece = cache.get(item.id)
        if piece is None:
            piece = cache[item.id] = write_item(item).encode("utf-8")
        parts.append(piece)
    parts.append(tail.encode("utf-8"))
    return b"".join(parts)
