"""What a reader sees around an entry in Chromium: where they are, what they can subscribe to."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from lxml import html as lxml_html

from tests.browsing import serving
from tests.builder import MINIMAL_MKDOCS, Built, mkdocs_build, write_tree
from tests.reading import md


@pytest.mark.parametrize(
    ("url", "tab"),
    [
        ("weeknotes/2026-w45-platform/", "Weeknotes"),
        ("incidents/2026-10-28-address-lookup-outage/", "Incidents"),
        ("experiments/2026-09-address-lookup-cache/", "Experiments"),
        ("weeknotes/weeks/2026-w45/", "Weeknotes"),
        ("tags/hosting/", "Tags"),
        ("teams/platform/", "Teams"),
        ("authors/tomasz/", "Teams"),
        ("about/", "About"),
    ],
)
def test_the_section_tab_is_highlighted(example: Built, url: str, tab: str) -> None:
    html = example.page(url)
    tabs = html.split('class="md-tabs__list"', 1)[1].split("</ul>", 1)[0]
    active = [chunk for chunk in tabs.split("<li")[1:] if "md-tabs__item--active" in chunk]
    assert len(active) == 1, url
    assert " ".join(re.sub(r"<[^>]+>", " ", "<li" + active[0]).split()) == tab, url


def test_a_reader_on_an_entry_sees_its_tab_highlighted(served: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + "incidents/2026-10-28-address-lookup-outage/")
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1
    assert active.inner_text().strip() == "Incidents"
    page.close()


def test_feed_links_cost_no_stray_sitemap_requests(served: str, browser) -> None:
    """Material fetches sitemap.xml beside every `rel=alternate` link; feed links are exempt."""
    page = browser.new_page()
    page.route("https://digital.northfield.example/**", lambda route: route.abort())
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for url in ("", "weeknotes/2026-w45-platform/", "teams/platform/", "tags/hosting/"):
        page.goto(served + url)
        page.wait_for_load_state("networkidle")
        assert page.locator("head link[rel=alternate][type]").count() >= 3  # still discoverable
    page.close()
    stray = [u for u in requested if u.endswith("sitemap.xml") and u != served + "sitemap.xml"]
    assert stray == []
    assert failed == []


def test_home_and_collection_indexes_offer_their_feeds(example: Built) -> None:
    for url, feed in (("", "feed.xml"), ("weeknotes/", "feed.xml"), ("incidents/", "atom.xml")):
        doc = lxml_html.fromstring(example.page(url))
        links = doc.xpath("//article//p[contains(@class,'ow-feed-links')]//a/@href")
        assert feed in links, url  # visible in the page, beside the <head> autodiscovery


def test_feeds_name_the_stylesheet_and_still_parse(example: Built) -> None:
    for rel, href in (("feed.xml", "feed.xsl"), ("weeknotes/atom.xml", "../feed.xsl")):
        text = example.read(rel)
        assert f'<?xml-stylesheet type="text/xsl" href="{href}"?>' in text.split("\n", 2)[1]
        parsed = feedparser.parse(text)
        assert not parsed.bozo and parsed.entries, rel
    assert example.exists("feed.xsl")


@pytest.mark.parametrize("feed", ["weeknotes/feed.xml", "incidents/atom.xml"])
def test_a_feed_opened_in_a_browser_reads_as_a_page(served: str, browser, feed: str) -> None:
    page = browser.new_page()
    page.goto(served + feed)
    assert "This is a web feed" in page.locator("h2").first.inner_text()
    assert page.locator("h1").inner_text().startswith("Northfield Council Digital: ")
    assert page.locator("html").get_attribute("lang") == "en"
    address = page.locator("#ow-feed-address").input_value()
    assert address == "https://digital.northfield.example/" + feed
    items = page.locator(".ow-feed-item h3 a")
    assert items.count() >= 3
    assert items.first.get_attribute("href").startswith("https://digital.northfield.example/")
    page.close()


def test_entry_pages_carry_open_graph_meta_escaped(tmp_path: Path) -> None:
    title = 'Fix "quotes" & <script>alert(1)</script> in titles'
    config = MINIMAL_MKDOCS + "extra:\n  social_image: assets/card.png\n"
    front = f"title: '{title}'\ndate: 2026-11-02\nupdated: 2026-11-04\nstatus: proposed\n"
    front += (
        "hypothesis: We believe <b>bold</b> claims.\ntags: [forms]\nsummary: A <i>short</i> one."
    )
    root = write_tree(
        tmp_path / "src",
        {"mkdocs.yml": config, "docs/index.md": "# Home\n", "experiments/fix.md": md(front)},
    )
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    page = built.page("experiments/fix/")
    head = page.split("</head>", 1)[0]
    assert "<script>alert(1)" not in head and "<i>short" not in head
    doc = lxml_html.fromstring(page)
    meta = {m.get("property") or m.get("name"): m.get("content") for m in doc.xpath("//meta")}
    assert meta["og:type"] == "article"
    assert meta["og:title"] == meta["twitter:title"] == title
    assert meta["og:description"] == "A <i>short</i> one."
    assert meta["og:url"] == "https://tiny.example/experiments/fix/"
    assert meta["article:published_time"].startswith("2026-11-02T00:00:00")
    assert meta["article:modified_time"].startswith("2026-11-04")
    assert meta["og:image"] == "https://tiny.example/assets/card.png"
    assert meta["twitter:card"] == "summary_large_image"
    assert "og:title" not in built.page("")  # listings and docs pages are not articles


def test_tags_show_once_as_material_chips(served: str, browser) -> None:
    page = browser.new_page()
    page.goto(served + "weeknotes/2026-w45-platform/")
    assert page.locator(".md-tags a").count() >= 2
    assert page.locator(".ow-tags").is_hidden()  # the line for other themes gives way
    page.close()


def test_printing_an_entry_or_the_incidents_page_keeps_content_not_navigation(
    served: str, browser
) -> None:
    # Without JavaScript: Material's script opens <details> for print, the stylesheet must too.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(served + "incidents/")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar").first.is_hidden()
    tables = page.locator("details.ow-chart__data table")
    assert tables.count() == 2
    for i in range(2):  # the charts' data tables print open, though their <details> are shut
        assert page.locator("details.ow-chart__data").nth(i).get_attribute("open") is None
        assert tables.nth(i).bounding_box()["height"] > 40
    page.goto(served + "incidents/2026-10-28-address-lookup-outage/")
    assert page.locator(".ow-card").is_visible() and page.locator(".ow-prevnext").is_hidden()
    context.close()


def test_the_feed_page_shows_a_summary_s_characters_not_entities(tmp_path: Path, browser) -> None:
    summary = 'Cache & retry: "fast" <forms>'
    front = f"title: Forms\ndate: 2026-11-02\nstatus: proposed\nsummary: '{summary}'\n"
    front += "hypothesis: We believe shorter forms will result in more completions."
    root = write_tree(
        tmp_path / "src",
        {"mkdocs.yml": MINIMAL_MKDOCS, "docs/index.md": "# Home\n", "experiments/f.md": md(front)},
    )
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    with serving(built.site_dir) as url:
        page = browser.new_page()
        for feed in ("feed.xml", "atom.xml"):
            page.goto(url + feed)
            assert page.locator(".ow-feed-item p").inner_text() == summary, feed
        page.close()


def test_the_tab_follows_an_automatic_navigation_too(tmp_path: Path) -> None:
    config = MINIMAL_MKDOCS.replace(
        "  name: material", "  name: material\n  features: [navigation.tabs]"
    )
    root = write_tree(
        tmp_path / "src",
        {
            "mkdocs.yml": config,
            "docs/index.md": "# Home\n",
            "docs/about.md": "# About\n",
            "weeknotes/2026-W45-platform.md": md("date: 2026-11-06\nteam: platform"),
        },
    )
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    for url in ("weeknotes/2026-w45-platform/", "weeknotes/weeks/2026-w45/"):
        tabs = built.page(url).split('class="md-tabs__list"', 1)[1].split("</ul>", 1)[0]
        active = [c for c in tabs.split("<li")[1:] if "md-tabs__item--active" in c]
        assert len(active) == 1 and "Weeknotes" in active[0], url
