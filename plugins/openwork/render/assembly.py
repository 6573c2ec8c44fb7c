"""openwork's pages put together only while the engine renders each one.

An entry page is its header card, the body HTML the engine made and its footer; a listing
page is its converted Markdown with the template blocks put back (render/stash.py). Joined
when the engine builds the page and let go once it is written, so a site of 5,000 entries
never holds 5,000 finished pages beside their bodies; and the search index reads each
page without the blocks it would skip (`data-search-exclude`), rather than parse them to
find that out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from openwork.render.search_text import card_for_search
from openwork.render.stash import SKIPPED, unstash

_EXCLUDED_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*\bdata-search-exclude\b[^<>]*>")
_HEADING_WITH_ID = re.compile(r"<h[1-6]\b[^<>]*\bid=", re.IGNORECASE)


def searchable_html(html: str) -> str:
    """`html` with each element marked `data-search-exclude` replaced by an empty one, as a
    search index reads it. An element is kept whole when its end cannot be found by
    counting its name, or when it holds a heading with an id (which starts a search
    section even where its text is skipped)."""
    out: list[str] = []
    at = 0
    while (match := _EXCLUDED_START.search(html, at)) is not None:
        end = _element_end(html, match.group(1), match.end())
        if end is None or match.group(0).endswith("/>"):
            out.append(html[at : match.end()])
            at = match.end()
            continue
        if _HEADING_WITH_ID.search(html, match.end(), end):
            out.append(html[at:end])
        else:
            out.append(html[at : match.start()] + SKIPPED)
        at = end
    if not out:
        return html
    out.append(html[at:])
    return "".join(out)


def _element_end(html: str, name: str, at: int) -> int | None:
    """Where the element `name` opened just before `at` ends (after its end tag), or None."""
    pattern = re.compile(rf"<(/?){re.escape(name)}\b[^<>]*>", re.IGNORECASE)
    depth = 1
    for match in pattern.finditer(html, at):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


@dataclass(slots=True)
class EntryParts:
    """An entry page's card and footer, joined around its body only while it is rendered."""

    header: str
    footer: str
    body: str | None = None  # the page's content as the engine made it, while joined

    def for_search(self, body: str) -> str:
        self.body = body
        return card_for_search(self.header) + body + searchable_html(self.footer)

    def in_full(self) -> str:
        return self.header + (self.body or "") + self.footer

    def fingerprint(self) -> tuple[str, ...]:
        """What the page adds to its body, for telling whether it changed."""
        return self.header, self.footer


@dataclass(slots=True)
class ListingParts:
    """A listing page's converted Markdown with placeholders, and its stashed blocks."""

    html: str
    stash: Sequence[str]  # a Stash or a PackedStash
    searchable: str = ""

    def for_search(self) -> str:
        # Blocks marked data-search-exclude are left out whole; so are such elements inside
        # other blocks (an index page's lists under their counts, the status page's charts).
        self.searchable = searchable_html(unstash(self.html, self.stash, searchable_only=True))
        return self.searchable

    def in_full(self) -> str:
        return unstash(self.html, self.stash)

    def fingerprint(self) -> tuple[str, ...]:
        """The page's parts, for telling whether it changed."""
        return self.html, *self.stash
