"""The analysis job queue (pgqueuer) on a real PostgreSQL: one job per update, jobs queued with the transaction
that hands the update off, every job run, and a job whose worker was SIGKILLed taken again by another."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.queue import AnalysisQueue, RetryLater, wait_until_idle
from storage import Database

ROOT = Path(__file__).resolve().parent.parent
HEARTBEAT = 1.5


@pytest.fixture
async def queue(postgres_url: str):
    database = await Database.open(postgres_url)
    job_queue = AnalysisQueue(database)
    await job_queue.install()
    yield job_queue
    job_queue.stop()
    await database.close()


def consume_in_background(queue: AnalysisQueue, handle, concurrency: int = 2) -> asyncio.Task:
    return asyncio.create_task(queue.consume(handle, concurrency=concurrency, heartbeat_timeout=HEARTBEAT))


async def until(condition, what: str, timeout: float = 30.0) -> None:
    """Wait, letting the event loop run, until `condition()` holds (a file another process writes)."""
    try:
        async with asyncio.timeout(timeout):
            while not condition():
                await asyncio.sleep(0.05)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


async def stop(queue: AnalysisQueue, task: asyncio.Task) -> None:
    queue.stop()
    await asyncio.wait_for(task, 30)


async def test_install_is_idempotent_and_safe_to_race(postgres_url: str) -> None:
    databases = [await Database.open(postgres_url) for _ in range(3)]
    try:
        await asyncio.gather(*(AnalysisQueue(db).install() for db in databases))
        await AnalysisQueue(databases[0]).install()
        assert await AnalysisQueue(databases[0]).jobs() == {}
    finally:
        for db in databases:
            await db.close()


async def test_one_job_per_update_and_none_without_a_commit(queue: AnalysisQueue) -> None:
    database = queue.database
    async with database.transaction() as session:
        assert await queue.enqueue(session, 101)
    async with database.transaction() as session:
        assert not await queue.enqueue(session, 101)  # still queued: refused
    with pytest.raises(RuntimeError):
        async with database.transaction() as session:
            assert await queue.enqueue(session, 102)
            raise RuntimeError("hand-off failed")
    assert await queue.jobs() == {"queued": 1}


async def test_every_job_runs_once(queue: AnalysisQueue) -> None:
    seen: list[int] = []

    async def handle(update_id: int) -> None:
        await asyncio.sleep(0)  # a handler that gives the loop a turn, as real ones do
        seen.append(update_id)

    for update_id in range(200, 220):
        async with queue.database.transaction() as session:
            await queue.enqueue(session, update_id)
    task = consume_in_background(queue, handle, concurrency=4)
    assert await wait_until_idle(queue, timeout=30)
    await stop(queue, task)
    assert sorted(seen) == list(range(200, 220))


async def test_a_handler_that_asks_to_retry_runs_again_later(queue: AnalysisQueue) -> None:
    attempts: list[int] = []
    again = asyncio.Event()

    async def handle(update_id: int) -> None:
        attempts.append(update_id)
        if len(attempts) == 1:
            raise RetryLater(0.2)
        again.set()

    async with queue.database.transaction() as session:
        await queue.enqueue(session, 300)
    task = consume_in_background(queue, handle)
    await asyncio.wait_for(again.wait(), 30)
    await stop(queue, task)
    assert attempts == [300, 300]


async def test_a_job_whose_worker_is_killed_is_taken_by_another(queue: AnalysisQueue, tmp_path: Path) -> None:
    started = tmp_path / "started"
    script = textwrap.dedent(
        f"""
        import asyncio, pathlib
        from bot.queue import AnalysisQueue
        from storage import Database

        async def main():
            database = await Database.open({queue.database.url!r})
            queue = AnalysisQueue(database)

            async def handle(update_id):
                pathlib.Path({str(started)!r}).write_text(str(update_id))
                await asyncio.sleep(3600)  # killed mid-job

            await queue.consume(handle, concurrency=2, heartbeat_timeout={HEARTBEAT})

        asyncio.run(main())
        """
    )
    async with queue.database.transaction() as session:
        await queue.enqueue(session, 400)
    doomed = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        await until(started.exists, "the doomed worker to take the job")
        assert started.read_text() == "400"
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(10)
    finally:
        if doomed.poll() is None:
            doomed.kill()
            doomed.wait(10)
    assert await queue.jobs() == {"picked": 1}  # still held by the dead worker
    taken: list[int] = []

    async def handle(update_id: int) -> None:
        taken.append(update_id)

    task = consume_in_background(queue, handle)
    assert await wait_until_idle(queue, timeout=HEARTBEAT * 10)
    await stop(queue, task)
    assert taken == [400]


def test_a_worker_without_a_shared_database_says_what_to_set(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.settings import Settings
    from bot.worker_role import run_worker

    settings = Settings(_env_file=None, TELEGRAM_BOT_TOKEN="1:x", WHOSAID_DB_PATH="whosaid.db")
    assert run_worker(settings) == 2
    assert "WHOSAID_DATABASE_URL" in capsys.readouterr().err


async def test_a_handed_off_update_whose_job_ended_unanswered_is_queued_again(queue: AnalysisQueue) -> None:
    from storage import DatabaseUpdateLog

    update_log = DatabaseUpdateLog(queue.database)
    for update_id in (500, 501):
        await update_log.record(update_id, 7, {"update_id": update_id})
        async with queue.database.transaction() as session:
            assert await update_log.hand_off(session, update_id)
            if update_id == 501:
                await queue.enqueue(session, update_id)
    # 500's job is gone (say, cancelled by a worker stopped past its grace); 501's is alive.
    assert await queue.requeue_orphans() == 1
    assert await queue.jobs() == {"queued": 2}
    assert await queue.requeue_orphans() == 0
    await update_log.mark_done(500)
    await queue.database.execute("DELETE FROM pgqueuer")
    assert await queue.requeue_orphans() == 1  # only 501: 500 is answered
