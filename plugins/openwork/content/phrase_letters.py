"""Letters a phrase's every match holds, so that a text without them is never searched for
it: the blameless check runs one large regex over each incident, and most texts hold the
letters of none of its phrases (tests/test_blameless.py compares with searching for all)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Part:
    """One phrase's part of the regex, and letters every match of it holds (lower case)."""

    regex: str
    needs: str | None  # None: no letters it must hold are known, so it is always searched


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
