"""The embedded backend: one SQLite file through aiosqlite, in WAL mode, the schema version in `user_version`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from storage.database import MIGRATIONS, Database, Migration, Params, Row, Session, as_migration, too_new


class _Connection(Session):
    """Statements on the one aiosqlite connection."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None:
        async with self._connection.execute(sql, tuple(params)) as cursor:
            return await cursor.fetchone()

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Row]:
        async with self._connection.execute(sql, tuple(params)) as cursor:
            return list(await cursor.fetchall())

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self._connection.execute(sql, tuple(params)) as cursor:
            return cursor.rowcount

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        await self._connection.executemany(sql, [tuple(row) for row in rows])


class SqliteDatabase(Database):
    """One aiosqlite connection to the WhoSaid file, migrated to the latest schema on `open`."""

    dialect = "sqlite"

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._connection = connection
        self._session = _Connection(connection)
        self.path = path
        # One connection serves every coroutine: a lock keeps one multi-statement transaction from
        # interleaving with another's statements.
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path) -> SqliteDatabase:  # type: ignore[override]
        """Open (creating if needed) the file at `path`, in WAL mode, with the schema migrated."""
        path = Path(path)
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(path, isolation_level=None)
        connection.row_factory = aiosqlite.Row
        database = cls(connection, path)
        try:
            await connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL survives application crashes; only a power loss can lose the last commit.
            await connection.execute("PRAGMA synchronous = NORMAL")
            await connection.execute("PRAGMA foreign_keys = ON")
            await connection.execute("PRAGMA busy_timeout = 5000")
            await database.migrate()
        except BaseException:
            await database.close()
            raise
        return database

    @property
    def description(self) -> str:
        return str(self.path)

    @property
    def connection(self) -> aiosqlite.Connection:
        """The underlying connection, for SQLite-only checks (PRAGMAs, query plans)."""
        return self._connection

    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None:
        return await self._session.fetch_one(sql, params)

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Row]:
        return await self._session.fetch_all(sql, params)

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self.transaction() as session:
            return await session.execute(sql, params)

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        async with self.transaction() as session:
            await session.execute_many(sql, rows)

    async def schema_version(self) -> int:
        """The file's `PRAGMA user_version`."""
        return int(await self.fetch_value("PRAGMA user_version") or 0)

    async def migrate(self, migrations: Sequence[Migration | str] | None = None) -> int:
        steps = [as_migration(step) for step in (MIGRATIONS if migrations is None else migrations)]
        version = await self.schema_version()
        if version > len(steps):
            raise too_new(self.description, version, len(steps))
        async with self._write_lock:
            for number, step in enumerate(steps[version:], start=version + 1):
                await self._connection.executescript(
                    f"BEGIN IMMEDIATE;\n{step.sqlite}\nPRAGMA user_version = {number};\nCOMMIT;"
                )
        return await self.schema_version()

    @asynccontextmanager
    async def transaction(self, *, chat_id: int | None = None) -> AsyncIterator[Session]:
        # BEGIN IMMEDIATE takes the file's write lock, so every write transaction is serialised: no chat
        # lock is needed on top.
        async with self._write_lock:
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._session
            except BaseException:
                await self._connection.execute("ROLLBACK")
                raise
            await self._connection.execute("COMMIT")

    async def close(self) -> None:
        # aiosqlite raises ValueError when the connection is already closed.
        with contextlib.suppress(ValueError):
            await self._connection.close()
