"""Updates in, durably: python-telegram-bot's update queue and update processor, backed by `storage.intake`.

- `DurableUpdateQueue` is the Application's `update_queue`. python-telegram-bot's Updater puts each update
  from getUpdates into it *before* it moves the offset past that update (the next getUpdates call is what
  confirms it to Telegram), and the webhook server puts each update into it *before* it answers 200. So
  recording the update in `put` is exactly "written down before Telegram is told it was received". An
  update already recorded is not queued again (Telegram redelivering, a webhook retry).
- `DurableUpdateProcessor` runs each update (python-telegram-bot's concurrent update processing) with an
  `UpdateWork` in a context variable, then marks the update done, or defers it when its reply couldn't be
  delivered. The sending side (`bot.sending`) numbers the update's outgoing messages through that
  `UpdateWork` and journals each one Telegram accepts, so handling the update again never resends them.
- `redeliver(...)` hands pending updates back to the queue: all of them at start-up, the due ones on a timer.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import time
from collections.abc import Awaitable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, Update
from telegram.ext import BaseUpdateProcessor

from storage.intake import UpdateIntake

logger = logging.getLogger(__name__)

# The longest a deferred update waits before its next attempt (the wait doubles from the base delay).
MAX_REDELIVERY_DELAY = 3600.0


@dataclass
class UpdateWork:
    """The update being handled in this task: its id, its reply journal so far, and how handling went."""

    update_id: int
    intake: UpdateIntake | None
    delivered: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_seq: int = 0
    retry_later: bool = False
    # Handed to the job queue (a replica on a shared database): a worker finishes it, so it isn't marked here.
    handed_off: bool = False

    def take_seq(self) -> int:
        """The number of the next message this update sends (0, 1, 2, ... in the order they are sent)."""
        seq = self.next_seq
        self.next_seq += 1
        return seq

    async def remember(self, seq: int, chat_id: int | None, message: dict[str, Any]) -> None:
        """Journal that Telegram accepted message `seq`; a failure to write is logged, not raised."""
        self.delivered[seq] = message
        if self.intake is None:
            return
        try:
            await self.intake.record_delivery(self.update_id, seq, chat_id, message)
        except Exception as error:
            logger.warning("couldn't journal a delivered message of update %s: %s", self.update_id, error)


CURRENT_WORK: ContextVar[UpdateWork | None] = ContextVar("whosaid_update_work", default=None)


def current_work() -> UpdateWork | None:
    """The `UpdateWork` of the update this task is handling, if any."""
    return CURRENT_WORK.get()


def chat_id_of(update: Update) -> int | None:
    chat = update.effective_chat
    return chat.id if chat is not None else None


class DurableUpdateQueue(asyncio.Queue):  # type: ignore[type-arg]
    """The Application's update queue: an update is recorded in the intake before it is accepted."""

    def __init__(self) -> None:
        super().__init__()
        self.intake: UpdateIntake | None = None
        # Updates queued or being handled in this process, with the attempts made before (for the backoff).
        self.in_flight: dict[int, int] = {}
        self._warned = False

    def attach(self, intake: UpdateIntake | None) -> None:
        """Start (or, with None, stop) recording updates."""
        self.intake = intake

    async def put(self, item: Any) -> None:
        if isinstance(item, Update) and self.intake is not None:
            if item.update_id in self.in_flight:
                return
            try:
                new = await self.intake.record(item.update_id, chat_id_of(item), item.to_dict())
            except Exception as error:
                # Storage trouble must not stop the bot answering: handle it, just without a durable copy.
                if not self._warned:
                    logger.error("couldn't record updates (%s); handling them without a durable copy", error)
                    self._warned = True
                new = True
            if not new:
                logger.info("update %s was received before; it is not handled twice", item.update_id)
                return
            self.in_flight[item.update_id] = 0
        await super().put(item)

    async def put_recovered(self, update: Update, attempts: int) -> bool:
        """Queue an update that is already recorded (start-up, redelivery); False if it is in flight."""
        if update.update_id in self.in_flight:
            return False
        self.in_flight[update.update_id] = attempts
        await super().put(update)
        return True

    def finished(self, update_id: int) -> int:
        """Forget an update handled in this process; returns the attempts it had before."""
        return self.in_flight.pop(update_id, 0)


class DurableUpdateProcessor(BaseUpdateProcessor):
    """Concurrent update processing that marks each update done, or defers it, when its handling ends.

    It also keeps the tasks handling updates, so shutdown can stop them after a grace period: their updates
    stay pending in storage and are handled again at the next start.
    """

    def __init__(self, max_concurrent_updates: int, queue: DurableUpdateQueue, *, retry_delay: float) -> None:
        super().__init__(max_concurrent_updates)
        self.queue = queue
        self.retry_delay = retry_delay
        self.tasks: set[asyncio.Task[Any]] = set()

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        task = asyncio.current_task()
        if task is not None:
            self.tasks.add(task)
        try:
            await super().process_update(update, coroutine)
        except asyncio.CancelledError:
            if inspect.iscoroutine(coroutine):
                coroutine.close()  # cancelled before it started: don't leave it un-awaited
            if isinstance(update, Update):
                self.queue.finished(update.update_id)
            raise
        finally:
            if task is not None:
                self.tasks.discard(task)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        intake = self.queue.intake
        if not isinstance(update, Update) or intake is None:
            await coroutine
            return
        delivered: dict[int, dict[str, Any]] = {}
        try:
            delivered = await intake.delivered(update.update_id)
        except Exception as error:
            logger.warning("couldn't read the reply journal of update %s: %s", update.update_id, error)
        work = UpdateWork(update.update_id, intake, delivered)
        token = CURRENT_WORK.set(work)
        try:
            await coroutine
        finally:
            CURRENT_WORK.reset(token)
        attempts = self.queue.finished(update.update_id)
        if work.handed_off:
            return
        try:
            if work.retry_later:
                delay = min(self.retry_delay * 2**attempts, MAX_REDELIVERY_DELAY)
                await intake.defer(update.update_id, delay)
                logger.warning("update %s stays pending; next attempt in %.0f s", update.update_id, delay)
            else:
                await intake.mark_done(update.update_id)
        except Exception as error:
            logger.warning("couldn't mark update %s: %s", update.update_id, error)

    async def stop_tasks(self, grace: float) -> int:
        """Wait up to `grace` seconds for updates being handled, then cancel the rest; returns how many."""
        running = {task for task in self.tasks if not task.done()}
        if running:
            await asyncio.wait(running, timeout=grace)
        late = {task for task in self.tasks if not task.done()}
        for task in late:
            task.cancel()
        if late:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait(late, timeout=5.0)
        return len(late)


async def redeliver(
    queue: DurableUpdateQueue, intake: UpdateIntake, bot: Bot, *, everything: bool = False
) -> int:
    """Queue the pending updates (all of them, or those due now) not already in flight; returns how many."""
    queued = 0
    for pending in await intake.pending(due_before=None if everything else time.time()):
        try:
            update = Update.de_json(pending.payload, bot)
        except Exception as error:
            logger.error("a stored update (%s) doesn't load, skipping it: %s", pending.update_id, error)
            await intake.mark_done(pending.update_id)
            continue
        if update is not None and await queue.put_recovered(update, pending.attempts):
            queued += 1
    return queued


async def redeliver_forever(
    queue: DurableUpdateQueue, intake: UpdateIntake, bot: Bot, interval: float
) -> None:
    """Every `interval` seconds, hand deferred updates that are due back to the queue."""
    while True:
        await asyncio.sleep(interval)
        try:
            count = await redeliver(queue, intake, bot)
        except Exception as error:
            logger.warning("couldn't look for pending updates: %s", error)
            continue
        if count:
            logger.info("retrying %d pending update(s)", count)
