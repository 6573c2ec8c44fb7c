"""The header card's facts as feed HTML: escaped, and right for each kind."""

from __future__ import annotations

from pathlib import Path

from openwork.content import read_content
from openwork.feeds.facts import facts_html
from openwork.options import Options

from tests.builder import write_tree

INCIDENT = """\
---
title: Outage
date: 2026-03-04
severity: SEV1
status: monitoring
started: 2026-03-03T23:30:00+00:00
mitigated: 2026-03-04T00:45:00+00:00
services: ["<b>API</b>", "Forms & payments"]
impact: "<script>alert(1)</script> residents could not pay"
actions:
  - {action: Fix it, status: done}
  - {action: Watch it, status: done}
amendments:
  - {date: 2026-03-05, note: "First <i>correction</i>"}
  - {date: 2026-03-07, note: Second correction}
---
Body.
"""


def _entry(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    write_tree(tmp_path, files)
    result = read_content(tmp_path, Options())
    assert [p for p in result.problems if p.level == "error"] == []
    (entry,) = result.entries
    return entry


def test_incident_facts_are_escaped_and_complete(tmp_path: Path) -> None:
    html = facts_html(_entry(tmp_path, {"incidents/outage.md": INCIDENT}))
    assert "<script>" not in html and "<b>API</b>" not in html and "<i>" not in html
    assert "Impact: &lt;script&gt;alert(1)&lt;/script&gt; residents could not pay" in html
    assert "Services: &lt;b&gt;API&lt;/b&gt;, Forms &amp; payments" in html
    assert "<strong>SEV1 incident, monitoring.</strong>" in html
    assert "Time to mitigate 1 h 15 min" in html  # across midnight; no detect time given
    assert "2 follow-up actions, all done" in html
    # newest amendment first
    assert html.index("7 March 2026") < html.index("5 March 2026")
    assert "First &lt;i&gt;correction&lt;/i&gt;" in html
    assert html.endswith("<hr />\n")


def test_a_weeknote_without_amendments_has_no_facts(tmp_path: Path) -> None:
    note = "---\nteam: platform\ndate: 2026-03-06\n---\nBody.\n"
    assert facts_html(_entry(tmp_path, {"weeknotes/2026-W10-platform.md": note})) == ""


def test_a_concluded_experiment_names_its_outcome(tmp_path: Path) -> None:
    exp = (
        "---\ntitle: Forms\ndate: 2026-01-05\nstatus: concluded\noutcome: invalidated\n"
        "started: 2026-01-05\nended: 2026-02-20\n"
        "hypothesis: We believe 'short' forms will result in more completions.\n---\nBody.\n"
    )
    html = facts_html(_entry(tmp_path, {"experiments/forms.md": exp}))
    assert "<strong>Experiment, concluded: invalidated</strong>" in html
    assert "(started 5 January 2026, ended 20 February 2026)" in html
    # Quotes are escaped as entities (the one Renderer's autoescape): the same text to a reader.
    assert "We believe &#39;short&#39; forms" in html
