"""Read stage, bad input: every problem of SPEC.md's list, at its line, and never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openwork.problems import Problem

from tests.reading import EXPERIMENT, INCIDENT, WEEKNOTE, entry, ids, md, one_problem, read

GOOD = {"experiments/good.md": md(EXPERIMENT)}
LINE = re.compile(r"^[^:\n]+:\d+: (error|warning): [^\n]+$")


def _only(tmp_path: Path, path: str, text: str | bytes, **options: object) -> Problem:
    """Read one bad file beside a good one: one problem for the bad, the good one still read."""
    result = read(tmp_path, {path: text, **GOOD}, **options)
    assert "experiments/good" in ids(result), [str(p) for p in result.problems]
    problem = one_problem(result, path)
    assert LINE.match(str(problem)), str(problem)
    assert str(problem) == f"{problem.path}:{problem.line}: {problem.level}: {problem.message}"
    return problem


# --- files that cannot be read -----------------------------------------------------------


def test_unparsable_yaml_at_the_line_of_the_error(tmp_path: Path) -> None:
    text = md(EXPERIMENT + "owner: Ada: the lead\n")
    problem = _only(tmp_path, "experiments/bad.md", text)
    assert (problem.line, problem.level) == (6, "error")
    assert problem.message.startswith(
        "the front matter is not valid YAML (mapping values are not allowed"
    )
    assert "a value containing ': '" in problem.message and "needs quotes" in problem.message


def test_an_unclosed_bracket(tmp_path: Path) -> None:
    text = md("title: x\ntags: [a, b\nteam: t\ndate: 2026-11-20")
    problem = _only(tmp_path, "weeknotes/bad.md", text)
    assert problem.level == "error"
    assert problem.line in (3, 4)  # where PyYAML notices: the bracket's line or the next
    assert "not valid YAML" in problem.message


def test_tabs_for_indentation(tmp_path: Path) -> None:
    text = md(EXPERIMENT + "metrics:\n\t- name: x\n")
    problem = _only(tmp_path, "experiments/bad.md", text)
    assert (problem.line, problem.level) == (7, "error")
    assert problem.message.endswith("indent with spaces, not tabs")


def test_front_matter_that_is_a_list(tmp_path: Path) -> None:
    problem = _only(tmp_path, "experiments/bad.md", "---\n- title: x\n- date: y\n---\nBody\n")
    assert (problem.line, problem.level) == (1, "error")  # the whole front matter
    assert problem.message == "the front matter must be 'field: value' lines, found a list"


def test_front_matter_that_is_one_value(tmp_path: Path) -> None:
    problem = _only(tmp_path, "experiments/bad.md", "---\nMy experiment\n---\nBody\n")
    assert problem.message == (
        "the front matter must be 'field: value' lines, found the value 'My experiment'"
    )


def test_no_closing_fence(tmp_path: Path) -> None:
    problem = _only(tmp_path, "experiments/bad.md", "---\n" + EXPERIMENT + "\nBody text.\n")
    assert (problem.line, problem.level) == (1, "error")
    assert problem.message.startswith("the front matter has no closing '---' line")


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    raw = md(EXPERIMENT, "Caf\u00e9 notes.\n").encode("cp1252")
    problem = _only(tmp_path, "experiments/bad.md", raw)
    assert (problem.line, problem.level) == (7, "error")  # the line holding the é
    assert problem.message == "the file is not UTF-8 (byte 0xe9): save it with UTF-8 encoding"


def test_utf8_with_a_byte_order_mark_and_windows_line_ends_is_fine(tmp_path: Path) -> None:
    text = ("\ufeff" + md(EXPERIMENT + "team: t")).replace("\n", "\r\n")
    result = read(tmp_path, {"experiments/a.md": text.encode("utf-8")})
    assert result.problems == []
    item = entry(result, "experiments/a")
    assert item.team == "t" and item.lines["team"] == 6


def test_an_empty_file(tmp_path: Path) -> None:
    problem = _only(tmp_path, "experiments/empty.md", "")
    assert (problem.line, problem.level) == (1, "error")
    assert problem.message.startswith("the file is empty")


def test_a_file_of_blank_lines_is_empty(tmp_path: Path) -> None:
    problem = _only(tmp_path, "incidents/empty.md", "\n  \n\n")
    assert problem.message.startswith("the file is empty")


def test_a_control_character_is_dropped_with_a_warning_at_its_line(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/bad.md": md(EXPERIMENT + "owner: A\x07da")})
    problem = one_problem(result, "experiments/bad.md")
    assert (problem.line, problem.level) == (6, "warning")
    assert "U+0007" in problem.message and "removed" in problem.message
    assert entry(result, "experiments/bad").meta.owner == "Ada"


def test_a_python_tag_is_refused(tmp_path: Path) -> None:
    text = md(EXPERIMENT + "owner: !!python/object/apply:os.system [echo hi]")
    problem = _only(tmp_path, "experiments/bad.md", text)
    assert (problem.line, problem.level) == (6, "error")
    assert "not valid YAML" in problem.message


# --- values that are wrong ---------------------------------------------------------------


def test_a_misspelt_field(tmp_path: Path) -> None:
    problem = _only(tmp_path, "experiments/a.md", md(EXPERIMENT + "sumary: Short.\n"))
    assert (problem.line, problem.level) == (6, "warning")
    assert problem.message == "unknown field 'sumary' (did you mean 'summary'?)"


def test_a_misspelt_required_field(tmp_path: Path) -> None:
    text = md(INCIDENT.replace("severity:", "sevrity:"))
    problem = _only(tmp_path, "incidents/a.md", text)
    assert (problem.line, problem.level) == (4, "error")
    assert problem.message == (
        "unknown field 'sevrity' (did you mean 'severity'?): 'severity' is required"
    )


def test_a_misspelt_value(tmp_path: Path) -> None:
    text = md(INCIDENT.replace("status: investigating", "status: investigatin"))
    problem = _only(tmp_path, "incidents/a.md", text)
    assert (problem.line, problem.level) == (5, "error")
    assert problem.message.endswith("(did you mean 'investigating'?)")
    assert "status 'investigatin' is not one of investigating, identified" in problem.message


def test_a_wrong_type(tmp_path: Path) -> None:
    problem = _only(tmp_path, "experiments/a.md", md(EXPERIMENT + "draft: sometimes\n"))
    assert (problem.line, problem.level) == (6, "error")
    assert problem.message == "draft should be true or false, found 'sometimes'"


def test_a_missing_required_field(tmp_path: Path) -> None:
    text = md(INCIDENT.replace("impact: Residents could not search the site.\n", ""))
    problem = _only(tmp_path, "incidents/a.md", text)
    assert (problem.line, problem.level) == (1, "error")
    assert problem.message == (
        "missing required field 'impact': add who or what was affected, in a sentence"
    )


def test_a_value_outside_its_set(tmp_path: Path) -> None:
    text = md(INCIDENT.replace("severity: SEV2", "severity: critical"))
    problem = _only(tmp_path, "incidents/a.md", text)
    assert (problem.line, problem.level) == (4, "error")
    assert problem.message == "severity 'critical' is not one of SEV1, SEV2, SEV3, SEV4"


def test_an_impossible_date_order(tmp_path: Path) -> None:
    text = md(INCIDENT + "resolved: 2026-11-03 08:00\n")
    problem = _only(tmp_path, "incidents/a.md", text)
    assert (problem.line, problem.level) == (8, "error")
    assert problem.message.startswith("resolved 2026-11-03T08:00:00+00:00 is before started")


def test_an_impossible_calendar_date(tmp_path: Path) -> None:
    problem = _only(tmp_path, "weeknotes/a.md", md(WEEKNOTE.replace("11-20", "02-30")))
    assert (problem.line, problem.level) == (2, "error")
    assert problem.message == (
        "date: '2026-02-30' is not a real date: check the month and day (YYYY-MM-DD)"
    )


# --- problems between files --------------------------------------------------------------


def test_a_duplicate_id_names_both_files(tmp_path: Path) -> None:
    files = {
        "incidents/a.md": md(INCIDENT + "id: incident-7\n"),
        "incidents/b.md": md(INCIDENT + "id: incident-7\n"),
    }
    result = read(tmp_path, files)
    problem = one_problem(result, "incidents/b.md")
    assert (problem.line, problem.level) == (8, "error")
    assert problem.message == (
        "id 'incident-7' is also the id of incidents/a.md: give one of them another id"
    )
    assert ids(result) == {"incident-7"}
    assert entry(result, "incident-7").path == "incidents/a.md"  # the first file is kept


def test_a_duplicate_url_in_two_subfolders_names_both_files(tmp_path: Path) -> None:
    files = {
        "weeknotes/platform/2026-W47.md": md(WEEKNOTE),
        "weeknotes/data/2026-W47.md": md(WEEKNOTE.replace("platform", "data")),
    }
    result = read(tmp_path, files)
    problem = one_problem(result, "weeknotes/platform/2026-W47.md")
    assert (problem.line, problem.level) == (1, "error")
    assert problem.message == (
        "URL /weeknotes/2026-w47/ is also the URL of weeknotes/data/2026-W47.md: "
        "rename one of the files, or give one of them another slug and id"
    )
    assert [e.path for e in result.entries] == ["weeknotes/data/2026-W47.md"]


def test_a_duplicate_url_through_a_slug(tmp_path: Path) -> None:
    files = {
        "incidents/a.md": md(INCIDENT + "slug: outage\n"),
        "incidents/outage.md": md(INCIDENT),
    }
    result = read(tmp_path, files)
    problem = one_problem(result, "incidents/outage.md")
    assert problem.message == (
        "URL /incidents/outage/ is also the URL of incidents/a.md: "
        "rename one of the files, or give one of them another slug"
    )


def test_a_draft_still_takes_its_url(tmp_path: Path) -> None:
    files = {
        "incidents/a/x.md": md(INCIDENT + "draft: true\n"),
        "incidents/b/x.md": md(INCIDENT),
    }
    result = read(tmp_path, files)
    assert one_problem(result, "incidents/b/x.md").level == "error"


@pytest.mark.parametrize("stem", ["page", "weeks", "2026", "1999", "index"])
def test_a_reserved_file_name(tmp_path: Path, stem: str) -> None:
    problem = _only(tmp_path, f"weeknotes/{stem}.md", md(WEEKNOTE))
    assert (problem.line, problem.level) == (1, "error")
    assert problem.message == (
        f"the URL /weeknotes/{stem}/ is reserved for openwork's own pages: "
        "rename the file or set another slug"
    )


def test_a_reserved_slug(tmp_path: Path) -> None:
    problem = _only(tmp_path, "incidents/a.md", md(INCIDENT + "slug: Page\n"))
    assert (problem.line, problem.level) == (8, "error")
    assert problem.message.startswith("the URL /incidents/page/ is reserved")


def test_a_slug_with_nothing_to_make_a_url(tmp_path: Path) -> None:
    problem = _only(tmp_path, "incidents/a.md", md(INCIDENT + "slug: '???'\n"))
    assert (problem.line, problem.level) == (8, "error")
    assert problem.message.startswith("slug '???' has no letters or digits to make a URL from")
    problem = _only(tmp_path, "incidents/-.md", md(INCIDENT))
    assert problem.message.startswith("the file name '-' has no letters or digits")


def test_a_related_id_that_does_not_exist(tmp_path: Path) -> None:
    text = md(EXPERIMENT + "related:\n  - incidents/nope\n")
    problem = _only(tmp_path, "experiments/a.md", text)
    assert (problem.line, problem.level) == (6, "warning")
    assert problem.message == (
        "related id 'incidents/nope' is not the id of any entry: the link is left out"
    )


def test_a_related_id_of_a_skipped_entry_is_reported_too(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(EXPERIMENT + "related: [incidents/broken]\n"),
        "incidents/broken.md": md(INCIDENT.replace("SEV2", "SEV9")),
    }
    result = read(tmp_path, files)
    assert one_problem(result, "experiments/a.md").level == "warning"
    assert ids(result) == {"experiments/a"}


# --- one bad file never stops the rest ---------------------------------------------------


def test_every_kind_of_problem_at_once_and_the_good_entries_are_read(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "weeknotes/2026-W47-ok.md": md(WEEKNOTE),
        "weeknotes/yaml.md": md("team: [x"),
        "weeknotes/latin.md": "café".encode("latin-1"),
        "experiments/ok.md": md(EXPERIMENT),
        "experiments/status.md": md(EXPERIMENT.replace("proposed", "maybe")),
        "incidents/ok.md": md(INCIDENT),
        "incidents/order.md": md(INCIDENT + "detected: 2026-11-02\n"),
        "incidents/empty.md": "",
    }
    result = read(tmp_path, files)
    assert ids(result) == {"weeknotes/2026-W47-ok", "experiments/ok", "incidents/ok"}
    bad = {p.path for p in result.errors}
    assert bad == {
        "weeknotes/yaml.md",
        "weeknotes/latin.md",
        "experiments/status.md",
        "incidents/order.md",
        "incidents/empty.md",
    }
    assert result.problems == sorted(result.problems, key=lambda p: (p.path, p.line))


GARBAGE: dict[str, str | bytes] = {
    "binary.md": bytes(range(256)) * 4,
    "nul.md": b"---\ntitle: a\x00b\n---\n",
    "colons.md": "---\n: :\n---\n",
    "only-dashes.md": "---\n",
    "two-fences.md": "---\n---\n",
    "fences-and-prose.md": "---\n---\n---\n---\n",
    "tabs.md": "---\n\ttitle:\tx\n\tdate:\t2026-01-01\n---\n",
    "huge.md": "---\ntitle: " + "x" * 200_000 + "\ndate: 2026-01-01\nteam: t\n---\n",
    "huge-key.md": "---\n" + "k" * 5000 + ": v\n---\n",
    "deep.md": "---\ntitle: " + "[" * 400 + "]" * 400 + "\n---\n",
    "feb30.md": "---\ndate: 2026-02-30\n---\n",
    "hour25.md": "---\ndate: 2026-01-01 25:00:00\n---\n",
    "tags-map.md": "---\ntags: {a: b}\n---\n",
    "authors-42.md": "---\nauthors: 42\n---\n",
    "alias-loop.md": "---\nloop: &a [*a]\ntitle: *a\n---\n",
    "alias-bomb.md": "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n---\n",
    "weird-keys.md": "---\n~: x\n1: 2\ntrue: 3\n2026-01-01: d\n---\n",
    "unhashable.md": "---\n[a]: b\n---\n",
    "binary-tag.md": "---\ntitle: !!binary zzz\n---\n",
    "python-tag.md": "---\ntitle: !!python/name:os.system\n---\n",
    "anchors.md": "---\ndate: &d 2026-01-01\nupdated: *d\nteam: t\n---\n",
    "all-wrong.md": (
        "---\ntitle: {a: 1}\ndate: .nan\nupdated: -1\nauthors: {a: 1}\nteam: [1]\ntags: 3.5\n"
        "summary: [x]\ndraft: 2\npublish_after: []\nrelated: {a: b}\nid: [1]\n"
        "amendments: {a: b}\nslug: [x]\nweek: 2026-W99\nstatus: 7\nhypothesis: null\n"
        "started: true\nended: []\noutcome: [x]\nmetrics: [[1]]\nreview_by: 0\n"
        "severity: [SEV1]\nresolved: x\nactions: [[x]]\ntimeline: [{at: [1]}]\n---\n"
    ),
    "nested-wrong.md": (
        "---\nactions:\n  - {action: a, status: [x], due: {}}\n  - null\n"
        "metrics:\n  - {name: [x], baseline: {}}\ntimeline:\n  - null\n---\n"
    ),
    "crlf-only.md": "\r\n\r\n",
    "bom-only.md": "\ufeff",
    "lone-cr.md": "---\rtitle: x\r---\r",
    "private-only.md": "---\ndate: 2026-01-01\nteam: t\n---\n<!-- private -->\n",
    "emoji.md": "---\ntitle: 🚀 launch\ndate: 2026-01-01\nteam: 🚀\nslug: 🚀\n---\n",
}


@pytest.mark.parametrize("folder", ["weeknotes", "experiments", "incidents"])
def test_garbage_never_raises(tmp_path: Path, folder: str) -> None:
    files = {f"{folder}/{name}": text for name, text in GARBAGE.items()}
    result = read(tmp_path, {**files, **GOOD})
    assert "experiments/good" in ids(result)
    for problem in result.problems:
        assert LINE.match(str(problem)), str(problem)
        assert problem.line >= 1
    reported = {p.path for p in result.problems}
    published = {e.path for e in [*result.entries, *result.hidden]}
    # Every odd file is either read into an entry or reported; none disappears silently.
    for name in GARBAGE:
        path = f"{folder}/{name}"
        assert path in reported or path in published, path
    for name in ("binary.md", "nul.md", "feb30.md", "tags-map.md", "all-wrong.md", "alias-loop.md"):
        assert f"{folder}/{name}" in {p.path for p in result.errors}, name
