"""A site without `nav:` shows each collection as a link, not a section holding one page."""

from __future__ import annotations

import re
from pathlib import Path

from tests.builder import mkdocs_build, write_tree

NOTE = "---\ntitle: {title}\ndate: 2026-11-13\nteam: platform\n---\n\nWhat we did.\n"


def _nav_labels(page: str) -> tuple[list[str], list[str]]:
    """(labels of sections, texts of links) in the page's primary navigation."""
    nav = page.split("md-nav--primary", 1)[1].split('class="md-content"', 1)[0]
    sections = re.findall(
        r'md-nav__item--nested.*?<span class="md-ellipsis">\s*([^<]+?)\s*<', nav, re.S
    )
    links = re.findall(
        r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]+?)\s*<',
        nav,
        re.S,
    )
    return sections, links


def test_a_collection_is_a_link_and_a_docs_folder_stays_a_section(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path,
        {
            "mkdocs.yml": (
                "site_name: Tiny\nsite_url: https://tiny.example/\n"
                "theme:\n  name: material\nplugins:\n  - openwork\n"
            ),
            "docs/index.md": "# Home\n",
            "docs/guides/one.md": "# One guide\n",
            "weeknotes/2026-W46-platform.md": NOTE.format(title="Older"),
        },
    )
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    sections, links = _nav_labels(built.read("index.html"))
    assert "Weeknotes" in links and "Weeknotes" not in sections  # one click, not two
    assert "Guides" in sections and "One guide" in links  # a docs folder keeps its section
    page = built.read("weeknotes/index.html")
    assert (
        "md-nav__link--active"
        in page.split("md-nav--primary", 1)[1].split('class="md-content"', 1)[0]
    )
