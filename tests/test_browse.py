"""Browse pages: indexes, pagination, digests, team and author pages, backlinks, entries.json."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import pytest
from openwork.content import read_content
from openwork.options import load_options

from tests.builder import MINIMAL_MKDOCS, Built, mkdocs_build, write_tree


def _example_entries(root: Path):
    options = load_options(
        {"timezone": "Europe/London", "tags": {"aliases": {"k8s": "kubernetes"}}}
    )
    return read_content(root, options, now=datetime.now(UTC))


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def _entry_titles(html: str) -> list[str]:
    return [
        unescape(t) for t in re.findall(r'class="ow-entry__title" href="[^"]+">([^<]+)</a>', html)
    ]


def test_every_week_has_a_digest_listing_exactly_its_notes(
    example_root: Path, example: Built
) -> None:
    result = _example_entries(example_root)
    weeks: dict[str, set[str]] = {}
    for entry in result.entries:
        if entry.week:
            weeks.setdefault(entry.week, set()).add(entry.title)
    assert len(weeks) >= 3
    for week, titles in weeks.items():
        html = example.page(f"weeknotes/weeks/{week.lower()}/")
        listed = {
            unescape(t)
            for t in re.findall(r'class="ow-digest__title"><a href="[^"]+">([^<]+)</a>', html)
        }
        assert listed == titles, week
    index = example.page("weeknotes/weeks/")
    for week in weeks:
        assert f"weeks/{week.lower()}/" in index or f"{week.lower()}/" in index


def test_incident_page_shows_computed_durations(example: Built) -> None:
    html = example.page("incidents/2026-10-28-address-lookup-outage/")
    assert "time to detect: 39 min" in html
    assert "time to mitigate: 2 h 48 min" in html
    assert "time to resolve: 16 h 23 min" in html  # across midnight
    assert "SEV1" in html and "Contributing factors" in html
    assert 'id="timeline"' in html and 'id="actions"' in html and 'id="amendments"' in html


def test_backlinks_appear_on_both_sides(example_root: Path, example: Built) -> None:
    result = _example_entries(example_root)
    by_id = {e.id: e for e in result.entries}
    pairs = [(e, by_id[r]) for e in result.entries for r in e.related if r in by_id]
    assert pairs, "the example content should relate entries"
    for source, target in pairs:
        source_html = example.page(source.url)
        target_html = example.page(target.url)
        related = source_html.split('id="related"', 1)[1]
        assert target.slug + "/" in related.split("</ul>", 1)[0], (source.id, target.id)
        backlinks = target_html.split('id="related"', 1)[1].split("</ul>", 1)[0]
        assert source.slug + "/" in backlinks, (source.id, target.id)  # one list, both ways
        listed = re.findall(r'class="ow-entry__title" href="([^"]+)"', backlinks)
        assert len(listed) == len(set(listed)), target.id  # an entry linked both ways: once


def test_entries_json_holds_every_published_entry_and_no_draft(
    example_root: Path, example: Built
) -> None:
    result = _example_entries(example_root)
    data = json.loads(example.read("entries.json"))
    ids = {e["id"] for e in data["entries"]}
    assert ids == {e.id for e in result.entries}
    assert data["count"] == len(result.entries)
    assert not ids & {e.id for e in result.hidden}
    outage = next(
        e for e in data["entries"] if e["id"] == "incidents/2026-10-28-address-lookup-outage"
    )
    assert outage["severity"] == "SEV1"
    assert outage["durations"]["time_to_resolve"]["text"] == "16 h 23 min"
    assert outage["url"].startswith("https://digital.northfield.example/incidents/")
    running = next(
        e for e in data["entries"] if e["id"] == "experiments/2026-09-address-lookup-cache"
    )
    assert running["status"] == "running" and running["review_overdue"] is True


def test_team_author_and_year_pages(example_root: Path, example: Built) -> None:
    result = _example_entries(example_root)
    platform = {e.title for e in result.entries if e.team == "platform"}
    html = example.page("teams/platform/")
    assert set(_entry_titles(html)) == platform
    amara = {e.title for e in result.entries if any(a.id == "amara" for a in e.authors)}
    assert set(_entry_titles(example.page("authors/amara/"))) == amara
    assert "Amara Okafor" in example.page("authors/amara/")
    incidents_2026 = {e.title for e in result.entries if e.kind == "incident" and e.year == 2026}
    assert set(_entry_titles(example.page("incidents/2026/"))) == incidents_2026
    assert "Data Science" in example.page("teams/")  # the name teams.yml declares


def test_home_dashboard(example: Built) -> None:
    html = example.page("")
    for heading in (
        "Latest weeknotes",
        "Running experiments",
        "Recent incidents",
        "Open incident actions",
    ):
        assert heading in html
    assert "Cache address lookups close to the forms" in html  # the running experiment
    dashboard = html.split("ow-dashboard", 1)[1]
    assert "ow-overdue" in dashboard  # an overdue action is flagged
    # title-only lists, not the compact tail of a long listing
    assert "ow-entry--compact" not in dashboard


def test_entry_card_and_prev_next(example: Built) -> None:
    html = example.page("weeknotes/2026-w45-platform/")
    assert "Platform team: week 45, 2026" in html
    assert "../weeks/2026-w45/" in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    experiment = example.page("experiments/2026-09-search-synonyms/")
    assert "ow-hypothesis" in experiment and "Zero-result searches" in experiment


def test_entries_are_kept_out_of_the_navigation(example: Built) -> None:
    html = example.page("about/")
    nav = html.split("md-nav--primary", 1)[1].split("</nav>", 1)[0]
    assert "2026-10-28-address-lookup-outage" not in nav
    assert "weeknotes/" in nav and "incidents/" in nav


def _weeknote(n: int) -> str:
    return f"""
    ---
    title: Note number {n}
    date: 2026-03-{n:02d}
    team: platform
    ---
    Body of note {n}.
    """


def test_pagination_appears_past_the_page_size(tiny: Path, tmp_path: Path) -> None:
    files = {f"weeknotes/note-{n}.md": _weeknote(n) for n in range(1, 6)}
    files["mkdocs.yml"] = MINIMAL_MKDOCS.replace(
        "  - openwork", "  - openwork:\n      pagination: 2"
    )
    write_tree(tiny, files)
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "out")
    first = built.page("weeknotes/")
    assert _entry_titles(first) == ["Note number 5", "Note number 4"]
    assert "Page 1 of 3" in first and 'rel="next"' in first
    assert _entry_titles(built.page("weeknotes/page/2/")) == ["Note number 3", "Note number 2"]
    assert _entry_titles(built.page("weeknotes/page/3/")) == ["Note number 1"]
    assert not built.exists("weeknotes/page/4/index.html")
    assert not built.warnings
    # Team, author, tag and year pages list everything on one page: the newest `pagination`
    # entries with excerpts, the rest as a compact list of titles.
    for url in ("teams/platform/", "weeknotes/2026/"):
        page = built.page(url)
        assert _entry_titles(page) == [f"Note number {n}" for n in range(5, 0, -1)], url
        assert "Body of note 5." in page and "Body of note 4." in page
        assert "Body of note 3." not in page and "Body of note 1." not in page
        assert page.count("ow-entry--compact") == 3


def test_no_pagination_at_or_under_the_page_size(tiny: Path, tmp_path: Path) -> None:
    write_tree(tiny, {f"weeknotes/note-{n}.md": _weeknote(n) for n in range(1, 3)})
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "out")
    assert "ow-pager" not in built.page("weeknotes/")
    assert not built.exists("weeknotes/page/2/index.html")


HOSTILE = '<script>alert("x")</script> & [link](javascript:alert(1))'


@pytest.mark.parametrize("field", ["title", "summary", "team"])
def test_front_matter_values_are_escaped_everywhere(tiny: Path, tmp_path: Path, field: str) -> None:
    values = {"title": "Safe title", "summary": "Safe summary", "team": "platform"}
    values[field] = HOSTILE
    write_tree(
        tiny,
        {
            "weeknotes/x.md": f"""
            ---
            title: {json.dumps(values["title"])}
            summary: {json.dumps(values["summary"])}
            team: {json.dumps(values["team"])}
            date: 2026-03-02
            ---
            Hello.
            """
        },
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "out")
    text = built.all_text()
    assert "<script>alert" not in text
    assert 'href="javascript:' not in text
    assert (
        json.loads(built.read("entries.json"))["entries"][0][
            field if field != "summary" else "summary"
        ]
        == HOSTILE
    )


def test_a_theme_custom_dir_overrides_a_template(tiny: Path, tmp_path: Path) -> None:
    config = MINIMAL_MKDOCS.replace("  name: material", "  name: material\n  custom_dir: overrides")
    write_tree(
        tiny,
        {
            "mkdocs.yml": config,
            "overrides/openwork/weeknote_index.md": """
            {% extends "collection.md" %}
            {% block intro %}<p class="custom-intro">Our own words.</p>{% endblock %}
            """,
            "weeknotes/a.md": _weeknote(1),
        },
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "out")
    html = built.page("weeknotes/")
    assert "Our own words." in html
    assert "Note number 1" in html


def test_without_a_nav_the_collections_are_listed_and_entries_are_not(
    tiny: Path, tmp_path: Path
) -> None:
    write_tree(tiny, {f"weeknotes/note-{n}.md": _weeknote(n) for n in range(1, 4)})
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "out")
    nav_links = re.findall(r'<a href="([^"]+)" class="md-nav__link', built.page(""))
    assert "weeknotes/" in nav_links
    assert not [link for link in nav_links if "note-" in link]
    assert not built.warnings


def test_serve_previews_drafts_and_embargoes_marked_and_build_leaves_them_out(
    tiny: Path, tmp_path: Path
) -> None:
    write_tree(
        tiny,
        {
            "weeknotes/live.md": _weeknote(1),
            "weeknotes/draft.md": _weeknote(2).replace(
                "team: platform", "team: platform\n    draft: true"
            ),
            "weeknotes/later.md": _weeknote(3).replace(
                "team: platform", "team: platform\n    publish_after: 2999-01-01T09:00:00Z"
            ),
        },
    )
    served = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "serve", command="serve")
    assert "Preview only." in served.page("weeknotes/draft/")
    assert "This is a draft" in served.page("weeknotes/draft/")
    assert "embargoed until" in served.page("weeknotes/later/")
    assert "Preview only." not in served.page("weeknotes/live/")
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "build")
    assert not built.exists("weeknotes/draft/index.html")
    assert "Note number 2" not in built.all_text() and "Note number 3" not in built.all_text()
