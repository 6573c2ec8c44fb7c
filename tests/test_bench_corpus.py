"""The benchmark corpus is what issue 13 asks for, and valid, so timings measure real work."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import yaml
from openwork.content import read_content
from openwork.options import load_options

from tests.builder import REPO

_SPEC = importlib.util.spec_from_file_location("bench_corpus", REPO / "benchmarks" / "corpus.py")
assert _SPEC is not None and _SPEC.loader is not None
corpus = sys.modules["bench_corpus"] = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(corpus)


def test_the_corpus_is_realistic_and_every_entry_is_valid(tmp_path: Path) -> None:
    root = corpus.generate(tmp_path / "site", 100)
    result = read_content(root, load_options({"tags": {"allowed": "tags.yml"}}))
    assert [p for p in result.problems if p.level == "error"] == []
    kinds = Counter(e.kind for e in result.entries)
    assert kinds == {"weeknote": 70, "experiment": 15, "incident": 15}
    assert len(corpus.TAGS) == 60 and len(corpus.TEAMS) == 12 and len(corpus.PEOPLE) == 40
    for entry in result.entries:
        assert len(entry.tags) == 3
        assert 280 <= len(entry.body.split()) <= 700, entry.path
        assert "## " in entry.body and "```" in entry.body


def test_the_three_layouts_hold_the_same_markdown(tmp_path: Path) -> None:
    texts = {}
    for layout in corpus.LAYOUTS:
        root = corpus.generate(tmp_path / layout, 20, layout=layout)
        config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
        assert "search" in config["plugins"]
        bodies = sorted(
            p.read_text("utf-8").split("\n---\n", 1)[1]
            for p in root.rglob("*.md")
            if "/20" in str(p)
        )
        texts[layout] = bodies
    assert len(texts["openwork"]) == 20
    assert texts["openwork"] == texts["plain"] == texts["blog"]
