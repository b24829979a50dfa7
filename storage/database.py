"""The SQLite file: opening it (WAL), migrating its schema, and transactions.

The schema version lives in `PRAGMA user_version`. `MIGRATIONS` is an ordered list: migration N (1-based)
takes the file from version N-1 to N, so a feature that needs new tables appends one migration and never
edits an old one. `CHAT_TABLES` lists every table keyed by `chat_id`, so `/forget` can clear a chat
completely: a migration that adds such a table appends its name there too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

logger = logging.getLogger(__name__)


class StorageError(Exception):
    """The database file can't be used; the message names the file and says why."""


def _reason(error: BaseException) -> str:
    text = str(error)
    if "file is not a database" in text or "malformed" in text:
        return f"{text} (the file is damaged or is not a WhoSaid database; move it away to start afresh)"
    if "unable to open" in text or isinstance(error, PermissionError):
        return f"{text} (check that the folder exists and can be written)"
    return text

_ARTICLES_V1 = """
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    chat_id INTEGER NOT NULL,
    created_at REAL NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    content_hash TEXT NOT NULL,
    title TEXT,
    site TEXT,
    published TEXT,
    origin_json TEXT,
    claim_count INTEGER NOT NULL DEFAULT 0,
    conflict_count INTEGER NOT NULL DEFAULT 0,
    report_json TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_chat_hash ON articles (chat_id, content_hash);
CREATE INDEX articles_chat_url ON articles (chat_id, url);
CREATE INDEX articles_chat_seq ON articles (chat_id, seq);

-- Which bot messages show which article, so a follow-up sent as a reply finds its article.
CREATE TABLE summary_messages (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX summary_messages_article ON summary_messages (article_id);
"""

_STORIES_V2 = """
-- Stories: articles of one chat that report the same event (bot.stories decides; storage remembers).
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    chat_id INTEGER NOT NULL,
    created_at REAL NOT NULL
);
CREATE INDEX stories_chat ON stories (chat_id);

-- Every fingerprinted article, with the story it is in (NULL: alone). One row per article, so an article
-- sent again never joins a story twice.
CREATE TABLE story_articles (
    chat_id INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    indexed_at REAL NOT NULL,
    story_id TEXT REFERENCES stories (id) ON DELETE SET NULL,
    PRIMARY KEY (chat_id, article_id)
);
CREATE INDEX story_articles_chat_time ON story_articles (chat_id, indexed_at);
CREATE INDEX story_articles_story ON story_articles (story_id);

-- An article's fingerprint, one row per term; (chat_id, term) finds the articles sharing a name.
CREATE TABLE story_terms (
    chat_id INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    kind TEXT NOT NULL,
    display TEXT NOT NULL,
    entity TEXT NOT NULL,
    count INTEGER NOT NULL,
    lead INTEGER NOT NULL,
    indexed_at REAL NOT NULL,
    PRIMARY KEY (chat_id, article_id, term)
);
CREATE INDEX story_terms_chat_term ON story_terms (chat_id, term, indexed_at, article_id);

-- "Not the same story": the article never goes back into that story.
CREATE TABLE story_exclusions (
    chat_id INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, article_id, story_id)
);
"""

_INTAKE_V3 = """
-- Durable intake (storage/intake.py): every update, written before Telegram is told it arrived.
CREATE TABLE updates (
    update_id INTEGER PRIMARY KEY,
    chat_id INTEGER,
    received_at REAL NOT NULL,
    state TEXT NOT NULL,
    payload_json TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL DEFAULT 0,
    done_at REAL
);
CREATE INDEX updates_state ON updates (state, next_attempt_at);
CREATE INDEX updates_chat ON updates (chat_id);

-- The reply journal: which messages of an unfinished update's reply Telegram already accepted.
CREATE TABLE update_replies (
    update_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    chat_id INTEGER,
    message_json TEXT NOT NULL,
    sent_at REAL NOT NULL,
    PRIMARY KEY (update_id, seq)
);
CREATE INDEX update_replies_chat ON update_replies (chat_id);
"""

MIGRATIONS: list[str] = [_ARTICLES_V1, _STORIES_V2, _INTAKE_V3]
"""Ordered schema migrations; append only. Index i brings the file to `user_version` i + 1."""

CHAT_TABLES: list[str] = [
    "articles",
    "summary_messages",
    "stories",
    "story_articles",
    "story_terms",
    "story_exclusions",
    "updates",
    "update_replies",
]
"""Tables with a `chat_id` column, cleared by `Database.forget_chat` (children after parents in this list)."""


class Database:
    """One aiosqlite connection to the WhoSaid file, migrated to the latest schema on `open`."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._connection = connection
        self.path = path
        # One connection serves every coroutine: a lock keeps one multi-statement transaction from
        # interleaving with another's statements.
        self._write_lock = asyncio.Lock()
        self.writable = True

    @classmethod
    async def open(cls, path: str | Path, *, read_only: bool = False) -> Database:
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
    def connection(self) -> aiosqlite.Connection:
        """The underlying connection, for single-statement reads."""
        return self._connection

    async def schema_version(self) -> int:
        """The file's `PRAGMA user_version`."""
        async with self._connection.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self, migrations: list[str] | None = None) -> int:
        """Apply each migration the file hasn't seen yet, one transaction each; returns the new version."""
        migrations = MIGRATIONS if migrations is None else migrations
        version = await self.schema_version()
        if version > len(migrations):
            raise RuntimeError(
                f"{self.path} has schema version {version}, newer than this WhoSaid knows "
                f"({len(migrations)})."
            )
        async with self._write_lock:
            for number, script in enumerate(migrations[version:], start=version + 1):
                await self._connection.executescript(
                    f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
                )
        return await self.schema_version()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction: committed on success, rolled back on any exception."""
        async with self._write_lock:
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                await self._connection.execute("ROLLBACK")
                raise
            await self._connection.execute("COMMIT")

    async def forget_chat(self, chat_id: int) -> None:
        """Delete every row of every chat-keyed table for `chat_id`, in one transaction."""
        async with self.transaction() as connection:
            for table in reversed(CHAT_TABLES):
                await connection.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))

    async def close(self) -> None:
        """Close the connection (idempotent)."""
        # aiosqlite raises ValueError when the connection is already closed.
        with contextlib.suppress(ValueError):
            await self._connection.close()
