"""Under `mkdocs serve` a rejected entry's URL shows its problems; a public build has nothing."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from tests.builder import MINIMAL_MKDOCS, mkdocs_build, write_tree
from tests.reading import INCIDENT, WEEKNOTE, md

BROKEN = "incidents/2026-11-03-search.md"
SITE = {
    "mkdocs.yml": MINIMAL_MKDOCS,
    "docs/index.md": "# Home\n",
    "weeknotes/2026-W47-platform.md": md(WEEKNOTE + "title: A good week"),
    # Line 4: a severity off the scale that writes markup, to be shown as text.
    BROKEN: md(INCIDENT.replace("SEV2", "<script>x()</script>")),
    "experiments/broken yaml.md": md("title: [unclosed\nstatus: running"),
}


def _problem_list(page: str) -> list[str]:
    tree = lxml_html.fromstring(page)
    return [
        " ".join(li.text_content().split())
        for li in tree.xpath("//li[@class][contains(@class,'ow-problem ')]")
    ]


def test_serve_shows_the_problems_at_the_entrys_url(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "src", SITE)
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site", command="serve")
    page = built.page("incidents/2026-11-03-search/")
    assert "This entry is not on the site." in page
    problems = _problem_list(page)
    assert any(
        "error" in p and f"{BROKEN}:4" in p and "severity '<script>x()</script>' is not one" in p
        for p in problems
    ), problems
    tree = lxml_html.fromstring(page)
    marked = [" ".join(m.text_content().split()) for m in tree.xpath("//pre//mark")]
    assert (
        "> 4 | severity: <script>x()</script>" in marked
    )  # the offending line, marked, with its neighbours
    code = tree.xpath("//pre[contains(@class,'ow-problem__lines')]")[0].text_content()
    assert "   3 | date: 2026-11-03\n> " in code  # numbered lines, one a line
    # The writer's text is shown, never run: in the message and in the excerpt.
    assert "<script>x()</script>" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page
    assert "How to fix it" in page
    # A file whose front matter is not YAML gets a page at its file stem's slug too.
    assert "experiments/broken yaml.md:" in built.page("experiments/broken-yaml/")
    # The good entry is untouched.
    assert "A good week" in built.page("weeknotes/2026-w47-platform/")


def test_a_public_build_has_nothing_at_a_rejected_entrys_url(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "src", SITE)
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert not built.exists("incidents/2026-11-03-search/index.html")
    assert not built.exists("experiments/broken-yaml/index.html")
    assert "This entry is not on the site" not in built.all_text()
    assert any(f"{BROKEN}:4: severity '<script>" in w for w in built.warnings)


def test_an_entry_keeps_its_url_when_a_duplicate_is_rejected(tmp_path: Path) -> None:
    files = {
        "mkdocs.yml": MINIMAL_MKDOCS,
        "docs/index.md": "# Home\n",
        "incidents/a/outage.md": md(INCIDENT.replace("Search down", "The first outage")),
        "incidents/b/outage.md": md(INCIDENT.replace("Search down", "The second outage")),
    }
    root = write_tree(tmp_path / "src", files)
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site", command="serve")
    assert "The first outage" in built.page("incidents/outage/")
    assert "not on the site" not in built.page("incidents/outage/")


def test_an_entry_rejected_for_its_folder_defaults_shows_the_meta_yml_problem(
    tmp_path: Path,
) -> None:
    files = {
        "mkdocs.yml": MINIMAL_MKDOCS,
        "docs/index.md": "# Home\n",
        "weeknotes/ops/.meta.yml": "team: ops\ndraft: maybe\n",
        "weeknotes/ops/2026-W47-ops.md": md("date: 2026-11-20"),
    }
    root = write_tree(tmp_path / "src", files)
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site", command="serve")
    page = built.page("weeknotes/2026-w47-ops/")
    problems = _problem_list(page)
    assert any("weeknotes/ops/.meta.yml:2" in p and "draft" in p for p in problems), problems
    marked = lxml_html.fromstring(page).xpath("//pre//mark")
    assert [" ".join(m.text_content().split()) for m in marked] == ["> 2 | draft: maybe"]
