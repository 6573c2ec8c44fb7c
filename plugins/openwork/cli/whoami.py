"""Who is writing a new entry: --author, else git's user.name or the login name."""

from __future__ import annotations

import getpass
import subprocess
from collections.abc import Mapping
from pathlib import Path

from openwork.content.model import Author
from openwork.suggest import nearest


def match_author(written: str, known: Mapping[str, Author]) -> str | None:
    """The authors.yml id for an id or a full name, ignoring case; None when nobody matches."""
    folded = written.strip().casefold()
    for key, author in known.items():
        if folded in (str(key).casefold(), author.id.casefold(), author.name.casefold()):
            return str(key)
    return None


def unknown_author_note(written: str, known: Mapping[str, Author], source: str) -> str | None:
    """What to tell a writer whose name is not in authors.yml, with the closest id; None when
    it is there, or when the site has no authors.yml (plain names are then the only kind)."""
    if not known or match_author(written, known) is not None:
        return None
    ids = {author.name: str(key) for key, author in known.items()}
    ids.update({str(key): str(key) for key in known})
    closest = nearest(written, ids, cutoff=0.6) or _same_first_name(written, known)
    hint = (
        f": did you mean '{ids[closest]}' ({known[ids[closest]].name})? Use --author {ids[closest]}"
        if closest
        else ": use --author with your id"
    )
    return (
        f"note: {source} '{written}' is not in authors.yml, so the new file names you as "
        f"written{hint}, or add yourself to authors.yml"
    )


def _same_first_name(written: str, known: Mapping[str, Author]) -> str | None:
    first = written.split()[0].casefold() if written.split() else ""
    matches = [
        str(key)
        for key, author in known.items()
        if first and first in (str(key).casefold(), author.name.split()[0].casefold())
    ]
    return matches[0] if len(matches) == 1 else None


def guess_author(root: Path, known: Mapping[str, Author]) -> str | None:
    """The person at the keyboard, as an authors.yml id when they are in it.

    git's user.name is a real name, so it is used even when authors.yml does not know it
    (plain names are allowed). A login name such as 'jsmith' is used only when it is an id in
    authors.yml: on a shared or CI machine it is rarely a name to publish.
    """
    name = _git_user_name(root)
    if name:
        return match_author(name, known) or name
    try:
        login = getpass.getuser()
    except (OSError, KeyError, ImportError):
        return None
    return match_author(login, known)


def _git_user_name(root: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "config", "user.name"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    name = done.stdout.strip()
    return name if done.returncode == 0 and name else None
