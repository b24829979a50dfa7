"""Storage on both backends, a real SQLite file and a real PostgreSQL database (the `database` fixture runs each
test once per backend): migrations, chat scoping, dedupe, history, forget, crash durability, the durable update log;
damaged and read-only SQLite files."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.report import Claim, Conflict, Figure, Report, Span
from storage import (
    CHAT_TABLES,
    MIGRATIONS,
    ArticleStore,
    Database,
    Origin,
    SingleProcessUpdateLog,
    StorageError,
    content_hash,
    normalize_url,
)

CHAT_A = 1001
CHAT_B = 2002
# A supergroup's id: beyond 32 bits, as Telegram's channel and supergroup ids are.
SUPERGROUP = -1001234567890


def make_report(text: str, *, title: str | None = None, url: str | None = None) -> Report:
    return Report(
        text=text,
        title=title,
        url=url,
        claims=[Claim(speaker="Ada Moreno", content=[Span(start=0, end=min(10, len(text)))], kind="direct")],
        figures=[
            Figure(value=3, measure="killed", span=Span(start=0, end=1), claim=0),
            Figure(value=5, measure="killed", span=Span(start=2, end=3)),
        ],
        conflicts=[Conflict(measure="killed", figures=[0, 1], note="3 vs 5")],
    )


@pytest.fixture
def store(database: Database) -> ArticleStore:
    return ArticleStore(database)


async def test_open_creates_wal_file_at_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "bot.db"
    db = await Database.open(path)
    try:
        assert path.exists()
        assert await db.schema_version() == len(MIGRATIONS)
        async with db.connection.execute("PRAGMA journal_mode") as cursor:
            assert (await cursor.fetchone())[0] == "wal"
    finally:
        await db.close()


async def test_postgres_opens_from_a_unix_socket_uri_at_latest_schema(postgres_url: str) -> None:
    assert "?host=/" in postgres_url and "@/" in postgres_url  # the libpq Unix-socket form
    db = await Database.open(postgres_url)
    try:
        assert db.dialect == "postgres"
        assert await db.schema_version() == len(MIGRATIONS)
    finally:
        await db.close()


async def test_replicas_starting_together_migrate_once(postgres_url: str) -> None:
    opened = await asyncio.gather(*(Database.open(postgres_url) for _ in range(4)))
    try:
        assert {await db.schema_version() for db in opened} == {len(MIGRATIONS)}
        assert await opened[0].fetch_value("SELECT COUNT(*) FROM whosaid_schema") == 1
    finally:
        for db in opened:
            await db.close()


async def test_a_postgres_url_never_shows_its_password() -> None:
    from storage.postgres import redacted

    assert redacted("postgresql://bot:s3cret@db.internal:5432/whosaid") == "postgresql://bot:***@db.internal:5432/whosaid"
    assert redacted("postgresql://postgres:@/postgres?host=/run/pg") == "postgresql://postgres:@/postgres?host=/run/pg"
    assert redacted("postgresql:///whosaid?host=/run/pg&password=hunter2") == "postgresql:///whosaid?host=/run/pg&password=***"


async def test_migrations_apply_in_order_and_only_once(database_target) -> None:
    db = await Database.open(database_target)
    extra = "CREATE TABLE story_notes (chat_id INTEGER NOT NULL, note TEXT);"
    try:
        assert await db.migrate([*MIGRATIONS, extra]) == len(MIGRATIONS) + 1
        # Running again must not re-apply (a second CREATE TABLE would fail).
        assert await db.migrate([*MIGRATIONS, extra]) == len(MIGRATIONS) + 1
    finally:
        await db.close()
    with pytest.raises(RuntimeError, match="newer"):
        await Database.open(database_target)


async def test_save_and_get_round_trip_the_report_and_metadata(store: ArticleStore) -> None:
    origin = Origin(kind="channel", name="Northwind Daily", username="northwind")
    report = make_report("Some article text.", title="Floods")
    saved = await store.save(CHAT_A, report, source="text", origin=origin)
    loaded = await store.get(CHAT_A, saved.id)
    assert loaded is not None
    assert loaded.report == saved.report
    assert loaded.meta.origin == origin
    assert loaded.meta.title == "Floods"
    assert loaded.meta.claim_count == 1
    assert loaded.meta.conflict_count == 1


async def test_ids_are_opaque_random_tokens(store: ArticleStore) -> None:
    ids = [(await store.save(CHAT_A, make_report(f"text number {n}"), source="text")).id for n in range(20)]
    assert len(set(ids)) == 20
    assert all(not article_id.isdigit() and len(article_id) >= 12 for article_id in ids)


async def test_every_lookup_is_scoped_by_chat(store: ArticleStore) -> None:
    saved = await store.save(CHAT_A, make_report("A private article."), source="link", url="https://example.org/a")
    await store.link_message(CHAT_A, 55, saved.id)
    assert await store.get(CHAT_B, saved.id) is None
    assert await store.latest(CHAT_B) is None
    assert await store.history(CHAT_B) == []
    assert await store.find_by_text(CHAT_B, "A private article.") is None
    assert await store.find_by_url(CHAT_B, "https://example.org/a") is None
    assert await store.by_message(CHAT_B, 55) is None
    # Chat B can't attach chat A's article to one of its own messages either.
    await store.link_message(CHAT_B, 77, saved.id)
    assert await store.by_message(CHAT_B, 77) is None
    assert (await store.by_message(CHAT_A, 55)).id == saved.id


async def test_same_text_in_a_chat_reuses_the_stored_article(store: ArticleStore) -> None:
    first = await store.save(CHAT_A, make_report("Rain fell  on\nthe city."), source="text")
    again = await store.save(CHAT_A, make_report("rain fell on the city."), source="text")
    assert again.id == first.id
    assert await store.count(CHAT_A) == 1
    found = await store.find_by_text(CHAT_A, "  Rain fell on the CITY. ")
    assert found is not None and found.id == first.id
    # Another chat sending the same text gets its own copy.
    other = await store.save(CHAT_B, make_report("Rain fell on the city."), source="text")
    assert other.id != first.id


async def test_same_link_is_found_regardless_of_fragment_and_host_case(store: ArticleStore) -> None:
    saved = await store.save(CHAT_A, make_report("Linked text."), source="link", url="https://News.Example.org/x?id=4")
    found = await store.find_by_url(CHAT_A, "https://news.example.org/x?id=4#comments")
    assert found is not None and found.id == saved.id
    assert await store.find_by_url(CHAT_A, "https://news.example.org/x?id=5") is None


async def test_history_is_newest_first_and_latest_follows(store: ArticleStore) -> None:
    ids = [(await store.save(CHAT_A, make_report(f"article {n}"), source="text")).id for n in range(5)]
    history = await store.history(CHAT_A, limit=3)
    assert [meta.id for meta in history] == ids[::-1][:3]
    assert (await store.latest(CHAT_A)).id == ids[-1]


async def test_forget_clears_only_that_chat(store: ArticleStore) -> None:
    mine = await store.save(CHAT_A, make_report("mine"), source="text")
    theirs = await store.save(CHAT_B, make_report("theirs"), source="text")
    await store.link_message(CHAT_A, 1, mine.id)
    await store.forget_chat(CHAT_A)
    assert await store.count(CHAT_A) == 0
    assert await store.by_message(CHAT_A, 1) is None
    assert await store.get(CHAT_B, theirs.id) is not None


async def test_forget_covers_every_chat_table(store: ArticleStore, database: Database) -> None:
    saved = await store.save(CHAT_A, make_report("to forget"), source="text")
    await store.link_message(CHAT_A, 9, saved.id)
    await store.forget_chat(CHAT_A)
    for table in CHAT_TABLES:
        assert await database.fetch_value(f"SELECT COUNT(*) FROM {table} WHERE chat_id = ?", (CHAT_A,)) == 0, table


async def test_chat_ids_beyond_32_bits_are_kept_exactly(store: ArticleStore) -> None:
    saved = await store.save(SUPERGROUP, make_report("A supergroup's article."), source="text")
    await store.link_message(SUPERGROUP, 2**40, saved.id)
    assert (await store.by_message(SUPERGROUP, 2**40)).id == saved.id
    assert (await store.latest(SUPERGROUP)).meta.chat_id == SUPERGROUP
    assert await store.latest(SUPERGROUP % 2**32) is None


def test_hash_and_url_normalisation() -> None:
    assert content_hash("A  b\n c") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")
    assert normalize_url("HTTPS://Example.ORG#top") == "https://example.org/"


async def test_committed_articles_survive_a_killed_process(database_target) -> None:
    """A process that saves and is then SIGKILLed (no close) leaves its articles readable."""
    path = database_target
    script = textwrap.dedent(
        f"""
        import asyncio, os, signal
        from bot.report import Report
        from storage import ArticleStore, Database

        async def main():
            db = await Database.open({str(path)!r})
            store = ArticleStore(db)
            for n in range(3):
                await store.save(7, Report(text=f"crash text {{n}}"), source="text")
            os.kill(os.getpid(), signal.SIGKILL)

        asyncio.run(main())
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent.parent, timeout=60)
    assert result.returncode == -9
    db = await Database.open(path)
    try:
        assert await ArticleStore(db).count(7) == 3
    finally:
        await db.close()
    if isinstance(path, str):
        return
    # And the file is a plain SQLite database other tools can read.
    with sqlite3.connect(path) as plain:
        assert plain.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3


async def test_the_update_log_records_before_and_forgets_after(database: Database) -> None:
    update_log = SingleProcessUpdateLog(database)
    assert await update_log.record(7, CHAT_A, {"update_id": 7, "message": {"text": "x"}})
    assert not await update_log.record(7, CHAT_A, {"update_id": 7}), "a redelivered update is not new"
    await update_log.record_delivery(7, 0, CHAT_A, {"message_id": 3})
    assert await update_log.delivered(7) == {0: {"message_id": 3}}
    await update_log.defer(7, 60)
    assert [(p.update_id, p.attempts, p.payload["message"]) for p in await update_log.pending()] == [
        (7, 1, {"text": "x"})
    ]
    assert await update_log.pending(due_before=time.time()) == [], "a deferred update is not due yet"
    await update_log.mark_done(7)
    assert await update_log.pending() == [] and await update_log.delivered(7) == {}
    assert not await update_log.record(7, CHAT_A, {"update_id": 7}), "a finished update is still recognised"
    assert await update_log.counts() == {"done": 1}
    assert await update_log.prune(older_than=-1) == 1
    assert await update_log.counts() == {}


async def test_forget_clears_the_chats_pending_updates_and_journal(database: Database) -> None:
    update_log = SingleProcessUpdateLog(database)
    await update_log.record(1, CHAT_A, {"update_id": 1})
    await update_log.record_delivery(1, 0, CHAT_A, {"message_id": 9})
    await update_log.record(2, CHAT_B, {"update_id": 2})
    await ArticleStore(database).forget_chat(CHAT_A)
    assert [pending.update_id for pending in await update_log.pending()] == [2]
    assert await update_log.delivered(1) == {}


async def test_a_crash_after_record_keeps_the_update(tmp_path: Path) -> None:
    path = tmp_path / "whosaid.db"
    script = f"""
        import asyncio, os
        from storage import Database, SingleProcessUpdateLog
        async def main():
            database = await Database.open({str(path)!r})
            await SingleProcessUpdateLog(database).record(41, 5, {{"update_id": 41}})
            os._exit(0)  # no close, no checkpoint: as if killed
        asyncio.run(main())
    """
    subprocess.run([sys.executable, "-c", textwrap.dedent(script)], check=True, cwd=Path(__file__).parent.parent)
    database = await Database.open(path)
    try:
        assert [pending.update_id for pending in await SingleProcessUpdateLog(database).pending()] == [41]
    finally:
        await database.close()


@pytest.mark.parametrize(
    "content", [b"this is not a database at all " * 200, b"SQLite format 3\x00" + b"\x01" * 40]
)
async def test_a_damaged_file_is_a_clear_error_naming_it(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(content)
    with pytest.raises(StorageError, match=str(path)):
        await Database.open(path)


async def test_a_read_only_file_opens_for_reading_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "whosaid.db"
    database = await Database.open(path)
    stored = await ArticleStore(database).save(CHAT_A, make_report("First article text."), source="text")
    await database.close()
    readonly = await Database.open(path, read_only=True)
    try:
        assert not readonly.writable
        store = ArticleStore(readonly)
        assert (await store.latest(CHAT_A)).id == stored.id  # type: ignore[union-attr]
        # Saving gives back an article that is not kept, so the reply can still go out.
        other = await store.save(CHAT_A, make_report("Second article text."), source="text")
        assert other.id != stored.id and await store.count(CHAT_A) == 1
        await store.link_message(CHAT_A, 5, other.id)
    finally:
        await readonly.close()


async def test_a_report_that_no_longer_loads_is_left_out(database: Database) -> None:
    store = ArticleStore(database)
    older = await store.save(CHAT_A, make_report("Older article text."), source="text")
    newer = await store.save(CHAT_A, make_report("Newer article text."), source="text")
    async with database.transaction() as connection:
        await connection.execute("UPDATE articles SET report_json = '{}' WHERE id = ?", (newer.id,))
    assert await store.get(CHAT_A, newer.id) is None
    assert (await store.latest(CHAT_A)).id == older.id  # type: ignore[union-attr]
    again = await store.save(CHAT_A, make_report("Newer article text."), source="text")
    assert again.id == newer.id and (await store.get(CHAT_A, newer.id)) is not None
