"""Feeds of real builds, read back with feedparser, a JSON Schema and an HTML parser."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
import pytest
import yaml
from mkdocs.exceptions import Abort

from tests.builder import REPO, Built, mkdocs_build, write_tree

FIXTURE = REPO / "tests" / "fixtures" / "tiny-site"
SCHEMA = json.loads((REPO / "tests/schemas/jsonfeed-1.1.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)

# Every feed folder of the tiny fixture site and how many entries it holds.
EXPECTED_COUNTS = {
    "": 4,
    "weeknotes": 2,
    "experiments": 1,
    "incidents": 1,
    "teams/platform": 3,
    "tags/kubernetes": 2,
    "tags/open-data": 1,
    "tags/performance": 2,
    "status": 2,  # status (#16): the one incident's "opened" and "resolved"
}
FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
OFFSET_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$"
)
# The W3C validator's rule for tag: URIs (lower-case authority, a date, a restricted set).
TAG_URI = re.compile(
    r"^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$"
)
NS = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return mkdocs_build(FIXTURE / "mkdocs.yml", tmp_path_factory.mktemp("tiny") / "site")


def feed_path(folder: str, fmt: str) -> str:
    return f"{folder}/{FILES[fmt]}" if folder else FILES[fmt]


def parse(built: Built, rel: str) -> Any:
    return feedparser.parse((built.site_dir / rel).read_bytes())


def copy_fixture(tmp_path: Path, **options: Any) -> Path:
    """The fixture site copied to tmp_path, with `options` merged into the openwork plugin's."""
    root = tmp_path / "tiny-site"
    shutil.copytree(FIXTURE, root)
    if options:
        config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
        config["plugins"][0]["openwork"].update(options)
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return root


class _UrlCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "poster"):
                self.urls.append(value)
            elif name == "srcset":
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip())


def urls_in(html: str) -> list[str]:
    collector = _UrlCollector()
    collector.feed(html)
    collector.close()
    return collector.urls


def head_feed_links(page_html: str) -> list[tuple[str, str]]:
    """(type, href) of every `<link rel="alternate">` inside <head>."""
    head = page_html.split("</head>", 1)[0]
    found = []
    for tag in re.findall(r"<link [^>]*>", head):
        attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag))
        if attrs.get("rel") == "alternate" and "type" in attrs:
            found.append((attrs["type"], attrs["href"]))
    return found


# --- every feed parses, with the right items ---------------------------------------------


@pytest.mark.parametrize("folder", sorted(EXPECTED_COUNTS))
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_xml_feeds_parse_cleanly_with_the_right_items(built: Built, folder: str, fmt: str) -> None:
    parsed = parse(built, feed_path(folder, fmt))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if fmt == "rss" else "atom10")
    assert len(parsed.entries) == EXPECTED_COUNTS[folder]
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids)
    assert all(TAG_URI.match(i) for i in ids), ids
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    for entry in parsed.entries:
        assert entry.link.startswith("https://tiny.example/")
        html = entry.content[0].value
        assert html.strip()
        for url in urls_in(html):
            assert re.match(r"^[a-z][a-z0-9+.\-]*:", url), f"relative URL {url!r} in {entry.id}"


@pytest.mark.parametrize("folder", sorted(EXPECTED_COUNTS))
def test_json_feeds_match_the_json_feed_schema(built: Built, folder: str) -> None:
    data = json.loads(built.read(feed_path(folder, "json")))
    errors = [e.message for e in VALIDATOR.iter_errors(data)]
    assert errors == []
    assert len(data["items"]) == EXPECTED_COUNTS[folder]
    assert data["feed_url"] == f"https://tiny.example/{feed_path(folder, 'json')}"
    ids = [item["id"] for item in data["items"]]
    assert len(set(ids)) == len(ids)
    for item in data["items"]:
        for url in urls_in(item["content_html"]):
            assert re.match(r"^[a-z][a-z0-9+.\-]*:", url), url


def test_one_entry_has_one_id_in_every_format_and_feed(built: Built) -> None:
    ids: dict[str, set[str]] = {}
    for folder in EXPECTED_COUNTS.keys() - {"status"}:  # status items are changes, not entries
        for fmt in ("rss", "atom"):
            for entry in parse(built, feed_path(folder, fmt)).entries:
                ids.setdefault(entry.link, set()).add(entry.id)
        for item in json.loads(built.read(feed_path(folder, "json")))["items"]:
            ids.setdefault(item["url"], set()).add(item["id"])
    assert len(ids) == 4
    assert all(len(found) == 1 for found in ids.values()), ids
    assert {"tag:tiny.example,2026:weeknotes/2026-W45-platform"} in ids.values()


def test_the_relative_link_and_image_of_a_body_become_absolute(built: Built) -> None:
    entry = next(
        e for e in parse(built, "atom.xml").entries if e.link.endswith("2026-w45-platform/")
    )
    html = entry.content[0].value
    assert 'href="https://tiny.example/experiments/2026-09-cache/"' in html
    assert 'src="https://tiny.example/img/diagram.svg"' in html
    assert 'href="https://tiny.example/weeknotes/2026-w45-platform/#next-week"' in html
    assert 'href="https://tiny.example/incidents/2026-11-12-slow-logins/#timeline"' in html
    assert "headerlink" not in html and "¶" not in html
    # The page itself keeps its relative links: only the feed copy is rewritten.
    page = built.page("weeknotes/2026-w45-platform/")
    assert 'src="../../img/diagram.svg"' in page


def test_items_carry_summary_authors_tags_and_dates_with_offsets(built: Built) -> None:
    atom = parse(built, "atom.xml")
    by_link = {e.link.removeprefix("https://tiny.example/"): e for e in atom.entries}
    probes = by_link["weeknotes/2026-w45-platform/"]
    assert probes.title == "Probes & caches"
    assert probes.summary.startswith("We restarted the cache experiment")
    assert probes.author_detail.name == "Ada Lovelace"
    assert probes.author_detail.href == "https://example.org/people/ada"
    assert [t.term for t in probes.tags] == ["kubernetes", "open-data"]
    assert [t.label for t in probes.tags] == ["kubernetes", "Open Data"]
    incident = by_link["incidents/2026-11-12-slow-logins/"]
    # `updated` is the newest amendment, later than the `updated` field and the date.
    assert incident.updated == "2026-11-15T10:00:00+00:00"
    assert incident.published == "2026-11-12T09:15:00+00:00"
    experiment = by_link["experiments/2026-09-cache/"]
    assert experiment.published == "2026-09-14T00:00:00+01:00"  # British Summer Time
    # Relative author URLs from authors.yml become absolute.
    assert experiment.author_detail.href == "https://tiny.example/people/grace/"
    root = ET.fromstring(built.read("atom.xml"))
    for element in root.iter():
        if element.tag in (f"{{{NS['atom']}}}updated", f"{{{NS['atom']}}}published"):
            assert OFFSET_DATE.match(element.text or ""), element.text


def test_rss_follows_what_the_w3c_validator_checks(built: Built) -> None:
    for folder in EXPECTED_COUNTS:
        channel = ET.fromstring(built.read(feed_path(folder, "rss"))).find("channel")
        assert channel is not None
        self_link = channel.find("atom:link", NS)
        assert self_link is not None
        assert self_link.get("rel") == "self"
        assert self_link.get("href") == f"https://tiny.example/{feed_path(folder, 'rss')}"
        assert channel.findtext("language") == "en"
        assert RFC822.match(channel.findtext("lastBuildDate") or "")
        for item in channel.findall("item"):
            assert item.find("author") is None, "RSS <author> must be an e-mail: use dc:creator"
            guid = item.find("guid")
            assert guid is not None and guid.get("isPermaLink") == "false"
            assert TAG_URI.match(guid.text or "")
            assert RFC822.match(item.findtext("pubDate") or "")
            # content:encoded needs a <description> before it.
            names = [child.tag for child in item]
            assert names.index("description") < names.index(
                "{http://purl.org/rss/1.0/modules/content/}encoded"
            )
    site = ET.fromstring(built.read("feed.xml")).find("channel")
    assert site is not None
    creators = [c.text for c in site.iterfind("item/dc:creator", NS)]
    assert creators == ["Sam Example", "Ada Lovelace", "Grace Hopper"]


def test_atom_follows_rfc_4287(built: Built) -> None:
    for folder in EXPECTED_COUNTS:
        root = ET.fromstring(built.read(feed_path(folder, "atom")))
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        assert root.findtext("atom:id", namespaces=NS)
        assert root.findtext("atom:author/atom:name", namespaces=NS) == "Tiny Council"
        rels = {link.get("rel"): link.get("href") for link in root.findall("atom:link", NS)}
        assert rels["self"] == f"https://tiny.example/{feed_path(folder, 'atom')}"
        assert rels["alternate"] == f"https://tiny.example/{folder}/".replace(
            ".example//", ".example/"
        )


def test_feed_updated_is_the_newest_item_not_the_clock(built: Built) -> None:
    rss = ET.fromstring(built.read("feed.xml")).find("channel")
    assert rss is not None
    assert rss.findtext("lastBuildDate") == "Sun, 15 Nov 2026 10:00:00 +0000"
    atom = parse(built, "weeknotes/atom.xml")
    assert atom.feed.updated == max(e.updated for e in atom.entries)
    data = json.loads(built.read("experiments/feed.json"))
    assert data["items"][0]["date_modified"] == "2026-09-14T00:00:00+01:00"


def test_drafts_are_in_no_feed(built: Built) -> None:
    text = built.all_text()
    assert "Secret draft" not in text
    assert "2026-W47-secret" not in text


# --- OPML, /feeds/ page, head links ------------------------------------------------------


def test_opml_lists_every_feed_once(built: Built) -> None:
    root = ET.fromstring(built.read("feeds.opml"))
    assert root.get("version") == "2.0"
    urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    expected = [f"https://tiny.example/{feed_path(f, 'rss')}" for f in EXPECTED_COUNTS]
    assert sorted(urls) == sorted(expected)
    for url in urls:
        assert built.exists(url.removeprefix("https://tiny.example/"))


def test_feeds_page_lists_every_feed_with_a_copyable_address(built: Built) -> None:
    page = built.page("feeds/")
    assert "feed reader" in page
    for folder in EXPECTED_COUNTS:
        url = f"https://tiny.example/{feed_path(folder, 'rss')}"
        assert f'value="{url}"' in page and "readonly" in page
    assert 'href="../feeds.opml"' in page
    assert 'href="../weeknotes/atom.xml"' in page


@pytest.mark.parametrize("url", ["teams/platform/", "tags/kubernetes/", "tags/open-data/"])
def test_team_and_tag_pages_link_their_feeds(built: Built, url: str) -> None:
    page = built.page(url)
    assert "Follow in a feed reader" in page
    assert 'href="feed.xml" type="application/rss+xml"' in page
    assert 'href="feed.json" type="application/feed+json"' in page


SITE_LINKS = [
    ("application/rss+xml", "https://tiny.example/feed.xml"),
    ("application/atom+xml", "https://tiny.example/atom.xml"),
    ("application/feed+json", "https://tiny.example/feed.json"),
]


def scoped(folder: str) -> list[tuple[str, str]]:
    return [(t, h.replace(".example/", f".example/{folder}/")) for t, h in SITE_LINKS]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", SITE_LINKS),
        ("feeds/", SITE_LINKS),
        ("weeknotes/", SITE_LINKS + scoped("weeknotes")),
        (
            "weeknotes/2026-w45-platform/",
            SITE_LINKS + scoped("weeknotes") + scoped("teams/platform"),
        ),
        ("incidents/2026-11-12-slow-logins/", SITE_LINKS + scoped("incidents")),
        ("teams/platform/", SITE_LINKS + scoped("teams/platform")),
        ("tags/kubernetes/", SITE_LINKS + scoped("tags/kubernetes")),
    ],
)
def test_pages_link_their_feeds_in_head(
    built: Built, url: str, expected: list[tuple[str, str]]
) -> None:
    assert head_feed_links(built.page(url)) == expected


# --- stability ---------------------------------------------------------------------------


def feed_bytes(built: Built) -> dict[str, bytes]:
    return {
        str(p.relative_to(built.site_dir)): p.read_bytes()
        for p in sorted(built.site_dir.rglob("*"))
        if p.name in ("feed.xml", "atom.xml", "feed.json", "feeds.opml")
    }


def test_two_builds_give_identical_feeds(built: Built, tmp_path: Path) -> None:
    again = mkdocs_build(FIXTURE / "mkdocs.yml", tmp_path / "again")
    first, second = feed_bytes(built), feed_bytes(again)
    assert len(first) == len(EXPECTED_COUNTS) * 3 + 1
    assert first == second


def test_a_retitled_and_renamed_entry_keeps_its_id(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    before = parse(mkdocs_build(root / "mkdocs.yml", tmp_path / "one"), "atom.xml")
    root = copy_fixture(
        tmp_path / "moved", collections={"experiment": {"folder": "experiments", "url": "trials"}}
    )
    source = root / "experiments" / "2026-09-cache.md"
    text = source.read_text("utf-8").replace(
        "title: Cache address lookups", "title: Caching addresses\nslug: caching"
    )
    source.write_text(text, "utf-8")
    after_site = mkdocs_build(root / "mkdocs.yml", tmp_path / "two")
    after = parse(after_site, "atom.xml")
    old = next(e for e in before.entries if e.title == "Cache address lookups")
    new = next(e for e in after.entries if e.title == "Caching addresses")
    assert new.link == "https://tiny.example/trials/caching/"
    assert new.id == old.id == "tag:tiny.example,2026:experiments/2026-09-cache"
    assert after_site.exists("trials/feed.xml")


# --- options and errors ------------------------------------------------------------------


def test_missing_site_url_is_a_clear_error(tiny: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tiny / "mkdocs.yml").write_text(
        "site_name: Tiny\ntheme:\n  name: material\nplugins:\n  - openwork\n", "utf-8"
    )
    with pytest.raises(Abort):
        mkdocs_build(tiny / "mkdocs.yml", tiny / "site")
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "feeds need absolute URLs" in errors[0]
    assert "add `site_url: https://" in errors[0] and "mkdocs.yml" in errors[0]
    assert "Traceback" not in caplog.text


def test_feeds_off_needs_no_site_url_and_writes_no_feed(tiny: Path) -> None:
    (tiny / "mkdocs.yml").write_text(
        "site_name: Tiny\ntheme:\n  name: material\nplugins:\n"
        "  - openwork:\n      feeds:\n        formats: []\n",
        "utf-8",
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tiny / "site")
    assert not built.exists("feed.xml") and not built.exists("feeds.opml")
    assert not built.exists("feeds/index.html")
    assert head_feed_links(built.page("")) == []


def test_formats_rss_writes_only_rss(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, feeds={"formats": ["rss"], "limit": 1, "scoped_limit": 2})
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    written = {p.name for p in built.site_dir.rglob("*") if p.name in FILES.values()}
    assert written == {"feed.xml"}
    assert head_feed_links(built.page("")) == SITE_LINKS[:1]
    assert "atom.xml" not in built.page("feeds/")
    # feeds.limit: the site and collection feeds hold only their newest entry;
    # feeds.scoped_limit: team and tag feeds their newest two.
    for folder, count in EXPECTED_COUNTS.items():
        entries = parse(built, feed_path(folder, "rss")).entries
        scoped = folder.startswith(("teams/", "tags/"))
        assert len(entries) == min(count, 2 if scoped else 1), folder
    assert parse(built, "feed.xml").entries[0].title == "A quieter week"


def test_page_urls_follow_use_directory_urls(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    config["use_directory_urls"] = False
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    entry = next(e for e in parse(built, "atom.xml").entries if e.title == "Probes & caches")
    assert entry.link == "https://tiny.example/weeknotes/2026-w45-platform.html"
    assert 'src="https://tiny.example/img/diagram.svg"' in entry.content[0].value
    assert 'href="https://tiny.example/experiments/2026-09-cache.html"' in entry.content[0].value
    team = built.read("teams/platform.html")
    assert 'href="platform/feed.xml" type="application/rss+xml"' in team
    assert built.exists("teams/platform/feed.xml")


def test_embargoed_and_private_content_is_in_no_feed(tiny: Path) -> None:
    write_tree(
        tiny,
        {
            "weeknotes/2026-W10-ops.md": """
                ---
                title: Open note
                team: ops
                ---
                Shared text.

                <!-- private -->
                The supplier's internal contract number.
                <!-- /private -->
                """,
            "weeknotes/2026-W11-ops.md": """
                ---
                title: Embargoed note
                team: ops
                publish_after: 2999-01-01T00:00:00Z
                ---
                Not yet.
                """,
        },
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tiny / "site")
    feeds = "".join(
        built.read(rel)
        for rel in ("feed.xml", "atom.xml", "feed.json", "teams/ops/feed.json", "feeds.opml")
    )
    assert "Open note" in feeds and "Shared text." in feeds
    assert "Embargoed" not in feeds and "Not yet" not in feeds
    assert "contract number" not in feeds


def test_an_empty_collection_still_has_valid_feeds(tiny: Path) -> None:
    write_tree(
        tiny,
        {
            "weeknotes/2026-W10-ops.md": """
                ---
                title: Only note
                date: 2026-03-06T12:00:00+00:00
                team: ops
                ---
                Text.
                """
        },
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tiny / "site")
    for fmt in ("rss", "atom"):
        parsed = parse(built, feed_path("incidents", fmt))
        assert not parsed.bozo and parsed.entries == []
    atom = parse(built, "incidents/atom.xml")
    assert atom.feed.updated == "2026-03-06T12:00:00+00:00"  # the site's newest, not now
    data = json.loads(built.read("incidents/feed.json"))
    assert list(VALIDATOR.iter_errors(data)) == [] and data["items"] == []


# --- the example organisation ------------------------------------------------------------


def test_example_site_feeds_hold_every_published_entry(example: Built) -> None:
    entries = json.loads(example.read("entries.json"))["entries"]
    opml = ET.fromstring(example.read("feeds.opml"))
    feed_urls = [o.get("xmlUrl") for o in opml.iter("outline") if o.get("xmlUrl")]
    assert len(feed_urls) >= 1 + 3 + 3  # the site, three collections, three teams, and tags
    for url in feed_urls:
        assert url is not None
        rel = url.removeprefix("https://digital.northfield.example/")
        folder = rel.removesuffix("feed.xml").rstrip("/")
        rss = parse(example, rel)
        assert not rss.bozo, (rel, rss.get("bozo_exception"))
        atom = parse(example, feed_path(folder, "atom"))
        assert not atom.bozo and len(atom.entries) == len(rss.entries)
        data = json.loads(example.read(feed_path(folder, "json")))
        assert [e["message"] for e in VALIDATOR.iter_errors(data)] == []
        for item in data["items"]:
            for link in urls_in(item["content_html"]):
                assert re.match(r"^[a-z][a-z0-9+.\-]*:", link), (rel, link)
    site = parse(example, "feed.xml")
    assert len(site.entries) == min(50, len(entries))
    assert [e.link for e in site.entries] == [e["url"] for e in entries][:50]
    assert head_feed_links(example.page(""))[:1] == [
        ("application/rss+xml", "https://digital.northfield.example/feed.xml")
    ]


# --- the header card's facts lead each incident and experiment item -------------------------


def test_incident_items_lead_with_severity_status_and_durations(built: Built) -> None:
    for rel in ("incidents/feed.xml", "incidents/atom.xml"):
        (item,) = parse(built, rel).entries
        content = item.content[0].value
        facts, body = content.split("<hr />", 1)
        assert "<strong>SEV2 incident, resolved.</strong>" in facts
        assert "Impact: Some residents waited 20 seconds or more to log in." in facts
        assert "Time to detect 25 min, resolve 1 d 2 h" in facts
        # the amendment, which is why the item's `updated` moved, comes first
        assert facts.index("Amended 15 November 2026:") < facts.index("SEV2")
        assert "connection pool" in body


def test_experiment_items_lead_with_status_and_hypothesis(built: Built) -> None:
    items = json.loads(built.read("experiments/feed.json"))["items"]
    (item,) = items
    facts, body = item["content_html"].split("<hr />", 1)
    assert "<strong>Experiment, running</strong> (started 14 September 2026)." in facts
    assert "<blockquote><p>We believe that caching address lookups" in facts
    assert "Every form that asks for an address" in body


def test_weeknote_items_are_the_body_alone(built: Built) -> None:
    items = json.loads(built.read("weeknotes/feed.json"))["items"]
    assert items and all("<hr />" not in item["content_html"][:200] for item in items)
