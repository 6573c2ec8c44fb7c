"""The one Jinja environment: every generated page and fragment goes through `Renderer`."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2.runtime import Context
from markupsafe import Markup

from openwork.content.dates import human_duration
from openwork.render.fast_macros import FastMacros
from openwork.render.list_items import list_items_global
from openwork.render.macro_loader import CompletingLoader, is_package_template
from openwork.render.reading import reader_filters, spaced
from openwork.render.template_cache import use_template_cache
from openwork.urls import PageUrls

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_text(value: object) -> Markup:
    """Text safe inside Markdown *and* HTML: escaped for both, so nothing written in front
    matter can become markup or a link."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=True)))


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return _day_text(value.date() if isinstance(value, datetime) else value)


@lru_cache(maxsize=8192)
def _day_text(day: date) -> str:
    """'3 June 2026': cached, as a listing shows the same few thousand days again and again."""
    return f"{day.day} {day.strftime('%B %Y')}"


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    offset = value.strftime("%z")
    offset = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
    return f"{format_date(value)}, {value.strftime('%H:%M')} {offset}"


def iso(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def header_value(value: object) -> Markup:
    """A page's title or description for its YAML header. Themes print these unescaped
    (into <title>, <meta>, the nav), so the text is HTML-escaped once, here.

    Written in ASCII, with YAML's escapes for other characters: the value is the same, and a
    page whose text is ASCII (or Latin-1) is held in one byte per character instead of two
    or four for the sake of an ellipsis in its description."""
    if isinstance(value, list | tuple):  # e.g. an entry's tags, a YAML list of strings
        return Markup("[" + ", ".join(header_value(v) for v in value) + "]")
    text = _json_string(html.escape(str(value), quote=True))
    return Markup(text if text.isascii() else _NON_ASCII.sub(_yaml_escape, text))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# `json.dumps(text, ensure_ascii=False)` for a string, without making an encoder each time.
_json_string = json.encoder.encode_basestring


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def safe_url(value: object) -> str:
    """Only web, mail and relative links: a `javascript:` URL in front matter goes nowhere."""
    text = str(value).strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text.split("/", 1)[0] else ""
    return text if scheme in ("", "http", "https", "mailto") else "#"


def duration(value: timedelta | None) -> str:
    return human_duration(value) if value is not None else "–"


class Renderer:
    """Renders package templates, or a theme's override from `<custom_dir>/openwork/`."""

    def __init__(self, urls: PageUrls, override_dirs: Sequence[Path] = ()) -> None:
        package = PackageLoader("openwork", "templates")
        loaders: list[Any] = [FileSystemLoader(str(d)) for d in override_dirs]
        loaders.append(package)
        self.urls = urls
        self.spacing = True  # False in a check: no one reads what it renders (check-speed)
        self._own: dict[str, bool] = {}
        self.env = Environment(
            loader=CompletingLoader(ChoiceLoader(loaders), package),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=StrictUndefined,
            # One environment per build: never look at a template's file again to see if it
            # changed (Jinja's default does, on every render).
            auto_reload=False,
        )
        self.env.filters.update(
            md=md_text,
            date=format_date,
            datetime=format_datetime,
            iso=iso,
            duration=duration,
            safe_url=safe_url,
            header_value=header_value,
        )
        self.env.filters.update(reader_filters())  # readers: week dates, reading time
        self.env.globals["list_items"] = list_items_global(self._macros)
        use_template_cache(self.env)  # compiled once, not on every build
        self._page = ""  # the page being rendered, for `_page_link`
        self._shared: tuple[object, Any] | None = None  # (site, its `_macros.html` module)

    def forget_list_items(self) -> None:
        """Let go of the list items rendered so far, once the listing pages are made."""
        self.env.globals["list_items"].forget()

    def _macros(self, context: Context, extra: dict[str, Any]) -> Any:
        """`_macros.html` as a module seeing `context` (a page's) with `extra` laid over it."""
        return self.macros_for({**context.get_all(), **extra}, same_links=True)

    def macros_for(self, context: dict[str, Any], *, same_links: bool = False) -> Any:
        """`_macros.html` as a module seeing `context`: the package's own with its hottest
        macros in Python (render/fast_macros.py), or a theme's override as it is.
        `same_links`: `link` in `context` gives the same on every page (list_items')."""
        template = self.env.get_template("_macros.html")
        if not self.is_own("_macros.html"):
            return template.make_module(context)
        make = lambda: template.make_module(context)  # noqa: E731
        return FastMacros(context, self.env.filters, make, same_links=same_links)

    def shared_macros(self, context: dict[str, Any]) -> dict[str, Any]:
        """`{"m": ...}`: `_macros.html` as a module for the site in `context`, made once and
        shared by every entry's card, footer and list (importing it `with context` on each
        render took a fifth of an entry's card). Its `link` makes links relative to whichever
        page is being rendered. Empty when a theme overrides `_macros.html`: its macros may
        use anything of the page they are on, so each template imports them itself."""
        if not self.is_own("_macros.html"):
            return {}
        site = context["site"]
        if self._shared is None or self._shared[0] is not site:
            self._shared = (site, self.macros_for({**context, "link": self._page_link}))
        return {"m": self._shared[1]}

    def _page_link(self, target_src_uri: str) -> str:
        return self.urls.relative(target_src_uri, self._page)

    def is_own(self, template: str) -> bool:
        """True when `template` is the package's own, not a theme's override of it."""
        own = self._own.get(template)
        if own is None:
            filename = self.env.get_template(template).filename
            own = self._own[template] = is_package_template(filename)
        return own

    def render(self, template: str, page: str, **context: Any) -> str:
        """Render `template` for the page at docs path `page` (links are made relative to it)."""

        def link(target_src_uri: str) -> str:
            return self.urls.relative(target_src_uri, page)

        if "site" in context and "m" not in context and self.is_own("_macros.html"):
            # The templates' `m` (each imports `_macros.html` only when it is not given).
            context["m"] = self.macros_for({**context, "link": link, "page_src": page})
        outer, self._page = self._page, page
        try:
            html = self.env.get_template(template).render(link=link, page_src=page, **context)
        finally:
            self._page = outer
        if template.startswith("feed_") or not self.spacing:
            return html  # feed items are not search text: their bytes stay as they were
        return spaced(html)  # readers: search text whose cells do not run together
