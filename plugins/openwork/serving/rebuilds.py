"""What openwork keeps between `mkdocs serve` rebuilds and what it does about dirty ones.

Every serve rebuild reuses the read stage's answers (pipeline.ReadCache) and each unchanged
page's Markdown conversion (Conversions). Under `mkdocs serve --dirty` every page is still
read and its HTML made (from the cache), so titles, tables of contents and the feeds are
whole; then only a page whose digest (fingerprints.py) changed is rendered and written. What
a dirty build would leave wrong is put right: the outputs of deleted pages are removed, and
the search index is put together from every page's entries (search.py)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from openwork.pipeline import Kept, SiteSettings
from openwork.render.renderer import Renderer
from openwork.render.template_cache import KeptTemplates
from openwork.serving.conversions import Conversions
from openwork.serving.fingerprints import folder_stats, page_digest, site_digest
from openwork.serving.memo import PageMemo
from openwork.serving.search import SEARCH_INDEX, SearchEntries, material_search

_IN_SERVE = InclusionLevel.is_in_serve


def _blocking_plugins(config: MkDocsConfig, search: object | None) -> list[str]:
    """Plugins whose part of a page openwork cannot fingerprint: with any of them on, a
    dirty rebuild renders every page (still without Markdown conversions)."""
    return [
        name
        for name, plugin in config.plugins.items()
        if plugin is not search and type(plugin).__module__ != "openwork.plugin"
    ]


class Rebuilds:
    """One instance per plugin instance, which `mkdocs serve` keeps across rebuilds."""

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False  # `mkdocs serve --dirty`
        self.kept = Kept()  # the pipeline's: files read, entry pages, feed items
        self.conversions = Conversions()
        self.links = PageMemo[str]()  # an entry's Markdown with its links rewritten
        self.search = SearchEntries()
        self.theme_templates = KeptTemplates()  # MkDocs' theme environment's, compiled
        self.blocked_by: list[str] = []  # plugins that make a dirty rebuild render every page
        self.pages_rendered = 0  # in the current build, for tests and the log
        self.notices: list[str] = []  # for the plugin to log
        self._nav: Navigation | None = None
        self._decisions: dict[str, bool] | None = None  # src_uri -> render it, this build
        self._digests: dict[str, str] = {}  # output path -> digest, as last written
        self._new_digests: dict[str, str] = {}
        self._outputs: set[str] = set()  # what the last build wrote, for removing leftovers
        self._renderer: tuple[object, Renderer] | None = None
        self._files: Files | None = None  # this build's, once on_files has run
        self._copies: dict[str, tuple[str, int, int]] = {}  # output -> source, size, time
        self._new_copies: dict[str, tuple[str, int, int]] = {}
        self._site: Path | None = None  # the site folder of the last build

    def renderer(self, settings: SiteSettings) -> Renderer | None:
        """The last build's template renderer (its templates compiled), while the URL style
        and the template overrides (each file's size and time) are the same; else None."""
        if not self.serving:
            return None
        key = self._renderer_key(settings)
        return self._renderer[1] if self._renderer and self._renderer[0] == key else None

    def keep_renderer(self, settings: SiteSettings, renderer: Renderer) -> None:
        if self.serving:
            self._renderer = (self._renderer_key(settings), renderer)

    @staticmethod
    def _renderer_key(settings: SiteSettings) -> object:
        dirs = settings.template_dirs
        return settings.directory_urls, dirs, [folder_stats(str(d)) for d in dirs]

    def startup(self, command: str, dirty: bool) -> None:
        """A new server (or build): nothing is kept from an earlier one."""
        self.__init__()  # type: ignore[misc]
        self.serving = command == "serve"
        self.dirty = self.serving and dirty

    def new_build(self) -> None:
        """At on_config: nothing of the last build's files, navigation or decisions."""
        self.pages_rendered = 0
        self._files = None
        self._nav = None
        self._decisions = None

    def files_ready(self, config: MkDocsConfig, files: Files) -> None:
        """At on_files' end, when every page is known (not called when openwork is off)."""
        if not self.serving:
            return
        self._files = files
        self.conversions.start(config, files)
        if not self.dirty:
            return
        search = material_search(config)
        self.search.start(config)
        blocked = _blocking_plugins(config, search)
        if blocked and blocked != self.blocked_by:
            self.notices.append(
                "openwork: `mkdocs serve --dirty` renders every page on each rebuild while "
                f"these plugins are on, as openwork cannot tell what they add to a page: "
                f"{', '.join(blocked)}"
            )
        self.blocked_by = blocked
        if Path(config.site_dir) != self._site:  # another folder: nothing there is known
            self._site, self._outputs, self._digests, self._copies = None, set(), {}, {}
        self._new_copies = {}
        for file in files:
            if not _IN_SERVE(file.inclusion):
                continue
            if file.is_documentation_page():
                # Read every page (MkDocs' mtime rule would leave other pages' titles out of
                # the navigation); render only what `decide` finds changed.
                file.is_modified = self._page_gate(file)  # type: ignore[method-assign]
            elif file.abs_src_path is not None and file.generated_by is None:
                file.is_modified = self._copy_gate(file)  # type: ignore[method-assign]

    def _page_gate(self, file: File) -> Callable[[], bool]:
        def is_modified() -> bool:
            if self._decisions is None:
                return True
            return self._decisions.get(file.src_uri, True)

        return is_modified

    def _copy_gate(self, file: File) -> Callable[[], bool]:
        """A file copied as it is (an image, the theme's scripts): copied again when its
        size or modification time differs from the last copy's, whichever is newer (MkDocs'
        own rule misses a file put back older, as a git checkout does)."""

        def is_modified() -> bool:
            assert file.abs_src_path is not None
            stat = Path(file.abs_src_path).stat()
            key = (file.abs_src_path, stat.st_size, stat.st_mtime_ns)
            self._new_copies[file.abs_dest_path] = key
            dest = Path(file.abs_dest_path)
            return self._copies.get(file.abs_dest_path) != key or not dest.is_file()

        return is_modified

    def nav_ready(self, nav: Navigation) -> None:
        self._nav = nav

    def decide(
        self, config: MkDocsConfig, files: Files, extra: Callable[[Page], tuple[object, ...]]
    ) -> None:
        """At on_env, once every page has its HTML: which pages to render. `extra` is what
        openwork adds to a page after its HTML."""
        if not self.dirty or self._nav is None or self._files is None:
            return
        site = site_digest(config, self._nav)
        decisions: dict[str, bool] = {}
        self._new_digests = {}
        for file in files.documentation_pages(inclusion=_IN_SERVE):
            page = file.page
            if page is None or page.content is None:
                continue
            path = file.abs_dest_path
            self._new_digests[path] = new = page_digest(site, page, extra(page))
            decisions[file.src_uri] = (
                bool(self.blocked_by) or self._digests.get(path) != new or not Path(path).is_file()
            )
        self._decisions = decisions

    def page_rendered(self) -> None:
        self.pages_rendered += 1

    def before_search_index(self) -> None:
        """At on_post_build, before the search plugin writes its index."""
        if self.dirty and (files := self._files) is not None:
            self.search.merge(f.src_uri for f in files.documentation_pages(inclusion=_IN_SERVE))

    def finish(self, config: MkDocsConfig, written: Iterable[str]) -> list[str]:
        """At on_post_build's end: remove what the last build wrote and this one would not
        have (a deleted entry's page, a tag's feed); remember what was written. `written`:
        files openwork wrote itself, relative to the site folder. Returns what was removed."""
        if not self.dirty or (files := self._files) is None:
            return []
        site = Path(config.site_dir)
        self._site = site
        self._digests.update(self._new_digests)
        self._copies.update(self._new_copies)
        outputs = {f.abs_dest_path for f in files if _IN_SERVE(f.inclusion)}
        for name in [*config.theme.static_templates, *written]:
            outputs.add(str(site / name))
        outputs.add(str(site / "sitemap.xml.gz"))
        if self.search.active:
            outputs.add(str(site / SEARCH_INDEX))
        outputs = {os.path.normpath(p) for p in outputs}
        removed = sorted(self._outputs - outputs)
        for path in removed:
            _remove(Path(path), site)
        self._digests = {p: d for p, d in self._digests.items() if os.path.normpath(p) in outputs}
        self._outputs = outputs
        return removed


def _remove(path: Path, site: Path) -> None:
    """The file, then each folder above it that is left empty, up to the site folder."""
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != site and folder.is_relative_to(site):
        try:
            folder.rmdir()
        except OSError:  # not empty, or gone
            break
        folder = folder.parent
