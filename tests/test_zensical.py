"""The example site built by Zensical (`openwork build --engine zensical`) against MkDocs'."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from openwork.cli import main

from tests.browsing import home_to_incident_and_team, serving
from tests.builder import REPO, Built, copy_example

ENGINE_ONLY = ("search/", "search.json", "sitemap.xml", "sitemap.xml.gz", "404.html")
CANARY = re.compile(rb"leak-canary[\w-]*", re.IGNORECASE)
BANNER = re.compile(r'<div id="ow-banner".*?</p>', re.S)
ALTERNATE = re.compile(r'<link rel="alternate" type="[^"]+" title="[^"]*" href="([^"]+)">')


@pytest.fixture(scope="session")
def zensical_example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    # The same source as the `example` fixture's MkDocs build, hidden canaries included.
    root = copy_example(tmp_path_factory.mktemp("zensical"), hidden=True)
    assert main(["build", "--engine", "zensical", "-f", str(root / "mkdocs.yml")]) == 0
    return Built(root / "site")


def published(site: Path) -> set[str]:
    """Every page, feed and data file, without what each engine adds for itself."""
    out = set()
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith(("assets/", *ENGINE_ONLY)):
            out.add(rel)
    return out


def test_zensical_build_has_every_page_and_feed_of_the_mkdocs_build(
    example: Built, zensical_example: Built
) -> None:
    mkdocs, zensical = published(example.site_dir), published(zensical_example.site_dir)
    assert mkdocs == zensical
    assert "incidents/2026-10-28-address-lookup-outage/index.html" in zensical
    assert {"feed.xml", "atom.xml", "feed.json", "feeds.opml", "entries.json"} <= zensical
    assert zensical_example.exists("assets/openwork.css")


def test_both_builds_feeds_carry_the_same_items(example: Built, zensical_example: Built) -> None:
    feeds = sorted(p for p in published(example.site_dir) if p.endswith(("feed.xml", "atom.xml")))
    assert len(feeds) > 10
    for rel in feeds:
        ours = feedparser.parse(zensical_example.read(rel))
        theirs = feedparser.parse(example.read(rel))
        assert not ours.bozo, (rel, ours.get("bozo_exception"))
        assert [e.id for e in ours.entries] == [e.id for e in theirs.entries], rel
        for mine, other in zip(ours.entries, theirs.entries, strict=True):
            # The item HTML: rendered by openwork's Python-Markdown, and by MkDocs.
            assert mine.content[0].value == other.content[0].value, (rel, mine.id)
    # Not only the same items: the same bytes, JSON Feed and OPML included.
    for rel in ("feed.json", "feeds.opml", "entries.json", "incidents/feed.json"):
        assert zensical_example.read(rel) == example.read(rel), rel


def test_every_page_has_the_same_feed_links_and_banner_in_both_builds(
    example: Built, zensical_example: Built
) -> None:
    pages = sorted(p for p in published(example.site_dir) if p.endswith(".html"))
    linked = 0
    for rel in pages:
        ours, theirs = (
            ALTERNATE.findall(zensical_example.read(rel)),
            ALTERNATE.findall(example.read(rel)),
        )
        assert ours == theirs, rel
        linked += bool(ours)
        # The example has an open incident: its banner, with the same links, on every page.
        banner = BANNER.findall(zensical_example.read(rel))
        assert banner == BANNER.findall(example.read(rel)), rel
    assert linked > 50
    assert BANNER.findall(zensical_example.read("404.html")) == BANNER.findall(
        example.read("404.html")
    )
    assert len(BANNER.findall(zensical_example.read("index.html"))) == 1


def test_entry_page_has_its_card_body_footer_and_feed_links(zensical_example: Built) -> None:
    page = zensical_example.page("incidents/2026-10-28-address-lookup-outage/")
    assert 'class="ow-card ow-card--incident"' in page
    assert '<h2 id="what-happened">What happened' in page  # the body, as Markdown rendered
    assert 'rel="alternate" type="application/rss+xml"' in page
    card, body = page.index('class="ow-card'), page.index('<h2 id="what-happened"')
    assert card < body < page.index('<nav class="ow-prevnext')
    # A weeknote's link to an incident's source file points at the incident's page.
    note = zensical_example.page("weeknotes/2026-w44-platform/")
    assert 'href="../../incidents/2026-10-28-address-lookup-outage/"' in note
    home = zensical_example.page("")
    assert '<div class="ow-dashboard">' in home


def test_generated_pages_are_marked_and_docs_copies_are_not(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    assert main(["generate", "-f", str(root / "mkdocs.yml")]) == 0
    docs = root / ".openwork" / "build" / "docs"
    copied = {p.relative_to(root / "docs") for p in (root / "docs").rglob("*.md")}
    for page in docs.rglob("*.md"):
        marked = page.read_text(encoding="utf-8").startswith("---\nopenwork_generated: true\n")
        assert marked is (page.relative_to(docs) not in copied), page
    nav = (root / ".openwork" / "build" / "nav.yml").read_text(encoding="utf-8")
    assert "- Weeknotes: weeknotes/index.md" in nav


def test_generate_rewrites_its_folder_and_drops_pages_whose_source_went(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    config = str(root / "mkdocs.yml")
    assert main(["generate", "-f", config]) == 0
    page = root / ".openwork/build/docs/incidents/2026-10-28-address-lookup-outage.md"
    assert page.is_file()
    (root / "incidents/2026-10-28-address-lookup-outage.md").unlink()
    assert main(["generate", "-f", config]) == 0
    assert not page.exists()


def test_generate_will_not_remove_a_folder_it_did_not_make(tmp_path: Path, capsys) -> None:
    root = copy_example(tmp_path)
    mine = root / "notes"
    mine.mkdir()
    (mine / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["generate", "-f", str(root / "mkdocs.yml"), "--into", str(mine)]) == 2
    assert "was not made by openwork generate" in capsys.readouterr().err
    assert (mine / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert main(["generate", "-f", str(root / "mkdocs.yml"), "--into", str(root / "docs")]) == 2


def test_publish_writes_feeds_into_a_site_folder(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    site = tmp_path / "built"
    (site / "weeknotes").mkdir(parents=True)
    (site / "weeknotes/index.html").write_text("<html><head></head></html>", encoding="utf-8")
    assert main(["publish", "-f", str(root / "mkdocs.yml"), str(site)]) == 0
    assert not feedparser.parse((site / "weeknotes/feed.xml").read_bytes()).bozo
    assert json.loads((site / "entries.json").read_text(encoding="utf-8"))["count"] > 10
    head = (site / "weeknotes/index.html").read_text(encoding="utf-8")
    assert head.count('rel="alternate"') == 6  # the site's feeds and the weeknotes' feeds
    assert main(["publish", "-f", str(root / "mkdocs.yml"), str(site)]) == 0
    assert (site / "weeknotes/index.html").read_text(encoding="utf-8") == head  # not twice


def test_no_canary_reaches_the_zensical_site_or_its_build_folder(tmp_path: Path) -> None:
    # The leak test's site (tests/test_leaks.py), built by Zensical instead.
    root = tmp_path / "src"
    shutil.copytree(REPO / "tests" / "fixtures" / "leak-site", root)
    assert main(["build", "--engine", "zensical", "-f", str(root / "mkdocs.yml")]) == 0
    everything = b""
    for folder in (root / "site", root / ".openwork" / "build"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            found = CANARY.findall(data) + CANARY.findall(path.name.encode())
            assert not found, f"{path.relative_to(root)} leaks {sorted(set(found))[:5]}"
            everything += data
    for public in ["docs", "weeknote", "unclosed", "experiment", "incident"]:
        assert f"PUBLIC-OK-{public}".encode() in everything, public


def test_reader_clicks_through_the_zensical_site(zensical_example: Built, browser) -> None:
    # The journey of test_browser.py's first test, on the site Zensical built.
    with serving(zensical_example.site_dir) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        home_to_incident_and_team(page, url)
        page.close()
