"""Links written between content files, pointed at the pages they became."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, MutableMapping

# [text](target.md#part "title") — the target only; images and absolute URLs are left alone.
# Key prefix in a link map for an entry known by its file name alone ('*/2026-02-11-x.md').
ANYWHERE = "*/"
_LINK = re.compile(r"(?<!!)(\]\()(?P<target>[^)\s#?]+\.md)(?P<rest>[#?][^)\s]*)?(?=[)\s])")


def rewrite_links(markdown: str, source_path: str, page_src: str, pages: Mapping[str, str]) -> str:
    """Point relative `.md` links at generated pages.

    `source_path` is where the writer's file is (e.g. weeknotes/2026/x.md), `page_src` where
    its page is generated (weeknotes/x.md), and `pages` maps every content file's path, and
    its lower-cased generated path, to its generated docs path. A link is tried from the
    source file first (what an editor's preview follows), then from the generated page; a
    bare file name (what `{% post_url %}` and `{{< ref >}}` become) then names the entry of
    that file name in any folder, when only one has it (see `add_entry_links`).
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
        if not found and "/" not in target:
            found = pages.get(ANYWHERE + target.lower())
        if not found:
            return match.group(0)
        rel = posixpath.relpath(found, posixpath.dirname(page_src) or ".")
        return f"{match.group(1)}{rel}{match.group('rest') or ''}"

    if "](" not in markdown:  # no inline link at all: most entries (the scan costs more)
        return markdown
    return _LINK.sub(repl, markdown)


def add_entry_links(links: MutableMapping[str, str], entries: Iterable[tuple[str, str]]) -> None:
    """Add each entry, as (its file's path, its page's docs path), to a `rewrite_links` map:
    by path, by lower-cased page path, and by file name (two entries with one file name are
    not found that way: a link to either by name alone stays unresolved and is warned about)."""
    for path, src_uri in entries:
        links[path] = src_uri
        links[src_uri.lower()] = src_uri
        name = ANYWHERE + _file_name(path).lower()
        links[name] = "" if links.get(name, src_uri) != src_uri else src_uri


def _file_name(path: str) -> str:
    """'weeknotes/2024/x.md' -> 'x.md'; a page bundle 'post/x/index.md' -> 'x.md'."""
    folder, base = posixpath.split(path)
    stem, suffix = posixpath.splitext(base)
    if stem in {"index", "_index"} and folder:
        return posixpath.basename(folder) + ".md"
    return stem + ".md" if suffix.lower() in {".md", ".markdown"} else base
