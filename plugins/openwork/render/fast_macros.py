"""The hottest macros of `_macros.html` as Python, for as long as `_macros.html` is the
package's own: an entry's team link and status badge (on its card and in every list) and its
item in a list. A site of 10,000 entries calls them about 100,000 times, and Jinja spends more
on calling a macro than on what the macro writes.

`_macros.html` stays the definition: these give the same bytes for every entry (tests render
both on the example site and on hostile entries, in every variant), and a theme's override of
`_macros.html` is used instead of them, macro for macro (`Renderer.macros_for`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from openwork import paths
from openwork.content.model import Entry


class FastMacros:
    """`_macros.html` as a module seeing `context` (the site, `singular`, `link`), and the
    environment's `filters`: the hot macros in Python, any other from the template module
    (`module()`, made when first asked for)."""

    def __init__(
        self,
        context: dict[str, Any],
        filters: dict[str, Any],
        module: Callable[[], Any],
        *,
        same_links: bool = False,
    ) -> None:
        self._context = context  # read when a macro needs it, as the template would
        self._site = context["site"]
        self._link: Callable[[str], str] = context["link"]
        self._date, self._iso = filters["date"], filters["iso"]
        self._duration = filters["duration"]
        self._make_module = module
        self._module: Any = None
        # With `same_links` (`link` gives the same for every page: list_items' stand-ins), an
        # entry's item is the same in every variant but for the kind badge, excerpt and
        # class: its other parts are made once, by entry id.
        self._item_parts: dict[str, tuple[str, str, str]] | None = {} if same_links else None

    def __getattr__(self, name: str) -> Any:  # every other macro: the template's own
        if self._module is None:
            self._module = self._make_module()
        return getattr(self._module, name)

    def team_link(self, e: Entry) -> Markup:
        if not e.team:
            return Markup("")
        href = escape(self._link(paths.team(e.team)))
        name = escape(self._site.team_names.get(e.team_slug, e.team))
        return Markup(f'<a class="ow-team" href="{href}">{name}</a>')

    def author_links(self, e: Entry) -> Markup:
        link = self._link
        return Markup(
            ", ".join(
                f'<a href="{escape(link(paths.author(a.id)))}">{escape(a.name)}</a>'
                for a in e.authors
            )
        )

    def tag_links(self, e: Entry) -> Markup:
        links = []
        for tag in e.tags:
            shown = self._site.tag(tag)
            href = escape(self._link(paths.tag(shown.slug)))
            links.append(f'<a class="ow-tag" href="{href}" rel="tag">{escape(shown.display)}</a>')
        return Markup(" ".join(links))

    def status_badge(self, e: Entry) -> Markup:
        site = self._site
        if e.kind == "experiment":
            status = escape(e.status)
            out = f'<span class="ow-badge ow-status--{status}">{status}</span>'
            outcome = e.experiment.outcome  # type: ignore[union-attr]
            if outcome and e.status == "concluded":
                outcome = escape(outcome)
                out += f' <span class="ow-badge ow-outcome--{outcome}">{outcome}</span>'
            if e.review_overdue(site.today):
                out += ' <span class="ow-badge ow-badge--warn">review overdue</span>'
            return Markup(out)
        if e.kind == "incident":
            severity = e.incident.severity  # type: ignore[union-attr]
            severities = site.options.severities
            rank = escape(severities.index(severity) if severity in severities else 0)
            status = escape(e.status)
            return Markup(
                f'<span class="ow-badge ow-sev ow-sev--{rank}">{escape(severity)}</span> '
                f'<span class="ow-badge ow-istatus--{status}">{status}</span>\n'
            )
        return Markup("")

    def entry_item(
        self, e: Entry, show_kind: bool = False, with_excerpt: bool = True, compact: bool = False
    ) -> Markup:
        known = self._item_parts
        parts = known.get(e.id) if known is not None else None
        if parts is None:
            parts = self._item_parts_of(e)
            if known is not None:
                known[e.id] = parts
        kind, title, meta = parts
        out = [f'<li class="ow-entry ow-entry--{kind}{" ow-entry--compact" if compact else ""}">\n']
        out.append(title)
        if show_kind:
            label = escape(self._context["singular"][e.kind])
            out.append(f'<span class="ow-badge ow-kind--{kind}">{label}</span> ')
        out.append(meta)
        if with_excerpt and e.excerpt:
            out.append(f'<p class="ow-entry__excerpt">{escape(e.excerpt)}</p>\n')
        out.append("</li>\n")
        return Markup("".join(out))

    def _item_parts_of(self, e: Entry) -> tuple[str, str, str]:
        """An item's kind, its title line, and its facts after the kind badge."""
        title = (
            f'<a class="ow-entry__title" href="{escape(self._link(paths.entry(e)))}">'
            f'{escape(e.title)}</a>\n<div class="ow-entry__meta">'
        )
        day, when = escape(self._iso(e.date)), escape(self._date(e.date))
        meta = [f'<time datetime="{day}">{when}</time>']
        if e.team:
            meta.append(f" · {self.team_link(e)}")
        if e.kind != "weeknote":
            meta.append(f" · {self.status_badge(e)}")
        if e.kind == "incident" and (resolve := e.durations().get("resolve")):
            meta.append(f" · resolved in {escape(self._duration(resolve))}")
        meta.append("</div>\n")
        return str(escape(e.kind)), title, "".join(meta)

    def pager(self, base: str, number: int, pages: int) -> Markup:
        if not pages > 1:
            return Markup("")
        link = self._link
        out = ['<nav class="ow-pager" aria-label="Pages">\n']
        if number > 1:
            href = escape(link(paths.collection(base, number - 1)))
            out.append(f'<a class="ow-pager__prev" rel="prev" href="{href}">← Newer</a>')
        out.append(
            f'<span class="ow-pager__status">Page {escape(number)} of {escape(pages)}</span>\n'
        )
        for n in range(1, pages + 1):
            if n == number:
                out.append(f'<span class="ow-pager__current" aria-current="page">{n}</span> ')
            else:
                href = escape(link(paths.collection(base, n)))
                out.append(f'<a class="ow-pager__page" href="{href}">{n}</a> ')
        if number < pages:
            href = escape(link(paths.collection(base, number + 1)))
            out.append(f'<a class="ow-pager__next" rel="next" href="{href}">Older →</a>')
        out.append("</nav>\n")
        return Markup("".join(out))
