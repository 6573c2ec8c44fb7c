"""A week's round-up from the Site: what the digest e-mail and `openwork digest` say.

The week is an ISO 8601 week, Monday to Sunday in the site's timezone. Actions have no
"done on" date in front matter, so "actions done" are the done actions that were due in the
week (or carry a `done: YYYY-MM-DD` of their own in it), and "now overdue" are the open
actions that were due in the week and are past due at the build's today. So each week lists
what fell due in it, and a long-overdue action is not repeated in every later digest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from openwork.content.dates import iso_week
from openwork.content.model import Entry
from openwork.content.schemas import Action
from openwork.index.site import OpenAction, Site


@dataclass(frozen=True, slots=True)
class TeamNotes:
    team: str  # the team's display name ('' for weeknotes without a team)
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class DoneAction:
    action: Action
    incident: Entry


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything one week's round-up lists."""

    week: str  # '2026-W47'
    monday: date
    sunday: date
    today: date
    weeknotes: tuple[TeamNotes, ...]
    experiments_started: tuple[Entry, ...]
    experiments_concluded: tuple[Entry, ...]
    incidents_opened: tuple[Entry, ...]
    incidents_resolved: tuple[Entry, ...]
    actions_done: tuple[DoneAction, ...]
    actions_overdue: tuple[OpenAction, ...]

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.weeknotes,
                self.experiments_started,
                self.experiments_concluded,
                self.incidents_opened,
                self.incidents_resolved,
                self.actions_done,
                self.actions_overdue,
            )
        )


def week_bounds(week: str) -> tuple[date, date]:
    """Monday and Sunday of '2026-W47'; ValueError for a week that does not exist."""
    year, _, number = week.upper().partition("-W")
    monday = date.fromisocalendar(int(year), int(number), 1)
    return monday, monday + timedelta(days=6)


def _local_day(value: datetime | date | None, zone: tzinfo) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(zone).date()
    return value


def _done_day(action: Action) -> date | None:
    extra = action.model_extra or {}
    done = extra.get("done")
    if isinstance(done, date) and not isinstance(done, datetime):
        return done
    return action.due


def _week_of(value: datetime | date | None, zone: tzinfo) -> str | None:
    day = _local_day(value, zone)
    return iso_week(day) if day is not None else None


@dataclass
class _Buckets:
    """Everything a digest lists, sorted by ISO week in one pass over the site."""

    started: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    concluded: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    opened: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    resolved: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    done: dict[str, list[DoneAction]] = field(default_factory=lambda: defaultdict(list))
    overdue: dict[str, list[OpenAction]] = field(default_factory=lambda: defaultdict(list))


def _buckets(site: Site) -> _Buckets:
    zone = site.options.zone
    b = _Buckets()

    def put(into: dict[str, list[Any]], when: datetime | date | None, item: Any) -> None:
        week = _week_of(when, zone)
        if week is not None:
            into[week].append(item)

    for e in site.kind_entries("experiment"):
        exp = e.experiment
        if exp is None:
            continue
        put(b.started, exp.started, e)
        if exp.status in ("concluded", "abandoned"):
            put(b.concluded, exp.ended, e)
    for e in site.kind_entries("incident"):
        inc = e.incident
        if inc is None:
            continue
        put(b.opened, getattr(inc, "started", None), e)
        put(b.resolved, inc.resolved, e)
        for a in e.actions:
            if a.status == "done":
                put(b.done, _done_day(a), DoneAction(a, e))
    for item in site.open_actions:
        if item.overdue:
            put(b.overdue, item.action.due, item)
    return b


def build_digests(site: Site) -> dict[str, Digest]:
    """The digest of every week that has weeknotes, from one pass over the site."""
    buckets = _buckets(site)
    return {week: build_digest(site, week, buckets) for week in site.weeks()}


def build_digest(site: Site, week: str, buckets: _Buckets | None = None) -> Digest:
    """The round-up of ISO week `week` ('2026-W47') from the published entries."""
    monday, sunday = week_bounds(week)
    key = iso_week(monday)
    b = buckets or _buckets(site)
    teams: dict[str, list[Entry]] = {}
    for entry in site.by_week.get(key, []):
        name = site.team_names.get(entry.team_slug or "", entry.team or "") if entry.team else ""
        teams.setdefault(name, []).append(entry)
    weeknotes = tuple(
        TeamNotes(name, tuple(sorted(items, key=lambda e: e.title)))
        for name, items in sorted(teams.items(), key=lambda kv: (not kv[0], kv[0].casefold()))
    )
    return Digest(
        week=key,
        monday=monday,
        sunday=sunday,
        today=site.today,
        weeknotes=weeknotes,
        experiments_started=tuple(b.started.get(key, ())),
        experiments_concluded=tuple(b.concluded.get(key, ())),
        incidents_opened=tuple(b.opened.get(key, ())),
        incidents_resolved=tuple(b.resolved.get(key, ())),
        actions_done=tuple(b.done.get(key, ())),
        actions_overdue=tuple(b.overdue.get(key, ())),
    )
