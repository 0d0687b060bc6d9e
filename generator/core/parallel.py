"""One job over many items, on every core of the machine.

A build's costliest steps are many small independent ones: reading each
published file for the privacy check, resizing each photo, drawing each
sharing card. On a 2-core machine two processes do them in little more
than half the time.

Workers are forked, so they start with the job as it is (its memos, the
records it reads) and nothing has to be sent but the items; results come
back in the items' order, so the output is what one process would make.
Where a process cannot fork (Windows, macOS' default), has other threads,
or the machine has one core, or there are only a few items, the job runs in
turn in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

FEW = 16
"""Items done sooner in turn than by starting processes."""


class Cores(Generic[Item, Result]):
    """`job` on every core, for `map` after `map` (the workers live until the block ends)."""

    def __init__(self, job: Callable[[Item], Result], workers: int | None = None) -> None:
        self.job = job
        self.workers = cores() if workers is None else workers
        self._pool: Any = None

    def __enter__(self) -> Cores[Item, Result]:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, items: Sequence[Item]) -> list[Result]:
        """`job` of each item, in order.

        A worker that dies (killed for its memory, say) fails the call with
        `BrokenProcessPool` rather than leaving it waiting for ever.
        """
        if not self.spreads(len(items)):
            return [self.job(item) for item in items]
        chunk = max(1, min(8, len(items) // (4 * self.workers)))
        if self._pool is not None:
            return list(self._pool.map(_run, items, chunksize=chunk))
        self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))
        # The workers are forked by the first task handed to them: the job
        # is set for them just then.
        _JOB.append(self.job)
        # Frozen while forking, as Python's gc documentation advises: a
        # worker's collector then never writes to the memory it shares with
        # this process, which would copy all of it.
        gc.freeze()
        try:
            results = self._pool.map(_run, items, chunksize=chunk)
        finally:
            gc.unfreeze()
            _JOB.clear()
        return list(results)

    def spreads(self, count: int) -> bool:
        """Whether `map` of `count` items would hand them to other processes (else it runs them in turn)."""
        return count >= FEW and (self._pool is not None or self._may_fork())

    def _may_fork(self) -> bool:
        # A process with other threads (`mkdocs serve` has its server's) is
        # never forked: a lock one of them held would stay locked in a
        # worker. (Once forked, the pool's own threads are no such risk.)
        return self.workers > 1 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# The job a forked worker runs. Set only while the workers are forked, which
# is how each starts with it: a pool sends a module's function by name,
# never a closure or an object with memos in it.
_JOB: list[Callable[[Any], Any]] = []


def _run(item: Any) -> Any:
    return _JOB[0](item)
