"""The status feed: one item per incident state change (opened, each timeline event, resolved).

A reader following /status/ wants to hear when something breaks and each time it changes,
not once per report as the incidents feed says it. Every item's id is the incident's
permanent feed id plus what happened and when (in UTC), so a rebuild, a retitled incident or
a reworded event never shows an item twice; two events at the same minute get a counter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from html import escape

from openwork.content.model import Entry
from openwork.feeds.catalog import FeedScope, FeedSettings
from openwork.feeds.model import FeedItem, feed_author, item_id
from openwork.index.site import Site
from openwork.render.renderer import format_datetime
from openwork.render.status import STATUS_SRC
from openwork.urls import PageUrls, site_absolute

STATUS_FOLDER = "status"  # beside the /status/ page


def _e(value: object) -> str:
    return escape(str(value), quote=False)


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y%m%dT%H%MZ")


def status_items(
    incidents: Sequence[Entry], urls: PageUrls, site_url: str, zone: tzinfo
) -> tuple[FeedItem, ...]:
    """Every state change of every incident, newest first."""
    items: list[FeedItem] = []
    for entry in incidents:
        inc = entry.incident
        if inc is None:
            continue
        url = site_absolute(site_url, urls.url(entry.src_uri))
        base = item_id(site_url, entry)
        authors = tuple(feed_author(a, site_url) for a in entry.authors)
        facts = f"{inc.severity} · {', '.join(inc.services) or 'no service named'}"
        changes: list[tuple[str, str, datetime, str]] = []
        started = getattr(inc, "started", None)
        opened_at = started or entry.date
        changes.append(("opened", "Incident opened", opened_at, inc.impact))
        seen: dict[str, int] = {}
        for event in sorted(inc.timeline, key=lambda t: t.at):
            stamp = _stamp(event.at)
            seen[stamp] = seen.get(stamp, 0) + 1
            key = f"update/{stamp}" + (f"-{seen[stamp]}" if seen[stamp] > 1 else "")
            changes.append((key, "Update", event.at, event.event))
        if inc.status == "resolved" and inc.resolved:
            changes.append(("resolved", "Resolved", inc.resolved, f"{entry.title} is resolved."))
        for key, label, at, text in changes:
            when = format_datetime(at.astimezone(zone))
            body = (
                f"<p><strong>{_e(label)}</strong> at {_e(when)} ({_e(facts)})</p>\n"
                f"<p>{_e(text)}</p>\n"
                f'<p><a href="{escape(url, quote=True)}">Read the incident report</a></p>'
            )
            items.append(
                FeedItem(
                    id=f"{base}/{key}",
                    url=url,
                    title=f"{label}: {entry.title}",
                    content_html=body,
                    summary=text,
                    authors=authors,
                    categories=(),
                    published=at,
                    updated=at,
                )
            )
    items.sort(key=lambda i: (i.published.astimezone(UTC), i.id), reverse=True)
    return tuple(items)


def status_scope(
    incidents: Sequence[Entry], settings: FeedSettings, urls: PageUrls, zone: tzinfo
) -> FeedScope:
    """The status feed as one more scope of the catalog, its items made here."""
    name = settings.site_name
    return FeedScope(
        kind="status",
        key="",
        title=f"{name}: service status",
        label="Service status",
        description=f"Every incident opened, updated and resolved on {name}",
        page_src=STATUS_SRC,
        folder=STATUS_FOLDER,
        entries=tuple(incidents),
        items=status_items(incidents, urls, settings.site_url, zone),
    )


def status_scopes(site: Site, settings: FeedSettings, urls: PageUrls) -> list[FeedScope]:
    """The status feed of the public site, when it has incident reports."""
    incidents = site.public().kind_entries("incident")
    if not incidents:
        return []
    return [status_scope(incidents, settings, urls, site.options.zone)]
