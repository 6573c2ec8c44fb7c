"""`/entries.json`: every published entry's metadata, for other tools and dashboards."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from openwork.content.dates import human_duration
from openwork.content.model import Entry
from openwork.index.site import Site
from openwork.urls import PageUrls

FORMAT_VERSION = 1


def entries_json(site: Site, urls: PageUrls, site_url: str | None) -> str:
    """Stable, sorted JSON: the same content gives the same bytes. Public entries only:
    under serve, drafts and embargoed entries are left out."""
    site = site.public()
    base = (site_url or "").rstrip("/") + "/" if site_url else "/"
    doc = {
        "version": FORMAT_VERSION,
        "count": len(site.entries),
        "entries": [_entry(e, site, base + urls.url(e.src_uri)) for e in site.entries],
    }
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    # '<' as \u003c: the same data, and never markup if someone inlines it into a page.
    return text.replace("<", "\\u003c") + "\n"


def _entry(entry: Entry, site: Site, url: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": entry.kind,
        "id": entry.id,
        "url": url,
        "title": entry.title,
        "date": _iso(entry.date),
        "updated": _iso(entry.last_modified),
        "team": entry.team,
        "authors": [{"id": a.id, "name": a.name} for a in entry.authors],
        "tags": [t.name for t in entry.tags],
        "summary": entry.excerpt,
        "related": [r.id for r in site.related.get(entry.id, [])],
    }
    if entry.kind == "weeknote":
        out["week"] = entry.week
    if (exp := entry.experiment) is not None:
        out.update(
            status=exp.status,
            hypothesis=exp.hypothesis,
            started=_iso(exp.started),
            ended=_iso(exp.ended),
            outcome=exp.outcome,
            review_by=_iso(exp.review_by),
            review_overdue=entry.review_overdue(site.today),
            owner=exp.owner,
            metrics=[
                m.model_dump(include={"name", "baseline", "target", "result"}) for m in exp.metrics
            ],
        )
    if (inc := entry.incident) is not None:
        durations = entry.durations()
        out.update(
            severity=inc.severity,
            status=inc.status,
            started=_iso(inc.started),
            detected=_iso(inc.detected),
            mitigated=_iso(inc.mitigated),
            resolved=_iso(inc.resolved),
            services=list(inc.services),
            impact=inc.impact,
            durations={
                f"time_to_{name}": {
                    "seconds": int(delta.total_seconds()),
                    "text": human_duration(delta),
                }
                for name, delta in durations.items()
            },
            actions=[
                {
                    "action": a.action,
                    "owner": a.owner,
                    "status": a.status,
                    "due": _iso(a.due),
                    "overdue": site.overdue(a),
                }
                for a in inc.actions
            ],
        )
    return out


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
