"""Atom 1.0 (`atom.xml`, RFC 4287).

Atom requires an author for every entry: the feed names the site (or `site_author`) as
its author, which entries without their own authors inherit. Titles and summaries are
Atom text constructs (plain text); the body is `type="html"`.
"""

from __future__ import annotations

from collections.abc import MutableMapping

from openwork.feeds.model import Feed, FeedItem
from openwork.feeds.xmlfeed import GENERATOR, attr, document, element, text

MEDIA_TYPE = "application/atom+xml"


def atom_item(item: FeedItem) -> str:
    """One `<entry>`, indented for its place in the feed."""
    i = "      "
    out = [
        "  <entry>\n",
        element("id", item.id, "    "),
        element("title", item.title, "    "),
        element("updated", item.updated.isoformat(), "    "),
    ]
    for author in item.authors:
        out += ["    <author>\n", element("name", author.name, i)]
        if author.email:
            out.append(element("email", author.email, i))
        if author.url:
            out.append(element("uri", author.url, i))
        out.append("    </author>\n")
    if item.content_html:
        out.append(f'    <content type="html">{text(item.content_html)}</content>\n')
    out.append(f'    <link href="{attr(item.url)}" rel="alternate" type="text/html"/>\n')
    if item.summary:
        out.append(element("summary", item.summary, "    "))
    out += [
        f'    <category term="{attr(c.term)}" label="{attr(c.label)}"/>\n' for c in item.categories
    ]
    out += [element("published", item.published.isoformat(), "    "), "  </entry>\n"]
    return "".join(out)


def render_atom(feed: Feed, cache: MutableMapping[str, bytes] | None = None) -> bytes:
    """The feed as Atom; pass one `cache` to every feed of a build to write each item once."""
    f = "  "
    updated = feed.updated or feed.site_updated  # RFC 4287 requires one, even when empty
    if updated is None:
        raise ValueError("an Atom feed needs a date, and this site has published nothing")
    self_url = attr(feed.urls["atom"])
    head = (
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{attr(feed.language)}">\n'
        + element("id", feed.urls["atom"], f)
        + element("title", feed.title, f)
        + element("updated", updated.isoformat(), f)
        + f"{f}<author>\n{element('name', feed.author, '    ')}{f}</author>\n"
        + f'{f}<link href="{self_url}" rel="self" type="{MEDIA_TYPE}"/>\n'
        + f'{f}<link href="{attr(feed.home_url)}" rel="alternate" type="text/html"/>\n'
        + element("generator", GENERATOR, f)
        + element("subtitle", feed.description, f)
    )
    return document(head, feed, atom_item, cache, "</feed>\n")
