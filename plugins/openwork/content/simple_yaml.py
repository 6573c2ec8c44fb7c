"""The usual front matter read line by line, without libyaml's tree of nodes: a third of
reading a file went on it.

Only the simplest YAML is read here, ASCII throughout: `field: value` lines whose value is
empty, a plain word or phrase (letters, digits, spaces and `._/@+-`), a quoted text without
escapes, or a one-line list of plain words (`[a, b]`); and a field with a block list under it,
each item a value or a small mapping of such fields (`  - action: ...` with `    owner: ...`
below). Anything else (comments, multi-line text, anchors, escapes, tabs, other indents, other
characters) is left to the general reader, `yaml_read.parse_yaml`. Plain values are typed by
the same resolver and constructors, so the values, field lines and warnings are the same
(tests/test_read_fast_paths.py compares the two on generated front matter).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from openwork.content.yaml_read import _STR, Path_, _Loader, _resolved, _written_twice
from openwork.problems import Problem

_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_PLAIN = r"[A-Za-z0-9](?:[A-Za-z0-9 ._/@+-]*[A-Za-z0-9._/@+-])?"
_QUOTED = r'"[ !#-\[\]-~]*"|' + r"'[ -&(-~]*'"  # printable, without the quote or a backslash
_LIST = rf"\[(?:{_PLAIN}(?:, {_PLAIN})*)?\]"
_VALUE = rf"{_QUOTED}|{_LIST}|{_PLAIN}"
_FIELD = re.compile(rf"({_KEY}):(?: ({_VALUE}))?")
_ITEM = re.compile(rf"  - (?:({_KEY}): ({_VALUE})|({_VALUE}))")
_ITEM_FIELD = re.compile(rf"    ({_KEY}): ({_VALUE})")
_LOADER = _Loader("")  # its constructors only read the node they are given
_TYPED: dict[str, Any] = {}  # plain values typed so far (dates, numbers, true, null)
_REMEMBERED = 50_000


class NotSimple(Exception):
    """Front matter this reader leaves to the general one."""


def read_simple(
    text: str, rel_path: str, first_line: int
) -> tuple[dict[str, Any], dict[Path_, int], list[Problem]] | None:
    """(data, the line of each field and item, warnings), or None when `text` is not the
    simplest YAML."""
    if not text.isascii() or "\r" in text or "\t" in text:
        return None
    try:
        return _read(text, rel_path, first_line)
    except NotSimple:
        return None


def _read(
    text: str, rel_path: str, first_line: int
) -> tuple[dict[str, Any], dict[Path_, int], list[Problem]]:
    data: dict[str, Any] = {}
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    seen: set[str] = set()
    items: list[Any] | None = None  # the block list being read, under field `key`
    item: dict[str, Any] | None = None  # its last item, when a mapping
    item_seen: set[str] = set()
    key = ""
    for number, row in enumerate(text.split("\n")):
        if not row:
            continue
        line = first_line + number
        if row[0] != " ":
            if items is not None and not items:  # `field:` with nothing under it: null
                data[key] = _typed("")
            match = _FIELD.fullmatch(row)
            if match is None:
                raise NotSimple
            key, written = _text_key(match.group(1)), match.group(2)
            if key in seen:
                problems.append(_written_twice(rel_path, line, key))
            seen.add(key)
            lines[(key,)] = line
            item = None
            if written is None:  # a block list follows, or nothing (null)
                items = []
                data[key] = items
            else:
                items = None
                data[key] = _value(written, (key,), line, lines)
            continue
        if items is None:
            raise NotSimple
        match = _ITEM.fullmatch(row)
        if match is not None:
            index = len(items)
            lines[(key, index)] = line
            if match.group(3) is not None:
                item = None
                items.append(_value(match.group(3), (key, index), line, lines))
                continue
            field = _text_key(match.group(1))
            lines[(key, index, field)] = line
            item = {field: _value(match.group(2), (key, index, field), line, lines)}
            item_seen = {field}
            items.append(item)
            continue
        match = _ITEM_FIELD.fullmatch(row)
        if match is None or item is None:
            raise NotSimple
        field = _text_key(match.group(1))
        if field in item_seen:
            problems.append(_written_twice(rel_path, line, field))
        item_seen.add(field)
        lines[(key, len(items) - 1, field)] = line
        item[field] = _value(match.group(2), (key, len(items) - 1, field), line, lines)
    if items is not None and not items:
        data[key] = _typed("")  # `field:` at the end: null
    if not data:
        raise NotSimple
    return data, lines, problems


def _value(written: str, loc: Path_, line: int, lines: dict[Path_, int]) -> Any:
    """The value written after `field: `; a one-line list's items get their lines."""
    first = written[0]
    if first in "\"'":
        return written[1:-1]
    if first != "[":
        return _typed(written)
    if len(written) == 2:
        return []
    parts = written[1:-1].split(", ")
    for index in range(len(parts)):
        lines[(*loc, index)] = line
    return [_typed(part) for part in parts]


def _typed(written: str) -> Any:
    """A plain value as YAML types it: with the general reader's resolver and constructors
    (each value's type remembered: the same dates, names and flags come in every file)."""
    found = _TYPED.get(written, _TYPED)
    if found is _TYPED:
        tag = _resolved(written)
        if tag == _STR:
            found = written
        else:
            found = _LOADER.yaml_constructors[tag](_LOADER, yaml.ScalarNode(tag, written))
        if len(_TYPED) < _REMEMBERED:
            _TYPED[written] = found
    return found


def _text_key(key: str) -> str:
    """`key`, when YAML reads it as text (not `true:` or `null:`)."""
    if key not in _TEXT_KEYS:
        if _resolved(key) != _STR:
            raise NotSimple
        if len(_TEXT_KEYS) < _REMEMBERED:
            _TEXT_KEYS.add(key)
    return key


_TEXT_KEYS: set[str] = set()
