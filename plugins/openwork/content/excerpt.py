"""Excerpts: the summary, or the first paragraph of the body as plain text."""

from __future__ import annotations

import re

from openwork.content.markdown_scan import blank, scan

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"!?\[([^\]]*)\]\[[^\]]*\]")
_HTML = re.compile(r"<[^>]+>")
_MARKS = re.compile(r"(\*\*|__|\*|`)")
_SKIP = ("#", "|", "```", "~~~", "!!!", "???", ">", "<!--", "- ", "* ", "1. ", "---", "[TOC]")
_BREAK = re.compile(r"\n[ \t]*\n")
_PARAGRAPHS = re.compile(r"\n\s*\n")

MAX_CHARS = 300
HEAD_CHARS = 500  # the part of a body read first: its first paragraph is nearly always there


def first_paragraph(body: str, head: int = HEAD_CHARS) -> str:
    """The first prose paragraph, without Markdown marks: headings, lists, tables, code
    blocks, quotes and comments skipped (code and comments as the scanner finds them, so a
    blank line inside a fenced block does not make its second half a paragraph).

    The body's head (up to the first blank line after `head` characters) is read first, and
    the whole body only when the head has no paragraph. The head reads the same as in the
    whole body: a fence or comment still open at its end hides the rest of the head either
    way, a code span never crosses a blank line, and the head ends at one; so a paragraph
    found in the head is the body's first. (tests/test_markdown_scan.py compares the two.)"""
    cut = _BREAK.search(body, head) if len(body) > head else None
    if cut is not None:
        found = _first_in(body[: cut.end()])
        if found:
            return found
    return _first_in(body)


def _first_in(body: str) -> str:
    # Each step is skipped when its text lacks what every match holds: code and quotes a
    # '`', '~' or '>', comments '<!--', tags '<', links '[', marks '*', '_' or '`'.
    if "`" in body or "~" in body or ">" in body or "<!--" in body:
        found = scan(body)
        prose = blank(body, [*found.blocks, *found.quotes, *found.comments])
    else:
        prose = body
    for block in _PARAGRAPHS.split(prose.strip()):
        text = block.strip()
        if not text or text.startswith(_SKIP):
            continue
        if "[" in text:
            text = _LINK.sub(r"\1", text)
            text = _REF_LINK.sub(r"\1", text)
        if "<" in text:
            text = _HTML.sub("", text)
        if "*" in text or "_" in text or "`" in text:
            text = _MARKS.sub("", text)
        text = " ".join(text.split())
        if text:
            return shorten(text)
    return ""


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"
