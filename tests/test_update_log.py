"""The durable update log on its own, without a bot process: record, finish, defer and redeliver, give up.

The queue and the processor are python-telegram-bot's update queue and update processor as the Application
uses them; here each update's handling is a plain coroutine, and the log is a real SQLite file.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.errors import DownloadFailed
from bot.update_log import (
    GAVE_UP_MESSAGE,
    UNREADABLE_KEY,
    Answered,
    Deferred,
    DurableUpdateProcessor,
    DurableUpdateQueue,
    HandedOff,
    ReadingBot,
    Refused,
    redeliver,
)
from storage import Database, DatabaseUpdateLog

CHAT = 5100


class RecordingBot(ReadingBot):
    """A bot that keeps what it would send instead of calling Telegram."""

    def __init__(self) -> None:
        super().__init__(token="123:test")
        self._sent: list[dict[str, Any]] = []

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> Any:  # type: ignore[override]
        self._sent.append({"chat_id": chat_id, "text": text, **kwargs})
        return None

    @property
    def sent(self) -> list[dict[str, Any]]:
        return self._sent


def raw_update(update_id: int, text: str = "hello", **extra: Any) -> dict[str, Any]:
    message = {
        "message_id": update_id * 10,
        "date": int(time.time()),
        "chat": {"id": CHAT, "type": "private", "first_name": "Ana"},
        "text": text,
        **extra,
    }
    return {"update_id": update_id, "message": message}


@pytest.fixture
async def log(tmp_path: Path) -> AsyncIterator[DatabaseUpdateLog]:
    database = await Database.open(tmp_path / "log.db")
    yield DatabaseUpdateLog(database, shared=False)
    await database.close()


@pytest.fixture
def bot() -> RecordingBot:
    return RecordingBot()


def make(log: DatabaseUpdateLog, *, max_attempts: int = 3, deadline: float = 3600.0) -> DurableUpdateProcessor:
    queue = DurableUpdateQueue()
    queue.attach(log)
    return DurableUpdateProcessor(4, queue, retry_delay=0.0, max_attempts=max_attempts, deadline=deadline)


async def answered() -> None:
    return None


async def settles(processor: DurableUpdateProcessor, update: Update, outcome: object) -> None:
    """A handling that ends with `outcome`, as a handler's return value or the error handler settles it."""
    work = processor.work_of(update)
    assert work is not None, "the handling finds its update's work by the update's id"
    work.settle(outcome)  # type: ignore[arg-type]


def deferred(processor: DurableUpdateProcessor, update: Update, reason: BaseException | None = None):  # type: ignore[no-untyped-def]
    return settles(processor, update, Deferred(str(reason) if reason is not None else None))


async def test_an_update_is_recorded_once_and_queued_once(log: DatabaseUpdateLog, bot: RecordingBot) -> None:
    processor = make(log)
    update = Update.de_json(raw_update(1), bot)
    await processor.queue.put(update)
    await processor.queue.put(update)  # Telegram delivering it again
    assert processor.queue.qsize() == 1
    assert await log.state(1) == "pending"
    assert await log.payload(1) == update.to_dict()


async def test_an_update_with_dates_json_does_not_know_is_recorded_and_loads_back(
    log: DatabaseUpdateLog, bot: RecordingBot
) -> None:
    # A pinned message Telegram can no longer show has date 0: python-telegram-bot keeps it as a datetime.
    pinned = {"message_id": 0, "date": 0, "chat": {"id": CHAT, "type": "private"}}
    update = Update.de_json(raw_update(2, pinned_message=pinned), bot)
    processor = make(log)
    await processor.queue.put(update)
    assert await log.state(2) == "pending"
    stored = await log.payload(2)
    assert stored is not None
    again = Update.de_json(stored, bot)
    assert again is not None and again.message is not None and again.message.pinned_message is not None


async def test_a_handled_update_is_finished(log: DatabaseUpdateLog, bot: RecordingBot) -> None:
    processor = make(log)
    update = Update.de_json(raw_update(3), bot)
    await processor.queue.put(update)
    await log.record_delivery(3, 0, CHAT, {"message_id": 99})
    await processor.do_process_update(update, answered())
    assert await log.state(3) == "done"
    assert await log.delivered(3) == {}
    assert processor.queue.in_flight == {}


async def test_a_deferred_update_is_redelivered_with_its_attempts(
    log: DatabaseUpdateLog, bot: RecordingBot
) -> None:
    processor = make(log, max_attempts=5)
    update = Update.de_json(raw_update(4), bot)
    await processor.queue.put(update)
    await processor.queue.get()
    await processor.do_process_update(update, deferred(processor, update))
    assert await log.state(4) == "pending"
    [pending] = await log.pending()
    assert pending.attempts == 1
    assert await redeliver(processor.queue, log, bot, everything=True) == 1
    assert processor.queue.in_flight[4].attempts == 1
    # Already in flight: a second sweep doesn't queue it twice.
    assert await redeliver(processor.queue, log, bot, everything=True) == 0
    again = await processor.queue.get()
    await processor.do_process_update(again, answered())
    assert await log.state(4) == "done"
    assert bot.sent == []


async def test_an_update_that_keeps_failing_is_given_up_and_the_person_told_why(
    log: DatabaseUpdateLog, bot: RecordingBot
) -> None:
    processor = make(log, max_attempts=3)
    await processor.queue.put(Update.de_json(raw_update(5), bot))
    for attempt in range(3):
        [update] = [await processor.queue.get()]
        await processor.do_process_update(update, deferred(processor, update, DownloadFailed()))
        if attempt < 2:
            assert await log.state(5) == "pending"
            assert await redeliver(processor.queue, log, bot, everything=True) == 1
    assert await log.state(5) == "failed"
    assert await log.pending() == []
    assert await redeliver(processor.queue, log, bot, everything=True) == 0
    [told] = bot.sent
    assert told["chat_id"] == CHAT and told["text"] == str(DownloadFailed())
    assert told["reply_parameters"].message_id == 50


async def test_an_update_past_its_deadline_is_given_up_at_its_next_failure(
    log: DatabaseUpdateLog, bot: RecordingBot
) -> None:
    processor = make(log, max_attempts=100, deadline=60.0)
    update = Update.de_json(raw_update(6), bot)
    await log.record(6, CHAT, update.to_dict())
    # Received two minutes ago (a restart found it pending).
    assert await processor.queue.put_recovered(update, attempts=0, received_at=time.time() - 120)
    queued = await processor.queue.get()
    await processor.do_process_update(queued, deferred(processor, queued))
    assert await log.state(6) == "failed"
    assert [sent["text"] for sent in bot.sent] == [GAVE_UP_MESSAGE]


async def test_an_update_the_library_cannot_read_is_refused_and_never_queued(
    log: DatabaseUpdateLog, bot: RecordingBot
) -> None:
    broken = {
        "update_id": 7,
        "poll": {"id": "p", "question": "Which?", "options": [{"text": "17", "voter_count": 0}],
                 "total_voter_count": 0, "is_closed": False, "is_anonymous": True, "type": "regular",
                 "allows_multiple_answers": False},
    }  # fmt: skip
    readable = bot._readable(broken)
    assert readable["update_id"] == 7 and readable[UNREADABLE_KEY]["kind"] == "poll"
    assert "question" not in str(readable), "nothing of the update is kept but its id and kind"
    processor = make(log)
    await processor.queue.put(Update.de_json(readable, bot))
    assert processor.queue.qsize() == 0
    assert await log.state(7) == "refused"
    # A readable update is passed through untouched.
    fine = raw_update(8)
    assert bot._readable(fine) is fine


async def test_updates_are_handled_concurrently_and_each_finished(
    log: DatabaseUpdateLog, bot: RecordingBot
) -> None:
    processor = make(log)
    updates = [Update.de_json(raw_update(n), bot) for n in range(10, 16)]
    for update in updates:
        await processor.queue.put(update)
    await asyncio.gather(*(processor.do_process_update(update, answered()) for update in updates))
    assert await log.counts() == {"done": 6}


async def test_a_handed_off_update_is_left_to_the_worker_and_a_refused_one_closed(
    log: DatabaseUpdateLog, bot: RecordingBot
) -> None:
    processor = make(log)
    handed, refused = Update.de_json(raw_update(20), bot), Update.de_json(raw_update(21), bot)
    for update in (handed, refused):
        await processor.queue.put(update)
    await processor.do_process_update(handed, settles(processor, handed, HandedOff()))
    await processor.do_process_update(refused, settles(processor, refused, Refused("doesn't load")))
    assert await log.state(20) == "pending"  # the job queue's worker finishes it
    assert await log.state(21) == "refused"
    assert processor.queue.in_flight == {} and processor.handling == {}


async def test_a_deferral_stands_when_a_later_reply_of_the_same_update_goes_out(
    log: DatabaseUpdateLog, bot: RecordingBot
) -> None:
    processor = make(log, max_attempts=5)
    update = Update.de_json(raw_update(22), bot)
    await processor.queue.put(update)

    async def two_replies() -> None:
        work = processor.work_of(update)
        assert work is not None
        work.settle(Deferred())  # the first of two links couldn't be sent
        work.settle(Answered())  # the second could

    await processor.do_process_update(update, two_replies())
    assert await log.state(22) == "pending"
