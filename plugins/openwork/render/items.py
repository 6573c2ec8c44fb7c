"""Listing items rendered once per build: an entry's `<li>` is the same on every listing
but for its links, which are put in for each page (the costliest part of rendering a site)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

_MARK = re.compile("\x00([0-9]+)\x00")


class ListItems:
    """The `list_item` template function: the cached item with the calling page's links."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self._site: object = None
        self._items: dict[tuple[int, bool, bool, bool], tuple[object, str, list[str]]] = {}

    def function(self) -> Callable[..., Markup]:
        @pass_context
        def list_item(
            ctx: Context, entry: Any, show_kind: bool, with_excerpt: bool, compact: bool
        ) -> Markup:
            html, targets = self._item(ctx, entry, bool(show_kind), bool(with_excerpt), compact)
            link = ctx["link"]
            return Markup(_MARK.sub(lambda m: str(escape(link(targets[int(m[1])]))), html))

        return list_item

    def _item(
        self, ctx: Context, entry: Any, show_kind: bool, with_excerpt: bool, compact: bool
    ) -> tuple[str, list[str]]:
        site = ctx["site"]
        if site is not self._site:  # a new build or a new index round: nothing carries over
            self._site, self._items = site, {}
        key = (id(entry), show_kind, with_excerpt, bool(compact))
        cached = self._items.get(key)
        if cached is not None and cached[0] is entry:
            return cached[1], cached[2]
        targets: list[str] = []

        def mark(target: str) -> str:
            targets.append(target)
            return f"\x00{len(targets) - 1}\x00"

        context = dict(ctx.get_all())
        context.update(
            link=mark, e=entry, show_kind=show_kind, with_excerpt=with_excerpt, compact=compact
        )
        html = self.env.get_template("_entry_li.html").render(context)
        self._items[key] = (entry, html, targets)
        return html, targets
