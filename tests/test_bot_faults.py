"""Telegram's bad minutes and killed processes: the fake Bot API injects faults, every article is answered.

Each test sends articles from several chats and counts, per article, the summaries the bot sent (exactly one)
and the apologies (none: a delivery hiccup is not a failure of the analysis). Where a sendMessage reached
Telegram but the bot can't know it (connection dropped after delivery, an answer that never came), the bot
sends again: the extra summary is allowed only when the bot counted it in its log.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.app import EXIT_STORAGE, EXIT_TOKEN_REFUSED, SOMETHING_WENT_WRONG
from storage import ArticleStore, Database
from tests.conftest import fixture_text
from tests.support.bot_harness import (
    alive,
    apologies,
    bot_settings,
    child_pids,
    plain,
    reply_to,
    running_bot,
    spawn_bot,
    start_bot,
    stop_bot,
    summary_counts,
)
from tests.support.fake_telegram import FakeTelegram
from tests.support.loopback_http import LoopbackServer

ARTICLES = ["bot_dam_collapse.txt", "bot_port_strike.txt", "bot_clinic_outbreak.txt", "bot_wildfire_long.txt"]
FIRST_CHAT = 9100
DUPLICATE_NOTE = "a duplicate is possible"


def send_articles(fake: FakeTelegram, count: int, first_chat: int = FIRST_CHAT) -> list[dict[str, Any]]:
    """One article from each of `count` chats."""
    return [fake.send_message(first_chat + n, fixture_text(ARTICLES[n % len(ARTICLES)])) for n in range(count)]


async def all_answered(fake: FakeTelegram, sent: list[dict[str, Any]], timeout: float = 60.0) -> list[int]:
    await fake.wait_for(
        lambda: all(count >= 1 for count in summary_counts(fake, sent)), timeout=timeout, what="every summary"
    )
    # Wait past a late duplicate, then count.
    await asyncio.sleep(0.5)
    return summary_counts(fake, sent)


def chats(sent: list[dict[str, Any]]) -> list[int]:
    return [message["chat"]["id"] for message in sent]


async def all_gone(pids: set[int], timeout: float = 10.0) -> bool:
    """Whether these processes are gone within `timeout` seconds (a killed process takes a moment to go)."""
    deadline = time.monotonic() + timeout
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    return not any(alive(pid) for pid in pids)


def counted_duplicates(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for record in caplog.records if DUPLICATE_NOTE in record.getMessage())


async def test_429_for_15_seconds_every_article_answered_once(fake: FakeTelegram, db_path: Path) -> None:
    async with running_bot(bot_settings(fake, db_path)):
        fake.inject_error("sendMessage", status=429, retry_after=2, for_seconds=15)
        started = time.monotonic()
        sent = send_articles(fake, 3)
        counts = await all_answered(fake, sent, timeout=60)
    assert counts == [1, 1, 1]
    assert apologies(fake, chats(sent), SOMETHING_WENT_WRONG) == 0
    assert time.monotonic() - started >= 14, "the replies can only have gone out after the 429s ended"
    assert sum(1 for call in fake.calls("sendMessage") if call.status == 429) >= 3


async def test_5xx_bursts_every_article_answered_once(fake: FakeTelegram, db_path: Path) -> None:
    async with running_bot(bot_settings(fake, db_path)):
        fake.inject_error("sendMessage", status=502, times=2)
        fake.inject_error("sendMessage", status=500, times=1)
        fake.inject_error("sendMessage", status=503, times=3)
        sent = send_articles(fake, 4)
        counts = await all_answered(fake, sent)
    assert counts == [1, 1, 1, 1]
    assert apologies(fake, chats(sent), SOMETHING_WENT_WRONG) == 0
    assert sorted(call.status for call in fake.calls("sendMessage") if call.status != 200) == [
        500, 502, 502, 503, 503, 503
    ]  # fmt: skip


async def test_connection_dropped_before_delivery_is_sent_again_once(
    fake: FakeTelegram, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.sending")
    async with running_bot(bot_settings(fake, db_path)):
        fake.drop_connection("sendMessage", after_delivery=False, times=2)
        sent = send_articles(fake, 3)
        counts = await all_answered(fake, sent)
    assert counts == [1, 1, 1]
    assert apologies(fake, chats(sent), SOMETHING_WENT_WRONG) == 0
    assert fake.faults_applied.count(("sendMessage", "drop_before")) == 2
    # The bot couldn't tell these from a drop after delivery: it counted them as possible duplicates.
    assert counted_duplicates(caplog) == 2


@pytest.mark.parametrize("fault", ["drop_after", "hang"])
async def test_a_reply_of_unknown_fate_is_sent_again_and_the_duplicate_counted(
    fake: FakeTelegram, db_path: Path, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.sending")
    settings = bot_settings(fake, db_path, WHOSAID_TELEGRAM_TIMEOUT=1.5)
    async with running_bot(settings):
        if fault == "hang":
            fake.hang("sendMessage", seconds=3.0)
        else:
            fake.drop_connection("sendMessage", after_delivery=True)
        sent = send_articles(fake, 3)
        await all_answered(fake, sent)
        # The first copy is delivered at once; the second only after the bot gave up waiting for an answer.
        await fake.wait_for(lambda: sum(summary_counts(fake, sent)) >= 4, what="the second copy")
        await asyncio.sleep(1.0)
        counts = summary_counts(fake, sent)
    assert fake.faults_applied.count(("sendMessage", fault)) == 1
    assert apologies(fake, chats(sent), SOMETHING_WENT_WRONG) == 0
    # The message reached Telegram and the bot couldn't know: it sent it again, and said so in the log.
    assert counted_duplicates(caplog) == 1
    assert sorted(counts) == [1, 1, 2]


async def test_an_undeliverable_reply_stays_pending_and_goes_out_later(fake: FakeTelegram, db_path: Path) -> None:
    # Sending gives up after 3 s; the update is retried by the redelivery timer once the 503s are over.
    settings = bot_settings(fake, db_path, WHOSAID_SEND_RETRY_MINUTES=0.05, WHOSAID_REDELIVERY_SECONDS=1)
    async with running_bot(settings) as application:
        fake.inject_error("sendMessage", status=503, for_seconds=6)
        sent = send_articles(fake, 2)
        counts = await all_answered(fake, sent, timeout=40)
        update_log = application.bot_data["whosaid.services"].update_log
        await fake.wait_for(lambda: True, timeout=1)
        states = await update_log.counts()
    assert counts == [1, 1]
    assert apologies(fake, chats(sent), SOMETHING_WENT_WRONG) == 0
    assert states.get("pending", 0) == 0 and states["done"] >= 2


async def test_a_reply_still_pending_at_shutdown_goes_out_at_the_next_start_without_repeating_parts(
    fake: FakeTelegram, db_path: Path
) -> None:
    """Two links in one message are two replies of one update: the first is delivered, the second can't be;
    after a restart only the second goes out."""
    with LoopbackServer() as site:
        for name in ("a", "b"):
            text = fixture_text("bot_dam_collapse.txt" if name == "a" else "bot_port_strike.txt")
            site.page(f"/{name}.txt", text, content_type="text/plain; charset=utf-8")
        settings = bot_settings(
            fake, db_path, WHOSAID_ALLOW_PRIVATE_NETWORKS=True, WHOSAID_SEND_RETRY_MINUTES=0.03
        )
        # Every sendMessage after the first fails, for longer than this bot lives.
        fake.inject_error("sendMessage", status=502, for_seconds=600, skip=1)
        application = await start_bot(settings)
        try:
            sent = fake.send_message(FIRST_CHAT, f"two reports: {site.url('/a.txt')} {site.url('/b.txt')}")
            await reply_to(fake, sent)
            await fake.wait_for(
                lambda: sum(1 for call in fake.calls("sendMessage") if call.status == 502) >= 2,
                what="the second reply to fail",
            )
        finally:
            await stop_bot(application)
        assert len(fake.replies_to(FIRST_CHAT, sent["message_id"])) == 1
        fake.clear_faults()
        async with running_bot(settings):
            replies = await reply_to(fake, sent, count=2)
            await asyncio.sleep(0.5)
    titles = [plain(reply["text"]).splitlines()[0] for reply in fake.replies_to(FIRST_CHAT, sent["message_id"])]
    assert len(titles) == 2 and len(set(titles)) == 2, titles
    assert replies
    assert apologies(fake, [FIRST_CHAT], SOMETHING_WENT_WRONG) == 0


async def test_sigkill_with_articles_in_flight_loses_nothing_and_leaves_no_worker(
    fake: FakeTelegram, db_path: Path
) -> None:
    log_path = db_path.with_suffix(".log")
    child = spawn_bot(fake, db_path, log_path, WHOSAID_WORKERS="2", WHOSAID_WORKER_KIND="process")
    try:
        # Nothing can be delivered yet, so every article is in flight when the bot dies.
        await fake.wait_for(lambda: fake.commands, timeout=90, what="the child to start")
        fake.inject_error("sendMessage", status=429, retry_after=1, for_seconds=60)
        sent = send_articles(fake, 5)
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="Telegram to be told of every update")
        await asyncio.sleep(0.5)
        workers = child_pids(child.pid)
        assert len(workers) >= 2, "the process pool should have its worker processes"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert summary_counts(fake, sent) == [0] * 5
    assert await all_gone(workers), "worker processes outlived the bot"

    fake.clear_faults()
    async with running_bot(bot_settings(fake, db_path)):
        counts = await all_answered(fake, sent)
    assert counts == [1] * 5
    assert apologies(fake, chats(sent), SOMETHING_WENT_WRONG) == 0


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_stops_the_bot_quickly_and_cleanly_even_with_a_hung_request(
    fake: FakeTelegram, db_path: Path, stop_signal: int
) -> None:
    log_path = db_path.with_suffix(".log")
    child = spawn_bot(
        fake, db_path, log_path, WHOSAID_WORKERS="2", WHOSAID_WORKER_KIND="process", WHOSAID_SHUTDOWN_GRACE="2"
    )
    try:
        await fake.wait_for(lambda: fake.commands, timeout=90, what="the child to start")
        workers = child_pids(child.pid)
        fake.hang("sendMessage", seconds=60, times=10)
        sent = send_articles(fake, 3)
        await fake.wait_for(lambda: fake.faults_applied, what="a reply to hang")
        stopped_at = time.monotonic()
        # Ctrl+C in a terminal reaches the whole process group, workers included.
        os.killpg(child.pid, stop_signal)
        code = await asyncio.to_thread(child.wait, 30)
        took = time.monotonic() - stopped_at
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    logged = log_path.read_text(errors="replace")
    assert code == 0, logged[-2000:]
    assert took < 2 + 6, f"stopping took {took:.1f} s"
    assert "Traceback" not in logged and "KeyboardInterrupt" not in logged, logged[-3000:]
    assert await all_gone(workers), "worker processes outlived the bot"

    fake.clear_faults()
    async with running_bot(bot_settings(fake, db_path)):
        counts = await all_answered(fake, sent)
    # A hung request had reached Telegram: that summary may come twice (delivered, then sent again).
    assert all(count >= 1 for count in counts) and sum(counts) <= len(sent) + len(fake.faults_applied)
    assert apologies(fake, chats(sent), SOMETHING_WENT_WRONG) == 0


def test_a_refused_token_is_one_clear_line_without_the_token(fake: FakeTelegram, tmp_path: Path) -> None:
    log_path = tmp_path / "run.log"
    wrong = "987654321:AAH-not-the-right-token-Qw3"
    child = spawn_bot(fake, tmp_path / "whosaid.db", log_path, TELEGRAM_BOT_TOKEN=wrong)
    assert child.wait(timeout=60) == EXIT_TOKEN_REFUSED
    printed = log_path.read_text(errors="replace")
    assert "refused the bot token" in printed
    assert "AAH-not-the-right-token" not in printed and "Traceback" not in printed, printed


@pytest.mark.parametrize("content", [b"this is not a database at all " * 200, b"SQLite format 3\x00" + b"\x01" * 40])
def test_a_damaged_database_fails_fast_naming_the_file(fake: FakeTelegram, tmp_path: Path, content: bytes) -> None:
    db_path = tmp_path / "broken.db"
    db_path.write_bytes(content)
    log_path = tmp_path / "run.log"
    child = spawn_bot(fake, db_path, log_path)
    assert child.wait(timeout=60) == EXIT_STORAGE
    printed = log_path.read_text(errors="replace")
    assert str(db_path) in printed and "Traceback" not in printed, printed


async def test_read_only_storage_still_answers_without_an_apology(fake: FakeTelegram, db_path: Path) -> None:
    # Create and migrate the file, then run on it read-only.
    database = await Database.open(db_path)
    await database.close()
    readonly = await Database.open(db_path, read_only=True)
    assert not readonly.writable
    await readonly.close()

    from bot import runtime

    original = runtime.Database.open

    async def open_read_only(path: Path, **_: object) -> Database:
        return await original(path, read_only=True)

    runtime.Database.open = open_read_only  # type: ignore[method-assign]
    try:
        async with running_bot(bot_settings(fake, db_path)):
            sent = send_articles(fake, 1)
            counts = await all_answered(fake, sent)
            follow = fake.send_message(FIRST_CHAT, "/help")
            await reply_to(fake, follow)
    finally:
        runtime.Database.open = original  # type: ignore[method-assign]
    assert counts == [1]
    assert apologies(fake, [FIRST_CHAT], SOMETHING_WENT_WRONG) == 0


async def test_a_webhook_update_is_recorded_before_the_200_and_a_redelivery_is_handled_once(
    fake: FakeTelegram, db_path: Path
) -> None:
    port = free_port()
    settings = bot_settings(
        fake, db_path, WHOSAID_WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
        WHOSAID_WEBHOOK_LISTEN="127.0.0.1", WHOSAID_WEBHOOK_PORT=port,
    )  # fmt: skip
    async with running_bot(settings) as application:
        assert fake.webhook is not None and fake.webhook["url"].endswith("/hook")
        update = fake.make_update(FIRST_CHAT, fixture_text("bot_dam_collapse.txt"))
        headers = {"X-Telegram-Bot-Api-Secret-Token": fake.webhook["secret_token"]}
        update_log = application.bot_data["whosaid.services"].update_log
        async with httpx.AsyncClient() as client:
            answer = await client.post(f"http://127.0.0.1:{port}/hook", json=update, headers=headers)
            assert answer.status_code == 200
            # By the time Telegram hears 200, the update is in the database.
            states = await update_log.counts()
            assert states.get("pending", 0) + states.get("done", 0) == 1, states
            await fake.wait_for(lambda: fake.bot_messages(FIRST_CHAT), what="the summary")
            # Telegram retries a webhook call it thinks timed out: the same update must not be handled twice.
            again = await client.post(f"http://127.0.0.1:{port}/hook", json=update, headers=headers)
            assert again.status_code == 200
        await asyncio.sleep(1.0)
    summaries = [m for m in fake.bot_messages(FIRST_CHAT) if plain(m["text"]).startswith("📰")]
    assert len(summaries) == 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_missing_model_is_one_clear_line(fake: FakeTelegram, tmp_path: Path) -> None:
    log_path = tmp_path / "run.log"
    child = spawn_bot(
        fake, tmp_path / "whosaid.db", log_path, WHOSAID_SPACY_MODEL="no_such_model", WHOSAID_WORKER_KIND="process"
    )
    assert child.wait(timeout=120) == 2
    printed = log_path.read_text(errors="replace")
    assert "no_such_model' is not installed" in printed and "Traceback" not in printed, printed


async def test_sigkill_while_parts_are_gathered_loses_no_part(fake: FakeTelegram, db_path: Path) -> None:
    """Parts joined to an article stay pending until its summary is out: a crash inside the quiet window
    hands every part back, and the restarted bot answers the whole article once."""
    text = fixture_text(ARTICLES[0])
    paragraphs = text.split("\n\n")
    halves = ["\n\n".join(paragraphs[: len(paragraphs) // 2]), "\n\n".join(paragraphs[len(paragraphs) // 2 :])]
    channel = -1009100
    log_path = db_path.with_suffix(".log")
    child = spawn_bot(fake, db_path, log_path, WHOSAID_PARTS_WINDOW="30")
    try:
        await fake.wait_for(lambda: fake.commands, timeout=90, what="the child to start")
        sent = [
            fake.send_message(FIRST_CHAT, half, forward_origin=fake.channel_origin(channel, "Dam Wire", 60 + n))
            for n, half in enumerate(halves)
        ]
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="Telegram to be told of both parts")
        await asyncio.sleep(0.5)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert summary_counts(fake, sent) == [0, 0]

    async with running_bot(bot_settings(fake, db_path, parts_window=0.5)):
        counts = await all_answered(fake, sent[:1])
    assert counts == [1]
    assert fake.replies_to(FIRST_CHAT, sent[1]["message_id"]) == [], "the second part is answered by the first"
    database = await Database.open(db_path)
    try:
        store = ArticleStore(database)
        stored = await store.latest(FIRST_CHAT)
        count = await store.count(FIRST_CHAT)
    finally:
        await database.close()
    assert count == 1 and stored is not None
    assert halves[1].strip()[:80] in stored.report.text, "the article was analysed whole"
