"""The experiments board: grouped by status, outcome counts, review-overdue flags, the card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.builder import MINIMAL_MKDOCS, Built, mkdocs_build, write_tree


def experiment(title: str, date: str, status: str, **fields: str) -> str:
    lines = [f"title: {title}", f"date: {date}", f"status: {status}"]
    lines.append(f"hypothesis: {fields.pop('hypothesis', 'We believe ' + title + ' helps.')}")
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\nWhat we did.\n"


EXPERIMENTS = {
    "experiments/old-concluded.md": experiment(
        "Old concluded",
        "2025-06-01",
        "concluded",
        started="2025-03-01",
        ended="2025-05-30",
        outcome="validated",
    ),
    "experiments/new-concluded.md": experiment(
        "New concluded",
        "2026-02-01",
        "concluded",
        started="2025-11-01",
        ended="2026-01-30",
        outcome="inconclusive",
    ),
    "experiments/failed-idea.md": experiment(
        "Failed idea",
        "2025-09-01",
        "concluded",
        started="2025-07-01",
        ended="2025-08-30",
        outcome="invalidated",
    ),
    "experiments/stopped.md": experiment(
        "Stopped", "2025-10-01", "abandoned", started="2025-08-01", ended="2025-09-15"
    ),
    "experiments/overdue.md": experiment(
        "Overdue <em>run</em>",
        "2026-01-10",
        "running",
        started="2026-01-05",
        review_by="2020-03-01",
    ),
    "experiments/on-time.md": experiment(
        "On time", "2026-01-20", "running", started="2026-01-15", review_by="2999-01-01"
    ),
    "experiments/idea.md": experiment("Idea", "2026-03-01", "proposed"),
    "experiments/with-metrics.md": experiment(
        "With metrics",
        "2025-12-01",
        "concluded",
        started="2025-10-01",
        ended="2025-11-30",
        outcome="validated",
        hypothesis=(
            '"We believe that synonyms will result in fewer empty searches. '
            'We will know when they fall below 10%."'
        ),
        metrics=(
            '\n  - name: "Zero-result <b>searches</b>"\n    baseline: "14%"\n'
            '    target: "10%"\n    result: 9.5\n  - name: Clicks\n    baseline: 61'
        ),
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = write_tree(
        tmp_path_factory.mktemp("experiments"),
        {"mkdocs.yml": MINIMAL_MKDOCS, "docs/index.md": "# Home\n", **EXPERIMENTS},
    )
    return mkdocs_build(root / "mkdocs.yml", root / "site")


def _board(page: str) -> list[tuple[str, list[str]]]:
    groups = re.findall(
        r'<ul class="ow-entries ow-board ow-board--\w+" data-status="(\w+)"[^>]*>(.*?)</ul>',
        page,
        re.DOTALL,
    )
    return [
        (status, re.findall(r'data-id="experiments/([\w-]+)"', items)) for status, items in groups
    ]


def test_board_groups_by_status_running_first(built: Built) -> None:
    page = built.page("experiments/")
    assert _board(page) == [
        ("running", ["on-time", "overdue"]),
        ("proposed", ["idea"]),
        ("concluded", ["new-concluded", "with-metrics", "failed-idea", "old-concluded"]),
        ("abandoned", ["stopped"]),
    ]
    headings = re.findall(r'<h2 id="([a-z]+)">', page)
    assert headings == ["running", "proposed", "concluded", "abandoned"]


def test_outcome_counts(built: Built) -> None:
    page = built.page("experiments/")
    counts = dict(re.findall(r'<dd data-outcome="(\w+)">(\d+)</dd>', page))
    assert counts == {"validated": "2", "invalidated": "1", "inconclusive": "1"}
    assert "Outcomes of the 4 concluded experiments." in page


def test_running_experiment_past_review_by_is_flagged(built: Built) -> None:
    page = built.page("experiments/")
    found = re.findall(r'<li class="([^"]*)" data-id="experiments/([\w-]+)">', page)
    items = {slug: classes for classes, slug in found}
    assert "ow-overdue" in items["overdue"]
    assert "ow-overdue" not in items["on-time"]
    overdue_item = page.split('data-id="experiments/overdue"')[1].split("</li>")[0]
    assert "review overdue" in overdue_item
    on_time_item = page.split('data-id="experiments/on-time"')[1].split("</li>")[0]
    assert "review overdue" not in on_time_item
    assert "1 running experiment is past its review date" in page
    assert "Overdue &lt;em&gt;run&lt;/em&gt;" in page
    card = built.page("experiments/overdue/")
    assert '<strong class="ow-overdue">review overdue</strong>' in card


def test_a_small_site_has_no_duplicate_flat_list(built: Built) -> None:
    page = built.page("experiments/")
    assert page.count('data-id="experiments/idea"') == 1
    assert not built.exists("experiments/page/2/index.html")


def test_hypothesis_card_outcome_and_metrics_table(built: Built) -> None:
    page = built.page("experiments/with-metrics/")
    card = page.split('<div class="ow-hypothesis"')[1].split("</div>")[0]
    assert "We believe that synonyms will result in fewer empty searches." in card
    assert "the evidence supported the hypothesis" in card
    table = page.split('<div class="ow-metrics ow-table"><table>')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.DOTALL)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r) for r in rows]
    assert cells == [
        ["Zero-result &lt;b&gt;searches&lt;/b&gt;", "14%", "10%", "9.5"],
        ["Clicks", "61", "–", "–"],
    ]


def test_many_experiments_keep_a_paginated_list_by_date(tmp_path: Path) -> None:
    config = MINIMAL_MKDOCS.replace("  - openwork", "  - openwork:\n      pagination: 3")
    root = write_tree(tmp_path, {"mkdocs.yml": config, "docs/index.md": "# Home\n", **EXPERIMENTS})
    site = mkdocs_build(root / "mkdocs.yml", root / "site")
    first = site.page("experiments/")
    assert "All experiments by date" in first
    assert sum(len(ids) for _, ids in _board(first)) == 8  # the board shows every experiment
    # past `pagination` in a group, experiments are listed without their hypothesis
    compact = sum(max(0, len(ids) - 3) for _, ids in _board(first))
    assert compact >= 1
    assert first.count("ow-entry--compact") == compact
    assert first.count("ow-board__hypothesis") == 8 - compact
    second = site.page("experiments/page/2/")
    assert _board(second) == []  # the board is on the first page only
    assert 'rel="prev"' in second
