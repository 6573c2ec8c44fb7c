"""One reading of a Markdown text's structure: which spans are code, block quotes and comments.

Private blocks (private.py), excerpts (excerpt.py) and the blameless check (blameless.py) all
ask this module, so they agree on what is code and what is a comment. It is a scanner, not a
parser: CommonMark's common cases, without its rarer corners, chosen so that a doubtful case
hides text rather than publishes it.

- A fenced block opens with three or more backticks or tildes (after spaces or '>') and
  closes with a line of at least as many of the same character; unclosed, it runs to the end.
- An indented block (asked for with `indented=True`) is four spaces or a tab after a blank
  line, except inside a list item or an admonition, where indented lines are prose.
- An inline code span is a run of backticks closed by a run as long in the same paragraph.
- A comment starts at '<!--' outside code and ends at the next '-->'; unclosed, it runs to
  the end of the text (a renderer would hide the rest too, and so must the feeds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int]  # [start, end) offsets in the text

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_LIST_OR_BOX = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|!!!|\?\?\?)")
_QUOTE_LINE = re.compile(r"^\s{0,3}>")
_TICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Scan:
    """Where code, quotes and comments are in one text, each as sorted spans."""

    blocks: list[Span]  # fenced (and, when asked, indented) code blocks
    inline: list[Span]  # inline code spans
    quotes: list[Span]  # block quote lines outside code
    comments: list[Span]  # HTML comments outside code; the last may run to the end
    unclosed_comment: int | None  # offset of a '<!--' with no '-->' after it

    @property
    def code(self) -> list[Span]:
        return sorted([*self.blocks, *self.inline])

    def in_code(self, offset: int) -> bool:
        return inside(offset, self.blocks) or inside(offset, self.inline)


def inside(offset: int, spans: Iterable[Span]) -> bool:
    return any(start <= offset < end for start, end in spans)


def scan(text: str, *, indented: bool = False, blocks: bool = True) -> Scan:
    """The structure of `text`; `blocks=False` reads it as one paragraph (a front matter
    field), so only inline code and comments are found."""
    block_spans, quotes = _blocks(text, indented) if blocks else ([], [])
    inline: list[Span] = []
    prose_start = 0
    for start, end in [*block_spans, (len(text), len(text))]:
        inline.extend(_code_spans(text, prose_start, start))
        prose_start = end
    comments, unclosed = _comments(text, sorted([*block_spans, *inline]))
    return Scan(block_spans, inline, quotes, comments, unclosed)


def blank(text: str, spans: Iterable[Span]) -> str:
    """`text` with every character in `spans` but newlines made a space: offsets and lines
    stay where they were. Spans may overlap and come in any order."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_NOT_NEWLINE = re.compile(r"[^\n]")


def _blocks(text: str, indented: bool) -> tuple[list[Span], list[Span]]:
    if indented:
        return _blocks_by_line(text)
    # Without indented code no line needs its neighbours: regexes find it all, much faster.
    code: list[Span] = []
    pos = 0
    while (opening := _FENCE_LINE.search(text, pos)) is not None:
        run = opening.group(1)
        line_end = text.find("\n", opening.end())
        if line_end == -1:
            code.append((opening.start(), len(text)))
            break
        closing = re.compile(rf"^[ \t>]*{re.escape(run[0])}{{{len(run)},}}[ \t]*$", re.MULTILINE)
        end_match = closing.search(text, line_end + 1)
        end = len(text) if end_match is None else end_match.end()
        code.append((opening.start(), end))
        pos = end
    quotes = [m.span() for m in _QUOTES.finditer(text) if not inside(m.start(), code)]
    return code, quotes


_FENCE_LINE = re.compile(r"^[ \t>]*(`{3,}|~{3,})", re.MULTILINE)
_QUOTES = re.compile(r"^\s{0,3}>.*$", re.MULTILINE)


def _blocks_by_line(text: str) -> tuple[list[Span], list[Span]]:
    code: list[Span] = []
    quotes: list[Span] = []
    fence: str | None = None
    fence_start = 0
    container = False  # inside a list item or admonition, where indented lines are prose
    previous_blank = True
    in_indented = False
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        blank_line = not line.strip()
        opener = _FENCE.match(line)
        if fence is not None:
            closing = opener is not None and opener.group(1)[0] == fence[0]
            if closing and len(opener.group(1)) >= len(fence) and not line[opener.end() :].strip():
                code.append((fence_start, end))
                fence = None
            continue
        if opener:
            fence, fence_start = opener.group(1), start
            continue
        is_indented = line.startswith(("    ", "\t"))
        if blank_line:
            pass
        elif is_indented and not container and (previous_blank or in_indented):
            in_indented = True
            code.append((start, end))
        elif _QUOTE_LINE.match(line):
            quotes.append((start, end))
        else:
            in_indented = False
            if _LIST_OR_BOX.match(line):
                container = True
            elif not is_indented:
                container = False
        previous_blank = blank_line
    if fence is not None:
        code.append((fence_start, len(text)))
    return code, quotes


def _code_spans(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    pos = start
    while (opening := _TICKS.search(text, pos, end)) is not None:
        width = len(opening.group(0))
        paragraph_end = _BLANK_LINE.search(text, opening.end(), end)
        limit = end if paragraph_end is None else paragraph_end.start()
        closing = next(
            (t for t in _TICKS.finditer(text, opening.end(), limit) if len(t.group(0)) == width),
            None,
        )
        if closing is None:
            pos = opening.end()
            continue
        spans.append((opening.start(), closing.end()))
        pos = closing.end()
    return spans


def _comments(text: str, code: list[Span]) -> tuple[list[Span], int | None]:
    comments: list[Span] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        if inside(start, code):
            pos = start + 4
            continue
        end = text.find("-->", start + 4)
        if end == -1:
            comments.append((start, len(text)))
            return comments, start
        comments.append((start, end + 3))
        pos = end + 3
    return comments, None
