"""A page's share of openwork's own on_page_markdown work (links pointed at generated pages,
a listing's HTML set aside), kept between serve rebuilds: each is a function of the page's
Markdown and of what the build passes to every page (the map of links, the options), so it
is made again only when one of those changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PageMemo(Generic[T]):
    """One kept value per page; everything kept is forgotten when the shared part changes."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[object, T]] = {}
        self._shared: object = None
        self.enabled = False  # only while serving: a one-off build keeps nothing
        self.made = 0  # in this instance's life, for tests

    def start(self, shared: object, *, enabled: bool) -> None:
        """At each build: `shared` is what every page's value also depends on."""
        self.enabled = enabled
        if not enabled or shared != self._shared:
            self._kept.clear()
        self._shared = shared if enabled else None

    def get(self, page: str, key: object, make: Callable[[], T]) -> T:
        """The value for `page` made from `key` (the page's own input), made if need be."""
        if not self.enabled:
            return make()
        kept = self._kept.get(page)
        if kept is not None and kept[0] == key:
            return kept[1]
        self.made += 1
        value = make()
        self._kept[page] = (key, value)
        return value
