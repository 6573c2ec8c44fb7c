"""openwork generate/publish on small sites: config round trip, nav, privacy, the watcher."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from openwork.cli import main
from openwork.engines.config import KeepTagsLoader, PythonTag
from openwork.engines.generate import generate as write
from openwork.engines.project import load_project
from openwork.engines.zensical import watch

from tests.builder import Built, write_tree

TINY = {
    "mkdocs.yml": """
        site_name: Tiny
        site_url: https://tiny.example/
        theme:
          name: material
        markdown_extensions:
          - attr_list
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
              emoji_generator: !!python/name:material.extensions.emoji.to_svg
        plugins:
          - search
          - openwork
        """,
    "docs/index.md": "# Home\n\nWelcome.\n",
    "docs/about.md": (
        "# About\n\nPublic words.\n\n<!-- private -->\nThe secret plan.\n<!-- /private -->\n"
    ),
    "weeknotes/2026-W47-platform.md": """
        ---
        team: platform
        authors: [Ada]
        ---
        We shipped the thing :smile: and [read about us](../docs/about.md).

        <!-- private -->
        The supplier's unpublished price list.
        <!-- /private -->
        """,
    "weeknotes/2026-W46-platform.md": """
        ---
        team: platform
        authors: [Ada]
        draft: true
        title: The unannounced merger
        ---
        Not for anyone yet.
        """,
}


def generate(root: Path) -> Path:
    assert main(["generate", "-f", str(root / "mkdocs.yml")]) == 0
    return root / ".openwork" / "build"


def test_generated_config_keeps_python_tags_and_points_at_the_build_folder(
    tmp_path: Path,
) -> None:
    build = generate(write_tree(tmp_path, TINY))
    text = (build / "mkdocs.yml").read_text(encoding="utf-8")
    assert "!!python/name:material.extensions.emoji.twemoji" in text
    config = yaml.load(text, Loader=KeepTagsLoader)
    emoji = config["markdown_extensions"][1]["pymdownx.emoji"]
    assert emoji["emoji_index"] == PythonTag("name:material.extensions.emoji.twemoji", "")
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site")
    assert config["plugins"] == ["search"]  # openwork's work is done before the engine runs
    assert "assets/openwork.css" in config["extra_css"]
    # No nav in mkdocs.yml: the docs pages, then the generated pages that belong in a nav.
    assert config["nav"] == [
        "index.md",
        "about.md",
        {"Weeknotes": "weeknotes/index.md"},
        {"Experiments": "experiments/index.md"},
        {"Incidents": "incidents/index.md"},
        {"Teams": "teams/index.md"},
        {"Feeds": "feeds.md"},
        {"Service status": "status.md"},
    ]


def test_docs_copies_lose_their_private_blocks(tmp_path: Path) -> None:
    build = generate(write_tree(tmp_path, TINY))
    about = (build / "docs" / "about.md").read_text(encoding="utf-8")
    assert "Public words." in about
    assert "secret" not in about


def test_feed_items_render_with_the_sites_extensions_and_link_to_pages(tmp_path: Path) -> None:
    root = write_tree(tmp_path, TINY)
    site = tmp_path / "out"
    site.mkdir()
    assert main(["publish", "-f", str(root / "mkdocs.yml"), str(site)]) == 0
    item = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"][0]
    assert 'class="twemoji"' in item["content_html"]  # pymdownx.emoji, configured by a tag
    assert 'href="https://tiny.example/about/"' in item["content_html"]


def test_zensical_builds_the_generated_folder(tmp_path: Path) -> None:
    root = write_tree(tmp_path, TINY)
    assert main(["build", "--engine", "zensical", "-f", str(root / "mkdocs.yml")]) == 0
    page = (root / "site/weeknotes/2026-w47-platform/index.html").read_text(encoding="utf-8")
    assert 'class="ow-card ow-card--weeknote"' in page
    assert 'class="twemoji"' in page
    assert (root / "site/feed.xml").is_file()
    # Nothing private or draft reaches any page, feed or data file Zensical's site holds.
    everything = Built(root / "site").all_text()
    for secret in ("The secret plan", "unpublished price list", "unannounced merger"):
        assert secret not in everything
    assert "We shipped the thing" in everything


def test_watch_generates_again_when_a_content_file_changes(tmp_path: Path) -> None:
    root = write_tree(tmp_path, TINY)
    note = root / "weeknotes/2026-W47-platform.md"
    calls: list[int] = []

    def regenerate():
        calls.append(1)
        return load_project(str(root / "mkdocs.yml"), root)

    def edit(_: float) -> None:
        # Each poll's "wait": the writer saves the file (a new size, whatever the clock says).
        note.write_text(note.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")

    watch(regenerate, rounds=2, sleep=edit)
    assert len(calls) == 3  # the first generation, then once per change

    calls.clear()
    watch(regenerate, rounds=2, sleep=lambda _: None)
    assert len(calls) == 1  # nothing changed: nothing regenerated


def test_watch_keeps_going_when_mkdocs_yml_is_broken_mid_edit(tmp_path: Path, capsys) -> None:
    root = write_tree(tmp_path, TINY)
    config = root / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    edits = iter([good + "\nnav: [oops\n", good + "\n"])

    def edit(_: float) -> None:
        config.write_text(next(edits), encoding="utf-8")

    watch(lambda: generate_project(root), rounds=2, sleep=edit)
    err = capsys.readouterr().err
    assert err.count("openwork: error: mkdocs.yml:") == 1
    assert (root / ".openwork/build/mkdocs.yml").read_text(encoding="utf-8").count("oops") == 0


def generate_project(root: Path):
    project = load_project(str(root / "mkdocs.yml"), root)
    write(project, root / ".openwork" / "build")
    return project


def test_build_without_zensical_installed_says_how_to_install_it(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    root = write_tree(tmp_path, TINY)
    monkeypatch.setattr("openwork.engines.zensical.sys.executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["build", "--engine", "zensical", "-f", str(root / "mkdocs.yml")]) == 2
    err = capsys.readouterr().err
    assert "Zensical is not installed: install it with: pip install 'openwork[zensical]'" in err
    assert "Traceback" not in err


def test_build_with_mkdocs_is_mkdocs_build(tmp_path: Path) -> None:
    root = write_tree(tmp_path, TINY)
    assert main(["build", "-f", str(root / "mkdocs.yml")]) == 0
    assert (root / "site/weeknotes/2026-w47-platform/index.html").is_file()
    assert (root / "site/feed.xml").is_file()


def test_watch_mode_shows_drafts_as_previews_and_a_build_never_does(tmp_path: Path) -> None:
    root = write_tree(tmp_path, TINY)
    draft = root / ".openwork/build/docs/weeknotes/2026-w46-platform.md"
    write(load_project(str(root / "mkdocs.yml"), root, "serve"), root / ".openwork/build")
    preview = draft.read_text(encoding="utf-8")
    assert "The unannounced merger" in preview
    assert "<strong>Preview only.</strong>" in preview
    write(load_project(str(root / "mkdocs.yml"), root), root / ".openwork/build")
    assert not draft.exists()
