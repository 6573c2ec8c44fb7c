"""The one Markdown scanner: what is code, a quote or a comment, as its three users see it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openwork.content.blameless import mask_markdown
from openwork.content.excerpt import first_paragraph
from openwork.content.markdown_scan import blank, scan


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_fenced_blocks_with_either_fence_and_an_unclosed_one_to_the_end() -> None:
    text = "a\n```py\nx\n\ny\n```\nb\n~~~~\nz\n~~~\nstill code\n"
    assert _texts(text, scan(text).blocks) == [
        "```py\nx\n\ny\n```",
        "~~~~\nz\n~~~\nstill code\n",
    ]


def test_inline_code_spans_stay_within_a_paragraph() -> None:
    text = "use `a <!-- b -->` and ``x ` y``\n\nnot `closed\n\nhere` either"
    assert _texts(text, scan(text).inline) == ["`a <!-- b -->`", "``x ` y``"]
    assert scan(text).comments == []


def test_indented_code_only_when_asked_and_not_inside_a_list() -> None:
    text = "para\n\n    code line\n\n- item\n\n    more of the item\n"
    assert _texts(text, scan(text, indented=True).blocks) == ["    code line"]
    assert scan(text).blocks == []


def test_quotes_and_comments_outside_code() -> None:
    text = "> quoted\n\n```\n> not a quote <!-- nor a comment -->\n```\n\n<!-- note --> <!-- open"
    found = scan(text)
    assert _texts(text, found.quotes) == ["> quoted"]
    assert _texts(text, found.comments) == ["<!-- note -->", "<!-- open"]
    assert found.unclosed_comment == text.index("<!-- open")


def test_blank_keeps_offsets_and_lines() -> None:
    text = "ab\ncd"
    assert blank(text, [(1, 4)]) == "a \n d"


@pytest.mark.parametrize(
    ("body", "excerpt"),
    [
        ("```\nfirst\n\nsecond half of code\n```\n\nThe real first paragraph.", "The real"),
        ("<!-- a note\n\nstill the note -->\n\nPublic words.", "Public words."),
        ("> A quote.\n\nOwn words.", "Own words."),
    ],
)
def test_excerpts_skip_what_the_scanner_calls_code_comments_and_quotes(
    body: str, excerpt: str
) -> None:
    assert first_paragraph(body).startswith(excerpt)


def test_the_blameless_check_masks_the_same_spans() -> None:
    text = "```\nhuman error\n```\n> human error\n`human error` <!-- human error --> human error"
    masked = mask_markdown(text)
    assert masked.count("human error") == 1 and len(masked) == len(text)


_PIECES = st.sampled_from(
    ["\n", "\n\n", "\n \n", "    ", "```", "~~~", "`", "``", "<!--", "-->", "> ", "# ", "- ",
     "1. ", "|", "[a](b)", "<b>", "**", "word", "Words here.", " ", "\t"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.integers(min_value=0, max_value=40))
def test_the_excerpt_from_the_head_of_a_body_is_the_excerpt_of_the_whole(
    pieces: list[str], head: int
) -> None:
    # The read stage looks for the first paragraph in a body's first characters before it
    # scans the whole body: both must always give the same excerpt.
    body = "".join(pieces)
    assert first_paragraph(body, head=head) == first_paragraph(body, head=len(body))
