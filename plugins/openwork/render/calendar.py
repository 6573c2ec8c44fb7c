"""/calendar.ics (RFC 5545): open actions' due dates and running experiments' review dates.

Written by hand rather than with a library, to add no runtime dependency for ~60 lines:
CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, and TEXT
values escaped (backslash, semicolon, comma, newline). Every event is all-day
(`DTSTART;VALUE=DATE`, `DTEND` the next day), with a UID made from the entry's permanent id
(and, for an action, its wording) so a subscribed calendar updates the event instead of
adding a copy. DTSTAMP is the entry's last change, never the clock, so builds repeat.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from openwork.content.model import Entry
from openwork.index.site import Site
from openwork.urls import PageUrls, site_absolute

CALENDAR_ICS = "calendar.ics"


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets split, each continuation starting with a
    space; a multi-byte character is never cut in two."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += n
    out.append(current)
    return "\r\n".join(out)


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(
    uid: str, day: date, summary: str, description: str, url: str, changed: datetime
) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_stamp(changed)}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _uid(kind: str, entry: Entry, host: str, extra: str = "") -> str:
    raw = f"{kind}|{entry.id}|{extra}"
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
    return f"{kind}-{digest}@{host}"


def calendar_ics(site: Site, urls: PageUrls, site_url: str, site_name: str) -> str:
    """The whole calendar as text with CRLF line ends."""
    host = urlsplit(site_url).hostname or "localhost"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//openwork//{escape_text(site_name)}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(site_name + ': actions and reviews')}",
        # How often a subscribed calendar should fetch it again (RFC 7986, and Outlook's own).
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
    ]
    for item in site.open_actions:
        a, e = item.action, item.incident
        if a.due is None:
            continue
        owner = f" Owner: {a.owner}." if a.owner else ""
        lines += _event(
            _uid("action", e, host, a.action),
            a.due,
            f"Due: {a.action}",
            f"An open action from the incident report '{e.title}'.{owner}",
            site_absolute(site_url, urls.url(e.src_uri)),
            e.last_modified,
        )
    for e in site.running_experiments():
        exp = e.experiment
        if exp is None or exp.review_by is None:
            continue
        owner = f" Owner: {exp.owner}." if exp.owner else ""
        lines += _event(
            _uid("review", e, host),
            exp.review_by,
            f"Review: {e.title}",
            f"Review the running experiment '{e.title}'.{owner} Hypothesis: {exp.hypothesis}",
            site_absolute(site_url, urls.url(e.src_uri)),
            e.last_modified,
        )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
