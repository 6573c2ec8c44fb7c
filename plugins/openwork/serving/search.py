"""Material's search index after a dirty rebuild, made equal to a clean build's.

Under `mkdocs serve --dirty` Material's search plugin keeps the previous index and replaces
the entries of the first page rebuilt only. openwork keeps each page's entries instead (the
ones the plugin adds while it reads that page) and, before the plugin writes the index, puts
them together in the order a clean build adds them: a page not rebuilt keeps its entries
from the build that last read it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SEARCH_INDEX = "search/search_index.json"


def material_search(config: MkDocsConfig) -> Any | None:
    """Material's search plugin, when it is on and shaped as this module knows it."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            index = getattr(plugin, "search_index", None)
            if hasattr(plugin, "search_index_prev") and isinstance(
                getattr(index, "entries", None), list
            ):
                return plugin
    return None


class SearchEntries:
    """Each page's search entries, by src_uri, kept as long as the server."""

    def __init__(self) -> None:
        self._by_page: dict[str, list[dict[str, Any]]] = {}
        self._plugin: Any | None = None
        self._start = 0

    def start(self, config: MkDocsConfig) -> None:
        self._plugin = material_search(config) if config.plugins else None

    @property
    def active(self) -> bool:
        return self._plugin is not None

    def before_page(self) -> None:
        """Before the search plugin reads a page."""
        if self._plugin is not None:
            self._start = len(self._plugin.search_index.entries)

    def after_page(self, page: Page) -> None:
        """After it has read the page: what it added is this page's."""
        if self._plugin is not None:
            entries = self._plugin.search_index.entries
            self._by_page[page.file.src_uri] = entries[self._start :]

    def merge(self, pages: Iterable[str]) -> None:
        """Before the plugin writes the index: every page's entries, in `pages`' order (the
        order a clean build reads them), and no previous index for it to patch."""
        if self._plugin is None:
            return
        pages = list(pages)
        self._by_page = {src: self._by_page[src] for src in pages if src in self._by_page}
        self._plugin.search_index.entries = [e for src in pages for e in self._by_page.get(src, [])]
        self._plugin.search_index_prev = None
