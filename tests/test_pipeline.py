"""The pipeline: one entry that fails at any stage is a problem naming its file and is left
out everywhere; previews never reach a feed; pages never overwrite one another."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import feedparser
import pytest
from openwork import paths
from openwork.index import build_site as index_site
from openwork.options import Options
from openwork.pipeline import SiteSettings, feed_documents, run, shown_entries, stages

from tests.builder import MINIMAL_MKDOCS, build_and_check, mkdocs_build, write_tree
from tests.reading import EXPERIMENT, INCIDENT, NOW, WEEKNOTE, md, read

SETTINGS = SiteSettings(site_name="Tiny", site_url="https://tiny.example/")
# A theme override with a bug that only one entry meets: the kind of failure no test of the
# shipped templates can foresee. Jinja raises ZeroDivisionError while rendering that entry.
BOOM = '{% if entry.title == "Boom" %}{{ 1 // 0 }}{% endif %}'


def _site(root: Path, extra: dict[str, str] | None = None) -> Path:
    return write_tree(
        root,
        {
            "weeknotes/2026-W47-platform.md": md(WEEKNOTE + "tags: [ops]\n"),
            "weeknotes/2026-W46-platform.md": md(
                "title: Boom\ndate: 2026-11-13\nteam: platform\ntags: [ops, boom-only]\n"
            ),
            "experiments/forms.md": md(EXPERIMENT),
            "incidents/search.md": md(INCIDENT),
            **(extra or {}),
        },
    )


def _override(root: Path, template: str, prepend: str = BOOM) -> Path:
    """A theme override folder holding a package template with `prepend` at its top."""
    package = Path(__import__("openwork").__file__).parent / "templates"
    folder = root / "overrides" / "openwork"
    folder.mkdir(parents=True, exist_ok=True)
    text = (package / template).read_text(encoding="utf-8")
    (folder / template).write_text(prepend + text, encoding="utf-8")
    return folder


def _everything(result: object) -> str:
    pages = result.pages  # type: ignore[attr-defined]
    entry_pages = result.entry_pages  # type: ignore[attr-defined]
    return "\n".join(
        [p.markdown for p in pages]
        + [p.markdown + p.header + p.footer for p in entry_pages.values()]
        + list(result.data_files.values())  # type: ignore[attr-defined]
    )


def test_an_entry_whose_page_cannot_render_is_a_problem_and_left_out_everywhere(
    tmp_path: Path,
) -> None:
    root = _site(tmp_path)
    folder = _override(root, "entry_footer.html")
    settings = SiteSettings(site_url="https://tiny.example/", template_dirs=(folder,))
    result = run(root, Options(), settings, now=NOW)
    [problem] = [p for p in result.problems if "could not" in p.message]
    assert problem.path == "weeknotes/2026-W46-platform.md" and problem.level == "error"
    assert problem.message.startswith("openwork could not render this entry: ZeroDivisionError")
    assert "weeknotes/2026-W46-platform.md" not in {
        p.entry.path for p in result.entry_pages.values()
    }
    assert len(result.entry_pages) == 3  # the others are built
    text = _everything(result)
    assert "Boom" not in text  # not in a listing, a week page, a neighbour link or entries.json
    assert "tags/boom-only.md" not in {p.src_uri for p in result.pages}  # its only tag is gone
    files, problems = feed_documents(result.catalog, {})
    assert not problems
    assert b"Boom" not in b"".join(files.values())


def test_an_entry_a_listing_cannot_show_is_left_out_and_the_listings_render(
    tmp_path: Path,
) -> None:
    root = _site(tmp_path)
    folder = root / "overrides" / "openwork"
    folder.mkdir(parents=True)
    package = Path(__import__("openwork").__file__).parent / "templates"
    macros = (package / "_macros.html").read_text(encoding="utf-8")
    broken = macros.replace(
        '<a class="ow-entry__title"',
        '{% if e.title == "Boom" %}{{ 1 // 0 }}{% endif %}<a class="ow-entry__title"',
    )
    assert broken != macros
    (folder / "_macros.html").write_text(broken, encoding="utf-8")
    settings = SiteSettings(site_url="https://tiny.example/", template_dirs=(folder,))
    result = run(root, Options(), settings, now=NOW)
    assert [p.path for p in result.problems if "could not render" in p.message] == [
        "weeknotes/2026-W46-platform.md"
    ]
    srcs = {p.src_uri for p in result.pages}
    assert {"weeknotes/index.md", "teams/platform.md", "tags/ops.md"} <= srcs
    assert "Boom" not in _everything(result)


def test_an_entry_whose_feed_item_fails_is_a_problem_and_left_out(tmp_path: Path) -> None:
    root = _site(tmp_path)
    folder = root / "overrides" / "openwork"
    folder.mkdir(parents=True)
    (folder / "feed_facts.html").write_text(BOOM + "facts", encoding="utf-8")
    settings = SiteSettings(site_url="https://tiny.example/", template_dirs=(folder,))
    result = run(root, Options(), settings, now=NOW)
    [problem] = [p for p in result.problems if "could not" in p.message]
    assert problem.path == "weeknotes/2026-W46-platform.md"
    assert problem.message.startswith("openwork could not feed this entry: ZeroDivisionError")
    assert "Boom" not in _everything(result)


def test_an_incident_the_charts_cannot_draw_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _site(tmp_path, {"incidents/odd.md": md(INCIDENT.replace("Search down", "Odd one"))})
    real = stages.incident_metrics

    def fussy(entries: list, *args: object) -> object:
        if any(e.title == "Odd one" for e in entries):
            raise OverflowError("date value out of range")
        return real(entries, *args)

    monkeypatch.setattr(stages, "incident_metrics", fussy)
    result = run(root, Options(), SETTINGS, now=NOW)
    [problem] = [p for p in result.problems if "could not" in p.message]
    assert problem.path == "incidents/odd.md"
    assert problem.message.startswith("openwork could not chart this entry: OverflowError")
    assert "incidents/search.md" in {p.entry.path for p in result.entry_pages.values()}


def test_a_listing_page_that_fails_is_a_problem_and_the_rest_build(tmp_path: Path) -> None:
    root = _site(tmp_path)
    folder = root / "overrides" / "openwork"
    folder.mkdir(parents=True)
    (folder / "teams.md").write_text("{{ no_such_thing.at_all }}", encoding="utf-8")
    settings = SiteSettings(site_url="https://tiny.example/", template_dirs=(folder,))
    result = run(root, Options(), settings, now=NOW)
    [problem] = [p for p in result.problems if "could not" in p.message]
    assert problem.path == "teams/index.md"
    assert "could not render the generated page teams/index.md: UndefinedError" in problem.message
    srcs = {p.src_uri for p in result.pages}
    assert "teams/index.md" not in srcs and "teams/platform.md" in srcs
    assert len(result.entry_pages) == 4


def test_serve_shows_previews_that_no_feed_opml_entries_json_or_search_carries(
    tiny: Path, tmp_path: Path
) -> None:
    write_tree(
        tiny,
        {
            "mkdocs.yml": MINIMAL_MKDOCS.replace("  - openwork", "  - search\n  - openwork"),
            "weeknotes/2026-W47-platform.md": md(WEEKNOTE + "tags: [ops]\n"),
            "weeknotes/secret.md": md(
                "title: Secret plans\ndate: 2026-11-21\nteam: stealth\ntags: [hush]\ndraft: true\n"
            ),
            "incidents/later.md": md(
                INCIDENT.replace("Search down", "Embargoed outage")
                + "publish_after: 2999-01-01T09:00:00Z\n"
            ),
        },
    )
    served = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "serve", command="serve")
    assert "Preview only." in served.page("weeknotes/secret/")
    assert "Preview only." in served.page("incidents/later/")
    public = ["Secret plans", "Embargoed outage", "stealth", "hush"]
    for rel in ["feed.xml", "atom.xml", "feed.json", "weeknotes/feed.xml", "feeds.opml"]:
        text = served.read(rel)
        assert not [word for word in public if word in text], rel
    assert not (tmp_path / "serve" / "teams" / "stealth" / "feed.xml").exists()
    assert not (tmp_path / "serve" / "tags" / "hush" / "feed.xml").exists()
    data = json.loads(served.read("entries.json"))
    assert {e["title"] for e in data["entries"]} == {"Platform team: week 47, 2026"}
    search = served.read("search/search_index.json")
    assert "Secret plans" not in search and "Embargoed outage" not in search
    assert "Platform team: week 47" in search
    feed = feedparser.parse(served.read("feed.xml"))
    assert [e.title for e in feed.entries] == ["Platform team: week 47, 2026"]


def test_an_entry_whose_address_a_docs_page_takes_is_an_error_naming_both(
    tiny: Path, tmp_path: Path
) -> None:
    write_tree(
        tiny,
        {
            "weeknotes/handbook.md": md("title: Entry handbook\ndate: 2026-11-20\nteam: ops\n"),
            "docs/weeknotes/handbook.md": "# The docs handbook\n",
            "weeknotes/2026-W47-platform.md": md(WEEKNOTE),
        },
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "out")
    [warning] = [w for w in built.warnings if "handbook" in w]
    assert "weeknotes/handbook.md:1: docs/weeknotes/handbook.md has the same address" in warning
    assert "The docs handbook" in built.page("weeknotes/handbook/")
    assert "Entry handbook" not in built.all_text()  # no feed points at the docs page for it


def test_a_docs_page_replaces_a_listing_page_with_a_note(tiny: Path, tmp_path: Path) -> None:
    write_tree(
        tiny,
        {"docs/teams/index.md": "# Our teams, by hand\n", "weeknotes/a.md": md(WEEKNOTE)},
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "out")
    assert "Our teams, by hand" in built.page("teams/")
    assert built.exists("teams/platform/index.html")
    assert not built.warnings


def test_page_writers_never_give_a_team_author_or_tag_its_listings_address() -> None:
    # The read stage refuses such names; the page writers stay safe whatever reaches them.
    assert paths.team("index") == "teams/index-team.md" != paths.teams()
    assert paths.author("index") == "authors/index-author.md" != paths.authors()
    assert paths.tag("index") == "tags/index-tag.md" != paths.tags()
    assert paths.tag("page") == "tags/page-tag.md"
    assert paths.team("...") == "teams/unnamed-team.md"  # never a hidden or empty name
    assert paths.author("../x") == "authors/x.md"


def test_check_reports_what_the_build_trips_on(tiny: Path, tmp_path: Path) -> None:
    _site(tiny)
    write_tree(
        tiny,
        {
            "mkdocs.yml": MINIMAL_MKDOCS.replace(
                "  name: material", "  name: material\n  custom_dir: overrides"
            ),
            "docs/weeknotes/handbook.md": "# Handbook\n",
            "weeknotes/handbook.md": md("title: Handbook\ndate: 2026-11-02\nteam: ops\n"),
        },
    )
    _override(tiny, "entry_footer.html")
    from_build, from_check, status = build_and_check(tiny, tmp_path / "site")
    assert status == 1
    assert from_check == from_build
    assert [line.split(":")[0] for line in from_check] == [
        "weeknotes/2026-W46-platform.md",  # its page cannot render
        "weeknotes/handbook.md",  # a docs page has its address
    ]


@pytest.mark.parametrize(
    ("extra", "listing", "said"),
    [
        ("team: index\n", "teams/", "team 'index' would take the URL /teams/"),
        ("authors: [index]\n", "authors/", "/authors/"),
    ],
)
def test_a_team_or_author_named_index_never_replaces_its_listing(
    tiny: Path, tmp_path: Path, extra: str, listing: str, said: str
) -> None:
    front = WEEKNOTE.replace("team: platform\n", "") + extra
    if "team:" not in extra:
        front += "team: platform\n"
    other = WEEKNOTE.replace("team: platform\n", "team: data\nauthors: [ada]\n")
    write_tree(
        tiny,
        {"weeknotes/2026-W47-x.md": md(front), "weeknotes/2026-W46-data.md": md(other)},
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "out")
    # The name is refused where it is written; the listing stays the listing.
    assert [w for w in built.warnings if "2026-W47-x.md" in w and said in w], built.warnings
    page = built.page(listing)
    assert "ow-" in page and ("data" in page if listing == "teams/" else "ada" in page)


def test_one_preview_policy_and_a_site_that_stays_as_built(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        {
            "weeknotes/2026-W47-platform.md": md(WEEKNOTE + "tags: [ops]\n"),
            "weeknotes/draft.md": md("title: Draft\ndate: 2026-11-21\nteam: x\ndraft: true\n"),
        },
    )
    shown, previews = shown_entries(result, "build")
    assert [e.id for e in shown] == ["weeknotes/2026-W47-platform"] and not previews
    shown, previews = shown_entries(result, "serve")
    assert [e.id for e in shown] == ["weeknotes/draft", "weeknotes/2026-W47-platform"]
    assert previews == {"weeknotes/draft"}
    site = index_site(shown, {}, Options(), NOW.date(), previews=previews)
    assert [e.id for e in site.entries] == [e.id for e in shown]
    assert site.is_preview(shown[0]) and not site.is_preview(shown[1])
    public = site.public()
    assert [e.id for e in public.entries] == ["weeknotes/2026-W47-platform"]
    assert "x" not in public.by_team and not public.previews
    with pytest.raises(dataclasses.FrozenInstanceError):
        site.previews = frozenset()  # type: ignore[misc]


def test_under_serve_an_entry_the_pipeline_left_out_shows_its_problem(
    tiny: Path, tmp_path: Path
) -> None:
    _site(tiny)
    write_tree(
        tiny,
        {
            "mkdocs.yml": MINIMAL_MKDOCS.replace(
                "  name: material", "  name: material\n  custom_dir: overrides"
            )
        },
    )
    _override(tiny, "entry_footer.html")
    served = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "serve", command="serve")
    page = served.page("weeknotes/2026-w46-platform/")
    assert "openwork could not render this entry: ZeroDivisionError" in page
    assert "Platform team: week 47, 2026" in served.page("weeknotes/2026-w47-platform/")
    built = mkdocs_build(tiny / "mkdocs.yml", tmp_path / "build")
    assert not built.exists("weeknotes/2026-w46-platform/index.html")
