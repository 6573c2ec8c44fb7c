"""A build sets its lasting objects aside from garbage collection while MkDocs renders the
pages, keeps no garbage by doing so, and puts everything back when the build is done."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from openwork.lasting import hold, put_back, set_aside

from tests.builder import mkdocs_build


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_set_aside_collects_garbage_first_and_put_back_returns_everything() -> None:
    garbage = _Node()
    gone = weakref.ref(garbage)
    kept = _Node()
    del garbage
    set_aside()
    try:
        assert gone() is None, "garbage of the moment was frozen instead of collected"
        assert gc.get_freeze_count() > 0
        assert not any(obj is kept for obj in gc.get_objects())  # out of the generations
    finally:
        put_back()
    assert gc.get_freeze_count() == 0
    assert any(obj is kept for obj in gc.get_objects())


def test_a_build_puts_everything_back(tiny: Path) -> None:
    (tiny / "weeknotes").mkdir()
    (tiny / "weeknotes" / "2026-w10-platform.md").write_text(
        "---\ntitle: Week 10\ndate: 2026-03-06\nteam: Platform\n---\nShipped the thing.\n",
        encoding="utf-8",
    )
    built = mkdocs_build(tiny / "mkdocs.yml", tiny / "site")
    assert (tiny / "site" / "weeknotes" / "index.html").exists(), built
    assert gc.get_freeze_count() == 0


def test_full_collections_are_held_off_only_while_a_build_runs(tiny: Path) -> None:
    before = gc.get_threshold()
    hold()
    try:
        assert gc.get_threshold()[:2] == before[:2]  # young objects collected as usual
        assert gc.get_threshold()[2] >= 1000
        hold()  # a second hold keeps the first one's thresholds to put back
    finally:
        put_back()
    assert gc.get_threshold() == before
    built = mkdocs_build(tiny / "mkdocs.yml", tiny / "site")
    assert built.warnings == [] and gc.get_threshold() == before
