"""WhoSaid's storage: one SQLite file (aiosqlite, WAL), everything keyed and scoped by chat."""

from storage.articles import ArticleMeta, ArticleStore, Origin, StoredArticle, content_hash, normalize_url
from storage.database import CHAT_TABLES, MIGRATIONS, Database

__all__ = [
    "CHAT_TABLES",
    "MIGRATIONS",
    "ArticleMeta",
    "ArticleStore",
    "Database",
    "Origin",
    "StoredArticle",
    "content_hash",
    "normalize_url",
]
