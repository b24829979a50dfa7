"""A burst: N chats each forward K articles at once (default 50 x 5), against the fake Bot API over loopback.

The bot runs as `whosaid run` does by default (a process pool of `--workers`, the default queue settings).
Each chat sends its K articles one after another, chat after chat, all at once (the order in which a plain
first-come queue is least fair to the last chats). Prints how many articles were answered with a summary,
how many were refused, the time from the burst to each chat's first summary (p50, p95, max), the time of the
last summary, and how many chats were told where their articles stood. Run:

    .venv/bin/python benchmarks/bench_burst.py [--chats 50] [--per-chat 5] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.bot_harness import bot_settings, running_bot  # noqa: E402
from tests.support.fake_telegram import FakeTelegram  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
# Our own articles of 270-380 words, each with attributed claims and figures.
NAMES = [
    "bot_dam_collapse.txt",
    "bot_port_strike.txt",
    "bot_clinic_outbreak.txt",
    "engine_mine_collapse.txt",
    "engine_train_derailment.txt",
    "links_ferry_capsize.txt",
    "links_water_tariff.txt",
]
FIRST_CHAT = 20_000
REFUSAL = "send it again"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def replies(fake: FakeTelegram, message: dict[str, Any]) -> list[dict[str, Any]]:
    return fake.replies_to(message["chat"]["id"], message["message_id"])


async def run_burst(chats: int, per_chat: int, workers: int, kind: str) -> dict[str, Any]:
    articles = [(FIXTURES / name).read_text(encoding="utf-8") for name in NAMES[:per_chat]]
    if len(articles) < per_chat:
        raise SystemExit(f"--per-chat can be at most {len(NAMES)} (one distinct article each)")
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as folder:
        settings = bot_settings(fake, Path(folder) / "burst.db", WHOSAID_WORKERS=workers, WHOSAID_WORKER_KIND=kind)
        async with running_bot(settings):
            # Warm: one article end to end, so connection set-up and first-call costs are not measured.
            warm = fake.send_message(1, articles[0])
            await fake.wait_for(lambda: replies(fake, warm), timeout=180, what="warm-up")

            started = time.perf_counter()
            sent = [
                fake.send_message(FIRST_CHAT + chat, text) for chat in range(chats) for text in articles
            ]
            await fake.wait_for(
                lambda: all(replies(fake, message) for message in sent),
                timeout=1800,
                what="a reply to every article",
            )
    by_chat: dict[int, list[float]] = {}
    answered = refused = other = extra = 0
    last = 0.0
    for message in sent:
        found = replies(fake, message)
        summaries = [reply for reply in found if reply["text"].startswith("📰")]
        if summaries:
            answered += 1
            extra += len(summaries) - 1
            at = min(reply["sent_at"] for reply in summaries) - started
            by_chat.setdefault(message["chat"]["id"], []).append(at)
            last = max(last, at)
        elif any(REFUSAL in reply["text"] for reply in found):
            refused += 1
        else:
            other += 1
    first = [min(times) for times in by_chat.values()]
    told = [
        sum(1 for message in fake.bot_messages(FIRST_CHAT + chat) if "ahead of yours" in message["text"])
        for chat in range(chats)
    ]
    return {
        "articles": len(sent),
        "answered": answered,
        "refused": refused,
        "other": other,
        "extra": extra,
        "chats_without_summary": chats - len(by_chat),
        "first_p50": statistics.median(first) if first else float("nan"),
        "first_p95": percentile(first, 0.95) if first else float("nan"),
        "first_max": max(first) if first else float("nan"),
        "last": last,
        "chats_told": sum(1 for count in told if count),
        "typing_calls": len(fake.calls("sendChatAction")),
        "most_told": max(told),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--per-chat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kind", default="process")
    args = parser.parse_args()
    print(
        f"{args.chats} chats x {args.per_chat} articles at once, {args.workers} {args.kind} workers; "
        "fake Bot API on loopback"
    )
    result = asyncio.run(run_burst(args.chats, args.per_chat, args.workers, args.kind))
    print(
        f"answered {result['answered']}/{result['articles']}, refused {result['refused']}, "
        f"other replies {result['other']}, extra summaries {result['extra']}, "
        f"chats without a summary {result['chats_without_summary']}"
    )
    print(
        f"first summary per chat: p50 {result['first_p50']:.1f} s, p95 {result['first_p95']:.1f} s, "
        f"max {result['first_max']:.1f} s; last summary {result['last']:.1f} s after the burst"
    )
    print(
        f"chats told where they stand: {result['chats_told']} (at most {result['most_told']} notice per chat); "
        f"'typing…' calls: {result['typing_calls']}"
    )


if __name__ == "__main__":
    main()
