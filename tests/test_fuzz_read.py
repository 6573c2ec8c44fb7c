"""Property tests: whatever is in the files, the read stage returns entries and problems.

A few hundred examples in all, the same each run, so `make test` stays quick and steady;
each writes real files. For a longer hunt with fresh examples:
`OPENWORK_FUZZ=2000 .venv/bin/python -m pytest tests/test_fuzz_read.py`.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openwork.content import read_content
from openwork.content.text import FORBIDDEN
from openwork.options import Options

from tests.hostile import RAW_LINES, bodies, dump, front_matters, markdown
from tests.reading import NOW

LINE = re.compile(r"^[^\n]+:\d+: (error|warning): [^\n]+$")
HUNT = int(os.environ.get("OPENWORK_FUZZ", "0"))


def _settings(examples: int) -> settings:
    return settings(
        max_examples=HUNT or examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        derandomize=not HUNT,
        database=None,
    )


def _read_one_file(folder: str, text: str | bytes, **options: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / folder / "2026-W47-fuzz.md"
        path.parent.mkdir(parents=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = read_content(Path(tmp), Options(**options), now=NOW)
    for problem in result.problems:
        assert LINE.match(str(problem)), str(problem)
        assert not problem.message.startswith("openwork could not"), str(problem)
    for entry in [*result.entries, *result.hidden]:
        for text_value in (entry.title, entry.body, entry.excerpt, entry.summary or ""):
            assert FORBIDDEN.search(text_value) is None
        if not options.get("include_private"):
            assert "<!--" not in entry.title and "<!--" not in (entry.summary or "")
    # every file is an entry or has an error: nothing disappears silently
    published = len(result.entries) + len(result.hidden)
    assert published == 1 or result.errors


@_settings(150)
@given(
    folder=st.sampled_from(["weeknotes", "experiments", "incidents"]),
    data=front_matters,
    raw=st.lists(st.sampled_from(RAW_LINES), max_size=2),
    body=bodies,
)
def test_any_front_matter_and_body_gives_entries_or_problems(
    folder: str, data: dict[object, object], raw: list[str], body: str
) -> None:
    _read_one_file(folder, markdown(dump(data, raw), body))


@_settings(40)
@given(st.binary(max_size=300))
def test_any_bytes_give_an_entry_or_a_problem(raw: bytes) -> None:
    _read_one_file("experiments", raw)


@_settings(40)
@given(front_matter=st.text(max_size=200), body=bodies)
def test_any_text_between_fences_gives_an_entry_or_a_problem(front_matter: str, body: str) -> None:
    _read_one_file("incidents", f"---\n{front_matter}\n---\n{body}")


@_settings(30)
@given(data=front_matters, body=bodies)
def test_private_text_included_for_previews_never_raises_either(
    data: dict[object, object], body: str
) -> None:
    _read_one_file("weeknotes", markdown(dump(data, []), body), include_private=True)
