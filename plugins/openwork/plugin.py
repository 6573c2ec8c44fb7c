"""The MkDocs adapter: a thin layer over `openwork.pipeline`, which reads, indexes and renders."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from openwork import paths
from openwork.config import OpenworkConfig
from openwork.content.model import Entry
from openwork.lasting import hold, put_back, set_aside
from openwork.log_paths import LOGGER, SourcePaths
from openwork.mkdocs_pages import public_docs_markdown, site_settings
from openwork.navsection import SectionPages, section_page, without_lone_sections
from openwork.options import Options, OptionsError, load_options
from openwork.page_additions import PageAdditions
from openwork.pipeline import BuildResult, run, write_feed_files
from openwork.pipeline.boundary import page_problem
from openwork.problem_log import log_problems
from openwork.render.assembly import EntryParts, ListingParts
from openwork.render.links import add_entry_links, rewrite_links
from openwork.render.pages import dashboard_markdown
from openwork.render.stash import stash_html, stash_listing
from openwork.render.status import add_banner
from openwork.render.status_outputs import STATUS_CSS
from openwork.reporting import group_problems, nothing_published
from openwork.serving import Rebuilds
from openwork.serving.events import ServeEvents
from openwork.shared_markdown import SharedMarkdown

log = get_plugin_logger(__name__)
CSS_URI = "assets/openwork.css"


class OpenworkPlugin(ServeEvents, BasePlugin[OpenworkConfig]):
    """`plugins: [openwork]`: weeknotes, experiments and incidents as pages and feeds; what
    a server adds (caches, dirty rebuilds) is in `ServeEvents` (serving/events.py)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.rebuilds = Rebuilds()  # caches kept between serve rebuilds (serving/)
        self._reset()
        # MkDocs' link warnings about an entry name its source file, not the generated page.
        self.source_paths = SourcePaths(self._entry_at)

    def _reset(self) -> None:
        # `mkdocs serve` keeps one plugin instance across rebuilds: nothing may carry over.
        self.options: Options | None = None
        self.result: BuildResult | None = None
        self.root = Path()
        self.entry_html: dict[str, str] = {}
        self.link_map: dict[str, str] = {}
        self.section: Page | None = None
        self.sections: SectionPages | None = None  # which tab each page highlights (on_nav)
        # A listing page's HTML blocks (render/stash)
        self.stashed: dict[str, Sequence[str]] = {}
        # A page's parts, joined only while MkDocs renders it (render/assembly).
        self.parts: dict[str, EntryParts | ListingParts] = {}
        self.additions: PageAdditions | None = None  # what on_post_page adds, this build
        self.written: list[str] = []  # files openwork wrote itself (feeds), site-relative
        self.shared_markdown = SharedMarkdown()  # converts openwork's pages (on from on_files)

    def _entry_at(self, src_uri: str) -> Entry | None:
        """The entry whose page MkDocs knows as `src_uri`, in the current build."""
        page = self.result.entry_pages.get(src_uri) if self.result else None
        return page.entry if page else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._reset()
        self.rebuilds.new_build()
        if not self.config.enabled:
            return config
        try:
            self.options = load_options(dict(self.config))
        except OptionsError as exc:
            raise PluginError(f"openwork: {exc}") from None
        if self.options.feeds.formats and not config.site_url:
            raise PluginError(
                "openwork: feeds need absolute URLs, so mkdocs.yml needs the site's address: "
                "add `site_url: https://your.site.example/` at the top level of mkdocs.yml "
                "(or turn feeds off with `feeds: {formats: []}` under the openwork plugin)"
            )
        self.root = Path(config.config_file_path or ".").resolve().parent
        logging.getLogger(LOGGER).addFilter(self.source_paths)  # once: the same object
        if CSS_URI not in [str(css) for css in config.extra_css]:
            config.extra_css.append(CSS_URI)
        if STATUS_CSS not in [str(css) for css in config.extra_css]:  # status (#16)
            config.extra_css.append(STATUS_CSS)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        # The pipeline runs here, not in on_config: it must know the docs pages to tell a
        # docs page that takes an entry's address (an error) from one that replaces a
        # generated listing (the docs page wins).
        if self.options is None:
            return files
        put_back()  # build-1k: a server's last build, if it failed before on_post_build
        hold()  # no automatic full collections until the build is done (lasting.py)
        docs = Path(config.docs_dir).resolve()
        docs_rel = docs.relative_to(self.root).as_posix() if docs.is_relative_to(self.root) else ""
        mode = "serve" if self.is_serve else "build"
        settings = site_settings(config, files, docs_rel)
        kept, renderer = self._serve_caches(settings)  # what a server kept, if serving
        self.result = result = run(
            self.root, self.options, settings, mode, kept=kept, renderer=renderer
        )
        self.rebuilds.keep_renderer(settings, result.renderer)
        log_problems(log, group_problems(result.problems))  # repeats said once
        folders = [c.folder for c in self.options.collections.values()]
        read = result.read
        # Every entry rejected: said loudly, so a site that looks empty is not taken as quiet.
        log_problems(
            log, nothing_published(folders, read.problems, len(read.entries) + len(read.hidden))
        )
        for note in result.notes:
            log.info(note)
        for file in files.documentation_pages():
            self.link_map[f"{docs_rel}/{file.src_uri}" if docs_rel else file.src_uri] = file.src_uri
        for src_uri, page in result.entry_pages.items():
            self._add(files, config, src_uri, page.markdown, in_nav=False)
        add_entry_links(self.link_map, ((p.entry.path, s) for s, p in result.entry_pages.items()))
        # render-speed: a listing page's template HTML is stashed here (render/stash), packed
        # until the page is rendered, and the data files are kept as UTF-8; the pipeline's
        # copies are let go, so the build holds each generated text once.
        for generated in result.pages:
            markdown, stash = stash_listing(generated.markdown)
            if self._add(files, config, generated.src_uri, markdown, in_nav=generated.in_nav):
                self.stashed[generated.src_uri] = stash
        for src_uri, content in result.data_files.items():
            self._add(files, config, src_uri, content.encode("utf-8"), in_nav=False)
        self.result = result = replace(result, pages=(), data_files={})
        self.additions = PageAdditions(result)
        result.renderer.forget_list_items()
        self._problem_pages(files, config)  # under serve: a rejected entry's problems
        css = (package_files("openwork") / "assets" / "openwork.css").read_text(encoding="utf-8")
        self._add(files, config, CSS_URI, css, in_nav=False)
        self._serve_files(files, config)  # the server's caches
        self.shared_markdown.start(config)
        set_aside()  # build-1k: what lasts to the end of the build, out of collections
        return files

    @event_priority(-100)  # the navigation as the last plugin leaves it
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        without_lone_sections(nav)  # "Weeknotes" holding only "Weeknotes": just the page
        self.sections = SectionPages(nav)
        self.rebuilds.nav_ready(nav)
        return nav

    def _add(
        self,
        files: Files,
        config: MkDocsConfig,
        src_uri: str,
        content: str | bytes,
        *,
        in_nav: bool,
    ) -> bool:
        if files.get_file_from_path(src_uri) is not None:
            # The pipeline has already left out (with a note or a problem) every page that a
            # docs page takes; this is a file only another plugin could have added.
            log.info(f"{src_uri} exists already, so openwork does not generate it")
            return False
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
        return True

    def _page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.shared_markdown.install(page)  # openwork's pages: one Markdown instance
        result = self.result
        if result is None:
            return markdown
        entry_page = result.entry_pages.get(page.file.src_uri)
        src = page.file.src_uri
        if entry_page is not None:
            entry = entry_page.entry
            return self._entry_links(
                src,
                (markdown, entry.path),
                lambda: rewrite_links(markdown, entry.path, src, self.link_map),
            )
        if self.options is not None and not self.options.include_private:
            markdown, problems = public_docs_markdown(markdown, page, self.root)
            log_problems(log, problems)
        if page.file.src_uri in self.stashed and not page.is_homepage:
            return markdown  # an openwork listing, stashed in on_files
        if page.file.generated_by is not None and not page.is_homepage:
            # A listing (index, year, week, tag, team, author page): its template HTML skips
            # Python-Markdown (put back in on_page_content).
            markdown, stash = stash_html(markdown)
            if page.file.generated_by == "openwork":  # its text is in memory: no copies
                stash = stash.within(page.file.content_string)
            self.stashed[page.file.src_uri] = stash
            return markdown
        if page.is_homepage:
            try:
                dashboard = dashboard_markdown(result.site, result.renderer, src, result.catalog)
            except Exception as exc:  # the home page stays; its dashboard block is left out
                log_problems(log, [page_problem(src, exc)])
                return markdown
            return markdown + "\n\n" + dashboard
        return markdown

    on_page_markdown = CombinedEvent(_page_markdown, ServeEvents._before_conversion)

    def _page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.shared_markdown.uninstall(page)
        src = page.file.src_uri
        if (stashed := self.stashed.pop(src, None)) is not None:
            # Search reads the page without the lists it would skip anyway (data-search-exclude),
            # rather than parse them to find that out; the page gets them back in
            # on_page_context, after the search plugin has read it.
            parts = self.parts[src] = ListingParts(html, stashed)
            return parts.for_search()
        entry_page = self.result.entry_pages.get(src) if self.result else None
        if entry_page is None:
            return html
        self.entry_html[entry_page.entry.id] = html  # the body MkDocs rendered, for the feeds
        page.edit_url = None  # the page is generated: there is no docs/ file to edit
        # The card and footer go around the body while the page is rendered (on_page_context
        # to on_post_page), so the finished pages are not all in memory at once.
        self.parts[src] = EntryParts(entry_page.header, entry_page.footer)
        return html

    on_page_content = CombinedEvent(ServeEvents._after_conversion, _page_content)

    def _page_extra(self, page: Page, config: MkDocsConfig) -> tuple[object, ...]:
        """What openwork adds to a page after its HTML (for the digest of a dirty rebuild)."""
        added = self.additions.of(page, config) if self.additions else None
        parts = self.parts.get(page.file.src_uri)
        return parts.fingerprint() if parts else None, self._tag_chips(page), added

    # render/assembly: an entry page in full for search (its footer's lists left out, as
    # search skips them), then in full for the theme; after writing, the body alone again.
    @event_priority(50)  # before Material's search plugin reads the page
    def _entry_for_search(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        if isinstance(parts := self.parts.get(page.file.src_uri), EntryParts):
            page.content = parts.for_search(page.content or "")
        return context

    @event_priority(-100)  # after Material's search plugin has read the page
    def _in_full(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        if (parts := self.parts.get(page.file.src_uri)) is not None:
            page.content = parts.in_full()
        return context

    @event_priority(-100)  # after every plugin has seen the finished page
    def _written(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        parts = self.parts.pop(page.file.src_uri, None)
        if isinstance(parts, EntryParts):
            page.content = parts.body
        elif parts is not None:
            page.content = parts.searchable
        return output

    def _page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        # An entry, week, tag, team or author page highlights its section's tab.
        known = self.sections if self.sections and self.sections.nav is nav else None
        self.section = known.of(page) if known else section_page(nav, page)
        if self.section is not None:
            self.section.active = True  # undone in on_post_page, as MkDocs does for the page
        if (chips := self._tag_chips(page)) is not None:
            # Material's tag chips read `tags` (as its tags plugin sets it), pointing at our pages.
            # Set unconditionally: if Material's tags plugin runs too, its chips give way to ours.
            context["tags"] = chips
        return context

    def _tag_chips(self, page: Page) -> list[dict[str, str]] | None:
        """An entry's tags as Material's chips (None for other pages). Material writes `name`
        unescaped, so it gets escaped text."""
        entry_page = self.result.entry_pages.get(page.file.src_uri) if self.result else None
        if entry_page is None or self.result is None:
            return None
        site, urls = self.result.site, self.result.renderer.urls
        tags = [site.tag(tag) for tag in entry_page.entry.tags]
        return [{"name": escape(t.display), "url": urls.url(paths.tag(t.slug))} for t in tags]

    on_page_context = CombinedEvent(
        ServeEvents._search_before,
        _entry_for_search,
        _page_context,
        ServeEvents._search_after,
        _in_full,
    )

    def _post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.section is not None:
            self.section.active = False
            self.section = None
        if self.additions is None:
            return output
        return self.additions.add(output, page, config)

    on_post_page = CombinedEvent(ServeEvents._page_rendered, _post_page, _written)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # status (#16): the theme's 404 page gets the banner too, with links from the root.
        status = self.result.status if self.result else None
        if template_name != "404.html" or status is None:
            return output_content
        base = urlsplit(str(config.site_url or "/")).path or "/"
        return add_banner(output_content, status.banner_anywhere(base))

    def on_shutdown(self) -> None:
        logging.getLogger(LOGGER).removeFilter(self.source_paths)

    def _write_feeds(self, *, config: MkDocsConfig) -> None:
        catalog = self.result.catalog if self.result else None
        if catalog is not None:
            # The only files written behind MkDocs' back: after every page has been rendered,
            # so each item carries the body HTML MkDocs produced (Markdown is converted once).
            site_dir, written = Path(config.site_dir), self.written
            checks = self._feed_checks()  # items that passed in a server's last build
            problems = write_feed_files(catalog, self.entry_html, site_dir, written, checks)
            log_problems(log, problems)

    @event_priority(-100)  # after every plugin has written its files
    def _done(self, *, config: MkDocsConfig) -> None:
        put_back()  # build-1k: the build is done

    def on_build_error(self, *, error: Exception) -> None:
        put_back()  # build-1k: a failed build lets the collector work as usual again

    on_post_build = CombinedEvent(
        ServeEvents._search_index, _write_feeds, ServeEvents._leftovers, _done
    )
