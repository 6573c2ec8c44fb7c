"""Feeds with no items claim no made-up date, and every feed a page links is written."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import feedparser
import pytest

from tests.builder import MINIMAL_MKDOCS, Built, mkdocs_build, write_tree

REJECTED = "---\ntitle: No fields\n---\nText\n"  # an incident without its required fields
WEEKNOTE = "---\ntitle: A quiet week\nteam: platform\ndate: 2026-03-06\n---\nWe shipped.\n"


def _build(root: Path, files: dict[str, str]) -> Built:
    write_tree(root, {"mkdocs.yml": MINIMAL_MKDOCS, "docs/index.md": "# Home\n", **files})
    return mkdocs_build(root / "mkdocs.yml", root / "site")


def _feed_files(built: Built) -> list[Path]:
    names = {"feed.xml", "atom.xml", "feed.json"}
    return sorted(p for p in built.site_dir.rglob("*") if p.name in names)


def _linked_feeds(built: Built) -> set[str]:
    """Every feed file a page, the /feeds/ page or the OPML list points at."""
    found: set[str] = set()
    pattern = re.compile(r"https://tiny\.example/([\w/.-]*(?:feed\.xml|atom\.xml|feed\.json))")
    relative = re.compile(r'href="([\w/.-]*(?:feed\.xml|atom\.xml|feed\.json))"')
    for path in built.site_dir.rglob("*"):
        if path.suffix in {".html", ".opml"}:
            text = path.read_text(encoding="utf-8")
            found.update(pattern.findall(text))
            page_dir = path.parent.relative_to(built.site_dir)
            for href in relative.findall(text):
                found.add(posixpath.normpath(posixpath.join(page_dir.as_posix(), href)))
    return {f.lstrip("/") for f in found}


@pytest.mark.parametrize(
    "files",
    [{"incidents/2026-03-01-db.md": REJECTED}, {}],
    ids=["every-entry-rejected", "no-content-files"],
)
def test_a_site_that_published_nothing_has_undated_feeds_and_no_atom(
    tmp_path: Path, files: dict[str, str]
) -> None:
    built = _build(tmp_path, files)
    feeds = _feed_files(built)
    assert built.exists("feed.xml") and built.exists("feed.json")
    for path in feeds:
        text = path.read_text(encoding="utf-8")
        assert "1970" not in text, path
        if path.suffix == ".json":
            assert json.loads(text)["items"] == []
            continue
        parsed = feedparser.parse(text)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries == []
    assert "<lastBuildDate>" not in built.read("feed.xml")
    # Atom requires a date the site does not have: no Atom file, and nothing links one.
    assert not any(p.name == "atom.xml" for p in feeds)
    linked = _linked_feeds(built)
    assert "feed.xml" in linked
    assert not any(name.endswith("atom.xml") for name in linked)
    for name in linked:
        assert built.exists(name), f"{name} is linked but was not written"
    if files:
        said = [w for w in built.warnings if "nothing was published" in w]
        assert said and "no Atom feed is written" in said[0]


def test_an_empty_feed_of_a_site_with_entries_takes_the_sites_newest_change(
    tmp_path: Path,
) -> None:
    built = _build(tmp_path, {"weeknotes/2026-03-06-quiet.md": WEEKNOTE})
    experiments = feedparser.parse(built.read("experiments/atom.xml"))
    assert not experiments.bozo and experiments.entries == []
    weeknotes = feedparser.parse(built.read("weeknotes/atom.xml"))
    assert experiments.feed.updated == weeknotes.feed.updated
    assert experiments.feed.updated.startswith("2026-03-06")
    assert "<lastBuildDate>" not in built.read("experiments/feed.xml")
    assert "<lastBuildDate>" in built.read("weeknotes/feed.xml")
    assert "1970" not in built.all_text()
    for name in _linked_feeds(built):
        assert built.exists(name), f"{name} is linked but was not written"
