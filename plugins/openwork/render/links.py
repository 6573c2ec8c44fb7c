"""Links written between content files, pointed at the pages they became."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

# [text](target.md#part "title") — the target only; images and absolute URLs are left alone.
_LINK = re.compile(r"(?<!!)(\]\()(?P<target>[^)\s#?]+\.md)(?P<rest>[#?][^)\s]*)?(?=[)\s])")


def rewrite_links(markdown: str, source_path: str, page_src: str, pages: Mapping[str, str]) -> str:
    """Point relative `.md` links at generated pages.

    `source_path` is where the writer's file is (e.g. weeknotes/2026/x.md), `page_src` where
    its page is generated (weeknotes/x.md), and `pages` maps every content file's path, and
    its lower-cased generated path, to its generated docs path. A link is tried from the
    source file first (what an editor's preview follows), then from the generated page.
    """

    def repl(match: re.Match[str]) -> str:
        target = match.group("target")
        if "://" in target or target.startswith("/"):
            return match.group(0)
        found = None
        for base in (source_path, page_src):
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), target))
            found = pages.get(joined) or pages.get(joined.lower())
            if found:
                break
        if not found:
            return match.group(0)
        rel = posixpath.relpath(found, posixpath.dirname(page_src) or ".")
        return f"{match.group(1)}{rel}{match.group('rest') or ''}"

    return _LINK.sub(repl, markdown)
