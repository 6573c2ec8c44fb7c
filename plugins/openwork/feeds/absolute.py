"""Feed-ready HTML: every relative link made absolute, page-only furniture taken out.

A feed item is read far from the page it came from, so `../img.png` or `#part` would point
nowhere. The HTML is tokenised with the standard library's HTML parser (which knows where
every start tag begins and ends, and treats <script>, <pre> text and comments correctly) and
only the tags that need a change are rewritten; every other byte is copied as it was.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

# Attributes that hold one URL. `srcset` holds several and is handled on its own.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "poster", "cite", "action", "formaction", "data", "longdesc", "xlink:href"}
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
_DROPPED_ELEMENTS = frozenset({"script"})  # never runs in a reader; validators flag it


def absolute_url(value: str, base_url: str) -> str:
    """`value` resolved against `base_url`; URLs with a scheme (mailto:, data:...) untouched."""
    text = value.strip()
    if not text or _SCHEME.match(text):
        return value
    return urljoin(base_url, text)


def absolute_srcset(value: str, base_url: str) -> str:
    """Each candidate of a srcset ('a.png 1x, b.png 2x') made absolute, descriptors kept."""
    candidates = []
    for part in _srcset_candidates(value):
        url, _, descriptor = part.partition(" ")
        url = absolute_url(url, base_url)
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


def feed_html(body: str, base_url: str) -> str:
    """`body` (HTML of a page at `base_url`) with absolute URLs, for a feed.

    Also removed: the heading permalinks (`<a class="headerlink">¶</a>`, useless and odd
    in a reader), `<script>` elements and `on...` event attributes (readers drop them and
    feed validators warn about them).
    """
    rewriter = _Rewriter(body, base_url)
    rewriter.feed(body)
    rewriter.close()
    return rewriter.result()


class _Rewriter(HTMLParser):
    def __init__(self, text: str, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.base_url = base_url
        self.line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.edits: list[tuple[int, int, str]] = []
        self.removing: tuple[str, int] | None = None  # (tag, start offset) being cut out

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.removing is not None:
            return
        start = self._offset()
        raw = self.get_starttag_text() or ""
        classes = dict(attrs).get("class") or ""
        if tag in _DROPPED_ELEMENTS or (tag == "a" and "headerlink" in classes.split()):
            if not raw.endswith("/>"):
                self.removing = (tag, start)
            else:
                self.edits.append((start, start + len(raw), ""))
            return
        new_attrs, changed = self._rewrite(attrs)
        if changed:
            self.edits.append((start, start + len(raw), _start_tag(tag, new_attrs, raw)))

    def _rewrite(
        self, attrs: list[tuple[str, str | None]]
    ) -> tuple[list[tuple[str, str | None]], bool]:
        out: list[tuple[str, str | None]] = []
        changed = False
        for name, value in attrs:
            if name.startswith("on"):
                changed = True
                continue
            new = value
            if value is not None and name in URL_ATTRIBUTES:
                new = absolute_url(value, self.base_url)
            elif value is not None and name == "srcset":
                new = absolute_srcset(value, self.base_url)
            changed = changed or new != value
            out.append((name, new))
        return out, changed

    def handle_endtag(self, tag: str) -> None:
        if self.removing is None or tag != self.removing[0]:
            return
        start = self.removing[1]
        here = self._offset()
        close = self.text.find(">", here)
        end = len(self.text) if close < 0 else close + 1
        self.edits.append((start, end, ""))
        self.removing = None

    def result(self) -> str:
        pieces, at = [], 0
        for start, end, replacement in sorted(self.edits):
            if start < at:
                continue  # inside a span already cut out
            pieces += [self.text[at:start], replacement]
            at = end
        pieces.append(self.text[at:])
        return "".join(pieces)


def _start_tag(tag: str, attrs: list[tuple[str, str | None]], raw: str) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    closing = " />" if raw.rstrip().endswith("/>") else ">"
    return "<" + " ".join(parts) + closing
