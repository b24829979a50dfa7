"""Updates in, durably: python-telegram-bot's update queue and update processor, backed by `storage.update_log`.

- `DurableUpdateQueue` is the Application's `update_queue`. python-telegram-bot's Updater puts each update
  from getUpdates into it *before* it moves the offset past that update (the next getUpdates call is what
  confirms it to Telegram), and the webhook server puts each update into it *before* it answers 200. So
  recording the update in `put` is exactly "written down before Telegram is told it was received". An
  update already recorded is not queued again (Telegram redelivering, a webhook retry).
- `DurableUpdateProcessor` runs each update (python-telegram-bot's concurrent update processing) with an
  `UpdateWork`, found by the update's id, then records its outcome (`Answered`, `Deferred`, `HandedOff`,
  `Refused`): done, deferred (or given up), left to a worker, refused. The handlers pass the `UpdateWork` as
  the reply journal to what they send: `bot.sending` numbers the update's outgoing messages and journals each
  one Telegram accepts, so handling the update again never resends them.
- `redeliver(...)` hands pending updates back to the queue: all of them at start-up, the due ones on a timer.
- Failures are bounded: an update deferred `max_attempts` times, or still unfinished `deadline` seconds after
  it arrived, is closed as `failed` and the person is told why (the reason its last attempt was deferred
  with, e.g. "I couldn't download your file from Telegram; send it again"). It is never retried forever.
- `ReadingBot` reads each update of a getUpdates batch on its own: one python-telegram-bot can't parse (a field
  a newer Bot API added and the installed library requires) is logged once by id and kind, recorded as
  `refused` and skipped, so the offset moves past it and the other chats are answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import inspect
import logging
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, Message, ReplyParameters, Update
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor, ExtBot

from storage.update_log import UpdateLog

logger = logging.getLogger(__name__)

# The longest a deferred update waits before its next attempt (the wait doubles from the base delay).
MAX_REDELIVERY_DELAY = 3600.0
# What the person hears when an update is given up and its last attempt gave no reason of its own.
GAVE_UP_MESSAGE = "Sorry, I couldn't answer that message in time. Please send it again."
# The key that marks, in its place in a getUpdates batch, an update the library couldn't read.
UNREADABLE_KEY = "whosaid_unreadable"


@dataclass(frozen=True)
class Answered:
    """The update got its answer (or needed none): it is done."""


@dataclass(frozen=True)
class Deferred:
    """The update couldn't be finished for now (a reply not delivered, a file not downloaded): it is tried
    again later, and given up after its attempts, when the person hears `reason` (or a general line)."""

    reason: str | None = None


@dataclass(frozen=True)
class HandedOff:
    """The update was handed to the job queue (a replica on a shared database): a worker finishes it."""


@dataclass(frozen=True)
class Refused:
    """The update is not handled at all (it can't be read or loaded): closed as refused."""

    reason: str


Outcome = Answered | Deferred | HandedOff | Refused


@dataclass
class UpdateWork:
    """One update being handled: its id, its reply journal so far, and what became of it (`outcome`).

    The handlers get it by the update's id (`work_of`) and pass it, as the reply journal, to every message
    they send (`bot.sending` numbers and journals them); the outcome is settled by the handler's return
    value or, for a failure, by the error handler, and recorded by `DurableUpdateProcessor`."""

    update_id: int
    update_log: UpdateLog | None
    delivered: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_seq: int = 0
    outcome: Outcome = field(default_factory=Answered)

    def settle(self, outcome: Outcome) -> None:
        """What became of the update; a deferral is not undone by a later answer of another of its replies."""
        if not isinstance(self.outcome, Deferred):
            self.outcome = outcome

    def take_seq(self) -> int:
        """The number of the next message this update sends (0, 1, 2, ... in the order they are sent)."""
        seq = self.next_seq
        self.next_seq += 1
        return seq

    async def remember(self, seq: int, chat_id: int | None, message: dict[str, Any]) -> None:
        """Journal that Telegram accepted message `seq`; a failure to write is logged, not raised."""
        self.delivered[seq] = message
        if self.update_log is None:
            return
        try:
            await self.update_log.record_delivery(self.update_id, seq, chat_id, message)
        except Exception as error:
            logger.warning("couldn't journal a delivered message of update %s: %s", self.update_id, error)


def chat_id_of(update: Update) -> int | None:
    chat = update.effective_chat
    return chat.id if chat is not None else None


def kind_of(update: dict[str, Any]) -> str:
    """An update's kind (`message`, `poll`, ...) from its raw fields: what logs may say about it."""
    return ",".join(key for key in update if key != "update_id") or "empty"


def _chat_id_in(update: dict[str, Any]) -> int | None:
    for value in update.values():
        if isinstance(value, dict):
            chat = value.get("chat") or (value.get("message") or {}).get("chat")
            if isinstance(chat, dict) and isinstance(chat.get("id"), int):
                return chat["id"]
    return None


@dataclass(frozen=True)
class Attempt:
    """An update queued or being handled in this process: attempts made before, and when it arrived."""

    attempts: int = 0
    received_at: float = field(default_factory=time.time)


class ReadingBot(ExtBot):  # type: ignore[type-arg]
    """The Application's bot: a getUpdates batch is read update by update (see the module docstring)."""

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            return [self._readable(raw) for raw in result]
        return result

    def _readable(self, raw: Any) -> Any:
        """`raw`, or in its place an update with only its id and the mark of an unreadable one."""
        if not isinstance(raw, dict) or not isinstance(raw.get("update_id"), int):
            return raw
        try:
            Update.de_json(copy.deepcopy(raw), self)
        except Exception as error:
            kind = kind_of(raw)
            # Once, by id and kind: never the update itself (other people's text) nor the whole batch.
            logger.error(
                "update %s (%s) can't be read by python-telegram-bot (%s); skipped and recorded as refused",
                raw["update_id"],
                kind,
                type(error).__name__,
            )
            return {
                "update_id": raw["update_id"],
                UNREADABLE_KEY: {"kind": kind, "chat_id": _chat_id_in(raw)},
            }
        return raw


class DurableUpdateQueue(asyncio.Queue):  # type: ignore[type-arg]
    """The Application's update queue: an update is recorded in the update log before it is accepted."""

    def __init__(self) -> None:
        super().__init__()
        self.update_log: UpdateLog | None = None
        # Updates queued or being handled in this process, with the attempts made before (for the backoff).
        self.in_flight: dict[int, Attempt] = {}
        self._warned = False

    def attach(self, update_log: UpdateLog | None) -> None:
        """Start (or, with None, stop) recording updates."""
        self.update_log = update_log

    async def put(self, item: Any) -> None:
        if isinstance(item, Update) and UNREADABLE_KEY in item.api_kwargs:
            await self._refuse(item.update_id, item.api_kwargs[UNREADABLE_KEY])
            return
        if isinstance(item, Update) and self.update_log is not None:
            if item.update_id in self.in_flight:
                return
            try:
                new = await self.update_log.record(item.update_id, chat_id_of(item), item.to_dict())
            except Exception as error:
                # Storage trouble must not stop the bot answering: handle it, just without a durable copy.
                if not self._warned:
                    logger.error("couldn't record updates (%s); handling them without a durable copy", error)
                    self._warned = True
                new = True
            if not new:
                logger.info("update %s was received before; it is not handled twice", item.update_id)
                return
            self.in_flight[item.update_id] = Attempt()
        await super().put(item)

    async def _refuse(self, update_id: int, unreadable: dict[str, Any]) -> None:
        """An update the library couldn't read (`ReadingBot`): recorded as refused, never handled."""
        if self.update_log is None:
            return
        try:
            await self.update_log.refuse(update_id, unreadable.get("chat_id"), str(unreadable.get("kind")))
        except Exception as error:
            logger.warning("couldn't record update %s as refused: %s", update_id, type(error).__name__)

    async def put_recovered(self, update: Update, attempts: int, received_at: float | None = None) -> bool:
        """Queue an update that is already recorded (start-up, redelivery); False if it is in flight."""
        if update.update_id in self.in_flight:
            return False
        self.in_flight[update.update_id] = Attempt(
            attempts, time.time() if received_at is None else received_at
        )
        await super().put(update)
        return True

    def finished(self, update_id: int) -> Attempt:
        """Forget an update handled in this process; returns its attempts before and when it arrived."""
        return self.in_flight.pop(update_id, None) or Attempt()


class DurableUpdateProcessor(BaseUpdateProcessor):
    """Concurrent update processing that marks each update done, or defers it, when its handling ends.

    It also keeps the tasks handling updates, so shutdown can stop them after a grace period: their updates
    stay pending in storage and are handled again at the next start.
    """

    def __init__(
        self,
        max_concurrent_updates: int,
        queue: DurableUpdateQueue,
        *,
        retry_delay: float,
        max_attempts: int = 8,
        deadline: float = 86400.0,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self.queue = queue
        self.retry_delay = retry_delay
        self.max_attempts = max_attempts
        self.deadline = deadline
        self.tasks: set[asyncio.Task[Any]] = set()
        # The updates being handled now, by id: the handlers find their update's work (journal, outcome) here.
        self.handling: dict[int, UpdateWork] = {}

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
        update_log = self.queue.update_log
        if not isinstance(update, Update) or update_log is None:
            await coroutine
            return
        delivered: dict[int, dict[str, Any]] = {}
        try:
            delivered = await update_log.delivered(update.update_id)
        except Exception as error:
            logger.warning("couldn't read the reply journal of update %s: %s", update.update_id, error)
        work = UpdateWork(update.update_id, update_log, delivered)
        self.handling[update.update_id] = work
        try:
            await coroutine
        finally:
            self.handling.pop(update.update_id, None)
        await self.record(update, work.outcome)

    async def record(self, update: Update, outcome: Outcome) -> None:
        """Write down what became of the update: done, deferred (or given up), left to a worker, refused."""
        attempt = self.queue.finished(update.update_id)
        update_log = self.queue.update_log
        if update_log is None or isinstance(outcome, HandedOff):
            return
        try:
            if isinstance(outcome, Answered):
                await update_log.mark_done(update.update_id)
                return
            if isinstance(outcome, Refused):
                logger.info("update %s refused: %s", update.update_id, outcome.reason)
                await update_log.close(update.update_id, "refused")
                return
            attempts = attempt.attempts + 1
            overdue = time.time() - attempt.received_at >= self.deadline
            if attempts >= self.max_attempts or overdue:
                logger.warning(
                    "update %s given up after %d attempt(s)%s; telling the person",
                    update.update_id,
                    attempts,
                    " and past its deadline" if overdue else "",
                )
                await self.tell_given_up(update, outcome.reason or GAVE_UP_MESSAGE)
                await update_log.close(update.update_id, "failed")
                return
            delay = min(self.retry_delay * 2**attempt.attempts, MAX_REDELIVERY_DELAY)
            await update_log.defer(update.update_id, delay)
            logger.warning("update %s stays pending; next attempt in %.0f s", update.update_id, delay)
        except Exception as error:
            logger.warning("couldn't mark update %s: %s", update.update_id, error)

    def work_of(self, update: object) -> UpdateWork | None:
        """The work of an update being handled now (its journal and outcome), or None."""
        return self.handling.get(update.update_id) if isinstance(update, Update) else None

    @staticmethod
    async def tell_given_up(update: Update, text: str) -> None:
        """Say in the update's chat, in reply to its message, why it won't be answered (best effort: the
        update is closed whether or not this arrives)."""
        chat_id = chat_id_of(update)
        if chat_id is None:
            return
        message = update.effective_message
        reply = (
            ReplyParameters(message.message_id, allow_sending_without_reply=True)
            if isinstance(message, Message)
            else None
        )
        try:
            await update.get_bot().send_message(chat_id, text, reply_parameters=reply)
        except TelegramError as error:
            logger.warning(
                "couldn't tell chat %s that update %s was given up: %s", chat_id, update.update_id, error
            )

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
    queue: DurableUpdateQueue, update_log: UpdateLog, bot: Bot, *, everything: bool = False
) -> int:
    """Queue the pending updates (all of them, or those due now) not already in flight; returns how many."""
    queued = 0
    for pending in await update_log.pending(due_before=None if everything else time.time()):
        try:
            update = Update.de_json(pending.payload, bot)
        except Exception as error:
            logger.error("a stored update (%s) doesn't load, skipping it: %s", pending.update_id, error)
            await update_log.mark_done(pending.update_id)
            continue
        if update is not None and await queue.put_recovered(update, pending.attempts, pending.received_at):
            queued += 1
    return queued


async def redeliver_forever(
    queue: DurableUpdateQueue, update_log: UpdateLog, bot: Bot, interval: float
) -> None:
    """Every `interval` seconds, hand deferred updates that are due back to the queue."""
    while True:
        await asyncio.sleep(interval)
        try:
            count = await redeliver(queue, update_log, bot)
        except Exception as error:
            logger.warning("couldn't look for pending updates: %s", error)
            continue
        if count:
            logger.info("retrying %d pending update(s)", count)
