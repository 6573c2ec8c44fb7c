"""An entry's header card as the search index reads it: its text alone.

Material's search plugin parses every page with Python's `HTMLParser` and keeps, for a card
of facts, only the text between its tags: for a site of 5,000 entries that parse of the
cards costs about a second. The card starts the page, so the same index comes from its text
given as one run of text, worked out here with a split instead of a parse. Only a card with
nothing the parser treats specially (tags it keeps or skips, headings, comments, excluded
blocks) is shortened; any other is given whole. tests/test_assembly.py checks every entry of
the example site against Material's own parser.
"""

from __future__ import annotations

import re
from html import escape, unescape

_TAG = re.compile(r"<[^<>]*>")
_SPECIAL = re.compile(
    r"<(?:p|code|pre|li|ol|ul|sub|sup|h[1-6]|script|style|object)[\s/>]|<[!?]"
    r"|data-search-exclude|linenodiv",
    re.IGNORECASE,
)
# Between two runs of text: an element the parser neither keeps nor skips.
_SEAM = "<span></span>"


def card_for_search(card: str) -> str:
    """`card` (HTML at the very start of a page) as text that a search index reads the same
    way, or `card` itself when that cannot be worked out by splitting it at its tags."""
    if _SPECIAL.search(card):
        return card
    tags = _TAG.findall(card)
    if card.count("<") != len(tags) or card.count(">") != len(tags):
        return card  # a '<' or '>' that is not a tag's own: leave the parsing to the parser
    if any(tag.count('"') % 2 or tag.count("'") % 2 for tag in tags):
        return card
    # Text after the card's last tag runs on into the body's first text, as one run: kept.
    end = card.rfind(">") + 1
    pieces: list[str] = []
    for run in _TAG.split(card[:end]):
        if not run:
            continue
        text = unescape(run)
        # What the search parser keeps of a run of text outside <pre>: a run of whitespace
        # as one space (none after another space), any other run with its newlines as spaces.
        if text.isspace():
            if not pieces or not pieces[-1].isspace():
                pieces.append(" ")
        else:
            pieces.append(escape(text.replace("\n", " "), quote=False))
    if len(pieces) < 2 and (not pieces or pieces[0].isspace()):
        return card
    # The parser sees one run of text (its own escaping undone and done again gives the same
    # text) and, when the card's text ended in whitespace, a space after it, as the last piece.
    space = _SEAM + " " if pieces[-1].isspace() else ""
    text = "".join(pieces[:-1] if space else pieces)
    return text + space + _SEAM + card[end:]
