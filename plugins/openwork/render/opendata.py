"""Open data: /incidents.csv and /actions.csv, one row per incident and per action.

RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line
break. Times are ISO 8601 with their offset, durations whole minutes, URLs absolute. A text
cell that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading
apostrophe, the usual guard, so opening the file never runs what a report says.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from openwork.index.site import Site
from openwork.urls import PageUrls, site_absolute

INCIDENTS_CSV = "incidents.csv"
ACTIONS_CSV = "actions.csv"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")

INCIDENT_COLUMNS = (
    "id", "title", "url", "severity", "status", "services", "team", "date", "started",
    "detected", "mitigated", "resolved", "minutes_to_detect", "minutes_to_mitigate",
    "minutes_to_resolve", "actions_open", "actions_overdue",
)  # fmt: skip
ACTION_COLUMNS = (
    "incident_id", "incident_title", "incident_url", "action", "owner", "status", "due",
    "overdue", "days_overdue", "link",
)  # fmt: skip


def _text(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _when(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def _minutes(value: timedelta | None) -> str:
    return str(int(value.total_seconds() // 60)) if value is not None else ""


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def incidents_csv(site: Site, urls: PageUrls, site_url: str) -> str:
    """Every published incident, newest first."""
    rows = []
    for e in site.kind_entries("incident"):
        inc = e.incident
        if inc is None:
            continue
        d = e.durations() if getattr(inc, "started", None) else {}
        open_actions = [a for a in e.actions if a.status == "open"]
        overdue = [a for a in open_actions if a.due and a.due < site.today]
        rows.append(
            [
                _text(e.id),
                _text(e.title),
                site_absolute(site_url, urls.url(e.src_uri)),
                _text(inc.severity),
                inc.status,
                _text("; ".join(inc.services)),
                _text(e.team or ""),
                _when(e.date),
                _when(getattr(inc, "started", None)),
                _when(inc.detected),
                _when(inc.mitigated),
                _when(inc.resolved),
                _minutes(d.get("detect")),
                _minutes(d.get("mitigate")),
                _minutes(d.get("resolve")),
                str(len(open_actions)),
                str(len(overdue)),
            ]
        )
    return _csv(INCIDENT_COLUMNS, rows)


def actions_csv(site: Site, urls: PageUrls, site_url: str) -> str:
    """Every action of every published incident, in the incidents' order."""
    rows = []
    for e in site.kind_entries("incident"):
        url = site_absolute(site_url, urls.url(e.src_uri))
        for a in e.actions:
            overdue = a.status == "open" and a.due is not None and a.due < site.today
            late = (site.today - a.due).days if overdue and a.due else 0
            rows.append(
                [
                    _text(e.id),
                    _text(e.title),
                    url,
                    _text(a.action),
                    _text(a.owner or ""),
                    a.status,
                    _when(a.due),
                    "true" if overdue else "false",
                    str(late) if overdue else "",
                    _text(a.link or ""),
                ]
            )
    return _csv(ACTION_COLUMNS, rows)
