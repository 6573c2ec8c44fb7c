"""Every YAML file the read stage parses goes through here: safe, bounded, cleaned, with lines.

Front matter, `.meta.yml`, `authors.yml` and the tag allow-list share one loader, so each gets
the same guards: aliases may not expand past a size (a "billion laughs" file stays small in
memory) nor hold themselves, a value YAML cannot turn into a number or date stays text, and
characters that web pages and feeds cannot carry are dropped from every value, with a warning.
"""

from __future__ import annotations

from typing import Any

import yaml

from openwork.content.text import clean, dropped_message
from openwork.problems import Problem

try:  # the C loader is several times faster at 10,000 files
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader

Path_ = tuple[str | int, ...]
MAX_NODES = 100_000  # values in one file with every alias expanded; real files use hundreds
_DEEPEST = 8  # nesting below this is never a front matter field (actions[1].due is 3)
_UNREADABLE = (ValueError, TypeError, KeyError, AttributeError, OverflowError)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """Safe YAML, except that a value YAML cannot convert (2026-02-30, 09:10, a number of
    5,000 digits, `!!timestamp "next tuesday"`) stays text: the field's check then says at
    its line what was expected."""

    # libyaml's composer asks these of every node. Safe YAML has no path resolvers, so the
    # answers are PyYAML's, given with less work: a third of composing 10,000 front matters
    # (tests/test_read_fast_paths.py compares them with PyYAML's `resolve`).
    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                found = _RESOLVED.get(value)  # field names, dates, teams: asked again and again
                if found is None:
                    found = _resolved(value)
                    if len(_RESOLVED) < _REMEMBERED:
                        _RESOLVED[value] = found
                return found
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def _resolved(value: str) -> str:
    """The tag of a plain scalar as written (`true`, `3`, `2026-11-20`, `text`)."""
    for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
        if regexp.match(value):
            return tag
    return _STR


_RESOLVED: dict[str, str] = {}
_REMEMBERED = 50_000  # plain scalars whose tag is kept (a few MB at most)


def _or_text(construct: Any, sexagesimal: bool = False) -> Any:
    def constructor(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
        # YAML 1.1 reads `at: 09:10` as the number 550; a person meant the time they wrote.
        if sexagesimal and ":" in str(node.value):
            return loader.construct_scalar(node)
        try:
            return construct(loader, node)
        except _UNREADABLE:  # PyYAML raises these bare, without a line
            return loader.construct_scalar(node)

    return constructor


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", _or_text(yaml.SafeLoader.construct_yaml_timestamp)
)
_Loader.add_constructor("tag:yaml.org,2002:int", _or_text(yaml.SafeLoader.construct_yaml_int, True))
_Loader.add_constructor(
    "tag:yaml.org,2002:float", _or_text(yaml.SafeLoader.construct_yaml_float, True)
)
_Loader.add_constructor("tag:yaml.org,2002:bool", _or_text(yaml.SafeLoader.construct_yaml_bool))

assert not _Loader.yaml_path_resolvers  # what `_Loader.resolve` leaves out
_WILDCARD = tuple(_Loader.yaml_implicit_resolvers.get(None, []))
_IMPLICIT = {
    first: (*resolvers, *_WILDCARD)
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_nodes(root: yaml.Node, rel: str, first_line: int) -> list[Problem] | Problem:
    """Refuse a tree too large with its aliases expanded, or one that holds itself; clean
    every scalar (escapes such as "\\x01" make characters the file itself did not hold)."""
    size: dict[int, int] = {}
    ancestors: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    problems: list[Problem] = []
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            ancestors.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            if size[key] > MAX_NODES:
                return Problem(
                    rel,
                    first_line + node.start_mark.line,
                    "error",
                    f"this YAML expands to more than {MAX_NODES:,} values through its aliases "
                    "(*name): write the values out, or use fewer aliases",
                )
            continue
        if key in size:
            continue
        if key in ancestors:
            return Problem(
                rel,
                first_line + node.start_mark.line,
                "error",
                "this YAML alias (*name) refers to the value that holds it, which never ends: "
                "write the value out instead",
            )
        ancestors.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)
        if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            node.value, dropped = clean(node.value)
            if dropped:
                chars = "".join(c for _, c in dropped)
                line = first_line + node.start_mark.line
                problems.append(Problem(rel, line, "warning", dropped_message(chars, "a value")))
    return problems


def compose(text: str, rel: str, what: str, hint: str, first_line: int = 1) -> Any:
    """The checked node tree of `text` (None when empty), with problems; or one Problem.

    `what` names the text in messages ("the front matter"), `hint` says how to mend a
    syntax error. Returns (node, loader, problems); the caller disposes of the loader.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        loader.dispose()
        mark = exc.problem_mark or exc.context_mark
        rows = text.split("\n")
        written = rows[mark.line] if mark and mark.line < len(rows) else ""
        fix = "indent with spaces, not tabs" if "\t" in written else hint
        return Problem(
            rel,
            first_line + (mark.line if mark else 0),
            "error",
            f"{what} is not valid YAML ({exc.problem or 'not valid YAML'}): {fix}",
        )
    except yaml.reader.ReaderError as exc:
        loader.dispose()
        return Problem(
            rel,
            first_line + text.count("\n", 0, exc.position),
            "error",
            f"{what} holds a character (#x{exc.character:04x}) that YAML does not allow: delete it",
        )
    except yaml.YAMLError as exc:
        loader.dispose()
        return Problem(rel, first_line, "error", f"{what} is not valid YAML ({exc})")
    except RecursionError:
        loader.dispose()
        return Problem(rel, first_line, "error", f"{what} is nested too deeply to read")
    if node is None:
        return None, loader, []
    if "*" not in text and "\\" not in text:
        # No alias to expand, no escape to make a character the file did not hold.
        return node, loader, []
    checked = check_nodes(node, rel, first_line)
    if isinstance(checked, Problem):
        loader.dispose()
        return checked
    return node, loader, checked


_FRONT_MATTER_HINT = (
    "check indentation, colons and quotes; a value containing ': ' or starting "
    "with '[', '{', '*' or '&' needs quotes"
)


def parse_yaml(
    text: str, rel_path: str, first_line: int = 1, what: str = "the front matter"
) -> tuple[dict[str, Any], dict[Path_, int], list[Problem]] | Problem:
    """YAML mapping plus the line of every key and list item, for `path:line` messages."""
    composed = compose(text, rel_path, what, _FRONT_MATTER_HINT, first_line)
    if isinstance(composed, Problem):
        return composed
    node, loader, problems = composed
    # Parse once: the node tree gives the lines, and the data is constructed from it.
    lines: dict[Path_, int] = {}
    try:
        data, lines = _read_tree(loader, node, text, first_line, rel_path, problems)
    except yaml.MarkedYAMLError as exc:  # an unknown tag (!!python/...), an unhashable key
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        what_went = exc.problem or "not valid YAML"
        return Problem(
            rel_path, line, "error", f"{what} is not valid YAML ({what_went}): {_FRONT_MATTER_HINT}"
        )
    except yaml.YAMLError as exc:
        what_went = " ".join(str(exc).split())  # one line, whatever PyYAML wrote
        return Problem(rel_path, first_line, "error", f"{what} is not valid YAML ({what_went})")
    except RecursionError:
        return Problem(rel_path, first_line, "error", f"{what} is nested too deeply to read")
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return Problem(
            rel_path,
            first_line,
            "error",
            f"{what} must be 'field: value' lines, found "
            + ("a list" if isinstance(data, list) else f"the value '{data}'"),
        )
    return {str(k): v for k, v in data.items()}, lines, problems


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_PLAIN = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool", "int", "float", "timestamp")
)


class _NotPlain(Exception):
    """A tree with something other than maps, lists and plain scalars."""


def _read_tree(
    loader: _Loader,
    node: yaml.Node | None,
    text: str,
    first_line: int,
    rel_path: str,
    problems: list[Problem],
) -> tuple[Any, dict[Path_, int]]:
    """The value of `node`, and the line of every key and list item of a mapping (a warning
    for each key written twice added to `problems`): in one pass for the usual front matter
    (maps, lists and plain values, no aliases), else PyYAML's constructor and then a walk."""
    lines: dict[Path_, int] = {}
    if node is None:
        return {}, lines
    if "*" not in text and isinstance(node, yaml.MappingNode):
        found: list[Problem] = []
        try:
            data = _plain_walk(loader, node, (), first_line, lines, found, rel_path)
        except _NotPlain:
            lines = {}
        else:
            problems.extend(found)
            return data, lines
    data = _construct(loader, node, text)
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        _walk(node, (), first_line, lines, problems, rel_path, set())
    return data, lines


def _plain_walk(
    loader: _Loader,
    node: yaml.Node,
    loc: Path_,
    first_line: int,
    lines: dict[Path_, int],
    problems: list[Problem],
    rel_path: str,
) -> Any:
    """`_plain` and `_walk` at once (tests/test_read_fast_paths.py compares them)."""
    if isinstance(node, yaml.ScalarNode):
        return _plain(loader, node)
    tag = node.tag
    walk = len(loc) <= _DEEPEST  # as `_walk`: the lines of this node's keys and items
    if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        items: list[Any] = []
        for index, item in enumerate(node.value):
            here = (*loc, index)
            if walk:
                lines[here] = first_line + item.start_mark.line
            items.append(_plain_walk(loader, item, here, first_line, lines, problems, rel_path))
        return items
    if isinstance(node, yaml.MappingNode) and tag == _MAP:
        out: dict[Any, Any] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN:
                raise _NotPlain
            key = str(key_node.value)
            here = (*loc, key)
            if walk:
                line = first_line + key_node.start_mark.line
                if key in seen:
                    problems.append(_written_twice(rel_path, line, key))
                seen.add(key)
                lines[here] = line
            value = _plain_walk(loader, value_node, here, first_line, lines, problems, rel_path)
            out[_plain(loader, key_node)] = value
        return out
    raise _NotPlain


def _written_twice(rel_path: str, line: int, key: str) -> Problem:
    return Problem(
        rel_path, line, "warning", f"field '{key}' is written twice: the last one is used"
    )


def _construct(loader: _Loader, node: yaml.Node, text: str) -> Any:
    """The value of `node`: what PyYAML's `construct_document` makes, made directly for the
    usual front matter (no aliases, merge keys or other tags), which is several times faster;
    anything else goes through PyYAML (tests/test_source_lines.py compares the two)."""
    if "*" not in text:
        try:
            return _plain(loader, node)
        except _NotPlain:
            pass
    return loader.construct_document(node)


def _plain(loader: _Loader, node: yaml.Node) -> Any:
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag not in _PLAIN:
            raise _NotPlain
        return loader.yaml_constructors[tag](loader, node)  # the same constructor PyYAML uses
    if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        return [_plain(loader, item) for item in node.value]
    if isinstance(node, yaml.MappingNode) and tag == _MAP:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN:
                raise _NotPlain  # a merge key (<<), a list as a key: PyYAML's own answer
            out[_plain(loader, key_node)] = _plain(loader, value_node)
        return out
    raise _NotPlain


def _walk(
    node: yaml.Node,
    loc: Path_,
    first_line: int,
    lines: dict[Path_, int],
    problems: list[Problem],
    rel_path: str,
    walked: set[int],
) -> None:
    # An alias (*a) reuses its anchor's node: walk each node once, and no deeper than any
    # field's line is ever asked for.
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
                problems.append(_written_twice(rel_path, line, key))
            seen.add(key)
            lines[here] = line
            _walk(value_node, here, first_line, lines, problems, rel_path, walked)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            here = (*loc, index)
            lines[here] = first_line + item.start_mark.line
            _walk(item, here, first_line, lines, problems, rel_path, walked)
