"""RSS 2.0 (`feed.xml`), with authors as `dc:creator`.

RSS's own `<author>` must be an e-mail address, which most writers do not publish; the
Dublin Core `dc:creator` element carries a name and is what readers show. The W3C validator
warns when an item has both, so items carry only `dc:creator`.
"""

from __future__ import annotations

from openwork.feeds.model import Feed
from openwork.feeds.xmlfeed import add_item, new_generator

MEDIA_TYPE = "application/rss+xml"


def render_rss(feed: Feed) -> bytes:
    fg = new_generator(feed, feed.urls["rss"], MEDIA_TYPE)
    fg.load_extension("dc", atom=False, rss=True)
    for item in feed.items:
        fe = add_item(fg, item)
        for author in item.authors:
            fe.dc.dc_creator(author.name)
    return fg.rss_str(pretty=True)
