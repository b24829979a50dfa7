"""The analysis pool: bounded queue, busy refusal, and shutdown that finishes accepted work."""

from __future__ import annotations

import asyncio
import os
import threading

import pytest

from bot.article import Article
from bot.settings import DEFAULT_SPACY_MODEL
from bot.worker import AnalysisWorker, WorkerBusy


def wait_then_return(gate: threading.Event, value: int) -> int:
    assert gate.wait(10), "the test never opened the gate"
    return value


def process_id() -> int:
    return os.getpid()


def make_worker(**overrides: object) -> AnalysisWorker:
    options: dict = {"model": "unused", "max_chars": 10_000, "workers": 1, "kind": "thread", "queue_limit": 2}
    options.update(overrides)
    return AnalysisWorker(**options)


async def test_a_full_queue_refuses_at_once_and_frees_up_after() -> None:
    worker = make_worker()
    gate = threading.Event()
    first = asyncio.create_task(worker.submit(wait_then_return, gate, 1))
    second = asyncio.create_task(worker.submit(wait_then_return, gate, 2))
    await asyncio.sleep(0.05)
    assert worker.pending == 2
    with pytest.raises(WorkerBusy, match="try again in a minute"):
        await worker.submit(wait_then_return, gate, 3)
    gate.set()
    assert await asyncio.gather(first, second) == [1, 2]
    assert worker.pending == 0
    assert await worker.submit(wait_then_return, gate, 4) == 4
    await worker.shutdown()


async def test_shutdown_finishes_in_flight_work_and_refuses_new() -> None:
    worker = make_worker()
    gate = threading.Event()
    running = asyncio.create_task(worker.submit(wait_then_return, gate, 7))
    await asyncio.sleep(0.05)
    stopping = asyncio.create_task(worker.shutdown())
    await asyncio.sleep(0.05)
    assert not stopping.done(), "shutdown must wait for the job it accepted"
    with pytest.raises(WorkerBusy):
        await worker.submit(wait_then_return, gate, 8)
    gate.set()
    await stopping
    assert running.result() == 7


async def test_process_pool_analyzes_in_another_process() -> None:
    worker = make_worker(kind="process", workers=1, model=DEFAULT_SPACY_MODEL)
    try:
        await worker.start()
        pids = await asyncio.gather(*(worker.submit(process_id) for _ in range(2)))
        assert all(pid != os.getpid() for pid in pids)
        text = "The mayor said the bridge would reopen on Monday after repairs to its deck were finished."
        report = await worker.analyze(Article(text=text, title="Bridge"))
        assert report.text.startswith("The mayor said") and report.title == "Bridge"
    finally:
        await worker.shutdown()


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="WHOSAID_WORKER_KIND"):
        make_worker(kind="fibers")
