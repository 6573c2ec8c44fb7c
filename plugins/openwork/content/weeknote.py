"""A weeknote's ISO week and date, each derived from the other or the file name, and its
title when it has none."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date as date_type
from datetime import datetime

from openwork.content.dates import (
    in_window,
    iso_week,
    parse_week,
    to_datetime,
    week_day,
    window_message,
)
from openwork.content.schemas import CommonMeta, WeeknoteMeta
from openwork.content.teams import Team, team_name
from openwork.content.validate import Checker
from openwork.options import Options


def weeknote_week(
    meta: WeeknoteMeta, stem: str, options: Options, checker: Checker
) -> tuple[str | None, datetime | None]:
    """A weeknote's ISO week and date, each derived from the other or the file name."""
    week = meta.week.upper() if meta.week else None
    date = meta.date
    if week is None and date is not None:
        week = iso_week(date.date())
    if week is None:
        parsed = parse_week(stem)
        if parsed:
            week = f"{parsed[0]}-W{parsed[1]:02d}"
    if week is None:
        checker.add(
            (),
            "error",
            "missing date: add date: YYYY-MM-DD or week: YYYY-Www, "
            "or name the file after its week, e.g. 2026-W47-platform.md",
        )
        return None, None
    parsed = parse_week(week)
    if parsed is None and not in_window(int(week[:4])):
        checker.add(("week",), "error", f"week {window_message(repr(week))}")
        return None, None
    if parsed is None:
        checker.add(
            ("week",),
            "error",
            f"week '{week}' is not a real ISO week: {week[:4]} has "
            f"{_weeks_in(int(week[:4]))} weeks",
        )
        return None, None
    if date is None:
        date = to_datetime(week_day(*parsed), options.zone)
    elif iso_week(date.date()) != week:
        checker.add(
            ("week",),
            "warning",
            f"week {week} does not match date "
            f"{date.date().isoformat()} (which is in {iso_week(date.date())})",
        )
    return week, date


def _weeks_in(year: int) -> int:
    return date_type(year, 12, 28).isocalendar()[1]  # 28 December is always in the last week


def weeknote_title(
    meta: CommonMeta, week: str | None, teams: Mapping[str, Team] | None = None
) -> str:
    """'Platform team: week 47, 2026', with the team's name as teams.yml declares it."""
    if week is None:
        return "Weeknote"
    year, number = week.split("-W")
    when = f"week {int(number)}, {year}"
    if meta.team:
        return f"{team_name(meta.team, teams)} team: {when}"
    return f"Weeknote: {when}"
