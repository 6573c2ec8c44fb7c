"""Fail closed: what looks like a way to hide an entry or text keeps the entry out, as an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from openwork.content.guards import control_field

from tests.reading import EXPERIMENT, INCIDENT, WEEKNOTE, entry, ids, md, read

DRAFT_LIKE = ["Draft", "DRAFT", "drafts", "is_draft", "isDraft", "darft", "draf", "hidden"]
DRAFT_LIKE += ["unpublished", "private", "wip"]
EMBARGO_LIKE = ["publish-after", "publishAfter", "Publish_After", "publish_at", "publish"]
EMBARGO_LIKE += ["embargo", "embargoed", "embargo_until", "publish_date", "publsh_after"]
NOT_CONTROL = ["published", "publisher", "date", "status", "owner", "title", "drift_x", "data"]


@pytest.mark.parametrize("key", DRAFT_LIKE)
def test_draft_lookalikes(key: str) -> None:
    assert control_field(key, True) == "draft"


@pytest.mark.parametrize("key", EMBARGO_LIKE)
def test_publish_after_lookalikes(key: str) -> None:
    assert control_field(key, "2030-01-01") == "publish_after"


@pytest.mark.parametrize("key", NOT_CONTROL)
def test_other_fields_are_not_control_fields(key: str) -> None:
    assert control_field(key, "2026-01-01") is None


def test_jekylls_published_false_is_a_draft_field() -> None:
    assert control_field("published", False) == "draft"


@pytest.mark.parametrize("key", ["Draft", "drafts", "publish-after", "embargo", "publish"])
def test_a_misspelt_control_field_keeps_the_entry_out(tmp_path: Path, key: str) -> None:
    result = read(tmp_path, {"weeknotes/2026-W47.md": md(WEEKNOTE + f"{key}: 2030-01-01\n")})
    assert "weeknotes/2026-W47" not in ids(result)
    (error,) = result.errors
    assert error.line == 4
    assert f"'{key}' looks like the field" in error.message


def test_a_misspelt_control_field_in_meta_yml_is_reported_there(tmp_path: Path) -> None:
    files = {
        "weeknotes/.meta.yml": "team: platform\nDraft: true\n",
        "weeknotes/2026-W47.md": md("date: 2026-11-20\n"),
        "weeknotes/2026-W46.md": md("date: 2026-11-13\n"),
    }
    result = read(tmp_path, files)
    assert not result.entries and not result.hidden
    (error,) = result.errors
    assert (error.path, error.line) == ("weeknotes/.meta.yml", 2)


@pytest.mark.parametrize(
    ("kind", "front_matter", "line"),
    [
        (
            "experiments",
            "title: Forms <!-- private -->secret<!-- /private -->\n" + EXPERIMENT[21:],
            2,
        ),
        ("incidents", INCIDENT.replace("Residents", "<!-- Sam's fault --> Residents"), 7),
        ("incidents", INCIDENT + "summary: a <!-- private\n", 8),
        ("incidents", INCIDENT + "contributing_factors: ['<!-- private --> x']\n", 8),
        ("incidents", INCIDENT + "timeline:\n  - {at: 2026-11-03 09:00, event: '<!--x'}\n", 9),
    ],
)
def test_a_comment_in_front_matter_keeps_the_entry_out(
    tmp_path: Path, kind: str, front_matter: str, line: int
) -> None:
    result = read(tmp_path, {f"{kind}/x.md": md(front_matter)})
    assert f"{kind}/x" not in ids(result)
    (error,) = result.errors
    assert error.line == line
    assert "move private text into a '<!-- private -->'" in error.message


def test_a_comment_in_front_matter_is_fine_when_private_text_is_included(tmp_path: Path) -> None:
    text = md("title: Forms <!-- private -->x<!-- /private -->\n" + EXPERIMENT[21:])
    result = read(tmp_path, {"experiments/x.md": text}, include_private=True)
    assert entry(result, "experiments/x").title.startswith("Forms")


def test_jekylls_excerpt_separator_is_not_private_text(tmp_path: Path) -> None:
    text = md(WEEKNOTE + "excerpt_separator: <!--more-->\n")
    result = read(tmp_path, {"weeknotes/2026-W47.md": text})
    assert entry(result, "weeknotes/2026-W47").extra["excerpt_separator"] == "<!--more-->"
