"""A full MkDocs build of a site seeded with many hostile entries completes and writes valid
feeds, and the log holds problem lines, never a traceback."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
from openwork.content.text import FORBIDDEN

from tests.builder import MINIMAL_MKDOCS, mkdocs_build, write_tree
from tests.hostile import hostile_files

FEEDS = ["feed.xml", "atom.xml", "feed.json"]


def test_a_site_of_hostile_entries_builds_with_every_feed(tmp_path: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yml": MINIMAL_MKDOCS, "docs/index.md": "# Home\n"})
    for rel, text in hostile_files(20).items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    built = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")

    for warning in built.warnings:
        assert "Traceback" not in warning and "could not" not in warning, warning
        assert "\n" not in warning, warning
    problems = [w for w in built.warnings if w.startswith("openwork: ")]
    assert len(problems) > 60  # the hostile files were read and reported, not skipped

    site = built.site_dir
    for base in ["", "weeknotes/", "experiments/", "incidents/"]:
        for name in FEEDS:
            assert (site / base / name).is_file(), base + name
    published = json.loads(built.read("entries.json"))
    entries = published["entries"] if isinstance(published, dict) else published
    assert len(entries) >= 10  # hostile values in valid front matter reach the pages
    for path in sorted(site.rglob("*")):
        if path.suffix not in {".xml", ".json", ".opml", ".html"}:
            continue
        text = path.read_text(encoding="utf-8")
        assert FORBIDDEN.search(text) is None, path
        if path.suffix in {".xml", ".opml"}:
            ET.fromstring(text.encode())  # well-formed
        if path.name in {"feed.xml", "atom.xml"}:
            assert not feedparser.parse(text).bozo, path
        if path.suffix == ".json":
            json.loads(text)


def test_fields_of_another_kind_are_extras_not_its_data(tmp_path: Path) -> None:
    weeknote = (
        "---\ndate: 2026-11-20\nteam: platform\nactions: true\ntimeline: [x]\n"
        "metrics: 3.5\nstatus: 7\n---\nText.\n"
    )
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            "docs/index.md": "# Home\n",
            "weeknotes/2026-W47-platform.md": weeknote,
        },
    )
    built = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert built.exists("weeknotes/2026-w47-platform/index.html")
    assert not [w for w in built.warnings if "could not" in w]
