"""Work split among forked processes, for `openwork check` on a machine with several cores:
each child inherits everything the parent holds (no inputs are copied) and sends back only
its results, which should be small; work a child took and did not report is done again
here, so none is lost."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

R = TypeVar("R")
T = TypeVar("T")


@contextmanager
def collected_later() -> Iterator[None]:
    """For a process that ends soon (a check): no cyclic garbage collection inside, where
    millions of lasting objects are made (the read stage), and all of them frozen at the end,
    so that later collections never walk them again and forked children share their pages.
    Saves about a tenth of a check's time; a long-lived process (serve) must not use it, and
    a caller that lives on (a test run) calls `gc.unfreeze()` when the check is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def in_chunks(
    items: Sequence[T], work: Callable[[Sequence[T]], R], count: int, chunk: int = 1
) -> list[R]:
    """`work` on each run of `chunk` consecutive items, the results in order. With `count`
    > 1 the chunks are handed out, one at a time, to this process and `count - 1` forked
    children as each becomes free, so that all finish together however unequal the chunks
    are; a chunk a child took and never reported is worked here."""
    chunk = max(1, chunk, -(-len(items) // _MAX_CHUNKS))
    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    if count <= 1 or len(chunks) <= 1 or not hasattr(os, "fork"):
        return [work(c) for c in chunks]
    # The chunks' numbers wait in a pipe: each process reads the next one when it is free
    # (a read of 4 bytes takes exactly one number; all of them are written before any read).
    read_fd, write_fd = os.pipe()
    try:
        os.write(write_fd, b"".join(i.to_bytes(4, "little") for i in range(len(chunks))))
    finally:
        os.close(write_fd)

    def drain(_share: int) -> dict[int, R]:
        done: dict[int, R] = {}
        while raw := os.read(read_fd, 4):
            number = int.from_bytes(raw, "little")
            done[number] = work(chunks[number])
        return done

    try:
        done: dict[int, R] = {}
        for part in in_shares(drain, min(count, len(chunks))):
            done.update(part)
    finally:
        os.close(read_fd)
    return [done[i] if i in done else work(c) for i, c in enumerate(chunks)]


_MAX_CHUNKS = 15_000  # chunk numbers a pipe holds (its buffer is 64 KiB on Linux)


def in_shares(work: Callable[[int], R], count: int) -> list[R]:
    """`[work(0), ..., work(count - 1)]`, share 0 in this process and each other share in a
    forked child at the same time. Without `os.fork`, or for one share, all run here."""
    if count <= 1 or not hasattr(os, "fork"):
        return [work(k) for k in range(count)]
    pending: dict[int, tuple[int, int]] = {}  # share: (pid, read end of its pipe)
    try:
        for k in range(1, count):
            pending[k] = _fork(work, k)
        results = {0: work(0)}
        for k in range(1, count):
            pid, fd = pending.pop(k)
            results[k] = _collect(pid, fd, lambda k=k: work(k))
    finally:
        for pid, fd in pending.values():  # this process failed or was interrupted
            _end(pid, fd)
    return [results[k] for k in range(count)]


def _fork(work: Callable[[int], R], k: int) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run its share, send it, and leave without any clean-up
        status = 1
        try:
            os.close(read_fd)
            gc.disable()  # a short life: collecting would only copy the parent's pages
            data = pickle.dumps(work(k), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
            status = 0
        except BaseException:  # the parent runs the share again
            pass
        finally:
            os._exit(status)
    os.close(write_fd)
    return pid, read_fd


def _collect(pid: int, fd: int, again: Callable[[], R]) -> R:
    try:
        with os.fdopen(fd, "rb") as pipe:
            data = pipe.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if status == 0 and data:
        try:
            return pickle.loads(data)  # our own child's bytes
        except Exception:
            pass
    return again()


def _end(pid: int, fd: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
    with contextlib.suppress(OSError):
        os.close(fd)
