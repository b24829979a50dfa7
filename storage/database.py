"""The database behind one async API: SQLite (one file, the default) or PostgreSQL (shared by many processes).

`Database.open(target)` takes a path (SQLite, WAL mode) or a `postgresql://` URL (any libpq URI, a Unix-socket
`?host=/run/pg` included) and returns a database migrated to the latest schema. The stores (`ArticleStore`,
`StoryStore`, ...) speak to it only through `Session`: `fetch_one`, `fetch_all`, `fetch_value`, `execute`,
`execute_many`, with `?` placeholders, and `transaction()` for work that must commit together. SQL that the
two dialects read differently is written once in the subset both accept (`ON CONFLICT`, `CAST(? AS BIGINT)`),
and the few real differences ask `Database.dialect`.

`MIGRATIONS` is an ordered list: migration N (1-based) takes a database from version N-1 to N, each with its
SQLite and its PostgreSQL text, so a feature that needs new tables appends one migration and never edits an old
one. The version lives in `PRAGMA user_version` (SQLite) or the `whosaid_schema` table (PostgreSQL).
`CHAT_TABLES` lists every table keyed by `chat_id`, so `/forget` can clear a chat completely: a migration that
adds such a table appends its name there too.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

Dialect = Literal["sqlite", "postgres"]
Params = Sequence[object]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Migration:
    """One schema step, written for each dialect (a plain string is taken as valid for both)."""

    sqlite: str
    postgres: str

    def for_dialect(self, dialect: Dialect) -> str:
        return self.sqlite if dialect == "sqlite" else self.postgres


_ARTICLES_V1 = Migration(
    sqlite="""
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
""",
    # Telegram chat ids (-100...) need 64 bits; times are float seconds as in SQLite.
    postgres="""
CREATE TABLE articles (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    chat_id BIGINT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
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

CREATE TABLE summary_messages (
    chat_id BIGINT NOT NULL,
    message_id BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX summary_messages_article ON summary_messages (article_id);
""",
)

_STORIES_V2 = Migration(
    sqlite="""
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
""",
    postgres="""
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    chat_id BIGINT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL
);
CREATE INDEX stories_chat ON stories (chat_id);

CREATE TABLE story_articles (
    chat_id BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    indexed_at DOUBLE PRECISION NOT NULL,
    story_id TEXT REFERENCES stories (id) ON DELETE SET NULL,
    PRIMARY KEY (chat_id, article_id)
);
CREATE INDEX story_articles_chat_time ON story_articles (chat_id, indexed_at);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE TABLE story_terms (
    chat_id BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    kind TEXT NOT NULL,
    display TEXT NOT NULL,
    entity TEXT NOT NULL,
    count INTEGER NOT NULL,
    lead INTEGER NOT NULL,
    indexed_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (chat_id, article_id, term)
);
CREATE INDEX story_terms_chat_term ON story_terms (chat_id, term, indexed_at, article_id);

CREATE TABLE story_exclusions (
    chat_id BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, article_id, story_id)
);
""",
)

_INTAKE_V3 = Migration(
    sqlite="""
-- Durable update log (storage/update_log.py): every update, written before Telegram is told it arrived.
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
""",
    postgres="""
CREATE TABLE updates (
    update_id BIGINT PRIMARY KEY,
    chat_id BIGINT,
    received_at DOUBLE PRECISION NOT NULL,
    state TEXT NOT NULL,
    payload_json TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DOUBLE PRECISION NOT NULL DEFAULT 0,
    done_at DOUBLE PRECISION
);
CREATE INDEX updates_state ON updates (state, next_attempt_at);
CREATE INDEX updates_chat ON updates (chat_id);

CREATE TABLE update_replies (
    update_id BIGINT NOT NULL,
    seq INTEGER NOT NULL,
    chat_id BIGINT,
    message_json TEXT NOT NULL,
    sent_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (update_id, seq)
);
CREATE INDEX update_replies_chat ON update_replies (chat_id);
""",
)

_SENDERS_V4 = Migration(
    sqlite="""
-- Who sent each article into the chat (everyone who sent it, when several did): in a group, taking an
-- article out of the chat's story, or putting it back, is for them and the chat's admins.
CREATE TABLE article_senders (
    chat_id INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (chat_id, article_id, user_id)
);
""",
    postgres="""
CREATE TABLE article_senders (
    chat_id BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL,
    PRIMARY KEY (chat_id, article_id, user_id)
);
""",
)

MIGRATIONS: list[Migration] = [_ARTICLES_V1, _STORIES_V2, _INTAKE_V3, _SENDERS_V4]
"""Ordered schema migrations; append only. Index i brings the database to version i + 1."""

CHAT_TABLES: list[str] = [
    "articles",
    "summary_messages",
    "stories",
    "story_articles",
    "story_terms",
    "story_exclusions",
    "article_senders",
    "updates",
    "update_replies",
]
"""Tables with a `chat_id` column, cleared by `Database.forget_chat` (children after parents in this list)."""


def as_migration(step: Migration | str) -> Migration:
    """A migration from either form (a plain string is one script both dialects accept)."""
    return step if isinstance(step, Migration) else Migration(sqlite=step, postgres=step)


def is_postgres_url(target: str | Path) -> bool:
    """Whether a database setting names a PostgreSQL server rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


class StorageError(Exception):
    """The database can't be used; the message names it (the file, or the server without its password) and
    says why."""


class Row(Protocol):
    """A result row: by column name or by position (sqlite3.Row and asyncpg.Record both are)."""

    def __getitem__(self, key: Any) -> Any: ...


class Session(ABC):
    """What a store can ask of the database, or of an open transaction: `?` placeholders in both dialects."""

    @abstractmethod
    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None:
        """The first row of a query, or None."""

    @abstractmethod
    async def fetch_all(self, sql: str, params: Params = ()) -> list[Row]:
        """Every row of a query."""

    async def fetch_value(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row (None without a row)."""
        row = await self.fetch_one(sql, params)
        return None if row is None else row[0]

    @abstractmethod
    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; returns how many rows it changed."""

    @abstractmethod
    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement once per parameter row."""


class Database(Session):
    """A migrated database: reads and single writes directly, related writes in `transaction()`."""

    dialect: Dialect
    # False for an SQLite file that can be read but not written: replies still go out, nothing is stored.
    writable: bool = True

    @staticmethod
    async def open(target: str | Path, **options: Any) -> Database:
        """Open (creating and migrating if needed) the SQLite file at a path, or the PostgreSQL database at
        a `postgresql://` URL. Raises `StorageError` naming the database when it can't be used."""
        if is_postgres_url(target):
            from storage.postgres import PostgresDatabase

            return await PostgresDatabase.open(str(target), **options)
        from storage.sqlite import SqliteDatabase

        path = str(target)
        if path.startswith("sqlite:///"):
            path = path[len("sqlite:///") :]
        return await SqliteDatabase.open(Path(path), **options)

    @abstractmethod
    def transaction(self, *, chat_id: int | None = None) -> AbstractAsyncContextManager[Session]:
        """A write transaction, committed on success and rolled back on any exception.

        `chat_id` serialises the transaction with the chat's other ones (SQLite serialises every write
        transaction anyway; PostgreSQL takes a per-chat lock), for read-then-write steps such as placing an
        article in a story.
        """

    @abstractmethod
    async def schema_version(self) -> int:
        """The version the schema is at (the number of migrations applied)."""

    @abstractmethod
    async def migrate(self, migrations: Sequence[Migration | str] | None = None) -> int:
        """Apply each migration the database hasn't seen yet, one transaction each; returns the new version."""

    @abstractmethod
    async def close(self) -> None:
        """Close the connections (idempotent)."""

    @property
    @abstractmethod
    def description(self) -> str:
        """Where the data lives, for messages: the file, or the server without its password."""

    async def forget_chat(self, chat_id: int) -> None:
        """Delete every row of every chat-keyed table for `chat_id`, in one transaction."""
        async with self.transaction(chat_id=chat_id) as session:
            for table in reversed(CHAT_TABLES):
                await session.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))


def too_new(description: str, version: int, known: int) -> RuntimeError:
    """The error for a database migrated by a newer WhoSaid."""
    return RuntimeError(
        f"{description} has schema version {version}, newer than this WhoSaid knows ({known})."
    )
