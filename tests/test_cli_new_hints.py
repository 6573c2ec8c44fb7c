"""`openwork new` says when the name or team it writes is not one the site knows, with a hint."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest

from tests.test_cli import example_copy, home, run

__all__ = ["example_copy", "home"]  # fixtures used below


@pytest.mark.parametrize(
    ("git_name", "hint"),
    [
        ("Amara Okafr", "did you mean 'amara' (Amara Okafor)? Use --author amara"),
        ("Tomasz", "did you mean 'tomasz' (Tomasz Nowak)?"),
        ("Zed Zebedee", "use --author with your id"),
    ],
)
def test_an_unknown_git_name_is_said_with_the_closest_author(
    example_copy: Path, home: Path, git_name: str, hint: str
) -> None:
    done = run(example_copy, "new", "experiment", "--title", "A try", home=home, git_name=git_name)
    assert done.returncode == 0, done.stderr
    written = frontmatter.load(example_copy / done.stdout.strip())
    if git_name == "Tomasz":
        assert written["owner"] == "tomasz"  # an id: nothing to say
        assert "authors.yml" not in done.stderr
        return
    assert written["owner"] == git_name  # written as it is, and said so
    assert f"your git user.name '{git_name}' is not in authors.yml" in done.stderr
    assert hint in done.stderr


def test_a_known_git_name_is_not_remarked_on(example_copy: Path, home: Path) -> None:
    done = run(
        example_copy, "new", "experiment", "--title", "A try", home=home, git_name="Mei Chen"
    )
    assert done.returncode == 0 and "authors.yml" not in done.stderr


def test_an_undeclared_team_is_said_with_the_nearest(example_copy: Path, home: Path) -> None:
    done = run(
        example_copy, "new", "weeknote", "--team", "platfrom", home=home, git_name="Mei Chen"
    )
    assert done.returncode == 0, done.stderr
    assert "team 'platfrom' is not in teams.yml (did you mean 'platform'?)" in done.stderr
