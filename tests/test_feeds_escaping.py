"""Values and bodies that look like markup, through every feed format of a real build."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser
import pytest

from tests.builder import Built, mkdocs_build, write_tree

SUMMARY = "We replaced <div> soup & <img src=x onerror=alert(1)> tags"
TEAM = "Ops <i>&</i> co"
ATTACK_BODY = """
Text before.

<iframe src="https://evil.example/"></iframe>
<form action="https://evil.example/"><input name="pw"></form>
<a href="javascript:alert(1)">click</a>
<img src="pic.png" onerror="alert(1)">
<style>body { display: none }</style>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<script>alert(1)</script>

| Column |
|-------:|
| 1      |

Text after.
"""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def start_tags(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("escaping")
    write_tree(
        root,
        {
            "mkdocs.yml": """
                site_name: Tiny
                site_url: https://tiny.example/
                theme:
                  name: material
                markdown_extensions:
                  - tables
                plugins:
                  - openwork
                """,
            "docs/index.md": "# Home\n",
            "weeknotes/2026-W10-ops.md": f"""
                ---
                title: Markup <b>in</b> a title
                date: 2026-03-06T12:00:00+00:00
                team: "{TEAM}"
                tags: [soup]
                summary: "{SUMMARY}"
                ---
                {ATTACK_BODY.replace(chr(10), chr(10) + " " * 16)}
                """,
        },
    )
    return mkdocs_build(root / "mkdocs.yml", root / "site")


def _team_folder(built: Built) -> str:
    found = sorted(p.parent for p in built.site_dir.glob("teams/*/feed.xml"))
    assert len(found) == 1
    return found[0].relative_to(built.site_dir).as_posix()


def test_rss_descriptions_are_text_not_markup(built: Built) -> None:
    for folder in ("", "weeknotes", _team_folder(built), "tags/soup"):
        rel = f"{folder}/feed.xml" if folder else "feed.xml"
        root = ET.fromstring(built.read(rel))
        item = root.find("channel/item")
        assert item is not None
        description = item.findtext("description") or ""
        # The reader sees the words, and the HTML it renders has no element in it.
        assert start_tags(description) == []
        assert "&lt;div&gt; soup" in description and "&lt;img src=x" in description
        channel = root.findtext("channel/description") or ""
        assert start_tags(channel) == []
        parsed = feedparser.parse((built.site_dir / rel).read_bytes())
        assert not parsed.bozo
        assert "We replaced &lt;div&gt; soup" in parsed.entries[0].summary
        assert "<img" not in parsed.entries[0].summary


def test_team_feed_channel_keeps_the_team_name_as_text(built: Built) -> None:
    root = ET.fromstring(built.read(f"{_team_folder(built)}/feed.xml"))
    channel = root.findtext("channel/description") or ""
    assert "Ops &lt;i&gt;&amp;&lt;/i&gt; co" in channel
    atom = ET.fromstring(built.read(f"{_team_folder(built)}/atom.xml"))
    subtitle = atom.findtext("{http://www.w3.org/2005/Atom}subtitle") or ""
    assert TEAM in subtitle  # Atom text constructs are plain text: no second escape


def test_atom_and_json_carry_the_summary_as_plain_text(built: Built) -> None:
    atom = feedparser.parse(built.read("atom.xml"))
    assert atom.entries[0].summary_detail.type == "text/plain"
    assert atom.entries[0].summary == SUMMARY
    data = json.loads(built.read("feed.json"))
    assert data["items"][0]["summary"] == SUMMARY
    assert data["items"][0]["title"] == "Markup <b>in</b> a title"


@pytest.mark.parametrize("rel", ["feed.xml", "atom.xml", "feed.json"])
def test_no_attack_in_the_body_survives_in_any_format(built: Built, rel: str) -> None:
    if rel.endswith(".json"):
        content = json.loads(built.read(rel))["items"][0]["content_html"]
    else:
        parsed = feedparser.parse(built.read(rel))
        assert not parsed.bozo
        root = ET.fromstring(built.read(rel))
        encoded = root.find(".//{http://purl.org/rss/1.0/modules/content/}encoded")
        atom = root.find(".//{http://www.w3.org/2005/Atom}content")
        content = (encoded if encoded is not None else atom).text or ""
    tags = start_tags(content)
    for banned in ("iframe", "form", "input", "style", "meta", "base", "script"):
        assert banned not in tags, banned
    lowered = content.lower()
    for banned in ("javascript:", "onerror", "evil.example", "display: none", "alert(1)"):
        assert banned not in lowered, banned
    assert "Text before." in content and "Text after." in content
    assert "<a>click</a>" in content
    assert 'src="https://tiny.example/weeknotes/2026-w10-ops/pic.png"' in content
    assert "table" in tags and 'style="text-align:right"' in content
