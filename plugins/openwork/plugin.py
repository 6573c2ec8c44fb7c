"""The MkDocs adapter: every hook hands its work to the read, index and render stages."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from openwork.config import OpenworkConfig
from openwork.content import Entry, read_content
from openwork.content.private import marker_problems, strip_private
from openwork.content.reader import ReadResult
from openwork.feeds import (
    FeedCatalog,
    FeedSettings,
    add_to_head,
    build_catalog,
    feeds_page,
    head_links,
    write_feeds,
)
from openwork.index import Site, build_site
from openwork.options import Options, OptionsError, load_options
from openwork.problems import Problem
from openwork.render import PageUrls, Renderer, paths
from openwork.render.entries_json import entries_json
from openwork.render.links import rewrite_links
from openwork.render.pages import (
    dashboard_markdown,
    entry_footer,
    entry_header,
    entry_markdown,
    generate_pages,
)
from openwork.render.status import add_banner  # status (#16)
from openwork.render.status_outputs import STATUS_CSS, StatusOutputs  # status (#16)

log = get_plugin_logger(__name__)
CSS_URI = "assets/openwork.css"


class OpenworkPlugin(BasePlugin[OpenworkConfig]):
    """`plugins: [openwork]`: weeknotes, experiments and incidents as pages and feeds."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self._reset()

    def _reset(self) -> None:
        # `mkdocs serve` keeps one plugin instance across rebuilds: nothing may carry over.
        self.options: Options | None = None
        self.result: ReadResult | None = None
        self.site: Site | None = None
        self.renderer: Renderer | None = None
        self.root = Path()
        self.by_src: dict[str, Entry] = {}
        self.entry_html: dict[str, str] = {}
        self.link_map: dict[str, str] = {}
        self.feeds: FeedCatalog | None = None
        self.status: StatusOutputs | None = None  # status (#16)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._reset()
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
        self.result = read_content(self.root, self.options)
        for problem in self.result.problems:
            log.warning(str(problem))
        now = datetime.now(UTC)  # the build's one clock reading; status (#16) uses it too
        today = now.astimezone(self.options.zone).date()
        entries = self.result.entries
        if self.is_serve and self.result.hidden:
            # A writer previewing with `mkdocs serve` sees drafts and embargoed entries, each
            # marked as a preview; `mkdocs build` never includes them.
            entries = sorted(
                [*entries, *self.result.hidden], key=lambda e: (e.date, e.id), reverse=True
            )
        self.site = build_site(
            entries,
            self.result.authors,
            self.options,
            today,
            tag_descriptions=self.result.tag_rules.descriptions,
        )
        if entries is not self.result.entries:
            self.site.previews = {e.id for e in self.result.hidden}
        overrides = []
        if config.theme.custom_dir:
            overrides.append(Path(config.theme.custom_dir) / "openwork")
        self.renderer = Renderer(PageUrls(config.use_directory_urls), overrides)
        self._prepare_status(config, now)  # status (#16)
        self.feeds = self._feed_catalog(config)
        if CSS_URI not in [str(css) for css in config.extra_css]:
            config.extra_css.append(CSS_URI)
        return config

    def _feed_catalog(self, config: MkDocsConfig) -> FeedCatalog | None:
        if not (self.options and self.options.feeds.formats and self.site and self.renderer):
            return None
        settings = FeedSettings(
            site_name=config.site_name,
            site_url=FeedSettings.normalise_url(str(config.site_url)),
            formats=tuple(dict.fromkeys(self.options.feeds.formats)),
            limit=self.options.feeds.limit,
            description=config.site_description,
            language=str(config.theme.get("language") or "en"),
            author=config.site_author,
        )
        extra = self.status.feed_scopes(settings) if self.status else []  # status (#16)
        catalog = build_catalog(self.site, settings, self.renderer.urls, extra)
        self.renderer.env.globals["feeds"] = catalog  # for `_feeds.html` on tag and team pages
        return catalog

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.site is None or self.renderer is None:
            return files
        docs = Path(config.docs_dir).resolve()
        docs_rel = docs.relative_to(self.root).as_posix() if docs.is_relative_to(self.root) else ""
        for file in files.documentation_pages():
            self.link_map[f"{docs_rel}/{file.src_uri}" if docs_rel else file.src_uri] = file.src_uri
        for entry in self.site.entries:
            markdown = entry_markdown(entry, self.site)
            if self._add(files, config, entry.src_uri, markdown, in_nav=False):
                self.by_src[entry.src_uri] = entry
                self.link_map[entry.path] = entry.src_uri
                self.link_map[entry.src_uri.lower()] = entry.src_uri
        for page in generate_pages(self.site, self.renderer):
            self._add(files, config, page.src_uri, page.markdown, in_nav=page.in_nav)
        if self.feeds is not None:
            page = feeds_page(self.feeds, self.renderer)
            self._add(files, config, page.src_uri, page.markdown, in_nav=page.in_nav)
        urls = self.renderer.urls
        self._add(
            files,
            config,
            "entries.json",
            entries_json(self.site, urls, config.site_url),
            in_nav=False,
        )
        css = (package_files("openwork") / "assets" / "openwork.css").read_text(encoding="utf-8")
        self._add(files, config, CSS_URI, css, in_nav=False)
        if self.status is not None:  # status (#16): /status/, open data, digest e-mails
            language = str(config.theme.get("language") or "en")
            for src, text, in_nav in self.status.files(config.site_url, config.site_name, language):
                self._add(files, config, src, text, in_nav=in_nav)
        return files

    # --- status (#16) ---------------------------------------------------------------------
    def _prepare_status(self, config: MkDocsConfig, now: datetime) -> None:
        if self.site is None or self.renderer is None:
            return
        self.status = StatusOutputs.prepare(self.root, self.site, self.renderer, now)
        self.renderer.env.globals["open_data"] = bool(config.site_url)  # CSV, .ics, e-mails
        for problem in self.status.problems:
            log.warning(str(problem))
        if self.result is not None:
            self.result.watched.extend(self.status.watched)
        if STATUS_CSS not in [str(css) for css in config.extra_css]:
            config.extra_css.append(STATUS_CSS)

    # --- end status (#16) -----------------------------------------------------------------

    def _add(
        self, files: Files, config: MkDocsConfig, src_uri: str, content: str, *, in_nav: bool
    ) -> bool:
        if files.get_file_from_path(src_uri) is not None:
            log.info(f"docs/{src_uri} exists, so openwork does not generate that page")
            return False
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
        return True

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.site is None or self.renderer is None:
            return markdown
        entry = self.by_src.get(page.file.src_uri)
        if entry is not None:
            return rewrite_links(markdown, entry.path, entry.src_uri, self.link_map)
        if self.options is not None and not self.options.include_private:
            markdown = self._public_docs_page(markdown, page)
        if page.is_homepage:
            return (
                markdown + "\n\n" + dashboard_markdown(self.site, self.renderer, page.file.src_uri)
            )
        return markdown

    def _public_docs_page(self, markdown: str, page: Page) -> str:
        """A docs/ page without its private blocks; markers shown in code are examples."""
        if "<!--" not in markdown:
            return markdown
        if problems := marker_problems(markdown, in_code=False):
            path, first_line = self._docs_location(page, markdown)
            for offset, message in problems:
                log.warning(str(Problem(path, first_line + offset, "warning", message)))
        return strip_private(markdown, in_code=False)[0]

    def _docs_location(self, page: Page, markdown: str) -> tuple[str, int]:
        """The page's path from the site root, and the file line its Markdown starts on
        (MkDocs has taken the front matter off the top)."""
        source = page.file.content_string
        first_line = 1
        if source.endswith(markdown):
            first_line += source[: len(source) - len(markdown)].count("\n")
        path = page.file.src_uri
        if page.file.abs_src_path:
            file = Path(page.file.abs_src_path)
            path = (
                file.relative_to(self.root) if file.is_relative_to(self.root) else file
            ).as_posix()
        return path, first_line

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        entry = self.by_src.get(page.file.src_uri)
        if entry is None or self.site is None or self.renderer is None:
            return html
        self.entry_html[entry.id] = html  # the body as MkDocs rendered it, for the feeds
        page.edit_url = None  # the page is generated: there is no docs/ file to edit
        return (
            entry_header(self.site, self.renderer, entry)
            + html
            + entry_footer(self.site, self.renderer, entry)
        )

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        entry = self.by_src.get(page.file.src_uri)
        if entry is not None and self.renderer is not None and self.site is not None:
            # Material's tag chips read `tags` (as its tags plugin sets it), pointing at our pages.
            # Set unconditionally: if Material's tags plugin runs too, its chips give way to ours.
            # Material writes `name` unescaped, so it gets escaped text.
            urls = self.renderer.urls
            tags = [self.site.tag(tag) for tag in entry.tags]
            context["tags"] = [
                {"name": escape(tag.display), "url": urls.url(paths.tag(tag.slug))} for tag in tags
            ]
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.status is not None:  # status (#16): the open-incident banner on every page
            output = add_banner(output, self.status.banner(page.file.src_uri))
        if self.feeds is None:
            return output
        src = page.file.src_uri
        return add_to_head(output, head_links(self.feeds, src, self.by_src.get(src)))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.feeds is not None:
            # The only files written behind MkDocs' back: after every page has been rendered,
            # so each item carries the body HTML MkDocs produced (Markdown is converted once).
            write_feeds(self.feeds, self.entry_html, Path(config.site_dir))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> None:
        if self.result is None:
            return
        for path in self.result.watched:
            if path.exists():
                server.watch(str(path))
