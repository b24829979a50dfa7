"""The analysis job queue, in PostgreSQL (pgqueuer): replicas put articles in, `whosaid worker`s take them out.

Why pgqueuer: it speaks asyncpg, the driver storage already uses, so a job is queued on the same connection
and in the same transaction that marks its update as handed off (`DatabaseUpdateLog.hand_off`): an update is
either queued exactly once or not at all. Its unique `dedupe_key` (here `update:<id>`) refuses a second job
for an update still queued or running; its workers heartbeat the jobs they hold, and a job whose heartbeat
goes stale (the worker was killed) is picked up again by another worker; LISTEN/NOTIFY wakes an idle worker
at once rather than on a polling interval. Its schema installs and upgrades from Python, under a lock, when
a replica or worker starts.

A job carries only the update's id: the update itself, its reply journal and its state stay in the update log
tables, so a retried job resumes the reply where the killed worker left it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from pgqueuer import Job, QueueManager, RetryRequested
from pgqueuer.db import AsyncpgDriver, AsyncpgPoolDriver
from pgqueuer.queries import Queries

from storage import Session
from storage.postgres import PostgresDatabase

logger = logging.getLogger(__name__)

ANALYZE_ENTRYPOINT = "whosaid_analyze"
# A worker hands out at most this many jobs at once per batch (one at a time keeps the load spread).
BATCH_SIZE = 1


def dedupe_key(update_id: int) -> str:
    """The queue's key for an update's job: one job per update while it is queued or running."""
    return f"update:{update_id}"


class RetryLater(Exception):
    """Raised by a job handler whose reply couldn't be delivered yet: the job is queued again after `delay`."""

    def __init__(self, delay: float) -> None:
        super().__init__(f"retry in {delay:.0f} s")
        self.delay = delay


class AnalysisQueue:
    """The job queue of one PostgreSQL database."""

    def __init__(self, database: PostgresDatabase) -> None:
        self.database = database
        self._manager: QueueManager | None = None

    async def install(self) -> None:
        """Create the queue's tables, or bring them up to this pgqueuer's schema (idempotent, locked)."""
        async with self.database.pool.acquire() as connection:
            queries = Queries(AsyncpgDriver(connection))
            # Session-level and re-entrant: replicas and workers starting together install once.
            async with queries.schema_lock():
                if not await queries.schema_is_installed():
                    await queries.install()
                    logger.info("installed the job queue's tables")
                else:
                    await queries.apply_upgrade()

    async def enqueue(self, session: Session, update_id: int) -> bool:
        """Queue the update's analysis inside `session`'s transaction; False if its job already exists."""
        connection = getattr(session, "raw", None)
        if connection is None:
            raise TypeError("the job queue needs a PostgreSQL transaction")
        ids = await Queries(AsyncpgDriver(connection)).enqueue(
            ANALYZE_ENTRYPOINT,
            str(update_id).encode(),
            dedupe_key=dedupe_key(update_id),
            on_conflict="skip",
        )
        return any(job_id is not None for job_id in ids)

    async def requeue_orphans(self) -> int:
        """Queue again every update marked `queued` that has no live job; returns how many.

        The hand-off commits the update's state and its job together, and a worker marks the update done
        before its job ends, so this finds only jobs that ended without an answer: cancelled by a worker that
        was stopped past its grace, or dropped after an error outside the handlers.
        """
        rows = await self.database.fetch_all(
            "SELECT u.update_id FROM updates u WHERE u.state = 'queued' AND NOT EXISTS ("
            " SELECT 1 FROM pgqueuer j WHERE j.dedupe_key = 'update:' || u.update_id::text"
            " AND j.status IN ('queued', 'picked'))"
        )
        queued = 0
        for row in rows:
            async with self.database.transaction() as session:
                queued += await self.enqueue(session, int(row[0]))
        if queued:
            logger.warning("queued %d update(s) again whose job had ended without an answer", queued)
        return queued

    async def jobs(self) -> dict[str, int]:
        """Jobs in the queue by status (for tests, benchmarks and logs)."""
        rows = await self.database.fetch_all("SELECT status::text, COUNT(*) FROM pgqueuer GROUP BY status")
        return {row[0]: int(row[1]) for row in rows}

    async def consume(
        self,
        handle: Callable[[int], Awaitable[None]],
        *,
        concurrency: int,
        heartbeat_timeout: float,
    ) -> None:
        """Take jobs and run `handle(update_id)` on each, at most `concurrency` at once, until `stop()`.

        A handler that raises `RetryLater` has its job queued again after the delay; any other exception is
        logged and the job dropped (the handler has told the person). A job whose worker stops heartbeating
        for `heartbeat_timeout` seconds is taken again by another worker.
        """
        manager = QueueManager(Queries(AsyncpgPoolDriver(self.database.pool)))

        @manager.entrypoint(ANALYZE_ENTRYPOINT)
        async def analyze(job: Job) -> None:
            update_id = int((job.payload or b"0").decode())
            try:
                await handle(update_id)
            except RetryLater as later:
                raise RetryRequested(
                    timedelta(seconds=later.delay), reason="reply not delivered yet"
                ) from None

        self._manager = manager
        await manager.run(
            batch_size=BATCH_SIZE,
            # pgqueuer asks for room for two batches.
            max_concurrent_tasks=max(concurrency, 2 * BATCH_SIZE),
            heartbeat_timeout=timedelta(seconds=heartbeat_timeout),
            # Also how often an idle worker looks for jobs whose worker died (those send no notification).
            dequeue_timeout=timedelta(seconds=min(5.0, heartbeat_timeout / 2)),
        )

    def stop(self) -> None:
        """Ask `consume` to stop taking jobs and return once the running ones are done."""
        if self._manager is not None:
            self._manager.shutdown.set()


async def wait_until_idle(queue: AnalysisQueue, *, timeout: float, interval: float = 0.1) -> bool:
    """Whether the queue emptied within `timeout` seconds (tests and benchmarks)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        jobs = await queue.jobs()
        if not jobs.get("queued") and not jobs.get("picked"):
            return True
        await asyncio.sleep(interval)
    return False
