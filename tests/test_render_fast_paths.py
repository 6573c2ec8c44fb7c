"""The pipeline's faster ways of rendering give exactly what the slower, plainer way gives:
each fast path is compared with the way it replaced, on any input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import openwork
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape
from openwork.index.site import Site
from openwork.options import Options
from openwork.pipeline import BuildResult, SiteSettings, run
from openwork.render.fast_macros import FastMacros
from openwork.render.pages import common_context, entry_footer, entry_header, entry_list_item
from openwork.render.reading import _WORD, word_count
from openwork.render.renderer import Renderer, _json_string

from tests.builder import copy_example
from tests.hostile import hostile_files
from tests.reading import NOW

# Letters, digits, the joiners (' ’ -), underscores, spaces and a few non-ASCII letters,
# digits and marks, so that words, joins and near-joins come up often.
_TRICKY = st.text(alphabet="ab9_-'’ \n.éß٣Ⅻ\u0301\u00a0—", max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TRICKY, st.text(max_size=60)))
def test_word_count_is_the_pattern_s_count(text: str) -> None:
    assert word_count(text) == len(_WORD.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_a_header_string_is_what_json_dumps_writes(text: str) -> None:
    assert _json_string(text) == json.dumps(text, ensure_ascii=False)


# --- `_macros.html` made once per site and shared (Renderer.shared_macros) ---

SETTINGS = SiteSettings(site_name="Example", site_url="https://example.org/")
PACKAGE = Path(openwork.__file__).parent / "templates"
OLD_IMPORT = '{% import "_macros.html" as m with context %}'


@pytest.fixture(scope="module")
def example_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("fast"), hidden=True)


@pytest.fixture(scope="module")
def example_result(example_root: Path) -> BuildResult:
    return run(example_root, Options(), SETTINGS, "serve", now=NOW)


def _imported(renderer: Renderer, template: str, page: str, site: Site, **context: object) -> str:
    """`template` rendered without the shared module: the template imports `_macros.html`
    with its own context, as every template did before."""
    return renderer.render(template, page, **context, **common_context(site))


def test_entry_parts_with_shared_macros_are_those_with_their_own_import(
    example_result: BuildResult,
) -> None:
    site, renderer = example_result.site, example_result.renderer
    assert renderer.shared_macros(common_context(site))  # the package's own: shared
    kinds = set()
    for entry in site.entries:
        kinds.add(entry.kind)
        own = f"card_{entry.kind}.html"
        assert entry_header(site, renderer, entry) == _imported(
            renderer, own, entry.src_uri, entry=entry, site=site
        )
        assert entry_footer(site, renderer, entry) == _imported(
            renderer, "entry_footer.html", entry.src_uri, entry=entry, site=site
        )
    assert kinds == {"weeknote", "experiment", "incident"}
    assert any(site.is_preview(e) for e in site.entries)  # serve: previews are in it too
    entries = list(site.entries)
    assert entry_list_item(site, renderer, entries) == _imported(
        renderer, "entry_item.html", "index.md", entries=entries, site=site
    )


def _override(root: Path, template: str, old: str, new: str) -> Path:
    folder = root / "overrides" / "openwork"
    folder.mkdir(parents=True, exist_ok=True)
    source = (PACKAGE / template).read_text(encoding="utf-8")
    assert old in source
    (folder / template).write_text(source.replace(old, new), encoding="utf-8")
    return folder


def test_an_override_of_the_macros_sees_the_page_it_is_on(
    example_root: Path, tmp_path: Path
) -> None:
    # A theme's `_macros.html` may use the page (`page_src`, `entry`): it is imported by each
    # card and footer with that page's context, not shared.
    root = copy_example(tmp_path / "site")
    folder = _override(
        root,
        "_macros.html",
        "{% macro team_link(e) -%}",
        "{% macro team_link(e) -%}<!-- on {{ page_src }} for {{ entry.title }} -->",
    )
    settings = SiteSettings(**{**SETTINGS.__dict__, "template_dirs": (folder,)})
    result = run(root, Options(), settings, now=NOW)
    assert not result.renderer.shared_macros(common_context(result.site))
    with_team = [p for p in result.entry_pages.values() if p.entry.team]
    assert len(with_team) > 5
    for src, page in result.entry_pages.items():
        if page.entry.team:
            assert f"<!-- on {src} for {escape(page.entry.title)} -->" in page.header


def test_an_override_of_the_card_that_imports_the_macros_itself_still_renders(
    example_result: BuildResult, tmp_path: Path
) -> None:
    # A card copied from an older openwork imports `_macros.html` on every render.
    root = copy_example(tmp_path / "site", hidden=True)
    source = (PACKAGE / "_card.html").read_text(encoding="utf-8")
    conditional = next(line for line in source.splitlines() if OLD_IMPORT in line)
    folder = _override(root, "_card.html", conditional, OLD_IMPORT)
    settings = SiteSettings(**{**SETTINGS.__dict__, "template_dirs": (folder,)})
    result = run(root, Options(), settings, "serve", now=NOW)
    assert not result.renderer.is_own("_card.html")
    assert result.renderer.is_own("_macros.html")
    headers = {src: p.header for src, p in result.entry_pages.items()}
    assert headers == {src: p.header for src, p in example_result.entry_pages.items()}


# --- the hottest macros in Python (render/fast_macros.py) ---

VARIANTS = [(k, x, c) for k in (False, True) for x in (False, True) for c in (False, True)]


def _both(result: BuildResult, page: str) -> tuple[Any, Any, Any]:
    """The Python macros, the template's own module seeing the same page context, and the
    Python macros that keep each entry's item parts (as list_items' do)."""
    site, renderer = result.site, result.renderer
    context = {
        **common_context(site),
        "link": lambda target: renderer.urls.relative(target, page),
        "page_src": page,
    }
    module = renderer.env.get_template("_macros.html").make_module(context)
    fast = renderer.macros_for(context)
    assert isinstance(fast, FastMacros)
    return fast, module, renderer.macros_for(context, same_links=True)


def _compare_macros(result: BuildResult) -> int:
    compared = 0
    for page in ("index.md", "tags/ops.md", "weeknotes/weeks/2026-w45.md"):
        fast, module, keeping = _both(result, page)
        for entry in result.site.entries:
            for name in ("team_link", "status_badge", "author_links", "tag_links"):
                assert getattr(fast, name)(entry) == getattr(module, name)(entry), (name, entry)
            for variant in VARIANTS:
                item = module.entry_item(entry, *variant)
                assert fast.entry_item(entry, *variant) == item
                assert keeping.entry_item(entry, *variant) == item  # the first, then kept parts
            compared += 1
        for pages in range(5):
            for number in range(1, pages + 2):
                for base in ("weeknotes", "experiments"):
                    assert fast.pager(base, number, pages) == module.pager(base, number, pages)
    return compared


def test_the_python_macros_write_what_the_template_writes(example_result: BuildResult) -> None:
    kinds = {e.kind for e in example_result.site.entries}
    assert kinds == {"weeknote", "experiment", "incident"}
    assert _compare_macros(example_result) > 60


def test_the_python_macros_write_what_the_template_writes_for_hostile_entries(
    tmp_path: Path,
) -> None:
    root = copy_example(tmp_path / "site")
    for rel, text in hostile_files(25).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = run(root, Options(), SETTINGS, "serve", now=NOW)
    hostile = [e for e in result.site.entries if re.search(r"/\d\d-", e.path)]
    assert len(hostile) > 10  # hostile values reached the site, not only problems
    _compare_macros(result)


def test_an_override_of_the_macros_replaces_the_python_ones(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    source = (PACKAGE / "_macros.html").read_text(encoding="utf-8")
    mine = source.replace('<a class="ow-entry__title"', '<a class="mine"')
    mine = mine.replace('<a class="ow-team"', '<a class="my-team"')
    folder = _override(root, "_macros.html", source, mine)
    settings = SiteSettings(**{**SETTINGS.__dict__, "template_dirs": (folder,)})
    result = run(root, Options(), settings, now=NOW)
    assert not isinstance(result.renderer.macros_for(common_context(result.site)), FastMacros)
    listing = next(p.markdown for p in result.pages if p.src_uri == "weeknotes/index.md")
    assert 'class="mine"' in listing and "ow-entry__title" not in listing
    assert 'class="my-team"' in listing and 'class="ow-team"' not in listing
    cards = [p.header for p in result.entry_pages.values() if p.entry.team]
    assert cards and all('class="my-team"' in card for card in cards)


def test_an_override_of_the_pager_is_used_on_collection_pages(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    folder = _override(root, "_macros.html", '<nav class="ow-pager"', '<nav class="my-pager"')
    settings = SiteSettings(**{**SETTINGS.__dict__, "template_dirs": (folder,)})
    result = run(root, Options(pagination=2), settings, now=NOW)
    pages = [p.markdown for p in result.pages if p.src_uri.startswith("weeknotes/page/")]
    assert pages and all('<nav class="my-pager"' in page for page in pages)


def test_listing_templates_that_import_the_macros_themselves_still_render(
    example_result: BuildResult, tmp_path: Path
) -> None:
    # A listing page copied from an older openwork imports `_macros.html` on every render.
    root = copy_example(tmp_path / "site", hidden=True)
    conditional = "{% if m is undefined %}" + OLD_IMPORT + "{% endif %}"
    folder = _override(root, "collection.md", conditional, OLD_IMPORT)
    _override(root, "week.md", conditional, OLD_IMPORT)
    settings = SiteSettings(**{**SETTINGS.__dict__, "template_dirs": (folder,)})
    result = run(root, Options(), settings, "serve", now=NOW)
    assert not result.renderer.is_own("collection.md")
    pages = {p.src_uri: p.markdown for p in result.pages}
    assert pages == {p.src_uri: p.markdown for p in example_result.pages}


def test_an_override_of_the_macros_needs_only_the_macros_it_changes(tmp_path: Path) -> None:
    # A `_macros.html` holding one macro (or copied from an openwork that had no
    # `author_links` / `tag_links`) is completed with the package's others: no entry is lost.
    root = copy_example(tmp_path / "site")
    plain = run(root, Options(), SETTINGS, now=NOW)
    folder = root / "overrides" / "openwork"
    folder.mkdir(parents=True)
    (folder / "_macros.html").write_text(
        '{% macro team_link(e) -%}<b class="my-team">{{ e.team }}</b>{%- endmacro %}\n',
        encoding="utf-8",
    )
    settings = SiteSettings(**{**SETTINGS.__dict__, "template_dirs": (folder,)})
    result = run(root, Options(), settings, now=NOW)
    assert result.problems == plain.problems
    assert set(result.entry_pages) == set(plain.entry_pages)
    for src, page in result.entry_pages.items():
        before = plain.entry_pages[src].header
        if page.entry.team:
            assert '<b class="my-team">' in page.header and 'class="ow-team"' not in page.header
            before = re.sub(r'<a class="ow-team" href="[^"]*">[^<]*</a>', "", before)
        # Everything else (author and tag links, badges) is the package's own markup.
        assert re.sub(r'<b class="my-team">[^<]*</b>', "", page.header) == before
    listing = next(p.markdown for p in result.pages if p.src_uri == "weeknotes/index.md")
    assert '<b class="my-team">' in listing and 'class="ow-entry__title"' in listing


def test_missing_macros_are_the_package_s_blocks_the_override_lacks() -> None:
    from openwork.render.macro_loader import missing_macros

    package = (PACKAGE / "_macros.html").read_text(encoding="utf-8")
    assert missing_macros(package, package) == ""
    added = missing_macros("{%- macro pager(a, b, c) %}x{% endmacro %}", package)
    assert "macro pager(" not in added
    assert "macro team_link(" in added and "macro author_links(" in added
    assert added.count("endmacro") == added.count("{% macro ") + added.count("{%- macro ")
