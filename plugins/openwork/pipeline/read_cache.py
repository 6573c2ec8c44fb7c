"""The read stage's answers kept between `mkdocs serve` rebuilds: a file whose bytes, folder
defaults and site-wide inputs are unchanged is not read again."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openwork.content.discover import Found
from openwork.content.model import Entry
from openwork.content.reader import Reading, read_file
from openwork.problems import Problem


@dataclass(frozen=True, slots=True)
class _Read:
    kind: str
    data: bytes
    defaults: dict[str, Any]
    default_origin: dict[str, tuple[str, int]]
    entry: Entry | None
    problems: tuple[Problem, ...]


def _site_inputs(reading: Reading) -> tuple[object, ...]:
    """Everything besides the file that reading it depends on: the options (mkdocs.yml), the
    collection, authors.yml, the tag list, teams.yml. The blameless rules are made from the
    options and the authors' names."""
    return (
        reading.options,
        reading.kind,
        reading.collection,
        reading.authors,
        reading.tag_rules,
        reading.teams,
    )


@dataclass
class ReadCache:
    """`read` stands in for `read_file`; one instance lives as long as the server.

    A file is read again when its bytes, its `.meta.yml` defaults or anything site-wide it is
    read with differ from the last build's; a change to a site-wide input (authors.yml,
    teams.yml, the tag list, the options) forgets every file read with the old one. Bytes
    rather than mtimes: two saves within the file system's clock tick are told apart."""

    _files: dict[str, _Read] = field(default_factory=dict)
    _inputs: dict[str, tuple[object, ...]] = field(default_factory=dict)  # by kind
    _reading: Reading | None = None  # the last one compared
    hits: int = 0  # for tests: files answered from the cache in this instance's life
    misses: int = 0

    def read(self, found: Found, reading: Reading) -> tuple[Entry | None, list[Problem]]:
        if reading is not self._reading:  # once per collection and build, not per file
            self._reading = reading
            inputs = _site_inputs(reading)
            if self._inputs.get(reading.kind) != inputs:
                self._inputs[reading.kind] = inputs
                self._files = {k: v for k, v in self._files.items() if v.kind != reading.kind}
        try:
            data = found.abs_path.read_bytes()
        except OSError:
            return read_file(found, reading)  # its own problem, not kept
        kept = self._files.get(found.rel_path)
        if (
            kept is not None
            and kept.kind == reading.kind
            and kept.data == data
            and kept.defaults == found.defaults
            and kept.default_origin == found.default_origin
        ):
            self.hits += 1
            return kept.entry, list(kept.problems)
        self.misses += 1
        entry, problems = read_file(found, reading)
        self._files[found.rel_path] = _Read(
            reading.kind, data, found.defaults, found.default_origin, entry, tuple(problems)
        )
        return entry, problems
