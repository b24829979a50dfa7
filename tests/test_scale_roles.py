"""The two roles in one test process, on a real PostgreSQL: a polling `whosaid run` replica hands articles to a
`whosaid worker` (its job queue), answers light commands itself and never starts an analysis pool."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.queue import wait_until_idle
from bot.runtime import QUEUE_KEY, SERVICES_KEY
from bot.worker_role import build_application, serve_worker
from tests.conftest import fixture_text
from tests.support.bot_harness import bot_settings, plain, reply_to, running_bot
from tests.support.fake_telegram import FakeTelegram

CHAT = 7301
OTHER_CHAT = 7302


async def test_a_polling_replica_and_a_worker_share_the_work(
    fake: FakeTelegram, postgres_url: str, tmp_path: Path
) -> None:
    settings = bot_settings(
        fake, tmp_path / "unused.db", WHOSAID_DATABASE_URL=postgres_url, WHOSAID_JOB_HEARTBEAT_SECONDS=2
    )
    async with running_bot(settings) as replica:
        stop = asyncio.Event()
        worker = build_application(settings)
        serving = asyncio.create_task(serve_worker(worker, stop))
        try:
            article = fake.send_message(CHAT, fixture_text("bot_port_strike.txt"))
            help_message = fake.send_message(OTHER_CHAT, "/help")
            (help_reply,) = await reply_to(fake, help_message)
            assert "/sources" in plain(help_reply["text"])
            # A few words with no link: the replica says what to send, without a job.
            chatter = fake.send_message(OTHER_CHAT, "hello there")
            (chatter_reply,) = await reply_to(fake, chatter)
            assert "Send me a news article" in plain(chatter_reply["text"])
            replies = await reply_to(fake, article)
            assert "Who said what" in plain(replies[0]["text"])
            # The replica handed the article off and loaded no model; the worker analyzed it.
            assert replica.bot_data[SERVICES_KEY].pool._pool is None
            # The job ends (and the update is marked done) just after the reply is accepted.
            assert await wait_until_idle(replica.bot_data[QUEUE_KEY], timeout=30)
            database = replica.bot_data[SERVICES_KEY].database
            undone = "SELECT COUNT(*) FROM updates WHERE state <> 'done'"
            for _ in range(300):
                if await database.fetch_value(undone) == 0:
                    break
                await asyncio.sleep(0.05)
            assert await database.fetch_value("SELECT COUNT(*) FROM updates WHERE state = 'done'") == 3
            jobs = "SELECT COUNT(*) FROM pgqueuer_log WHERE status = 'queued'"
            assert await database.fetch_value(jobs) == 1  # the article's, and only it
            assert await database.fetch_value(undone) == 0
            assert await database.fetch_value("SELECT COUNT(*) FROM articles WHERE chat_id = ?", (CHAT,)) == 1
            # A follow-up about the article is a light command: the replica answers it from the shared data.
            sources = fake.send_message(CHAT, "/sources")
            (sources_reply, *_) = await reply_to(fake, sources)
            assert "Sources (" in plain(sources_reply["text"])
        finally:
            stop.set()
            await asyncio.wait_for(serving, 60)
