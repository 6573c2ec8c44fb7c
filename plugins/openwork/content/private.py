"""Private blocks: removed from the Markdown before anything renders it."""

from __future__ import annotations

import re

_OPEN = re.compile(r"<!--\s*private\s*-->", re.IGNORECASE)
_CLOSE = re.compile(r"<!--\s*/\s*private\s*-->", re.IGNORECASE)


def strip_private(body: str) -> tuple[str, bool]:
    """The body without private blocks, and whether a block was left unclosed.

    An unclosed block hides everything after its opening marker: losing a paragraph from
    the public site is better than publishing what someone meant to keep private.
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
