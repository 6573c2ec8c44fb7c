"""Reading the date forms people actually write, into dates and timezone-aware datetimes."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

FIRST_YEAR = 1900  # dates outside these years are slips (0001, 2O26 read as 2), and year 1
LAST_YEAR = 9998  # or 9999 overflow as soon as a chart or a timezone moves them a day
_WEEK = re.compile(r"(?<!\d)(\d{4})-?W(\d{2})(?!\d)", re.IGNORECASE)
_DAY_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DateError(ValueError):
    """A value that is not a date we can read; the message says what was expected."""


def in_window(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def window_message(shown: str) -> str:
    return (
        f"{shown} is outside the years openwork publishes ({FIRST_YEAR} to {LAST_YEAR}): "
        "check the year"
    )


def _checked(value: object, day: date) -> None:
    if not in_window(day.year):
        raise DateError(window_message(_show(value)))


def to_date(value: object) -> date:
    """A calendar date from a YAML date, datetime or 'YYYY-MM-DD' string."""
    day = _read_date(value)
    _checked(value, day)
    return day


def _read_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        _impossible_day(value, text)
    raise DateError(f"{_show(value)} is not a date: expected a date like 2026-11-20 (no time)")


def to_datetime(value: object, zone: tzinfo) -> datetime:
    """An aware datetime; a value without an offset is read in the site's timezone."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            _impossible_day(value, text)
            raise DateError(_MOMENT_EXPECTED.format(_show(value))) from None
    else:
        raise DateError(_MOMENT_EXPECTED.format(_show(value)))
    _checked(value, moment.date())
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        moment = moment.replace(tzinfo=zone)
    return moment


_MOMENT_EXPECTED = (
    "{} is not a date and time: expected a date like 2026-11-20, or a date and time like "
    "2026-11-20 14:30 (add +01:00 for another timezone than the site's)"
)


def iso_week(day: date) -> str:
    """'2026-W47' for any day of that ISO 8601 week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str) -> tuple[int, int] | None:
    """(year, week) from '2026-W47' / '2026W47' anywhere in `text`, if it is a real ISO week."""
    match = _WEEK.search(text)
    if not match:
        return None
    year, week = int(match.group(1)), int(match.group(2))
    if not in_window(year):
        return None
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return year, week


def week_day(year: int, week: int, weekday: int = 5) -> date:
    """A day of an ISO week; weeknotes without a date are dated the Friday of their week."""
    return date.fromisocalendar(year, week, weekday)


def human_duration(delta: timedelta) -> str:
    """'15 min', '2 h 30 min', '3 d 4 h': the two largest units, for people not machines."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 0:
        return "–"
    if minutes < 1:
        return "under 1 min"
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {mins} min" if mins else f"{hours} h"
    return f"{mins} min"


def _impossible_day(value: str, text: str) -> None:
    """Say so when the shape is right but the calendar is not (2026-02-30, 2026-13-01)."""
    match = _DAY_SHAPE.match(text)
    if match is None:
        return
    try:
        date.fromisoformat(match.group())
    except ValueError:
        raise DateError(
            f"{_show(value)} is not a real date: check the month and day (YYYY-MM-DD)"
        ) from None


def _show(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"  # as YAML wrote it
    return f"'{value}'" if isinstance(value, str | int | float | date) else type(value).__name__
