"""`{% post_url %}` and `{{< ref >}}` in a normal build find a post in any folder by its name."""

from __future__ import annotations

from pathlib import Path

from openwork.render.links import add_entry_links, rewrite_links

from tests.builder import MINIMAL_MKDOCS, mkdocs_build, write_tree


def _note(title: str, body: str) -> str:
    return f"---\ntitle: {title}\nteam: platform\n---\n{body}\n"


def test_a_post_in_another_year_folder_is_linked_and_an_unknown_one_is_warned(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            "docs/index.md": "# Home\n",
            "weeknotes/2025/2025-12-05-winter.md": _note("Winter", "Cold."),
            "weeknotes/2026/2026-01-09-thaw.md": _note(
                "Thaw",
                "After [the winter]({% post_url 2025-12-05-winter %}), "
                '[again]({{< ref "posts/2025-12-05-winter.md" >}}) and '
                "[a lost one]({% post_url 2019-01-01-missing %}).",
            ),
        },
    )
    built = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    html = built.page("weeknotes/2026-01-09-thaw/")
    assert '<a href="../2025-12-05-winter/">the winter</a>' in html
    assert '<a href="../2025-12-05-winter/">again</a>' in html
    assert built.exists("weeknotes/2025-12-05-winter/index.html")
    lost = [w for w in built.warnings if "2019-01-01-missing.md" in w]
    assert lost, built.warnings
    assert "{%" not in html and "post_url" not in html


def test_two_entries_with_one_name_are_not_guessed_between() -> None:
    links: dict[str, str] = {}
    add_entry_links(
        links,
        [
            ("weeknotes/2024/notes.md", "weeknotes/2024-notes.md"),
            ("weeknotes/2025/notes.md", "weeknotes/2025-notes.md"),
            ("weeknotes/2025/solo.md", "weeknotes/solo.md"),
            ("experiments/cache/index.md", "experiments/cache.md"),
        ],
    )
    page = "weeknotes/other.md"
    source = "weeknotes/2026/other.md"
    assert rewrite_links("[a](notes.md)", source, page, links) == "[a](notes.md)"
    assert rewrite_links("[b](SOLO.md#x)", source, page, links) == "[b](solo.md#x)"
    assert rewrite_links("[c](cache.md)", source, page, links) == "[c](../experiments/cache.md)"
