"""openwork's templates compiled once, not on every build: turning its thirty templates into
Python took about 0.13 s of CPU in each build, the same work every time.

Jinja's own bytecode cache, in Jinja's own folder for it (`_jinja2-cache-<user id>` in the
system's temporary folder, made private to the user). Jinja compiles a template again when its
source changes (the cache checks it); the cache files' names also carry what else the
compiled code depends on (Jinja's and openwork's versions, the environment's options), so a
different setup never reads another's files. A cache that cannot be read or written is only
slower: the template is compiled as without it.

Under `mkdocs serve`, MkDocs' theme environment (Material's templates), made anew at each
rebuild, keeps its compiled templates in memory instead (KeptTemplates).
"""

from __future__ import annotations

import contextlib
import hashlib
from types import CodeType
from typing import Any

import jinja2
from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from openwork import __version__


class _QuietCache(FileSystemBytecodeCache):
    """A cache whose folder or files fail (full disk, read-only folder) is no cache at all."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):  # a damaged file
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _setup(env: Environment) -> str:
    """What compiled code depends on besides a template's source, as a short digest."""
    parts: list[Any] = [
        __version__,
        jinja2.__version__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        env.finalize is None,
        repr(env.autoescape),
        sorted(env.extensions),
        sorted(env.filters),
        sorted(env.tests),
    ]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def use_template_cache(env: Environment) -> None:
    """Give `env` (its filters and options set) a cache of compiled templates, if the
    temporary folder allows one."""
    try:
        env.bytecode_cache = _QuietCache(pattern=f"__openwork_{_setup(env)}_%s.cache")
    except (OSError, RuntimeError):  # Jinja refuses a folder another user could write to
        env.bytecode_cache = None


class KeptTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of a server, for an environment made
    anew at each rebuild (MkDocs' theme environment, whose Material templates took about
    0.13 s of CPU to compile in every rebuild). A template is compiled again when its source
    changes (Jinja checks) or the environment's options do (part of the key)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], tuple[str, CodeType]] = {}
        self.compiled = 0  # in this instance's life, for tests
        self.reused = 0

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self._kept.get((_setup(bucket.environment), bucket.key))
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]
            self.reused += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.compiled += 1
            self._kept[(_setup(bucket.environment), bucket.key)] = (bucket.checksum, bucket.code)
