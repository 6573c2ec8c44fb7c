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

PLACEHOLDER = '<div class="ow-stash" data-ow-stash="{}"></div>'
# What search reads instead of a block it would skip: an element, as the block began with one.
_SKIPPED = "<div data-search-exclude></div>"
_PLACEHOLDER = re.compile(r'<div class="ow-stash" data-ow-stash="(\d+)"></div>')
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
_BLOCK_START = re.compile(
    r"<(div|p|ul|ol|dl|table|nav|section|figure|details|h[1-6]|svg|blockquote)[\s>]"
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>|<!--|<!|<\?")


def _balanced(block: str) -> bool:
    """True when every element the block opens, it closes, and nothing else (no comment,
    no declaration, no stray '<') is in it."""
    depth = 0
    tags = 0
    for match in _TAG.finditer(block):
        closing, name, self_closing = match.groups()
        if name is None:
            return False
        tags += 1
        if closing:
            depth -= 1
            if depth < 0:
                return False
        elif name.lower() not in _VOID and not self_closing:
            depth += 1
    return depth == 0 and block.count("<") == tags


def stash_html(markdown: str) -> tuple[str, list[str]]:
    """(markdown with each top-level HTML block replaced by a placeholder, the blocks)."""
    stash: list[str] = []
    if "```" in markdown or "~~~" in markdown:
        return markdown, stash  # a placeholder inside code would be shown, not replaced
    out = []
    for block in markdown.split("\n\n"):
        # `markdown="1"` asks md_in_html to convert what is inside: left to Markdown.
        if _BLOCK_START.match(block) and "markdown=" not in block and _balanced(block):
            out.append(PLACEHOLDER.format(len(stash)))
            stash.append(block.strip("\n"))
        else:
            out.append(block)
    return "\n\n".join(out), stash


def unstash(html: str, stash: list[str], *, searchable_only: bool = False) -> str:
    """The converted page with each placeholder replaced by its block; with
    `searchable_only`, a block whose outer element is `data-search-exclude` is left out (a
    search index skips it anyway), for the search plugin to read less."""
    if not stash:
        return html

    def block(match: re.Match[str]) -> str:
        text = stash[int(match.group(1))]
        if searchable_only and "data-search-exclude" in text.split(">", 1)[0]:
            return _SKIPPED
        return text

    return _PLACEHOLDER.sub(block, html)
