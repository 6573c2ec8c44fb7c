"""What a page's written HTML depends on, boiled down to a digest: the page's own part (its
HTML, title, table of contents, front matter, URLs, what openwork adds to it) and the part
every page shares (the configuration, the navigation, the theme overrides, the date)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_build_date


def digest(parts: Iterable[object]) -> str:
    """Each part as its type and text, each prefixed with its length: no two different
    lists of parts run together into the same bytes."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = f"{type(part).__name__}:{part}".encode("utf-8", "surrogatepass")
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def _toc(items: Sequence[AnchorLink]) -> list[tuple[object, ...]]:
    return [(i.title, i.id, i.level, _toc(i.children)) for i in items]


def _nav(items: Sequence[Any]) -> list[tuple[object, ...]]:
    return [
        (
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            getattr(getattr(item, "file", None), "src_uri", None),
            _nav(item.children or []) if item.children else None,
        )
        for item in items
    ]


def folder_stats(folder: str | None) -> list[tuple[str, int, int]]:
    """Every file under `folder` (if any), with its size and modification time."""
    found: list[tuple[str, int, int]] = []
    if not folder or not Path(folder).is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            stat = (Path(dirpath) / name).stat()
            found.append((f"{dirpath}/{name}", stat.st_size, stat.st_mtime_ns))
    return found


def site_digest(config: MkDocsConfig, nav: Navigation) -> str:
    """The part of every page that is the same on all of them. Anything not understood in
    the configuration shows in its repr: a change there rebuilds every page."""
    plugins = [
        (name, type(p).__module__, repr(dict(getattr(p, "config", None) or {})))
        for name, p in config.plugins.items()
    ]
    return digest(
        [
            *(f"{key}={config[key]!r}" for key in sorted(config)),
            plugins,
            _nav(nav.items),
            # A template edit in the theme's custom_dir changes every page. The installed
            # theme is taken as fixed while serving.
            folder_stats(config.theme.custom_dir),
            get_build_date(),
        ]
    )


def page_digest(site: str, page: Page, extra: tuple[object, ...]) -> str:
    """`site` with everything of this one page that its template and the plugins' page
    events read; `extra` is what openwork adds to the page after its HTML."""
    file = page.file
    neighbours = [(p.url, p.title) if p else None for p in (page.previous_page, page.next_page)]
    return digest(
        [
            site,
            file.src_uri,
            file.dest_uri,
            file.url,
            file.inclusion,
            page.title,
            page.content,
            _toc(list(page.toc)),
            repr(page.meta),
            page.canonical_url,
            page.abs_url,
            page.edit_url,
            page.is_homepage,
            page.update_date,
            neighbours,
            *extra,
        ]
    )
