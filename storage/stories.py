"""Stories in a chat: fingerprints in an indexed term table, story membership, "not the same story" decisions
(and their undoing), and who sent each article (who may make those decisions in a group).

The decisions are `bot.stories`' (`place_article`); this module keeps what they need and what they decided.
Finding the earlier articles an arriving one might join is an index search on `(chat_id, term)` over the new
article's specific names (two shared names are required for a story, so asking for articles that share two
loses no match), never a scan of every stored report. Every query takes a `chat_id`; story ids are random
tokens like article ids, because they travel in callback data.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from bot.stories import Candidate, Fingerprint, Placement, TermStats, fingerprint, place_article
from bot.stories.similarity import MIN_SHARED_SPECIFIC
from storage.articles import StoredArticle, loadable
from storage.database import Database, Session

DAY = 86400.0
# The most candidates compared in Python for one article (the most recent first). Only a chat that forwards
# hundreds of articles sharing the same two names in one window ever reaches it.
MAX_CANDIDATES = 200

_ARTICLE_COLUMNS = (
    "a.id, a.chat_id, a.created_at, a.source, a.url, a.content_hash, a.title, a.site, a.published,"
    " a.origin_json, a.claim_count, a.conflict_count, a.report_json"
)


def new_story_id() -> str:
    """An opaque, unguessable story id (12 url-safe characters)."""
    return secrets.token_urlsafe(9)


@dataclass(frozen=True)
class Membership:
    """Where an article stands: the story it is in (None: alone) and, when it just joined, how it matched."""

    article_id: str
    story_id: str | None
    placement: Placement | None = None
    joined_now: bool = False


@dataclass(frozen=True)
class ChatStory:
    """A story of one chat: its articles in the order they arrived, with their fingerprints."""

    id: str
    chat_id: int
    articles: tuple[StoredArticle, ...]
    fingerprints: tuple[Fingerprint, ...]

    def index_of(self, article_id: str) -> int | None:
        """The position of an article in `articles`, or None if it is not in this story."""
        for index, article in enumerate(self.articles):
            if article.id == article_id:
                return index
        return None


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


class StoryStore:
    """The story tables, every method scoped by chat."""

    def __init__(self, database: Database, *, window_days: int = 14) -> None:
        self._db = database
        self.window_days = window_days

    def _cutoff(self, now: float) -> float:
        return now - self.window_days * DAY

    async def membership(self, chat_id: int, article_id: str) -> Membership | None:
        """The article's story (None inside: alone), or None when it was never indexed in this chat."""
        row = await self._db.fetch_one(
            "SELECT story_id FROM story_articles WHERE chat_id = ? AND article_id = ?", (chat_id, article_id)
        )
        return Membership(article_id=article_id, story_id=row[0]) if row else None

    async def place(self, chat_id: int, article: StoredArticle, *, now: float | None = None) -> Membership:
        """Fingerprint an arriving article and put it in the story of the earlier article it matches best.

        Idempotent: an article already indexed (sent again) keeps its place and is not placed twice.
        Earlier articles count only within the window (`window_days` before `now`, default the article's
        arrival time).
        """
        known = await self.membership(chat_id, article.id)
        if known is not None:
            return known
        now = article.meta.created_at if now is None else now
        article_fingerprint = fingerprint(article.report)
        stats = await self.term_stats(chat_id, article_fingerprint, now=now)
        candidates = await self.candidates(
            chat_id, article_fingerprint, stats=stats, now=now, exclude=article.id
        )
        refused = await self.excluded_stories(chat_id, article.id)
        placement = place_article(article_fingerprint, candidates, excluded_stories=refused, stats=stats)
        async with self._db.transaction(chat_id=chat_id) as session:
            # Re-checked inside the chat's write lock: two copies of one article arriving at once (in one
            # process or two) index it once.
            row = await session.fetch_one(
                "SELECT story_id FROM story_articles WHERE chat_id = ? AND article_id = ?",
                (chat_id, article.id),
            )
            if row is not None:
                return Membership(article_id=article.id, story_id=row[0])
            story_id: str | None = None
            if placement is not None:
                story_id = await self._story_for(session, chat_id, placement, now)
            await session.execute(
                "INSERT INTO story_articles (chat_id, article_id, indexed_at, story_id)"
                " SELECT CAST(? AS BIGINT), id, CAST(? AS DOUBLE PRECISION), CAST(? AS TEXT)"
                " FROM articles WHERE chat_id = ? AND id = ?",
                (chat_id, now, story_id, chat_id, article.id),
            )
            await session.execute_many(
                "INSERT INTO story_terms"
                " (chat_id, article_id, term, kind, display, entity, count, lead, indexed_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(chat_id, article.id, *row, now) for row in article_fingerprint.to_rows()],
            )
        return Membership(
            article_id=article.id, story_id=story_id, placement=placement, joined_now=story_id is not None
        )

    async def _story_for(self, session: Session, chat_id: int, placement: Placement, now: float) -> str:
        """The story the placement names, or a new one started with the matched (so far lone) article."""
        if placement.story is not None:
            return str(placement.story)
        # The matched article may have joined a story since the candidates were read: join that one.
        row = await session.fetch_one(
            "SELECT story_id FROM story_articles WHERE chat_id = ? AND article_id = ?",
            (chat_id, placement.article),
        )
        if row is not None and row[0] is not None:
            return str(row[0])
        story_id = new_story_id()
        await session.execute(
            "INSERT INTO stories (id, chat_id, created_at) VALUES (?, ?, ?)", (story_id, chat_id, now)
        )
        await session.execute(
            "UPDATE story_articles SET story_id = ? WHERE chat_id = ? AND article_id = ?",
            (story_id, chat_id, placement.article),
        )
        return story_id

    async def term_stats(self, chat_id: int, article_fingerprint: Fingerprint, *, now: float) -> TermStats:
        """How many of the chat's stories (and lone articles) in the window hold each of the article's names."""
        cutoff = self._cutoff(now)
        documents = int(
            await self._db.fetch_value(
                "SELECT COUNT(DISTINCT COALESCE(story_id, article_id)) FROM story_articles"
                " WHERE chat_id = ? AND indexed_at >= ?",
                (chat_id, cutoff),
            )
        )
        names = [key for key, term in article_fingerprint.terms.items() if term.kind == "name"]
        if not names:
            return TermStats(documents=documents, frequency={})
        rows = await self._db.fetch_all(
            "SELECT t.term, COUNT(DISTINCT COALESCE(s.story_id, t.article_id)) FROM story_terms t"
            " JOIN story_articles s ON s.chat_id = t.chat_id AND s.article_id = t.article_id"
            f" WHERE t.chat_id = ? AND t.term IN ({_placeholders(len(names))}) AND t.indexed_at >= ?"
            " GROUP BY t.term",
            (chat_id, *names, cutoff),
        )
        return TermStats(documents=documents, frequency={term: int(count) for term, count in rows})

    def candidate_query(self, key_count: int) -> str:
        """The indexed lookup: the chat's articles in the window sharing two or more of the given keys."""
        # INDEXED BY (SQLite): GROUP BY article_id tempts its planner to walk the chat's whole primary key
        # instead. PostgreSQL's planner picks the index from its statistics.
        hint = " INDEXED BY story_terms_chat_term" if self._db.dialect == "sqlite" else ""
        return (
            f"SELECT article_id FROM story_terms{hint}"
            f" WHERE chat_id = ? AND term IN ({_placeholders(key_count)}) AND indexed_at >= ?"
            " AND article_id != ?"
            f" GROUP BY article_id HAVING COUNT(*) >= {MIN_SHARED_SPECIFIC}"
            " ORDER BY MAX(indexed_at) DESC LIMIT ?"
        )

    async def candidates(
        self,
        chat_id: int,
        article_fingerprint: Fingerprint,
        *,
        stats: TermStats | None,
        now: float,
        exclude: str = "",
    ) -> list[Candidate]:
        """Earlier articles of the chat that might be the same story, with their fingerprints and stories."""
        keys = sorted(article_fingerprint.lookup_keys(stats))
        if len(keys) < MIN_SHARED_SPECIFIC:
            return []
        rows = await self._db.fetch_all(
            self.candidate_query(len(keys)), (chat_id, *keys, self._cutoff(now), exclude, MAX_CANDIDATES)
        )
        ids = [row[0] for row in rows]
        if not ids:
            return []
        prints = await self._fingerprints(chat_id, ids)
        stories = await self._stories_of(chat_id, ids)
        # Oldest first, so that ties go to the article that came first (place_article keeps the first best).
        return [
            Candidate(article_id, prints[article_id], stories.get(article_id)) for article_id in reversed(ids)
        ]

    async def _fingerprints(self, chat_id: int, article_ids: Sequence[str]) -> dict[str, Fingerprint]:
        rows = await self._db.fetch_all(
            "SELECT article_id, term, kind, display, entity, count, lead FROM story_terms"
            f" WHERE chat_id = ? AND article_id IN ({_placeholders(len(article_ids))})",
            (chat_id, *article_ids),
        )
        grouped: dict[str, list[tuple]] = {article_id: [] for article_id in article_ids}
        for row in rows:
            grouped[row[0]].append(tuple(row[1:]))
        return {article_id: Fingerprint.from_rows(found) for article_id, found in grouped.items()}

    async def _stories_of(self, chat_id: int, article_ids: Sequence[str]) -> dict[str, str | None]:
        rows = await self._db.fetch_all(
            "SELECT article_id, story_id FROM story_articles"
            f" WHERE chat_id = ? AND article_id IN ({_placeholders(len(article_ids))})",
            (chat_id, *article_ids),
        )
        return {row[0]: row[1] for row in rows}

    async def excluded_stories(self, chat_id: int, article_id: str) -> set[str]:
        """The stories this article was taken out of ("not the same story")."""
        rows = await self._db.fetch_all(
            "SELECT story_id FROM story_exclusions WHERE chat_id = ? AND article_id = ?",
            (chat_id, article_id),
        )
        return {row[0] for row in rows}

    async def story(self, chat_id: int, story_id: str) -> ChatStory | None:
        """The chat's story with this id and its articles (oldest first), or None in any other chat."""
        rows = await self._db.fetch_all(
            f"SELECT {_ARTICLE_COLUMNS} FROM story_articles s"
            " JOIN stories t ON t.id = s.story_id AND t.chat_id = s.chat_id"
            " JOIN articles a ON a.id = s.article_id AND a.chat_id = s.chat_id"
            " WHERE s.chat_id = ? AND s.story_id = ? ORDER BY a.seq",
            (chat_id, story_id),
        )
        if not rows:
            return None
        articles = tuple(stored for row in rows if (stored := loadable(row)) is not None)
        prints = await self._fingerprints(chat_id, [article.id for article in articles])
        return ChatStory(
            id=story_id,
            chat_id=chat_id,
            articles=articles,
            fingerprints=tuple(prints[article.id] for article in articles),
        )

    async def story_of(self, chat_id: int, article_id: str) -> ChatStory | None:
        """The story the chat's article is in, or None (alone, unknown, or another chat's)."""
        found = await self.membership(chat_id, article_id)
        if found is None or found.story_id is None:
            return None
        return await self.story(chat_id, found.story_id)

    async def take_out(self, chat_id: int, article_id: str, story_id: str) -> bool:
        """Take the article out of the story ("not the same story") and keep it out until `put_back`.

        Returns False (and changes nothing) unless the article is in that story in this chat.
        """
        async with self._db.transaction(chat_id=chat_id) as session:
            changed = await session.execute(
                "UPDATE story_articles SET story_id = NULL WHERE chat_id = ? AND article_id = ? AND story_id = ?",
                (chat_id, article_id, story_id),
            )
            if changed != 1:
                return False
            await session.execute(
                "INSERT INTO story_exclusions (chat_id, article_id, story_id) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (chat_id, article_id, story_id),
            )
        return True

    async def put_back(self, chat_id: int, article_id: str, story_id: str) -> bool:
        """Undo `take_out`: the article goes back into the story and may be placed in it again.

        Returns False (and changes nothing) unless the article was taken out of that story in this chat and
        is in no story now (a later article may have started a new one with it).
        """
        async with self._db.transaction(chat_id=chat_id) as session:
            excluded = await session.fetch_one(
                "SELECT 1 FROM story_exclusions WHERE chat_id = ? AND article_id = ? AND story_id = ?",
                (chat_id, article_id, story_id),
            )
            alone = await session.fetch_one(
                "SELECT 1 FROM story_articles WHERE chat_id = ? AND article_id = ? AND story_id IS NULL",
                (chat_id, article_id),
            )
            story = await session.fetch_one(
                "SELECT 1 FROM stories WHERE chat_id = ? AND id = ?", (chat_id, story_id)
            )
            if excluded is None or alone is None or story is None:
                return False
            await session.execute(
                "DELETE FROM story_exclusions WHERE chat_id = ? AND article_id = ? AND story_id = ?",
                (chat_id, article_id, story_id),
            )
            await session.execute(
                "UPDATE story_articles SET story_id = ? WHERE chat_id = ? AND article_id = ?",
                (story_id, chat_id, article_id),
            )
        return True

    async def note_sender(self, chat_id: int, article_id: str, user_id: int) -> None:
        """Remember that `user_id` sent the chat's article (everyone who sent it is kept)."""
        if not self._db.writable:
            return
        await self._db.execute(
            "INSERT INTO article_senders (chat_id, article_id, user_id)"
            " SELECT CAST(? AS BIGINT), id, CAST(? AS BIGINT) FROM articles WHERE chat_id = ? AND id = ?"
            " ON CONFLICT DO NOTHING",
            (chat_id, user_id, chat_id, article_id),
        )

    async def sent_by(self, chat_id: int, article_id: str, user_id: int) -> bool:
        """Whether `user_id` sent the chat's article."""
        row = await self._db.fetch_one(
            "SELECT 1 FROM article_senders WHERE chat_id = ? AND article_id = ? AND user_id = ?",
            (chat_id, article_id, user_id),
        )
        return row is not None

    async def count_stories(self, chat_id: int) -> int:
        """How many stories of two or more articles the chat has."""
        return int(
            await self._db.fetch_value(
                "SELECT COUNT(*) FROM (SELECT story_id FROM story_articles"
                " WHERE chat_id = ? AND story_id IS NOT NULL GROUP BY story_id HAVING COUNT(*) >= 2) AS joined",
                (chat_id,),
            )
        )
