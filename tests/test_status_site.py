"""#16 in built sites: the banner, /status/, the status feed, CSV, iCalendar and the digest,
each read back with a real parser."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
from openwork.cli import main

from tests.builder import MINIMAL_MKDOCS, REPO, Built, mkdocs_build, write_tree

SCHEMA = json.loads((REPO / "tests" / "schemas" / "jsonfeed-1.1.schema.json").read_text("utf-8"))
OPEN = """
---
title: Payments "slow", then down
date: 2026-11-16
severity: SEV2
status: investigating
started: 2026-11-16T09:00:00+00:00
services: ["=cmd|' /C calc'!A0", Payments]
impact: Card payments failed for some residents.
actions:
  - action: Add a payment health check, with alerts
    owner: Platform team
    status: open
    due: 2026-11-20
  - action: Write the runbook
    status: done
    due: 2026-11-17
timeline:
  - at: 2026-11-16T09:05:00+00:00
    event: Payment errors rise; on-call paged.
  - at: 2026-11-16T10:40:00+00:00
    event: Traffic moved to the standby provider.
---

Card payments failed.
"""
EXPERIMENT = """
---
title: Plain English letters
date: 2026-11-16
status: running
hypothesis: We believe plainer letters will result in more payments. We will know when they rise.
started: 2026-11-16
review_by: 2026-12-14
---

Trying it.
"""
WEEKNOTE = """
---
title: A week of payments
date: 2026-11-20
team: platform
summary: We moved payments to the standby provider & kept them there.
---

Things happened.
"""


def make_site(root: Path, *, resolved: bool = False) -> Path:
    incident = OPEN
    if resolved:
        incident = incident.replace("status: investigating", "status: resolved").replace(
            "services:", "resolved: 2026-11-16T12:00:00+00:00\nservices:"
        )
    return write_tree(
        root,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            "docs/index.md": "# Home\n",
            "docs/about.md": "# About\n\nWho we are.\n",
            "incidents/2026-11-16-payments.md": incident,
            "experiments/2026-11-16-letters.md": EXPERIMENT,
            "weeknotes/2026-W47-platform.md": WEEKNOTE,
        },
    )


@pytest.fixture(scope="module")
def open_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = make_site(tmp_path_factory.mktemp("open"))
    return mkdocs_build(root / "mkdocs.yml", root / "site")


def html_pages(built: Built) -> list[Path]:
    return [p for p in built.site_dir.rglob("*.html") if p.name in ("index.html", "404.html")]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.stylesheets = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "stylesheet":
            self.stylesheets += 1
        for name in ("href", "src"):
            if values.get(name):
                self.urls.append(values[name] or "")


# --- the banner -----------------------------------------------------------------------------


def test_every_page_has_the_banner_while_an_incident_is_open(open_site: Built) -> None:
    assert open_site.warnings == []
    pages = html_pages(open_site)
    assert len(pages) > 10
    for path in pages:
        text = path.read_text("utf-8")
        assert text.count('id="ow-banner"') == 1, path
        banner = text[
            text.index('id="ow-banner"') : text.index("</aside>", text.index("ow-banner"))
        ]
        assert "SEV2" in banner and "Payments &#34;slow&#34;, then down" in banner
        # The latest timeline event, with its time in the site's timezone and offset.
        assert "Traffic moved to the standby provider." in banner
        assert "16 November 2026, 10:40 UTC" in banner
        # Before Material's header, so it shows like its announcement bar.
        assert text.index('id="ow-banner"') < text.index('class="md-header')
    # The theme's 404 page is served at any address: its links start from the site's root.
    missing = open_site.read("404.html")
    assert missing.count('id="ow-banner"') == 1
    assert 'href="/incidents/2026-11-16-payments/"' in missing and 'href="/status/"' in missing
    about = open_site.page("about/")
    assert 'href="../incidents/2026-11-16-payments/"' in about
    assert 'href="../status/"' in about


def test_no_banner_once_every_incident_is_resolved(tmp_path: Path) -> None:
    root = make_site(tmp_path, resolved=True)
    built = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert built.warnings == []
    for path in html_pages(built):
        assert "ow-banner" not in path.read_text("utf-8").replace("ow-banner__", ""), path
    status = built.page("status/")
    assert 'data-state="operational"' in status and "All services are operational" in status


# --- /status/ -----------------------------------------------------------------------------


def test_status_page_shows_each_service_with_its_state_and_history(open_site: Built) -> None:
    page = open_site.page("status/")
    assert 'data-service="payments" data-state="SEV2"' in page
    # A value that looks like a spreadsheet formula is only text here, escaped.
    assert "=cmd|&#39; /C calc&#39;!A0" in page or "=cmd|&#x27; /C calc&#x27;!A0" in page
    assert page.count('<svg class="ow-strip__svg"') == 2
    assert 'role="img" aria-label="Payments, last 90 days: ' in page
    assert page.count("<rect ") == 2 * 90
    assert 'data-day="2026-11-16"' in page
    assert "Recent incidents" in page and "How these figures are worked out" in page
    assert 'type="application/rss+xml" title="Tiny: service status (RSS)"' in page


# --- the status feed -----------------------------------------------------------------------


def test_status_feed_has_one_item_per_change_with_stable_ids(
    open_site: Built, tmp_path: Path
) -> None:
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse(open_site.read(f"status/{name}"))
        assert not parsed.bozo, parsed.get("bozo_exception")
        titles = [e.title for e in parsed.entries]
        assert titles == [
            'Update: Payments "slow", then down',
            'Update: Payments "slow", then down',
            'Incident opened: Payments "slow", then down',
        ]
        assert parsed.entries[0].id.endswith("/update/20261116T1040Z")
    data = json.loads(open_site.read("status/feed.json"))
    jsonschema.validate(data, SCHEMA)
    assert data["feed_url"] == "https://tiny.example/status/feed.json"
    opml = open_site.read("feeds.opml")
    assert 'xmlUrl="https://tiny.example/status/feed.xml"' in opml
    feeds_page = open_site.page("feeds/")
    assert 'value="https://tiny.example/status/feed.xml"' in feeds_page
    assert "3 updates" in feeds_page  # opened and two timeline events, not "1 entry"
    # Resolving adds an item and keeps the others' ids.
    root = make_site(tmp_path, resolved=True)
    later = json.loads(mkdocs_build(root / "mkdocs.yml", root / "site").read("status/feed.json"))
    before = {i["id"] for i in data["items"]}
    after = {i["id"]: i for i in later["items"]}
    assert before < set(after)
    (new,) = set(after) - before
    assert new.endswith("/resolved") and after[new]["date_published"].startswith("2026-11-16T12")


# --- open data ----------------------------------------------------------------------------


def test_incidents_and_actions_csv_parse_with_the_csv_module(open_site: Built) -> None:
    raw = (open_site.site_dir / "incidents.csv").read_bytes()
    assert raw.count(b"\r\n") == 2, "RFC 4180: CRLF after the header and each row"
    (incident,) = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert incident["title"] == 'Payments "slow", then down'
    assert incident["url"] == "https://tiny.example/incidents/2026-11-16-payments/"
    assert incident["services"] == "'=cmd|' /C calc'!A0; Payments", "no formula runs"
    assert incident["started"] == "2026-11-16T09:00:00+00:00"
    assert incident["resolved"] == "" and incident["minutes_to_resolve"] == ""
    assert (incident["actions_open"], incident["actions_overdue"]) == ("1", "1")
    rows = list(csv.DictReader(io.StringIO(open_site.read("actions.csv"), newline="")))
    assert [(r["action"], r["status"], r["overdue"]) for r in rows] == [
        ("Add a payment health check, with alerts", "open", "true"),
        ("Write the runbook", "done", "false"),
    ]
    assert int(rows[0]["days_overdue"]) > 0 and rows[1]["days_overdue"] == ""
    assert 'href="../incidents.csv"' in open_site.page("incidents/")
    assert 'href="../actions.csv"' in open_site.page("feeds/")


def test_calendar_parses_with_icalendar_and_keeps_its_uids(
    open_site: Built, tmp_path: Path
) -> None:
    raw = (open_site.site_dir / "calendar.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "RFC 5545 folds lines at 75 octets"
    assert b"\n" not in raw.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(raw)
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {
        "Due: Add a payment health check, with alerts",
        "Review: Plain English letters",
    }
    due = events["Due: Add a payment health check, with alerts"]
    assert due.decoded("DTSTART").isoformat() == "2026-11-20"  # an all-day date
    assert due.decoded("DTEND").isoformat() == "2026-11-21"
    assert str(due["URL"]) == "https://tiny.example/incidents/2026-11-16-payments/"
    review = events["Review: Plain English letters"]
    assert review.decoded("DTSTART").isoformat() == "2026-12-14"
    assert "We believe plainer letters" in str(review["DESCRIPTION"])
    again = mkdocs_build(make_site(tmp_path) / "mkdocs.yml", tmp_path / "site")
    assert (again.site_dir / "calendar.ics").read_bytes() == raw, "same content, same bytes"


# --- the digest -----------------------------------------------------------------------------


def test_week_page_links_its_email_copy_made_for_mail_clients(open_site: Built) -> None:
    week = open_site.page("weeknotes/weeks/2026-w47/")
    assert 'href="email.html"' in week
    html = open_site.read("weeknotes/weeks/2026-w47/email.html")
    parser = Links()
    parser.feed(html)
    assert "script" not in parser.tags and parser.stylesheets == 0 and "style" not in parser.tags
    assert parser.urls and all(u.startswith("https://tiny.example/") for u in parser.urls), [
        u for u in parser.urls if not u.startswith("https://")
    ]
    assert "table" in parser.tags
    for text in (
        "A week of payments",
        "We moved payments to the standby provider &amp; kept them there.",
        "Plain English letters",
        "Payments &#34;slow&#34;, then down",
        "Write the runbook",
        "Add a payment health check, with alerts",
    ):
        assert text in html, text


def test_openwork_digest_prints_html_and_text(
    open_site: Built, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(open_site.site_dir.parent / "mkdocs.yml")
    assert main(["digest", "--week", "2026-w47", "-f", config]) == 0
    html = capsys.readouterr().out
    assert html == open_site.read("weeknotes/weeks/2026-w47/email.html")
    assert main(["digest", "--week", "2026-W47", "--format", "text", "-f", config]) == 0
    text = capsys.readouterr().out
    assert "<p" not in text and "&amp;" not in text
    assert "WEEKNOTES" in text and "* A week of payments" in text
    assert "https://tiny.example/weeknotes/2026-w47-platform/" in text
    assert "* Plain English letters (started)" in text
    assert main(["digest", "--week", "2026-W60", "-f", config]) == 2
    assert "2026 has no week 60" in capsys.readouterr().err


def test_timeline_times_are_shown_in_the_site_timezone_with_the_offset(tmp_path: Path) -> None:
    summer = OPEN.replace("2026-11-16T", "2026-07-16T").replace("2026-11-20", "2026-07-20")
    root = write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_MKDOCS.replace(
                "  - openwork", "  - openwork:\n      timezone: Europe/London"
            ),
            "docs/index.md": "# Home\n",
            "incidents/2026-07-16-payments.md": summer,
        },
    )
    built = mkdocs_build(root / "mkdocs.yml", root / "site")
    page = built.page("incidents/2026-07-16-payments/")
    # Written in UTC, shown in London summer time, with its offset.
    assert '<time datetime="2026-07-16T10:40:00+00:00">16 July 2026, 11:40 UTC+01:00</time>' in page
    assert "16 July 2026, 10:00 UTC+01:00" in page  # started, in the card
    assert "16 July 2026, 11:40 UTC+01:00" in built.page("")  # the banner's latest update


def test_a_data_file_that_fails_is_a_problem_and_the_rest_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openwork.render.status_outputs as outputs

    def broken(*args: object) -> str:
        raise ValueError("boom")

    monkeypatch.setattr(outputs, "calendar_ics", broken)
    root = make_site(tmp_path)
    built = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert any(
        w.startswith("openwork: calendar.ics:1: ") and "ValueError: boom" in w
        for w in built.warnings
    ), built.warnings
    assert not built.exists("calendar.ics")
    assert built.exists("incidents.csv") and built.exists("weeknotes/weeks/2026-w47/email.html")
    assert 'id="ow-banner"' in built.page("status/")


def test_an_open_incident_without_a_timeline_shows_when_it_started(tmp_path: Path) -> None:
    start = OPEN.index("timeline:")
    bare = OPEN[:start] + OPEN[OPEN.index("---\n", start) :]
    root = write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            "docs/index.md": "# Home\n",
            "incidents/2026-11-16-payments.md": bare,
        },
    )
    page = mkdocs_build(root / "mkdocs.yml", root / "site").page("")
    assert "Started <time" in page and "16 November 2026, 09:00 UTC" in page


def test_the_zensical_build_has_the_banner_and_the_status_files(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    assert main(["build", "--engine", "zensical", "-f", str(root / "mkdocs.yml")]) == 0
    site = root / "site"
    for rel in ("index.html", "about/index.html", "status/index.html", "404.html"):
        assert (site / rel).read_text("utf-8").count('id="ow-banner"') == 1, rel
    email = (site / "weeknotes/weeks/2026-w47/email.html").read_text("utf-8")
    assert "ow-banner" not in email and 'rel="alternate"' not in email
    assert (site / "incidents.csv").is_file() and (site / "assets/status.css").is_file()
    assert main(["publish", "-f", str(root / "mkdocs.yml"), str(site)]) == 0
    assert (site / "index.html").read_text("utf-8").count('id="ow-banner"') == 1  # not twice
