"""`/feeds.opml`: every feed in one file that feed readers import in one go (OPML 2.0).

One outline per feed, in its first-listed format, grouped as the /feeds/ page groups them
(site, collections, teams, tags); listing all three formats of a feed would subscribe an
importing reader to the same entries three times.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from openwork.feeds.catalog import FeedCatalog, FeedScope, ScopeKind

GROUPS: tuple[tuple[ScopeKind, str], ...] = (
    ("collection", "Collections"),
    ("team", "Teams"),
    ("tag", "Tags"),
    ("status", "Service status"),  # status (#16)
)


def render_opml(catalog: FeedCatalog) -> bytes:
    fmt = catalog.primary
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = f"{catalog.settings.site_name}: all feeds"
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(root, "body")
    if fmt is not None:
        site = catalog.find("site")
        if site is not None:
            _outline(body, catalog, site, fmt)
        for kind, label in GROUPS:
            scopes = catalog.of_kind(kind)
            if scopes:
                group = ET.SubElement(body, "outline", text=label, title=label)
                for scope in scopes:
                    _outline(group, catalog, scope, fmt)
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def _outline(parent: ET.Element, catalog: FeedCatalog, scope: FeedScope, fmt: str) -> None:
    # `type="rss"` is OPML's word for "a feed subscription", whatever the feed's format.
    ET.SubElement(
        parent,
        "outline",
        type="rss",
        text=scope.title,
        title=scope.title,
        xmlUrl=catalog.url(scope, fmt),
        htmlUrl=catalog.page_url(scope),
    )
