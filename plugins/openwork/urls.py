"""Page URLs from docs-tree paths, links between pages, and absolute URLs, without MkDocs."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urljoin

_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # every character with a meaning in a URL, and '%'


@dataclass(frozen=True, slots=True)
class PageUrls:
    """Mirrors MkDocs' `use_directory_urls`, so generated links match the pages it writes."""

    directory_urls: bool = True

    def url(self, src_uri: str) -> str:
        """'weeknotes/index.md' -> 'weeknotes/'; 'weeknotes/x.md' -> 'weeknotes/x/'."""
        if not src_uri.endswith(".md"):
            return src_uri
        stem = src_uri[:-3]
        if stem == "index" or stem.endswith("/index"):
            base = stem[: -len("index")]
            return base if self.directory_urls else base + "index.html"
        return stem + "/" if self.directory_urls else stem + ".html"

    def relative(self, target_src_uri: str, from_src_uri: str) -> str:
        """A link from one page to another that works on any host and sub-path."""
        return relative_url(self.url(target_src_uri), self.url(from_src_uri))


def relative_url(target: str, base: str) -> str:
    """Relative URL from page URL `base` to site URL `target` (both site-relative)."""
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    rel = (
        posixpath.relpath("/" + target, "/" + base_dir)
        if target
        else posixpath.relpath("/", "/" + base_dir)
    )
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            return "./"
    return rel


def site_absolute(site_url: str, site_relative_url: str) -> str:
    """'weeknotes/' on 'https://x.org/sub/' -> 'https://x.org/sub/weeknotes/'.

    Letters outside ASCII (a tag 'café' has the page 'tags/café/') are percent-encoded:
    RSS requires plain URIs, and Atom ids must be in canonical form.
    """
    return quote(urljoin(site_url, site_relative_url), safe=_URL_SAFE)
