"""Page URLs from docs-tree paths, links between pages, and absolute URLs, without MkDocs."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urljoin

_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # every character with a meaning in a URL, and '%'


@dataclass(frozen=True, slots=True)
class PageUrls:
    """Mirrors MkDocs' `use_directory_urls`, so generated links match the pages it writes."""

    directory_urls: bool = True

    def url(self, src_uri: str) -> str:
        """'weeknotes/index.md' -> 'weeknotes/'; 'weeknotes/x.md' -> 'weeknotes/x/'."""
        return _page_url(src_uri, self.directory_urls)

    def relative(self, target_src_uri: str, from_src_uri: str) -> str:
        """A link from one page to another that works on any host and sub-path."""
        return relative_url(self.url(target_src_uri), self.url(from_src_uri))


@lru_cache(maxsize=65536)
def _page_url(src_uri: str, directory_urls: bool) -> str:
    """`PageUrls.url`, cached: a site asks for each page's URL from every page linking to it."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        base = stem[: -len("index")]
        return base if directory_urls else base + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(target: str, base: str) -> str:
    """Relative URL from page URL `base` to site URL `target` (both site-relative).

    Segment by segment rather than with `posixpath.relpath`: a site makes tens of thousands
    of these links, and generated URLs hold no '.' or '..' segments to normalise."""
    here = _folder(base)
    there = _segments(target)
    shared = 0
    for mine, theirs in zip(here, there, strict=False):
        if mine != theirs:
            break
        shared += 1
    rel = "/".join(("..",) * (len(here) - shared) + there[shared:]) or "."
    if target.endswith("/") or not target:
        return "./" if rel == "." else rel + "/"
    return rel


@lru_cache(maxsize=65536)
def _segments(url: str) -> tuple[str, ...]:
    """The segments of site URL `url`, '.' and '..' resolved: each page is linked to from
    many others (tests/test_read_fast_paths.py compares with segmenting every time)."""
    parts = tuple(part for part in url.split("/") if part)
    if "." in parts or ".." in parts:
        parts = tuple(p for p in posixpath.normpath("/" + url).split("/") if p)
    return parts


@lru_cache(maxsize=4096)
def _folder(base: str) -> tuple[str, ...]:
    """The folders of page URL `base`: 'a/b/' and 'a/b/page.html' are both in ('a', 'b')."""
    folder = base if base.endswith("/") or not base else posixpath.dirname(base)
    parts = [part for part in folder.split("/") if part]
    if "." in parts or ".." in parts:
        parts = [p for p in posixpath.normpath("/" + folder).split("/") if p]
    return tuple(parts)


def site_absolute(site_url: str, site_relative_url: str) -> str:
    """'weeknotes/' on 'https://x.org/sub/' -> 'https://x.org/sub/weeknotes/'.

    Letters outside ASCII (a tag 'café' has the page 'tags/café/') are percent-encoded:
    RSS requires plain URIs, and Atom ids must be in canonical form.
    """
    return quote(urljoin(site_url, site_relative_url), safe=_URL_SAFE)
