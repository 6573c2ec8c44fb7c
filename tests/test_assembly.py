"""Pages put together only while MkDocs renders them, search reading less, head links made
once per set of feeds, list items reused: the same pages, search index and links as before
(issue 13)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from mkdocs.utils.meta import get_data
from openwork import paths
from openwork.content.model import Entry
from openwork.feeds.catalog import FeedCatalog, FeedScope
from openwork.options import Options
from openwork.pipeline import BuildResult, SiteSettings, run
from openwork.render.assembly import EntryParts, searchable_html
from openwork.render.pages import KIND_SINGULAR
from openwork.render.renderer import header_value
from openwork.render.search_text import card_for_search
from openwork.render.stash import SKIPPED, stash_html

from tests.builder import MINIMAL_MKDOCS, Built, copy_example, mkdocs_build, write_tree
from tests.reading import NOW, WEEKNOTE, md

SETTINGS = SiteSettings(site_name="Example", site_url="https://example.org/")
BODY = '<p>Body text.</p>\n<h2 id="later">Later</h2>\n<p>More <code>code</code>.</p>\n'


def _sections(html: str) -> list[tuple[str, str | None, str, str]]:
    """What Material's search index takes from a page: its sections' ids, titles and text."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.id, "".join(s.title), "".join(s.text)) for s in parser.data]


@pytest.fixture(scope="module")
def example_result(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = copy_example(tmp_path_factory.mktemp("assembly"))
    return run(root, Options(), SETTINGS, now=NOW)


def test_search_reads_every_example_entry_as_it_reads_the_whole_page(
    example_result: BuildResult,
) -> None:
    skipped = shortened = 0
    for page in example_result.entry_pages.values():
        parts = EntryParts(page.header, page.footer)
        searched = parts.for_search(BODY)
        for body in (BODY, "", "\n<p>x</p>", " text & more <em>em</em>"):
            full = page.header + body + page.footer
            assert _sections(EntryParts(page.header, page.footer).for_search(body)) == _sections(
                full
            )
        assert parts.in_full() == page.header + BODY + page.footer
        skipped += searched.count(SKIPPED)
        shortened += not searched.startswith(page.header)
    assert skipped > 0  # the footers' related lists and neighbour links were left out
    assert shortened > len(example_result.entry_pages) / 2  # most cards given as text


@pytest.mark.parametrize(
    "card",
    [
        '<div class="c"><dl><div><dt>Published</dt><dd><time datetime="x">1 May</time></dd>'
        "</div>\n<div><dt>By</dt><dd><a href='a/'>A &amp; B</a>, <a>C</a></dd></div></dl></div>\n",
        "<div>\n\n  <span>one</span>\n<b>two &lt;three&gt;</b>  </div>",
        '<div><p class="preview">kept tags</p></div>',
        '<div title="a > b">odd quotes</div>',
        "<div title='say \"hi\"'>quotes in quotes</div>\n<p>kept</p>",
        '<div data-x="1>an odd quote</div>',
        "<div>a < b</div>",
        "<div><!-- comment --></div>",
        "<div>   </div>",
        "",
    ],
)
def test_a_card_given_as_text_is_read_as_the_card(card: str) -> None:
    for body in ("<p>Body</p>", "\n\n<p>Body</p>", "text"):
        assert _sections(card_for_search(card) + body) == _sections(card + body)


def test_searchable_html_leaves_out_only_whole_excluded_elements() -> None:
    html = (
        '<p>Kept</p><div class="x" data-search-exclude><div><p>nested</p></div></div>'
        '<nav data-search-exclude aria-label="More"><a href="a/">A</a></nav><p>Tail</p>'
    )
    assert searchable_html(html) == f"<p>Kept</p>{SKIPPED}{SKIPPED}<p>Tail</p>"
    # A heading with an id starts a search section even where its text is skipped: kept.
    heading = '<div data-search-exclude><h2 id="x">X</h2></div><p>t</p>'
    assert searchable_html(heading) == heading
    unclosed = "<div data-search-exclude><p>no end</p>"
    assert searchable_html(unclosed) == unclosed
    assert searchable_html("<p>nothing excluded</p>") == "<p>nothing excluded</p>"
    for text in (html, heading, unclosed):
        assert _sections(searchable_html(text)) == _sections(text)


def test_stashed_blocks_are_places_in_the_generated_file_not_copies() -> None:
    header = "---\ntitle: A listing\n---\n\n"
    markdown = '## Heading\n\n<p class="ow-count">2 entries.</p>\n\n<ul><li>x</li></ul>\n'
    stashed, stash = stash_html(markdown)
    source = header + markdown
    rebased = stash.within(source)
    assert (
        list(rebased)
        == list(stash)
        == ['<p class="ow-count">2 entries.</p>', "<ul><li>x</li></ul>"]
    )
    assert stash.within("something else") is stash
    assert "<ul>" not in stashed


def _old_for_page(catalog: FeedCatalog, src_uri: str, entry: Entry | None) -> list[FeedScope]:
    """The rule `for_page` answered by asking every scope, as it did before its index."""
    found = []
    for scope in catalog.scopes:
        if scope.kind == "site":
            match = True
        elif scope.kind == "collection":
            match = (entry is not None and entry.kind == scope.key) or src_uri.startswith(
                scope.folder + "/"
            )
        elif scope.kind == "team":
            match = src_uri == scope.page_src or (
                entry is not None and entry.team_slug == scope.key
            )
        else:
            match = src_uri == scope.page_src
        if match:
            found.append(scope)
    return found


def test_every_example_page_links_the_feeds_it_linked_before(example_result: BuildResult) -> None:
    catalog = example_result.catalog
    assert catalog is not None
    pages = [(p.src_uri, None) for p in example_result.pages]
    pages += [(src, p.entry) for src, p in example_result.entry_pages.items()]
    pages += [("index.md", None), ("about.md", None)]
    for src, entry in pages:
        assert catalog.for_page(src, entry) == _old_for_page(catalog, src, entry), src


def test_an_override_of_the_head_links_is_rendered_for_each_page(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path,
        {
            "mkdocs.yml": (
                "site_name: Tiny\nsite_url: https://tiny.example/\n"
                "theme:\n  name: material\n  custom_dir: overrides\nplugins:\n  - openwork\n"
            ),
            "docs/index.md": "# Home\n",
            "weeknotes/2026-W47-platform.md": md(WEEKNOTE),
            "weeknotes/2026-W46-platform.md": md(
                "title: Older\ndate: 2026-11-13\nteam: platform\n"
            ),
        },
    )
    package = Path(__import__("openwork").__file__).parent / "templates" / "head_links.html"
    override = root / "overrides" / "openwork" / "head_links.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        "<!-- feeds of {{ page_src }} -->\n" + package.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    for src in ("weeknotes/2026-w47-platform.md", "weeknotes/2026-w46-platform.md"):
        page = built.read(src.removesuffix(".md") + "/index.html")
        head = page.split("</head>", 1)[0]
        assert f"<!-- feeds of {src} -->" in head
        assert head.count('rel="alternate"') == 9  # site, weeknotes, team: three formats each


def test_an_entry_is_indexed_with_its_card_and_footer_headings(example: Built) -> None:
    docs = json.loads(example.read("search/search_index.json"))["docs"]
    entry_docs = [d for d in docs if re.match(r"weeknotes/\d{4}-w\d\d-", d["location"])]
    firsts = [d for d in entry_docs if "#" not in d["location"]]
    assert firsts and all("Published" in d["text"] for d in firsts)  # the header card's facts
    related = [d for d in entry_docs if d["location"].endswith("#related")]
    assert related and all(d["title"] == "Related" for d in related)
    assert all(d["text"].strip() == "" for d in related)  # the list itself is not searched
    page = example.read(related[0]["location"].split("#")[0] + "index.html")
    assert page.index('class="ow-card') < page.index('id="related"')  # card, body, footer


# The list as `entry_list` rendered it inline, item by item, before items were reused.
INLINE_LIST = """{% import "_macros.html" as m with context %}
<ul class="ow-entries" data-search-exclude>
{% for e in entries %}
{% set with_excerpt = excerpts if excerpts is boolean else loop.index <= excerpts %}
<li class="ow-entry ow-entry--{{ e.kind }}{{ " ow-entry--compact" if excerpts is not boolean and not with_excerpt }}">
<a class="ow-entry__title" href="{{ link(paths.entry(e)) }}">{{ e.title }}</a>
<div class="ow-entry__meta">{% if show_kind %}<span class="ow-badge ow-kind--{{ e.kind }}">{{ singular[e.kind] }}</span> {% endif %}<time datetime="{{ e.date|iso }}">{{ e.date|date }}</time>{% if e.team %} · {{ m.team_link(e) }}{% endif %}{% if e.kind != "weeknote" %} · {{ m.status_badge(e) }}{% endif %}{% if e.kind == "incident" and e.durations().get("resolve") %} · resolved in {{ e.durations()["resolve"]|duration }}{% endif %}</div>
{% if with_excerpt and e.excerpt %}
<p class="ow-entry__excerpt">{{ e.excerpt }}</p>
{% endif %}
</li>
{% endfor %}
</ul>"""  # noqa: E501
REUSED_LIST = """{% import "_macros.html" as m with context %}
{{ m.entry_list(entries, show_kind, excerpts) }}"""


@pytest.mark.parametrize("show_kind", [False, True])
@pytest.mark.parametrize("excerpts", [True, False, 3])
def test_reused_list_items_are_the_items_rendered_inline(
    example_result: BuildResult, show_kind: bool, excerpts: bool | int
) -> None:
    site, renderer = example_result.site, example_result.renderer
    env = renderer.env
    entries = list(site.entries)
    for page in ("index.md", "tags/accessibility.md", "weeknotes/weeks/2026-w45.md", "feeds.md"):
        context = {
            "site": site,
            "paths": paths,
            "singular": KIND_SINGULAR,
            "link": lambda target, page=page: renderer.urls.relative(target, page),
            "entries": entries,
            "show_kind": show_kind,
            "excerpts": excerpts,
        }
        inline = env.from_string(INLINE_LIST).render(context)
        assert env.from_string(REUSED_LIST).render(context).strip() == inline.strip()


@pytest.mark.parametrize(
    "value", ["Café … “quoted” 😀", "line\u2028separator", 'a "b" <c> & \\d', "plain", ""]
)
def test_page_headers_are_ascii_and_read_back_as_written(value: str) -> None:
    header = header_value(value)
    assert header.isascii()
    _, meta = get_data(f"---\ntitle: {header}\ntags: {header_value([value, 'x'])}\n---\n")
    assert meta == {"title": html.escape(value), "tags": [html.escape(value), "x"]}


def test_an_entry_title_outside_ascii_reaches_its_page(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            "docs/index.md": "# Home\n",
            "weeknotes/2026-W47-platform.md": md(WEEKNOTE + "title: Café … “quoted” 😀\n"),
        },
    )
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    page = built.read("weeknotes/2026-w47-platform/index.html")
    assert "<title>Café … “quoted” 😀 - Tiny</title>" in page


_NAMES = ("p", "li", "ul", "code", "sub", "div", "span", "dl", "dd", "a", "time", "table", "td")
_TEXTS = ("", " ", "\n", "\n\n  ", "word", "two words", "A &amp; B", "&lt;x&gt;", "&nbsp;", "é\n")


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    """Card-like HTML: text, kept and other elements, empty ones, self-closing and void
    tags, and now and then an end tag that closes nothing."""
    out = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 9))
        if choice < 3:
            out.append(draw(st.sampled_from(_TEXTS)))
        elif choice < 8 and depth < 4:
            name = draw(st.sampled_from(_NAMES))
            attrs = draw(st.sampled_from(("", ' class="x"', ' data-a="1 2"')))
            out.append(f"<{name}{attrs}>{draw(_markup(depth + 1))}</{name}>")
        elif choice == 8:
            out.append(draw(st.sampled_from(("<br>", "<br/>", "<img alt='x'>", "<span/>"))))
        else:
            out.append(draw(st.sampled_from(("</p>", "</li>", "</span>"))))
    return "".join(out)


_HEADINGS = ("", '<h2 id="a">A <a class="headerlink" href="#a">¶</a></h2><p>after</p></div>')


@settings(max_examples=400, deadline=None)
@given(
    card=_markup(),
    heading=st.sampled_from(_HEADINGS),
    body=st.sampled_from(("<p>Body</p>", "\n\n<p> </p>x", " text", "", "</div>")),
)
def test_a_generated_card_is_read_as_the_card(card: str, heading: str, body: str) -> None:
    card = f'<div class="ow-card">{card}{heading}'
    assert _sections(card_for_search(card) + body) == _sections(card + body)
