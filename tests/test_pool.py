"""The analysis pool: a queue bounded in minutes of work, turns between chats, telling a chat where it stands,
deadlines, shutdown, no orphans. Tests wait on the jobs' own signals (events, files), never on fixed sleeps."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.article import Article
from bot.pool import AnalysisPool, JobTimedOut, PoolBusy, in_words
from bot.settings import DEFAULT_SPACY_MODEL
from tests.support.bot_harness import ROOT, alive


def wait_then_return(gate: threading.Event, value: int, started: threading.Event | None = None) -> int:
    if started is not None:
        started.set()
    assert gate.wait(10), "the test never opened the gate"
    return value


def process_id() -> int:
    return os.getpid()


def make_pool(**overrides: object) -> AnalysisPool:
    options: dict = {"model": "unused", "max_chars": 10_000, "workers": 1, "kind": "thread"}
    options.update(overrides)
    return AnalysisPool(**options)


async def until(condition: Callable[[], object], what: str = "the condition", timeout: float = 10.0) -> None:
    """Wait, letting the event loop run, until `condition()` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.01)


async def started_in_thread(started: threading.Event) -> None:
    assert await asyncio.to_thread(started.wait, 10), "the job never started"


async def test_a_backlog_past_its_bound_refuses_saying_when_to_try_again_and_frees_up_after() -> None:
    # One pool, jobs estimated at a second each: room for a second and a half of waiting work.
    pool = make_pool(backlog_seconds=1.5)
    gate, started = threading.Event(), threading.Event()
    first = asyncio.create_task(pool.submit(wait_then_return, gate, 1, started))
    await started_in_thread(started)
    second = asyncio.create_task(pool.submit(wait_then_return, gate, 2))
    await until(lambda: pool.pending == 2, "the second job queued")
    with pytest.raises(PoolBusy, match="send it again in about a minute") as refused:
        await pool.submit(wait_then_return, gate, 3)
    assert refused.value.retry_after >= 60
    gate.set()
    assert await asyncio.gather(first, second) == [1, 2]
    assert pool.pending == 0
    assert await pool.submit(wait_then_return, gate, 4) == 4
    await pool.shutdown()


async def test_a_burst_well_inside_the_backlog_is_queued_not_refused() -> None:
    # 40 jobs from 20 chats at once: a bound in jobs (the old 32) would have refused some.
    pool = make_pool(workers=2, backlog_seconds=600)
    gate = threading.Event()
    jobs = [
        asyncio.create_task(pool.submit(wait_then_return, gate, chat * 10 + n, chat_id=chat))
        for chat in range(20)
        for n in range(2)
    ]
    await until(lambda: pool.pending == 40, "every job queued")
    gate.set()
    assert await asyncio.gather(*jobs) == [chat * 10 + n for chat in range(20) for n in range(2)]
    await pool.shutdown()


async def test_shutdown_finishes_in_flight_work_and_refuses_new() -> None:
    pool = make_pool()
    gate, started = threading.Event(), threading.Event()
    running = asyncio.create_task(pool.submit(wait_then_return, gate, 7, started))
    await started_in_thread(started)
    stopping = asyncio.create_task(pool.shutdown())
    await until(lambda: pool._closing, "shutdown to begin")
    assert not stopping.done(), "shutdown must wait for the job it accepted"
    with pytest.raises(PoolBusy, match="restarting"):
        await pool.submit(wait_then_return, gate, 8)
    gate.set()
    await stopping
    assert running.result() == 7


async def test_process_pool_analyzes_in_another_process() -> None:
    pool = make_pool(kind="process", workers=1, model=DEFAULT_SPACY_MODEL)
    try:
        await pool.start()
        pids = await asyncio.gather(*(pool.submit(process_id) for _ in range(2)))
        assert all(pid != os.getpid() for pid in pids)
        text = "The mayor said the bridge would reopen on Monday after repairs to its deck were finished."
        report = await pool.analyze(Article(text=text, title="Bridge"))
        assert report.text.startswith("The mayor said") and report.title == "Bridge"
    finally:
        await pool.shutdown()


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="WHOSAID_WORKER_KIND"):
        make_pool(kind="fibers")


def record_and_return(order: list[str], label: str) -> str:
    order.append(label)
    return label


async def test_chats_take_turns_so_one_chat_cannot_hold_up_another() -> None:
    pool = make_pool(chat_queue_limit=10)
    gate, started = threading.Event(), threading.Event()
    order: list[str] = []
    blocker = asyncio.create_task(pool.submit(wait_then_return, gate, 0, started, chat_id=99))
    await started_in_thread(started)
    # Chat 1 queues five jobs before chat 2 queues one: chat 2's runs second, not sixth.
    flood = [asyncio.create_task(pool.submit(record_and_return, order, f"a{n}", chat_id=1)) for n in range(5)]
    await until(lambda: pool.pending == 6, "chat 1's jobs queued")
    single = asyncio.create_task(pool.submit(record_and_return, order, "b0", chat_id=2))
    await until(lambda: pool.pending == 7, "chat 2's job queued")
    gate.set()
    await asyncio.gather(blocker, *flood, single)
    assert order[:2] == ["a0", "b0"], order
    await pool.shutdown()


async def test_one_chat_cannot_fill_the_whole_queue() -> None:
    pool = make_pool(chat_queue_limit=2)
    gate = threading.Event()
    mine = [asyncio.create_task(pool.submit(wait_then_return, gate, n, chat_id=1)) for n in range(2)]
    await until(lambda: pool.pending == 2, "chat 1's jobs queued")
    with pytest.raises(PoolBusy, match=r"You have 2 articles waiting already\. Send this one again in about"):
        await pool.submit(wait_then_return, gate, 3, chat_id=1)
    other = asyncio.create_task(pool.submit(wait_then_return, gate, 4, chat_id=2))
    gate.set()
    assert await asyncio.gather(*mine, other) == [0, 1, 4]
    await pool.shutdown()


async def test_a_chat_that_must_wait_is_told_once_how_many_articles_are_ahead() -> None:
    told: list[tuple[int, int, float]] = []

    async def on_wait(chat_id: int, ahead: int, seconds: float) -> None:
        told.append((chat_id, ahead, seconds))

    pool = make_pool(on_wait=on_wait)
    pool.job_seconds = 10.0  # as the pool would have measured it: a wait of two jobs is worth telling
    gate, started = threading.Event(), threading.Event()
    blocker = asyncio.create_task(pool.submit(wait_then_return, gate, 0, started, chat_id=99))
    await started_in_thread(started)
    assert told == []  # it started at once
    single = asyncio.create_task(pool.submit(wait_then_return, gate, 1, chat_id=2))
    await until(lambda: told, "chat 2 told")
    five = [asyncio.create_task(pool.submit(wait_then_return, gate, n, chat_id=1)) for n in range(5)]
    await until(lambda: len(told) == 2 and pool.pending == 7, "chat 1 told")
    # Chat 2's one job waits for the running one; chat 1's first waits for that and chat 2's: told once.
    assert [(chat, ahead) for chat, ahead, _ in told] == [(2, 1), (1, 2)]
    assert told[1][2] == pytest.approx(30.0)
    # A job queued later in chat 1's burst waits behind its own and chat 2's, and tells nobody again.
    late = asyncio.create_task(pool.submit(wait_then_return, gate, 9, chat_id=3))
    await until(lambda: pool.pending == 8, "chat 3's job queued")
    assert pool.ahead_of(pool._waiting[3][0]) == 1 + 1 + 1  # running, chat 2's, chat 1's first
    gate.set()
    await asyncio.gather(blocker, single, *five, late)
    assert [chat for chat, _, _ in told] == [2, 1, 3]
    # Once a chat's articles are answered, a new wait is worth telling again; a job that starts at once isn't.
    assert await pool.submit(wait_then_return, gate, 5, chat_id=1) == 5
    assert len(told) == 3
    await pool.shutdown()


async def test_the_estimate_follows_how_long_jobs_take() -> None:
    pool = make_pool()
    pool.job_seconds = 50.0
    for _ in range(5):
        await pool.submit(record_and_return, [], "quick")
    assert pool.job_seconds < 50.0 * 0.8**5 + 1


def log_start_then_wait(log: str, release: str, value: int) -> int:
    """A job in a pool process: note that it started, then wait for the test to release it (a file)."""
    with open(log, "a") as starts:
        starts.write("started\n")
    deadline = time.monotonic() + 60
    while not os.path.exists(release) and time.monotonic() < deadline:
        time.sleep(0.02)
    return value


def starts(log: Path) -> int:
    return log.read_text().count("started") if log.exists() else 0


async def test_a_job_over_its_deadline_is_stopped_and_the_pool_keeps_serving(tmp_path: Path) -> None:
    pool = make_pool(kind="process", workers=2, job_timeout=4, model=DEFAULT_SPACY_MODEL)
    stuck_log, neighbour_log = tmp_path / "stuck.log", tmp_path / "neighbour.log"
    never, release = str(tmp_path / "never"), str(tmp_path / "release")
    try:
        await pool.start()
        pids_before = set(await asyncio.gather(*(pool.submit(process_id) for _ in range(2))))
        stuck = asyncio.create_task(pool.submit(log_start_then_wait, str(stuck_log), never, 1, chat_id=1))
        await until(lambda: starts(stuck_log) == 1, "the stuck job to start", timeout=30)
        # Another chat's job, running beside the stuck one when the pool is recycled, is run again, not failed.
        # It starts halfway through the stuck job's time (deadlines are what this test is about, so the clock
        # is its subject): its own deadline is then well after the recycle that stops it.
        stuck_started = time.monotonic()
        await until(lambda: time.monotonic() - stuck_started >= pool.job_timeout / 2, "half the deadline")
        neighbour = asyncio.create_task(
            pool.submit(log_start_then_wait, str(neighbour_log), release, 2, chat_id=2)
        )
        await until(lambda: starts(neighbour_log) == 1, "the neighbour to start", timeout=30)
        with pytest.raises(JobTimedOut, match="too long"):
            await stuck
        await until(lambda: starts(neighbour_log) == 2, "the neighbour to start again", timeout=60)
        Path(release).touch()
        assert await neighbour == 2
        after = await pool.submit(process_id)
        assert after not in pids_before, "the pool that held the stuck job should have been replaced"
    finally:
        Path(release).touch()
        await pool.shutdown(grace=1)


async def test_worker_processes_end_when_the_bot_process_dies(tmp_path: Path) -> None:
    """A parent that is SIGKILLed takes its pool's processes with it (no orphans holding memory)."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import asyncio, os, sys\n"
        "from bot.settings import DEFAULT_SPACY_MODEL\n"
        "from bot.pool import AnalysisPool\n"
        "async def main():\n"
        "    pool = AnalysisPool(model=DEFAULT_SPACY_MODEL, max_chars=1000, workers=2, kind='process')\n"
        "    pids = await asyncio.gather(*(pool.submit(os.getpid) for _ in range(4)))\n"
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


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(3, "about 10 seconds"), (28, "about 30 seconds"), (55, "about a minute"), (100, "about 2 minutes"),
     (600, "about 10 minutes")],
)  # fmt: skip
def test_a_wait_is_said_as_a_person_says_it(seconds: float, words: str) -> None:
    assert in_words(seconds) == words
