"""Tags without MkDocs: normalising, aliases, the allow-list, slugs and the site's tag index."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openwork.content import read_content
from openwork.content.tag_rules import load_tag_rules, read_allowed
from openwork.index import build_site as index_site
from openwork.options import Options, TagOptions
from openwork.tags import Aliases, Tag, assign_slugs, normalise, sort_key

from tests.builder import write_tree

NOW = datetime(2026, 11, 22, 12, tzinfo=UTC)


def make_tag(text: str, aliases: dict[str, str] | None = None) -> Tag:
    """The Tag for what a writer typed, as the read stage makes it."""
    return Aliases.of(aliases).resolve(text)


@pytest.mark.parametrize(
    "written",
    ["Open Data", " open  data ", "open-data", "OPEN\tDATA", "Open\u00a0Data", "open data\n"],
)
def test_spellings_normalise_to_one_tag(written: str) -> None:
    assert normalise(written) == "open-data"
    assert make_tag(written) == Tag("open-data", "anything")


def test_unicode_is_kept_and_composed() -> None:
    assert normalise("Café") == "café"
    assert normalise("Cafe\u0301") == "café"  # decomposed é, as some editors save it
    assert normalise("ÜNÏCODE Tag") == "ünïcode-tag"
    assert make_tag("Ünïcode  tag").display == "Ünïcode tag"
    assert make_tag("Straße").name == "strasse"  # case-folding, not just lower-casing


def test_display_keeps_the_writers_spelling_tidied() -> None:
    tag = make_tag("  Open   Data ")
    assert (tag.name, tag.display, tag.slug) == ("open-data", "Open Data", "open-data")


def test_alias_is_normalised_on_both_sides() -> None:
    aliases = {"K8S": "Kubernetes", "Open Data Sets": " open  data "}
    for written in ("k8s", " K8s ", "K8S"):
        tag = make_tag(written, aliases)
        assert (tag.name, tag.display) == ("kubernetes", "Kubernetes")
    assert make_tag("open data sets", aliases).name == "open-data"
    assert make_tag("kubernetes", aliases).name == "kubernetes"  # the target itself


def test_alias_chains_are_followed_and_loops_ignored() -> None:
    aliases = Aliases.of({"k8s": "kube", "kube": "kubernetes", "a": "b", "b": "a"})
    assert aliases.resolve("K8s").name == "kubernetes"
    assert aliases.resolve("kube").name == "kubernetes"
    assert aliases.resolve("a").name == "a"  # a loop points nowhere: the tag stays itself


def test_slugs_never_collide_and_do_not_depend_on_order() -> None:
    names = ["c++", "c", "c#", "c-2", "open_data", "open-data", "index", "café"]
    slugs = assign_slugs(names)
    assert slugs == assign_slugs(reversed(names))
    assert len(set(slugs.values())) == len(names)
    assert slugs["c"] == "c"  # the tag that *is* the slug keeps it
    assert slugs["c-2"] == "c-2"  # a real tag's slug is never handed out as a suffix
    assert {slugs["c#"], slugs["c++"]} == {"c-3", "c-4"}
    assert slugs["open-data"] == "open-data"
    assert slugs["open_data"] == "open-data-2"
    assert slugs["index"] == "index-2"  # tags/index.md is the tag index itself
    assert slugs["café"] == "café"


def test_a_tag_of_punctuation_still_gets_a_slug() -> None:
    assert make_tag("+++").slug == "tag"


def test_sort_key_files_accents_with_their_letter() -> None:
    names = ["zebra", "écoles", "eels", "fish"]
    assert sorted(names, key=sort_key) == ["écoles", "eels", "fish", "zebra"]


# The allow-list file ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "descriptions"),
    [
        ("- kubernetes\n- Open Data\n", {"kubernetes": "", "open-data": ""}),
        (
            "kubernetes: Our container platform\nopen data:\n",
            {"kubernetes": "Our container platform", "open-data": ""},
        ),
        ("tags:\n  - kubernetes\n  - open-data\n", {"kubernetes": "", "open-data": ""}),
        (
            "- kubernetes: Our container platform\n- open-data\n",
            {"kubernetes": "Our container platform", "open-data": ""},
        ),
        (
            "kubernetes:\n  description: Our container platform\n",
            {"kubernetes": "Our container platform"},
        ),
        ("# our tags\nkubernetes\nopen data\n\n", {"kubernetes": "", "open-data": ""}),
    ],
    ids=["list", "mapping", "wrapped", "list-of-mappings", "nested-description", "lines"],
)
def test_allow_list_formats(tmp_path: Path, text: str, descriptions: dict[str, str]) -> None:
    (tmp_path / "tags.yml").write_text(text, encoding="utf-8")
    allowed, problems = read_allowed(tmp_path / "tags.yml", "tags.yml")
    assert problems == []
    assert allowed is not None
    assert dict(allowed.descriptions) == descriptions


def test_allow_list_as_text_file(tmp_path: Path) -> None:
    (tmp_path / "tags.txt").write_text("c#\nkubernetes: yes\n", encoding="utf-8")
    allowed, problems = read_allowed(tmp_path / "tags.txt", "tags.txt")
    assert problems == []
    assert allowed is not None
    assert set(allowed.descriptions) == {"c#", "kubernetes:-yes"}


def test_missing_allow_list_is_an_error_naming_the_file(tmp_path: Path) -> None:
    rules, problems = load_tag_rules(tmp_path, TagOptions(allowed="config/tags.yml"))
    assert rules.allowed is None
    assert [str(p) for p in problems] == [
        "config/tags.yml:1: error: the tag allow-list 'config/tags.yml' (tags.allowed in "
        "mkdocs.yml) does not exist: create it (a YAML list of tags) or remove tags.allowed; "
        "tags are not checked until then"
    ]


def test_broken_allow_list_says_where(tmp_path: Path) -> None:
    (tmp_path / "tags.yml").write_text("- kubernetes\n- [open\n", encoding="utf-8")
    allowed, problems = read_allowed(tmp_path / "tags.yml", "tags.yml")
    assert allowed is None
    assert len(problems) == 1
    assert problems[0].level == "error"
    assert problems[0].message.startswith("the tag allow-list is not valid YAML")


def test_allow_list_duplicates_and_non_tags_are_warned_at_their_line(tmp_path: Path) -> None:
    (tmp_path / "tags.yml").write_text(
        "- kubernetes\n- [nested]\n- Kubernetes\n- open-data\n", encoding="utf-8"
    )
    allowed, problems = read_allowed(tmp_path / "tags.yml", "tags.yml")
    assert allowed is not None
    assert set(allowed.descriptions) == {"kubernetes", "open-data"}
    assert [str(p) for p in problems] == [
        "tags.yml:2: warning: this item of the tag allow-list is not a tag: skipped",
        "tags.yml:3: warning: tag 'Kubernetes' is listed twice (as 'kubernetes', first on "
        "line 1): the first is used",
    ]


def test_alias_pointing_outside_the_allow_list_is_warned(tmp_path: Path) -> None:
    (tmp_path / "tags.yml").write_text("- kubernetes\n", encoding="utf-8")
    options = TagOptions(aliases={"k8s": "kubernets"}, allowed="tags.yml")
    _, problems = load_tag_rules(tmp_path, options)
    assert [str(p) for p in problems] == [
        "tags.yml:1: warning: the alias 'k8s' (tags.aliases in mkdocs.yml) points at "
        "'kubernets', which is not in tags.yml (did you mean 'kubernetes'?)"
    ]


# The read stage ----------------------------------------------------------------------------

WEEKNOTE = """
---
title: {title}
date: {date}
team: platform
{tags}
---

Body of {title}.
"""


def weeknote(title: str, day: str, tags: str) -> str:
    return WEEKNOTE.format(title=title, date=day, tags=tags)


def read(root: Path, **tag_options: object) -> tuple[list, list[str]]:
    options = Options(tags=TagOptions.model_validate(tag_options))
    result = read_content(root, options, now=NOW)
    return result.entries, [str(p) for p in result.problems]


def test_allow_list_miss_is_warned_at_the_list_items_line(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "tags.yml": "- kubernetes\n- open-data\n",
            "weeknotes/2026-W45-a.md": weeknote(
                "A", "2026-11-02", "tags:\n  - open data\n  - kubernets\n  - quantum"
            ),
            "weeknotes/2026-W46-b.md": weeknote("B", "2026-11-09", "tags: Open Data, Kubernets"),
        },
    )
    entries, problems = read(tmp_path, allowed="tags.yml")
    assert problems == [
        "weeknotes/2026-W45-a.md:7: warning: tag 'kubernets' is not in tags.yml "
        "(did you mean 'kubernetes'?)",
        "weeknotes/2026-W45-a.md:8: warning: tag 'quantum' is not in tags.yml: use an allowed "
        "tag or add it to tags.yml",
        "weeknotes/2026-W46-b.md:5: warning: tag 'Kubernets' is not in tags.yml "
        "(did you mean 'kubernetes'?)",
    ]
    # A tag outside the list is still a tag: the warning is for `--strict` to enforce.
    assert [t.name for t in entries[1].tags] == ["open-data", "kubernets", "quantum"]


def test_aliased_tag_outside_the_allow_list_names_its_target(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "tags.yml": "- kubernetes\n",
            "weeknotes/2026-W45-a.md": weeknote("A", "2026-11-02", "tags: [k8s]"),
        },
    )
    _, problems = read(tmp_path, allowed="tags.yml", aliases={"k8s": "kubernets"})
    assert "weeknotes/2026-W45-a.md:5: warning: tag 'k8s' (an alias of 'kubernets') is not in " in (
        "\n".join(problems)
    )


def test_entry_tags_are_normalised_aliased_and_deduplicated(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "weeknotes/2026-W45-a.md": weeknote(
                "A", "2026-11-02", "tags: [Open Data, ' open  data ', open-data, k8s, Kubernetes]"
            ),
        },
    )
    entries, problems = read(tmp_path, aliases={"k8s": "kubernetes"})
    assert problems == []
    assert [(t.name, t.display) for t in entries[0].tags] == [
        ("open-data", "Open Data"),
        ("kubernetes", "kubernetes"),
    ]


def test_site_spells_a_tag_as_its_earliest_entry_did(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "weeknotes/2026-W44-a.md": weeknote("Old", "2026-10-26", "tags: [Open Data]"),
            "weeknotes/2026-W45-b.md": weeknote("Mid", "2026-11-02", "tags: [open-data]"),
            "weeknotes/2026-W46-c.md": weeknote("New", "2026-11-09", "tags: [OPEN DATA]"),
            "weeknotes/2026-W43-d.md": weeknote(
                "Draft", "2026-10-19", "tags: [open data]\ndraft: true"
            ),
        },
    )
    entries, _ = read(tmp_path)
    site = index_site(entries, {}, Options(), date(2026, 11, 22))
    assert site.tags["open-data"].display == "Open Data"  # the draft, though older, is not a writer
    assert [e.title for e in site.by_tag["open-data"]] == ["New", "Mid", "Old"]
    newest = entries[0]
    assert newest.tags[0].display == "OPEN DATA"  # the entry keeps its own spelling ...
    assert site.tag(newest.tags[0]).display == "Open Data"  # ... the site shows the first one


def test_tags_of_drafts_and_embargoed_entries_are_not_in_the_site(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "weeknotes/2026-W45-a.md": weeknote("Public", "2026-11-02", "tags: [shared]"),
            "weeknotes/2026-W46-b.md": weeknote(
                "Draft", "2026-11-09", "tags: [shared, draft-only]\ndraft: true"
            ),
            "weeknotes/2026-W46-c.md": weeknote(
                "Embargo", "2026-11-10", "tags: [embargo-only]\npublish_after: 2026-12-01T09:00"
            ),
        },
    )
    entries, _ = read(tmp_path)
    site = index_site(entries, {}, Options(), date(2026, 11, 22))
    assert list(site.tags) == ["shared"]
    assert [e.title for e in site.by_tag["shared"]] == ["Public"]


def test_slug_collision_is_resolved_and_reported(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "weeknotes/2026-W45-a.md": weeknote("A", "2026-11-02", "tags: [c]"),
            "weeknotes/2026-W46-b.md": weeknote("B", "2026-11-09", "tags: [C++]"),
        },
    )
    entries, problems = read(tmp_path)
    assert problems == [
        "weeknotes/2026-W46-b.md:5: warning: tag 'c++' would have the URL /tags/c/, which "
        "belongs to tag 'c': its page is /tags/c-2/ instead; if they are one tag, spell them "
        "alike or add an alias (tags.aliases in mkdocs.yml)"
    ]
    site = index_site(entries, {}, Options(), date(2026, 11, 22))
    assert {t.name: t.slug for t in site.tags.values()} == {"c": "c", "c++": "c-2"}
    assert site.tag(entries[0].tags[0]).slug == "c-2"


def test_site_tags_are_a_to_z(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "weeknotes/2026-W45-a.md": weeknote("A", "2026-11-02", "tags: [zebra, Écoles, eels]"),
        },
    )
    entries, _ = read(tmp_path)
    site = index_site(entries, {}, Options(), date(2026, 11, 22))
    assert list(site.tags) == ["écoles", "eels", "zebra"]


def test_serve_watches_the_allow_list(tmp_path: Path) -> None:
    write_tree(tmp_path, {"vocab/tags.yml": "- kubernetes\n"})
    options = Options(tags=TagOptions(allowed="vocab/tags.yml"))
    result = read_content(tmp_path, options, now=NOW)
    assert tmp_path / "vocab" / "tags.yml" in result.watched
    assert result.tag_rules.allowed is not None
    assert "kubernetes" in result.tag_rules.allowed
