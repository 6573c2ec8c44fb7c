"""MkDocs' own warnings about an entry name the page openwork generated (weeknotes/x.md);
a writer needs the file they wrote (weeknotes/2024/x.md) and the line, so say that instead."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from openwork.content.model import Entry

_DOC_FILE = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?P<rest>.*)$", re.DOTALL)
_LINK = re.compile(r"link(?: to)? '(?P<link>[^']+)'")
LOGGER = "mkdocs.structure.pages"  # where MkDocs 1.6 reports a page's links


class SourcePaths(logging.Filter):
    """A logging filter that rewrites "Doc file 'weeknotes/x.md' contains a link ..." to name
    the entry's source file and the line of the link."""

    def __init__(self, entry_at: Callable[[str], Entry | None]) -> None:
        super().__init__()
        self.entry_at = entry_at  # generated src_uri -> entry, as the current build knows them

    def filter(self, record: logging.LogRecord) -> bool:
        match = _DOC_FILE.match(record.getMessage())
        entry = self.entry_at(match.group("src")) if match else None
        if match is None or entry is None:
            return True
        where = entry.path
        link = _LINK.search(match.group("rest"))
        line = _line_of(entry, link.group("link")) if link else None
        if line is not None:
            where += f":{line}"
        record.msg = f"Doc file '{where}' contains {match.group('rest')}"
        record.args = ()
        return True


def _line_of(entry: Entry, text: str) -> int | None:
    for offset, row in enumerate(entry.body.split("\n")):
        if text in row:
            return entry.body_line + offset
    return None
