"""The fault table: the real `whosaid run` (default settings: process pool, 2 workers) against the fake Bot API
over loopback, with Telegram's bad minutes injected one after another, then a SIGKILL and a Ctrl+C.

For each fault it prints how many articles got exactly one summary, the extra summaries and how many of them
the bot logged as possible duplicates, the apologies, and how long the last summary took. Run:

    .venv/bin/python benchmarks/bench_faults.py
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import SOMETHING_WENT_WRONG  # noqa: E402
from tests.support.bot_harness import alive, apologies, child_pids, spawn_bot, summary_counts  # noqa: E402
from tests.support.fake_telegram import FakeTelegram  # noqa: E402

ARTICLES = [
    (ROOT / "tests" / "fixtures" / "articles" / name).read_text(encoding="utf-8")
    for name in ("bot_dam_collapse.txt", "bot_port_strike.txt", "bot_clinic_outbreak.txt", "bot_wildfire_long.txt")
]
DUPLICATE_NOTE = "a duplicate is possible"
SETTLE = 3.0  # seconds to wait after the last summary for a late duplicate

Fault = Callable[[FakeTelegram], None]
# (name, fault, articles); a hung answer needs the bot's read timeout (20 s) to pass before a duplicate shows.
SCENARIOS: list[tuple[str, Fault, int]] = [
    ("429 retry_after 2 s for 5 s", lambda f: f.inject_error("sendMessage", retry_after=2, for_seconds=5), 5),
    ("429 retry_after 2 s for 10 s", lambda f: f.inject_error("sendMessage", retry_after=2, for_seconds=10), 3),
    ("429 retry_after 1 s for 12 s", lambda f: f.inject_error("sendMessage", retry_after=1, for_seconds=12), 3),
    ("429 retry_after 2 s for 15 s", lambda f: f.inject_error("sendMessage", retry_after=2, for_seconds=15), 3),
    (
        "502, 502, 500 on sendMessage",
        lambda f: (
            f.inject_error("sendMessage", status=502, times=2),
            f.inject_error("sendMessage", status=500, times=1),
        ),
        4,
    ),
    ("connection dropped before delivery", lambda f: f.drop_connection("sendMessage", after_delivery=False), 2),
    ("connection dropped after delivery", lambda f: f.drop_connection("sendMessage", after_delivery=True), 2),
    ("response hung 25 s", lambda f: f.hang("sendMessage", seconds=25), 2),
]


def logged_duplicates(log_path: Path, since: int) -> int:
    return log_path.read_text(errors="replace")[since:].count(DUPLICATE_NOTE)


def outcome(fake: FakeTelegram, sent: list[dict[str, Any]], duplicates: int, took: float) -> str:
    counts = summary_counts(fake, sent)
    once = sum(1 for count in counts if count == 1)
    extra = sum(count - 1 for count in counts if count > 1)
    missing = sum(1 for count in counts if count == 0)
    sorry = apologies(fake, [message["chat"]["id"] for message in sent], SOMETHING_WENT_WRONG)
    return (
        f"{once} of {len(sent)} answered exactly once; {missing} missing; {extra} extra "
        f"({duplicates} logged as possible duplicates); {sorry} apologies; last summary after {took:.1f} s"
    )


async def settle(fake: FakeTelegram, sent: list[dict[str, Any]], timeout: float, quiet: float = SETTLE) -> float:
    """Wait for every summary, then for `quiet` seconds without a new sendMessage; returns the first wait."""
    started = time.monotonic()
    with contextlib.suppress(AssertionError):  # report what arrived, even if not everything did
        await fake.wait_for(lambda: all(summary_counts(fake, sent)), timeout=timeout, what="every summary")
    took = time.monotonic() - started
    while True:
        calls = len(fake.calls("sendMessage"))
        await asyncio.sleep(quiet)
        if len(fake.calls("sendMessage")) == calls:
            return took


async def wait_started(fake: FakeTelegram, starts: int) -> None:
    """Wait until the bot has started `starts` times (each start registers the command list)."""
    await fake.wait_for(lambda: len(fake.calls("setMyCommands")) >= starts, timeout=180, what="the bot to start")


async def main() -> None:
    chat = 20_000
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "whosaid.db"
        log_path = Path(folder) / "run.log"
        child = spawn_bot(fake, db_path, log_path, WHOSAID_WORKERS="2", WHOSAID_WORKER_KIND="process")
        try:
            await wait_started(fake, 1)
            print(f"{'fault':40} outcome", flush=True)
            for name, inject, count in SCENARIOS:
                since = len(log_path.read_text(errors="replace"))
                inject(fake)
                sent = [fake.send_message(chat + n, ARTICLES[n % len(ARTICLES)]) for n in range(count)]
                chat += count
                took = await settle(fake, sent, timeout=120, quiet=25.0 if "hung" in name else SETTLE)
                fake.clear_faults()
                print(f"{name:40} {outcome(fake, sent, logged_duplicates(log_path, since), took)}", flush=True)

            # SIGKILL with articles in flight (nothing can be delivered yet), then a restart on the same file.
            fake.inject_error("sendMessage", retry_after=1, for_seconds=120)
            sent = [fake.send_message(chat + n, ARTICLES[n % len(ARTICLES)]) for n in range(5)]
            chat += 5
            await fake.wait_for(lambda: fake.pending_updates() == 0, what="updates confirmed")
            await asyncio.sleep(1.0)
            workers = child_pids(child.pid)
            child.send_signal(signal.SIGKILL)
            child.wait(30)
            killed_at = time.monotonic()
            while any(alive(pid) for pid in workers) and time.monotonic() - killed_at < 10:
                await asyncio.sleep(0.1)
            orphans = sum(1 for pid in workers if alive(pid))
            gone_after = time.monotonic() - killed_at
            fake.clear_faults()
            since = len(log_path.read_text(errors="replace"))
            child = spawn_bot(fake, db_path, log_path, WHOSAID_WORKERS="2", WHOSAID_WORKER_KIND="process")
            await wait_started(fake, 2)
            took = await settle(fake, sent, timeout=120)
            print(
                f"{'SIGKILL, 5 in flight, restart':40} {outcome(fake, sent, logged_duplicates(log_path, since), took)}"
                f"; {len(workers)} child processes, {orphans} left after {gone_after:.1f} s",
                flush=True,
            )

            # Ctrl+C (SIGINT to the process group) with a reply hung for 60 s.
            since = len(log_path.read_text(errors="replace"))
            workers = child_pids(child.pid)
            faults_before = len(fake.faults_applied)
            fake.hang("sendMessage", seconds=60, times=10)
            sent = [fake.send_message(chat + n, ARTICLES[n % len(ARTICLES)]) for n in range(3)]
            chat += 3
            await fake.wait_for(lambda: len(fake.faults_applied) > faults_before, timeout=60, what="a hung reply")
            stopped_at = time.monotonic()
            os.killpg(child.pid, signal.SIGINT)
            code = await asyncio.to_thread(child.wait, 60)
            took_to_stop = time.monotonic() - stopped_at
            logged = log_path.read_text(errors="replace")[since:]
            tracebacks = logged.count("Traceback") + logged.count("KeyboardInterrupt")
            await asyncio.sleep(0.5)
            orphans = sum(1 for pid in workers if alive(pid))
            print(
                f"{'Ctrl+C with a reply hung 60 s':40} exit code {code} after {took_to_stop:.1f} s; "
                f"{tracebacks} tracebacks; {orphans} of {len(workers)} child processes left",
                flush=True,
            )
            fake.clear_faults()
            # Duplicates logged from the Ctrl+C on: a reply stopped in flight is sent again after the restart.
            child = spawn_bot(fake, db_path, log_path, WHOSAID_WORKERS="2", WHOSAID_WORKER_KIND="process")
            await wait_started(fake, 3)
            took = await settle(fake, sent, timeout=120)
            print(
                f"{'  ... the same articles after a restart':40} "
                f"{outcome(fake, sent, logged_duplicates(log_path, since), took)}",
                flush=True,
            )
        finally:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
                child.wait(60)


if __name__ == "__main__":
    asyncio.run(main())
