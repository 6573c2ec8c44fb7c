"""Golden files: the Markdown of a tiny site's tag pages, reviewed in the diff when it changes.

Regenerate with `OPENWORK_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_tags.py`
(`make golden`), then read the diff of tests/golden/tags/ before committing."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openwork.content import read_content
from openwork.index import build_site as index_site
from openwork.options import load_options
from openwork.render import PageUrls, Renderer
from openwork.render.pages import generate_pages

from tests.builder import write_tree

GOLDEN = Path(__file__).parent / "golden" / "tags"
REGENERATE = os.environ.get("OPENWORK_REGENERATE_GOLDEN") == "1"

SITE = {
    "tags.yml": "kubernetes: Our container platform.\nopen data:\nc:\nc++:\n",
    "weeknotes/2026-W44-platform.md": """
        ---
        title: Moving to Kubernetes
        date: 2026-10-26
        team: platform
        tags: [Kubernetes, Open Data]
        ---

        We moved the first service.
        """,
    "weeknotes/2026-W45-platform.md": """
        ---
        date: 2026-11-02
        team: platform
        summary: A quieter week & a <small> fix.
        tags: k8s, open data, C++
        ---

        Quiet.
        """,
    "experiments/2026-10-cache.md": """
        ---
        title: Cache the open data
        date: 2026-10-28
        status: concluded
        outcome: validated
        hypothesis: We believe caching will result in faster pages. We will know when p95 < 300 ms.
        started: 2026-10-20
        ended: 2026-11-01
        team: data
        tags: [open-data, c]
        ---

        It worked.
        """,
    "incidents/2026-11-01-outage.md": """
        ---
        title: Open data downloads failed
        date: 2026-11-03
        severity: SEV2
        status: resolved
        started: 2026-11-01T09:00:00+00:00
        resolved: 2026-11-01T11:30:00+00:00
        impact: Nobody could download the open data.
        team: platform
        tags: [OPEN-DATA, kubernetes]
        ---

        What happened.
        """,
    "weeknotes/2026-W46-draft.md": """
        ---
        date: 2026-11-09
        team: platform
        draft: true
        tags: [open-data, secret]
        ---

        Not yet.
        """,
}


def _tag_pages(root: Path) -> dict[str, str]:
    write_tree(root, SITE)
    options = load_options({"tags": {"aliases": {"k8s": "kubernetes"}, "allowed": "tags.yml"}})
    result = read_content(root, options, now=datetime(2026, 11, 22, tzinfo=UTC))
    assert [p.message.split(":")[0] for p in result.problems] == [
        "tag 'c++' would have the URL /tags/c/, which belongs to tag 'c'",
        "tag 'secret' is not in tags.yml",  # drafts are checked too, so they are ready
    ]
    site = index_site(
        result.entries,
        result.authors,
        options,
        date(2026, 11, 22),
        tag_descriptions=result.tag_rules.descriptions,
    )
    pages = generate_pages(site, Renderer(PageUrls(directory_urls=True)))
    return {
        p.src_uri.removeprefix("tags/"): p.markdown for p in pages if p.src_uri.startswith("tags/")
    }


def test_tag_pages_match_golden_files(tmp_path: Path) -> None:
    pages = _tag_pages(tmp_path)
    assert sorted(pages) == ["c-2.md", "c.md", "index.md", "kubernetes.md", "open-data.md"]
    if REGENERATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for old in GOLDEN.glob("*.md"):
            old.unlink()
        for name, markdown in pages.items():
            (GOLDEN / name).write_text(markdown, encoding="utf-8")
        pytest.skip("golden files regenerated: review `git diff tests/golden/tags`")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))}
    assert sorted(expected) == sorted(pages), "run `make golden` to add or remove golden files"
    for name, markdown in pages.items():
        assert markdown == expected[name], f"tests/golden/tags/{name} differs: run `make golden`"
