"""Each page's Markdown-to-HTML conversion kept between `mkdocs serve` rebuilds: a page whose
final Markdown (after every plugin's `on_page_markdown`) and conversion settings are the same
as last time gets last time's HTML, table of contents and warnings, without Python-Markdown."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from openwork.shared_markdown import not_page_alone

_LOGGER = "mkdocs"  # MkDocs reports a page's links under mkdocs.structure.pages


@dataclass(frozen=True)
class _Converted:
    """What `Page.render` sets, and what it logged."""

    markdown: str
    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    records: tuple[logging.LogRecord, ...]


class _Capture(logging.Handler):
    """The records one conversion logs (on this thread: the server logs from others)."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record)


@dataclass
class Conversions:
    """One instance lives as long as the server (the plugin instance)."""

    converted: int = 0  # conversions Python-Markdown did in the current build (for tests)
    reused: int = 0
    unsafe: tuple[str, ...] = ()  # the extensions that turned the cache off, this build
    _kept: dict[str, _Converted] = field(default_factory=dict)  # by src_uri
    _settings: object = None
    _files: Files | None = None
    _pending: dict[str, _Capture] = field(default_factory=dict)
    _restores: dict[str, Any] = field(default_factory=dict)  # this build's, by src_uri

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """At on_files' end: a change in what conversion depends on besides each page's
        Markdown (extensions and their settings, URLs style, link validation, the set of
        files links resolve against) forgets every kept page."""
        self.converted = self.reused = 0
        self._files = files
        self._restores.clear()
        self.forget_pending()
        names = [str(name) for name in config.markdown_extensions]
        self.unsafe = not_page_alone(list(config.markdown_extensions))
        settings = (
            repr(names),
            repr(config.mdx_configs),
            config.use_directory_urls,
            repr(config.validation),
            config.docs_dir,
            tuple((f.src_uri, f.url, f.dest_uri, f.inclusion) for f in files),
        )
        if settings != self._settings or self.unsafe:
            self._kept.clear()
        self._settings = settings

    def before(self, page: Page, markdown: str) -> None:
        """After every plugin's on_page_markdown: reuse what this Markdown converted to last
        time, or watch this conversion's log."""
        if self._files is None or self.unsafe:
            return
        src = page.file.src_uri
        kept = self._kept.get(src)
        if kept is not None and kept.markdown == markdown:
            # This page only: its `render` restores instead of converting.
            restore = self._restores[src] = lambda config, files: self._restore(page, kept)
            page.render = restore  # type: ignore[method-assign]
            return
        capture = _Capture()
        logging.getLogger(_LOGGER).addHandler(capture)
        self._pending[src] = capture

    def after(self, page: Page) -> None:
        """Before any plugin's on_page_content: keep what Python-Markdown made."""
        restore = self._restores.pop(page.file.src_uri, None)
        if restore is not None:
            if vars(page).get("render") is restore:
                del page.render  # the class's own again, for anything after this build
            self.reused += 1
            return
        capture = self._pending.pop(page.file.src_uri, None)
        if capture is not None:
            logging.getLogger(_LOGGER).removeHandler(capture)
        self.converted += 1
        if capture is None or page.markdown is None or page.content is None:
            return
        links = None
        if page.links_to_anchors is not None:
            links = {f.src_uri: dict(anchors) for f, anchors in page.links_to_anchors.items()}
        self._kept[page.file.src_uri] = _Converted(
            page.markdown,
            page.content,
            page.toc,
            page._title_from_render,
            frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
            links,
            tuple(capture.records),
        )

    def forget_pending(self) -> None:
        """Stop watching the logs of conversions that never finished (a failed build)."""
        for capture in self._pending.values():
            logging.getLogger(_LOGGER).removeHandler(capture)
        self._pending.clear()

    def _restore(self, page: Page, kept: _Converted) -> None:
        page.content = kept.content
        page.toc = kept.toc
        page._title_from_render = kept.title
        page.present_anchor_ids = set(kept.anchors) if kept.anchors is not None else None
        if kept.links_to_anchors is not None and self._files is not None:
            links: dict[Any, dict[str, str]] = {}
            for src, anchors in kept.links_to_anchors.items():
                if (linked := self._files.get_file_from_path(src)) is not None:
                    links[linked] = dict(anchors)
            page.links_to_anchors = links
        for record in kept.records:  # the same warnings as a conversion: strict still fails
            logging.getLogger(record.name).handle(record)
