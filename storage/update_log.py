"""Durable update log: every update is written down before Telegram is told it arrived, and kept until answered.

This is the seam between receiving work and doing it. `UpdateLog` is the interface; `DatabaseUpdateLog` keeps
it in the bot's database, an SQLite file or a PostgreSQL database shared by replicas and workers:

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
start: the only duplicate durable update log allows.

One process needs nothing more: it knows which updates it is handling (`bot.update_log.DurableUpdateQueue` keeps
them in memory). When several processes share the database (`shared=True`: replicas behind a load balancer), an update is
handled by the process that recorded it, and `next_attempt_at` is its lease: `record` sets it `LEASE_SECONDS`
ahead, the recorder renews it while the update is in hand (`renew`), and `pending` hands an update to another
process only once its lease has run out (the recorder died), claiming it with a new lease in the same
statement. An update handed to the job queue (`hand_off`) is in state `queued`: the queue's worker finishes it,
and the sweeps leave it alone.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from typing import Any, Protocol

from storage.database import Database, Row, Session

# Finished updates are remembered this long (by id only) so a late redelivery is not handled twice.
DONE_RETENTION_SECONDS = 7 * 86400.0
# Shared database: how long an update stays with the process that took it before another may take it over.
LEASE_SECONDS = 60.0
# The most pending updates one sweep takes.
SWEEP_LIMIT = 200
# States of an update: waiting or being handled, handed to the job queue, and the three ways it ends.
PENDING, QUEUED, DONE, FAILED, REFUSED = "pending", "queued", "done", "failed", "refused"
CLOSED_STATES = (DONE, FAILED, REFUSED)


def to_json(payload: dict[str, Any]) -> str:
    """An update as JSON, whatever it carries: python-telegram-bot leaves some dates as datetimes (a message
    Telegram can no longer show has date 0), so those become Unix times, and anything else unknown a string."""

    def plain(value: object) -> object:
        if isinstance(value, dt.datetime):
            return int(value.timestamp())
        return str(value)

    return json.dumps(payload, ensure_ascii=False, default=plain)


@dataclass(frozen=True)
class PendingUpdate:
    """An update recorded and not finished: its id, chat, the update as Telegram sent it, and attempts so far."""

    update_id: int
    chat_id: int | None
    payload: dict[str, Any]
    attempts: int
    received_at: float = 0.0


class UpdateLog(Protocol):
    """Where received updates and their delivered replies are kept until each update is answered."""

    async def record(self, update_id: int, chat_id: int | None, payload: dict[str, Any]) -> bool: ...

    async def pending(self, *, due_before: float | None = None) -> list[PendingUpdate]: ...

    async def mark_done(self, update_id: int) -> None: ...

    async def defer(self, update_id: int, delay: float) -> None: ...

    async def close(self, update_id: int, state: str) -> None: ...

    async def refuse(self, update_id: int, chat_id: int | None, kind: str) -> None: ...

    async def delivered(self, update_id: int) -> dict[int, dict[str, Any]]: ...

    async def record_delivery(
        self, update_id: int, seq: int, chat_id: int | None, message: dict[str, Any]
    ) -> None: ...


class DatabaseUpdateLog:
    """`UpdateLog` in the bot's database (tables `updates` and `update_replies`, migration 3)."""

    def __init__(self, database: Database, *, shared: bool | None = None) -> None:
        self._db = database
        self.shared = database.dialect == "postgres" if shared is None else shared

    async def record(self, update_id: int, chat_id: int | None, payload: dict[str, Any]) -> bool:
        """Write the update down (committed before returning); False if it was already recorded."""
        now = time.time()
        changed = await self._db.execute(
            "INSERT INTO updates (update_id, chat_id, received_at, state, payload_json, next_attempt_at)"
            " VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT (update_id) DO NOTHING",
            (
                update_id,
                chat_id,
                now,
                to_json(payload),
                now + LEASE_SECONDS if self.shared else 0.0,
            ),
        )
        return changed == 1

    async def pending(self, *, due_before: float | None = None) -> list[PendingUpdate]:
        """Unfinished updates, oldest first (only those due by `due_before`, when given).

        Shared: only updates whose lease has run out, whatever `due_before` says (another process may be
        handling the rest), each claimed for this process with a fresh lease.
        """
        if self.shared:
            return await self._claim_due(time.time() if due_before is None else due_before)
        sql = "SELECT update_id, chat_id, payload_json, attempts, received_at FROM updates WHERE state = 'pending'"
        parameters: tuple[object, ...] = ()
        if due_before is not None:
            sql += " AND next_attempt_at <= ?"
            parameters = (due_before,)
        rows = await self._db.fetch_all(sql + " ORDER BY update_id", parameters)
        return [_pending_from_row(row) for row in rows]

    async def _claim_due(self, due_before: float) -> list[PendingUpdate]:
        now = time.time()
        # SKIP LOCKED: two sweeps at once take different updates instead of waiting for each other (SQLite
        # serialises writers anyway).
        skip_locked = " FOR UPDATE SKIP LOCKED" if self._db.dialect == "postgres" else ""
        async with self._db.transaction() as session:
            rows = await session.fetch_all(
                "UPDATE updates SET next_attempt_at = ? WHERE update_id IN ("
                " SELECT update_id FROM updates WHERE state = 'pending' AND next_attempt_at <= ?"
                f" ORDER BY update_id LIMIT ?{skip_locked})"
                " RETURNING update_id, chat_id, payload_json, attempts, received_at",
                (now + LEASE_SECONDS, min(due_before, now), SWEEP_LIMIT),
            )
        return sorted((_pending_from_row(row) for row in rows), key=lambda pending: pending.update_id)

    async def renew(self, update_ids: list[int]) -> None:
        """Shared: keep the lease on updates this process is still handling."""
        if not self.shared or not update_ids:
            return
        await self._db.execute(
            "UPDATE updates SET next_attempt_at = ? WHERE state = 'pending'"
            f" AND update_id IN ({', '.join('?' * len(update_ids))})",
            (time.time() + LEASE_SECONDS, *update_ids),
        )

    async def hand_off(self, session: Session, update_id: int) -> bool:
        """Inside `session`'s transaction: mark the update as handed to the job queue. False if it was
        already handed off or finished (then it must not be queued again)."""
        changed = await session.execute(
            "UPDATE updates SET state = 'queued' WHERE update_id = ? AND state = 'pending'", (update_id,)
        )
        return changed == 1

    async def state(self, update_id: int) -> str | None:
        """The update's state (`pending`, `queued`, `done`), or None if it isn't recorded."""
        return await self._db.fetch_value("SELECT state FROM updates WHERE update_id = ?", (update_id,))

    async def payload(self, update_id: int) -> dict[str, Any] | None:
        """The update as Telegram sent it, while it is unfinished."""
        text = await self._db.fetch_value(
            "SELECT payload_json FROM updates WHERE update_id = ?", (update_id,)
        )
        return json.loads(text) if text else None

    async def unfinished(self, update_id: int) -> PendingUpdate | None:
        """The update with its attempts so far, while it is pending or queued."""
        row = await self._db.fetch_one(
            "SELECT update_id, chat_id, payload_json, attempts, received_at FROM updates"
            " WHERE update_id = ? AND state IN ('pending', 'queued') AND payload_json IS NOT NULL",
            (update_id,),
        )
        return _pending_from_row(row) if row is not None else None

    async def mark_done(self, update_id: int) -> None:
        """The update is answered: drop its payload and its reply journal, keep its id for a while."""
        now = time.time()
        async with self._db.transaction() as session:
            await session.execute(
                "UPDATE updates SET state = 'done', payload_json = NULL, done_at = ? WHERE update_id = ?",
                (now, update_id),
            )
            await session.execute("DELETE FROM update_replies WHERE update_id = ?", (update_id,))

    async def close(self, update_id: int, state: str) -> None:
        """The update ended without an answer: `failed` (given up after its attempts or its deadline; the
        person was told) or `refused`. Like `mark_done`, only its id is kept."""
        if state not in CLOSED_STATES:
            raise ValueError(f"not a closing state: {state}")
        async with self._db.transaction() as session:
            await session.execute(
                "UPDATE updates SET state = ?, payload_json = NULL, done_at = ? WHERE update_id = ?",
                (state, time.time(), update_id),
            )
            await session.execute("DELETE FROM update_replies WHERE update_id = ?", (update_id,))

    async def refuse(self, update_id: int, chat_id: int | None, kind: str) -> None:
        """Record an update that is not handled at all (one the library can't read): refused at once, with
        its kind instead of its payload, so a redelivery of it is recognised and dropped."""
        now = time.time()
        await self._db.execute(
            "INSERT INTO updates (update_id, chat_id, received_at, state, payload_json, done_at)"
            " VALUES (?, ?, ?, 'refused', ?, ?) ON CONFLICT (update_id) DO NOTHING",
            (update_id, chat_id, now, json.dumps({"kind": kind}), now),
        )

    async def defer(self, update_id: int, delay: float) -> None:
        """Keep the update pending and due again after `delay` seconds."""
        await self._db.execute(
            "UPDATE updates SET attempts = attempts + 1, next_attempt_at = ?"
            " WHERE update_id = ? AND state IN ('pending', 'queued')",
            (time.time() + delay, update_id),
        )

    async def delivered(self, update_id: int) -> dict[int, dict[str, Any]]:
        """The update's messages Telegram already accepted: sequence number -> Telegram's answer."""
        rows = await self._db.fetch_all(
            "SELECT seq, message_json FROM update_replies WHERE update_id = ?", (update_id,)
        )
        return {row["seq"]: json.loads(row["message_json"]) for row in rows}

    async def record_delivery(
        self, update_id: int, seq: int, chat_id: int | None, message: dict[str, Any]
    ) -> None:
        """Telegram accepted message number `seq` of this update's reply, answering `message`."""
        await self._db.execute(
            "INSERT INTO update_replies (update_id, seq, chat_id, message_json, sent_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (update_id, seq)"
            " DO UPDATE SET chat_id = excluded.chat_id, message_json = excluded.message_json,"
            " sent_at = excluded.sent_at",
            (update_id, seq, chat_id, json.dumps(message, ensure_ascii=False), time.time()),
        )

    async def prune(self, *, older_than: float = DONE_RETENTION_SECONDS) -> int:
        """Forget finished updates older than `older_than` seconds; returns how many."""
        return await self._db.execute(
            "DELETE FROM updates WHERE state IN ('done', 'failed', 'refused') AND done_at < ?",
            (time.time() - older_than,),
        )

    async def counts(self) -> dict[str, int]:
        """Updates per state (for logs and tests)."""
        rows = await self._db.fetch_all("SELECT state, COUNT(*) AS n FROM updates GROUP BY state")
        return {row["state"]: int(row["n"]) for row in rows}


class SingleProcessUpdateLog(DatabaseUpdateLog):
    """The update_log as the embedded shape uses it, whatever the backend: one process, no leases."""

    def __init__(self, database: Database) -> None:
        super().__init__(database, shared=False)




def _pending_from_row(row: Row) -> PendingUpdate:
    return PendingUpdate(
        update_id=row["update_id"],
        chat_id=row["chat_id"],
        payload=json.loads(row["payload_json"]),
        attempts=row["attempts"],
        received_at=float(row["received_at"]),
    )
