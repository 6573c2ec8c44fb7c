"""A week's round-up from the Site: what the digest e-mail and `openwork digest` say.

The week is an ISO 8601 week, Monday to Sunday in the site's timezone. Actions have no
"done on" date in front matter, so "actions done" are the done actions that were due in the
week (or carry a `done: YYYY-MM-DD` of their own in it); "overdue" is as of the build's today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

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


def build_digest(site: Site, week: str) -> Digest:
    """The round-up of ISO week `week` ('2026-W47') from the published entries."""
    monday, sunday = week_bounds(week)
    zone = site.options.zone
    key = f"{monday.isocalendar()[0]}-W{monday.isocalendar()[1]:02d}"

    def within(value: datetime | date | None) -> bool:
        day = _local_day(value, zone)
        return day is not None and monday <= day <= sunday

    teams: dict[str, list[Entry]] = {}
    for entry in site.by_week.get(key, []):
        name = site.team_names.get(entry.team_slug or "", entry.team or "") if entry.team else ""
        teams.setdefault(name, []).append(entry)
    weeknotes = tuple(
        TeamNotes(name, tuple(sorted(items, key=lambda e: e.title)))
        for name, items in sorted(teams.items(), key=lambda kv: (not kv[0], kv[0].casefold()))
    )
    experiments = site.kind_entries("experiment")
    incidents = site.kind_entries("incident")
    done = [
        DoneAction(a, e)
        for e in incidents
        for a in e.actions
        if a.status == "done" and within(_done_day(a))
    ]
    return Digest(
        week=key,
        monday=monday,
        sunday=sunday,
        today=site.today,
        weeknotes=weeknotes,
        experiments_started=tuple(
            e for e in experiments if e.experiment and within(e.experiment.started)
        ),
        experiments_concluded=tuple(
            e
            for e in experiments
            if e.experiment
            and e.experiment.status in ("concluded", "abandoned")
            and within(e.experiment.ended)
        ),
        incidents_opened=tuple(
            e for e in incidents if e.incident and within(getattr(e.incident, "started", None))
        ),
        incidents_resolved=tuple(
            e for e in incidents if e.incident and within(e.incident.resolved)
        ),
        actions_done=tuple(done),
        actions_overdue=tuple(a for a in site.open_actions if a.overdue),
    )
