"""The status board: each service's state now, 90 days of history and its availability.

Pure functions over incident entries and the build's `now` (passed in, never read from the
clock here), so the page, the banner and the tests all read one answer.

- An incident affects a service from `started` until `resolved`, else `mitigated`, else
  `now` (it is still running). Incidents without `started` are left out.
- Days are calendar days in the site's timezone: a day's cell takes the worst severity of
  every incident whose window touches that day (from its midnight to the next, which is 23
  or 25 hours long when the clocks change).
- Availability over N days is the share of the time from midnight N-1 days ago (site time)
  to `now` that no incident affected the service; overlapping incidents count once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from openwork.content.model import Entry
from openwork.content.services import Service
from openwork.slugs import slugify

HISTORY_DAYS = 90
AVAILABILITY_DAYS = (30, 90)
OPERATIONAL = "operational"


@dataclass(frozen=True, slots=True)
class Outage:
    """When one incident affected its services, in UTC."""

    entry: Entry
    severity: str
    rank: int  # 0 is the worst severity
    start: datetime
    end: datetime  # resolved, else mitigated, else the build's now
    open: bool  # not resolved

    def overlaps(self, start: datetime, end: datetime) -> bool:
        return self.start < end and self.end > start


@dataclass(frozen=True, slots=True)
class DayCell:
    """One day of a service's history."""

    day: date
    severity: str | None  # the worst incident touching the day, or None when operational
    rank: int | None
    incidents: tuple[Entry, ...]

    @property
    def state(self) -> str:
        return self.severity or OPERATIONAL


@dataclass(frozen=True, slots=True)
class ServiceStatus:
    """One service on the status page."""

    service: Service
    state: str  # 'operational' or the worst open incident's severity
    rank: int | None  # that severity's rank, None when operational
    open_incidents: tuple[Entry, ...]
    days: tuple[DayCell, ...]  # oldest first, HISTORY_DAYS of them, ending today
    availability: dict[int, float]  # days -> percent, e.g. {30: 99.87, 90: 99.95}

    @property
    def operational(self) -> bool:
        return self.rank is None

    @property
    def affected_days(self) -> int:
        return sum(1 for d in self.days if d.severity)


@dataclass(frozen=True, slots=True)
class StatusBoard:
    """Everything /status/ and the banner show."""

    now: datetime  # aware, in the site's timezone
    today: date
    severities: tuple[str, ...]
    services: tuple[ServiceStatus, ...]
    open_incidents: tuple[Entry, ...]  # worst first, then newest
    recent: tuple[Entry, ...]  # incidents that touched the history window, newest first

    @property
    def first_day(self) -> date:
        return self.today - timedelta(days=HISTORY_DAYS - 1)

    @property
    def all_operational(self) -> bool:
        return not self.open_incidents


def severity_rank(severity: str, severities: Sequence[str]) -> int:
    """0 for the worst; a severity outside the scale ranks after the least severe."""
    return severities.index(severity) if severity in severities else len(severities)


def outage(entry: Entry, severities: Sequence[str], now: datetime) -> Outage | None:
    """The window an incident affected its services, or None without a `started` time."""
    inc = entry.incident
    started = getattr(inc, "started", None) if inc else None
    if inc is None or started is None:
        return None
    end_at = inc.resolved or inc.mitigated
    start = started.astimezone(UTC)
    end = end_at.astimezone(UTC) if end_at else max(now.astimezone(UTC), start)
    return Outage(
        entry=entry,
        severity=inc.severity,
        rank=severity_rank(inc.severity, severities),
        start=start,
        end=max(end, start),
        open=inc.status != "resolved",
    )


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """A calendar day in `zone` as a UTC interval (23, 24 or 25 hours long)."""
    start = datetime.combine(day, time(), zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), zone).astimezone(UTC)
    return start, end


def availability(outages: Iterable[Outage], days: int, now: datetime, zone: tzinfo) -> float:
    """Percent of the time from midnight `days - 1` days ago (site time) to `now` that no
    outage covered. Overlapping outages are merged first, so nothing counts twice."""
    end = now.astimezone(UTC)
    today = now.astimezone(zone).date()
    start = day_bounds(today - timedelta(days=days - 1), zone)[0]
    total = (end - start).total_seconds()
    if total <= 0:
        return 100.0
    down = 0.0
    spans = sorted((max(o.start, start), min(o.end, end)) for o in outages)
    cur_start: datetime | None = None
    cur_end: datetime | None = None
    for s, e in spans:
        if e <= s:
            continue
        if cur_end is None or s > cur_end:
            if cur_start is not None and cur_end is not None:
                down += (cur_end - cur_start).total_seconds()
            cur_start, cur_end = s, e
        else:
            cur_end = max(cur_end, e)
    if cur_start is not None and cur_end is not None:
        down += (cur_end - cur_start).total_seconds()
    return 100.0 * (total - down) / total


def history(
    outages: Sequence[Outage], today: date, zone: tzinfo, days: int = HISTORY_DAYS
) -> tuple[DayCell, ...]:
    """One cell per calendar day, oldest first, ending `today`."""
    cells = []
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        start, end = day_bounds(day, zone)
        touching = [o for o in outages if o.overlaps(start, end)]
        worst = min(touching, key=lambda o: o.rank) if touching else None
        cells.append(
            DayCell(
                day=day,
                severity=worst.severity if worst else None,
                rank=worst.rank if worst else None,
                incidents=tuple(o.entry for o in sorted(touching, key=lambda o: o.start)),
            )
        )
    return tuple(cells)


def service_list(entries: Iterable[Entry], declared: Sequence[Service]) -> list[Service]:
    """Declared services in their order, then every other service incidents name, A to Z
    (shown as the first incident wrote it)."""
    by_key = {s.key: s for s in declared}
    by_name = {slugify(s.name): s for s in declared}
    extra: dict[str, str] = {}
    for entry in entries:
        inc = entry.incident
        for written in inc.services if inc else ():
            key = slugify(written)
            if key and key not in by_key and key not in by_name:
                extra.setdefault(key, written.strip())
    rest = [
        Service(key=k, name=n, order=len(declared) + i)
        for i, (k, n) in enumerate(sorted(extra.items(), key=lambda kv: kv[1].casefold()))
    ]
    return [*declared, *rest]


def service_key(written: str, services: Sequence[Service]) -> str:
    """The key of the service an incident names, matched by id or by display name."""
    slug = slugify(written)
    for s in services:
        if slug in (s.key, slugify(s.name)):
            return s.key
    return slug


def build_status(
    incidents: Sequence[Entry],
    declared: Sequence[Service],
    severities: Sequence[str],
    now: datetime,
    zone: tzinfo,
) -> StatusBoard:
    """The board for published `incidents` at the build's `now` (an aware datetime)."""
    now = now.astimezone(zone)
    today = now.date()
    services = service_list(incidents, declared)
    outages: list[Outage] = []
    by_service: dict[str, list[Outage]] = {s.key: [] for s in services}
    for entry in incidents:
        found = outage(entry, severities, now)
        if found is None:
            continue
        outages.append(found)
        written = entry.incident.services if entry.incident else []
        for key in dict.fromkeys(service_key(w, services) for w in written):
            by_service.setdefault(key, []).append(found)
    window_start = day_bounds(today - timedelta(days=HISTORY_DAYS - 1), zone)[0]
    rows = []
    for service in services:
        # Only what reaches into the 90 days matters: older incidents cost nothing per day.
        mine = [o for o in by_service.get(service.key, []) if o.end > window_start or o.open]
        open_now = sorted((o for o in mine if o.open), key=lambda o: (o.rank, -o.start.timestamp()))
        rows.append(
            ServiceStatus(
                service=service,
                state=open_now[0].severity if open_now else OPERATIONAL,
                rank=open_now[0].rank if open_now else None,
                open_incidents=tuple(o.entry for o in open_now),
                days=history(mine, today, zone),
                availability={d: availability(mine, d, now, zone) for d in AVAILABILITY_DAYS},
            )
        )
    open_incidents = sorted(
        (e for e in incidents if e.status != "resolved"),
        key=lambda e: (
            severity_rank(e.incident.severity if e.incident else "", severities),
            -e.date.timestamp(),
        ),
    )
    recent = [
        o.entry
        for o in sorted(outages, key=lambda o: o.start, reverse=True)
        if o.end >= window_start or o.open
    ]
    return StatusBoard(
        now=now,
        today=today,
        severities=tuple(severities),
        services=tuple(rows),
        open_incidents=tuple(open_incidents),
        recent=tuple(recent),
    )


def percent(value: float) -> str:
    """'99.87%': rounded down, so a service that was down at all never shows 100%."""
    floored = int(value * 100) / 100
    return "100%" if value >= 100 else f"{floored:.2f}%"
