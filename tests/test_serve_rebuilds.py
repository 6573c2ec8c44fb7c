"""Rebuilds under `mkdocs serve` and `mkdocs serve --dirty` write exactly what a clean build
of the same files writes, while doing less: one plugin instance across rebuilds, as serve
keeps it, and after each change every file of the served folder compared with a fresh build
of the same tree into another folder."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from openwork.pipeline import stages

from tests.builder import REPO, copy_example
from tests.reading import md

SERVE_URL = "http://127.0.0.1:8000/"
EDITED = "weeknotes/2026/2026-W45-platform.md"
EDITED_ID = "weeknotes/2026-W45-platform"
CARD = (REPO / "plugins/openwork/templates/card_weeknote.html").read_text(encoding="utf-8")
BROKEN = "incidents/2026-11-04-stale-search-index.md"
OPEN_INCIDENT = md(
    "title: Parking permits down\ndate: 2026-11-30\nseverity: SEV2\nstatus: investigating\n"
    "started: 2026-11-30T09:00:00+00:00\nservices: [parking-permits]\n"
    "impact: Residents could not renew permits.\n"
)
MAIN = '{{% extends "base.html" %}}{{% block announce %}}Banner, {} take{{% endblock %}}\n'
NEW_WEEKNOTE = md("title: Brand new note\ndate: 2026-11-27\nteam: platform\ntags: [hosting]\n")


def _build(root: Path, site: Path, *, dirty: bool) -> Any:
    """One build as `mkdocs serve` runs it: the config loaded again, the plugins kept."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL, dirty=dirty)
    return config.plugins["openwork"]


@contextmanager
def _own_plugins() -> Iterator[None]:
    """Plugin instances of this block's own: MkDocs keeps one per name for the process (what
    lets serve keep them across rebuilds), so a clean build beside a server needs new ones."""
    cache = dict(MkDocsConfig._schema)["plugins"].plugin_cache
    saved = dict(cache)
    cache.clear()
    try:
        yield
    finally:
        cache.clear()
        cache.update(saved)


@contextmanager
def _serving(root: Path, site: Path, *, dirty: bool) -> Iterator[Callable[[], Any]]:
    """A server's life: startup once, then `rebuild()` after each change."""
    with _own_plugins():
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=dirty)
        try:
            yield lambda: _build(root, site, dirty=dirty)
        finally:
            config.plugins.on_shutdown()


def _clean(root: Path, site: Path) -> None:
    """What a first `mkdocs serve` writes for this tree: new plugin instances, a new folder."""
    with _serving(root, site, dirty=False) as first_build:
        first_build()


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _same_site(served: Path, clean: Path) -> None:
    got, want = _files(served), _files(clean)
    assert sorted(set(got) - set(want)) == [], "left over in the served folder"
    assert sorted(set(want) - set(got)) == [], "missing from the served folder"
    differ = [rel for rel in sorted(want) if got[rel] != want[rel]]
    if differ:
        rel = differ[0]
        diff = difflib.unified_diff(
            want[rel].decode("utf-8", "replace").splitlines(),
            got[rel].decode("utf-8", "replace").splitlines(),
            "clean/" + rel,
            "served/" + rel,
            lineterm="",
            n=1,
        )
        pytest.fail(
            f"{len(differ)} files differ, e.g. {differ[:5]}:\n" + "\n".join(list(diff)[:40])
        )
    empty = [p for p in served.rglob("*") if p.is_dir() and not any(p.iterdir())]
    assert empty == [], "empty folders left behind"


def _edit(root: Path, rel: str, change: Callable[[str], str]) -> None:
    path = root / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: _edit(root, rel, lambda text: text.replace(old, new))


def _write(rel: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    return change


def _older(rel: str, text: str) -> Callable[[Path], None]:
    """As a git checkout may: new content with an older modification time."""

    def change(root: Path) -> None:
        path = root / rel
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))

    return change


def _override(marker: str) -> Callable[[Path], None]:
    """A theme override of openwork's weeknote card (`custom_dir/openwork/`), with `marker`."""

    def change(root: Path) -> None:
        card = root / "overrides/openwork/card_weeknote.html"
        card.parent.mkdir(parents=True, exist_ok=True)
        marked = f"{{% block facts %}}<div><dt>Take</dt><dd>{marker}</dd></div>"
        card.write_text(CARD.replace("{% block facts %}", marked), encoding="utf-8")
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        if "custom_dir" not in text:
            text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
            config.write_text(text, encoding="utf-8")

    return change


# Each change, made in turn to the same tree while it is served.
STEPS: dict[str, Callable[[Path], None]] = {
    "edit an entry": lambda root: _edit(root, EDITED, lambda text: text + "\nOne more line.\n"),
    # Other entries' pages show it (older/newer links, tags): their files did not change.
    "title an entry": _replace(EDITED, "team: platform\n", "team: platform\ntitle: Quiet\n"),
    "relate two entries": _replace(
        "weeknotes/2026/2026-W46-data-science.md", "related:\n", "related:\n  - " + EDITED_ID + "\n"
    ),
    "spell a tag anew": _replace(EDITED, "tags: kubernetes,", "tags: Kubernetes,"),
    "delete an entry": lambda root: (root / "weeknotes/2026/2026-W44-platform.md").unlink(),
    "add an entry": _write("weeknotes/2026/2026-W48-new.md", NEW_WEEKNOTE),
    "open an incident": _write("incidents/2026-11-30-permits.md", OPEN_INCIDENT),
    "rename an author": _replace("authors.yml", "Amara", "Amarachi"),
    "rename a team": _replace("teams.yml", "name: Platform", "name: Platform and hosting"),
    "break an entry": _replace(BROKEN, "severity: SEV", "severity: XSEV"),  # its error page
    "mend it": _replace(BROKEN, "severity: XSEV", "severity: SEV"),
    "add a picture": _write("docs/pictures/chart.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>"),
    "change it to an older file": _older("docs/pictures/chart.svg", "<svg version='1.1'/>"),
    "delete it": lambda root: (root / "docs/pictures/chart.svg").unlink(),
    "override a template": _override("card, first take"),
    "edit the override": _override("card, second take"),  # no other file changes
    # Material's own template overridden: MkDocs' theme environment, kept compiled.
    "override Material's main.html": _write("overrides/main.html", MAIN.format("first")),
    "edit that override": _write("overrides/main.html", MAIN.format("second")),
    "rename the site": _replace("mkdocs.yml", "site_name: ", "site_name: The "),
    "edit a docs page": lambda root: _edit(root, "docs/about.md", lambda text: text + "\nMore.\n"),
}


class _Frozen(datetime):
    """The status page says when it was built and counts availability up to that moment:
    two builds a second apart differ there, whatever the engine. Both builds see one time."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _Frozen:  # type: ignore[override]
        return cls(2026, 12, 1, 12, 0, tzinfo=UTC).astimezone(tz)  # type: ignore[return-value]


@pytest.fixture
def site_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(stages, "datetime", _Frozen)
    root = copy_example(tmp_path / "src")
    (root / "services.yml").write_text(
        (Path(__file__).resolve().parent.parent / "services.yml").read_text("utf-8"), "utf-8"
    )
    return root


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "default"])
def test_each_rebuild_writes_what_a_clean_build_writes(
    site_root: Path, tmp_path: Path, dirty: bool
) -> None:
    root, served = site_root, tmp_path / "served"
    with _serving(root, served, dirty=dirty) as rebuild:
        plugin = rebuild()
        pages = plugin.rebuilds.conversions.converted
        assert pages > 40  # the example is big enough for "only a few" to mean something
        templates = plugin.rebuilds.theme_templates
        items = plugin.rebuilds.kept.feed_items
        for number, (step, change) in enumerate(STEPS.items()):
            compiled, made, reused = templates.compiled, items.made, items.reused
            change(root)
            plugin = rebuild()
            _clean(root, tmp_path / f"clean-{number}")
            _same_site(served, tmp_path / f"clean-{number}")
            conversions = plugin.rebuilds.conversions
            if step == "edit the override":  # every weeknote's card, the new one
                page = (served / "weeknotes/2026-w45-platform/index.html").read_text("utf-8")
                assert "card, second take" in page and "card, first take" not in page
            if step == "edit an entry":  # Material's templates compiled at the first build only
                assert templates.compiled == compiled and templates.reused > 20, step
                # Its feed item made again (with a stand-in body, then its page's), no other.
                assert items.made == made + 2 and items.reused - reused >= 20, step
            if step == "edit that override":  # only main.html, whose source changed
                assert templates.compiled == compiled + 1, step
                page = (served / "weeknotes/2026-w45-platform/index.html").read_text("utf-8")
                assert "Banner, second take" in page and "first take" not in page
            if step == "break an entry":  # issue 14: its address shows its problems
                error_page = served / "incidents/2026-11-04-stale-search-index/index.html"
                assert "XSEV3" in error_page.read_text("utf-8")
            if step in ("edit an entry", "edit a docs page"):
                # Only the edited page and the listings whose Markdown it changes.
                assert 1 <= conversions.converted <= pages // 4, step
                assert plugin.rebuilds.kept.entry_pages.reused >= 10, step  # of 17 entries
                assert conversions.reused >= pages - pages // 4, step
                if dirty:
                    assert 1 <= plugin.rebuilds.pages_rendered <= pages // 4, step
            if step in ("open an incident", "rename the site") and dirty:
                # The banner, or the site name, is on every page: every page is rendered again.
                assert plugin.rebuilds.pages_rendered >= pages, step
    if not dirty:
        return
    page = (served / "weeknotes/2026-w45-platform/index.html").read_text("utf-8")
    assert "One more line." in page
    assert "One more line." in (served / "feed.xml").read_text("utf-8")


def test_with_a_plugin_openwork_cannot_see_into_a_dirty_rebuild_renders_every_page(
    site_root: Path, tmp_path: Path
) -> None:
    """A hook (or any other plugin) may add anything to any page: every page is rendered."""
    root, served = site_root, tmp_path / "served"
    (root / "hooks.py").write_text(
        "def on_post_page(output, page, config):\n"
        "    return output.replace('</body>', '<!-- hooked -->\\n</body>')\n",
        encoding="utf-8",
    )
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks:\n  - hooks.py\n")
    with _serving(root, served, dirty=True) as rebuild:
        pages = rebuild().rebuilds.conversions.converted
        STEPS["edit an entry"](root)
        plugin = rebuild()
    assert plugin.rebuilds.pages_rendered >= pages
    assert plugin.rebuilds.conversions.converted == 1  # conversions are still reused
    _clean(root, tmp_path / "clean")
    _same_site(served, tmp_path / "clean")
    assert "<!-- hooked -->" in (served / "weeknotes/2026-w45-platform/index.html").read_text()
