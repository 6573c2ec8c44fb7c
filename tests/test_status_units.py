"""#16's small pieces: iCalendar folding and escaping, CSV quoting, digest weeks."""

from __future__ import annotations

import csv
import io
from datetime import date

import icalendar
import pytest
from openwork.index import build_site
from openwork.index.digest import build_digest, week_bounds
from openwork.options import Options
from openwork.render.calendar import escape_text, fold
from openwork.render.opendata import _csv, _text

from tests.test_incident_metrics import incident


def test_folding_keeps_lines_short_and_characters_whole() -> None:
    summary = "SUMMARY:" + escape_text("Café; bins, é\\ and ☕ " * 12 + "\nnext line")
    folded = fold(summary)
    lines = folded.split("\r\n")
    assert len(lines) > 3
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    for line in lines:
        line.encode("utf-8").decode("utf-8")  # no character cut in two
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:x@t\r\n"
    text += "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\n"
    text += folded + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Café; bins, é\\ and ☕ " * 12 + "\nnext line"


def test_csv_quotes_per_rfc_4180_and_defuses_formulas() -> None:
    out = _csv(["a", "b"], [[_text('say "hi", then go'), _text("=SUM(A1:A2)")], ["x\ny", "-3"]])
    assert out.startswith("a,b\r\n")
    assert '"say ""hi"", then go"' in out
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows == [["a", "b"], ['say "hi", then go', "'=SUM(A1:A2)"], ["x\ny", "-3"]]


def test_digest_weeks_are_monday_to_sunday_in_the_site_timezone() -> None:
    assert week_bounds("2026-W47") == (date(2026, 11, 16), date(2026, 11, 22))
    with pytest.raises(ValueError):
        week_bounds("2026-W54")
    options = Options(timezone="Europe/Berlin")
    # 23:30 UTC on Sunday 22 November is 00:30 on Monday 23 November in Berlin: week 48.
    late = incident("late", "SEV2", "2026-11-22T23:30:00+00:00")
    early = incident("early", "SEV3", "2026-11-16T00:30:00+01:00", "2026-11-16T02:00:00+01:00")
    site = build_site([late, early], {}, options, date(2026, 12, 1))
    w47 = build_digest(site, "2026-W47")
    assert [e.id for e in w47.incidents_opened] == ["incidents/early"]
    assert [e.id for e in w47.incidents_resolved] == ["incidents/early"]
    w48 = build_digest(site, "2026-w48")
    assert [e.id for e in w48.incidents_opened] == ["incidents/late"]
    assert w48.week == "2026-W48" and not w48.empty
