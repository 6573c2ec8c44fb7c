"""Reading an entry and a week: links both ways once, reading time, a week's dates and its
neighbours, search text in words, and the tag line left to Material's chips."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from openwork.render.reading import reading_minutes, spaced, week_dates, week_range

from tests.builder import MINIMAL_MKDOCS, Built, mkdocs_build, write_tree
from tests.reading import EXPERIMENT, INCIDENT, md

WORDS = " ".join(["word"] * 390)
SITE = {
    "mkdocs.yml": MINIMAL_MKDOCS.replace("  - openwork", "  - search\n  - openwork"),
    "docs/index.md": "# Home\n",
    "weeknotes/2026-W44-platform.md": md("date: 2026-10-30\nteam: platform\ntags: [forms]"),
    "weeknotes/2026-W45-platform.md": md(
        "date: 2026-11-06\nteam: platform\nrelated: [experiments/forms]\ntags: [forms]",
        f"Opening paragraph.\n\n{WORDS}\n",
    ),
    "weeknotes/2026-W45-platform-extra.md": md("date: 2026-11-07\nteam: platform\ntitle: More"),
    "weeknotes/2026-W45-data.md": md("date: 2026-11-06\nteam: data"),
    "weeknotes/2026-W53-data.md": md("date: 2026-12-31\nteam: data"),
    "experiments/forms.md": md(EXPERIMENT + "related: [weeknotes/2026-W45-platform]"),
    "incidents/search.md": md(
        INCIDENT + "actions:\n  - {action: Fix it, owner: platform, due: 2026-11-20, status: open}"
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = write_tree(tmp_path_factory.mktemp("reader") / "src", SITE)
    return mkdocs_build(root / "mkdocs.yml", root.parent / "site")


def _titles_under(html: str, heading_id: str) -> list[str]:
    section = html.split(f'id="{heading_id}"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'class="ow-entry__title" href="([^"]+)"', section)


def test_entries_related_both_ways_are_listed_once(built: Built) -> None:
    weeknote = built.page("weeknotes/2026-w45-platform/")
    experiment = built.page("experiments/forms/")
    assert _titles_under(weeknote, "related") == ["../../experiments/forms/"]
    assert _titles_under(experiment, "related") == ["../../weeknotes/2026-w45-platform/"]
    assert 'id="referenced-by"' not in weeknote + experiment


def test_weeknotes_and_experiments_show_a_reading_time(built: Built) -> None:
    long_note = built.page("weeknotes/2026-w45-platform/")
    assert re.search(r'data-measure="reading-time">2 min<', long_note)
    assert 'data-measure="reading-time">1 min<' in built.page("experiments/forms/")
    assert "reading-time" not in built.page("incidents/search/")


def test_a_week_says_its_dates_and_links_its_neighbours(built: Built) -> None:
    week = built.page("weeknotes/weeks/2026-w45/")
    assert '<time datetime="2026-W45">Monday 2 to Sunday 8 November 2026</time>' in week
    nav = week.split('aria-label="Other weeks"', 1)[1].split("</nav>", 1)[0]
    assert 'rel="prev" href="../2026-w44/"' in nav
    assert 'rel="next" href="../2026-w53/"' in nav  # the next week that has notes
    assert "Monday 26 October to Sunday 1 November 2026" in nav
    last = built.page("weeknotes/weeks/2026-w53/")
    assert "Monday 28 December 2026 to Sunday 3 January 2027" in last
    assert 'rel="next"' not in last


def test_the_weeks_list_shows_ranges_and_each_team_once(built: Built) -> None:
    weeks = built.page("weeknotes/weeks/")
    row = next(li for li in re.findall(r"<li>.*?</li>", weeks) if "Week 45, 2026" in li)
    assert "2–8 Nov 2026" in row
    text = unescape(re.sub(r"<[^>]+>", "", row))
    assert text.count("Platform") == 1 and text.count("Data") == 1, text
    assert "(3 notes: " in text


def test_search_text_keeps_cells_and_facts_apart(built: Built) -> None:
    docs = json.loads(built.read("search/search_index.json"))["docs"]
    text = " ".join(d["text"] for d in docs if d["location"].startswith("incidents/search/"))
    assert "Action Owner Due Status" in text
    assert "ActionOwner" not in text and "Published2" not in text
    assert re.search(r"Published \d", text)


def test_the_tag_line_is_there_for_other_themes(built: Built) -> None:
    page = built.page("weeknotes/2026-w45-platform/")
    assert '<p class="ow-tags">' in page and 'class="md-tags"' in page


@pytest.mark.parametrize(
    ("week", "words", "short"),
    [
        ("2026-W46", "Monday 9 to Sunday 15 November 2026", "9–15 Nov 2026"),
        ("2026-W44", "Monday 26 October to Sunday 1 November 2026", "26 Oct – 1 Nov 2026"),
        (
            "2026-W53",
            "Monday 28 December 2026 to Sunday 3 January 2027",
            "28 Dec 2026 – 3 Jan 2027",
        ),
    ],
)
def test_week_dates_in_words(week: str, words: str, short: str) -> None:
    assert week_dates(week) == words
    assert week_range(week) == short


def test_reading_minutes_count_words_not_markup() -> None:
    assert reading_minutes("") == 1
    link = "[a](https://example.org/a/very/long/path/with/many/segments) "
    assert reading_minutes(link * 600) == 3  # 600 words, the addresses not counted
    assert reading_minutes("<!-- " + "hidden " * 1000 + "-->" + " shown" * 400) == 2


def test_spaced_separates_cells_but_not_inline_text() -> None:
    assert spaced("<td>a</td><td>b</td>") == "<td>a</td> <td>b</td>"
    assert spaced("<b>a</b><i>b</i>") == "<b>a</b><i>b</i>"


def test_reader_site_has_no_warnings(built: Built) -> None:
    assert built.warnings == []
