"""Read stage, finding files: any depth, configurable folders, .meta.yml defaults, watching."""

from __future__ import annotations

from pathlib import Path

from tests.reading import EXPERIMENT, INCIDENT, WEEKNOTE, entry, ids, md, one_problem, read


def test_files_at_any_depth_are_read(tmp_path: Path) -> None:
    files = {
        "weeknotes/a.md": md(WEEKNOTE),
        "weeknotes/2026/b.md": md(WEEKNOTE),
        "weeknotes/2026/platform/deep/c.markdown": md(WEEKNOTE),
    }
    result = read(tmp_path, files)
    assert ids(result) == {"weeknotes/a", "weeknotes/b", "weeknotes/c"}
    assert entry(result, "weeknotes/c").path == "weeknotes/2026/platform/deep/c.markdown"


def test_hidden_and_underscore_files_and_folders_and_other_files_are_skipped(
    tmp_path: Path,
) -> None:
    files = {
        "weeknotes/a.md": md(WEEKNOTE),
        "weeknotes/_template.md": "not front matter: [",
        "weeknotes/.draft.md": "not front matter: [",
        "weeknotes/_drafts/b.md": "not front matter: [",
        "weeknotes/.git/c.md": "not front matter: [",
        "weeknotes/notes.txt": "not front matter: [",
        "weeknotes/image.png": "not front matter: [",
        "weeknotes/README": "not front matter: [",
    }
    result = read(tmp_path, files)
    assert ids(result) == {"weeknotes/a"}
    assert result.problems == []


def test_each_folder_is_its_kind(tmp_path: Path) -> None:
    files = {
        "weeknotes/w.md": md(WEEKNOTE),
        "experiments/e.md": md(EXPERIMENT),
        "incidents/i.md": md(INCIDENT),
        "docs/page.md": "# An ordinary page, not an entry\n",
        "other/x.md": md(WEEKNOTE),
    }
    result = read(tmp_path, files)
    kinds = {e.id: e.kind for e in result.entries}
    assert kinds == {
        "weeknotes/w": "weeknote",
        "experiments/e": "experiment",
        "incidents/i": "incident",
    }


def test_a_missing_content_folder_is_fine(tmp_path: Path) -> None:
    result = read(tmp_path, {"incidents/i.md": md(INCIDENT)})
    assert ids(result) == {"incidents/i"}
    assert result.problems == []


def test_folders_are_configurable(tmp_path: Path) -> None:
    files = {
        "notes/w.md": md(WEEKNOTE),
        "postmortems/i.md": md(INCIDENT),
        "incidents/ignored.md": md(INCIDENT),
    }
    result = read(
        tmp_path,
        files,
        collections={"weeknote": {"folder": "notes"}, "incident": {"folder": "postmortems"}},
    )
    # Ids follow the folder; the URL base stays the default unless it is set as well.
    assert ids(result) == {"notes/w", "postmortems/i"}
    moved = entry(result, "postmortems/i")
    assert (moved.path, moved.url) == ("postmortems/i.md", "incidents/i/")


# --- .meta.yml ---------------------------------------------------------------------------


def test_meta_yml_gives_defaults_to_every_file_below_it(tmp_path: Path) -> None:
    files = {
        "weeknotes/.meta.yml": "team: everyone\ntags: [weeknotes]\n",
        "weeknotes/top.md": md("date: 2026-11-20"),
        "weeknotes/platform/.meta.yml": "team: platform\n",
        "weeknotes/platform/mid.md": md("date: 2026-11-20"),
        "weeknotes/platform/2026/deep/low.md": md("date: 2026-11-20"),
        "weeknotes/platform/own.md": md("date: 2026-11-20\nteam: data\ntags: [own]"),
    }
    result = read(tmp_path, files)
    assert result.problems == []
    teams = {e.id: e.team for e in result.entries}
    assert teams == {
        "weeknotes/top": "everyone",
        "weeknotes/mid": "platform",  # the nearest .meta.yml wins
        "weeknotes/low": "platform",
        "weeknotes/own": "data",  # the file's own front matter wins
    }
    assert [t.name for t in entry(result, "weeknotes/low").tags] == ["weeknotes"]
    assert [t.name for t in entry(result, "weeknotes/own").tags] == ["own"]


def test_meta_yml_in_sibling_folders_do_not_mix(tmp_path: Path) -> None:
    files = {
        "weeknotes/a/.meta.yml": "team: alpha\n",
        "weeknotes/a/x.md": md("date: 2026-11-20"),
        "weeknotes/b/y.md": md("date: 2026-11-20"),
    }
    result = read(tmp_path, files)
    assert ids(result) == {"weeknotes/x"}
    assert one_problem(result, "weeknotes/b/y.md").message.startswith("a weeknote needs authors")


def test_meta_yml_can_default_any_field(tmp_path: Path) -> None:
    files = {
        "incidents/.meta.yml": "severity: SEV3\nimpact: To be written.\nservices: Search\n",
        "incidents/a.md": md("title: x\ndate: 2026-11-03\nstatus: identified\nstarted: 2026-11-03"),
    }
    result = read(tmp_path, files)
    meta = entry(result, "incidents/a").incident
    assert meta is not None
    assert (meta.severity, meta.impact, meta.services) == ("SEV3", "To be written.", ["Search"])


def test_a_bad_default_is_reported_once_at_its_meta_yml_line(tmp_path: Path) -> None:
    files = {
        "weeknotes/platform/.meta.yml": "# defaults\nauthors: [ada]\nteam: [platform, data]\n",
        "weeknotes/platform/x.md": md("date: 2026-11-20"),
        "weeknotes/platform/y.md": md("date: 2026-11-21"),
        "weeknotes/platform/z.md": md("date: 2026-11-21\nteam: platform"),
    }
    result = read(tmp_path, files)
    problem = one_problem(result, "weeknotes/platform/.meta.yml")
    assert (problem.line, problem.level) == (3, "error")
    assert problem.message == "team should be text, found a list"
    assert len(result.problems) == 1
    assert ids(result) == {"weeknotes/z"}  # its own team replaces the bad default


def test_a_misspelt_default_is_warned_at_its_meta_yml_line(tmp_path: Path) -> None:
    files = {
        "weeknotes/.meta.yml": "authors: [ada]\ntema: platform\n",
        "weeknotes/x.md": md("date: 2026-11-20"),
        "weeknotes/y.md": md("date: 2026-11-20"),
    }
    result = read(tmp_path, files)
    assert [str(p) for p in result.problems] == [
        "weeknotes/.meta.yml:2: warning: unknown field 'tema' (did you mean 'team'?)"
    ]
    assert ids(result) == {"weeknotes/x", "weeknotes/y"}


def test_an_unreadable_meta_yml_is_reported_and_its_files_still_read(tmp_path: Path) -> None:
    files = {
        "weeknotes/.meta.yml": "team: platform\nauthors: [ada\n",
        "weeknotes/x.md": md(WEEKNOTE),
        "experiments/.meta.yml": "- a list\n",
        "experiments/e.md": md(EXPERIMENT),
    }
    result = read(tmp_path, files)
    yaml_problem = one_problem(result, "weeknotes/.meta.yml")
    assert yaml_problem.level == "error" and "not valid YAML" in yaml_problem.message
    list_problem = one_problem(result, "experiments/.meta.yml")
    assert list_problem.message.endswith("found a list")
    assert ids(result) == {"weeknotes/x", "experiments/e"}


def test_a_meta_yml_that_is_not_utf8(tmp_path: Path) -> None:
    files = {
        "weeknotes/.meta.yml": "team: caf\xe9\n".encode("latin-1"),
        "weeknotes/x.md": md(WEEKNOTE),
    }
    result = read(tmp_path, files)
    problem = one_problem(result, "weeknotes/.meta.yml")
    assert (problem.line, problem.level) == (1, "error")
    assert "not UTF-8" in problem.message
    assert ids(result) == {"weeknotes/x"}


# --- what serve watches ------------------------------------------------------------------


def test_watched_holds_the_content_folders_and_authors_yml(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        {"notes/w.md": md(WEEKNOTE)},
        collections={"weeknote": {"folder": "notes"}},
        authors_file="people.yml",
    )
    assert set(result.watched) >= {
        tmp_path / "notes",
        tmp_path / "experiments",
        tmp_path / "incidents",
        tmp_path / "people.yml",
    }
