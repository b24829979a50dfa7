"""A burst of articles from many chats: queued, not refused, and all answered, each waiting chat told once
where it stands. The real Application against the fake Bot API over loopback HTTP. (The turns chats take in
the pool are tested in tests/test_pool.py, where the order jobs arrive in is the test's to set.)"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import bot.pool
from bot.runtime import SERVICES_KEY
from handlers.replies import keep_typing
from tests.conftest import fixture_text
from tests.support.bot_harness import bot_settings, plain, running_bot
from tests.support.fake_telegram import FakeTelegram

CHATS = range(7001, 7013)  # 12 chats
NAMES = ["engine_council_vote.txt", "story_strike_bellan.txt", "story_flood_veltria.txt"]


async def test_a_burst_past_the_old_job_bound_is_queued_and_every_article_answered(
    fake: FakeTelegram, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pool's estimate held at 5 s a job, as a slow pool would have measured it: waits worth telling.
    monkeypatch.setattr(bot.pool, "JOB_ESTIMATE_WEIGHT", 0.0)
    # 36 articles at once: more than the 32 jobs the pool used to take before answering "busy".
    async with running_bot(bot_settings(fake, db_path)) as application:
        application.bot_data[SERVICES_KEY].pool.job_seconds = 5.0
        sent = [fake.send_message(chat, fixture_text(name)) for chat in CHATS for name in NAMES]
        summaries = await fake.wait_for(
            lambda: all(fake.replies_to(m["chat"]["id"], m["message_id"]) for m in sent)
            and {id(m): fake.replies_to(m["chat"]["id"], m["message_id"]) for m in sent},
            timeout=240,
            what="a reply to every article of the burst",
        )
    for message in sent:
        replies = summaries[id(message)]
        assert len(replies) == 1 and replies[0]["text"].startswith("📰"), plain(replies[0]["text"])[:200]
    # A chat whose articles wait is told once how many are ahead of its own; none is told twice.
    notices = {chat: [m for m in fake.bot_messages(chat) if "ahead of yours" in m["text"]] for chat in CHATS}
    assert all(len(found) <= 1 for found in notices.values()), notices
    told = [plain(found[0]["text"]) for found in notices.values() if found]
    assert told, "no chat was told where its articles stood"
    assert all(re.match(r"⏳ \d+ articles? ahead of yours\. I answer them in turn: yours in about ", t) for t in told)


class RecordingBot:
    """Stands in for `telegram.Bot` where only 'typing…' is sent: records each chat action."""

    def __init__(self) -> None:
        self.actions: list[int] = []
        self.sent = asyncio.Event()

    async def send_chat_action(self, chat_id: int, action: str) -> bool:
        self.actions.append(chat_id)
        self.sent.set()
        return True


async def test_a_chat_with_several_articles_in_hand_shows_typing_once() -> None:
    bot = RecordingBot()
    async with keep_typing(bot, 1, interval=3600), keep_typing(bot, 1, interval=3600):  # type: ignore[arg-type]
        await bot.sent.wait()
        async with keep_typing(bot, 2, interval=3600):  # type: ignore[arg-type]
            await until(lambda: bot.actions.count(2) == 1)
        assert bot.actions.count(1) == 1  # one repeating call for chat 1, not one per article
    # Once every block has ended, a new one starts its own again.
    bot.sent.clear()
    async with keep_typing(bot, 1, interval=3600):  # type: ignore[arg-type]
        await bot.sent.wait()
    assert bot.actions == [1, 2, 1]


async def until(condition: Callable[[], bool]) -> None:
    """Let the event loop run until `condition()` holds (ten seconds at most)."""
    async with asyncio.timeout(10):
        while not condition():
            await asyncio.sleep(0)
