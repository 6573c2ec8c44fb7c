"""Shared fixtures: the example site built once per test session into a temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browsing import ARGS, CHROMIUM, serving
from tests.builder import Built, copy_example, mkdocs_build


@pytest.fixture(scope="session")
def example_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example organisation with tests/fixtures/hidden's canary entries laid over."""
    return copy_example(tmp_path_factory.mktemp("example") / "src", hidden=True)


@pytest.fixture(scope="session")
def example(example_root: Path) -> Built:
    """The example organisation (plus hidden canaries), built like `make build` does."""
    return mkdocs_build(example_root / "mkdocs.yml", example_root.parent / "site")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """An empty site folder with a minimal mkdocs.yml and docs/index.md."""
    from tests.builder import MINIMAL_MKDOCS, write_tree

    return write_tree(tmp_path, {"mkdocs.yml": MINIMAL_MKDOCS, "docs/index.md": "# Home\n"})


# Browser tests: the built example served over HTTP, driven by Debian's Chromium.
@pytest.fixture(scope="session")
def served(example: Built) -> Iterator[str]:
    with serving(example.site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "install Debian's chromium (apt-get install chromium)"
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()
