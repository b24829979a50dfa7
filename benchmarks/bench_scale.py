"""Scale-out figures: analysis throughput with 1 and 2 workers on PostgreSQL and on SQLite, and what the job
queue adds to each article's latency. Everything runs as real processes on loopback against the fake Bot API
in webhook mode; PostgreSQL is started from the `pgserver` wheel.

- **SQLite (embedded)**: one `whosaid run` webhook process analyzing in its own pool of N processes.
- **PostgreSQL (scaled)**: one `whosaid run` webhook replica and N `whosaid worker` processes, each with a pool
  of one analysis process.

For each: the throughput (articles per second, from the first update posted to the last summary received, for
`--articles` different chats sending an ~800-word article at once) and the CPU time that burst cost per article
(every process of the shape, PostgreSQL's included: on a shared machine wall time is mostly other load, CPU time
is what the cores run out of), then `--sequential` articles one at a time
on an idle system: latency from posting the update to receiving the summary. The queue's overhead per article
is measured two ways: from the queue's own log, the median wait from a job being queued to an idle worker picking
it (the articles sent one at a time); and end to end, the difference of the one-at-a-time medians (PostgreSQL
with one worker minus SQLite with one pool process), which also holds the replica's hand-off and PostgreSQL's
writes, and on a busy machine the noise.

Run:  .venv/bin/python benchmarks/bench_scale.py [--articles 24] [--sequential 10]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage import Database  # noqa: E402
from tests.support.bot_harness import plain  # noqa: E402
from tests.support.cluster import Cluster  # noqa: E402
from tests.support.fake_telegram_webhooks import WebhookFakeTelegram  # noqa: E402
from tests.support.postgres import PostgresServer, running_postgres  # noqa: E402

ARTICLE = (ROOT / "tests" / "fixtures" / "articles" / "bot_wildfire_long.txt").read_text(encoding="utf-8")
SUMMARY_MARK = "Who said what"


def summary_time(fake: WebhookFakeTelegram, chat_id: int) -> float | None:
    """When (perf_counter) the fake received the chat's summary."""
    for message in fake.bot_messages(chat_id):
        if SUMMARY_MARK in plain(message["text"]):
            return message["sent_at"]
    return None


async def post_article(fake: WebhookFakeTelegram, chat_id: int, url: str) -> float:
    """Post one article update to the webhook; returns when the post started (perf_counter)."""
    message = fake.send_message(chat_id, ARTICLE)
    update = fake.update(fake.update_id_of(message))
    started = time.perf_counter()
    status = await fake.deliver(update, url)
    if status != 200:
        raise RuntimeError(f"the webhook answered {status}")
    return started


async def wait_summaries(fake: WebhookFakeTelegram, chats: list[int], timeout: float) -> list[float]:
    await fake.wait_for(
        lambda: all(summary_time(fake, chat) is not None for chat in chats), timeout=timeout, what="summaries"
    )
    return [summary_time(fake, chat) for chat in chats]  # type: ignore[misc]


def cpu_seconds(pids: set[int]) -> float:
    """User + system CPU seconds used so far by these processes and all their children (pool processes,
    PostgreSQL's backends). CPU time is what the cores run out of; wall time on a shared machine is mostly
    other people's load."""
    import psutil

    total = 0.0
    seen: set[int] = set()
    for pid in pids:
        try:
            process = psutil.Process(pid)
            family = [process, *process.children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
        for member in family:
            if member.pid in seen:
                continue
            seen.add(member.pid)
            try:
                times = member.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
    return total


def postgres_processes(server: PostgresServer) -> set[int]:
    """This benchmark's PostgreSQL postmaster (found by its data folder; pgserver runs it as its own user
    when we are root), whose children are the server's backends."""
    import psutil

    folder = server.admin_url.split("host=")[-1]
    found = set()
    for process in psutil.process_iter(["name", "cmdline"]):
        if process.info["name"] == "postgres" and folder in " ".join(process.info["cmdline"] or []):
            found.add(process.pid)
    return found


async def queue_wait(database_url: str, since: float) -> float | None:
    """Median seconds from a job being queued to a worker picking it (pgqueuer's own log), for the jobs queued
    after `since` (a Unix time): the articles sent one at a time, so no job waited behind another."""
    database = await Database.open(database_url)
    try:
        rows = await database.fetch_all(
            "SELECT EXTRACT(EPOCH FROM p.created - q.created) FROM pgqueuer_log q"
            " JOIN pgqueuer_log p ON p.job_id = q.job_id AND p.status = 'picked'"
            " WHERE q.status = 'queued' AND q.created >= to_timestamp(?)",
            (since,),
        )
    finally:
        await database.close()
    waits = [float(row[0]) for row in rows]
    return statistics.median(waits) if waits else None


async def measure(
    shape: str, workers: int, articles: int, sequential: int, server: PostgresServer | None
) -> dict[str, float | None]:
    with WebhookFakeTelegram() as fake, tempfile.TemporaryDirectory() as folder:
        database_url = await server.create_database() if server is not None else ""
        cluster = Cluster(
            token=fake.token,
            api_base_url=fake.base_url,
            database_url=database_url,
            folder=Path(folder),
            extra_env={"WHOSAID_QUEUE_LIMIT": str(max(32, articles + 8))},
        )
        try:
            if server is None:
                entry = cluster.start_embedded("embedded", workers=workers)
                await cluster.wait_replica(entry, timeout=180)
            else:
                entry = cluster.start_replica("replica")
                started = [
                    cluster.start_worker(f"worker-{n}", workers=1, kind="process") for n in range(workers)
                ]
                await cluster.wait_replica(entry, timeout=180)
                for worker in started:
                    await cluster.wait_worker(worker, timeout=180)
            url = entry.webhook_url
            assert url is not None
            # Warm-up: every pool process analyzes once, so no model loading or first-call cost is measured.
            warm = list(range(1, 1 + 2 * workers))
            await asyncio.gather(*(post_article(fake, chat, url) for chat in warm))
            await wait_summaries(fake, warm, timeout=300)

            postgres_pids = postgres_processes(server) if server is not None else set()
            # The part of the shape that is not analysis: the replica and PostgreSQL (nothing, when embedded).
            plumbing = {entry.process.pid} | postgres_pids if server is not None else set()
            everything = {role.process.pid for role in cluster.processes} | postgres_pids
            cpu_before, plumbing_before = cpu_seconds(everything), cpu_seconds(plumbing)
            chats = [1000 + n for n in range(articles)]
            posted = await asyncio.gather(*(post_article(fake, chat, url) for chat in chats))
            received = await wait_summaries(fake, chats, timeout=600)
            throughput = articles / (max(received) - min(posted))
            cpu_per_article = (cpu_seconds(everything) - cpu_before) / articles
            plumbing_per_article = (cpu_seconds(plumbing) - plumbing_before) / articles

            latencies = []
            sequential_since = time.time()
            for n in range(sequential):
                chat = 5000 + n
                started_at = await post_article(fake, chat, url)
                (done,) = await wait_summaries(fake, [chat], timeout=120)
                latencies.append(done - started_at)
        finally:
            cluster.stop()
        wait = await queue_wait(database_url, sequential_since) if server is not None else None
        if server is not None:
            await server.drop_database(database_url)
    return {
        "throughput": throughput,
        "cpu_per_article": cpu_per_article,
        "plumbing_per_article": plumbing_per_article if server is not None else None,
        "latency_p50": statistics.median(latencies),
        "latency_min": min(latencies),
        "queue_wait_p50": wait,
    }


async def main_async(args: argparse.Namespace) -> None:
    results: dict[tuple[str, int], dict[str, float | None]] = {}
    with running_postgres() as server:
        for shape in args.shapes:
            for workers in (1, 2):
                results[(shape, workers)] = await measure(
                    shape, workers, args.articles, args.sequential, server if shape == "postgres" else None
                )
                figures = results[(shape, workers)]
                print(
                    f"{shape:8} workers={workers}  {figures['throughput']:.2f} articles/s  "
                    f"CPU {figures['cpu_per_article'] * 1000:.0f} ms/article"
                    + (
                        f" (replica + PostgreSQL {figures['plumbing_per_article'] * 1000:.0f} ms)"
                        if figures["plumbing_per_article"] is not None
                        else ""
                    )
                    + "  "
                    f"one article alone: p50 {figures['latency_p50'] * 1000:.0f} ms "
                    f"(min {figures['latency_min'] * 1000:.0f} ms)"
                    + (
                        f"  queued->picked p50 {figures['queue_wait_p50'] * 1000:.1f} ms"
                        if figures["queue_wait_p50"] is not None
                        else ""
                    ),
                    flush=True,
                )
    for shape in args.shapes:
        one, two = results[(shape, 1)]["throughput"], results[(shape, 2)]["throughput"]
        print(f"{shape}: 2 workers give {two / one:.2f}x the throughput of 1")  # type: ignore[operator]
    if len(args.shapes) < 2:
        return
    cpu_overhead = results[("postgres", 1)]["cpu_per_article"] - results[("sqlite", 1)]["cpu_per_article"]  # type: ignore[operator]
    print(
        f"CPU the scaled shape adds per article (replica, queue, PostgreSQL; 1 worker): {cpu_overhead * 1000:.0f} ms"
    )
    overhead = results[("postgres", 1)]["latency_p50"] - results[("sqlite", 1)]["latency_p50"]  # type: ignore[operator]
    print(
        f"queue overhead per article (p50 latency, PostgreSQL + queue - SQLite, 1 worker): {overhead * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=24, help="articles sent at once (one chat each)")
    parser.add_argument("--sequential", type=int, default=10, help="articles sent one at a time")
    parser.add_argument(
        "--shapes",
        type=lambda text: [shape for shape in text.split(",") if shape],
        default=["sqlite", "postgres"],
        help="which shapes to measure (default: sqlite,postgres)",
    )
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
