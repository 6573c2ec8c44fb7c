"""Generated pages' HTML kept away from Python-Markdown, which would parse it only to copy it.

A listing page (tag, team, author, year, week, index) is mostly HTML that openwork's own
templates wrote (cards, lists, pagers) around a few Markdown headings. Python-Markdown
passes a raw HTML block through unchanged, but finds where it ends with a full HTML parser,
which costs more than the rest of the page. `stash_html` swaps each top-level HTML block
for a short placeholder before MkDocs converts the page, and `unstash` puts the blocks back
into the converted HTML, so the page is byte for byte what it would have been.

Only for HTML that openwork's templates wrote (every value escaped, so a '<' always starts a
tag): a block is stashed only when it starts with a block-level tag and its tags balance.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import overload

PLACEHOLDER = '<div class="ow-stash" data-ow-stash="{}"></div>'
# What search reads instead of a block it would skip: an element, as the block began with one.
SKIPPED = "<div data-search-exclude></div>"
_PLACEHOLDER = re.compile(r'<div class="ow-stash" data-ow-stash="(\d+)"></div>')
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
_BLOCK_START = re.compile(
    r"<(div|p|ul|ol|dl|table|nav|section|figure|details|h[1-6]|svg|blockquote)[\s>]"
)
# Greedy up to the '>' (a lazy match backtracks at every character: twice as slow).
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>")
_NOT_AN_ELEMENT = re.compile(r"<!|<\?")  # a comment, a declaration, a processing instruction


def _balanced(block: str) -> bool:
    """True when every element the block opens, it closes, and nothing else (no comment,
    no declaration, no stray '<') is in it."""
    if _NOT_AN_ELEMENT.search(block):
        return False
    tags = _TAG.findall(block)
    if block.count("<") != len(tags):
        return False
    steps = [
        -1 if closing else 0 if rest.endswith("/") or name.lower() in _VOID else 1
        for closing, name, rest in tags
    ]
    # Never more closed than opened at any point, and as many closed as opened in the end.
    return min(accumulate(steps), default=0) >= 0 and sum(steps) == 0


class Stash(Sequence[str]):
    """A page's stashed blocks, as places in its Markdown rather than copies of them: the
    Markdown of 700 listing pages is in memory anyway (MkDocs keeps each generated file's
    text), so a copy of every block would hold it twice until the page is written."""

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str = "", spans: Sequence[tuple[int, int]] = ()) -> None:
        self._text = text
        self._spans = list(spans)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._text[a:b] for a, b in self._spans[index]]
        start, end = self._spans[index]
        return self._text[start:end]

    def __len__(self) -> int:
        return len(self._spans)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def within(self, source: str) -> Stash:
        """The same blocks as places in `source`, a text that ends with the stashed one (a
        generated file's text, of which MkDocs hands plugins the part after the YAML
        header); unchanged when it does not."""
        if source is self._text or not source.endswith(self._text):
            return self
        offset = len(source) - len(self._text)
        return Stash(source, [(a + offset, b + offset) for a, b in self._spans])


class PackedStash(Sequence[str]):
    """A page's stashed blocks compressed until the page is rendered: a site's listing pages
    are mostly these blocks (50 MB of text for 5,000 entries, read once each), and they
    compress about twelve to one."""

    __slots__ = ("_packed", "_sizes")

    def __init__(self, blocks: Sequence[str]) -> None:
        data = [block.encode("utf-8") for block in blocks]
        self._sizes = [len(block) for block in data]
        self._packed = zlib.compress(b"".join(data), 1)

    def __iter__(self) -> Iterator[str]:
        data = zlib.decompress(self._packed)
        at = 0
        for size in self._sizes:
            yield data[at : at + size].decode("utf-8")
            at += size

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        return list(self)[index]

    def __len__(self) -> int:
        return len(self._sizes)


def stash_listing(markdown: str) -> tuple[str, PackedStash]:
    """`stash_html` for a generated page whose text is not kept: its blocks packed."""
    stashed, stash = stash_html(markdown)
    return stashed, PackedStash(stash)


def stash_html(markdown: str) -> tuple[str, Stash]:
    """(markdown with each top-level HTML block replaced by a placeholder, the blocks)."""
    spans: list[tuple[int, int]] = []
    if "```" in markdown or "~~~" in markdown:
        return markdown, Stash()  # a placeholder inside code would be shown, not replaced
    out = []
    at = 0
    for block in markdown.split("\n\n"):
        # `markdown="1"` asks md_in_html to convert what is inside: left to Markdown.
        # A block after two blank lines starts with a newline (a team page's list).
        opened = _BLOCK_START.match(block.lstrip("\n"))
        if opened and "markdown=" not in block and _balanced(block):
            out.append(PLACEHOLDER.format(len(spans)))
            start = at + len(block) - len(block.lstrip("\n"))
            spans.append((start, start + len(block.strip("\n"))))
        else:
            out.append(block)
        at += len(block) + 2
    return "\n\n".join(out), Stash(markdown, spans)


def unstash(html: str, stash: Sequence[str], *, searchable_only: bool = False) -> str:
    """The converted page with each placeholder replaced by its block; with
    `searchable_only`, a block whose outer element is `data-search-exclude` is left out (a
    search index skips it anyway), for the search plugin to read less."""
    if not stash:
        return html
    blocks = list(stash)  # one unpacking of a PackedStash

    def block(match: re.Match[str]) -> str:
        text = blocks[int(match.group(1))]
        if searchable_only and "data-search-exclude" in text.split(">", 1)[0]:
            return SKIPPED
        return text

    return _PLACEHOLDER.sub(block, html)
