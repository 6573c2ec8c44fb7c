"""The /status/ page, its 90-day history strips, and the banner every page shows while an
incident is open.

The banner is HTML put into each finished page (the MkDocs adapter calls `add_banner` in
`on_post_page`), styled as Material's announcement bar: it is in the built HTML, so it shows
without JavaScript, and works with any theme and without a theme override. Where JavaScript
runs, a close button hides it until the incident next changes.
"""

from __future__ import annotations

import hashlib
import re
from html import escape

from markupsafe import Markup

from openwork import paths
from openwork.index.site import Site
from openwork.index.status import ServiceStatus, StatusBoard, percent
from openwork.render.pages import GeneratedPage
from openwork.render.renderer import Renderer, format_date, format_datetime

CELL, GAP, HEIGHT = 6, 2, 30
STATUS_SRC = "status.md"  # the /status/ page; its feeds go in status/

_ANNOUNCE = re.compile(r'<div[^>]*data-md-component="announce"', re.IGNORECASE)
_HEADER = re.compile(r"<header[\s>]", re.IGNORECASE)
_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)

# Hide the banner once dismissed, until its incident changes (the key is the content's hash).
_DISMISS_JS = (
    "(function(){var b=document.getElementById('ow-banner');if(!b)return;"
    "var k='ow-banner:'+b.getAttribute('data-ow-banner');"
    "try{if(localStorage.getItem(k)){b.hidden=true;return}}catch(e){}"
    "var c=b.querySelector('.ow-banner__close');c.hidden=false;"
    "c.addEventListener('click',function(){b.hidden=true;"
    "try{localStorage.setItem(k,'1')}catch(e){}})})();"
)


def strip_svg(row: ServiceStatus) -> Markup:
    """One service's 90 days as a row of bars, each with a tooltip; the table beside it in
    the page is the same data as text."""
    width = len(row.days) * (CELL + GAP) - GAP
    bad = [d for d in row.days if d.severity]
    worst = min(bad, key=lambda d: d.rank or 0).severity if bad else None
    label = f"{row.service.name}, last {len(row.days)} days: " + (
        f"{len(bad)} day{'s' if len(bad) != 1 else ''} with incidents, worst {worst}"
        if bad
        else "no incidents"
    )
    cells = []
    for i, d in enumerate(row.days):
        # status.css colours six levels; a longer scale shares the sixth colour
        cls = f"ow-strip__sev--{min(d.rank, 5)}" if d.rank is not None else "ow-strip__ok"
        what = (
            d.severity + ": " + "; ".join(e.title for e in d.incidents)
            if d.severity
            else "no incidents"
        )
        cells.append(
            f'<rect class="{cls}" x="{i * (CELL + GAP)}" y="0" width="{CELL}" height="{HEIGHT}"'
            f' rx="1" data-day="{d.day.isoformat()}" data-state="{escape(d.state)}">'
            f"<title>{escape(format_date(d.day))}: {escape(what)}</title></rect>"
        )
    return Markup(
        f'<svg class="ow-strip__svg" viewBox="0 0 {width} {HEIGHT}" preserveAspectRatio="none" '
        f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
        + "".join(cells)
        + "</svg>"
    )


def status_page(
    site: Site, board: StatusBoard, renderer: Renderer, feeds: object | None = None
) -> GeneratedPage:
    """/status/ as Markdown, listed in the nav."""
    markdown = renderer.render(
        "status.md",
        STATUS_SRC,
        site=site,
        board=board,
        paths=paths,
        strip=strip_svg,
        percent=percent,
        zone=site.options.zone,
        zone_name=site.options.timezone,
        incidents_base=site.collection_url("incident"),
        feeds=feeds,
    )
    return GeneratedPage(STATUS_SRC, markdown, in_nav=True)


def banner_html(site: Site, board: StatusBoard, renderer: Renderer, page_src: str) -> str:
    """The banner for the page at docs path `page_src`, or '' when every incident is resolved."""
    if not board.open_incidents:
        return ""
    first = board.open_incidents[0]
    inc = first.incident
    latest = max(first.timeline, key=lambda t: t.at) if first.timeline else None
    started = getattr(inc, "started", None)
    # The same on every page, new whenever the incident changes: dismissing lasts until then.
    latest_at = latest.at.isoformat() if latest else ""
    state = f"{first.id}|{first.status}|{latest_at}|{len(board.open_incidents)}"
    key = hashlib.sha256(state.encode("utf-8")).hexdigest()[:12]
    return renderer.render(
        "_banner.html",
        page_src,
        entry=first,
        incident=inc,
        latest=latest,
        latest_at=format_datetime(latest.at.astimezone(site.options.zone)) if latest else "",
        started_at=format_datetime(started.astimezone(site.options.zone)) if started else "",
        more=len(board.open_incidents) - 1,
        rank=board.severities.index(inc.severity)
        if inc and inc.severity in board.severities
        else 0,
        status_src=STATUS_SRC,
        paths=paths,
        key=key,
        script=Markup(_DISMISS_JS),
    )


def add_banner(page_html: str, banner: str) -> str:
    """`page_html` with `banner` before Material's announcement slot (or its header, or at the
    top of the body for other themes). Outside Material's own announce element, so its
    dismiss script, when a site turns it on, never meets markup it does not expect."""
    if not banner:
        return page_html
    for pattern in (_ANNOUNCE, _HEADER):
        match = pattern.search(page_html)
        if match is not None:
            at = match.start()
            return page_html[:at] + banner + "\n" + page_html[at:]
    match = _BODY.search(page_html)
    if match is None:
        return page_html
    return page_html[: match.end()] + "\n" + banner + page_html[match.end() :]
