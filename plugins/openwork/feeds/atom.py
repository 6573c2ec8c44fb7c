"""Atom 1.0 (`atom.xml`, RFC 4287).

Atom requires an author for every entry: the feed names the site (or `site_author`) as
its author, which entries without their own authors inherit.
"""

from __future__ import annotations

from openwork.feeds.model import Feed
from openwork.feeds.xmlfeed import add_item, new_generator

MEDIA_TYPE = "application/atom+xml"


def render_atom(feed: Feed) -> bytes:
    fg = new_generator(feed, feed.urls["atom"], MEDIA_TYPE)
    fg.id(feed.urls["atom"])
    fg.author({"name": feed.author})
    for item in feed.items:
        fe = add_item(fg, item)
        for author in item.authors:
            person = {"name": author.name}
            if author.url:
                person["uri"] = author.url
            if author.email:
                person["email"] = author.email
            fe.author(person)
    return fg.atom_str(pretty=True)
