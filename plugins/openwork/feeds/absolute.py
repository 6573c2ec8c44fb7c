"""Feed-ready HTML: sanitised with an allow-list, every relative link made absolute.

A feed item is read far from its page, in readers that do not all clean what they show, so
the body goes through `nh3` (the Rust `ammonia` sanitiser): it parses the HTML as a browser
would and keeps only the elements, attributes and URL schemes listed here. Scripts, styles,
frames, forms, `<meta>`, `<base>`, event attributes and `javascript:` links cannot survive
it, whatever the Markdown held. Relative URLs are resolved against the page's own URL
(`../img.png` or `#part` would point nowhere in a reader). Inline SVG (icons) is dropped:
readers handle it badly, and every chart on the site has a data table beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import nh3

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
TAGS = frozenset(
    (nh3.ALLOWED_TAGS - {"map", "area"})
    | {"picture", "source", "video", "audio", "track", "figure", "figcaption", "details"}
    | {"summary", "section", "main", "article", "aside"}
)
# Elements removed with everything inside them; other elements outside TAGS lose only their
# tags, keeping their text.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}
    | {"form", "select", "textarea", "button", "title", "head"}
)
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading"},
    "picture": set(),
    "source": {"src", "srcset", "sizes", "type", "media"},
    "video": {"src", "poster", "controls", "width", "height"},
    "audio": {"src", "controls"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "td": {"colspan", "rowspan", "style", "align"},
    "th": {"colspan", "rowspan", "style", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "data": {"value"},
    "details": {"open"},
    "abbr": set(),
}
STYLE_PROPERTIES = frozenset({"text-align"})  # Markdown tables align columns with it
# Python-Markdown's heading permalinks: useless and odd in a reader.
_HEADERLINK = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>[^<]*</a>')


def absolute_url(value: str, base_url: str) -> str:
    """`value` resolved against `base_url`; URLs with a scheme (mailto:, data:...) untouched."""
    text = value.strip()
    if not text or _SCHEME.match(text):
        return value
    return urljoin(base_url, text)


def _web(url: str) -> bool:
    return urlsplit(url).scheme.lower() in URL_SCHEMES


def absolute_srcset(value: str, base_url: str) -> str:
    """Each candidate of a srcset ('a.png 1x, b.png 2x') made absolute, descriptors kept;
    a candidate whose URL is not http(s), mailto or tel is left out."""
    candidates = []
    for part in _srcset_candidates(value):
        url, _, descriptor = part.partition(" ")
        url = absolute_url(url, base_url)
        if _web(url):
            candidates.append(f"{url} {descriptor.strip()}".strip())
    return ", ".join(candidates)


def _srcset_candidates(value: str) -> list[str]:
    # A candidate is a URL (no whitespace) and optional descriptors up to the next comma; a
    # comma that ends the URL itself separates candidates too (HTML's srcset parsing rules).
    out: list[str] = []
    i, n = 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if not url:
            break
        if url.endswith(","):
            out.append(url.rstrip(","))
            continue
        end = value.find(",", i)
        end = n if end < 0 else end
        descriptor = " ".join(value[i:end].split())
        out.append(f"{url} {descriptor}" if descriptor else url)
        i = end + 1
    return out


def _url_filter(base_url: str) -> Callable[[str, str, str], str | None]:
    """nh3 resolves href, src and poster itself; `srcset` and `cite` are resolved here."""

    def rewrite(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "srcset":
            return absolute_srcset(value, base_url) or None
        if attribute == "cite":
            url = absolute_url(value, base_url)
            return url if _web(url) else None
        return value

    return rewrite


def feed_html(body: str, base_url: str) -> str:
    """`body` (HTML of a page at `base_url`), sanitised and with absolute URLs, for a feed."""
    body = _HEADERLINK.sub("", body)
    needs_filter = "srcset" in body or "cite" in body
    return nh3.clean(
        body,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ATTRIBUTES,
        attribute_filter=_url_filter(base_url) if needs_filter else None,
        url_schemes=set(URL_SCHEMES),
        url_relative=("rewrite_with_base", base_url),
        link_rel=None,
        strip_comments=True,
        filter_style_properties=set(STYLE_PROPERTIES),
    )
