"""openwork's compiled-template cache: a second build reads its templates from the cache
instead of compiling them, renders the same text, and never serves a stale or damaged file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import jinja2
import pytest
from openwork.render.renderer import Renderer
from openwork.urls import PageUrls


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder Jinja puts its cache folder in, for this test alone."""
    home = tmp_path / "tmp"
    home.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(home))
    return home


def _theme(tmp_path: Path, text: str) -> Path:
    """A theme override folder with one template, `probe.html`."""
    theme = tmp_path / "theme"
    theme.mkdir(exist_ok=True)
    (theme / "probe.html").write_text(text, encoding="utf-8")
    return theme


PROBE = "{{ page_src|md }} links to {{ link('b/index.md') }}{% if x %}, {{ x|date }}{% endif %}"


def _cache_files(home: Path) -> list[Path]:
    return sorted(home.glob("_jinja2-cache-*/__openwork_*.cache"))


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled instead of read from the cache")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)


def test_second_renderer_reads_compiled_templates_and_renders_the_same(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theme = _theme(tmp_path, PROBE)
    cold = Renderer(PageUrls(), [theme])
    first = cold.render("probe.html", "a/x.md", x=None)
    own = cold.render("head_links.html", "index.md", scopes=[], feeds=None)
    assert first == r"a/x\.md links to ../../b/"
    names = {p.name for p in _cache_files(cache_home)}
    assert len(names) == 2, "the package's template and the override are each kept"
    _no_compiling(monkeypatch)
    warm = Renderer(PageUrls(), [theme])
    assert warm.render("probe.html", "a/x.md", x=None) == first
    assert warm.render("head_links.html", "index.md", scopes=[], feeds=None) == own


def test_an_override_edited_between_builds_is_compiled_again(
    cache_home: Path, tmp_path: Path
) -> None:
    theme = _theme(tmp_path, "one {{ page_src }}")
    assert Renderer(PageUrls(), [theme]).render("probe.html", "a.md") == "one a.md"
    _theme(tmp_path, "two {{ page_src }}")
    assert Renderer(PageUrls(), [theme]).render("probe.html", "a.md") == "two a.md"


def test_a_damaged_cache_file_is_compiled_again(cache_home: Path, tmp_path: Path) -> None:
    theme = _theme(tmp_path, PROBE)
    first = Renderer(PageUrls(), [theme]).render("probe.html", "a/x.md", x=None)
    files = _cache_files(cache_home)
    assert files
    for path in files:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])  # cut short, as by a full disk
    assert Renderer(PageUrls(), [theme]).render("probe.html", "a/x.md", x=None) == first


def test_an_unwritable_cache_folder_only_costs_compiling(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    theme = _theme(tmp_path, PROBE)
    assert Renderer(PageUrls(), [theme]).render("probe.html", "a/x.md", x=None) == (
        r"a/x\.md links to ../../b/"
    )
    assert not _cache_files(cache_home)
