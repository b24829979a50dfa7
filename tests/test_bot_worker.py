"""The analysis pool: bounded queue, busy refusal, turns between chats, deadlines, shutdown, no orphans."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bot.article import Article
from bot.settings import DEFAULT_SPACY_MODEL
from bot.worker import AnalysisWorker, JobTimedOut, WorkerBusy
from tests.support.bot_harness import ROOT, alive


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


def record_and_return(order: list[str], label: str) -> str:
    order.append(label)
    return label


async def test_chats_take_turns_so_one_chat_cannot_hold_up_another() -> None:
    worker = make_worker(queue_limit=20, chat_queue_limit=10)
    gate = threading.Event()
    order: list[str] = []
    blocker = asyncio.create_task(worker.submit(wait_then_return, gate, 0, chat_id=99))
    await asyncio.sleep(0.05)
    # Chat 1 queues five jobs before chat 2 queues one: chat 2's runs second, not sixth.
    flood = [asyncio.create_task(worker.submit(record_and_return, order, f"a{n}", chat_id=1)) for n in range(5)]
    await asyncio.sleep(0)
    single = asyncio.create_task(worker.submit(record_and_return, order, "b0", chat_id=2))
    await asyncio.sleep(0.05)
    gate.set()
    await asyncio.gather(blocker, *flood, single)
    assert order[:2] == ["a0", "b0"], order
    await worker.shutdown()


async def test_one_chat_cannot_fill_the_whole_queue() -> None:
    worker = make_worker(queue_limit=10, chat_queue_limit=2)
    gate = threading.Event()
    mine = [asyncio.create_task(worker.submit(wait_then_return, gate, n, chat_id=1)) for n in range(2)]
    await asyncio.sleep(0.05)
    with pytest.raises(WorkerBusy, match="several articles waiting"):
        await worker.submit(wait_then_return, gate, 3, chat_id=1)
    other = asyncio.create_task(worker.submit(wait_then_return, gate, 4, chat_id=2))
    gate.set()
    assert await asyncio.gather(*mine, other) == [0, 1, 4]
    await worker.shutdown()


def sleep_then_return(seconds: float, value: int, log: str | None = None) -> int:
    if log is not None:
        with open(log, "a") as starts:
            starts.write("started\n")
    time.sleep(seconds)
    return value


async def test_a_job_over_its_deadline_is_stopped_and_the_pool_keeps_serving(tmp_path: Path) -> None:
    worker = make_worker(kind="process", workers=2, queue_limit=4, job_timeout=4, model=DEFAULT_SPACY_MODEL)
    starts = tmp_path / "starts.log"
    try:
        await worker.start()
        pids_before = set(await asyncio.gather(*(worker.submit(process_id) for _ in range(2))))
        stuck = asyncio.create_task(worker.submit(sleep_then_return, 60, 1, chat_id=1))
        await asyncio.sleep(2.5)
        # Another chat's job, running beside the stuck one when the pool is recycled, is run again, not failed.
        neighbour = asyncio.create_task(worker.submit(sleep_then_return, 2.5, 2, str(starts), chat_id=2))
        with pytest.raises(JobTimedOut, match="too long"):
            await stuck
        assert await neighbour == 2
        assert starts.read_text().count("started") == 2
        after = await worker.submit(process_id)
        assert after not in pids_before, "the pool that held the stuck job should have been replaced"
    finally:
        await worker.shutdown(grace=1)


async def test_worker_processes_end_when_the_bot_process_dies(tmp_path: Path) -> None:
    """A parent that is SIGKILLed takes its pool's processes with it (no orphans holding memory)."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import asyncio, os, sys\n"
        "from bot.settings import DEFAULT_SPACY_MODEL\n"
        "from bot.worker import AnalysisWorker\n"
        "async def main():\n"
        "    worker = AnalysisWorker(model=DEFAULT_SPACY_MODEL, max_chars=1000, workers=2, kind='process')\n"
        "    pids = await asyncio.gather(*(worker.submit(os.getpid) for _ in range(4)))\n"
        "    print(' '.join(str(pid) for pid in set(pids)), flush=True)\n"
        "    await asyncio.sleep(60)\n"
        "if __name__ == '__main__':\n"
        "    asyncio.run(main())\n"
    )
    parent = subprocess.Popen(
        [sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    try:
        assert parent.stdout is not None
        line = await asyncio.wait_for(asyncio.to_thread(parent.stdout.readline), 60)
        workers = {int(pid) for pid in line.split()}
        assert workers and all(alive(pid) for pid in workers)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    assert not any(alive(pid) for pid in workers)
