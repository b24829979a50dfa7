"""WhoSaid's storage: one SQLite file (aiosqlite, WAL), everything keyed and scoped by chat."""

from storage.articles import ArticleMeta, ArticleStore, Origin, StoredArticle, content_hash, normalize_url
from storage.database import CHAT_TABLES, MIGRATIONS, Database, StorageError
from storage.intake import PendingUpdate, SqliteIntake, UpdateIntake

__all__ = [
    "CHAT_TABLES",
    "MIGRATIONS",
    "ArticleMeta",
    "ArticleStore",
    "Database",
    "Origin",
    "PendingUpdate",
    "SqliteIntake",
    "StorageError",
    "StoredArticle",
    "UpdateIntake",
    "content_hash",
    "normalize_url",
]
