"""Shared fixtures: the example site built once per test session into a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builder import REPO, Built, mkdocs_build


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own example organisation, built like `make build` does."""
    return mkdocs_build(REPO / "mkdocs.yml", tmp_path_factory.mktemp("example") / "site")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """An empty site folder with a minimal mkdocs.yml and docs/index.md."""
    from tests.builder import MINIMAL_MKDOCS, write_tree

    return write_tree(tmp_path, {"mkdocs.yml": MINIMAL_MKDOCS, "docs/index.md": "# Home\n"})
