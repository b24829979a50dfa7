"""Who does what: one process doing everything (SQLite), or replicas and workers sharing PostgreSQL.

- **Embedded** (`whosaid run` on SQLite, the default): one process receives updates, analyzes articles in its
  pool and replies, as it always has.
- **Replica** (`whosaid run` with `WHOSAID_DATABASE_URL=postgresql://...`; polling, or a webhook behind a load
  balancer): records every update in the shared intake, answers light commands and buttons itself, and hands
  each article update to the job queue (`bot.queue`) in one transaction with marking it `queued`. It loads no
  model: its analysis pool is never started.
- **Worker** (`whosaid worker`, any number, on any machine, same settings): takes analysis jobs, runs the
  update through the same handlers (fetch, analyze in its pool, store, reply; the reply journal resumes a
  reply a killed worker had begun) and marks the update done when Telegram accepted the reply.

Exactly one answer per update: the intake's primary key refuses a second copy of an update (Telegram retrying
a webhook, two replicas), the hand-off queues at most one job per update (the update's state and the queue's
dedupe key), a job held by a dead worker is taken again once its heartbeat goes stale, and a worker skips a
job whose update is already done.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import Literal

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.intake import DurableUpdateProcessor, DurableUpdateQueue, current_work
from bot.queue import AnalysisQueue, RetryLater
from bot.settings import Settings
from handlers import articles
from handlers.intake import addressed_to_bot, read_intake
from handlers.services import SERVICES_KEY, BotServices, services
from storage import DatabaseIntake, UpdateIntake
from storage.intake import LEASE_SECONDS
from storage.postgres import PostgresDatabase

logger = logging.getLogger(__name__)

Role = Literal["run", "worker"]
ROLE_KEY = "whosaid.role"
QUEUE_KEY = "whosaid.queue"
LEASE_TASK_KEY = "whosaid.lease_renewal"
EXIT_NEEDS_POSTGRES = 2

NEEDS_POSTGRES_MESSAGE = """\
whosaid worker: workers share their work through PostgreSQL, and WHOSAID_DATABASE_URL is not set.

With the default SQLite file, `whosaid run` analyzes articles itself: no worker is needed. To run several
workers, point `whosaid run` and every `whosaid worker` at one database:
  WHOSAID_DATABASE_URL=postgresql://user:password@host/whosaid
"""


def webhook_secret(settings: Settings) -> str:
    """The secret Telegram sends with each webhook call, the same in every replica: `WHOSAID_WEBHOOK_SECRET`,
    else one derived from the bot token (so replicas agree without another setting, and it changes with it)."""
    if settings.webhook_secret is not None and settings.webhook_secret.get_secret_value():
        return settings.webhook_secret.get_secret_value()
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    return hmac.new(token.encode(), b"whosaid webhook secret", hashlib.sha256).hexdigest()


def role_of(application: Application) -> Role:
    return application.bot_data.get(ROLE_KEY, "run")


def is_replica(settings: Settings, role: Role) -> bool:
    """`whosaid run` on a shared database: it hands articles to the workers instead of analyzing them."""
    return role == "run" and settings.shared_database


def analyzes_here(settings: Settings, role: Role) -> bool:
    """Whether this process analyzes articles (and so starts its analysis pool)."""
    return not is_replica(settings, role)


def article_handler(
    settings: Settings, role: Role
) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
    """What a non-command message runs: analysis here, or a hand-off to the job queue on a replica."""
    return hand_off_article if is_replica(settings, role) else articles.on_message


async def hand_off_article(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Replica: queue the update's analysis for a worker; the worker replies and marks it done."""
    message = update.effective_message
    if message is None or update.effective_chat is None:
        return
    if not addressed_to_bot(message, context.bot.id, context.bot.username):
        return
    found = services(context)
    queue = context.application.bot_data.get(QUEUE_KEY)
    work = current_work()
    intake = found.intake
    carries = read_intake(
        message, bot_username=context.bot.username, max_links=found.settings.max_links_per_message
    )
    if carries.empty or queue is None or not isinstance(intake, DatabaseIntake) or work is None:
        # Nothing to analyze (the reply says what to send), or no durable record to hand off: answer here.
        await articles.on_message(update, context)
        return
    async with found.database.transaction() as session:
        if await intake.hand_off(session, update.update_id):
            await queue.enqueue(session, update.update_id)
    work.handed_off = True


async def start_role(application: Application) -> None:
    """After the services opened: install the job queue and, on a replica, keep the leases of updates in hand."""
    settings: Settings = application.bot_data["whosaid.settings"]
    found: BotServices = application.bot_data[SERVICES_KEY]
    if not settings.shared_database:
        return
    assert isinstance(found.database, PostgresDatabase)
    queue = AnalysisQueue(found.database)
    await queue.install()
    application.bot_data[QUEUE_KEY] = queue
    update_queue = application.update_queue
    if (
        role_of(application) == "run"
        and found.intake is not None
        and isinstance(update_queue, DurableUpdateQueue)
    ):
        application.bot_data[LEASE_TASK_KEY] = asyncio.create_task(
            keep_leases(update_queue, found.intake), name="whosaid:leases"
        )


async def stop_role(application: Application) -> None:
    """Before the services close: stop renewing leases."""
    task: asyncio.Task[None] | None = application.bot_data.pop(LEASE_TASK_KEY, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def keep_leases(update_queue: DurableUpdateQueue, intake: UpdateIntake) -> None:
    """Renew, a few times per lease, the leases on the updates this replica is handling."""
    if not isinstance(intake, DatabaseIntake):
        return
    while True:
        await asyncio.sleep(LEASE_SECONDS / 3)
        try:
            await intake.renew(list(update_queue.in_flight))
        except Exception as error:
            logger.warning("couldn't renew the leases on updates in hand: %s", error)


async def handle_job(application: Application, update_id: int) -> None:
    """Worker: run one queued update through the handlers, as the replica that received it would have."""
    settings: Settings = application.bot_data["whosaid.settings"]
    found: BotServices = application.bot_data[SERVICES_KEY]
    intake = found.intake
    assert isinstance(intake, DatabaseIntake)
    state = await intake.state(update_id)
    if state != "queued":
        # Done already (a job taken again after its reply went out), or forgotten with its chat (/forget).
        logger.info("update %s is %s; nothing to do", update_id, state or "gone")
        return
    payload = await intake.payload(update_id)
    update = Update.de_json(payload, application.bot) if payload else None
    if update is None:
        logger.error("queued update %s doesn't load; dropping it", update_id)
        await intake.mark_done(update_id)
        return
    processor = application.update_processor
    assert isinstance(processor, DurableUpdateProcessor)
    logger.info("update %s: started", update_id)
    await processor.do_process_update(update, application.process_update(update))
    if await intake.state(update_id) != "done":
        logger.info("update %s: reply not delivered yet; the job is queued again", update_id)
        raise RetryLater(settings.redelivery_seconds)
    logger.info("update %s: answered", update_id)


async def serve_worker(application: Application, stop: asyncio.Event | None = None) -> None:
    """Worker: open the services, take jobs until `stop` is set (default: SIGTERM or SIGINT), then let the jobs
    in hand finish within the shutdown grace."""
    from bot.app import close_services, open_services

    settings: Settings = application.bot_data["whosaid.settings"]
    if stop is None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(signum, stop.set)
    await application.initialize()
    try:
        await open_services(application)
        queue = application.bot_data[QUEUE_KEY]
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
        stopping.cancel()
        sweeping.cancel()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(consuming), settings.shutdown_grace)
        if not consuming.done():
            # Past the grace: the jobs in hand are cancelled; their updates stay `queued`, and another worker's
            # sweep queues them again.
            consuming.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await consuming
        elif not consuming.cancelled() and (failure := consuming.exception()) is not None:
            raise failure
    finally:
        await close_services(application)
        await application.shutdown()


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
    from bot.app import EXIT_NO_TOKEN, EXIT_STORAGE, NO_TOKEN_MESSAGE, build_application, configure_logging
    from storage import StorageError

    if not settings.shared_database:
        sys.stderr.write(NEEDS_POSTGRES_MESSAGE)
        return EXIT_NEEDS_POSTGRES
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value().strip():
        sys.stderr.write(NO_TOKEN_MESSAGE)
        return EXIT_NO_TOKEN
    configure_logging(settings)
    application = build_application(settings, role="worker")
    try:
        asyncio.run(serve_worker(application))
    except StorageError as error:
        sys.stderr.write(f"whosaid worker: {error}\n")
        return EXIT_STORAGE
    except KeyboardInterrupt:
        return 130
    return 0
