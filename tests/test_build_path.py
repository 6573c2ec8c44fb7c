"""What a build does around openwork's pages costs less and writes the same site: pages
converted by one Python-Markdown instance, feed items made once (issue 13)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from openwork import shared_markdown
from openwork.content.model import Entry
from openwork.feeds import catalog
from openwork.pipeline import stages
from openwork.render.assembly import ListingParts
from openwork.render.renderer import Renderer
from openwork.render.stash import stash_html, unstash

from tests.builder import copy_example, mkdocs_build
from tests.test_assembly import _sections
from tests.test_serve_rebuilds import _Frozen

EXTENSIONS = ["toc", "tables", "admonition", "attr_list"]


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _count_instances(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every Python-Markdown instance made from now on, in a list that grows."""
    made: list[object] = []
    real = markdown.Markdown

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, **kwargs: object) -> None:
            made.append(self)
            super().__init__(**kwargs)

    monkeypatch.setattr(markdown, "Markdown", Counted)
    return made


def test_openwork_pages_converted_by_one_instance_are_the_pages_mkdocs_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stages, "datetime", _Frozen)
    root = copy_example(tmp_path / "src")
    made = _count_instances(monkeypatch)
    shared = mkdocs_build(root / "mkdocs.yml", tmp_path / "shared")
    with_shared = len(made)
    made.clear()
    monkeypatch.setattr(shared_markdown, "page_alone", lambda extensions: False)
    own = mkdocs_build(root / "mkdocs.yml", tmp_path / "own")
    pages = len(made)
    docs = len(list((root / "docs").rglob("*.md")))
    assert pages > docs + 40  # MkDocs made one instance per page
    assert with_shared <= docs + 3  # one per docs page, the shared one, a few others
    assert shared.warnings == own.warnings
    got, want = _files(tmp_path / "shared"), _files(tmp_path / "own")
    assert sorted(got) == sorted(want)
    assert [rel for rel in sorted(want) if got[rel] != want[rel]] == []


def test_an_unknown_extension_leaves_every_conversion_to_mkdocs() -> None:
    assert shared_markdown.page_alone(["toc", "pymdownx.superfences", "tables"])
    assert not shared_markdown.page_alone(["toc", "pymdownx.snippets"])
    assert not shared_markdown.page_alone(["toc", markdown.extensions.Extension()])


def test_a_block_after_two_blank_lines_is_stashed_and_converts_the_same() -> None:
    text = (
        '<p class="ow-count">3 entries.</p>\n\n\n'
        '<ul class="ow-entries" data-search-exclude>\n<li><a href="a/">A</a></li>\n</ul>\n'
    )
    stashed, blocks = stash_html(text)
    assert len(blocks) == 2 and "<li>" not in stashed
    convert = markdown.Markdown(extensions=EXTENSIONS).convert
    assert unstash(convert(stashed), blocks) == convert(text)


def test_an_entrys_feed_facts_are_rendered_once_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Items are made twice (tried with a stand-in body before the pages, then with the
    # page's HTML); the card's facts before the body are the same both times.
    rendered: list[str] = []
    real = catalog.facts_html

    def counted(entry: Entry, renderer: Renderer | None = None) -> str:
        rendered.append(entry.id)
        return real(entry, renderer)

    monkeypatch.setattr(catalog, "facts_html", counted)
    root = copy_example(tmp_path / "src")
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert len(rendered) > 10 and len(rendered) == len(set(rendered))
    assert "&lt;strong&gt;SEV2 incident" in built.read("incidents/feed.xml")  # the facts


def test_search_reads_a_listing_without_the_excluded_lists_inside_its_blocks() -> None:
    text = (
        "## Running\n\n"
        '<p class="ow-count">2 running.</p>\n<ul class="ow-board" data-search-exclude>\n'
        '<li><a href="a/">A</a></li>\n</ul>\n<p class="ow-count">Kept text.</p>\n'
    )
    stashed, blocks = stash_html(text)
    parts = ListingParts(markdown.Markdown(extensions=EXTENSIONS).convert(stashed), blocks)
    searchable = parts.for_search()
    assert '<a href="a/">' not in searchable and "Kept text." in searchable
    assert _sections(searchable) == _sections(parts.in_full())


def test_one_entry_s_abbreviations_and_footnotes_never_reach_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.builder import MINIMAL_MKDOCS, write_tree
    from tests.reading import WEEKNOTE, md

    config = MINIMAL_MKDOCS + "markdown_extensions:\n  - abbr\n  - footnotes\n"
    assert shared_markdown.page_alone(["toc", "tables", "fenced_code", "abbr", "footnotes"])
    files = {"mkdocs.yml": config, "docs/index.md": "# Home\n"}
    for n in range(1, 6):  # the first defines; the others only use the words
        week = f"2026-11-{10 + n:02d}"
        body = "The API and a note[^1].\n"
        if n == 1:
            body += "\n*[API]: Application Programming Interface\n\n[^1]: The first entry's note.\n"
        files[f"weeknotes/w{n}.md"] = md(WEEKNOTE.replace("2026-11-20", week), body)
    root = write_tree(tmp_path / "src", files)
    made = _count_instances(monkeypatch)
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "out")
    assert len(made) <= 4  # the docs page, the shared instance, a few others: not one an entry
    first = built.page("weeknotes/w1/")
    assert '<abbr title="Application Programming Interface">API</abbr>' in first
    assert "The first entry&rsquo;s note." in first or "The first entry's note." in first
    for n in range(2, 6):
        page = built.page(f"weeknotes/w{n}/")
        assert "The API and a note[^1]." in page
        assert "<abbr" not in page and "first entry" not in page
