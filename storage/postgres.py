"""The shared backend: PostgreSQL through an asyncpg pool, for several bot replicas and workers at once.

Statements are written with `?` placeholders like SQLite's and numbered (`$1`, `$2`, ...) here. Migrations run
under an advisory lock, so replicas that start together migrate once; the version lives in `whosaid_schema`.
A transaction given a `chat_id` takes a per-chat advisory lock first: the read-then-write steps that SQLite's
single writer serialises (placing an article in a story) stay serialised per chat across processes.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

import asyncpg

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

# Keys of the advisory locks WhoSaid takes, apart from any other application's on the same server.
MIGRATION_LOCK = 0x57686F5361696401  # "WhoSaid" + 1
CHAT_LOCK_PREFIX = "whosaid:chat:"

_PLACEHOLDER = re.compile(r"\?")
_STATUS_COUNT = re.compile(r"(\d+)$")
_USER_PASSWORD = re.compile(r"^([a-z]+://[^:/@?]*:)([^@/?]+)(@)")
_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&]*")


@lru_cache(maxsize=512)
def numbered(sql: str) -> str:
    """`?` placeholders as PostgreSQL's `$1, $2, ...` (WhoSaid's SQL has no `?` inside string literals)."""
    counter = iter(range(1, 10_000))
    return _PLACEHOLDER.sub(lambda _: f"${next(counter)}", sql)


def rows_changed(status: str) -> int:
    """The row count at the end of a command status such as `UPDATE 3` or `INSERT 0 1`."""
    found = _STATUS_COUNT.search(status or "")
    return int(found.group(1)) if found else 0


def redacted(url: str) -> str:
    """The URL without its password (in the user part or the query), for messages and logs."""
    url = _USER_PASSWORD.sub(r"\1***\3", url, count=1)
    return _QUERY_PASSWORD.sub(r"\1***", url)


class _Connection(Session):
    """Statements on one asyncpg connection (or the pool, which lends one per statement)."""

    def __init__(self, connection: asyncpg.Connection | asyncpg.Pool) -> None:
        self._connection = connection

    @property
    def raw(self) -> asyncpg.Connection | asyncpg.Pool:
        """The asyncpg connection, for a library that joins the transaction (the job queue)."""
        return self._connection

    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None:
        return await self._connection.fetchrow(numbered(sql), *params)

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self._connection.fetch(numbered(sql), *params))

    async def execute(self, sql: str, params: Params = ()) -> int:
        return rows_changed(await self._connection.execute(numbered(sql), *params))

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        batch = [tuple(row) for row in rows]
        if batch:
            await self._connection.executemany(numbered(sql), batch)


class PostgresDatabase(Database):
    """An asyncpg pool on one PostgreSQL database, migrated to the latest schema on `open`."""

    dialect = "postgres"

    def __init__(self, pool: asyncpg.Pool, url: str) -> None:
        self.pool = pool
        self.url = url
        self._session = _Connection(pool)

    @classmethod
    async def open(  # type: ignore[override]
        cls, url: str, *, min_connections: int = 1, max_connections: int = 10, **_: Any
    ) -> PostgresDatabase:
        """Connect to the database at `url` (any libpq URI) and migrate its schema."""
        try:
            pool = await asyncpg.create_pool(url, min_size=min_connections, max_size=max_connections)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            raise StorageError(f"can't connect to the database {redacted(url)}: {error}") from error
        database = cls(pool, url)
        try:
            await database.migrate()
        except BaseException:
            await database.close()
            raise
        return database

    @property
    def description(self) -> str:
        return redacted(self.url)

    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None:
        return await self._session.fetch_one(sql, params)

    async def fetch_all(self, sql: str, params: Params = ()) -> list[Row]:
        return await self._session.fetch_all(sql, params)

    async def execute(self, sql: str, params: Params = ()) -> int:
        return await self._session.execute(sql, params)

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        async with self.transaction() as session:
            await session.execute_many(sql, rows)

    async def schema_version(self) -> int:
        exists = await self.pool.fetchval("SELECT to_regclass('whosaid_schema') IS NOT NULL")
        if not exists:
            return 0
        return int(await self.pool.fetchval("SELECT COALESCE(MAX(version), 0) FROM whosaid_schema"))

    async def migrate(self, migrations: Sequence[Migration | str] | None = None) -> int:
        steps = [as_migration(step) for step in (MIGRATIONS if migrations is None else migrations)]
        async with self.pool.acquire() as connection, connection.transaction():
            # One migrator at a time; the others wait here and then find nothing left to do.
            await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
            await connection.execute("CREATE TABLE IF NOT EXISTS whosaid_schema (version INTEGER NOT NULL)")
            version = int(await connection.fetchval("SELECT COALESCE(MAX(version), 0) FROM whosaid_schema"))
            if version > len(steps):
                raise too_new(self.description, version, len(steps))
            # PostgreSQL's DDL is transactional: the pending steps apply together or not at all.
            for number, step in enumerate(steps[version:], start=version + 1):
                await connection.execute(step.postgres)
                await connection.execute("DELETE FROM whosaid_schema")
                await connection.execute("INSERT INTO whosaid_schema (version) VALUES ($1)", number)
        return await self.schema_version()

    @asynccontextmanager
    async def transaction(self, *, chat_id: int | None = None) -> AsyncIterator[Session]:
        async with self.pool.acquire() as connection, connection.transaction():
            if chat_id is not None:
                await connection.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", f"{CHAT_LOCK_PREFIX}{chat_id}"
                )
            yield _Connection(connection)

    async def close(self) -> None:
        if not self.pool.is_closing():
            await self.pool.close()
