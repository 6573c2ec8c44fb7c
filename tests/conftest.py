"""Shared fixtures: the example site built once per test session into a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builder import Built, build_site, copy_example


@pytest.fixture(scope="session")
def example_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example organisation with tests/fixtures/hidden's canary entries laid over."""
    return copy_example(tmp_path_factory.mktemp("example") / "src", hidden=True)


@pytest.fixture(scope="session")
def example(example_root: Path) -> Built:
    """The example organisation (plus hidden canaries), built like `make build` does."""
    return build_site(example_root / "mkdocs.yml", example_root.parent / "site")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """An empty site folder with a minimal mkdocs.yml and docs/index.md."""
    from tests.builder import MINIMAL_MKDOCS, write_tree

    return write_tree(tmp_path, {"mkdocs.yml": MINIMAL_MKDOCS, "docs/index.md": "# Home\n"})
