"""End to end, the scaled shape: two `whosaid run` webhook replicas and two `whosaid worker`s share one real
PostgreSQL; the fake Bot API posts updates to the replicas in turn, one of them twice (Telegram retrying a
webhook call that timed out, and the load balancer sending the retry to the other replica); one worker is
SIGKILLed while it holds jobs. Every article gets exactly one summary, in its own chat only, and light commands
are answered by the replicas while the workers analyze."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from storage import Database
from tests.conftest import fixture_text
from tests.support.bot_harness import plain
from tests.support.cluster import Cluster
from tests.support.fake_telegram_webhooks import WebhookFakeTelegram

pytestmark = pytest.mark.slow

ARTICLES = [
    "bot_wildfire_long.txt",
    "bot_clinic_outbreak.txt",
    "bot_dam_collapse.txt",
    "bot_port_strike.txt",
    "engine_mine_collapse.txt",
    "engine_train_derailment.txt",
    "engine_council_vote.txt",
    "bot_wildfire_long.txt",
]
FIRST_CHAT = 9100
HEARTBEAT_SECONDS = 2
SUMMARY_MARK = "Who said what"


def summaries(fake: WebhookFakeTelegram, chat_id: int) -> list[dict]:
    return [message for message in fake.bot_messages(chat_id) if SUMMARY_MARK in plain(message["text"])]


async def picked_jobs(database: Database) -> int:
    return int(await database.fetch_value("SELECT COUNT(*) FROM pgqueuer WHERE status = 'picked'") or 0)


async def test_replicas_and_workers_answer_every_article_once_through_a_worker_crash(
    postgres_url: str, tmp_path: Path
) -> None:
    with WebhookFakeTelegram() as fake:
        cluster = Cluster(
            token=fake.token,
            api_base_url=fake.base_url,
            database_url=postgres_url,
            folder=tmp_path,
            extra_env={
                "WHOSAID_JOB_HEARTBEAT_SECONDS": str(HEARTBEAT_SECONDS),
                "WHOSAID_SHUTDOWN_GRACE": "2",
            },
        )
        database = await Database.open(postgres_url)
        try:
            replicas = [cluster.start_replica("replica-a"), cluster.start_replica("replica-b")]
            workers = [cluster.start_worker("worker-1"), cluster.start_worker("worker-2")]
            for replica in replicas:
                await cluster.wait_replica(replica)
            for worker in workers:
                await cluster.wait_worker(worker)
            assert len(fake.webhooks) == 2
            assert fake.webhooks[0]["secret_token"] == fake.webhooks[1]["secret_token"]  # one secret for all

            # Each chat sends one article; updates go to the replicas in turn.
            sent = []
            for index, name in enumerate(ARTICLES):
                message = fake.send_message(FIRST_CHAT + index, fixture_text(name))
                update = fake.update(fake.update_id_of(message))
                status = await fake.deliver(update, replicas[index % 2].webhook_url)
                assert status == 200
                sent.append(message)
            # Telegram retries the first update (its answer timed out); the balancer picks the other replica.
            duplicate = fake.update(fake.update_id_of(sent[0]))
            assert await fake.deliver(duplicate, replicas[1].webhook_url) == 200

            # A light command is answered by a replica while the workers analyze.
            help_message = fake.send_message(FIRST_CHAT + 50, "/help")
            assert (
                await fake.deliver(fake.update(fake.update_id_of(help_message)), replicas[0].webhook_url)
                == 200
            )

            # Kill worker-1 while it holds jobs: each worker holds at most two, so three picked means both do.
            for _ in range(600):
                if await picked_jobs(database) >= 3:
                    break
                await asyncio.sleep(0.02)
            assert await picked_jobs(database) >= 3, "the workers never held three jobs at once"
            killed_at = time.perf_counter()  # the fake stamps each message it accepts on this clock
            cluster.kill(workers[0])

            for index in range(len(sent)):
                chat_id = FIRST_CHAT + index
                await fake.wait_for(
                    lambda chat_id=chat_id: summaries(fake, chat_id),
                    timeout=120,
                    what=f"summary in {chat_id}",
                )
            await fake.wait_for(
                lambda: fake.bot_messages(FIRST_CHAT + 50), timeout=30, what="the /help answer"
            )
            # Every update answered and no job left: nothing more will be sent, so the count is final.
            for _ in range(1500):
                unfinished = await database.fetch_value("SELECT COUNT(*) FROM updates WHERE state <> 'done'")
                if unfinished == 0 and await picked_jobs(database) == 0:
                    break
                await asyncio.sleep(0.02)

            # A summary the killed worker got to Telegram just before the kill, unjournaled, is sent again by the
            # other worker: a chat may get two only when the fake accepted its first one before the kill.
            extra = 0
            for index, message in enumerate(sent):
                chat_id = FIRST_CHAT + index
                found = summaries(fake, chat_id)
                allowed = 2 if found and found[0]["sent_at"] <= killed_at else 1
                assert 1 <= len(found) <= allowed, f"chat {chat_id} got {len(found)} summaries"
                extra += len(found) - 1
                # Chat isolation: everything a chat got is a reply to its own message.
                for reply in fake.bot_messages(chat_id):
                    assert reply["chat"]["id"] == chat_id
                    assert reply.get("reply_to_message", {}).get("message_id") == message["message_id"]
            assert extra <= 1, f"{extra} duplicate summaries; at most the one reply in flight at the crash"
            assert len(fake.bot_messages(FIRST_CHAT + 50)) == 1
            assert await database.fetch_value("SELECT COUNT(*) FROM updates WHERE state <> 'done'") == 0
            assert await database.fetch_value("SELECT COUNT(*) FROM articles") == len(ARTICLES)
            assert await picked_jobs(database) == 0
            # Every article answered and no job left picked: what the killed worker held (it held at least one,
            # three being picked at the kill), the other worker took and answered.
            assert workers[1].alive and all(replica.alive for replica in replicas)
        finally:
            cluster.stop()
            await database.close()
        # SIGTERM stops replicas and the surviving worker cleanly: exit code 0, no traceback.
        for role in cluster.processes:
            if role is workers[0]:
                continue
            assert role.process.returncode == 0, (role.name, role.log_text()[-3000:])
            assert "Traceback" not in role.log_text(), role.log_text()[-3000:]
