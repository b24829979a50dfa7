"""The durable update log's storage on both backends (a real SQLite file and a real PostgreSQL database): updates
recorded once, the reply journal, done and deferred updates, and - when several processes share the database -
leases that keep an update with the process handling it and hand it to another when that process is gone."""

from __future__ import annotations

import asyncio
import time

import pytest

from storage import CHAT_TABLES, Database, DatabaseUpdateLog
from storage.update_log import LEASE_SECONDS

CHAT = 4401
OTHER_CHAT = -1009876543210


def payload(update_id: int, chat_id: int = CHAT) -> dict:
    return {"update_id": update_id, "message": {"message_id": 1, "chat": {"id": chat_id}, "text": "hi"}}


async def test_an_update_is_recorded_once(database: Database) -> None:
    update_log = DatabaseUpdateLog(database)
    assert await update_log.record(10, CHAT, payload(10))
    assert not await update_log.record(10, CHAT, payload(10))  # delivered again
    assert await update_log.counts() == {"pending": 1}
    assert await update_log.payload(10) == payload(10)


async def test_one_update_delivered_to_two_processes_at_once_is_recorded_by_one(database_target) -> None:
    first, second = await Database.open(database_target), await Database.open(database_target)
    try:
        results = await asyncio.gather(
            *(
                DatabaseUpdateLog(db).record(update_id, CHAT, payload(update_id))
                for db in (first, second)
                for update_id in range(20, 30)
            )
        )
        # Each of the ten updates was taken by exactly one of the two.
        assert sum(results) == 10
    finally:
        await first.close()
        await second.close()


async def test_done_drops_the_payload_and_the_journal_but_keeps_the_id(database: Database) -> None:
    update_log = DatabaseUpdateLog(database, shared=False)
    await update_log.record(11, CHAT, payload(11))
    await update_log.record_delivery(11, 0, CHAT, {"message_id": 500})
    await update_log.record_delivery(11, 1, CHAT, {"message_id": 501})
    await update_log.record_delivery(11, 1, CHAT, {"message_id": 502})  # journalled again: the last answer wins
    assert await update_log.delivered(11) == {0: {"message_id": 500}, 1: {"message_id": 502}}
    await update_log.mark_done(11)
    assert await update_log.delivered(11) == {}
    assert await update_log.payload(11) is None
    assert await update_log.state(11) == "done"
    assert not await update_log.record(11, CHAT, payload(11))  # a late redelivery is still recognised
    assert await update_log.pending() == []


async def test_deferred_updates_wait_until_due(database: Database) -> None:
    update_log = DatabaseUpdateLog(database, shared=False)
    await update_log.record(12, CHAT, payload(12))
    await update_log.record(13, CHAT, payload(13))
    await update_log.defer(12, 3600)
    due = await update_log.pending(due_before=time.time())
    assert [update.update_id for update in due] == [13]
    everything = await update_log.pending()
    assert [(update.update_id, update.attempts) for update in everything] == [(12, 1), (13, 0)]


async def test_prune_forgets_old_done_updates_only(database: Database) -> None:
    update_log = DatabaseUpdateLog(database, shared=False)
    await update_log.record(14, CHAT, payload(14))
    await update_log.record(15, CHAT, payload(15))
    await update_log.mark_done(14)
    assert await update_log.prune(older_than=-1) == 1
    assert await update_log.counts() == {"pending": 1}


async def test_forget_clears_the_chats_updates_and_journal(database: Database) -> None:
    update_log = DatabaseUpdateLog(database, shared=False)
    await update_log.record(16, CHAT, payload(16))
    await update_log.record_delivery(16, 0, CHAT, {"message_id": 9})
    await update_log.record(17, OTHER_CHAT, payload(17, OTHER_CHAT))
    assert "updates" in CHAT_TABLES and "update_replies" in CHAT_TABLES
    await database.forget_chat(CHAT)
    assert await update_log.state(16) is None and await update_log.delivered(16) == {}
    assert await update_log.state(17) == "pending"


async def test_shared_an_update_stays_with_the_process_that_recorded_it(database: Database) -> None:
    recorder, other = DatabaseUpdateLog(database, shared=True), DatabaseUpdateLog(database, shared=True)
    await recorder.record(30, CHAT, payload(30))
    # Another replica's start-up sweep ("everything") must not take an update that is being handled.
    assert await other.pending() == []
    assert await other.pending(due_before=time.time() + 10) == []
    await recorder.renew([30])
    assert await other.pending() == []


async def test_shared_an_update_whose_process_died_is_claimed_by_one_other(database: Database) -> None:
    update_log = DatabaseUpdateLog(database, shared=True)
    await update_log.record(31, CHAT, payload(31))
    # The recorder died: its lease ran out.
    await database.execute(
        "UPDATE updates SET next_attempt_at = ? WHERE update_id = ?", (time.time() - 1, 31)
    )
    first, second = await asyncio.gather(update_log.pending(), update_log.pending())
    claimed = [update.update_id for update in [*first, *second]]
    assert claimed == [31]  # one sweep took it, the other found it leased
    lease = await database.fetch_value("SELECT next_attempt_at FROM updates WHERE update_id = ?", (31,))
    assert lease > time.time() + LEASE_SECONDS / 2


async def test_shared_a_handed_off_update_is_left_to_the_job_queue(database: Database) -> None:
    update_log = DatabaseUpdateLog(database, shared=True)
    await update_log.record(32, CHAT, payload(32))
    async with database.transaction() as session:
        assert await update_log.hand_off(session, 32)
    async with database.transaction() as session:
        assert not await update_log.hand_off(session, 32)  # queued once
    await database.execute("UPDATE updates SET next_attempt_at = 0 WHERE update_id = ?", (32,))
    assert await update_log.pending() == []
    assert await update_log.state(32) == "queued"
    await update_log.defer(32, 1)  # a worker's delivery hiccup does not make it a replica's again
    assert await update_log.state(32) == "queued"
    await update_log.mark_done(32)
    assert await update_log.state(32) == "done"


@pytest.mark.parametrize("shared", [False, True])
async def test_a_handed_off_update_rolls_back_with_its_transaction(database: Database, shared: bool) -> None:
    update_log = DatabaseUpdateLog(database, shared=shared)
    await update_log.record(33, CHAT, payload(33))
    with pytest.raises(RuntimeError):
        async with database.transaction() as session:
            assert await update_log.hand_off(session, 33)
            raise RuntimeError("the job couldn't be queued")
    assert await update_log.state(33) == "pending"
