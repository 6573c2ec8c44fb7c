"""An entry's item in a listing, rendered once per build and variant and reused by every list.

An entry is listed on about eight pages (its collection, year, team, author and tag pages,
related lists), in one of a few variants (with or without its kind badge, its excerpt,
compact). The `entry_item` macro of `_macros.html` (overridable like every template)
renders each entry once per variant with stand-ins for its links; each list puts in its
page's own relative links. The same bytes as rendering the item inline on every page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from openwork.content.model import Entry

# A link target in a rendered item: its number in `ListItems.targets`, between characters
# that neither a template nor escaping writes.
_STAND_IN = re.compile("\x1e(\\d+)\x1f")
Variant = tuple[bool, bool, bool]  # show_kind, with_excerpt, compact


class ListItems:
    """The items of one Site's entries, by entry and variant, with stand-ins for links."""

    def __init__(self, site: object, make_macros: Callable[[dict[str, Any]], Any]) -> None:
        self.site = site
        self.targets: list[str] = []
        self._target_ids: dict[str, int] = {}
        self._items: dict[tuple[str, Variant], str] = {}
        self._macros = make_macros({"link": self._stand_in})

    def _stand_in(self, target: str) -> str:
        number = self._target_ids.get(target)
        if number is None:
            number = self._target_ids[target] = len(self.targets)
            self.targets.append(target)
        return f"\x1e{number}\x1f"

    def item(self, entry: Entry, variant: Variant) -> str:
        key = (entry.id, variant)
        html = self._items.get(key)
        if html is None:
            html = self._items[key] = str(self._macros.entry_item(entry, *variant))
        return html

    def render(
        self, entries: Sequence[Entry], show_kind: bool, excerpts: bool | int, link: Callable
    ) -> Markup:
        """The items of `entries` as `entry_list` shows them, with the links of the page
        whose `link` is given. `excerpts`: true, false, or how many first entries get one."""
        some = not isinstance(excerpts, bool)
        parts = []
        for number, entry in enumerate(entries, start=1):
            with_excerpt = number <= excerpts if some else bool(excerpts)
            parts.append(self.item(entry, (show_kind, with_excerpt, some and not with_excerpt)))
        links: dict[str, str] = {}

        def put_in(match: re.Match[str]) -> str:
            number = match.group(1)
            found = links.get(number)
            if found is None:
                found = links[number] = str(escape(link(self.targets[int(number)])))
            return found

        return Markup(_STAND_IN.sub(put_in, "".join(parts)))


def list_items_global(make_macros: Callable[[dict[str, Any]], Any]) -> Callable[..., Markup]:
    """`list_items(entries, show_kind, excerpts)` for templates: the calling page's `site`
    and `link` come from its context."""
    current: list[ListItems] = []

    @pass_context
    def list_items(
        context: Context, entries: Sequence[Entry], show_kind: bool, excerpts: bool | int
    ) -> Markup:
        site = context["site"]
        if not current or current[0].site is not site:
            # One Site per round of the pipeline: items rendered against another are dropped.
            current[:] = [ListItems(site, lambda extra: make_macros(context, extra))]
        return current[0].render(entries, show_kind, excerpts, context["link"])

    list_items.forget = current.clear  # type: ignore[attr-defined]
    return list_items
