"""Whole builds: the example site's entries all published, hidden content nowhere, bad input
reported as MkDocs warnings (so --strict fails) without a traceback, entries out of the nav."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.config import load_config
from openwork.content import read_content
from openwork.content.reader import ReadResult
from openwork.options import load_options

from tests.builder import MINIMAL_MKDOCS, REPO, Built, mkdocs_build, mkdocs_cli, write_tree
from tests.reading import EXPERIMENT, INCIDENT, WEEKNOTE, md

CANARIES = (
    "DRAFT-CANARY-7f3a",
    "EMBARGO-CANARY-91c2",
    "PRIVATE-CANARY-55d1",
    "Draft: unfinished platform note",
    "Embargoed: restructure announcement",
)
PROBLEM_LINE = re.compile(r"[\w./-]+\.(md|markdown|yml):\d+: ")


def _example_options() -> dict[str, Any]:
    """The `openwork:` block of the example's own mkdocs.yml."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "openwork" in plugin:
            return plugin["openwork"] or {}
    return {}


@pytest.fixture(scope="module")
def example_content(example_root: Path) -> ReadResult:
    return read_content(example_root, load_options(_example_options()), now=datetime.now(UTC))


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


# --- the example site --------------------------------------------------------------------


def test_every_published_entry_has_its_page_with_its_title(
    example: Built, example_content: ReadResult
) -> None:
    assert len(example_content.entries) >= 15  # 8+ weeknotes, 4 experiments, 3 incidents
    kinds = {e.kind for e in example_content.entries}
    assert kinds == {"weeknote", "experiment", "incident"}
    for entry in example_content.entries:
        assert example.exists(f"{entry.url}index.html"), entry.url
        html = example.page(entry.url)
        title = html.split("<title>", 1)[1].split("</title>", 1)[0]
        assert unescape(title).startswith(entry.title), entry.url
        assert entry.title in _text(html.split("<article", 1)[1]), entry.url


def test_the_example_has_hidden_entries_to_hide(example_content: ReadResult) -> None:
    hidden = {e.title for e in example_content.hidden}
    assert "Draft: unfinished platform note" in hidden
    assert "Embargoed: restructure announcement" in hidden
    for entry in example_content.entries:
        assert "PRIVATE-CANARY-55d1" not in entry.body, entry.id


def test_the_showcase_itself_carries_no_test_canaries() -> None:
    """Canary entries live in tests/fixtures/hidden, so `make serve` never shows them."""
    for folder in ("weeknotes", "experiments", "incidents", "docs"):
        for path in (REPO / folder).rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            assert "CANARY" not in text and "draft-only-tag" not in text, path


def test_drafts_embargoed_and_private_text_appear_nowhere(
    example: Built, example_content: ReadResult
) -> None:
    # Make sure the places that must be clean are part of what is searched.
    assert example.exists("search/search_index.json")
    assert example.exists("sitemap.xml")
    search = example.read("search/search_index.json")
    assert example_content.entries[0].title in unescape(search)  # entries are indexed
    everything = example.all_text()
    for canary in CANARIES:
        assert canary not in everything, canary
    for entry in example_content.hidden:
        assert entry.slug not in everything, entry.url  # no page, link, sitemap row or index
    assert not example.exists("tags/draft-only-tag/index.html")


def test_the_example_has_no_content_problems(example: Built) -> None:
    assert [w for w in example.warnings if PROBLEM_LINE.search(w)] == []


def test_the_example_builds_strict_clean(example: Built) -> None:
    warnings = example.warnings
    if not example.exists("feeds/index.html"):
        # docs/index.md links feeds.md, the feeds page that the feeds work generates; until
        # it exists that one link is expected to dangle. Nothing else may warn.
        warnings = [w for w in warnings if "'feeds.md'" not in w]
    assert warnings == []


def test_entries_are_not_in_the_navigation(example: Built, example_content: ReadResult) -> None:
    home = example.page("")
    nav = home.split("md-nav--primary", 1)[1].split("</nav>", 1)[0]
    links = set(re.findall(r'href="([^"]+)"', nav))
    assert links, "the home page should have a navigation"
    for entry in example_content.entries:
        assert not any(entry.slug in link for link in links), entry.url
    assert any("weeknotes/" in link for link in links)  # the collection index is listed


# --- a site with bad content -------------------------------------------------------------

BAD_SITE = {
    "mkdocs.yml": MINIMAL_MKDOCS,
    "docs/index.md": "# Home\n",
    "weeknotes/2026-W47-platform.md": md(WEEKNOTE + "title: The good weeknote"),
    "experiments/fine.md": md(EXPERIMENT.replace("Shorter forms", "The good experiment")),
    "incidents/2026-03-db.md": md(INCIDENT.replace("severity: SEV2", "severity: SEV9")),
    "incidents/broken.md": md("title: [unclosed\nsummary: x"),
}
BAD_LINES = (
    "incidents/2026-03-db.md:4: severity 'SEV9' is not one of SEV1, SEV2, SEV3, SEV4",
    "incidents/broken.md:",
)


def test_a_bad_entry_is_skipped_and_reported_and_the_rest_builds(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "src", BAD_SITE)
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    for line in BAD_LINES:
        assert any(line in w for w in built.warnings), (line, built.warnings)
    assert "The good weeknote" in built.page("weeknotes/2026-w47-platform/")
    assert "The good experiment" in built.page("experiments/fine/")
    assert not built.exists("incidents/2026-03-db/index.html")
    assert not built.exists("incidents/broken/index.html")


def test_mkdocs_build_strict_fails_on_bad_content_without_a_traceback(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "src", BAD_SITE)
    run = mkdocs_cli(
        "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(tmp_path / "out")
    )
    output = run.stdout + run.stderr
    assert run.returncode != 0
    for line in BAD_LINES:
        assert line in run.stderr, output
    assert "Traceback" not in output


def test_mkdocs_build_strict_passes_once_the_content_is_fixed(tmp_path: Path) -> None:
    good = {k: v for k, v in BAD_SITE.items() if not k.startswith("incidents/")}
    root = write_tree(tmp_path / "src", good)
    run = mkdocs_cli(
        "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(tmp_path / "out")
    )
    assert run.returncode == 0, run.stderr


# --- mkdocs serve watches the content ----------------------------------------------------


class _Server:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args: object, **kwargs: object) -> None:
        self.watched.append(path)


def test_serve_watches_the_content_folders_and_authors_yml(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            "docs/index.md": "# Home\n",
            "authors.yml": "ada: Ada Lovelace\n",
            "weeknotes/2026-W47-a.md": md(WEEKNOTE),
            "incidents/i.md": md(INCIDENT),
        },
    )
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        config = config.plugins.on_config(config)
        server = _Server()
        config.plugins["openwork"].on_serve(server, config=config, builder=None)
    finally:
        config.plugins.on_shutdown()
    watched = {Path(p).resolve() for p in server.watched}
    assert {root / "weeknotes", root / "incidents", root / "authors.yml"} <= watched


def test_search_leads_to_entries_not_to_listings(
    example: Built, example_content: ReadResult
) -> None:
    """Listing pages are found by their title, but their lists of excerpts stay out of the
    search index: a search for a phrase lands on the entry, not on six pages listing it."""
    docs = json.loads(example.read("search/search_index.json"))["docs"]
    by_page: dict[str, str] = {}
    for doc in docs:
        page = doc["location"].split("#", 1)[0]
        by_page[page] = by_page.get(page, "") + " " + doc["title"] + " " + doc["text"]
    listings = [
        "",  # the home page's dashboard
        "weeknotes/",
        "experiments/",
        "incidents/",
        "weeknotes/2026/",
        "weeknotes/weeks/2026-w45/",
        "teams/platform/",
        "authors/amara/",
        "tags/kubernetes/",
    ]
    titles = {"teams/platform/": "Platform team", "tags/kubernetes/": "kubernetes"}
    for page in listings:
        assert page in by_page, page
        for entry in example_content.entries:
            assert unescape(entry.title) not in unescape(by_page[page]), (page, entry.title)
        if page in titles:
            assert titles[page] in by_page[page]
    # Every entry is found on its own page, excerpt included.
    for entry in example_content.entries:
        text = unescape(by_page[entry.url])
        assert entry.title in text
        assert entry.excerpt.split(" ")[0] in text
