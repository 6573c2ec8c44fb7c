"""Golden files: the tiny fixture site's feeds and OPML, byte for byte.

A change to any feed shows up here as a diff to review. When the change is intended,
`make golden` (OPENWORK_REGENERATE_GOLDEN=1) rewrites tests/golden/feeds/ from a fresh build;
commit the new files with the change that caused them.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from tests.builder import REPO, mkdocs_build

FIXTURE = REPO / "tests" / "fixtures" / "tiny-site"
GOLDEN = REPO / "tests" / "golden" / "feeds"
FEED_FILES = {"feed.xml", "atom.xml", "feed.json", "feeds.opml"}
REGENERATE = os.environ.get("OPENWORK_REGENERATE_GOLDEN") == "1"


def built_feeds(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.name in FEED_FILES
    }


def golden_feeds() -> dict[str, bytes]:
    if not GOLDEN.is_dir():
        return {}
    return {
        path.relative_to(GOLDEN).as_posix(): path.read_bytes()
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }


def regenerate(actual: dict[str, bytes]) -> None:
    for rel in golden_feeds():
        if rel not in actual:
            (GOLDEN / rel).unlink()
    for rel, data in actual.items():
        path = GOLDEN / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.fixture(scope="module")
def actual(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    built = mkdocs_build(FIXTURE / "mkdocs.yml", tmp_path_factory.mktemp("golden") / "site")
    assert built.warnings == []
    feeds = built_feeds(built.site_dir)
    if REGENERATE:
        regenerate(feeds)
    return feeds


def test_the_same_feed_files_exist(actual: dict[str, bytes]) -> None:
    assert sorted(actual) == sorted(golden_feeds()), "run `make golden` after an intended change"


@pytest.mark.parametrize("rel", sorted(golden_feeds()) or ["(no golden files yet)"])
def test_feed_matches_its_golden_file(actual: dict[str, bytes], rel: str) -> None:
    expected = golden_feeds().get(rel)
    if expected is None and REGENERATE:
        return  # the first `make golden`: the files did not exist when tests were collected
    assert expected is not None, "no golden files: run `make golden`"
    got = actual.get(rel, b"")
    if got != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.decode("utf-8").splitlines(),
                got.decode("utf-8").splitlines(),
                f"golden/{rel}",
                f"built/{rel}",
                lineterm="",
            )
        )
        pytest.fail(f"{rel} differs from its golden file (`make golden` if intended):\n{diff}")
