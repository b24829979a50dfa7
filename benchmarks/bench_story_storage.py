"""Grouping an arriving article into a story with 1,000 articles already stored in the chat (real SQLite file).

    .venv/bin/python benchmarks/bench_story_storage.py [--stored N] [--new N]

The articles are `bench_stories`' (PolNeAR texts from ../shared/polnear when present, topped up with
generated wire stories); each is analysed by the engine (not timed: the fingerprint reads the engine's
report), stored with `ArticleStore.save`, then placed with `StoryStore.place`, exactly what the bot does when
an article arrives.
Printed: the time to place each new article (fingerprint, term statistics, the indexed candidate lookup,
`place_article`, the writes), median and 95th percentile, split into the fingerprint and the storage part;
candidates per article; how many joined a story; and the query plans (they must search the indexes).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # the repository (storage, bot) and bench_stories

from bench_stories import article_texts, percentile  # noqa: E402

from bot.article import Article  # noqa: E402
from bot.engine import analyze_many  # noqa: E402
from bot.stories import fingerprint  # noqa: E402
from storage import ArticleStore, Database  # noqa: E402
from storage.stories import StoryStore  # noqa: E402

CHAT = 42


async def query_plan(database: Database, sql: str, parameters: tuple) -> str:
    async with database.connection.execute("EXPLAIN QUERY PLAN " + sql, parameters) as cursor:
        return " | ".join(row[3] for row in await cursor.fetchall())


async def run(stored_count: int, new_count: int) -> None:
    stored_texts, new_texts, origin = article_texts(stored_count, new_count)
    stored_reports = analyze_many([Article(text=text) for text in stored_texts])
    new_reports = analyze_many([Article(text=text) for text in new_texts])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "whosaid.db"
        database = await Database.open(path)
        articles, stories = ArticleStore(database), StoryStore(database, window_days=14)
        started = time.perf_counter()
        for report in stored_reports:
            await stories.place(CHAT, await articles.save(CHAT, report, source="text"))
        fill = time.perf_counter() - started

        place_ms, print_ms, lookup_ms, candidate_counts, joined = [], [], [], [], 0
        for report in new_reports:
            article = await articles.save(CHAT, report, source="text")
            began = time.perf_counter()
            article_fingerprint = fingerprint(article.report)
            print_ms.append((time.perf_counter() - began) * 1000)
            stats = await stories.term_stats(CHAT, article_fingerprint, now=article.meta.created_at)
            began = time.perf_counter()
            found = await stories.candidates(
                CHAT, article_fingerprint, stats=stats, now=article.meta.created_at, exclude=article.id
            )
            lookup_ms.append((time.perf_counter() - began) * 1000)
            candidate_counts.append(len(found))
            began = time.perf_counter()
            membership = await stories.place(CHAT, article)
            place_ms.append((time.perf_counter() - began) * 1000)
            joined += membership.joined_now

        stored_in_chat = await articles.count(CHAT)
        async with database.connection.execute(
            "SELECT COUNT(*) FROM story_terms WHERE chat_id = ?", (CHAT,)
        ) as cursor:
            term_rows = (await cursor.fetchone())[0]
        candidate_plan = await query_plan(
            database, stories.candidate_query(3), (CHAT, "a", "b", "c", 0.0, "", 200)
        )
        stats_plan = await query_plan(
            database,
            "SELECT t.term, COUNT(DISTINCT COALESCE(s.story_id, t.article_id)) FROM story_terms t"
            " JOIN story_articles s ON s.chat_id = t.chat_id AND s.article_id = t.article_id"
            " WHERE t.chat_id = ? AND t.term IN (?, ?) AND t.indexed_at >= ? GROUP BY t.term",
            (CHAT, "a", "b", 0.0),
        )
        stories_count = await stories.count_stories(CHAT)
        await database.close()
        size = sum(f.stat().st_size for f in Path(folder).glob("whosaid.db*"))

    storage_ms = [total - own for total, own in zip(place_ms, print_ms, strict=True)]
    print(f"articles: {origin}; {stored_in_chat} in the chat after the run, {term_rows} term rows")
    print(
        f"filling the chat: {fill:.1f} s for {len(stored_texts)} articles ({fill / len(stored_texts) * 1000:.1f} ms each)"
    )
    print(
        f"placing a new article among {len(stored_texts)}: median {statistics.median(place_ms):.1f} ms, "
        f"p95 {percentile(place_ms, 0.95):.1f} ms (n={len(place_ms)})"
    )
    print(
        f"  of which fingerprint: median {statistics.median(print_ms):.1f} ms; storage (stats, lookup, "
        f"scoring, writes): median {statistics.median(storage_ms):.1f} ms, p95 {percentile(storage_ms, 0.95):.1f} ms"
    )
    print(
        f"  indexed candidate lookup alone: median {statistics.median(lookup_ms):.2f} ms, "
        f"p95 {percentile(lookup_ms, 0.95):.2f} ms; candidates: median {statistics.median(candidate_counts):.0f}, "
        f"max {max(candidate_counts)}"
    )
    print(
        f"new articles that joined a story: {joined} of {len(new_texts)}; stories in the chat: {stories_count}"
    )
    print(f"database files: {size / 1e6:.1f} MB")
    print(f"candidate query plan: {candidate_plan}")
    print(f"term statistics plan: {stats_plan}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=1000)
    parser.add_argument("--new", type=int, default=100)
    arguments = parser.parse_args()
    asyncio.run(run(arguments.stored, arguments.new))


if __name__ == "__main__":
    main()
