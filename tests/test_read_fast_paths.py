"""The read stage's shortcuts for the usual file give exactly what the general way gives.

Each test keeps the general way as it was written before the shortcut (the reference) and
compares the two on generated input, common and hostile."""

from __future__ import annotations

import dataclasses
import os
import pickle
import posixpath
import re
import subprocess
import sys
from collections.abc import Iterator
from copy import copy as copy_of
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openwork.cli import main as cli_main
from openwork.cli.siteconfig import load_site_config
from openwork.content.blameless import (
    _LINK_TARGET,
    _QUOTES,
    _REF_DEFINITION,
    _TAG,
    _URL,
    mask_inline,
    mask_markdown,
)
from openwork.content.discover import find_files
from openwork.content.excerpt import _LINK, _MARKS, _REF_LINK, _SKIP, first_paragraph, shorten
from openwork.content.guards import MARKER_FIELDS, comment_openers
from openwork.content.markdown_scan import blank, scan
from openwork.content.reader import file_stem, read_content
from openwork.content.simple_yaml import read_simple
from openwork.content.text import clean, dropped_message, read_text
from openwork.content.yaml_read import _construct, _Loader, _walk, compose, parse_yaml
from openwork.problems import Problem
from openwork.urls import _folder, relative_url

_HTML = re.compile(r"<[^>]+>")


def _read_text_reference(path: Path, rel: str) -> tuple[str, list[Problem]] | Problem:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(rel, 1, "error", f"the file cannot be read ({exc.strerror or exc})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(
            rel,
            line,
            "error",
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}): save it with UTF-8 encoding",
        )
    text, dropped = clean(text.replace("\r\n", "\n"))
    return text, [Problem(rel, 1 + n, "warning", dropped_message(c)) for n, c in dropped]


_BYTE_PIECES = [b"a", b"title: x\n", b"\r\n", b"\r", b"\n", b"\t", b"\x00", b"\x07", b"\x0b",
                b"\x1f", b"\x7f", b"\xc2\x85", b"\xc2\x9f", b"\xef\xbb\xbf", b"\xe2\x80\xa6",
                b"\xef\xbf\xbe", b"\xed\xa0\x80", b"\xff", b" ", b"~"]  # fmt: skip
_BYTES = st.one_of(
    st.binary(max_size=80), st.lists(st.sampled_from(_BYTE_PIECES), max_size=40).map(b"".join)
)


@settings(max_examples=400, deadline=None)
@given(_BYTES)
def test_reading_a_file_is_the_same_with_the_ascii_shortcut(tmp_path_factory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("read") / "entry.md"
    path.write_bytes(raw)
    assert read_text(path, "entry.md") == _read_text_reference(path, "entry.md")


def test_an_unreadable_file_is_the_same_problem(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.md", tmp_path):  # gone, and a folder
        assert read_text(path, "x.md") == _read_text_reference(path, "x.md")


def _first_in_reference(body: str) -> str:
    found = scan(body)
    prose = blank(body, [*found.blocks, *found.quotes, *found.comments])
    for block in re.split(r"\n\s*\n", prose.strip()):
        text = block.strip()
        if not text or text.startswith(_SKIP):
            continue
        text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
        text = _HTML.sub("", text)
        text = _MARKS.sub("", text)
        text = " ".join(text.split())
        if text:
            return shorten(text)
    return ""


_PIECES = st.sampled_from(
    ["\n", "\n\n", "\n \n", "    ", "```", "~~~", "`", "``", "<!--", "-->", "> ", ">", "# ",
     "- ", "1. ", "|", "[a](b)", "[a][b]", "![i](s)", "[", "]", "<b>", "<", "**", "*", "__",
     "_", "word", "Words here.", " ", "\t", "…"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=60))
def test_the_excerpt_is_the_same_when_steps_are_skipped(pieces: list[str]) -> None:
    body = "".join(pieces)
    assert first_paragraph(body, head=len(body)) == _first_in_reference(body)


_SEGMENT = st.text(alphabet="ab.-_ é", min_size=1, max_size=8).filter(lambda s: s not in ".")


@given(st.lists(_SEGMENT, min_size=1, max_size=4))
def test_a_file_stem_is_what_pathlib_says(parts: list[str]) -> None:
    path = "/".join(parts)
    assert file_stem(path) == PurePosixPath(path).stem


_WRITTEN = ["", "x", "~", "null", "Null", "NULL", "yes", "No", "on", "OFF", "true", "False",
            "y", "n", "0", "-1", "+12", "0x1F", "0o17", "0b101", "1_000", "3.5", "-.inf", ".NaN",
            "1e400", "6.8523015e+5", "190:20:30", "2026-11-20", "2026-11-20 10:00:00Z",
            "2026-11-20t10:00:00.5+01:00", "<<", "=", "!", "&x", "*x", "-", "+", ".", "1.",
            "T"]  # fmt: skip
_SCALARS = st.one_of(st.sampled_from(_WRITTEN), st.text(max_size=12))


@settings(max_examples=500, deadline=None)
@given(_SCALARS, st.booleans(), st.booleans())
def test_the_loader_resolves_tags_as_pyyaml_does(value: str, plain: bool, quoted: bool) -> None:
    loader = _Loader("")
    try:
        for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
            expected = yaml.resolver.BaseResolver.resolve(loader, kind, value, (plain, quoted))
            assert loader.resolve(kind, value, (plain, quoted)) == expected
    finally:
        loader.dispose()


def _mask_rest_reference(text: str) -> str:
    for regex in (_REF_DEFINITION, _LINK_TARGET, _URL, _TAG, *_QUOTES):
        text = blank(text, (m.span() for m in regex.finditer(text)))
    return text


def _mask_inline_reference(text: str) -> str:
    found = scan(text, blocks=False)
    return _mask_rest_reference(blank(text, [*found.inline, *found.comments]))


_PROSE = ["\n", "\n\n", " ", "  ", "word", "Blamed", "human error", "[a]: x", "[a](b)", "[a][b]",
          "]", "[", ":", "https://x.org/a", "mailto:a@b", "<x:y>", "<b>", "</i>", "<", ">", '"',
          '"said"', "“", "”", "„", "`", "``", "<!--", "-->", "    ", "```", "> "]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PROSE), max_size=50))
def test_blameless_masking_is_the_same_when_searches_are_skipped(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert mask_inline(text) == _mask_inline_reference(text)
    # A body: the same steps after code blocks and quotes are blanked.
    found = scan(text, indented=True)
    spans = [*found.blocks, *found.inline, *found.quotes, *found.comments]
    assert mask_markdown(text) == _mask_rest_reference(blank(text, spans))


def _parse_yaml_reference(text: str) -> object:
    composed = compose(text, "x.md", "the front matter", "hint", 3)
    if not isinstance(composed, tuple) or composed[0] is None:
        return None
    node, loader, problems = composed
    try:
        data = _construct(loader, node, text)
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None
    lines: dict[tuple[str | int, ...], int] = {}
    if isinstance(node, yaml.MappingNode):
        _walk(node, (), 3, lines, problems, "x.md", set())
    return {str(k): v for k, v in data.items()}, lines, problems


_LEAVES = st.one_of(
    st.sampled_from(["x", "2026-11-20", "09:10", "yes", "~", "3", "1.5", "2026-02-30"]),
    st.booleans(),
    st.integers(-5, 5),
)
_KEY = st.sampled_from(["a", "b", "title", "1", "true", "due", "at"])
_TREES = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEY, inner, max_size=3)),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_KEY, _TREES, min_size=1, max_size=5), st.integers(0, 12), st.booleans())
def test_front_matter_values_and_lines_are_the_same_in_one_pass(
    data: dict[str, object], depth: int, twice: bool
) -> None:
    for _ in range(depth):  # deeper than any line is kept for
        data = {"a": [data]}
    text = yaml.safe_dump(data, default_flow_style=False, sort_keys=False)
    if twice:  # a key written twice, at the top and inside a list item
        text += "title: again\nlist:\n  - at: 1\n    at: 2\n"
    expected = _parse_yaml_reference(text)
    assert expected is not None
    assert parse_yaml(text, "x.md", 3) == expected


_TEXTS = st.sampled_from(["", "x", "<!--", "<!-- private -->", "<!-", "--", "<", "'\"", "\n"])
_VALUES = st.recursive(
    st.one_of(_TEXTS, st.lists(_TEXTS, max_size=3).map("".join), st.integers(), st.none()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.one_of(_TEXTS, st.integers()), inner)
    ),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "excerpt_separator", "<!--"]), _VALUES))
def test_comment_openers_are_found_as_by_walking_every_value(data: dict[str, object]) -> None:
    assert list(comment_openers(data)) == list(_comment_openers_reference(data))


def _comment_openers_reference(value: Any, loc: tuple[str | int, ...] = ()) -> Iterator[Any]:
    if isinstance(value, dict) and not loc:
        value = {k: v for k, v in value.items() if k not in MARKER_FIELDS}
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, loc)]
    seen: set[int] = set()
    while stack:
        item, here = stack.pop()
        if isinstance(item, str):
            if "<!--" in item:
                yield here
        elif isinstance(item, dict | list) and id(item) not in seen:
            seen.add(id(item))
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            stack.extend((v, (*here, k if isinstance(k, int) else str(k))) for k, v in pairs)


@pytest.mark.parametrize("folder", ["notes", ".", "notes/deep"])
def test_found_files_are_named_relative_to_the_site(tmp_path: Path, folder: str) -> None:
    for rel in ("notes/a.md", "notes/deep/b.md", "notes/deep/er/c.markdown", "top.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = list(find_files(tmp_path, folder, []))
    assert found
    assert [f.rel_path for f in found] == [
        f.abs_path.relative_to(tmp_path).as_posix() for f in found
    ]


def test_entries_cross_processes_whole(example_root: Path) -> None:
    # Forked processes send entries back pickled, with their own state functions.
    read = read_content(example_root, load_site_config(None, example_root).options)
    entries = [*read.entries, *read.hidden]
    assert entries
    for entry in entries:
        for copy in (pickle.loads(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)), copy_of(entry)):
            for field in dataclasses.fields(entry):
                assert getattr(copy, field.name) == getattr(entry, field.name), field.name
            assert [t.display for t in copy.tags] == [t.display for t in entry.tags]


def _relative_url_reference(target: str, base: str) -> str:
    here = _folder(base)
    there = [part for part in target.split("/") if part]
    if "." in there or ".." in there:
        there = [p for p in posixpath.normpath("/" + target).split("/") if p]
    shared = 0
    while shared < len(here) and shared < len(there) and here[shared] == there[shared]:
        shared += 1
    rel = "/".join([".."] * (len(here) - shared) + there[shared:]) or "."
    if target.endswith("/") or not target:
        return "./" if rel == "." else rel + "/"
    return rel


_URL_PARTS = st.lists(st.sampled_from(["a", "b", "tags", ".", "..", "", "x.html", "é"]), max_size=5)


@settings(max_examples=500, deadline=None)
@given(_URL_PARTS, _URL_PARTS, st.booleans(), st.booleans())
def test_relative_links_are_the_same_with_segments_remembered(
    target: list[str], base: list[str], target_folder: bool, base_folder: bool
) -> None:
    # Generated pages' links (urls.py): not the read stage, but the same kind of shortcut.
    to = "/".join(target) + ("/" if target_folder and target else "")
    at = "/".join(base) + ("/" if base_folder and base else "")
    assert relative_url(to, at) == _relative_url_reference(to, at)


_FM_KEYS = ["title", "date", "tags", "a_b", "Key", "x1", "true", "null", "on", "due", "at"]
_FM_VALUES = ["x", "a b", "a  b", "2026-11-20", "2026-11-20 10:00", "2026-02-30", "yes", "No",
              "null", "~", "1", "012", "0x1F", "1.5", "1e3", "a/b", "a@b", "a+b", "a - b", "a -b",
              "Null", "True", "a.", "x_y", "-1", ".5", "a:b", "a #b", "[a, b]", "[a,b]", "[]",
              "[ a ]", "[a, 2026-01-01, yes, 3]", '"q"', '"a: b # c"', '"x\\"', "'s'", "'it''s'",
              '""', "''", "\"a'b\"", "é", "a\tb", "a ", "&x a", "*x", "!!str 5", "|",
              ">"]  # fmt: skip
_FM_ROWS = st.one_of(
    st.tuples(st.sampled_from(_FM_KEYS), st.sampled_from(_FM_VALUES)).map(
        lambda kv: f"{kv[0]}: {kv[1]}"
    ),
    st.sampled_from(_FM_KEYS).map(lambda k: f"{k}:"),
    st.sampled_from(_FM_VALUES).map(lambda v: f"  - {v}"),
    st.tuples(st.sampled_from(_FM_KEYS), st.sampled_from(_FM_VALUES)).map(
        lambda kv: f"  - {kv[0]}: {kv[1]}"
    ),
    st.tuples(st.sampled_from(_FM_KEYS), st.sampled_from(_FM_VALUES)).map(
        lambda kv: f"    {kv[0]}: {kv[1]}"
    ),
    st.sampled_from(["", " ", "- x", "   - x", "     at: 1", "# note", "title: x # note", "\r"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_FM_ROWS, min_size=1, max_size=12))
def test_simple_front_matter_reads_as_the_general_reader_reads_it(rows: list[str]) -> None:
    text = "\n".join(rows) + "\n"
    simple = read_simple(text, "x.md", 3)
    if simple is not None:
        assert simple == parse_yaml(text, "x.md", 3)


def test_the_usual_front_matter_is_read_simply() -> None:
    text = (
        'title: "Week 52: release"\ndate: 2019-12-27\nauthors: [dmitri, nia-b]\nteam: web\n'
        "draft: false\nsummary:\nactions:\n  - action: Fix it\n    owner: ops team\n"
        "    due: 2026-01-01\n    due: 2026-01-02\n  - 'plain'\ntitle: again\n"
    )
    simple = read_simple(text, "x.md", 2)
    assert simple is not None
    assert simple == parse_yaml(text, "x.md", 2)
    data, lines, problems = simple
    assert data["actions"][0]["due"] == date(2026, 1, 2)
    assert lines[("actions", 0, "owner")] == 10
    assert [p.line for p in problems] == [12, 14]  # the second `due` and `title`


_SIMPLE_VALUES = st.sampled_from(
    ["x", "a b", "a  b", "2026-11-20", "yes", "No", "null", "Null", "True", "1", "012", "0x1F",
     "0o17", "1.5", "1e3", "1_000", "a/b", "a@b", "a+b", "a - b", "a -b", "a.", "x_y", "[a, b]",
     "[]", "[a, 2026-01-01, yes, 3]", '"q"', '"a: b # c"', "'s'", '""', "''", "\"a'b\"",
     "'\\\\n'", "SEV4", "2019-W52", "190"]
)  # fmt: skip
_ANY_VALUE = st.one_of(_SIMPLE_VALUES, _SIMPLE_VALUES, st.sampled_from(_FM_VALUES))


@st.composite
def _front_matter(draw: st.DrawFn) -> str:
    keys = st.sampled_from(_FM_KEYS)
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        key = draw(keys)
        shape = draw(st.sampled_from(["value", "value", "empty", "list"]))
        if shape == "value":
            rows.append(f"{key}: {draw(_ANY_VALUE)}")
            continue
        rows.append(f"{key}:")
        for _ in range(draw(st.integers(0, 3)) if shape == "list" else 0):
            if draw(st.booleans()):
                rows.append(f"  - {draw(_ANY_VALUE)}")
                continue
            rows.append(f"  - {draw(keys)}: {draw(_ANY_VALUE)}")
            rows.extend(
                f"    {draw(keys)}: {draw(_ANY_VALUE)}" for _ in range(draw(st.integers(0, 3)))
            )
            if draw(st.integers(0, 9)) == 0:
                rows.append("")
    return "\n".join(rows) + "\n"


@settings(max_examples=1500, deadline=None)
@given(_front_matter())
def test_structured_front_matter_reads_as_the_general_reader_reads_it(text: str) -> None:
    simple = read_simple(text, "x.md", 3)
    if simple is not None:
        assert simple == parse_yaml(text, "x.md", 3)


def test_check_as_the_command_ends_at_once_with_its_whole_report(tiny: Path) -> None:
    # `openwork check` leaves without tearing the interpreter down (cli/__init__.py): its
    # report must still be whole and its status right; called with arguments, it returns.
    (tiny / "weeknotes").mkdir()
    (tiny / "weeknotes" / "2026-W48-x.md").write_text("---\ntitle: [oops\n---\nText.\n")
    done = subprocess.run(
        [sys.executable, "-m", "openwork", "check"],
        cwd=tiny,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "weeknotes/2026-W48-x.md:3: error: the front matter is not valid YAML" in done.stdout
    assert done.stdout.rstrip().endswith("2 errors in 1 file")
    cwd = Path.cwd()
    try:
        os.chdir(tiny)
        assert cli_main(["check"]) == 1  # and this test is still running
    finally:
        os.chdir(cwd)
