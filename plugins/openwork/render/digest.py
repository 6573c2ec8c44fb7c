"""A week's digest as e-mail-ready HTML and its plain-text twin.

Both are made from one `Digest` (index/digest.py). Every link is absolute (an e-mail has no
base URL), the HTML uses tables for layout and inline styles only, and has no script and no
stylesheet link, which is what mail clients keep.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from openwork import paths
from openwork.content.model import Entry
from openwork.index.digest import Digest
from openwork.render.renderer import Renderer, format_date
from openwork.urls import site_absolute


@dataclass(frozen=True, slots=True)
class DigestSite:
    """What the digest takes from mkdocs.yml."""

    name: str
    url: str  # absolute, ending in '/'
    language: str = "en"


def _heading(d: Digest) -> str:
    year, _, number = d.week.partition("-W")
    return f"Week {int(number)}, {year}: the round-up"


def email_path(base: str, week: str) -> str:
    """'weeknotes/weeks/2026-w47/email.html': beside the week's page."""
    return paths.week(base, week).removesuffix(".md") + "/email.html"


def digest_html(d: Digest, site: DigestSite, renderer: Renderer, base: str) -> str:
    """The digest as one HTML document, ready to paste into an e-mail."""
    urls = renderer.urls

    def url(entry: Entry) -> str:
        return site_absolute(site.url, urls.url(entry.src_uri))

    template = renderer.env.get_template("digest_email.html")
    return template.render(
        d=d,
        url=url,
        title=f"{site.name}: {_heading(d)}",
        heading=_heading(d),
        site_name=site.name,
        language=site.language,
        home_url=site.url,
        week_url=site_absolute(site.url, urls.url(paths.week(base, d.week))),
        feeds_url=site_absolute(site.url, urls.url(paths.feeds())),
    )


def digest_text(d: Digest, site: DigestSite, renderer: Renderer, base: str) -> str:
    """The same digest as plain text, wrapped at 72 columns, links on lines of their own."""
    urls = renderer.urls

    def url(entry: Entry) -> str:
        return site_absolute(site.url, urls.url(entry.src_uri))

    out = [
        f"{site.name}: {_heading(d)}",
        f"{format_date(d.monday)} to {format_date(d.sunday)}",
        f"On the web: {site_absolute(site.url, urls.url(paths.week(base, d.week)))}",
    ]

    def section(title: str) -> None:
        out.extend(["", title.upper(), "=" * len(title)])

    def item(entry: Entry, note: str = "") -> None:
        out.append("")
        out.extend(_wrap(f"* {entry.title}" + (f" ({note})" if note else ""), "  "))
        summary = entry.summary or entry.excerpt
        if summary:
            out.extend(_wrap(summary, "  ", "  "))
        out.append(f"  {url(entry)}")

    if d.empty:
        out.extend(["", "Nothing was published or changed this week."])
    if d.weeknotes:
        section("Weeknotes")
        for group in d.weeknotes:
            if group.team:
                out.extend(["", f"-- {group.team} --"])
            for e in group.entries:
                item(e)
    if d.experiments_started or d.experiments_concluded:
        section("Experiments")
        for e in d.experiments_started:
            item(e, "started")
        for e in d.experiments_concluded:
            outcome = e.experiment.outcome if e.experiment else None
            item(e, (e.status or "") + (f", {outcome}" if outcome else ""))
    if d.incidents_opened or d.incidents_resolved:
        section("Incidents")
        for e in d.incidents_opened:
            severity = e.incident.severity if e.incident else ""
            item(e, f"{severity}, opened, now {e.status}")
        for e in d.incidents_resolved:
            if e not in d.incidents_opened:
                item(e, f"{e.incident.severity if e.incident else ''}, resolved")
    if d.actions_done or d.actions_overdue:
        section("Incident actions")
        for x in d.actions_done:
            owner = f" ({x.action.owner})" if x.action.owner else ""
            out.append("")
            out.extend(_wrap(f"* Done: {x.action.action}{owner}", "  "))
            out.extend([*_wrap(f"From {x.incident.title}:", "  ", "  "), f"  {url(x.incident)}"])
        for o in d.actions_overdue:
            owner = f" ({o.action.owner})" if o.action.owner else ""
            due = format_date(o.action.due)
            out.append("")
            out.extend(_wrap(f"* Overdue since {due}: {o.action.action}{owner}", "  "))
            out.extend([*_wrap(f"From {o.incident.title}:", "  ", "  "), f"  {url(o.incident)}"])
    out.extend(["", "--", f"{site.name}, working in the open: {site.url}", ""])
    return "\n".join(out)


def _wrap(text: str, indent: str, first: str = "") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        72,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
