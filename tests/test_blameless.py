"""Blameless language: each phrase family, people's names, what is skipped, and the lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openwork.content import read_content
from openwork.content.blameless import FAMILIES, Passage, Rules, _compile
from openwork.options import Options

from tests.builder import MINIMAL_MKDOCS, mkdocs_build, write_tree

PEOPLE = ["Josh Whitfield", "Mei Chen", "Will Hughes", "Amara Okafor", "Amara Jones", "Ed Bell"]


def found(text: str, rules: Rules | None = None, **kw: object) -> list[tuple[str, str]]:
    """(family, phrase as written) for every finding in a body passage."""
    rules = rules or Rules(people=PEOPLE)
    return [(f.family, f.phrase) for f in rules.find(Passage(text, 1, **kw))]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "family", "phrase"),
    [
        ("The outage was caused by human error.", "label", "human error"),
        ("This was operator error on the night.", "label", "operator error"),
        ("Classic user error.", "label", "user error"),
        ("A careless change went out.", "character", "careless"),
        ("It was negligent.", "character", "negligent"),
        ("Negligence played a part.", "character", "Negligence"),
        ("There was a lack of attention.", "character", "lack of attention"),
        ("He was not paying attention.", "character", "not paying attention"),
        ("An incompetent fix.", "character", "incompetent"),
        ("Sloppy work.", "character", "Sloppy"),
        ("A lazy reviewer.", "character", "lazy"),
        ("They didn't bother to test.", "character", "didn't bother"),
        ("Nobody wants to blame anyone.", "blame", "blame"),
        ("The on-call engineer was at fault.", "blame", "at fault"),
        ("It was their fault.", "blame", "their fault"),
        ("It was Sam's fault.", "blame", "Sam's fault"),
        ("They should have checked.", "hindsight", "should have"),
        ("They should've checked.", "hindsight", "should've"),
        ("They shouldn't have deployed.", "hindsight", "shouldn't have"),
        ("They should not have deployed.", "hindsight", "should not have"),
        ("We could have caught it.", "hindsight", "could have"),
        ("Someone ought to have noticed.", "hindsight", "ought to have"),
        ("The reviewer failed to spot it.", "omission", "failed to"),
        ("They neglected to update the runbook.", "omission", "neglected to"),
        ("Someone forgot to renew the certificate.", "omission", "forgot to"),
        ("The fix was obviously wrong.", "certainty", "obviously"),
        ("They simply restarted it.", "certainty", "simply"),
    ],
)
def test_each_phrase_family_is_found(text: str, family: str, phrase: str) -> None:
    assert found(text) == [(family, phrase)]


def test_every_family_has_a_specific_hint() -> None:
    rules = Rules()
    human = rules.find(Passage("human error", 1))[0].message
    assert "what made the action reasonable at the time and what in the system allowed it" in human
    hindsight = rules.find(Passage("should have", 1))[0].message
    assert "describe what people knew at the time, not what hindsight shows" in hindsight
    hints = {family.hint for family in FAMILIES}
    assert len(hints) == len(FAMILIES)


def test_curly_apostrophes_and_line_breaks_inside_a_phrase() -> None:
    assert found("They shouldn’t have.") == [("hindsight", "shouldn't have")]
    assert found("They should\nhave known.") == [("hindsight", "should have")]
    assert found("HUMAN   ERROR") == [("label", "HUMAN ERROR")]


def test_whole_words_only() -> None:
    text = (
        "A blameless review. It was blame-free. The hardware fault was the cause. "
        "We fixed the disk's fault codes? No: carelessly is still flagged. "
        "Lazy loading and lazy-loaded images are techniques. Run git blame on it. "
        "Faulty cable. Shoulder. Couldn't have known."
    )
    assert found(text) == [("character", "carelessly")]


def test_code_quotes_links_and_comments_are_skipped() -> None:
    text = """
The log said `failed to connect` and we ran `git blame`.

```
retry: should have been 3
```

    indented code: human error

> A blockquote of what was said: it was my fault.

She said "I should have checked" and then “that was careless”.
See [the history](https://example.org/blame/main) and https://example.org/careless.
<!-- a note to self: simply negligent -->
<span title="human error">label</span>
"""
    assert found(text) == []


def test_indented_lines_in_lists_and_admonitions_are_prose() -> None:
    text = """
- first point

    the fix was careless

!!! note "Careful"
    it was human error
"""
    assert found(text) == [("character", "careless"), ("label", "human error")]


def test_names_are_found_in_contributing_factors_only() -> None:
    factor = "Josh deployed while Mei Chen watched"
    assert found(factor, names=True, field="contributing_factors[1]") == [
        ("name", "Josh"),
        ("name", "Mei Chen"),
    ]
    assert found(factor) == []  # in the body, naming who did what is how a timeline reads


def test_full_names_any_case_first_names_only_when_unambiguous() -> None:
    rules = Rules(people=PEOPLE)

    def names(text: str) -> list[str]:
        return [f.phrase for f in rules.find(Passage(text, 1, "contributing_factors[1]", True))]

    assert names("JOSH WHITFIELD was on call") == ["JOSH WHITFIELD"]
    assert names("Amara was on call") == []  # two people called Amara
    assert names("Amara Jones was on call") == ["Amara Jones"]
    assert names("Will the alert fire? Will Hughes knows.") == ["Will Hughes"]  # Will: a word
    assert names("Ed was on call") == []  # first names under 3 letters are too short
    assert names("josh was on call") == []  # a first name only as it is capitalised
    assert names("Josh’s change") == ["Josh"]


def test_custom_phrases_and_ignored_built_ins() -> None:
    rules = Rules(extra_phrases=["cowboy", "went  rogue"], ignore=["simply", "FAILED TO"])
    text = "A cowboy change; he went\nrogue. It simply failed to start."
    assert [(f.family, f.phrase) for f in rules.find(Passage(text, 1))] == [
        ("custom", "cowboy"),
        ("custom", "went rogue"),
    ]
    message = rules.find(Passage("cowboy", 1))[0].message
    assert "blameless.phrases" in message


def test_one_finding_per_phrase_per_line() -> None:
    rules = Rules()
    findings = rules.find(Passage("should have, should have\nshould have", 10))
    assert [f.line for f in findings] == [10, 11]


INCIDENT = """\
---
title: Payments were down
date: 2026-03-02
severity: SEV2
status: resolved
started: 2026-03-02T09:00:00Z
resolved: 2026-03-02T10:00:00Z
impact: Residents could not pay, because of human error.
contributing_factors:
  - The deploy script has no dry run
  - Josh Whitfield ran the script late on Friday
timeline:
  - at: 2026-03-02T09:00:00Z
    event: Deploy started
  - at: 2026-03-02T09:20:00Z
    event: The on-call engineer should have seen the alert
actions:
  - action: Add a dry run
    owner: mei
---

## What happened

The team was careless.

<!-- private -->
Internal: it was negligent.
<!-- /private -->

They said "it was my fault", which is not a finding.
"""

AUTHORS = """\
josh:
  name: Josh Whitfield
mei:
  name: Mei Chen
"""


def _site(tmp_path: Path, config: str = MINIMAL_MKDOCS, incident: str = INCIDENT) -> Path:
    return write_tree(
        tmp_path,
        {
            "mkdocs.yml": config,
            "docs/index.md": "# Home\n",
            "authors.yml": AUTHORS,
            "incidents/2026-03-02-payments.md": incident,
        },
    )


def _blameless(problems: list) -> list[str]:
    return [str(p) for p in problems if "blameless" in p.message]


def test_read_stage_reports_each_finding_at_its_line(tmp_path: Path) -> None:
    root = _site(tmp_path)
    result = read_content(root, Options())
    assert len(result.entries) == 1
    lines = {(int(s.split(":")[1]), s.split("'")[1]) for s in _blameless(result.problems)}
    assert lines == {
        (8, "human error"),  # impact
        (11, "Josh Whitfield"),  # contributing_factors[2]
        (16, "should have"),  # timeline[2].event
        (24, "careless"),  # body
        (27, "negligent"),  # inside a private block: the same warnings in every build
    }
    factor = next(s for s in _blameless(result.problems) if "Josh" in s)
    assert factor.startswith("incidents/2026-03-02-payments.md:11: warning: blameless: ")
    assert "contributing_factors[2]" in factor
    assert "describe the situation they were in" in factor


def test_weeknotes_and_experiments_are_not_checked(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "weeknotes/2026-W10-team.md": "---\nteam: x\n---\nWe should have shipped it.\n",
            "experiments/try.md": (
                "---\ntitle: T\ndate: 2026-01-01\nstatus: proposed\n"
                "hypothesis: We believe human error...\n---\nCareless.\n"
            ),
        },
    )
    assert _blameless(read_content(tmp_path, Options()).problems) == []


def test_disabled_and_custom_phrases_from_options(tmp_path: Path) -> None:
    root = _site(tmp_path)
    off = Options.model_validate({"blameless": {"enabled": False}})
    assert _blameless(read_content(root, off).problems) == []
    custom = Options.model_validate({"blameless": {"phrases": ["dry run"], "ignore": ["careless"]}})
    messages = _blameless(read_content(root, custom).problems)
    assert any(":10: warning: blameless: contributing_factors[1]: 'dry run'" in m for m in messages)
    assert any(":18: warning: blameless: actions[1].action: 'dry run'" in m for m in messages)
    assert not any("'careless'" in m for m in messages)


def test_mkdocs_build_logs_the_warnings_and_still_builds(tmp_path: Path) -> None:
    root = _site(tmp_path)
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert any(
        w.endswith(
            "incidents/2026-03-02-payments.md:24: blameless: 'careless' judges a "
            "person's character: describe the conditions people worked in (workload, tools, "
            "information, time pressure) instead"
        )
        for w in built.warnings
    )
    assert "The team was careless." in built.page("incidents/2026-03-02-payments/")


def test_mkdocs_build_with_blameless_disabled_is_quiet(tmp_path: Path) -> None:
    config = MINIMAL_MKDOCS.replace(
        "  - openwork", "  - openwork:\n      blameless:\n        enabled: false"
    )
    root = _site(tmp_path, config)
    built = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert not [w for w in built.warnings if "blameless" in w]


_WORDS = st.sampled_from(
    ["human", "error", "errors", "HUMAN ERROR", "should", "have", "shouldn't", "'ve", "fault",
     "its", "Sam's", "blame", "git", "blaming", "lazy", "loading", "sloppy", "failed", "to",
     "faıled", "ſimply", "obviouſly", "K", "İf", "only", "did", "not", "bother", "Amara",
     "amara", "Example", "Zoë", "Ødegaard", "root", "cause", "`code`", "<!--", "-->", "\n",
     "\n\n", "    ", " ", "-", "\"", "“", "”", "’", "[x](y)", "http://a.b/c", "sloppiness",
     "shouldnt", "shouldn’t", "not", "SLOPPY", "ShOuLd", "`should`", "<!-- sloppy -->"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.booleans(), st.booleans())
def test_phrases_left_out_of_the_search_for_a_text_change_nothing_found(
    words: list[str], field: bool, names: bool
) -> None:
    # Only the phrases whose letters a text holds are searched for in it: what is found
    # must be what searching for every phrase finds.
    rules = Rules(["root cause"], people=["Amara Example", "Zoë Ødegaard", "Sam Jones"])
    every = Rules(["root cause"], people=["Amara Example", "Zoë Ødegaard", "Sam Jones"])
    every._regex = lambda parts, letters: _compile([p.regex for p in parts])  # type: ignore[method-assign]
    passage = Passage(" ".join(words), 3, "summary" if field else None, names)
    assert rules.find(passage) == every.find(passage)
