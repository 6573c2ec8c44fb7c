"""Front matter from other generators, dates in file names, titles from headings (#15)."""

from __future__ import annotations

from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from openwork.content.aliases import date_from_name, first_heading, map_aliases
from openwork.content.liquid import convert
from openwork.index.metrics import incident_metrics
from openwork.reporting import group_problems

from tests.reading import EXPERIMENT, INCIDENT, entry, md, read


def messages(result: object, path: str) -> list[str]:
    return [p.message for p in result.problems if p.path == path]  # type: ignore[attr-defined]


# --- the mapping on its own ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ({"published": "2024-01-02"}, {"date": "2024-01-02"}),
        ({"week_ending": "2022-11-18"}, {"date": "2022-11-18"}),
        ({"description": "Short."}, {"summary": "Short."}),
        ({"excerpt": "Short."}, {"summary": "Short."}),
        ({"description": "A", "excerpt": "B"}, {"summary": "A", "excerpt": "B"}),
        ({"author": "ada"}, {"authors": "ada"}),
        ({"lastmod": "2024-02-01"}, {"updated": "2024-02-01"}),
        ({"categories": "release notes"}, {"tags": ["release", "notes"]}),
        ({"tags": ["a"], "categories": ["B", "a"]}, {"tags": ["a", "B"]}),
        ({"published": False}, {"draft": True}),
        ({"published": False, "draft": False}, {"draft": True}),
        ({"published": True}, {}),
        ({"permalink": "/2024/x/"}, {"permalink": "/2024/x/"}),
    ],
)
def test_each_alias_becomes_its_openwork_field(written: dict, expected: dict) -> None:
    data, _, notes = map_aliases(written, "post")
    assert data == expected
    assert notes == []


def test_publishdate_is_both_the_date_and_an_embargo() -> None:
    data, _, _ = map_aliases({"publishDate": "2030-01-01"}, "post")
    assert data == {"date": "2030-01-01", "publish_after": "2030-01-01"}


def test_an_alias_beside_its_field_is_a_warning_and_the_field_wins() -> None:
    data, _, notes = map_aliases({"summary": "A", "description": "B"}, "post")
    assert data == {"summary": "A", "description": "B"}
    assert [n.field for n in notes] == ["description"]
    assert "both 'description' and 'summary'" in notes[0].message


def test_the_same_value_twice_is_not_a_warning() -> None:
    data, _, notes = map_aliases({"date": date(2024, 1, 2), "published": "2024-01-02"}, "p")
    assert notes == [] and "published" not in data


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("2022-11-18-team-notes", "2022-11-18"),
        ("2022-11-18", "2022-11-18"),
        ("2022-13-45-nope", None),
        ("notes-2022-11-18", None),
        ("20221118", None),
    ],
)
def test_a_date_in_the_file_name(stem: str, expected: str | None) -> None:
    assert date_from_name(stem) == expected


def test_first_heading_skips_code_and_reads_both_styles() -> None:
    assert first_heading("```\n# not this\n```\n\n## Search was down ##\n") == (
        "Search was down",
        4,
    )
    assert first_heading("Intro\n\nDatabase failover\n=================\n") == (
        "Database failover",
        2,
    )
    assert first_heading("No heading here.\n") is None


# --- template code ---------------------------------------------------------------------------


def test_liquid_hugo_and_kramdown_are_converted_outside_code() -> None:
    text = (
        'See [last week]({% post_url 2024-01-05-notes %}){:target="_blank"} and '
        '[the guide]({{< ref "guides/setup.md" >}}).\n'
        "![chart]({{ site.baseurl }}/assets/chart.png)\n"
        "`{% post_url kept %}`\n"
        "```\n{% include kept.html %}\n```\n"
        "{% include footer.html %}\n"
    )
    out, changes = convert(text)
    assert out.split("\n")[:4] == [
        "See [last week](2024-01-05-notes.md) and [the guide](setup.md).",
        "![chart](/assets/chart.png)",
        "`{% post_url kept %}`",
        "```",
    ]
    assert "{% include kept.html %}" in out
    assert "footer" not in out
    assert [c.needs_person for c in changes] == [False] * 4 + [True]
    assert len(out.split("\n")) == len(text.split("\n"))


# --- through the read stage ------------------------------------------------------------------


def test_a_jekyll_post_is_read_with_its_date_from_the_file_name(tmp_path: Path) -> None:
    fm = (
        "title: Notes\nteam: platform\nauthor: ada\ndescription: What we did.\n"
        "categories: [Weeknotes]\n"
    )
    body = 'Read [the last one]({% post_url 2022-11-11 %}){:target="_blank"}.\n'
    result = read(
        tmp_path,
        {
            "weeknotes/2022-11-18.md": md(fm, body),
            "weeknotes/2022-11-11.md": md("team: platform\nweek_ending: 2022-11-11\n"),
        },
    )
    item = entry(result, "weeknotes/2022-11-18")
    assert item.date.date() == date(2022, 11, 18)
    assert item.week == "2022-W46"
    assert [a.id for a in item.authors] == ["ada"]
    assert item.summary == "What we did."
    assert [t.name for t in item.tags] == ["weeknotes"]
    assert item.body.strip() == "Read [the last one](2022-11-11.md)."
    assert entry(result, "weeknotes/2022-11-11").week == "2022-W45"
    [warning] = messages(result, "weeknotes/2022-11-18.md")
    assert "template code from another site generator" in warning
    line = next(p.line for p in result.problems if p.path == "weeknotes/2022-11-18.md")
    assert line == 8


def test_published_false_keeps_a_post_out(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT + "published: false\n")})
    assert [e.id for e in result.entries] == []
    assert [e.id for e in result.hidden] == ["experiments/a"]


def test_an_incident_without_title_takes_its_first_heading(tmp_path: Path) -> None:
    fm = "\n".join(r for r in INCIDENT.splitlines() if not r.startswith("title:"))
    result = read(tmp_path, {"incidents/a.md": md(fm, "Intro.\n\n# Payments were slow\n")})
    assert entry(result, "incidents/a").title == "Payments were slow"
    [problem] = [p for p in result.problems if p.path == "incidents/a.md"]
    assert (problem.line, problem.level) == (10, "warning")
    assert "first heading, 'Payments were slow'" in problem.message


def test_an_incident_without_started_is_published_without_durations(tmp_path: Path) -> None:
    fm = "\n".join(r for r in INCIDENT.splitlines() if not r.startswith("started:"))
    fm += "\nstatus: resolved\nresolved: 2026-11-03 10:00\n"
    fm = fm.replace("status: investigating\n", "")
    result = read(tmp_path, {"incidents/a.md": md(fm)})
    item = entry(result, "incidents/a")
    assert item.durations() == {}
    [problem] = [p for p in result.problems if p.path == "incidents/a.md"]
    assert problem.level == "warning" and "timings not recorded" in problem.message


def test_an_incident_without_started_counts_by_date_but_not_in_durations(
    tmp_path: Path,
) -> None:
    timed = INCIDENT.replace("status: investigating", "status: resolved") + (
        "resolved: 2026-11-03 11:00\n"
    )
    untimed = "\n".join(r for r in timed.splitlines() if not r.startswith("started:"))
    untimed = untimed.replace("2026-11-03", "2026-12-04")
    result = read(tmp_path, {"incidents/a.md": md(timed), "incidents/b.md": md(untimed)})
    metrics = incident_metrics(result.entries, ["SEV1", "SEV2", "SEV3", "SEV4"], UTC)
    assert [(m.month.month, sum(m.counts)) for m in metrics.months] == [(11, 1), (12, 1)]
    assert [p.entry.id for p in metrics.resolve] == ["incidents/a"]
    assert metrics.median_resolve == timedelta(hours=2)


def test_an_archive_with_one_habit_gets_one_grouped_line(tmp_path: Path) -> None:
    body = 'See [the guide](https://x.example){:target="_blank"}.\n'
    files = {f"weeknotes/2022-11-{d}.md": md("team: web\n", body) for d in (11, 18, 25)}
    result = read(tmp_path, files)
    assert len(result.entries) == 3
    [line] = group_problems(result.problems)
    assert line.path == "weeknotes/2022-11-11.md" and line.line == 4
    assert line.message.startswith("template code from another site generator ({:...}) was")
    assert line.message.endswith(
        "(3 files: first weeknotes/2022-11-11.md, weeknotes/2022-11-18.md, weeknotes/2022-11-25.md)"
    )
    assert all("{:" not in e.excerpt for e in result.entries)


def test_a_bad_alias_value_is_reported_at_the_line_it_was_written(tmp_path: Path) -> None:
    fm = "team: web\ntitle: Notes\npublished: last Tuesday\n"
    result = read(tmp_path, {"weeknotes/notes.md": md(fm)})
    [problem] = [p for p in result.problems if p.level == "error"]
    assert (problem.path, problem.line) == ("weeknotes/notes.md", 4)
    assert "last Tuesday" in problem.message
