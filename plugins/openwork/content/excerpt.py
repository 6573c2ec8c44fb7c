"""Excerpts: the summary, or the first paragraph of the body as plain text."""

from __future__ import annotations

import re

from openwork.content.markdown_scan import blank, scan

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"!?\[([^\]]*)\]\[[^\]]*\]")
_HTML = re.compile(r"<[^>]+>")
_MARKS = re.compile(r"(\*\*|__|\*|`)")
_SKIP = ("#", "|", "```", "~~~", "!!!", "???", ">", "<!--", "- ", "* ", "1. ", "---", "[TOC]")

MAX_CHARS = 300


def first_paragraph(body: str) -> str:
    """The first prose paragraph, without Markdown marks: headings, lists, tables, code
    blocks, quotes and comments skipped (code and comments as the scanner finds them, so a
    blank line inside a fenced block does not make its second half a paragraph)."""
    found = scan(body)
    prose = blank(body, [*found.blocks, *found.quotes, *found.comments])
    for block in re.split(r"\n\s*\n", prose.strip()):
        text = block.strip()
        if not text or text.startswith(_SKIP):
            continue
        text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
        text = _HTML.sub("", text)
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
