"""Text from files, cleaned once: the characters XML 1.0 (and so every feed) cannot carry go.

Dropped: C0 control characters except tab, newline and carriage return; DEL; the C1 controls
(U+0080..U+009F, which a terminal may read as escape sequences, and U+0085, which YAML reads
as a line break); U+FFFE and U+FFFF; lone surrogates. Each line that lost one gets a warning.
"""

from __future__ import annotations

import re
from pathlib import Path

from openwork.problems import Problem

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# The ASCII bytes FORBIDDEN lets through: a file of only these needs no cleaning.
_ALLOWED_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def clean(text: str) -> tuple[str, list[tuple[int, str]]]:
    """`text` without forbidden characters, and (line offset, characters dropped) per line."""
    if FORBIDDEN.search(text) is None:
        return text, []
    dropped: dict[int, list[str]] = {}
    for match in FORBIDDEN.finditer(text):
        dropped.setdefault(text.count("\n", 0, match.start()), []).append(match.group())
    return FORBIDDEN.sub("", text), [(line, "".join(chars)) for line, chars in dropped.items()]


def dropped_message(chars: str, where: str = "this line") -> str:
    """The warning for characters dropped from one line or value."""
    shown = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in chars))
    return (
        f"{where} held a control character ({shown}) that web pages and feeds cannot carry: "
        "it was removed (often pasted from a word processor; delete it from the file)"
    )


def read_text(path: Path, rel: str, what: str = "the file") -> tuple[str, list[Problem]] | Problem:
    """A UTF-8 file's text with '\\n' line ends and forbidden characters dropped, or why not."""
    try:
        with path.open("rb", buffering=0) as file:
            raw = file.read()
    except OSError as exc:  # a broken link, a permission, a file removed mid-build
        return Problem(rel, 1, "error", f"{what} cannot be read ({exc.strerror or exc})")
    if raw.isascii() and not raw.translate(None, _ALLOWED_ASCII):
        # The usual file: no byte order mark, nothing to drop (tests/test_read_fast_paths.py).
        text = raw.decode("ascii")
        return (text.replace("\r\n", "\n") if b"\r" in raw else text), []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(
            rel,
            line,
            "error",
            f"{what} is not UTF-8 (byte 0x{raw[exc.start]:02x}): save it with UTF-8 encoding",
        )
    text, dropped = clean(text.replace("\r\n", "\n"))
    problems = [Problem(rel, 1 + n, "warning", dropped_message(chars)) for n, chars in dropped]
    return text, problems
