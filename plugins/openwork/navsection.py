"""Which navigation page a generated page belongs under, so the theme highlights its tab.

Entries, weeks, tags, teams and authors are left out of the navigation (there are too many);
without help the theme would highlight no tab on them. A page belongs to the navigation page
whose folder holds it (an entry to its collection's index, a tag page to the tag index); author
pages, whose index is not usually in the navigation, belong to the teams index.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from openwork import paths

if TYPE_CHECKING:
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_FALLBACK = {posixpath.dirname(paths.authors()): paths.teams()}


class SectionPages:
    """`section_page` for one build's navigation, worked out once per folder."""

    def __init__(self, nav: Navigation) -> None:
        self.nav = nav
        self._folders: dict[str, Page | None] = {}

    def of(self, page: Page) -> Page | None:
        if any(item is page for item in self.nav.pages):
            return None
        folder = posixpath.dirname(page.file.src_uri)
        if folder not in self._folders:
            self._folders[folder] = _under(self.nav.pages, folder)
        return self._folders[folder]


def section_page(nav: Navigation, page: Page) -> Page | None:
    """The navigation page that `page` sits under, or None when it is in the navigation."""
    listed = nav.pages
    if any(item is page for item in listed):
        return None
    return _under(listed, posixpath.dirname(page.file.src_uri))


def _under(listed: list[Page], folder: str) -> Page | None:
    """The navigation page whose folder holds `folder` (the deepest), if any."""
    best: Page | None = None
    best_depth = -1
    for item in listed:
        if item.is_homepage:
            continue
        home = posixpath.dirname(item.file.src_uri)
        if home and (folder == home or folder.startswith(home + "/")):
            depth = home.count("/")
            if depth > best_depth:
                best, best_depth = item, depth
    if best is None and folder in _FALLBACK:
        return next((item for item in listed if item.file.src_uri == _FALLBACK[folder]), None)
    return best


def without_lone_sections(nav: Navigation) -> None:
    """Sections that hold only the page openwork made for them, replaced by that page.

    A site without `nav:` in mkdocs.yml gets a section per folder from MkDocs, so each
    collection, the tag index and the teams index would be a section named like its one
    page: the reader opens "Weeknotes" to find "Weeknotes". A section with anything else in
    it (a docs page, a page another plugin made) is left as it is."""

    def flatten(items: list[Any], parent: Any) -> None:
        for i, item in enumerate(items):
            if not item.is_section:
                continue
            flatten(item.children, item)
            only = item.children[0] if len(item.children) == 1 else None
            if (
                only is not None
                and only.is_page
                and only.file.generated_by == "openwork"
                and posixpath.basename(only.file.src_uri) == "index.md"
            ):
                only.parent = parent
                items[i] = only

    flatten(nav.items, None)
