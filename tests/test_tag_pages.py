"""Tag pages in real builds: one page per normalised tag, counts, kinds, chips, drafts."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import lxml.html
import pytest

from tests.builder import Built, mkdocs_build, write_tree

CONFIG = """
site_name: Tagged
site_url: https://tagged.example/
theme:
  name: material
plugins:
  - search
  - openwork:
      tags:
        aliases: {K8s: Kubernetes}
        allowed: tags.yml
"""

TAGS_YML = """
open data: Data we publish for anyone to reuse, with the <b>licence</b> on each.
kubernetes: Our container platform.
café:
ünïcode:
draft-only:
embargo-only:
"""


def _weeknote(day: str, title: str, tags: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: {day}\nteam: platform\n{tags}\n{extra}---\n\n{title}.\n"


FILES = {
    "mkdocs.yml": CONFIG,
    "tags.yml": TAGS_YML,
    "docs/index.md": "# Home\n",
    "weeknotes/2026-W44-one.md": _weeknote("2026-10-26", "Week one", "tags: [Open Data, k8s]"),
    "weeknotes/2026-W45-two.md": _weeknote(
        "2026-11-02", "Week two", "tags:\n  - ' open  data '\n  - kubernets"
    ),
    "weeknotes/2026-W46-three.md": _weeknote(
        "2026-11-09", "Week three", "tags: open data, Kubernetes"
    ),
    "weeknotes/2026-W47-draft.md": _weeknote(
        "2026-11-16", "Draft week", "tags: [open-data, draft-only]", "draft: true\n"
    ),
    "weeknotes/2026-W47-later.md": _weeknote(
        "2026-11-17",
        "Embargoed week",
        "tags: [embargo-only]",
        "publish_after: 2099-01-01T09:00\n",
    ),
    "experiments/2026-10-cache.md": """
        ---
        title: Cache the open data
        date: 2026-10-27
        status: running
        hypothesis: We believe caching will result in faster pages. We will know when p95 < 300 ms.
        started: 2026-10-20
        team: platform
        tags: [open-data, Café]
        ---

        Caching.
        """,
    "incidents/2026-11-01-outage.md": """
        ---
        title: Open data downloads failed
        date: 2026-11-03
        severity: SEV2
        status: resolved
        started: 2026-11-01T09:00:00+00:00
        resolved: 2026-11-01T11:00:00+00:00
        impact: Nobody could download the open data for two hours.
        team: platform
        tags: [OPEN-DATA, kubernetes, Ünïcode]
        ---

        What happened.
        """,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = write_tree(tmp_path_factory.mktemp("tagged"), FILES)
    return mkdocs_build(root / "mkdocs.yml", root / "site")


def _doc(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html)


def _article(built: Built, url: str) -> lxml.html.HtmlElement:
    return _doc(built.page(url)).xpath("//article")[0]


def _titles(element: lxml.html.HtmlElement) -> list[str]:
    return [a.text_content() for a in element.xpath(".//a[@class='ow-entry__title']")]


def _tag_index(built: Built) -> dict[str, tuple[str, int]]:
    """/tags/'s A–Z list: shown name -> (link, count)."""
    items = {}
    for li in _article(built, "tags/").xpath(".//ul[@class='ow-tag-index']/li"):
        link = li.xpath("./a")[0]
        count = li.xpath("./span[@class='ow-count']")[0].text_content().split()[0]
        items[link.text_content()] = (link.get("href"), int(count))
    return items


def test_case_whitespace_and_comma_variants_land_on_one_page(built: Built) -> None:
    page = _article(built, "tags/open-data/")
    # "Open Data", " open  data ", "open data" (comma string), "open-data", "OPEN-DATA"
    assert _titles(page) == [
        "Week three",
        "Week two",
        "Week one",
        "Cache the open data",
        "Open data downloads failed",
    ]
    assert sorted(p.name for p in (built.site_dir / "tags").iterdir()) == [
        "café",
        "index.html",
        "kubernetes",
        "kubernets",
        "open-data",
        "ünïcode",
    ]


def test_tag_page_shows_the_first_writers_spelling_and_description(built: Built) -> None:
    doc = _doc(built.page("tags/open-data/"))
    assert doc.xpath("//h1")[0].text_content() == "Open Data"  # the oldest entry wrote it so
    assert doc.xpath("//title")[0].text_content().startswith("Open Data - ")
    description = doc.xpath("//p[contains(@class, 'ow-tag-description')]")[0]
    # Descriptions are text: markup written in tags.yml is shown, not obeyed.
    assert description.text_content() == (
        "Data we publish for anyone to reuse, with the <b>licence</b> on each."
    )
    assert not description.xpath(".//b")


def test_alias_lands_on_its_canonical_tag(built: Built) -> None:
    assert _titles(_article(built, "tags/kubernetes/")) == [
        "Week three",
        "Week one",
        "Open data downloads failed",
    ]
    assert not built.exists("tags/k8s/index.html")
    # The entry that wrote `k8s` shows the tag as the site spells it, linked to its page.
    chips = _doc(built.page("weeknotes/2026-w44-one/")).xpath("//nav[@class='md-tags']/a")
    assert [a.text_content() for a in chips] == ["Open Data", "Kubernetes"]


def test_allow_list_miss_is_a_warning_with_suggestion_and_line(built: Built) -> None:
    assert (
        "openwork: weeknotes/2026-W45-two.md:7: tag 'kubernets' is not in tags.yml "
        "(did you mean 'kubernetes'?)"
    ) in built.warnings
    assert len(built.warnings) == 1  # the draft's and the embargoed entry's tags are allowed


def test_counts_on_the_index_match_each_tag_page(built: Built) -> None:
    index = _tag_index(built)
    assert {name: count for name, (_, count) in index.items()} == {
        "Café": 1,
        "Kubernetes": 3,
        "kubernets": 1,
        "Open Data": 5,
        "Ünïcode": 1,
    }
    for name, (href, count) in index.items():
        target = posixpath.normpath(posixpath.join("tags/", href))
        assert len(_titles(_article(built, target + "/"))) == count, name


def test_index_is_a_to_z_with_accents_filed_under_their_letter(built: Built) -> None:
    assert list(_tag_index(built)) == ["Café", "Kubernetes", "kubernets", "Open Data", "Ünïcode"]


def test_tag_page_groups_by_kind_in_order_newest_first(built: Built) -> None:
    page = _article(built, "tags/open-data/")
    headings = [h.text_content().strip("¶ ") for h in page.xpath(".//h2")]
    assert headings == ["Weeknotes", "Experiments", "Incidents"]
    groups = [_titles(h.getnext()) for h in page.xpath(".//h2")]
    assert groups == [
        ["Week three", "Week two", "Week one"],
        ["Cache the open data"],
        ["Open data downloads failed"],
    ]
    # The kinds are headings, so they are in the page's table of contents.
    toc = _doc(built.page("tags/open-data/")).xpath("//nav[contains(@class, 'md-nav--secondary')]")
    assert "Experiments" in toc[0].text_content()
    count = page.xpath(".//p[@class='ow-count']")[0].text_content()
    assert count.startswith("5 entries tagged Open Data (3 weeknotes, 1 experiment, 1 incident).")


def test_unicode_tags_get_their_own_pages(built: Built) -> None:
    assert _titles(_article(built, "tags/café/")) == ["Cache the open data"]
    assert _doc(built.page("tags/ünïcode/")).xpath("//h1")[0].text_content() == "Ünïcode"


def test_draft_and_embargoed_tags_appear_nowhere(built: Built) -> None:
    assert not built.exists("tags/draft-only/index.html")
    assert not built.exists("tags/embargo-only/index.html")
    text = built.all_text()
    for hidden in ("draft-only", "embargo-only", "Draft week", "Embargoed week"):
        assert hidden not in text, hidden
    search = json.loads(built.read("search/search_index.json"))
    locations = {doc["location"] for doc in search["docs"]}
    assert "tags/open-data/" in locations
    assert not any("draft-only" in loc or "embargo-only" in loc for loc in locations)
    # The draft's tag is on a published tag's page neither as an entry nor in the count.
    assert _tag_index(built)["Open Data"][1] == 5


def test_material_chips_link_to_our_tag_pages(built: Built) -> None:
    url = "incidents/2026-11-01-outage/"
    chips = _doc(built.page(url)).xpath("//nav[@class='md-tags']/a")
    assert [a.text_content() for a in chips] == ["Open Data", "Kubernetes", "Ünïcode"]
    for chip in chips:
        target = posixpath.normpath(posixpath.join(url, chip.get("href")))
        page = _doc(built.page(target + "/"))
        assert page.xpath("//h1")[0].text_content() == chip.text_content()
    # The footer's tag line (for other themes) points at the same pages.
    footer = _doc(built.page(url)).xpath("//p[@class='ow-tags']/a")
    assert [a.get("href") for a in footer] == [a.get("href") for a in chips]


def test_tag_index_is_in_the_automatic_nav(built: Built) -> None:
    home = _doc(built.page(""))
    nav_links = [a.get("href") for a in home.xpath("//nav[contains(@class,'md-nav--primary')]//a")]
    assert "tags/" in nav_links


def test_tags_reach_page_meta_as_a_list(built: Built) -> None:
    # page.meta.tags is what other plugins read; our chips do not need it. It must be a list.
    from openwork.content import read_content
    from openwork.index import build_site as index
    from openwork.options import load_options
    from openwork.render.pages import entry_markdown

    root = built.site_dir.parent
    options = load_options({"tags": {"aliases": {"k8s": "kubernetes"}}})
    result = read_content(root, options)
    site = index(result.entries, {}, options, result.entries[0].date.date())
    entry = next(e for e in result.entries if e.title == "Week one")
    header = entry_markdown(entry, site).split("---")[1]
    assert 'tags: ["Open Data", "kubernetes"]' in header


# Other configurations ------------------------------------------------------------------


def _small(tmp_path: Path, config: str, extra: dict[str, str] | None = None) -> Built:
    files = {
        "mkdocs.yml": config,
        "docs/index.md": "# Home\n",
        "weeknotes/2026-W45-a.md": _weeknote(
            "2026-11-02", "Alpha", "tags: [Open Data, </title><script>x()</script>]"
        ),
        **(extra or {}),
    }
    write_tree(tmp_path, files)
    return mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")


def test_chips_without_directory_urls(tmp_path: Path) -> None:
    config = "site_name: T\nsite_url: https://t.example/\nuse_directory_urls: false\n"
    config += "theme: {name: material}\nplugins: [openwork]\n"
    built = _small(tmp_path, config)
    page = "weeknotes/2026-w45-a.html"
    chips = _doc(built.read(page)).xpath("//nav[@class='md-tags']/a")
    hrefs = [a.get("href") for a in chips]
    assert hrefs[0] == "../tags/open-data.html"
    for href in hrefs:
        assert built.exists(posixpath.normpath(posixpath.join("weeknotes", href)))


def test_markup_in_a_tag_is_shown_as_text_everywhere(tmp_path: Path) -> None:
    config = "site_name: T\nsite_url: https://t.example/\ntheme: {name: material}\n"
    config += "plugins: [openwork]\n"
    built = _small(tmp_path, config)
    assert "<script>x()" not in built.all_text()
    tag_dir = next(p.name for p in (built.site_dir / "tags").iterdir() if "script" in p.name)
    doc = _doc(built.page(f"tags/{tag_dir}/"))
    assert doc.xpath("//h1")[0].text_content() == "</title><script>x()</script>"
    assert not doc.xpath("//script[contains(., 'x()')]")


def test_material_tags_plugin_alongside_is_not_needed_and_does_not_take_over(
    tmp_path: Path,
) -> None:
    config = "site_name: T\nsite_url: https://t.example/\ntheme: {name: material}\n"
    config += "plugins:\n  - tags\n  - openwork\n"
    built = _small(
        tmp_path,
        config,
        {"docs/material-tags.md": "# Material's tag listing\n\n<!-- material/tags -->\n"},
    )
    assert built.warnings == []
    chips = _doc(built.page("weeknotes/2026-w45-a/")).xpath("//nav[@class='md-tags']/a")
    assert chips[0].get("href") == "../../tags/open-data/"
    # Material's own listing reads page.meta.tags, so it lists our entries too.
    listing = _doc(built.page("material-tags/")).xpath("//article")[0].text_content()
    assert "Open Data" in listing and "Alpha" in listing


def test_missing_allow_list_is_reported_and_the_build_goes_on(tmp_path: Path) -> None:
    config = "site_name: T\nsite_url: https://t.example/\ntheme: {name: material}\n"
    config += "plugins:\n  - openwork:\n      tags: {allowed: vocab/tags.yml}\n"
    built = _small(tmp_path, config)
    assert any(
        w.startswith("openwork: vocab/tags.yml:1: the tag allow-list 'vocab/tags.yml'")
        for w in built.warnings
    )
    assert built.exists("tags/open-data/index.html")


# The example organisation ------------------------------------------------------------------


def test_example_site_tags_span_kinds_and_keep_drafts_out(example: Built) -> None:
    index = _tag_index(example)
    assert len(index) >= 8
    assert "draft-only-tag" not in index and "draft-only-tag" not in example.all_text()
    spanning = []
    for name, (href, count) in index.items():
        page = _article(example, posixpath.normpath(posixpath.join("tags/", href)) + "/")
        assert len(_titles(page)) == count, name
        if len(page.xpath(".//h2")) > 1:
            spanning.append(name)
    assert len(spanning) >= 3, spanning  # a topic on a weeknote, its experiment, its incident
    nav = _doc(example.page("")).xpath("//nav[contains(@class,'md-nav--primary')]")[0]
    assert "Tags" in [a.text_content().strip() for a in nav.xpath(".//a")]
    assert not [w for w in example.warnings if "tag" in w]
