"""Private blocks: removed from the Markdown before anything renders it."""

from __future__ import annotations

import re

_OPEN = re.compile(r"<!--\s*private\s*-->", re.IGNORECASE)
_CLOSE = re.compile(r"<!--\s*/\s*private\s*-->", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MENTIONS = re.compile(r"\bprivate\b", re.IGNORECASE)
OPEN_MARKER = "<!-- private -->"
CLOSE_MARKER = "<!-- /private -->"


def strip_private(body: str) -> tuple[str, bool]:
    """The body without private blocks, and whether a block was left unclosed.

    An unclosed block hides everything after its opening marker: losing a paragraph from
    the public site is better than publishing what someone meant to keep private. Markers
    count wherever they are, inside code blocks too, for the same reason.
    """
    out: list[str] = []
    pos = 0
    unclosed = False
    while True:
        start = _OPEN.search(body, pos)
        if start is None:
            out.append(body[pos:])
            break
        out.append(body[pos : start.start()])
        end = _CLOSE.search(body, start.end())
        if end is None:
            unclosed = True
            break
        # Keep the line count so later line numbers (blameless findings) stay right.
        out.append("\n" * body.count("\n", start.start(), end.end()))
        pos = end.end()
    return "".join(out), unclosed


def has_private(body: str) -> bool:
    return _OPEN.search(body) is not None


def marker_problems(body: str) -> list[tuple[int, str]]:
    """(line offset in the body, message) for markers that may not do what the writer meant.

    Checked the same way `strip_private` reads the markers: an unclosed block, a closing
    marker with nothing open, and a comment that mentions "private" but is not a marker
    (so the text after it would be published).
    """
    found: list[tuple[int, str]] = []
    opened: int | None = None
    for match in _COMMENT.finditer(body):
        text = match.group(0)
        line = body.count("\n", 0, match.start())
        if _OPEN.fullmatch(text):
            if opened is None:
                opened = line
        elif _CLOSE.fullmatch(text):
            if opened is None:
                found.append(
                    (
                        line,
                        f"'{CLOSE_MARKER}' has no '{OPEN_MARKER}' before it, so it hides "
                        "nothing: check the text above it is meant to be public",
                    )
                )
            opened = None
        elif opened is None and _MENTIONS.search(text):
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
    if opened is not None:
        found.append(
            (
                opened,
                f"this '{OPEN_MARKER}' block has no '{CLOSE_MARKER}': everything after it is "
                "left out of the public site",
            )
        )
    return sorted(found)
