"""`whosaid worker`: take analysis jobs from the shared PostgreSQL database and answer them.

A replica (`whosaid run` on PostgreSQL) records every update and hands each article update to the job queue
(`bot.queue`) in one transaction with marking it `queued`. A worker, any number on any machine with the same
settings, takes those jobs and runs each update through the same handlers (fetch, analyze in its pool,
store, reply; the reply journal resumes a reply a killed worker had begun), and the update is marked done
when Telegram accepted the reply.

Exactly one answer per update: the update log's primary key refuses a second copy of an update (Telegram
retrying a webhook, two replicas), the hand-off queues at most one job per update (the update's state and the
queue's dedupe key), a job held by a dead worker is taken again once its heartbeat goes stale, and a worker
skips a job whose update is already done.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from telegram import Update
from telegram.ext import Application

import handlers
from bot import runtime
from bot.queue import AnalysisQueue, RetryLater
from bot.settings import Settings
from bot.update_log import Attempt, DurableUpdateProcessor
from storage import DatabaseUpdateLog

logger = logging.getLogger(__name__)

EXIT_NEEDS_POSTGRES = 2

NEEDS_POSTGRES_MESSAGE = """\
whosaid worker: workers share their work through PostgreSQL, and WHOSAID_DATABASE_URL is not set.

With the default SQLite file, `whosaid run` analyzes articles itself: no worker is needed. To run several
workers, point `whosaid run` and every `whosaid worker` at one database:
  WHOSAID_DATABASE_URL=postgresql://user:password@host/whosaid
"""


def build_application(settings: Settings) -> Application:
    """The bot's Application for `whosaid worker`, every handler registered."""
    return runtime.build_application(settings, role="worker", register=handlers.register)


async def handle_job(application: Application, update_id: int) -> None:
    """Run one queued update through the handlers, as the replica that received it would have."""
    settings = runtime.settings_of(application)
    found: runtime.BotServices = application.bot_data[runtime.SERVICES_KEY]
    update_log = found.update_log
    assert isinstance(update_log, DatabaseUpdateLog)
    state = await update_log.state(update_id)
    if state != "queued":
        # Done already (a job taken again after its reply went out), or forgotten with its chat (/forget).
        logger.info("update %s is %s; nothing to do", update_id, state or "gone")
        return
    unfinished = await update_log.unfinished(update_id)
    update = Update.de_json(unfinished.payload, application.bot) if unfinished is not None else None
    if unfinished is None or update is None:
        logger.error("queued update %s doesn't load; dropping it", update_id)
        await update_log.close(update_id, "refused")
        return
    processor = application.update_processor
    assert isinstance(processor, DurableUpdateProcessor)
    # Its attempts so far bound its retries here as they do in the process that received it.
    processor.queue.in_flight[update_id] = Attempt(unfinished.attempts, unfinished.received_at)
    logger.info("update %s: started", update_id)
    await processor.do_process_update(update, application.process_update(update))
    if await update_log.state(update_id) == "queued":
        logger.info("update %s: reply not delivered yet; the job is queued again", update_id)
        raise RetryLater(settings.redelivery_seconds)
    logger.info("update %s: answered", update_id)


async def serve_worker(application: Application, stop: asyncio.Event | None = None) -> None:
    """Open the services, take jobs until `stop` is set (default: SIGTERM or SIGINT), then let the jobs in
    hand finish within the shutdown grace."""
    settings = runtime.settings_of(application)
    if stop is None:
        stop = runtime.stop_signal()
    await application.initialize()
    try:
        await runtime.open_services(application)
        queue: AnalysisQueue = application.bot_data[runtime.QUEUE_KEY]
        concurrency = max(2, min(settings.queue_limit, 2 * settings.workers))
        consuming = asyncio.create_task(
            queue.consume(
                lambda update_id: handle_job(application, update_id),
                concurrency=concurrency,
                heartbeat_timeout=settings.job_heartbeat_seconds,
            ),
            name="whosaid:jobs",
        )
        sweeping = asyncio.create_task(
            sweep_orphans(queue, settings.redelivery_seconds), name="whosaid:orphans"
        )
        logger.info("WhoSaid worker is taking analysis jobs (%d at a time)", concurrency)
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({consuming, stopping}, return_when=asyncio.FIRST_COMPLETED)
        queue.stop()
        await runtime.cancel(stopping)
        await runtime.cancel(sweeping)
        await asyncio.wait({consuming}, timeout=settings.shutdown_grace)
        if not consuming.done():
            # Past the grace: the jobs in hand are cancelled; their updates stay `queued`, and another worker's
            # sweep queues them again.
            await runtime.cancel(consuming)
        elif not consuming.cancelled() and (failure := consuming.exception()) is not None:
            raise failure
    finally:
        await runtime.close_services(application)
        await runtime.step("shutting the application down", application.shutdown())


async def sweep_orphans(queue: AnalysisQueue, interval: float) -> None:
    """At start and every `interval` seconds: queue again the handed-off updates whose job ended unanswered."""
    while True:
        try:
            await queue.requeue_orphans()
        except Exception as error:
            logger.warning("couldn't look for unanswered jobs: %s", error)
        await asyncio.sleep(interval)


def run_worker(settings: Settings) -> int:
    """`whosaid worker`: take analysis jobs from the shared database until stopped."""
    if not settings.shared_database:
        sys.stderr.write(NEEDS_POSTGRES_MESSAGE)
        return EXIT_NEEDS_POSTGRES
    return runtime.run_process(settings, "whosaid worker", lambda: serve_worker(build_application(settings)))
