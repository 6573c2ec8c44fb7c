"""Work split among forked processes, for `openwork check` on a machine with several cores:
each child inherits everything the parent holds (no inputs are copied) and sends back only
its results, which should be small; work a child took and did not report is done again
here, so none is lost. Linux and macOS (`os.fork`); elsewhere the work is done here."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import operator
import os
import pickle
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows, which has no fork either
    fcntl = None  # type: ignore[assignment]

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


def quick_pickling(cls: type[T]) -> type[T]:
    """A frozen dataclass whose objects children send back (entries, tags, authors) pickled
    without asking `dataclasses.fields` for every object, as the dataclass's own state
    functions do: that was half of sending the read stage's entries. The same state: its
    fields' values, in order."""
    names = tuple(field.name for field in dataclasses.fields(cls))  # type: ignore[arg-type]
    values = operator.attrgetter(*names)

    def __getstate__(self: T) -> tuple[Any, ...]:
        state = values(self)
        return state if len(names) > 1 else (state,)

    def __setstate__(self: T, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def in_chunks(
    items: Sequence[T],
    work: Callable[[Sequence[T]], R],
    count: int,
    chunk: int = 1,
    first: Callable[[], object] | None = None,
) -> list[R]:
    """`work` on each run of `chunk` consecutive items, the results in order. With `count`
    > 1 the chunks are handed out, one at a time, to this process and `count - 1` forked
    children as each becomes free, so that all finish together however unequal the chunks
    are. A child sends each chunk's result as soon as it has it, and this process reads them
    between its own chunks (reading them is work too, so it takes fewer). A chunk a child
    took and never reported is worked here.

    `first`, if given, is other work of this process's that the chunks do not need: done
    here once the children have started on the chunks (before the chunks when alone)."""
    chunk = max(1, chunk, -(-len(items) // _MAX_CHUNKS))
    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    count = min(count, len(chunks))
    if count <= 1 or not hasattr(os, "fork"):
        if first is not None:
            first()
        return [work(c) for c in chunks]
    # The chunks' numbers wait in a pipe: each process reads the next one when it is free
    # (a read of 4 bytes takes exactly one number; all of them are written before any read).
    queue, write_fd = os.pipe()
    try:
        os.write(write_fd, b"".join(i.to_bytes(4, "little") for i in range(len(chunks))))
    finally:
        os.close(write_fd)
    done: dict[int, R] = {}
    children: list[_Child] = []
    try:
        for _ in range(count - 1):
            children.append(_Child.fork(queue, chunks, work))
        if first is not None:
            first()
        while raw := os.read(queue, 4):
            number = int.from_bytes(raw, "little")
            done[number] = work(chunks[number])
            for child in children:
                child.receive(done, wait=False)
        for child in children:
            child.receive(done, wait=True)
    finally:
        os.close(queue)
        for child in children:
            child.end()
    return [done[i] if i in done else work(c) for i, c in enumerate(chunks)]


_MAX_CHUNKS = 15_000  # chunk numbers a pipe holds (its buffer is 64 KiB on Linux)
_PIPE_BYTES = 1 << 20  # a child's results pipe, so that it seldom waits for this process
_F_SETPIPE_SZ = 1031  # fcntl's command (Linux)


class _Child:
    """A forked process working chunks from the queue, and what it has sent so far."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd
        self.buffer = bytearray()
        self.ended = False

    @classmethod
    def fork(
        cls, queue: int, chunks: list[Sequence[T]], work: Callable[[Sequence[T]], R]
    ) -> _Child:
        read_fd, write_fd = os.pipe()
        with contextlib.suppress(OSError, AttributeError):  # Linux only; elsewhere 64 KiB
            fcntl.fcntl(write_fd, _F_SETPIPE_SZ, _PIPE_BYTES)
        pid = os.fork()
        if pid == 0:  # the child: work chunks, send each result, leave without clean-up
            status = 1
            try:
                os.close(read_fd)
                gc.disable()  # a short life: collecting would only copy the parent's pages
                while raw := os.read(queue, 4):
                    number = int.from_bytes(raw, "little")
                    frame = pickle.dumps((number, work(chunks[number])), pickle.HIGHEST_PROTOCOL)
                    _write_all(write_fd, len(frame).to_bytes(8, "little") + frame)
                status = 0
            except BaseException:  # the parent works what this child did not send
                pass
            finally:
                os._exit(status)
        os.close(write_fd)
        os.set_blocking(read_fd, False)
        return cls(pid, read_fd)

    def receive(self, done: dict[int, Any], wait: bool) -> None:
        """Take in the results sent so far; with `wait`, all of them, until the child ends."""
        if self.ended:
            return
        if wait:
            os.set_blocking(self.fd, True)
        while True:
            try:
                data = os.read(self.fd, _PIPE_BYTES)
            except BlockingIOError:
                break
            if not data:
                self.end()
                break
            self.buffer += data
        while len(self.buffer) >= 8:
            size = int.from_bytes(self.buffer[:8], "little")
            if len(self.buffer) < 8 + size:
                break
            number, result = pickle.loads(self.buffer[8 : 8 + size])  # our own child's bytes
            done[number] = result
            del self.buffer[: 8 + size]

    def end(self) -> None:
        """Reap the child (killed first if it is still working: this process failed)."""
        if self.ended:
            return
        self.ended = True
        with contextlib.suppress(OSError):
            os.close(self.fd)
        with contextlib.suppress(OSError):
            if os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
