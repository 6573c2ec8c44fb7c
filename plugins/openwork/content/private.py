"""Private blocks: removed from the Markdown before anything renders it."""

from __future__ import annotations

import re

_OPEN = re.compile(r"<!--\s*private\s*-->", re.IGNORECASE)
_CLOSE = re.compile(r"<!--\s*/\s*private\s*-->", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MENTIONS = re.compile(r"\bprivate\b", re.IGNORECASE)
OPEN_MARKER = "<!-- private -->"
CLOSE_MARKER = "<!-- /private -->"


def strip_private(body: str, *, in_code: bool = True) -> tuple[str, bool]:
    """The body without private blocks, and whether a block was left unclosed.

    An unclosed block hides everything after its opening marker: losing a paragraph from
    the public site is better than publishing what someone meant to keep private. In an
    entry, markers count wherever they are, inside code blocks too, for the same reason.
    Pages in docs/ pass `in_code=False`: they are where the markers are documented, so a
    marker shown in code there is an example.
    """
    code = [] if in_code else _code_ranges(body)
    out: list[str] = []
    pos = 0
    unclosed = False
    while True:
        start = _search(_OPEN, body, pos, code)
        if start is None:
            out.append(body[pos:])
            break
        out.append(body[pos : start.start()])
        end = _search(_CLOSE, body, start.end(), code)
        if end is None:
            unclosed = True
            break
        # Keep the line count so later line numbers (blameless findings) stay right.
        out.append("\n" * body.count("\n", start.start(), end.end()))
        pos = end.end()
    return "".join(out), unclosed


def _search(
    regex: re.Pattern[str], text: str, pos: int, code: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The first match at or after `pos` that is not inside one of the `code` ranges."""
    while (match := regex.search(text, pos)) is not None:
        if not _inside(match.start(), code):
            return match
        pos = match.end()
    return None


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})", re.MULTILINE)
_TICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _code_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inline code spans in body[start:end]: a run of backticks closed by a run as long,
    within one paragraph (CommonMark's rule, without its rarer corners)."""
    spans: list[tuple[int, int]] = []
    pos = start
    while (opening := _TICKS.search(body, pos, end)) is not None:
        width = len(opening.group(0))
        paragraph_end = _BLANK_LINE.search(body, opening.end(), end)
        limit = end if paragraph_end is None else paragraph_end.start()
        closing = next(
            (t for t in _TICKS.finditer(body, opening.end(), limit) if len(t.group(0)) == width),
            None,
        )
        if closing is None:
            pos = opening.end()
            continue
        spans.append((opening.start(), closing.end()))
        pos = closing.end()
    return spans


def _code_ranges(body: str) -> list[tuple[int, int]]:
    """(start, end) of fenced code blocks and inline code spans: text shown as written."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    while (opening := _FENCE.search(body, pos)) is not None:
        run = opening.group(1)
        closing = re.compile(rf"^[ \t>]*{re.escape(run[0])}{{{len(run)},}}[ \t]*$", re.MULTILINE)
        line_end = body.find("\n", opening.end())
        if line_end == -1:
            break
        end_match = closing.search(body, line_end + 1)
        end = len(body) if end_match is None else end_match.end()
        ranges.append((opening.start(), end))
        pos = end
    prose_start = 0
    for start, end in [*ranges, (len(body), len(body))]:
        ranges.extend(_code_spans(body, prose_start, start))
        prose_start = end
    return sorted(ranges)


def strip_comments(body: str) -> str:
    """The body without HTML comments, except those shown inside code.

    A comment is invisible on the page but readable in its source and in feed readers, so a
    note to self (`<!-- ask Sam before publishing -->`) would be published without anyone
    seeing it. Line count is kept, as in `strip_private`.
    """
    if "<!--" not in body:
        return body
    code = _code_ranges(body)
    out: list[str] = []
    pos = 0
    for match in _COMMENT.finditer(body):
        if _inside(match.start(), code):
            continue
        out.append(body[pos : match.start()])
        out.append("\n" * body.count("\n", match.start(), match.end()))
        pos = match.end()
    out.append(body[pos:])
    return "".join(out)


def has_private(body: str) -> bool:
    return _OPEN.search(body) is not None


def marker_problems(body: str, *, in_code: bool = True) -> list[tuple[int, str]]:
    """(line offset in the body, message) for markers that may not do what the writer meant.

    Checked the same way `strip_private` reads the markers: an unclosed block, a closing
    marker with nothing open, and a comment that mentions "private" but is not a marker
    (so the text after it would be published).
    """
    code = [] if in_code else _code_ranges(body)
    found: list[tuple[int, str]] = []
    opened: int | None = None
    for match in _COMMENT.finditer(body):
        if _inside(match.start(), code):
            continue
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
