"""Incident numbers for /incidents/: incidents per month by severity, and time to resolve.

Pure functions over entries, so the charts, their data tables and the tests read one source.
Months and days are the site's timezone: an incident that starts at 23:30 on 31 March in
London counts for March even though it is already April in UTC+02:00.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from openwork.content.model import Entry


@dataclass(frozen=True, slots=True)
class MonthCount:
    """How many incidents started in one calendar month, per severity (the site's order)."""

    month: date  # the first day of the month
    counts: tuple[int, ...]

    @property
    def key(self) -> str:
        return f"{self.month.year:04d}-{self.month.month:02d}"

    @property
    def label(self) -> str:
        return self.month.strftime("%b %Y")

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class ResolvePoint:
    """One resolved incident: when it started (site time) and how long it took to resolve."""

    entry: Entry
    started: datetime
    duration: timedelta

    @property
    def hours(self) -> float:
        return self.duration.total_seconds() / 3600

    @property
    def severity(self) -> str:
        inc = self.entry.incident
        return inc.severity if inc else ""


@dataclass(frozen=True, slots=True)
class IncidentMetrics:
    """Everything the incidents page summarises."""

    severities: tuple[str, ...]
    months: tuple[MonthCount, ...]  # oldest first, months without incidents included
    resolve: tuple[ResolvePoint, ...]  # resolved incidents, by when they started
    total: int
    unresolved: int
    median_detect: timedelta | None
    median_mitigate: timedelta | None
    median_resolve: timedelta | None

    def severity_index(self, severity: str) -> int:
        return self.severities.index(severity) if severity in self.severities else 0

    @property
    def busiest(self) -> MonthCount | None:
        """The month with the most incidents (the earliest, on a tie)."""
        return max(self.months, key=lambda m: m.total, default=None)


def month_start(moment: datetime, zone: tzinfo) -> date:
    local = moment.astimezone(zone)
    return date(local.year, local.month, 1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def monthly_counts(
    incidents: Iterable[Entry], severities: Sequence[str], zone: tzinfo
) -> list[MonthCount]:
    """Counts per month from the first incident's month to the last's, zero months included."""
    counts: dict[date, list[int]] = {}
    for entry in incidents:
        inc = entry.incident
        if inc is None or inc.severity not in severities:
            continue
        month = month_start(inc.started or entry.date, zone)  # no timings: its date (#15)
        counts.setdefault(month, [0] * len(severities))[severities.index(inc.severity)] += 1
    if not counts:
        return []
    out = []
    month, last = min(counts), max(counts)
    while month <= last:
        out.append(MonthCount(month, tuple(counts.get(month, [0] * len(severities)))))
        month = next_month(month)
    return out


def resolve_series(incidents: Iterable[Entry], zone: tzinfo) -> list[ResolvePoint]:
    """Resolved incidents with their time to resolve, oldest start first."""
    points = []
    for entry in incidents:
        inc = entry.incident
        took = entry.durations().get("resolve")
        if inc is None or took is None or inc.started is None:
            continue
        points.append(ResolvePoint(entry, inc.started.astimezone(zone), took))
    return sorted(points, key=lambda p: (p.started, p.entry.id))


def median(durations: Iterable[timedelta]) -> timedelta | None:
    """The middle duration (the mean of the two middle ones for an even count), to the second."""
    seconds = [d.total_seconds() for d in durations]
    if not seconds:
        return None
    return timedelta(seconds=round(statistics.median(seconds)))


def incident_metrics(
    incidents: Sequence[Entry], severities: Sequence[str], zone: tzinfo
) -> IncidentMetrics:
    """The summary of the published incidents for the incidents page."""
    durations = [e.durations() for e in incidents]
    return IncidentMetrics(
        severities=tuple(severities),
        months=tuple(monthly_counts(incidents, severities, zone)),
        resolve=tuple(resolve_series(incidents, zone)),
        total=len(incidents),
        unresolved=sum(1 for e in incidents if e.status != "resolved"),
        median_detect=median(d["detect"] for d in durations if "detect" in d),
        median_mitigate=median(d["mitigate"] for d in durations if "mitigate" in d),
        median_resolve=median(d["resolve"] for d in durations if "resolve" in d),
    )
