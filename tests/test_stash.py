"""Listing pages' HTML blocks kept away from Python-Markdown give the same page."""

from __future__ import annotations

import markdown
import pytest
from openwork.render.stash import stash_html, stash_listing, unstash

from tests.builder import Built

EXTENSIONS = ["toc", "tables", "admonition", "attr_list", "pymdownx.superfences"]

LISTING = """\
Intro with *emphasis* and a [link](../x.md).

## Weeknotes

<p class="ow-count">3 weeknotes, newest first.</p>

<ul class="ow-list">
<li><a href="../a/">A &amp; B</a> <time datetime="2026-01-02">2 January</time></li>
<li><img src="x.png" alt="x"><br/>Two</li>
</ul>

<div class="ow-card">

<p>A blank line inside a block</p>

</div>

<!-- a comment -->

<div>unclosed

- a list item

<nav class="ow-pager"><a href="2/">Older</a></nav>
"""


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


FENCED = "Text\n\n```html\nx\n\n<p>in code</p>\n```\n"
MD_IN_HTML = '<div markdown="1">\n*converted*\n</div>\n'


@pytest.mark.parametrize("text", [LISTING, "", "Just text.", "<p>one block</p>", FENCED])
def test_a_stashed_page_converts_to_the_same_html(text: str) -> None:
    stashed, blocks = stash_html(text)
    assert unstash(convert(stashed), blocks) == convert(text)


def test_only_balanced_html_blocks_of_the_templates_are_stashed() -> None:
    stashed, blocks = stash_html(LISTING)
    # The count, the list, a paragraph inside a raw block (still raw) and the pager.
    assert len(blocks) == 4
    assert blocks[0].startswith('<p class="ow-count">')
    assert blocks[3].startswith('<nav class="ow-pager">')
    # Left to Markdown: headings, text, a block holding blank lines, comments, unclosed tags.
    for kept in ("## Weeknotes", '<div class="ow-card">', "<!-- a comment -->", "<div>unclosed"):
        assert kept in stashed
    assert "A &amp; B" not in stashed
    assert stash_html(FENCED) == (FENCED, [])
    assert stash_html(MD_IN_HTML) == (MD_IN_HTML, [])


def test_search_reads_the_page_without_the_blocks_it_would_skip() -> None:
    text = (
        "## Weeknotes\n\n<p>3 weeknotes.</p>\n\n"
        '<ul class="ow-entries" data-search-exclude>\n<li>A</li>\n</ul>\n\n'
        '<div class="wrap">\n<ul data-search-exclude><li>B</li></ul>\n<p>Kept</p>\n</div>\n'
    )
    stashed, blocks = stash_html(text)
    html = convert(stashed)
    full = unstash(html, blocks)
    searchable = unstash(html, blocks, searchable_only=True)
    assert full == convert(text)
    assert "<li>A</li>" in full and "<li>A</li>" not in searchable
    assert "<div data-search-exclude></div>" in searchable
    # Only a block whose outer element is excluded is left out: "Kept" is still searchable.
    assert "<p>3 weeknotes.</p>" in searchable and "Kept" in searchable


def test_listing_pages_are_whole_and_no_placeholder_reaches_the_site(example: Built) -> None:
    text = example.all_text()
    assert "ow-stash" not in text
    assert "<div data-search-exclude></div>" not in text
    tag_page = example.page("tags/kubernetes/")
    assert tag_page.count('class="ow-entry ') >= 2  # the stashed list is back in the page


@pytest.mark.parametrize("text", [LISTING, "", "<p>one block … → ☃</p>", FENCED])
def test_a_packed_stash_gives_the_same_page(text: str) -> None:
    stashed, blocks = stash_html(text)
    packed_text, packed = stash_listing(text)
    assert packed_text == stashed
    assert list(packed) == list(blocks) and len(packed) == len(blocks)
    html = convert(stashed)
    assert unstash(html, packed) == unstash(html, blocks) == convert(text)
    assert unstash(html, packed, searchable_only=True) == unstash(
        html, blocks, searchable_only=True
    )
