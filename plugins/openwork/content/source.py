"""One content file from disk: decoded, split into front matter and body, with field lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from openwork.problems import Problem

try:  # the C loader is several times faster at 10,000 files
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """Safe YAML, except that an impossible date (2026-02-30) and a time (09:10) stay text."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        # PyYAML raises a bare ValueError with no line; kept as text, the date check reports
        # it at the field's line and says what was expected.
        return loader.construct_scalar(node)


def _sexagesimal_as_text(construct: Any) -> Any:
    def constructor(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
        # YAML 1.1 reads `at: 09:10` as the number 550; a person meant the time they wrote.
        if ":" in str(node.value):
            return loader.construct_scalar(node)
        return construct(loader, node)

    return constructor


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor(
    "tag:yaml.org,2002:int", _sexagesimal_as_text(yaml.SafeLoader.construct_yaml_int)
)
_Loader.add_constructor(
    "tag:yaml.org,2002:float", _sexagesimal_as_text(yaml.SafeLoader.construct_yaml_float)
)

_HANDLER = frontmatter.YAMLHandler()
Path_ = tuple[str | int, ...]
_DEEPEST = 8  # nesting below this is never a front matter field (actions[1].due is 3)


@dataclass(slots=True)
class Source:
    """A file's front matter as data plus where each field was written."""

    path: str  # relative to the site root
    data: dict[str, Any]
    body: str
    body_line: int  # the line of the file holding body[0]
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: Path_) -> int:
        """The line of the deepest written part of `loc`; 1 when unknown."""
        for end in range(len(loc), 0, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line:
                return line
        return 1


def read_source(abs_path: Path, rel_path: str) -> Source | Problem:
    """Read and split one file, or the one Problem that makes it unreadable."""
    try:
        raw = abs_path.read_bytes()
    except OSError as exc:  # a broken link, a permission, a file removed mid-build
        return Problem(rel_path, 1, "error", f"the file cannot be read ({exc.strerror or exc})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(
            rel_path,
            line,
            "error",
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}): save it with UTF-8 encoding",
        )
    text = text.replace("\r\n", "\n")
    if not text.strip():
        return Problem(
            rel_path,
            1,
            "error",
            "the file is empty: write its front matter and text (see the front matter guide), "
            "or delete it",
        )
    if not _HANDLER.detect(text):
        return Source(rel_path, {}, text, 1)
    try:
        fm_text, body = _HANDLER.split(text)
    except ValueError:
        return Problem(
            rel_path, 1, "error", "the front matter has no closing '---' line: add one after it"
        )
    # The handler's boundary pattern swallows a varying number of newlines around each
    # '---', so count lines from where each part really starts in the text.
    fm_start = text.count("\n", 0, text.index(fm_text)) + 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    parsed = parse_yaml(fm_text, rel_path, fm_start)
    if isinstance(parsed, Problem):
        return parsed
    data, lines, problems = parsed
    return Source(rel_path, data, body, body_line, lines, problems)


def parse_yaml(
    text: str, rel_path: str, first_line: int = 1
) -> tuple[dict[str, Any], dict[Path_, int], list[Problem]] | Problem:
    """YAML mapping plus the line of every key and list item, for `path:line` messages."""
    # Parse once: the node tree gives the lines, and the data is constructed from it.
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        what = exc.problem or "not valid YAML"
        rows = text.split("\n")
        written = rows[mark.line] if mark and mark.line < len(rows) else ""
        hint = (
            "indent with spaces, not tabs"
            if "\t" in written
            else "check indentation, colons and quotes; a value containing ': ' or starting "
            "with '[', '{', '*' or '&' needs quotes"
        )
        return Problem(
            rel_path, line, "error", f"the front matter is not valid YAML ({what}): {hint}"
        )
    except yaml.reader.ReaderError as exc:
        line = first_line + text.count("\n", 0, exc.position)
        return Problem(
            rel_path,
            line,
            "error",
            f"the front matter holds a control character (#x{exc.character:04x}) that YAML "
            "does not allow: delete it",
        )
    except yaml.YAMLError as exc:
        what = " ".join(str(exc).split())  # one line, whatever PyYAML wrote
        return Problem(
            rel_path, first_line, "error", f"the front matter is not valid YAML ({what})"
        )
    except RecursionError:
        return Problem(
            rel_path, first_line, "error", "the front matter is nested too deeply to read"
        )
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return Problem(
            rel_path,
            first_line,
            "error",
            "the front matter must be 'field: value' lines, found "
            + ("a list" if isinstance(data, list) else f"the value '{data}'"),
        )
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        _walk(node, (), first_line, lines, problems, rel_path, set())
    return {str(k): v for k, v in data.items()}, lines, problems


def _walk(
    node: yaml.Node,
    loc: Path_,
    first_line: int,
    lines: dict[Path_, int],
    problems: list[Problem],
    rel_path: str,
    walked: set[int],
) -> None:
    # An alias (*a) reuses its anchor's node, and may even hold itself: walk each node once,
    # and no deeper than any field's line is ever asked for.
    if id(node) in walked or len(loc) > _DEEPEST:
        return
    walked.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            here = (*loc, key)
            line = first_line + key_node.start_mark.line
            if key in seen:
                problems.append(
                    Problem(
                        rel_path,
                        line,
                        "warning",
                        f"field '{key}' is written twice: the last one is used",
                    )
                )
            seen.add(key)
            lines[here] = line
            _walk(value_node, here, first_line, lines, problems, rel_path, walked)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            here = (*loc, index)
            lines[here] = first_line + item.start_mark.line
            _walk(item, here, first_line, lines, problems, rel_path, walked)
