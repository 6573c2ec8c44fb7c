"""Letters a phrase's every match holds, so that a text without them is never searched for
it: the blameless check runs one large regex over each incident, and most texts hold the
letters of none of its phrases (tests/test_blameless.py compares with searching for all)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Part:
    """One phrase's part of the regex, and letters every match of it holds (lower case)."""

    regex: str
    # Every match holds one of these; None: none are known, so it is always searched.
    needs: tuple[str, ...] | None


def needs_any(pattern: str) -> tuple[str, ...] | None:
    """Runs of ASCII letters one of which every match of `pattern` holds (lower-cased): its
    top level's longest run (`needed`); for an alternation, one run of each alternative; else
    those of a group that must match (`(?:should not|shouldn't)`); None when not known."""
    alternatives, groups = _top_level(pattern)
    if len(alternatives) > 1:
        found: list[str] = []
        for alternative in alternatives:
            runs = needs_any(alternative)
            if runs is None:
                return None
            found.extend(runs)
        return tuple(dict.fromkeys(found))
    run = needed(pattern)
    if run is not None:
        return (run,)
    for inner in groups:
        runs = needs_any(inner)
        if runs is not None:
            return runs
    return None


def _top_level(pattern: str) -> tuple[list[str], list[str]]:
    """`pattern`'s alternatives (split at a top-level '|'), and the contents of its
    top-level groups that every match goes through (not lookarounds, not optional)."""
    alternatives: list[str] = []
    groups: list[str] = []
    depth, start, opened, at = 0, 0, 0, 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at = _class_end(pattern, at)
            continue
        if char == "(":
            if depth == 0:
                opened = at
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and pattern[at + 1 : at + 2] not in ("?", "*", "{"):
                inner = _group_body(pattern[opened + 1 : at])
                if inner is not None:
                    groups.append(inner)
        elif char == "|" and depth == 0:
            alternatives.append(pattern[start:at])
            start = at + 1
        at += 1
    alternatives.append(pattern[start:])
    return alternatives, groups


def _group_body(inside: str) -> str | None:
    """What a group `(inside)` matches, without its `?:`, `?P<name>` or `?i:`; None for a
    lookaround, a back-reference or a group of flags alone."""
    if not inside.startswith("?"):
        return inside
    if inside.startswith("?P<") and ">" in inside:
        return inside[inside.index(">") + 1 :]
    flags, colon, body = inside[1:].partition(":")
    if colon and (not flags or flags.isalpha()):
        return body
    return None


def needed(pattern: str) -> str | None:
    """The longest run of ASCII letters that every match of `pattern` holds, lower-cased:
    read from the pattern's top level only (groups, classes, escapes and quantified letters
    are skipped); None for an alternation at the top level or a run under 3 letters."""
    runs: list[str] = []
    run = ""
    depth = 0
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":  # an escape: a class (\s, \w) or one punctuation character
            runs.append(run)
            run, at = "", at + 2
            continue
        if char == "[":  # a character class: to its closing bracket
            runs.append(run)
            run, at = "", _class_end(pattern, at)
            continue
        if char in "()":
            depth += 1 if char == "(" else -1
            runs.append(run)
            run = ""
        elif depth:
            pass
        elif char == "|":
            return None
        elif char in "?*{":  # the letter before may be missing
            runs.append(run[:-1])
            run = ""
        elif char.isascii() and char.isalpha():
            run += char
        else:
            runs.append(run)
            run = ""
        at += 1
    runs.append(run)
    longest = max(runs, key=len)
    return longest.lower() if len(longest) >= 3 else None


def _class_end(pattern: str, at: int) -> int:
    at += 2 if pattern[at + 1 : at + 2] in ("]", "^") else 1
    while at < len(pattern) and pattern[at] != "]":
        at += 2 if pattern[at] == "\\" else 1
    return at + 1


def lowered(text: str) -> str:
    """`text` in lower case for looking up `Part.needs`: with the two letters that Python's
    case-blind regexes also take for an ASCII one (dotless i, long s) made that letter."""
    return text.lower().replace("ı", "i").replace("ſ", "s")
