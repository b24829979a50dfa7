"""The bot under load: N chats each send an ~800-word article at once, against the fake Bot API over loopback.

Prints, for each pool kind (thread, process): p50/p95/max latency from the moment `getUpdates` served an
update to the moment the fake server received the reply, the total time, and `/help` latency measured while the
articles are being analyzed. Run:  .venv/bin/python benchmarks/bench_bot.py [--chats 20] [--workers 2]
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

from tests.support.bot_harness import bot_settings, running_bot  # noqa: E402
from tests.support.fake_telegram import FakeTelegram  # noqa: E402

ARTICLE = (ROOT / "tests" / "fixtures" / "articles" / "bot_wildfire_long.txt").read_text(encoding="utf-8")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def latency(fake: FakeTelegram, message: dict) -> float:
    """Seconds from the update being served to the bot's first reply to it arriving."""
    replies = fake.replies_to(message["chat"]["id"], message["message_id"])
    served = fake.served_at(fake.update_id_of(message))
    assert served is not None and replies
    return min(reply["sent_at"] for reply in replies) - served


async def run_load(kind: str, chats: int, workers: int) -> dict[str, float]:
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as folder:
        settings = bot_settings(
            fake,
            Path(folder) / "bench.db",
            WHOSAID_WORKERS=workers,
            WHOSAID_WORKER_KIND=kind,
            WHOSAID_QUEUE_LIMIT=max(32, chats + 8),
        )
        async with running_bot(settings):
            # Warm: one article end to end so connection set-up and first-call costs are not measured.
            warm = fake.send_message(1, ARTICLE)
            await fake.wait_for(lambda: fake.replies_to(1, warm["message_id"]), timeout=120, what="warm-up")

            started = time.perf_counter()
            articles = [fake.send_message(1000 + chat, ARTICLE) for chat in range(chats)]
            helps = []
            while not all(fake.replies_to(m["chat"]["id"], m["message_id"]) for m in articles):
                if len(helps) < 20:
                    helps.append(fake.send_message(9999, "/help"))
                await asyncio.sleep(0.25)
            total = time.perf_counter() - started
            await fake.wait_for(
                lambda: all(fake.replies_to(9999, m["message_id"]) for m in helps), timeout=60
            )
        article_latency = [latency(fake, message) for message in articles]
        help_latency = [latency(fake, message) for message in helps]
    return {
        "p50": statistics.median(article_latency),
        "p95": percentile(article_latency, 0.95),
        "max": max(article_latency),
        "total": total,
        "throughput": chats / total,
        "help_p50": statistics.median(help_latency),
        "help_max": max(help_latency),
        "help_n": len(help_latency),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kinds", default="thread,process")
    parser.add_argument("--rounds", type=int, default=1, help="repeat, alternating the pool kinds")
    args = parser.parse_args()
    words = len(ARTICLE.split())
    print(
        f"{args.chats} chats x one {words}-word article each, {args.workers} workers; fake Bot API on loopback"
    )
    print(
        f"{'pool':8} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'total s':>8} {'art/s':>6} {'/help p50':>10} "
        f"{'/help max':>10}"
    )
    for _ in range(args.rounds):
        for kind in args.kinds.split(","):
            result = asyncio.run(run_load(kind, args.chats, args.workers))
            print(
                f"{kind:8} {result['p50']:7.2f} {result['p95']:7.2f} {result['max']:7.2f} {result['total']:8.2f} "
                f"{result['throughput']:6.2f} {result['help_p50'] * 1000:8.0f}ms {result['help_max'] * 1000:8.0f}ms"
            )


if __name__ == "__main__":
    main()
