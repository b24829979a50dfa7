"""Running the real WhoSaid Application against the fake Bot API server, the way `run_polling` does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import unescape
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.app import build_application, start_application, stop_application
from bot.settings import Settings
from tests.support.fake_telegram import FakeTelegram


def bot_settings(fake: FakeTelegram, db_path: Path, **overrides: Any) -> Settings:
    """Settings for a test bot: the fake's URL and token, a thread pool of one, no `.env`."""
    values: dict[str, Any] = {
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "WHOSAID_DB_PATH": str(db_path),
        "WHOSAID_WORKERS": 1,
        "WHOSAID_WORKER_KIND": "thread",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


async def start_bot(settings: Settings) -> Application:
    """Initialize, open services (post_init) and start polling; the caller must `stop_bot` it."""
    application = build_application(settings)
    await start_application(application, poll_timeout=1)
    return application


async def stop_bot(application: Application) -> None:
    """Graceful stop, as `whosaid run` does on SIGTERM: receiver, handlers (within the grace), services."""
    await stop_application(application)


@asynccontextmanager
async def running_bot(settings: Settings) -> AsyncIterator[Application]:
    """A started bot for the block's duration."""
    application = await start_bot(settings)
    try:
        yield application
    finally:
        await stop_bot(application)


def plain(html: str) -> str:
    """What a person reads of a Telegram HTML message: tags dropped, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", html))


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """A bot message's inline buttons, text -> callback data."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def reply_to(fake: FakeTelegram, message: dict[str, Any], *, count: int = 1) -> list[dict[str, Any]]:
    """Wait until the bot has sent at least `count` replies to a user message; returns them."""
    chat_id = message["chat"]["id"]
    return await fake.wait_for(
        lambda: (
            (replies := fake.replies_to(chat_id, message["message_id"])) and len(replies) >= count and replies
        ),
        what=f"a reply to message {message['message_id']} in chat {chat_id}",
    )


ROOT = Path(__file__).resolve().parent.parent.parent


def spawn_bot(fake: FakeTelegram, db_path: Path, log_path: Path, **env: str) -> subprocess.Popen[bytes]:
    """`whosaid run` in a child process (its own process group, as a terminal would start it), logging to a
    file (a pipe nobody reads would fill up and block it)."""
    variables = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "WHOSAID_DB_PATH": str(db_path),
        "WHOSAID_WORKERS": "1",
        "WHOSAID_WORKER_KIND": "thread",
        **env,
    }
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=ROOT,
            env=variables,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )


def child_pids(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: the parent pid is the 2nd field after it.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def summary_counts(fake: FakeTelegram, sent: list[dict[str, Any]]) -> list[int]:
    """For each user message, how many summaries (messages starting with 📰) the bot sent in reply."""
    return [
        sum(
            1
            for reply in fake.replies_to(message["chat"]["id"], message["message_id"])
            if plain(reply["text"]).startswith("📰")
        )
        for message in sent
    ]


def apologies(fake: FakeTelegram, chat_ids: list[int], apology: str) -> int:
    """How many times the bot said `apology` in these chats."""
    return sum(1 for chat_id in chat_ids for m in fake.bot_messages(chat_id) if apology in plain(m["text"]))
