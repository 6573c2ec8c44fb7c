"""Front matter and body line numbers, whatever blank lines and spaces surround the '---'."""

from __future__ import annotations

from pathlib import Path

import pytest
from openwork.content.source import Source, read_source


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: T\nseverity: SEV9\n---\n\nbody line\n",
        "---\n\ntitle: T\n\nseverity: SEV9\n---\nbody line\n",
        "---  \ntitle: T\nseverity: SEV9\n--- \n\n\nbody line\n",
        "\ufeff---\r\ntitle: T\r\nseverity: SEV9\r\n---\r\n\r\nbody line\r\n",
    ],
)
def test_lines_are_the_lines_of_the_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "entry.md"
    path.write_bytes(text.encode("utf-8"))
    source = read_source(path, "entry.md")
    assert isinstance(source, Source)
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    assert source.line_of(("title",)) == lines.index("title: T") + 1
    assert source.line_of(("severity",)) == lines.index("severity: SEV9") + 1
    offset = source.body.split("\n").index("body line")
    assert source.body_line + offset == lines.index("body line") + 1


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "missing.md")
    problem = read_source(link, "gone.md")
    assert not isinstance(problem, Source)
    assert str(problem) == "gone.md:1: error: the file cannot be read (No such file or directory)"
