"""`mkdocs serve`'s share of the plugin's events: the server keeps caches between rebuilds,
and a dirty rebuild renders only the pages that changed and writes what a clean build would
(the work itself is in rebuilds.py). The MkDocs adapter (plugin.py) takes these events in
beside its own, each at the priority it needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from openwork.content.rejected import rejected_files
from openwork.options import Options
from openwork.pipeline import BuildResult, Kept, SiteSettings, watched_paths
from openwork.pipeline.feed_boundary import FeedChecks
from openwork.render.problem_pages import problem_pages
from openwork.render.renderer import Renderer
from openwork.serving.rebuilds import Rebuilds

log = get_plugin_logger("openwork.plugin")


class ServeEvents:
    """Mixed into the plugin, whose state these events read: `rebuilds` (kept by the
    plugin instance, which a server keeps), `is_serve`, and this build's `options`, `root`,
    `result`, `written` (files openwork wrote itself) and `link_map`."""

    rebuilds: Rebuilds
    is_serve: bool
    options: Options | None
    root: Path
    result: BuildResult | None
    written: list[str]
    link_map: dict[str, str]

    def _page_extra(self, page: Page, config: MkDocsConfig) -> tuple[object, ...]:
        raise NotImplementedError  # what the plugin adds to a page after its HTML

    def _add(
        self, files: Files, config: MkDocsConfig, src_uri: str, content: str, *, in_nav: bool
    ) -> bool:
        raise NotImplementedError  # the plugin's way of adding a generated page

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"
        self.rebuilds.startup(command, dirty)
        if self.is_serve and not dirty:
            log.info(
                "openwork: for rebuilds that render only the pages an edit changes, serve "
                "with `mkdocs serve --dirty` (see the guide on checking and publishing)"
            )

    def _serve_caches(self, settings: SiteSettings) -> tuple[Kept | None, Renderer | None]:
        """What a server kept for the pipeline: files read, entry pages, feed items, and the
        last build's template renderer (None, None in a one-off build)."""
        kept = self.rebuilds.kept if self.is_serve else None
        return kept, self.rebuilds.renderer(settings)

    def _feed_checks(self) -> FeedChecks | None:
        return self.rebuilds.kept.feed_checks if self.is_serve else None

    def _problem_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Under serve, a rejected entry's URL shows its problems, not a 404."""
        result = self.result
        if not self.is_serve or result is None or self.options is None:
            return
        # An entry the pipeline left out (its page, a listing or a feed failed) counts as
        # rejected too: the pipeline's problems, its surviving entries.
        shown = [page.entry for page in result.entry_pages.values()]
        seen = replace(result.read, entries=shown, hidden=[], problems=list(result.problems))
        for page in problem_pages(rejected_files(seen, self.options, self.root), result.renderer):
            if files.get_file_from_path(page.src_uri) is None:  # a docs page keeps its URL
                self._add(files, config, page.src_uri, page.markdown, in_nav=False)

    def _serve_files(self, files: Files, config: MkDocsConfig) -> None:
        """At on_files' end, every file known: the server's caches learn them."""
        self.rebuilds.files_ready(config, files)
        while self.rebuilds.notices:
            log.info(self.rebuilds.notices.pop(0))
        self.rebuilds.links.start(dict(self.link_map), enabled=self.is_serve)

    def _entry_links(self, src_uri: str, key: object, make: Callable[[], str]) -> str:
        """An entry's Markdown with its links rewritten, kept between serve rebuilds."""
        return self.rebuilds.links.get(src_uri, key, make)

    @event_priority(-1000)  # after every plugin's on_page_markdown: what Python-Markdown gets
    def _before_conversion(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.rebuilds.conversions.before(page, markdown)
        return markdown

    @event_priority(1000)  # before any plugin's on_page_content: what Python-Markdown made
    def _after_conversion(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.rebuilds.conversions.after(page)
        return html

    @event_priority(-100)  # every page has its HTML: which to render under serve --dirty
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.is_serve and env.bytecode_cache is None:  # the theme's templates compiled once
            env.bytecode_cache = self.rebuilds.theme_templates
        self.rebuilds.decide(config, files, lambda page: self._page_extra(page, config))
        return env

    @event_priority(100)  # before Material's search plugin reads the page
    def _search_before(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        self.rebuilds.search.before_page()
        return context

    @event_priority(-100)  # after Material's search plugin has read the page
    def _search_after(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        self.rebuilds.search.after_page(page)
        return context

    def _page_rendered(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        self.rebuilds.page_rendered()
        return output

    @event_priority(100)  # before Material's search plugin writes its index
    def _search_index(self, *, config: MkDocsConfig) -> None:
        self.rebuilds.before_search_index()

    @event_priority(-100)  # after every plugin has written its files
    def _leftovers(self, *, config: MkDocsConfig) -> None:
        for path in self.rebuilds.finish(config, self.written):
            log.debug(f"openwork: removed {path}, which a clean build would not write")

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> None:
        if self.options is None:
            return
        for path in watched_paths(self.root, self.options, self.result):
            if path.exists():
                server.watch(str(path))
