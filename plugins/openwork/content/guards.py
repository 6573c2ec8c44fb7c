"""Fail-closed front matter checks: what could publish something its writer meant to hide.

Two slips keep an entry out of the site, as errors, instead of publishing it:

- A field that looks like `draft` or `publish_after` but is not exactly it. A key is
  compared after folding case and dropping '-', '_', '.' and spaces. It looks like `draft`
  when it contains "draft" (`Draft`, `drafts`, `is_draft`), is one letter away from it
  (`darft`, `draf`), or is one of `unpublished`, `unpublish`, `hidden`, `hide`, `private`,
  `unlisted`, `wip`. It looks like `publish_after` when it contains "embargo" (`embargo`,
  `embargoed`, `embargo_until`), starts with "publish" (`publish`, `publish-after`,
  `publishAfter`, `publish_at`, `publish_date`) but is not `published` (a date: see the
  aliases) or `publisher`, is two letters or fewer away from it, or is one of `not_before`,
  `release_after`, `release_at`. `published: true` / `false` (Jekyll's switch) is read as
  `draft` by content/aliases.py first; should one reach this check, it is a draft field.
- Text in front matter holding `<!--`: front matter is published as written, so a private
  marker or a comment there hides nothing. (Jekyll's `excerpt_separator: <!--more-->` is
  a marker for a tool, not text, and is let through.)
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from openwork.content.yaml_read import Path_

_DRAFT_WORDS = {"unpublished", "unpublish", "hidden", "hide", "private", "unlisted", "wip"}
_EMBARGO_WORDS = {"notbefore", "releaseafter", "releaseat"}
_NOT_CONTROL = {"published", "publisher"}


@lru_cache(maxsize=4096)
def _fold(key: str) -> str:
    return "".join(c for c in key.casefold() if c not in "-_. ")


def _distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def control_field(key: str, value: Any) -> str | None:
    """'draft' or 'publish_after' when `key` looks like it but is not exactly it."""
    if key in ("draft", "publish_after"):
        return None
    if _fold(key) == "published":
        return "draft" if isinstance(value, bool) else None
    return _looks_like(key)


@lru_cache(maxsize=4096)  # a site writes the same few dozen keys in every file
def _looks_like(key: str) -> str | None:
    folded = _fold(key)
    if folded in _NOT_CONTROL or not folded:
        return None
    if "draft" in folded or folded in _DRAFT_WORDS or _near(folded, "draft", 1):
        return "draft"
    if (
        "embargo" in folded
        or folded.startswith("publish")
        or folded in _EMBARGO_WORDS
        or _near(folded, "publishafter", 2)
    ):
        return "publish_after"
    return None


def _near(word: str, target: str, edits: int) -> bool:
    return abs(len(word) - len(target)) <= edits and _distance(word, target) <= edits


def control_field_message(key: str, field: str) -> str:
    if field == "draft":
        right = "draft: true (or draft: false to publish it)"
    else:
        right = "publish_after: 2026-12-01 09:00 (the moment it may be published)"
    return (
        f"'{key}' looks like the field '{field}' but is not spelt that way, so openwork "
        f"cannot tell whether to hide this entry: it is left out until you write {right}"
    )


def misspelt_controls(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(key as written, the control field it looks like) for each top-level key."""
    for key, value in data.items():
        field = control_field(str(key), value)
        if field is not None:
            yield str(key), field


# Fields whose value is a marker for another tool, not text anyone reads: Jekyll's
# `excerpt_separator: <!--more-->` says where a post's excerpt ends.
MARKER_FIELDS = frozenset({"excerpt_separator"})


def comment_openers(value: Any, loc: Path_ = ()) -> Iterator[Path_]:
    """The location of every text in `value` that holds '<!--' (not in MARKER_FIELDS)."""
    if "<!--" not in repr(value):  # Python writes a text's '<!--' as it is: none to find
        return
    if isinstance(value, dict) and not loc:
        value = {k: v for k, v in value.items() if k not in MARKER_FIELDS}
    stack: list[tuple[Any, Path_]] = [(value, loc)]
    seen: set[int] = set()
    while stack:
        item, here = stack.pop()
        if isinstance(item, str):
            if "<!--" in item:
                yield here
        elif isinstance(item, dict | list) and id(item) not in seen:
            seen.add(id(item))  # an alias reuses one object: look at it once
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            stack.extend((v, (*here, k if isinstance(k, int) else str(k))) for k, v in pairs)


def comment_message(name: str) -> str:
    return (
        f"{name} holds '<!--': front matter is published as written, so a private marker or "
        "comment there hides nothing. The entry is left out: move private text into a "
        "'<!-- private -->' ... '<!-- /private -->' block in the body"
    )
