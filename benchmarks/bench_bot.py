"""The bot under load: N chats each send an ~800-word article at once, against the fake Bot API over loopback.

Prints, for each pool kind and each mode (clean, and with faults injected into sendMessage: 429s for 3 s,
a 5xx burst, a connection dropped before and one after delivery, an answer that hangs past the read timeout):
p50/p95/max latency from the moment `getUpdates` served an update to the moment the fake server received the
first reply to it, the total time, `/help` latency measured while the articles are being analyzed, and the
summaries counted per article. Run:

    .venv/bin/python benchmarks/bench_bot.py [--chats 10] [--workers 2] [--kinds process,thread] [--rounds 1]
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


def inject_faults(fake: FakeTelegram) -> None:
    """Telegram's bad minute, on sendMessage: 429s for 3 s, then 502, 502, 500, then dropped and hung calls."""
    fake.inject_error("sendMessage", status=429, retry_after=1, for_seconds=3)
    fake.inject_error("sendMessage", status=502, times=2)
    fake.inject_error("sendMessage", status=500, times=1)
    fake.drop_connection("sendMessage", after_delivery=False)
    fake.drop_connection("sendMessage", after_delivery=True)
    fake.hang("sendMessage", seconds=2.0)


def summaries(fake: FakeTelegram, message: dict) -> int:
    replies = fake.replies_to(message["chat"]["id"], message["message_id"])
    return sum(1 for reply in replies if reply["text"].startswith("📰"))


async def run_load(kind: str, chats: int, workers: int, faults: bool) -> dict[str, float]:
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as folder:
        settings = bot_settings(
            fake,
            Path(folder) / "bench.db",
            WHOSAID_WORKERS=workers,
            WHOSAID_WORKER_KIND=kind,
            WHOSAID_QUEUE_LIMIT=max(32, chats + 8),
            # The hung answer (2 s) outlasts this read timeout, as a 25 s hang outlasts the default 20 s.
            WHOSAID_TELEGRAM_TIMEOUT=1.5,
        )
        async with running_bot(settings):
            # Warm: one article end to end so connection set-up and first-call costs are not measured.
            warm = fake.send_message(1, ARTICLE)
            await fake.wait_for(lambda: fake.replies_to(1, warm["message_id"]), timeout=120, what="warm-up")

            started = time.perf_counter()
            articles = [fake.send_message(1000 + chat, ARTICLE) for chat in range(chats)]
            helps = []
            injected = not faults
            while not all(fake.replies_to(m["chat"]["id"], m["message_id"]) for m in articles):
                if not injected and any(fake.replies_to(m["chat"]["id"], m["message_id"]) for m in articles):
                    # From the first summary on, the other summaries and the /help replies meet the faults.
                    inject_faults(fake)
                    injected = True
                if len(helps) < 20:
                    helps.append(fake.send_message(9999, "/help"))
                await asyncio.sleep(0.25)
            total = time.perf_counter() - started
            await fake.wait_for(
                lambda: all(fake.replies_to(9999, m["message_id"]) for m in helps), timeout=60
            )
            await asyncio.sleep(3.0)  # a late duplicate would arrive in this time
        article_latency = [latency(fake, message) for message in articles]
        help_latency = [latency(fake, message) for message in helps]
        counts = [summaries(fake, message) for message in articles]
        help_extra = sum(len(fake.replies_to(9999, message["message_id"])) - 1 for message in helps)
    return {
        "help_extra": help_extra,
        "exactly_one": sum(1 for count in counts if count == 1),
        "extra": sum(count - 1 for count in counts if count > 1),
        "missing": sum(1 for count in counts if count == 0),
        "p50": statistics.median(article_latency),
        "p95": percentile(article_latency, 0.95),
        "max": max(article_latency),
        "total": total,
        "throughput": chats / total,
        "help_p50": statistics.median(help_latency),
        "help_p95": percentile(help_latency, 0.95),
        "help_max": max(help_latency),
        "help_n": len(help_latency),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kinds", default="process")
    parser.add_argument("--modes", default="clean,faults")
    parser.add_argument("--rounds", type=int, default=1, help="repeat, alternating the pool kinds and modes")
    args = parser.parse_args()
    words = len(ARTICLE.split())
    print(
        f"{args.chats} chats x one {words}-word article each, {args.workers} workers; fake Bot API on loopback"
    )
    print(
        f"{'pool':8} {'mode':7} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'total s':>8} {'art/s':>6} "
        f"{'/help p50':>10} {'/help p95':>10} {'/help max':>10}  summaries"
    )
    for _ in range(args.rounds):
        for kind in args.kinds.split(","):
            for mode in args.modes.split(","):
                result = asyncio.run(run_load(kind, args.chats, args.workers, faults=mode == "faults"))
                print(
                    f"{kind:8} {mode:7} {result['p50']:7.2f} {result['p95']:7.2f} {result['max']:7.2f} "
                    f"{result['total']:8.2f} {result['throughput']:6.2f} {result['help_p50'] * 1000:8.0f}ms "
                    f"{result['help_p95'] * 1000:8.0f}ms {result['help_max'] * 1000:8.0f}ms  "
                    f"{result['exactly_one']}/{args.chats} exactly one, {result['extra']} extra, "
                    f"{result['missing']} missing; /help: {result['help_n']:.0f} asked, "
                    f"{result['help_extra']} extra",
                    flush=True,
                )


if __name__ == "__main__":
    main()
