"""The `openwork` command: `new`, `check` and `schema`, with no MkDocs import so it starts fast."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from openwork.cli import app

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """The `openwork` console script (and `python -m openwork`); returns the exit status.

    Run as the command (no `argv` given), `openwork check` ends the process as soon as its
    report is written (`os._exit`, streams flushed): tearing the interpreter down would free,
    one by one, the millions of objects a large site's check leaves, about 0.4 s of a
    10,000-entry check spent on nothing (issue 13). A check writes no file and starts no
    thread. Other commands (which may write files, run servers or leave temporary folders to
    clean up), and calls with `argv` (tests), return as usual."""
    args = app.parse(argv)
    code = app.run(args)
    if argv is None and args.command == "check":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
