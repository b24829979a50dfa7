"""WhoSaid's storage: one async API over SQLite (one file, the default) or PostgreSQL, everything keyed and
scoped by chat."""

from storage.articles import ArticleMeta, ArticleStore, Origin, StoredArticle, content_hash, normalize_url
from storage.database import (
    CHAT_TABLES,
    MIGRATIONS,
    Database,
    Migration,
    Session,
    StorageError,
    is_postgres_url,
)
from storage.update_log import DatabaseUpdateLog, PendingUpdate, SingleProcessUpdateLog, UpdateLog

__all__ = [
    "CHAT_TABLES",
    "MIGRATIONS",
    "ArticleMeta",
    "ArticleStore",
    "Database",
    "DatabaseUpdateLog",
    "Migration",
    "Origin",
    "PendingUpdate",
    "Session",
    "SingleProcessUpdateLog",
    "StorageError",
    "StoredArticle",
    "UpdateLog",
    "content_hash",
    "is_postgres_url",
    "normalize_url",
]
