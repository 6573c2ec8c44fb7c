"""The feed stage on small in-memory inputs: absolute links, ids, head links, catalog."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from openwork.content import read_content
from openwork.content.model import Entry
from openwork.feeds.absolute import absolute_srcset, feed_html
from openwork.feeds.catalog import FeedSettings, build_catalog
from openwork.feeds.head import add_to_head, head_links
from openwork.feeds.model import item_id
from openwork.feeds.publish import feed_files
from openwork.index import build_site as index_site
from openwork.options import load_options
from openwork.render import PageUrls

from tests.builder import write_tree

BASE = "https://example.org/sub/weeknotes/a-note/"


# --- absolute links ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="../other/">x</a>', '<a href="https://example.org/sub/weeknotes/other/">x</a>'),
        ('<a href="#part">x</a>', f'<a href="{BASE}#part">x</a>'),
        (
            '<img src="../../img/a.png" alt="A">',
            '<img src="https://example.org/sub/img/a.png" alt="A">',
        ),
        ("<img src='pic.png'/>", f'<img src="{BASE}pic.png">'),
        ('<video poster="p.jpg"></video>', f'<video poster="{BASE}p.jpg"></video>'),
        ('<a href="//cdn.example/x">x</a>', '<a href="https://cdn.example/x">x</a>'),
        ('<a href="/root/">x</a>', '<a href="https://example.org/root/">x</a>'),
        (
            '<blockquote cite="src.html">q</blockquote>',
            f'<blockquote cite="{BASE}src.html">q</blockquote>',
        ),
    ],
)
def test_relative_urls_become_absolute(html: str, expected: str) -> None:
    assert feed_html(html, BASE) == expected


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://other.example/x?a=1&amp;b=2">x</a>',
        '<a href="mailto:team@example.org">mail</a>',
        "<p>No tags at all &amp; an entity</p>",
        '<pre><code>&lt;a href="relative.html"&gt;</code></pre>',
        "<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td style="text-align:right">1</td>\n</tr>\n</tbody>\n</table>',
        '<figure><img alt="A"><figcaption>Cap</figcaption></figure>',
        "<details><summary>More</summary><p>Hidden</p></details>",
        '<div class="highlight"><pre><span></span><code><span class="k">def</span>'
        "</code></pre></div>",
        '<h2 id="next">Next</h2>\n<ol start="3">\n<li>x</li>\n</ol>',
    ],
)
def test_absolute_urls_text_and_code_are_left_exactly_alone(html: str) -> None:
    assert feed_html(html, BASE) == html


def test_srcset_candidates_all_become_absolute() -> None:
    assert absolute_srcset("a.png 1x, b.png 2x", BASE) == f"{BASE}a.png 1x, {BASE}b.png 2x"
    assert absolute_srcset(" a.png, b.png 480w ", BASE) == f"{BASE}a.png, {BASE}b.png 480w"
    assert absolute_srcset("a.png 1x,b.png 2x", BASE) == f"{BASE}a.png 1x, {BASE}b.png 2x"
    # HTML's rule: a URL runs to whitespace, commas included ('a.png,b.png' is one URL).
    assert absolute_srcset("a.png,b.png", BASE) == f"{BASE}a.png,b.png"
    html = feed_html('<img srcset="s.png 1x, https://x.example/l.png 2x" src="s.png">', BASE)
    assert html == f'<img srcset="{BASE}s.png 1x, https://x.example/l.png 2x" src="{BASE}s.png">'
    html = feed_html('<img srcset="javascript:alert(1) 1x, s.png 2x">', BASE)
    assert html == f'<img srcset="{BASE}s.png 2x">'


def test_attribute_values_stay_escaped_when_a_tag_is_rewritten() -> None:
    html = '<a title="&quot;Q&quot; &amp; A" href="x?a=1&amp;b=2">x</a>'
    assert feed_html(html, BASE) == (
        f'<a title="&quot;Q&quot; &amp; A" href="{BASE}x?a=1&amp;b=2">x</a>'
    )


def test_page_furniture_is_removed() -> None:
    html = (
        '<h2 id="next">Next<a class="headerlink" href="#next" title="Permanent link">&para;</a>'
        "</h2>\n<p onclick=\"go()\">Text <em>here</em></p>\n<script>var s = '<a href=x>';</script>"
        "\n<p>After</p><!-- a comment -->"
    )
    assert (
        feed_html(html, BASE)
        == '<h2 id="next">Next</h2>\n<p>Text <em>here</em></p>\n\n<p>After</p>'
    )


# Each: (HTML a writer could put in Markdown, a string that must not survive the sanitiser).
ATTACKS = [
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ('<a href="JaVaScRiPt&colon;alert(1)">x</a>', "alert"),
    ('<a href=" javascript:alert(1)">x</a>', "javascript"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ('<a href="vbscript:msgbox(1)">x</a>', "vbscript"),
    ('<iframe src="https://evil.example/"></iframe>', "iframe"),
    ('<form action="https://evil.example/"><input name="pw"></form>', "form"),
    ('<button formaction="https://evil.example/">Go</button>', "formaction"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "meta"),
    ('<base href="https://evil.example/">', "base"),
    ("<style>body { display: none }</style>", "display"),
    ("<script>alert(1)</script>", "alert"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ('<p onmouseover="alert(1)">x</p>', "onmouseover"),
    ('<svg onload="alert(1)"><circle r="1"/></svg>', "onload"),
    ('<object data="https://evil.example/x.swf"></object>', "object"),
    ('<embed src="https://evil.example/x.swf">', "embed"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "stylesheet"),
    ('<p style="position:fixed;top:0">x</p>', "position"),
    ('<math><mtext><img src=x onerror="alert(1)"></mtext></math>', "onerror"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "onerror"),
    ('<a href="https://ok.example/" target="_blank">x</a>', "target"),
]


@pytest.mark.parametrize(("html", "banned"), ATTACKS)
def test_the_sanitiser_removes_each_attack(html: str, banned: str) -> None:
    out = feed_html(f"<p>Before</p>{html}<p>After</p>", BASE)
    assert banned.lower() not in out.lower()
    assert out.startswith("<p>Before</p>") and out.endswith("<p>After</p>")


def test_positions_are_right_after_multibyte_text_and_many_lines() -> None:
    html = "<p>Ünïcödé — “quotes”</p>\n\n<p>line</p>\n" * 3 + '<a href="x">x</a>'
    assert feed_html(html, BASE).endswith(f'<a href="{BASE}x">x</a>')
    assert feed_html(html, BASE).startswith("<p>Ünïcödé — “quotes”</p>")


# --- ids ---------------------------------------------------------------------------------


def _entries(tmp_path: Path, options: dict[str, object] | None = None) -> list[Entry]:
    write_tree(
        tmp_path,
        {
            "incidents/2026-03-db.md": """
                ---
                title: Database ran out of connections
                date: 2026-03-04T10:00:00+00:00
                severity: SEV2
                status: investigating
                started: 2026-03-04T09:00:00+00:00
                impact: Slow pages.
                ---
                Body.
                """,
            "incidents/2026-04-dns.md": """
                ---
                title: DNS
                id: outage-dns
                date: 2026-04-01
                severity: SEV3
                status: investigating
                started: 2026-04-01T09:00:00+00:00
                impact: None.
                ---
                Body.
                """,
        },
    )
    return read_content(tmp_path, load_options(options)).entries


def test_item_ids_are_tag_uris_from_host_year_and_id(tmp_path: Path) -> None:
    db, dns = sorted(_entries(tmp_path), key=lambda e: e.path)
    assert item_id("https://Digital.Example.org/", db) == (
        "tag:digital.example.org,2026:incidents/2026-03-db"
    )
    assert item_id("https://x.github.io/site/", dns) == ("tag:x.github.io,2026:site/outage-dns")
    retitled = replace(db, title="Connections ran out", slug="connections")
    assert item_id("https://x.org/", retitled) == item_id("https://x.org/", db)


def test_item_ids_survive_a_new_collection_url(tmp_path: Path) -> None:
    options = {"collections": {"incident": {"folder": "incidents", "url": "postmortems"}}}
    moved = {e.path: e for e in _entries(tmp_path, options)}
    before = {e.path: e for e in _entries(tmp_path)}
    for path, entry in moved.items():
        assert entry.collection == "postmortems"
        assert entry.id == before[path].id  # ids come from the folder, not the URL
        assert item_id("https://x.org/", entry) == item_id("https://x.org/", before[path])


def test_unusual_characters_in_ids_are_percent_encoded(tmp_path: Path) -> None:
    entry = replace(_entries(tmp_path)[0], id="notes/café #1")
    assert item_id("https://x.org/", entry) == "tag:x.org,2026:notes/caf%C3%A9%20%231"


# --- catalog and head links --------------------------------------------------------------


def _catalog(tmp_path: Path, formats: tuple[str, ...] = ("rss", "atom", "json")):
    write_tree(
        tmp_path,
        {
            "weeknotes/2026-W10-ops.md": """
                ---
                title: Ops & "friends" <b>
                date: 2026-03-06T12:00:00+00:00
                team: Ops Team
                tags: [Open Data]
                authors: [Kim]
                ---
                See [the other](other.md).
                """,
        },
    )
    options = load_options({})
    result = read_content(tmp_path, options)
    site = index_site(
        result.entries, result.authors, options, datetime(2026, 3, 7, tzinfo=UTC).date()
    )
    settings = FeedSettings(site_name="Tiny", site_url="https://tiny.example/", formats=formats)
    return build_catalog(site, settings, PageUrls()), result.entries[0]


def test_catalog_has_site_collection_team_and_tag_feeds(tmp_path: Path) -> None:
    catalog, _ = _catalog(tmp_path)
    paths = [scope.path("rss") for scope in catalog.scopes]
    assert paths == [
        "feed.xml",
        "weeknotes/feed.xml",
        "experiments/feed.xml",
        "incidents/feed.xml",
        "teams/ops-team/feed.xml",
        "tags/open-data/feed.xml",
    ]
    assert catalog.find("tag", "open-data").title == "Tiny: tagged Open Data"
    assert catalog.find("team", "ops-team").label == "Ops Team team"


def test_feed_urls_with_unicode_letters_are_percent_encoded(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "u",
        {
            "weeknotes/2026-W10-café.md": """
                ---
                title: Café
                date: 2026-03-06T12:00:00+00:00
                team: Öps
                tags: [Café]
                ---
                Text.
                """
        },
    )
    options = load_options({})
    result = read_content(tmp_path / "u", options)
    site = index_site(result.entries, {}, options, datetime(2026, 3, 7, tzinfo=UTC).date())
    settings = FeedSettings(site_name="T", site_url="https://t.example/")
    catalog = build_catalog(site, settings, PageUrls())
    tag = catalog.find("tag", "café")
    assert tag is not None
    assert catalog.url(tag, "rss") == "https://t.example/tags/caf%C3%A9/feed.xml"
    files = feed_files(catalog, {})
    rss = feedparser.parse(files["tags/café/feed.xml"])
    assert not rss.bozo
    assert rss.entries[0].link == "https://t.example/weeknotes/2026-w10-caf%C3%A9/"
    assert rss.feed.link == "https://t.example/tags/caf%C3%A9/"


def test_head_links_escape_titles_and_sit_before_head_end(tmp_path: Path) -> None:
    catalog, entry = _catalog(tmp_path, formats=("atom",))
    links = head_links(catalog, entry.src_uri, entry)
    assert links.count("<link ") == 3  # site, weeknotes, team: one format each
    page = add_to_head("<html><head><title>x</title></HEAD><body></body></html>", links)
    assert page.index("application/atom+xml") < page.index("</HEAD>")
    assert add_to_head("<p>no head</p>", links) == "<p>no head</p>"
    catalog2, _ = _catalog(tmp_path / "two")
    scope = catalog2.find("team", "ops-team")
    assert scope is not None
    object.__setattr__(scope, "title", 'Say "hi" <now>')
    assert 'title="Say &#34;hi&#34; &lt;now&gt; (RSS)"' in head_links(catalog2, scope.page_src)


def test_front_matter_is_escaped_in_every_format(tmp_path: Path) -> None:
    catalog, entry = _catalog(tmp_path)
    files = feed_files(catalog, {entry.id: "<p>Body &amp; more</p>"})
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse(files[name])
        assert not parsed.bozo
        assert parsed.entries[0].title == 'Ops & "friends" <b>'
    data = json.loads(files["feed.json"])
    assert data["items"][0]["title"] == 'Ops & "friends" <b>'
    assert data["items"][0]["content_html"] == "<p>Body &amp; more</p>"
    assert b"<b>" not in files["feed.json"] and b"<p>" not in files["feed.json"]
    assert b"<b>" not in files["feed.xml"] and b"<b>" not in files["atom.xml"]


def test_an_entry_without_rendered_html_still_makes_valid_items(tmp_path: Path) -> None:
    # When docs/ holds a page at an entry's URL, openwork does not render the entry.
    catalog, _ = _catalog(tmp_path)
    files = feed_files(catalog, {})
    atom = feedparser.parse(files["atom.xml"])
    assert not atom.bozo and atom.entries[0].link.endswith("/weeknotes/2026-w10-ops/")
    item = json.loads(files["feed.json"])["items"][0]
    assert "content_html" not in item and item["content_text"] == "See the other."
