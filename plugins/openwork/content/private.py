"""Private blocks and comments: removed from the Markdown before anything renders it.

Markers nest: `<!-- private --> A <!-- private --> B <!-- /private --> C <!-- /private -->`
hides A, B and C (each opening marker counts one deeper, each closing one comes back up, and
the block ends at depth zero). An unclosed block hides the rest of the text; a closing marker
with nothing open hides nothing and is a warning. Code, comments and their ends are found by
the one Markdown scanner (markdown_scan.py).
"""

from __future__ import annotations

import re

from openwork.content.markdown_scan import Scan, inside, scan

# `<!--- private --->` (a dash too many, as some editors write comments) counts too.
_MARKER = re.compile(r"<!---*\s*(/?)\s*private\s*-*-->", re.IGNORECASE)
_MENTIONS = re.compile(r"\bprivate\b", re.IGNORECASE)
OPEN_MARKER = "<!-- private -->"
CLOSE_MARKER = "<!-- /private -->"


def _blocks(body: str, in_code: bool) -> tuple[list[tuple[int, int]], list[int], int | None]:
    """Hidden (start, end) blocks, offsets of closing markers with nothing open, and the
    offset of the opening marker of an unclosed block."""
    code = [] if in_code else scan(body).code
    hidden: list[tuple[int, int]] = []
    stray: list[int] = []
    depth, start = 0, 0
    for match in _MARKER.finditer(body):
        if inside(match.start(), code):
            continue
        if not match.group(1):
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth == 0:
            stray.append(match.start())
        else:
            depth -= 1
            if depth == 0:
                hidden.append((start, match.end()))
    if depth:
        hidden.append((start, len(body)))
    return hidden, stray, start if depth else None


def strip_private(body: str, *, in_code: bool = True) -> tuple[str, bool]:
    """The body without private blocks, and whether a block was left unclosed.

    An unclosed block hides everything after its opening marker: losing a paragraph from
    the public site is better than publishing what someone meant to keep private. In an
    entry, markers count wherever they are, inside code blocks too, for the same reason.
    Pages in docs/ pass `in_code=False`: they are where the markers are documented, so a
    marker shown in code there is an example.
    """
    hidden, _, unclosed = _blocks(body, in_code)
    return _cut(body, hidden), unclosed is not None


def public_docs_page(markdown: str) -> str:
    """A docs/ page as published: private blocks out (markers shown in code are examples),
    closed HTML comments kept (other plugins use them), and an unclosed `<!--` cut with
    everything after it, which Markdown would otherwise show as text."""
    markdown, _ = strip_private(markdown, in_code=False)
    unclosed = scan(markdown).unclosed_comment
    return markdown if unclosed is None else markdown[:unclosed]


def strip_comments(body: str) -> str:
    """The body without HTML comments, except those shown inside code.

    A comment is invisible on the page but readable in its source and in feed readers, so a
    note to self (`<!-- ask Sam before publishing -->`) would be published without anyone
    seeing it. An unclosed `<!--` hides the rest of the body. Line count is kept.
    """
    if "<!--" not in body:
        return body
    return _cut(body, scan(body).comments)


def _cut(body: str, spans: list[tuple[int, int]]) -> str:
    # Keep the line count so later line numbers (blameless findings) stay right.
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(body[pos:start])
        if end < len(body):  # nothing follows a block that runs to the end
            out.append("\n" * body.count("\n", start, end))
        pos = end
    out.append(body[pos:])
    return "".join(out)


def marker_problems(body: str, *, in_code: bool = True) -> list[tuple[int, str]]:
    """(line offset in the body, message) for markers that may not do what the writer meant.

    Checked the same way `strip_private` reads the markers: an unclosed block, a closing
    marker with nothing open, a comment that mentions "private" but is not a marker (so the
    text after it would be published), and an unclosed comment.
    """
    if "<!--" not in body:
        return []
    hidden, stray, unclosed = _blocks(body, in_code)
    found: list[tuple[int, str]] = []
    for offset in stray:
        found.append(
            (
                body.count("\n", 0, offset),
                f"'{CLOSE_MARKER}' has no '{OPEN_MARKER}' before it, so it hides "
                "nothing: check the text above it is meant to be public",
            )
        )
    if unclosed is not None:
        found.append(
            (
                body.count("\n", 0, unclosed),
                f"this '{OPEN_MARKER}' block has no '{CLOSE_MARKER}': everything after it is "
                "left out of the public site",
            )
        )
    structure: Scan = scan(body)
    for start, end in structure.comments:
        text = body[start:end]
        if _MARKER.fullmatch(text) or inside(start, hidden):
            continue
        line = body.count("\n", 0, start)
        if start == structure.unclosed_comment:
            found.append(
                (
                    line,
                    "this '<!--' comment has no '-->' to end it: everything after it is "
                    "left out of the public site; end the comment with '-->'",
                )
            )
        elif _MENTIONS.search(text):
            shown = " ".join(text.split())
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            found.append(
                (
                    line,
                    f"the comment '{shown}' is not a private marker, so the text after it is "
                    f"published: start a private block with '{OPEN_MARKER}' and end it with "
                    f"'{CLOSE_MARKER}'",
                )
            )
    return sorted(found)
