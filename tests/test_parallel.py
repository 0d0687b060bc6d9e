"""`core.parallel`: one job over many items on forked workers, with what one process would give."""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures.process import BrokenProcessPool

import pytest

from generator.core import parallel

ITEMS = list(range(3 * parallel.FEW))


def _where(item: int) -> tuple[int, int]:
    return item * 2, os.getpid()


def test_the_workers_give_every_result_in_order() -> None:
    with parallel.Cores(_where, workers=2) as cores:
        results = cores.map(ITEMS)
        again = cores.map(ITEMS[::-1])  # the same workers, a second batch
    assert [value for value, _ in results] == [item * 2 for item in ITEMS]
    assert [value for value, _ in again] == [item * 2 for item in ITEMS[::-1]]
    assert os.getpid() not in {pid for _, pid in results + again}


def test_a_job_keeps_what_it_held_when_the_workers_were_forked() -> None:
    memo = {"seen": "before the fork"}
    with parallel.Cores(lambda item: (item, memo["seen"]), workers=2) as cores:
        assert {seen for _, seen in cores.map(ITEMS)} == {"before the fork"}


def test_a_worker_that_dies_fails_the_call_instead_of_hanging() -> None:
    def job(item: int) -> int:
        if item == parallel.FEW:
            os.kill(os.getpid(), signal.SIGKILL)
        return item

    with pytest.raises(BrokenProcessPool), parallel.Cores(job, workers=2) as cores:
        cores.map(ITEMS)


def test_few_items_and_processes_with_threads_are_done_in_turn() -> None:
    with parallel.Cores(_where, workers=2) as cores:
        assert {pid for _, pid in cores.map(ITEMS[: parallel.FEW - 1])} == {os.getpid()}
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        with parallel.Cores(_where, workers=2) as cores:
            assert {pid for _, pid in cores.map(ITEMS)} == {os.getpid()}
    finally:
        stop.set()
        server.join()
