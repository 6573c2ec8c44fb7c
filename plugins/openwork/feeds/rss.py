"""RSS 2.0 (`feed.xml`), with authors as `dc:creator`.

RSS's own `<author>` must be an e-mail address, which most writers do not publish; the
Dublin Core `dc:creator` element carries a name and is what readers show. The W3C validator
warns when an item has both, so items carry only `dc:creator`. `<description>` is HTML in
RSS, so the summary and the channel's description are escaped as text once more; the full
body goes in `content:encoded`.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from email.utils import format_datetime

from openwork.feeds.model import Feed, FeedItem
from openwork.feeds.xmlfeed import GENERATOR, attr, document, element, html_as_text, text

MEDIA_TYPE = "application/rss+xml"
_NAMESPACES = (
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"'
)


def rss_item(item: FeedItem) -> str:
    """One `<item>`, indented for its place in the channel."""
    i = "      "
    out = ["    <item>\n", element("title", item.title, i), element("link", item.url, i)]
    if item.summary:
        out.append(f"{i}<description>{html_as_text(item.summary)}</description>\n")
        if item.content_html:
            out.append(element("content:encoded", item.content_html, i))
    elif item.content_html:
        out.append(element("description", item.content_html, i))
    out.append(f'{i}<guid isPermaLink="false">{text(item.id)}</guid>\n')
    out += [element("category", c.label, i) for c in item.categories]
    out.append(element("pubDate", format_datetime(item.published), i))
    out += [element("dc:creator", a.name, i) for a in item.authors]
    out.append("    </item>\n")
    return "".join(out)


def render_rss(feed: Feed, cache: MutableMapping[str, bytes] | None = None) -> bytes:
    """The feed as RSS; pass one `cache` to every feed of a build to write each item once."""
    c = "    "
    head = (
        f'<rss {_NAMESPACES} version="2.0">\n  <channel>\n'
        + element("title", feed.title, c)
        + element("link", feed.home_url, c)
        + f"{c}<description>{html_as_text(feed.description)}</description>\n"
        + f'{c}<atom:link href="{attr(feed.urls["rss"])}" rel="self" type="{MEDIA_TYPE}"/>\n'
        + element("docs", "http://www.rssboard.org/rss-specification", c)
        + element("generator", GENERATOR, c)
        + element("language", feed.language, c)
    )
    if feed.updated:  # optional in RSS 2.0: a feed with no items claims no date
        head += element("lastBuildDate", format_datetime(feed.updated), c)
    return document(head, feed, rss_item, cache, "  </channel>\n</rss>\n")
