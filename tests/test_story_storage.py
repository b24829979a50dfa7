"""Stories in storage, on both backends (a real SQLite file and a real PostgreSQL database): placing articles through the term index, membership, exclusions,
the window, chat scoping, /forget and the query plan. Reports come from the real engine over our own
fixture articles (tests/fixtures/articles/story_*.txt)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import analyze_many
from bot.report import Report
from bot.stories import TermStats, fingerprint
from storage import CHAT_TABLES, MIGRATIONS, ArticleStore, Database
from storage.stories import DAY, StoryStore

CHAT_A = 3101
CHAT_B = 3202
NAMES = [
    "story_strike_northline.txt",
    "story_strike_meridian.txt",
    "story_strike_capital.txt",
    "story_flood_veltria.txt",
]


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    from bot.article import Article
    from tests.conftest import fixture_text

    return analyze_many([Article(text=fixture_text(name)) for name in NAMES])


async def save_all(store: ArticleStore, chat_id: int, reports: list[Report]):
    return [await store.save(chat_id, report, source="text") for report in reports]


async def test_one_event_from_three_outlets_is_one_story_and_the_flood_stays_apart(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database)
    northline, meridian, capital, flood = await save_all(articles, CHAT_A, reports)
    first = await stories.place(CHAT_A, northline)
    assert first.story_id is None  # nothing earlier to join
    second = await stories.place(CHAT_A, meridian)
    assert second.story_id is not None and second.joined_now
    assert second.placement is not None and "Qasr Miral" in second.placement.similarity.why
    third = await stories.place(CHAT_A, capital)
    assert third.story_id == second.story_id
    alone = await stories.place(CHAT_A, flood)
    assert alone.story_id is None
    story = await stories.story(CHAT_A, second.story_id)
    assert story is not None
    assert [article.id for article in story.articles] == [northline.id, meridian.id, capital.id]
    assert story.fingerprints[0] == fingerprint(northline.report)
    assert await stories.story_of(CHAT_A, flood.id) is None
    assert await stories.count_stories(CHAT_A) == 1


async def test_an_article_sent_again_never_joins_twice(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database)
    northline, meridian = await save_all(articles, CHAT_A, reports[:2])
    await stories.place(CHAT_A, northline)
    joined = await stories.place(CHAT_A, meridian)
    again = await articles.save(CHAT_A, reports[1], source="text")
    assert again.id == meridian.id
    repeat = await stories.place(CHAT_A, again)
    assert repeat.story_id == joined.story_id and not repeat.joined_now
    count = "SELECT COUNT(*) FROM story_articles WHERE chat_id = ? AND article_id = ?"
    assert await database.fetch_value(count, (CHAT_A, meridian.id)) == 1
    story = await stories.story(CHAT_A, joined.story_id)
    assert story is not None and len(story.articles) == 2


async def test_candidates_come_from_the_term_index(database, reports):
    stories = StoryStore(database)
    keys = 3
    parameters = (CHAT_A, "a", "b", "c", 0.0, "", 200)
    if database.dialect == "sqlite":
        rows = await database.fetch_all("EXPLAIN QUERY PLAN " + stories.candidate_query(keys), parameters)
        plan = " | ".join(row[3] for row in rows)
        assert "USING COVERING INDEX story_terms_chat_term" in plan, plan
        assert "SCAN story_terms" not in plan and "articles" not in plan, plan
        return
    # PostgreSQL plans from statistics: on an empty table any plan is cheap, so ask whether the index can
    # serve the query at all by pricing sequential scans out.
    async with database.transaction() as session:
        await session.execute("SET LOCAL enable_seqscan = off")
        rows = await session.fetch_all("EXPLAIN " + stories.candidate_query(keys), parameters)
    plan = " | ".join(row[0] for row in rows)
    assert "story_terms_chat_term" in plan, plan
    assert "Seq Scan" not in plan and "articles" not in plan, plan


async def test_not_the_same_story_takes_it_out_and_it_stays_out(database_target, reports):
    path = database_target
    database = await Database.open(path)
    articles, stories = ArticleStore(database), StoryStore(database)
    northline, meridian, capital = await save_all(articles, CHAT_A, reports[:3])
    for article in (northline, meridian, capital):
        await stories.place(CHAT_A, article)
    story_id = (await stories.membership(CHAT_A, meridian.id)).story_id
    assert story_id is not None
    assert await stories.take_out(CHAT_A, capital.id, story_id)
    assert not await stories.take_out(CHAT_A, capital.id, story_id)  # already out
    await database.close()

    database = await Database.open(path)  # a restart keeps the decision
    articles, stories = ArticleStore(database), StoryStore(database)
    assert await stories.excluded_stories(CHAT_A, capital.id) == {story_id}
    again = await articles.save(CHAT_A, reports[2], source="text")
    assert (await stories.place(CHAT_A, again)).story_id is None
    story = await stories.story(CHAT_A, story_id)
    assert story is not None and [a.id for a in story.articles] == [northline.id, meridian.id]
    await database.close()


async def test_an_excluded_article_placed_afresh_does_not_rejoin(database, reports):
    """The exclusion is data `place_article` honours: with the article's index row gone (as for an article
    stored before stories existed), placing it again skips the story it was taken out of."""
    articles, stories = ArticleStore(database), StoryStore(database)
    northline, meridian, capital = await save_all(articles, CHAT_A, reports[:3])
    for article in (northline, meridian, capital):
        await stories.place(CHAT_A, article)
    story_id = (await stories.membership(CHAT_A, capital.id)).story_id
    assert await stories.take_out(CHAT_A, capital.id, story_id)
    async with database.transaction() as session:
        await session.execute("DELETE FROM story_terms WHERE article_id = ?", (capital.id,))
        await session.execute("DELETE FROM story_articles WHERE article_id = ?", (capital.id,))
    replaced = await stories.place(CHAT_A, capital)
    assert replaced.story_id != story_id


async def test_articles_outside_the_window_are_not_candidates(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database, window_days=14)
    northline, meridian = await save_all(articles, CHAT_A, reports[:2])
    await stories.place(CHAT_A, northline)
    late = await stories.place(CHAT_A, meridian, now=northline.meta.created_at + 15 * DAY)
    assert late.story_id is None


async def test_stories_are_scoped_by_chat(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database)
    a_north, a_meridian = await save_all(articles, CHAT_A, reports[:2])
    await stories.place(CHAT_A, a_north)
    story_a = (await stories.place(CHAT_A, a_meridian)).story_id
    # Chat B's first article on the same event finds nothing of chat A's.
    (b_meridian,) = await save_all(articles, CHAT_B, reports[1:2])
    assert (await stories.place(CHAT_B, b_meridian)).story_id is None
    assert await stories.story(CHAT_B, story_a) is None
    assert await stories.story_of(CHAT_B, a_meridian.id) is None
    assert not await stories.take_out(CHAT_B, a_meridian.id, story_a)
    assert await stories.membership(CHAT_A, a_meridian.id) is not None
    assert (await stories.membership(CHAT_A, a_meridian.id)).story_id == story_a


async def test_forget_removes_stories_terms_and_exclusions(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database)
    for chat in (CHAT_A, CHAT_B):
        saved = await save_all(articles, chat, reports[:3])
        for article in saved:
            await stories.place(chat, article)
        story_id = (await stories.membership(chat, saved[1].id)).story_id
        await stories.take_out(chat, saved[2].id, story_id)
    await articles.forget_chat(CHAT_A)
    for table in ("stories", "story_articles", "story_terms", "story_exclusions"):
        assert table in CHAT_TABLES
        count = f"SELECT COUNT(*) FROM {table} WHERE chat_id = ?"
        assert await database.fetch_value(count, (CHAT_A,)) == 0, table
        assert await database.fetch_value(count, (CHAT_B,)) > 0, table


async def test_term_stats_count_stories_not_articles(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database)
    saved = await save_all(articles, CHAT_A, reports)
    for article in saved:
        await stories.place(CHAT_A, article)
    new = fingerprint(reports[0])
    stats = await stories.term_stats(CHAT_A, new, now=saved[-1].meta.created_at)
    members = [(await stories.membership(CHAT_A, a.id)).story_id for a in saved]
    expected = TermStats.from_fingerprints([fingerprint(r) for r in reports], members)
    assert stats.documents == expected.documents == 2  # the strike story and the flood
    for key, term in new.terms.items():
        if term.kind == "name":
            assert stats.frequency.get(key, 0) == expected.frequency.get(key, 0), key


async def test_a_version_one_file_migrates_keeping_its_articles(tmp_path: Path, reports):
    import aiosqlite

    # A version-1 file, the way an earlier WhoSaid left it.
    path = tmp_path / "old.db"
    connection = await aiosqlite.connect(path, isolation_level=None)
    await connection.executescript(f"BEGIN;\n{MIGRATIONS[0].sqlite}\nPRAGMA user_version = 1;\nCOMMIT;")
    await connection.close()
    database = await Database.open(path)
    assert await database.schema_version() == len(MIGRATIONS) >= 2
    northline = await ArticleStore(database).save(CHAT_A, reports[0], source="text")
    assert (await StoryStore(database).place(CHAT_A, northline)).story_id is None
    await database.close()


async def test_two_processes_placing_one_article_at_once_index_it_once(database_target, reports):
    """Two replicas (two connections) placing the same arriving article at the same moment: the chat's write
    lock (SQLite's single writer, PostgreSQL's per-chat advisory lock) makes the second see the first's row."""
    first, second = await Database.open(database_target), await Database.open(database_target)
    try:
        northline, meridian = await save_all(ArticleStore(first), CHAT_A, reports[:2])
        await StoryStore(first).place(CHAT_A, northline)
        placed = await asyncio.gather(
            StoryStore(first).place(CHAT_A, meridian), StoryStore(second).place(CHAT_A, meridian)
        )
        assert placed[0].story_id == placed[1].story_id is not None
        count = "SELECT COUNT(*) FROM story_articles WHERE chat_id = ? AND article_id = ?"
        assert await first.fetch_value(count, (CHAT_A, meridian.id)) == 1
        assert await first.fetch_value("SELECT COUNT(*) FROM stories WHERE chat_id = ?", (CHAT_A,)) == 1
    finally:
        await first.close()
        await second.close()


async def test_an_article_taken_out_can_be_put_back_and_taken_out_again(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database)
    northline, meridian, capital = await save_all(articles, CHAT_A, reports[:3])
    for article in (northline, meridian, capital):
        await stories.place(CHAT_A, article)
    story_id = (await stories.membership(CHAT_A, capital.id)).story_id
    assert not await stories.put_back(CHAT_A, capital.id, story_id)  # never taken out: nothing to undo
    assert await stories.take_out(CHAT_A, capital.id, story_id)
    assert await stories.excluded_stories(CHAT_A, capital.id) == {story_id}
    # Another chat can't undo chat A's decision, even knowing both ids.
    assert not await stories.put_back(CHAT_B, capital.id, story_id)
    assert await stories.put_back(CHAT_A, capital.id, story_id)
    assert (await stories.membership(CHAT_A, capital.id)).story_id == story_id
    assert await stories.excluded_stories(CHAT_A, capital.id) == set()
    story = await stories.story(CHAT_A, story_id)
    assert story is not None and [a.id for a in story.articles] == [northline.id, meridian.id, capital.id]
    assert not await stories.put_back(CHAT_A, capital.id, story_id)  # twice: already back
    assert await stories.take_out(CHAT_A, capital.id, story_id)


async def test_an_article_in_another_story_since_is_not_put_back(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database)
    northline, meridian = await save_all(articles, CHAT_A, reports[:2])
    await stories.place(CHAT_A, northline)
    story_id = (await stories.place(CHAT_A, meridian)).story_id
    assert await stories.take_out(CHAT_A, meridian.id, story_id)
    async with database.transaction() as session:  # a later article started a new story with it
        await session.execute(
            "INSERT INTO stories (id, chat_id, created_at) VALUES ('newstory1234', ?, 0)", (CHAT_A,)
        )
        await session.execute(
            "UPDATE story_articles SET story_id = 'newstory1234' WHERE chat_id = ? AND article_id = ?",
            (CHAT_A, meridian.id),
        )
    assert not await stories.put_back(CHAT_A, meridian.id, story_id)
    assert (await stories.membership(CHAT_A, meridian.id)).story_id == "newstory1234"
    assert await stories.excluded_stories(CHAT_A, meridian.id) == {story_id}


async def test_senders_are_kept_per_chat_and_forgotten_with_it(database, reports):
    articles, stories = ArticleStore(database), StoryStore(database)
    (a_north,) = await save_all(articles, CHAT_A, reports[:1])
    (b_north,) = await save_all(articles, CHAT_B, reports[:1])
    await stories.note_sender(CHAT_A, a_north.id, 41)
    await stories.note_sender(CHAT_A, a_north.id, 42)  # sent again by someone else: both sent it
    await stories.note_sender(CHAT_A, a_north.id, 41)
    await stories.note_sender(CHAT_B, a_north.id, 43)  # chat A's article id, named in chat B: not recorded
    assert await stories.sent_by(CHAT_A, a_north.id, 41) and await stories.sent_by(CHAT_A, a_north.id, 42)
    assert not await stories.sent_by(CHAT_A, a_north.id, 43)
    assert not await stories.sent_by(CHAT_B, a_north.id, 43)
    assert not await stories.sent_by(CHAT_B, b_north.id, 41)
    assert "article_senders" in CHAT_TABLES
    await articles.forget_chat(CHAT_A)
    assert await database.fetch_value("SELECT COUNT(*) FROM article_senders") == 0
