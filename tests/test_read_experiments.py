"""Read stage, experiments: status and outcome sets, the fields each status needs, date order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.reading import EXPERIMENT, entry, ids, md, one_problem, read

RUNNING = EXPERIMENT.replace("status: proposed", "status: running") + "started: 2026-10-01\n"
CONCLUDED = (
    EXPERIMENT.replace("status: proposed", "status: concluded")
    + "started: 2026-10-01\nended: 2026-10-29\noutcome: validated\n"
)


def test_a_full_experiment(tmp_path: Path) -> None:
    fm = CONCLUDED + (
        "owner: Mei Chen\nreview_by: 2026-10-15\n"
        "metrics:\n"
        "  - name: Completion rate\n    baseline: 61%\n    target: 70\n    result: 72.5\n"
        "  - name: Calls\n"
    )
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    assert result.problems == []
    item = entry(result, "experiments/a")
    meta = item.experiment
    assert meta is not None and item.incident is None
    assert (meta.status, meta.outcome, item.status) == ("concluded", "validated", "concluded")
    assert (meta.started, meta.ended) == (date(2026, 10, 1), date(2026, 10, 29))
    assert meta.review_by == date(2026, 10, 15)
    assert meta.owner == "Mei Chen"
    assert meta.hypothesis.startswith("We believe shorter forms")
    first, second = item.metrics
    assert (first.name, first.baseline, first.target, first.result) == (
        "Completion rate",
        "61%",
        "70",
        "72.5",
    )
    assert (second.baseline, second.target, second.result) == (None, None, None)


@pytest.mark.parametrize("status", ["proposed", "running", "concluded", "abandoned"])
def test_every_status_with_what_it_needs(tmp_path: Path, status: str) -> None:
    needs = {
        "proposed": "",
        "running": "started: 2026-10-01\n",
        "concluded": "started: 2026-10-01\nended: 2026-10-29\noutcome: inconclusive\n",
        "abandoned": "started: 2026-10-01\nended: 2026-10-02\n",
    }[status]
    fm = EXPERIMENT.replace("status: proposed", f"status: {status}") + needs
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    assert result.problems == []
    assert entry(result, "experiments/a").status == status


def test_status_is_matched_without_case(tmp_path: Path) -> None:
    fm = RUNNING.replace("status: running", "status: ' Running'")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    assert entry(result, "experiments/a").status == "running"


def test_a_misspelt_status_is_an_error_with_the_suggestion(tmp_path: Path) -> None:
    fm = RUNNING.replace("status: running", "status: runing")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (4, "error")
    assert problem.message == (
        "status 'runing' is not one of proposed, running, concluded, abandoned "
        "(did you mean 'running'?)"
    )
    assert ids(result) == set()


def test_a_status_outside_the_set_without_a_near_match(tmp_path: Path) -> None:
    fm = EXPERIMENT.replace("status: proposed", "status: paused")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (
        problem.message == "status 'paused' is not one of proposed, running, concluded, abandoned"
    )


def test_a_misspelt_outcome(tmp_path: Path) -> None:
    fm = CONCLUDED.replace("outcome: validated", "outcome: invalidatd")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (8, "error")
    assert problem.message == (
        "outcome 'invalidatd' is not one of validated, invalidated, inconclusive "
        "(did you mean 'invalidated'?)"
    )


@pytest.mark.parametrize(
    ("status", "extra", "says"),
    [
        ("running", "", "missing started: a running experiment needs started: YYYY-MM-DD"),
        (
            "concluded",
            "started: 2026-10-01\noutcome: validated\n",
            "missing ended: a concluded experiment needs ended: YYYY-MM-DD",
        ),
        (
            "abandoned",
            "started: 2026-10-01\n",
            "missing ended: an abandoned experiment needs ended: YYYY-MM-DD",
        ),
        (
            "concluded",
            "started: 2026-10-01\nended: 2026-10-02\n",
            "missing outcome: a concluded experiment needs "
            "outcome: validated, invalidated or inconclusive",
        ),
    ],
)
def test_fields_a_status_requires(tmp_path: Path, status: str, extra: str, says: str) -> None:
    fm = EXPERIMENT.replace("status: proposed", f"status: {status}") + extra
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    # Reported at the status line: the status is what asks for the field.
    assert (problem.line, problem.level, problem.message) == (4, "error", says)
    assert ids(result) == set()


def test_a_proposed_experiment_needs_no_start(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT)})
    assert entry(result, "experiments/a").experiment.started is None  # type: ignore[union-attr]


def test_an_outcome_before_the_conclusion_is_a_warning(tmp_path: Path) -> None:
    result = read(tmp_path, {"experiments/a.md": md(RUNNING + "outcome: validated\n")})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (7, "warning")
    assert problem.message == (
        "outcome is set but status is 'running': set status: concluded, or remove the outcome"
    )
    assert ids(result) == {"experiments/a"}


def test_ended_before_started_is_an_error(tmp_path: Path) -> None:
    fm = CONCLUDED.replace("ended: 2026-10-29", "ended: 2026-09-30")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (7, "error")
    assert problem.message == "ended 2026-09-30 is before started 2026-10-01"


def test_ended_on_the_day_it_started_is_fine(tmp_path: Path) -> None:
    fm = CONCLUDED.replace("ended: 2026-10-29", "ended: 2026-10-01")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    assert result.problems == []


def test_started_accepts_a_datetime_or_quoted_date(tmp_path: Path) -> None:
    files = {
        "experiments/a.md": md(RUNNING.replace("2026-10-01", "2026-10-01T09:00:00Z")),
        "experiments/b.md": md(RUNNING.replace("2026-10-01", "'2026-10-01'")),
    }
    result = read(tmp_path, files)
    for name in ("a", "b"):
        assert entry(result, f"experiments/{name}").experiment.started == date(2026, 10, 1)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("field", "line"),
    [("hypothesis", 1), ("title", 1), ("status", 1)],
)
def test_required_fields(tmp_path: Path, field: str, line: int) -> None:
    fm = "\n".join(row for row in EXPERIMENT.splitlines() if not row.startswith(f"{field}:"))
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (line, "error")
    assert problem.message.startswith(f"missing required field '{field}': add ")


def test_a_misspelt_required_field_is_one_error_at_its_line(tmp_path: Path) -> None:
    fm = EXPERIMENT.replace("status: proposed", "staus: proposed")
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (4, "error")
    assert problem.message == "unknown field 'staus' (did you mean 'status'?): 'status' is required"


@pytest.mark.parametrize(
    ("metrics", "line", "level", "says"),
    [
        ("metrics: 12", 6, "error", "metrics should be a list, found '12'"),
        (
            "metrics:\n  - baseline: 1",
            7,
            "error",
            "missing required field 'metrics[1].name': add a name",
        ),
        (
            "metrics:\n  - name: a\n    baseline: [1, 2]",
            8,
            "error",
            "metrics[1].baseline: a list is not a number or text: write a value such as 12",
        ),
        (
            "metrics:\n  - name: a\n    result: true",
            8,
            "error",
            "metrics[1].result: 'true' is not a number or text",
        ),
        (
            "metrics:\n  - name: a\n    reslt: 5",
            8,
            "warning",
            "unknown field 'reslt' (did you mean 'result'?)",
        ),
        (
            "metrics:\n  - name: a\n  - nme: b",
            8,
            "error",
            "unknown field 'nme' (did you mean 'name'?): 'metrics[2].name' is required",
        ),
    ],
)
def test_bad_metrics(tmp_path: Path, metrics: str, line: int, level: str, says: str) -> None:
    result = read(tmp_path, {"experiments/a.md": md(EXPERIMENT + metrics)})
    problem = one_problem(result, "experiments/a.md")
    assert (problem.line, problem.level) == (line, level)
    assert problem.message.startswith(says)


@pytest.mark.parametrize(
    ("field", "written", "says"),
    [
        ("review_by", "next month", "review_by: 'next month' is not a date: expected a date"),
        ("started", "2026-02-29", "started: '2026-02-29' is not a real date"),
        ("owner", "[a, b]", "owner should be text, found a list"),
        ("hypothesis", "{a: b}", "hypothesis should be text, found a mapping of fields"),
    ],
)
def test_experiment_field_types(tmp_path: Path, field: str, written: str, says: str) -> None:
    kept = [row for row in EXPERIMENT.splitlines() if not row.startswith(f"{field}:")]
    fm = "\n".join([*kept, f"{field}: {written}"])
    result = read(tmp_path, {"experiments/a.md": md(fm)})
    problem = one_problem(result, "experiments/a.md")
    assert problem.level == "error"
    assert problem.line == len(kept) + 2  # the last line of the front matter
    assert problem.message.startswith(says)
