"""openwork's own pages (entries and listings) converted by one Python-Markdown instance per
build, reset between pages, instead of a new instance per page as MkDocs makes.

Making an instance with a site's extensions costs about 0.25 ms (each extension built and
registered), a few per cent of a build with 1,300 generated pages. A page gets exactly what
MkDocs' own `Page.render` gives it: the same extensions and settings, the same four MkDocs
processors made for that page (links, anchors, raw HTML anchors, title), the same results set
on the page. Only with extensions known to clear their state on `Markdown.reset()`
(`PAGE_ALONE`); any other extension, or one given as an object, leaves every page to MkDocs.
A docs page is always converted by MkDocs itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

_BUILT_IN = (
    *("abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code"),
    *("footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists"),
    *("smarty", "tables", "toc", "wikilinks"),
)
_PYMDOWNX = (
    *("arithmatex", "betterem", "blocks.admonition", "blocks.definition", "blocks.details"),
    *("blocks.html", "blocks.tab", "caret", "critic", "details", "emoji", "escapeall", "extra"),
    *("fancylists", "highlight", "inlinehilite", "keys", "magiclink", "mark", "progressbar"),
    *("saneheaders", "smartsymbols", "striphtml", "superfences", "tabbed", "tasklist", "tilde"),
)
# Extensions whose output depends only on the page's Markdown and their settings, and whose
# state `Markdown.reset()` clears. pymdownx.snippets and pymdownx.b64 read other files; an
# unknown extension might do anything: either leaves the conversion to MkDocs.
PAGE_ALONE = frozenset(
    {
        *(f"{prefix}{name}" for prefix in ("", "markdown.extensions.") for name in _BUILT_IN),
        *(f"pymdownx.{name}" for name in _PYMDOWNX),
        "material.extensions.emoji",
        "materialx.emoji",
    }
)
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")  # whose level `Page.render` reads


# Before Python-Markdown 3.7, `abbr` added each page's abbreviations to the instance for good
# (no reset): on a shared instance they would reach every later page.
_KEEPS_STATE = (
    frozenset()
    if markdown.__version_info__ >= (3, 7)
    else frozenset(
        {"abbr", "markdown.extensions.abbr", "extra", "markdown.extensions.extra", "pymdownx.extra"}
    )
)


def not_page_alone(extensions: list[object]) -> tuple[str, ...]:
    """The extensions whose output may depend on more than the page: any not named in
    `PAGE_ALONE`, or given as an object. Serve's conversion cache is off while there are any."""
    return tuple(str(n) for n in extensions if not (isinstance(n, str) and n in PAGE_ALONE))


def page_alone(extensions: list[object]) -> bool:
    """True when every extension depends on the page alone and keeps nothing past a reset."""
    return not not_page_alone(extensions) and _KEEPS_STATE.isdisjoint(map(str, extensions))


class SharedMarkdown:
    """One per plugin instance; `start` at each build's on_files."""

    def __init__(self) -> None:
        self.enabled = False
        self.converted = 0  # pages converted by the shared instance, this build (for tests)
        self._md: markdown.Markdown | None = None
        self._installed: dict[str, Callable[[MkDocsConfig, Files], None]] = {}

    def start(self, config: MkDocsConfig) -> None:
        """A new build: a new instance, made at the first page (the settings may differ)."""
        self.enabled = page_alone(list(config.markdown_extensions))
        self.converted = 0
        self._md = None
        self._installed.clear()

    def install(self, page: Page) -> None:
        """Before the page is converted: an openwork page converts with the shared instance
        (a later `page.render` set by another, such as serve's cache of conversions, wins)."""
        if not self.enabled or page.file.generated_by != "openwork":
            return

        def render(config: MkDocsConfig, files: Files) -> None:
            self._render(page, config, files)

        page.render = render  # type: ignore[method-assign]
        self._installed[page.file.src_uri] = render

    def uninstall(self, page: Page) -> None:
        """After the conversion: the page's own `render` again, if it was ours."""
        render = self._installed.pop(page.file.src_uri, None)
        if render is not None and vars(page).get("render") is render:
            del page.render

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """`Page.render` of MkDocs 1.6, with the instance reused."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._md
        if md is None:
            md = self._md = markdown.Markdown(
                extensions=config["markdown_extensions"],
                extension_configs=config["mdx_configs"] or {},
            )
        else:
            md.reset()
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = _RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors
        self.converted += 1
