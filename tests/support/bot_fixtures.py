"""Pytest fixtures for end-to-end bot tests: a fake Bot API server, a database file, a running bot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.support.bot_harness import bot_settings, running_bot
from tests.support.fake_telegram import FakeTelegram


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    with FakeTelegram() as server:
        yield server
    # Every message the bot sent must be one Telegram accepts (valid HTML, under 4096 characters).
    assert server.refused == [], server.refused


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "whosaid.db"


@pytest.fixture
async def bot(fake: FakeTelegram, db_path: Path) -> AsyncIterator[object]:
    """The real Application, running against `fake` with its own database file."""
    async with running_bot(bot_settings(fake, db_path)) as application:
        yield application
