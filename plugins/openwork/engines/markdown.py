"""An entry's body as HTML, made the way MkDocs makes a page's: for feeds built without MkDocs.

Python-Markdown with the site's `markdown_extensions` (after MkDocs' own toc, tables and
fenced_code), and links to other files turned into the URLs of the pages they became, as
MkDocs' relative-path step does. MkDocs is not imported: only Python-Markdown, which both
MkDocs and Zensical render with.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Collection
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from openwork.engines.config import EngineConfig
from openwork.urls import PageUrls

_AMP_SUBSTITUTE = "\x02amp\x03"  # Python-Markdown's placeholder in obfuscated e-mail links


class _LinkTreeprocessor(Treeprocessor):
    """`[x](other.md#part)` -> `../other/#part` for a page at `page_src`."""

    def __init__(self, md: markdown.Markdown, files: Collection[str], urls: PageUrls) -> None:
        super().__init__(md)
        self.files = files
        self.urls = urls
        self.page_src = ""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            value = element.get(key) if key else None
            if key and value is not None:
                element.set(key, self._url(value))

    def _url(self, url: str) -> str:
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc or url.startswith(("/", "\\")) or _AMP_SUBSTITUTE in url or not path:
            return url
        target = posixpath.normpath(
            posixpath.join(posixpath.dirname(self.page_src), unquote(path)).lstrip("/")
        )
        if target not in self.files:
            return url  # MkDocs warns and leaves it as it is; so do we
        return urlunsplit(("", "", self.urls.relative(target, self.page_src), query, anchor))


class BodyRenderer:
    """Renders entry bodies with one configured Markdown instance, reset between pages."""

    def __init__(self, config: EngineConfig, files: Collection[str]) -> None:
        extensions, configs = config.markdown_extensions()
        self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self.links = _LinkTreeprocessor(self.md, files, PageUrls(config.use_directory_urls))
        self.md.treeprocessors.register(self.links, "openwork_links", 0)

    def html(self, body: str, page_src: str) -> str:
        """`body` (Markdown of the page at docs path `page_src`) as HTML."""
        self.md.reset()
        self.links.page_src = page_src
        return self.md.convert(body)
