"""Private blocks never reach a public build: not HTML, search, sitemap, feeds or excerpts."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from openwork.content import read_content
from openwork.content.private import marker_problems, strip_comments, strip_private
from openwork.options import Options

from tests.builder import Built, mkdocs_build, write_tree

CONFIG = """
site_name: Private test
site_url: https://private.example/
theme:
  name: material
plugins:
  - search
  - openwork
"""

WEEKNOTE = """\
---
team: platform
date: 2026-03-06
tags: [ops]
---
PUBLIC-WEEKNOTE first paragraph <!-- private -->CANARY-INLINE-EXCERPT<!-- /private --> ends here.

<!--PRIVATE-->
## CANARY-HEADING

CANARY-NO-SPACES with a [link](https://canary-link.example/) and ![CANARY-ALT](x.png)
<!--/PRIVATE-->

Second public paragraph PUBLIC-WEEKNOTE-2. <!-- CANARY-COMMENT ask Sam first -->

<!--
CANARY-MULTILINE-COMMENT
-->

```html
<!-- SHOWN-COMMENT in an example -->
```

Write `<!-- SHOWN-SPAN -->` to leave a note.

<!--   Private   -->
CANARY-SPACED
<!--  /  private  -->

```text
<!-- private -->
CANARY-IN-FENCE
<!-- /private -->
```
"""

EXPERIMENT = """\
---
title: Shorter forms
date: 2026-03-02
status: proposed
hypothesis: We believe shorter forms will result in more completions.
---
<!-- private -->
CANARY-FIRST-PARAGRAPH of the experiment, which must not become the excerpt.
<!-- /private -->

PUBLIC-EXPERIMENT is the first public paragraph.

<!-- private -->CANARY-ONE<!-- /private --> and <!-- private -->CANARY-TWO<!-- /private -->
"""

INCIDENT = """\
---
title: Search index went stale
date: 2026-03-04
severity: SEV3
status: resolved
started: 2026-03-03T09:00:00Z
resolved: 2026-03-03T12:00:00Z
impact: Search results were out of date.
---
PUBLIC-INCIDENT summary of what happened.

<!-- private -->
CANARY-UNCLOSED and everything after it stays private.

## CANARY-LATER-HEADING

More CANARY-TAIL text.
"""

DOCS_PAGE = """\
---
title: About
---
# About

PUBLIC-DOCS text. <!-- private -->CANARY-DOCS-INLINE<!-- /private -->

Show the markers like this:

```markdown
<!-- private -->
SHOWN-DOCS-EXAMPLE
<!-- /private -->
```

Or inline: `<!-- private -->SHOWN-DOCS-SPAN<!-- /private -->`.

<!-- private -->
CANARY-DOCS-UNCLOSED
"""


def _tree(root: Path, config: str = CONFIG) -> Path:
    return write_tree(
        root,
        {
            "mkdocs.yml": config,
            "docs/index.md": "# Home\n",
            "docs/about.md": DOCS_PAGE,
            "weeknotes/2026-W10-platform.md": WEEKNOTE,
            "experiments/shorter-forms.md": EXPERIMENT,
            "incidents/2026-03-03-stale-index.md": INCIDENT,
        },
    )


def _every_output(built: Built) -> dict[str, str]:
    """Every file the build wrote, as text (gzip files unpacked), keyed by relative path."""
    out = {}
    for path in sorted(built.site_dir.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        out[path.relative_to(built.site_dir).as_posix()] = raw.decode("utf-8", errors="replace")
    return out


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = _tree(tmp_path_factory.mktemp("private"))
    return mkdocs_build(root / "mkdocs.yml", root / "site")


def test_no_canary_in_any_output_file(public: Built) -> None:
    files = _every_output(public)
    assert "search/search_index.json" in files
    assert "sitemap.xml" in files
    leaks = sorted(name for name, text in files.items() if "CANARY" in text)
    assert leaks == []
    leaked_links = sorted(name for name, text in files.items() if "canary-link" in text)
    assert leaked_links == []


def test_public_text_around_the_blocks_is_published(public: Built) -> None:
    files = _every_output(public)
    search = files["search/search_index.json"]
    for marker in ("PUBLIC-WEEKNOTE", "PUBLIC-WEEKNOTE-2", "PUBLIC-EXPERIMENT", "PUBLIC-INCIDENT"):
        assert marker in search
    page = public.page("weeknotes/2026-w10-platform/")
    assert "PUBLIC-WEEKNOTE first paragraph  ends here." in page
    # A marker inside a code fence still hides: the fence stays, its private lines go.
    assert '<pre><code class="language-text">\n\n\n</code></pre>' in page


def test_feeds_and_entries_json_carry_public_text_only(public: Built) -> None:
    files = _every_output(public)
    assert "entries.json" in files  # its summaries are the excerpts: public text only
    assert "PUBLIC-EXPERIMENT is the first public paragraph." in files["entries.json"]
    feeds = [name for name in files if name.endswith(("feed.xml", "atom.xml", "feed.json"))]
    # the site, each collection, the tag and the team: all three formats each
    assert {"feed.xml", "atom.xml", "feed.json", "weeknotes/feed.xml"} <= set(feeds)
    assert "tags/ops/feed.json" in feeds and "teams/platform/atom.xml" in feeds
    for name in feeds:
        assert "CANARY" not in files[name], name
        assert "canary-link" not in files[name], name
    # the feeds carry full content: the public text around the blocks is there
    assert "PUBLIC-WEEKNOTE-2" in files["feed.xml"]
    assert "PUBLIC-EXPERIMENT" in files["atom.xml"]
    assert "PUBLIC-INCIDENT" in files["feed.json"]


def test_comments_leave_public_builds_but_shown_code_stays(public: Built) -> None:
    page = public.page("weeknotes/2026-w10-platform/")
    assert "&lt;!-- SHOWN-COMMENT in an example --&gt;" in page
    assert "&lt;!-- SHOWN-SPAN --&gt;" in page
    assert "SHOWN-COMMENT" in public.read("feed.xml")


def test_excerpts_come_from_public_text_only(public: Built) -> None:
    experiments = public.page("experiments/")
    assert "CANARY" not in experiments
    weeknotes = public.page("weeknotes/")
    assert "PUBLIC-WEEKNOTE first paragraph ends here." in weeknotes
    result = read_content(public.site_dir.parent, Options())
    excerpts = {e.id: e.excerpt for e in result.entries}
    assert (
        excerpts["experiments/shorter-forms"] == "PUBLIC-EXPERIMENT is the first public paragraph."
    )
    assert excerpts["weeknotes/2026-W10-platform"] == "PUBLIC-WEEKNOTE first paragraph ends here."
    assert all("CANARY" not in e.body for e in result.entries)


def test_unclosed_block_is_a_warning_at_its_line(public: Built) -> None:
    expected = (
        "incidents/2026-03-03-stale-index.md:12: this '<!-- private -->' block has "
        "no '<!-- /private -->': everything after it is left out of the public site"
    )
    assert any(w.endswith(expected) for w in public.warnings)
    assert "PUBLIC-INCIDENT" in public.page("incidents/2026-03-03-stale-index/")


def test_docs_pages_lose_private_blocks_but_keep_examples_in_code(public: Built) -> None:
    page = public.page("about/")
    assert "PUBLIC-DOCS text." in page
    assert "SHOWN-DOCS-EXAMPLE" in page  # inside a fenced block: an example, shown
    assert "SHOWN-DOCS-SPAN" in page  # inside backticks, likewise
    assert "CANARY-DOCS" not in page  # (every output file is checked above)
    expected = (
        "docs/about.md:18: this '<!-- private -->' block has no '<!-- /private -->': "
        "everything after it is left out of the public site"
    )
    assert any(w.endswith(expected) for w in public.warnings), public.warnings


def test_include_private_keeps_the_blocks(tmp_path: Path) -> None:
    config = CONFIG.replace("  - openwork", "  - openwork:\n      include_private: true")
    root = _tree(tmp_path, config)
    built = mkdocs_build(root / "mkdocs.yml", root / "site")
    page = built.page("weeknotes/2026-w10-platform/")
    for canary in ("CANARY-INLINE-EXCERPT", "CANARY-HEADING", "CANARY-SPACED", "CANARY-IN-FENCE"):
        assert canary in page
    assert "CANARY-TAIL" in built.page("incidents/2026-03-03-stale-index/")
    assert "CANARY-ONE" in built.read("search/search_index.json")
    assert "<!-- CANARY-COMMENT ask Sam first -->" in page  # an internal build keeps comments


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("a <!-- note --> b", "a  b"),
        ("x\n<!-- two\nlines -->\ny", "x\n\n\ny"),
        ("`<!-- shown -->` <!-- gone -->", "`<!-- shown -->` "),
        ("``a ` <!-- shown --> b`` c", "``a ` <!-- shown --> b`` c"),
        ("a stray ` tick <!-- gone -->", "a stray ` tick "),
        ("```html\n<!-- shown -->\n```\n<!-- gone -->", "```html\n<!-- shown -->\n```\n"),
        ("~~~~\n```\n<!-- shown -->\n~~~~\n<!-- gone -->", "~~~~\n```\n<!-- shown -->\n~~~~\n"),
        ("- item\n\n    ```\n    <!-- shown -->\n    ```\n", None),
        ("> ```\n> <!-- shown -->\n> ```\n", None),
        ("```\n<!-- unclosed fence: shown -->", None),
        ("no comment here", None),
    ],
)
def test_strip_comments(body: str, expected: str | None) -> None:
    stripped = strip_comments(body)
    assert stripped == (body if expected is None else expected)
    assert stripped.count("\n") == body.count("\n")


def test_strip_private_keeps_line_count() -> None:
    body = "a\n<!-- private -->\nb\nc\n<!-- /private -->\nd\n"
    stripped, unclosed = strip_private(body)
    assert not unclosed
    assert stripped.count("\n") == body.count("\n")
    assert stripped.splitlines()[5] == "d"
    assert "b" not in stripped and "c" not in stripped


@pytest.mark.parametrize(
    "opening",
    ["<!-- private -->", "<!--private-->", "<!-- PRIVATE -->", "<!--\n  Private\n-->"],
)
@pytest.mark.parametrize(
    "closing", ["<!-- /private -->", "<!--/private-->", "<!-- / Private -->", "<!--/PRIVATE -->"]
)
def test_marker_variants(opening: str, closing: str) -> None:
    stripped, unclosed = strip_private(f"before {opening} secret {closing} after")
    assert "secret" not in stripped
    assert "before" in stripped and "after" in stripped
    assert not unclosed


def test_unclosed_block_hides_the_rest() -> None:
    stripped, unclosed = strip_private("keep\n<!-- private -->\nsecret\nmore secret\n")
    assert unclosed
    assert stripped == "keep\n"


def test_marker_problems_name_the_line() -> None:
    body = (
        "intro\n"  # 0
        "<!-- /private -->\n"  # 1: closes nothing
        "<!-- private: until the review -->\n"  # 2: not a marker
        "<!-- private -->\n"  # 3
        "<!-- end private -->\n"  # 4: inside a block, harmless
        "<!-- /private -->\n"  # 5
        "<!-- a plain comment -->\n"  # 6
        "<!-- private -->\n"  # 7: never closed
    )
    problems = marker_problems(body)
    assert [line for line, _ in problems] == [1, 2, 7]
    assert "hides nothing" in problems[0][1]
    assert "is not a private marker, so the text after it is published" in problems[1][1]
    assert "has no '<!-- /private -->'" in problems[2][1]


def test_near_miss_marker_is_reported_by_the_read_stage(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "incidents/x.md": (
                "---\ntitle: X\ndate: 2026-01-01\nseverity: SEV4\nstatus: investigating\n"
                "started: 2026-01-01T10:00:00Z\nimpact: Little.\n---\n\nText.\n\n"
                "<!-- private start -->\nOops, public.\n"
            )
        },
    )
    problems = [str(p) for p in read_content(tmp_path, Options()).problems]
    assert any(
        p.startswith("incidents/x.md:12: warning: the comment '<!-- private start -->'")
        for p in problems
    )


def test_nested_private_blocks_hide_everything_inside_the_outer_one() -> None:
    body = "open <!-- private --> A <!-- private --> B <!-- /private --> C <!-- /private --> shut"
    stripped, unclosed = strip_private(body)
    assert (stripped, unclosed) == ("open  shut", False)
    assert marker_problems(body) == []


def test_a_closing_marker_too_many_is_a_warning_and_hides_nothing() -> None:
    body = "<!-- private -->\nA\n<!-- /private -->\nB\n<!-- /private -->\nC\n"
    stripped, _ = strip_private(body)
    assert "A" not in stripped and "B" in stripped and "C" in stripped
    ((line, message),) = marker_problems(body)
    assert line == 4 and "has no '<!-- private -->' before it" in message


def test_an_unclosed_comment_hides_the_rest_and_warns() -> None:
    body = "Public.\n\n<!-- note to self: ask Sam\n\nSecret plans.\n"
    assert strip_comments(body).strip() == "Public."
    ((line, message),) = marker_problems(body)
    assert line == 2 and "has no '-->'" in message


def test_a_comment_shown_in_code_stays_and_an_unclosed_one_after_it_hides() -> None:
    body = "```\n<!-- shown -->\n```\n\nText <!-- hidden\nmore\n"
    assert strip_comments(body) == "```\n<!-- shown -->\n```\n\nText "


def test_a_docs_page_keeps_closed_comments_and_loses_an_unclosed_ones_tail() -> None:
    from openwork.content.private import public_docs_page

    page = (
        "A <!-- kept -->\n`<!-- private -->` shown\n<!-- private -->x<!-- /private -->\n<!-- b\nc"
    )
    assert public_docs_page(page) == "A <!-- kept -->\n`<!-- private -->` shown\n\n"


def test_a_marker_with_a_dash_too_many_still_hides() -> None:
    stripped, unclosed = strip_private("a <!--- private ---> secret <!--- /private ---> b")
    assert (stripped, unclosed) == ("a  b", False)
