"""Front matter and body line numbers, whatever blank lines and spaces surround the '---'."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openwork.content.source import Source, read_source
from openwork.content.yaml_read import _construct, compose


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


_SCALARS = st.sampled_from(
    ["x", "09:10", "1:30:00", "2026-11-20", "2026-11-20 10:00", "2026-02-30", "yes", "No",
     "~", "null", "0x1F", "1_000", "3.5", ".inf", "1e400", "'quoted'", '"a\\tb"', "!!str 5",
     "!!timestamp next tuesday", "!!python/name:os.system", "!!binary aGk=", "[]", "{}",
     "*a", "&a v", "<<", "=", "? [k]", "- ", "\t", "1" * 40]
)  # fmt: skip
_KEYS = st.sampled_from(["a", "b", "title", "<<", "1", "2026-11-20", "true", "? x", "=", "[k]"])


@st.composite
def _yaml_texts(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        key = draw(_KEYS)
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(_SCALARS)}")
        else:
            lines.append(f"{key}:")
            lines.extend(f"  - {draw(_SCALARS)}" for _ in range(draw(st.integers(0, 3))))
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(_yaml_texts())
def test_front_matter_values_are_what_pyyaml_makes_of_them(text: str) -> None:
    # The read stage builds the usual front matter itself, faster than PyYAML's constructor:
    # the values, and any error, must be the same.
    def outcome(construct: object) -> object:
        composed = compose(text, "x.md", "the front matter", "hint")
        if not isinstance(composed, tuple) or composed[0] is None:
            return ("composed", str(composed))
        node, loader, _ = composed
        try:
            return ("value", construct(loader, node))  # type: ignore[operator]
        except Exception as exc:
            return ("error", type(exc).__name__, str(exc))
        finally:
            loader.dispose()

    fast = outcome(lambda loader, node: _construct(loader, node, text))
    assert fast == outcome(lambda loader, node: loader.construct_document(node))
