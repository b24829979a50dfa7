"""Durable intake: every update is written down before Telegram is told it arrived, and kept until answered.

This is the seam between receiving work and doing it. `UpdateIntake` is the interface; `SqliteIntake` keeps it
in the bot's SQLite file. A shared database or a job queue implements the same few calls:

- `record(update_id, chat_id, payload)` - before the getUpdates offset moves past an update (or a webhook
  answers 200). Returns False for an update already recorded, so a redelivered update is handled once.
- `pending()` - updates recorded and not finished: what start-up (and the redelivery sweep) hands back to the
  bot. `due_before` leaves out updates whose next attempt is later.
- `mark_done(update_id)` - its reply was accepted by Telegram (or there was nothing to say). The payload is
  dropped; the id stays for a while so a late redelivery is still recognised.
- `defer(update_id, delay)` - the reply couldn't be delivered now: keep it pending, try again after `delay`.
- `delivered(update_id)` / `record_delivery(update_id, seq, chat_id, message)` - the reply journal: which of an
  update's outgoing messages (numbered in the order the handler sends them) Telegram already accepted, with
  what it answered. When a pending update is handled again, those messages are not sent a second time, so a
  reply split in several messages resumes where it stopped.

A crash between Telegram accepting a message and `record_delivery` sends that one message again at the next
start: the only duplicate durable intake allows.

One process needs nothing more: it knows which updates it is handling (`bot.intake.DurableUpdateQueue`
keeps them in memory). Several replicas sharing one backend also need `pending()` to *claim* what it returns
(a lease, e.g. `FOR UPDATE SKIP LOCKED` with a claimed-until time), so two replicas never handle the same
update at once and a dead replica's claims expire.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, Protocol

from storage.database import Database

# Finished updates are remembered this long (by id only) so a late redelivery is not handled twice.
DONE_RETENTION_SECONDS = 7 * 86400.0


@dataclass(frozen=True)
class PendingUpdate:
    """An update recorded and not finished: its id, chat, the update as Telegram sent it, and attempts so far."""

    update_id: int
    chat_id: int | None
    payload: dict[str, Any]
    attempts: int


class UpdateIntake(Protocol):
    """Where received updates and their delivered replies are kept until each update is answered."""

    async def record(self, update_id: int, chat_id: int | None, payload: dict[str, Any]) -> bool: ...

    async def pending(self, *, due_before: float | None = None) -> list[PendingUpdate]: ...

    async def mark_done(self, update_id: int) -> None: ...

    async def defer(self, update_id: int, delay: float) -> None: ...

    async def delivered(self, update_id: int) -> dict[int, dict[str, Any]]: ...

    async def record_delivery(
        self, update_id: int, seq: int, chat_id: int | None, message: dict[str, Any]
    ) -> None: ...


class SqliteIntake:
    """`UpdateIntake` in the bot's SQLite file (tables `updates` and `update_replies`, migration 3)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def record(self, update_id: int, chat_id: int | None, payload: dict[str, Any]) -> bool:
        """Write the update down (committed before returning); False if it was already recorded."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "INSERT INTO updates (update_id, chat_id, received_at, state, payload_json)"
                " VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (update_id) DO NOTHING",
                (update_id, chat_id, time.time(), json.dumps(payload, ensure_ascii=False)),
            )
            return cursor.rowcount == 1

    async def pending(self, *, due_before: float | None = None) -> list[PendingUpdate]:
        """Unfinished updates, oldest first (only those due by `due_before`, when given)."""
        sql = "SELECT update_id, chat_id, payload_json, attempts FROM updates WHERE state = 'pending'"
        parameters: tuple[object, ...] = ()
        if due_before is not None:
            sql += " AND next_attempt_at <= ?"
            parameters = (due_before,)
        async with self._db.connection.execute(sql + " ORDER BY update_id", parameters) as cursor:
            rows = await cursor.fetchall()
        return [
            PendingUpdate(
                update_id=row["update_id"],
                chat_id=row["chat_id"],
                payload=json.loads(row["payload_json"]),
                attempts=row["attempts"],
            )
            for row in rows
        ]

    async def mark_done(self, update_id: int) -> None:
        """The update is answered: drop its payload and its reply journal, keep its id for a while."""
        now = time.time()
        async with self._db.transaction() as connection:
            await connection.execute(
                "UPDATE updates SET state = 'done', payload_json = NULL, done_at = ? WHERE update_id = ?",
                (now, update_id),
            )
            await connection.execute("DELETE FROM update_replies WHERE update_id = ?", (update_id,))

    async def defer(self, update_id: int, delay: float) -> None:
        """Keep the update pending and due again after `delay` seconds."""
        async with self._db.transaction() as connection:
            await connection.execute(
                "UPDATE updates SET attempts = attempts + 1, next_attempt_at = ?"
                " WHERE update_id = ? AND state = 'pending'",
                (time.time() + delay, update_id),
            )

    async def delivered(self, update_id: int) -> dict[int, dict[str, Any]]:
        """The update's messages Telegram already accepted: sequence number -> Telegram's answer."""
        async with self._db.connection.execute(
            "SELECT seq, message_json FROM update_replies WHERE update_id = ?", (update_id,)
        ) as cursor:
            rows = await cursor.fetchall()
        return {row["seq"]: json.loads(row["message_json"]) for row in rows}

    async def record_delivery(
        self, update_id: int, seq: int, chat_id: int | None, message: dict[str, Any]
    ) -> None:
        """Telegram accepted message number `seq` of this update's reply, answering `message`."""
        async with self._db.transaction() as connection:
            await connection.execute(
                "INSERT OR REPLACE INTO update_replies (update_id, seq, chat_id, message_json, sent_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (update_id, seq, chat_id, json.dumps(message, ensure_ascii=False), time.time()),
            )

    async def prune(self, *, older_than: float = DONE_RETENTION_SECONDS) -> int:
        """Forget finished updates older than `older_than` seconds; returns how many."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "DELETE FROM updates WHERE state = 'done' AND done_at < ?", (time.time() - older_than,)
            )
            return cursor.rowcount

    async def counts(self) -> dict[str, int]:
        """Updates per state (for logs and tests)."""
        async with self._db.connection.execute(
            "SELECT state, COUNT(*) AS n FROM updates GROUP BY state"
        ) as cursor:
            rows = await cursor.fetchall()
        return {row["state"]: row["n"] for row in rows}
