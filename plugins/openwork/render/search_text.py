"""An entry's header card as the search index reads it: a few runs of text and the tags
the parser keeps, worked out without parsing the card's markup.

Material's search plugin parses every page with Python's `HTMLParser` and keeps, for a card
of facts, only its text and a few tags (`p`, `li`, `code`...): for a site of 5,000 entries
that parse of the cards costs over a second. The card starts the page, so the same index
comes from what the parser would have kept of it, given as text and those tags alone,
worked out here by following the parser's rules over the card's tags (found with a split).
Only a card with nothing else the parser treats specially (headings, `pre`, tags it skips,
comments, excluded blocks, elements left open) is shortened; any other is given whole.
tests/test_assembly.py checks every entry of the example site, and generated cards, against
Material's own parser.
"""

from __future__ import annotations

import re
from html import escape, unescape

_TAG = re.compile(r"<[^<>]*>")
# A tag as openwork's templates write it: its name, then attributes (quotes closed, so a
# tag with an odd quote does not match), maybe self-closing.
_PARTS = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)"
    r"""((?:\s(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*)?/?)>"""
)
_HEADING = re.compile(r"<h[1-6][\s/>]", re.IGNORECASE)
_SPECIAL = re.compile(
    r"<(?:pre|h[1-6]|hx|script|style|object|title|textarea|xmp|iframe|noembed|noframes"
    r"|noscript|plaintext)[\s/>]|<[!?]|data-search-exclude|linenodiv",
    re.IGNORECASE,
)
# What Material's parser keeps of the markup (as "<p>", "</p>"), and elements it never
# holds open; its own lists (material/plugins/search/plugin.py).
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
# Between two runs of text: an element the parser neither keeps nor skips.
_SEAM = "<span></span>"


def card_for_search(card: str) -> str:
    """`card` (HTML at the very start of a page) as text and kept tags that a search index
    reads the same way, or `card` itself when that cannot be worked out by splitting it at
    its tags. From its first heading on (which starts a search section of its own), the
    card is given as it is, after the elements still open there."""
    heading = _HEADING.search(card)
    head, tail = (card[: heading.start()], card[heading.start() :]) if heading else (card, "")
    if _SPECIAL.search(head):
        return card
    tags = _TAG.findall(head)
    if head.count("<") != len(tags) or head.count(">") != len(tags):
        return card  # a '<' or '>' that is not a tag's own: leave the parsing to the parser
    # Without a heading, text after the card's last tag runs on into the body's first text,
    # as one run: kept as it is.
    end = len(head) if heading else head.rfind(">") + 1
    kept = _kept(_TAG.split(head[:end]), tags)
    if kept is None:
        return card
    pieces, still_open = kept
    if not any(not piece.isspace() for piece in pieces):
        return card
    # The parser reads the pieces back as they are: each "<p>" and "</p>" as that tag, a
    # run of text (its own escaping undone and done again gives the same text) as one
    # piece; a space that ended the card's text stays a piece of its own, after a seam.
    space = _SEAM + " " if pieces[-1] == " " and len(pieces) > 1 else ""
    text = "".join(pieces[:-1] if space else pieces)
    return text + space + "".join(still_open) + (tail if heading else _SEAM + card[end:])


def _kept(runs: list[str], tags: list[str]) -> tuple[list[str], list[str]] | None:
    """What Material's parser appends to a section's text for these runs of text and the
    tags between them (its `handle_data`, `handle_starttag` and `handle_endtag`, for markup
    without headings, `pre` or skipped tags), and the tags of the elements left open; None
    when a kept element is left open or a tag is not plainly written."""
    parts = _PARTS.findall("".join(tags))
    if len(parts) != len(tags):
        return None
    context: list[str] = []
    opened: list[str] = []
    pieces: list[str] = []
    for at, run in enumerate(runs):
        if run:
            # Without '&' a run holds no character reference, nor any '<' or '>': it reads
            # as it is, and needs no escaping.
            data = unescape(run) if "&" in run else run
            if data.isspace():  # a run of whitespace is one space, none after another
                if not pieces or not pieces[-1].isspace():
                    pieces.append(" ")
            elif "&" in run:
                pieces.append(escape(data.replace("\n", " "), quote=False))
            else:
                pieces.append(data.replace("\n", " "))
        if at == len(tags):
            break
        closing, name, rest = parts[at]
        name = name.lower()
        self_closing = rest.endswith("/")
        if closing and self_closing:
            return None
        if not closing:
            if name in _VOID:
                continue
            context.append(name)
            opened.append(tags[at])
            if name in _KEEP:
                pieces.append(f"<{name}>")
            if not self_closing:
                continue
        # An end tag (or the end of a self-closing one): ignored unless it closes the
        # innermost element; a kept element with only whitespace since its first opening
        # is taken out, else closed.
        if not context or context[-1] != name:
            continue
        context.pop()
        opened.pop()
        if name in _KEEP:
            try:
                index = pieces.index(f"<{name}>")
            except ValueError:
                return None
            if all(piece.isspace() for piece in pieces[index + 1 :]):
                del pieces[index:]
            else:
                pieces.append(f"</{name}>")
    if any(name in _KEEP for name in context):
        return None
    return pieces, opened
