"""Articles a chat sent, with their reports: saving, finding again, history, dedupe.

Every query takes a `chat_id` and filters on it: an article id alone never reaches a row, so a chat can only
ever see its own articles even when it guesses (or forges) another chat's id. Ids are random tokens, never
sequence numbers, because they travel in callback data.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import time
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel

from bot.report import Report
from storage.database import Database

logger = logging.getLogger(__name__)

SourceKind = Literal["text", "link", "document"]
OriginKind = Literal["channel", "chat", "user", "hidden_user"]

_META_COLUMNS = (
    "id, chat_id, created_at, source, url, content_hash, title, site, published, origin_json, "
    "claim_count, conflict_count"
)


class Origin(BaseModel):
    """Where a forwarded message came from (Telegram's `forward_origin`)."""

    kind: OriginKind
    name: str
    username: str | None = None
    date: str | None = None

    @property
    def link(self) -> str | None:
        """A t.me link to the origin, when it has a public username."""
        return f"https://t.me/{self.username}" if self.username else None


@dataclass(frozen=True)
class ArticleMeta:
    """What we know about a stored article without loading its report."""

    id: str
    chat_id: int
    created_at: float
    source: SourceKind
    url: str | None
    content_hash: str
    title: str | None
    site: str | None
    published: str | None
    origin: Origin | None
    claim_count: int
    conflict_count: int


@dataclass(frozen=True)
class StoredArticle:
    """A stored article: its metadata and its report."""

    meta: ArticleMeta
    report: Report

    @property
    def id(self) -> str:
        return self.meta.id


# How many of a chat's newest articles `latest` looks through for one whose report loads.
LATEST_LOOKBACK = 20


def new_article_id() -> str:
    """An opaque, unguessable id (12 url-safe characters, 72 random bits)."""
    return secrets.token_urlsafe(9)


_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """A hash of the text that ignores differences of spacing and case, so a re-paste matches."""
    normalized = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def normalize_url(url: str) -> str:
    """The link without its fragment, with a lower-cased scheme and host, for dedupe."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _meta_from_row(row: object) -> ArticleMeta:
    origin_json = row["origin_json"]  # type: ignore[index]
    return ArticleMeta(
        id=row["id"],  # type: ignore[index]
        chat_id=row["chat_id"],  # type: ignore[index]
        created_at=row["created_at"],  # type: ignore[index]
        source=row["source"],  # type: ignore[index]
        url=row["url"],  # type: ignore[index]
        content_hash=row["content_hash"],  # type: ignore[index]
        title=row["title"],  # type: ignore[index]
        site=row["site"],  # type: ignore[index]
        published=row["published"],  # type: ignore[index]
        origin=Origin.model_validate_json(origin_json) if origin_json else None,
        claim_count=row["claim_count"],  # type: ignore[index]
        conflict_count=row["conflict_count"],  # type: ignore[index]
    )


def _stored_from_row(row: object) -> StoredArticle:
    return StoredArticle(meta=_meta_from_row(row), report=Report.model_validate_json(row["report_json"]))  # type: ignore[index]


def loadable(row: object) -> StoredArticle | None:
    """The stored article in `row`, or None (logged) when its report no longer loads.

    A report written by an older or broken version must not break the chat's other commands: it is
    treated as absent, and sending the article again stores a fresh report over it.
    """
    try:
        return _stored_from_row(row)
    except (ValueError, TypeError) as error:
        logger.warning("stored article %s doesn't load (%s); leaving it out", row["id"], error)  # type: ignore[index]
        return None


class ArticleStore:
    """The articles table, every method scoped by chat."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def save(
        self,
        chat_id: int,
        report: Report,
        *,
        source: SourceKind,
        url: str | None = None,
        origin: Origin | None = None,
        source_text: str | None = None,
        title: str | None = None,
    ) -> StoredArticle:
        """Store `report` for `chat_id`; if the chat already has this text, return that article instead.

        `source_text` is the text as the user sent it (before the engine prepared it), so sending it again
        finds this article through `find_by_text`; it defaults to the report's text. `title` is the title to
        list the article under (default: the report's).
        """
        digest = content_hash(report.text if source_text is None else source_text)
        article_id = new_article_id()
        stored_url = normalize_url(url) if url else None
        if not self._db.writable:
            # Read-only storage: the reply still goes out, built from an article that is not kept.
            meta = ArticleMeta(
                id=article_id, chat_id=chat_id, created_at=time.time(), source=source, url=stored_url,
                content_hash=digest, title=title or report.title, site=report.site, published=report.published,
                origin=origin, claim_count=len(report.claims), conflict_count=len(report.conflicts),
            )  # fmt: skip
            return StoredArticle(meta=meta, report=report)
        await self._db.execute(
            "INSERT INTO articles (id, chat_id, created_at, source, url, content_hash, title, site,"
            " published, origin_json, claim_count, conflict_count, report_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (chat_id, content_hash) DO NOTHING",
            (
                article_id,
                chat_id,
                time.time(),
                source,
                stored_url,
                digest,
                title or report.title,
                report.site,
                report.published,
                origin.model_dump_json() if origin else None,
                len(report.claims),
                len(report.conflicts),
                report.to_json(),
            ),
        )
        stored = await self.find_by_hash(chat_id, digest)
        if stored is None:
            # The chat's earlier copy of this text has a report that no longer loads: store the new one over it.
            await self._db.execute(
                "UPDATE articles SET report_json = ?, claim_count = ?, conflict_count = ?"
                " WHERE chat_id = ? AND content_hash = ?",
                (report.to_json(), len(report.claims), len(report.conflicts), chat_id, digest),
            )
            stored = await self.find_by_hash(chat_id, digest)
        if stored is None:  # pragma: no cover - the row was inserted or already there
            raise RuntimeError("article vanished right after it was saved")
        return stored

    async def _one(self, sql: str, parameters: tuple[object, ...]) -> StoredArticle | None:
        row = await self._db.fetch_one(sql, parameters)
        return loadable(row) if row else None

    async def get(self, chat_id: int, article_id: str) -> StoredArticle | None:
        """The article with this id, only if it belongs to `chat_id`."""
        return await self._one(
            f"SELECT {_META_COLUMNS}, report_json FROM articles WHERE chat_id = ? AND id = ?",
            (chat_id, article_id),
        )

    async def find_by_hash(self, chat_id: int, digest: str) -> StoredArticle | None:
        """The chat's article whose text has this `content_hash`."""
        return await self._one(
            f"SELECT {_META_COLUMNS}, report_json FROM articles WHERE chat_id = ? AND content_hash = ?",
            (chat_id, digest),
        )

    async def find_by_text(self, chat_id: int, text: str) -> StoredArticle | None:
        """The chat's article with the same text (spacing and case aside)."""
        return await self.find_by_hash(chat_id, content_hash(text))

    async def find_by_url(self, chat_id: int, url: str) -> StoredArticle | None:
        """The chat's latest article fetched from this link."""
        return await self._one(
            f"SELECT {_META_COLUMNS}, report_json FROM articles WHERE chat_id = ? AND url = ?"
            " ORDER BY seq DESC LIMIT 1",
            (chat_id, normalize_url(url)),
        )

    async def latest(self, chat_id: int) -> StoredArticle | None:
        """The chat's most recent article whose report loads."""
        rows = await self._db.fetch_all(
            f"SELECT {_META_COLUMNS}, report_json FROM articles WHERE chat_id = ? ORDER BY seq DESC LIMIT ?",
            (chat_id, LATEST_LOOKBACK),
        )
        for row in rows:
            if (stored := loadable(row)) is not None:
                return stored
        return None

    async def history(self, chat_id: int, limit: int = 10) -> list[ArticleMeta]:
        """The chat's most recent articles, newest first, without their reports."""
        rows = await self._db.fetch_all(
            f"SELECT {_META_COLUMNS} FROM articles WHERE chat_id = ? ORDER BY seq DESC LIMIT ?",
            (chat_id, limit),
        )
        return [_meta_from_row(row) for row in rows]

    async def count(self, chat_id: int) -> int:
        """How many articles the chat has stored."""
        return int(await self._db.fetch_value("SELECT COUNT(*) FROM articles WHERE chat_id = ?", (chat_id,)))

    async def link_message(self, chat_id: int, message_id: int, article_id: str) -> None:
        """Remember that bot message `message_id` in `chat_id` shows `article_id` (for replies)."""
        if not self._db.writable:
            return
        # The INSERT only happens if the article is this chat's, so no chat can attach another's article.
        await self._db.execute(
            "INSERT INTO summary_messages (chat_id, message_id, article_id)"
            " SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), id FROM articles WHERE chat_id = ? AND id = ?"
            " ON CONFLICT (chat_id, message_id) DO UPDATE SET article_id = excluded.article_id",
            (chat_id, message_id, chat_id, article_id),
        )

    async def by_message(self, chat_id: int, message_id: int) -> StoredArticle | None:
        """The article a bot message in this chat shows, if any."""
        prefixed = ", ".join(f"a.{column.strip()}" for column in _META_COLUMNS.split(","))
        return await self._one(
            f"SELECT {prefixed}, a.report_json FROM summary_messages m"
            " JOIN articles a ON a.id = m.article_id AND a.chat_id = m.chat_id"
            " WHERE m.chat_id = ? AND m.message_id = ?",
            (chat_id, message_id),
        )

    async def remove(self, chat_id: int, article_id: str) -> None:
        """Delete one of this chat's articles; its message links and story rows go with it (cascade)."""
        async with self._db.transaction() as connection:
            await connection.execute("DELETE FROM articles WHERE chat_id = ? AND id = ?", (chat_id, article_id))

    async def forget_chat(self, chat_id: int) -> None:
        """Delete everything stored for this chat (articles, message links, and any later chat tables)."""
        await self._db.forget_chat(chat_id)
