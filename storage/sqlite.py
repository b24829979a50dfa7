"""The embedded backend: one SQLite file through aiosqlite, in WAL mode, the schema version in `user_version`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from storage.database import (
    MIGRATIONS,
    Database,
    Migration,
    Params,
    Row,
    Session,
    StorageError,
    as_migration,
    too_new,
)

logger = logging.getLogger(__name__)


def _reason(error: BaseException) -> str:
    text = str(error)
    if "file is not a database" in text or "malformed" in text:
        return f"{text} (the file is damaged or is not a WhoSaid database; move it away to start afresh)"
    if "unable to open" in text or isinstance(error, PermissionError):
        return f"{text} (check that the folder exists and can be written)"
    return text


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
        self.writable = True

    @classmethod
    async def open(cls, path: str | Path, *, read_only: bool = False) -> SqliteDatabase:  # type: ignore[override]
        """Open (creating if needed) the file at `path`, in WAL mode, with the schema migrated.

        Raises `StorageError` naming the file when it can't be used (not a database, damaged, a folder that
        can't be written). A file that opens but can't be written (or `read_only=True`) gives a database
        whose `writable` is False: reads work, and callers skip what they would have stored.
        """
        path = Path(path)
        try:
            if path.parent and not path.parent.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
            target: str | Path = f"file:{path}?mode=ro" if read_only else path
            connection = await aiosqlite.connect(target, isolation_level=None, uri=read_only)
        except (OSError, sqlite3.Error) as error:
            raise StorageError(f"can't open the database {path}: {_reason(error)}") from error
        database = cls(connection, path)
        try:
            await database._prepare(read_only=read_only)
        except BaseException as error:
            # Close first: an open aiosqlite connection is a thread that keeps the process alive.
            await database.close()
            if isinstance(error, sqlite3.Error | OSError):
                raise StorageError(f"can't use the database {path}: {_reason(error)}") from error
            raise
        return database

    async def _prepare(self, *, read_only: bool) -> None:
        connection = self._connection
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA busy_timeout = 5000")
        # Reading the schema is the first thing that touches the file: garbage or a truncated file fails here.
        await self.schema_version()
        self.writable = await self._can_write()
        if self.writable:
            await connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL survives application crashes; only a power loss can lose the last commit.
            await connection.execute("PRAGMA synchronous = NORMAL")
        await connection.execute("PRAGMA foreign_keys = ON")
        if self.writable:
            await self.migrate()
        elif await self.schema_version() != len(MIGRATIONS):
            raise StorageError(
                f"the database {self.path} can't be written, and its schema needs an update: "
                "make the file and its folder writable"
            )
        else:
            logger.warning("the database %s is read-only: replies go out, nothing new is stored", self.path)

    async def _can_write(self) -> bool:
        """Whether the file takes a write: rewrite its schema version in a transaction rolled back."""
        version = await self.schema_version()
        await self._connection.execute("BEGIN IMMEDIATE")
        try:
            await self._connection.execute(f"PRAGMA user_version = {version}")
        except sqlite3.OperationalError as error:
            if "readonly" in str(error) or "read-only" in str(error):
                return False
            raise
        finally:
            await self._connection.execute("ROLLBACK")
        return True

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
