"""Failures bounded and told: what real Telegram traffic carries that the bot must survive without going quiet.

Each case was found by sending, as a new user would, the kinds of updates Telegram delivers to the real
Application talking to the fake Bot API on loopback: a file whose download keeps failing, an update the
library can't parse, fields the JSON encoder doesn't know, entities that don't fit their text, and a stop
signal while the receiver is in trouble.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.app import SOMETHING_WENT_WRONG
from handlers.message_reader import WHAT_TO_SEND
from tests.conftest import fixture_text
from tests.support.bot_harness import apologies, bot_settings, plain, reply_to, running_bot, spawn_bot
from tests.support.fake_telegram import FakeTelegram

CHAT = 7300
OTHER_CHAT = 7301
# A word no fixture, log template or library message contains: if it reaches a log, article text did.
MARKER = "Quorvexilan"


def services_of(application: Any) -> Any:
    return application.bot_data["whosaid.services"]


async def update_state(application: Any, update_id: int) -> str | None:
    return await services_of(application).update_log.state(update_id)


async def wait_state(
    fake: FakeTelegram, application: Any, update_id: int, wanted: str, timeout: float = 60
) -> None:
    """Wait until the update log says `wanted` for the update: looked up again after each call the bot makes
    to the fake Bot API (the bot writes its log around those calls, and long-polls getUpdates meanwhile)."""
    deadline = time.monotonic() + timeout
    while (now := await update_state(application, update_id)) != wanted:
        if time.monotonic() > deadline:
            raise AssertionError(f"update {update_id} is {now}, not {wanted}")
        calls = fake.request_count()
        with contextlib.suppress(AssertionError):
            await fake.wait_for(
                lambda calls=calls: fake.request_count() > calls, timeout=1.0, what="the bot's next call"
            )


# ----- a document whose download keeps failing -------------------------------------------------------------


@pytest.mark.parametrize("fault", ["status_500", "dropped"])
async def test_a_download_that_keeps_failing_is_given_up_and_the_person_told(
    fake: FakeTelegram, db_path: Path, fault: str
) -> None:
    document = fake.add_document(fixture_text("bot_dam_collapse.txt").encode(), "dam.txt", "text/plain")
    if fault == "status_500":
        fake.inject_error("download", status=500, for_seconds=600)
    else:
        fake.drop_connection("download", after_delivery=False, times=1000)
    settings = bot_settings(
        fake, db_path, WHOSAID_MAX_ATTEMPTS=3, WHOSAID_REDELIVERY_SECONDS=0.2, WHOSAID_SEND_RETRY_MINUTES=0.01
    )
    async with running_bot(settings) as application:
        sent = fake.send_message(CHAT, document=document)
        update_id = fake.update_id_of(sent)
        reply = await reply_to(fake, sent)
        await wait_state(fake, application, update_id, "failed")
        downloads = len(fake.calls("download"))
        # Given up means given up: no more attempts, however long the bot runs on.
        fake.send_message(OTHER_CHAT, "/help")
        await fake.wait_for(lambda: fake.bot_messages(OTHER_CHAT), what="the other chat's answer")
        assert len(fake.calls("download")) == downloads
    assert "couldn't download your file from Telegram" in plain(reply[0]["text"])
    assert "send it again" in plain(reply[0]["text"])
    assert len(fake.replies_to(CHAT, sent["message_id"])) == 1
    assert apologies(fake, [CHAT], SOMETHING_WENT_WRONG) == 0


async def test_an_update_unfinished_past_its_deadline_is_closed_and_told(
    fake: FakeTelegram, db_path: Path
) -> None:
    document = fake.add_document(fixture_text("bot_dam_collapse.txt").encode(), "dam.txt", "text/plain")
    fake.inject_error("download", status=500, for_seconds=600)
    # Many attempts allowed, but a deadline shorter than the second one: the deadline closes it.
    settings = bot_settings(
        fake, db_path, WHOSAID_MAX_ATTEMPTS=1000, WHOSAID_UPDATE_DEADLINE_MINUTES=0.01,
        WHOSAID_REDELIVERY_SECONDS=0.5, WHOSAID_SEND_RETRY_MINUTES=0.01,
    )  # fmt: skip
    async with running_bot(settings) as application:
        sent = fake.send_message(CHAT, document=document)
        reply = await reply_to(fake, sent)
        await wait_state(fake, application, fake.update_id_of(sent), "failed")
    assert "couldn't download your file from Telegram" in plain(reply[0]["text"])
    assert len(fake.calls("download")) < 1000


# ----- an update the library can't parse ---------------------------------------------------------------------

BROKEN_POLL = {
    # Bot API 9.6 added `persistent_id` to poll options; python-telegram-bot requires it.
    "poll": {
        "id": "poll1",
        "question": "Which figure is right?",
        "options": [{"text": "17", "voter_count": 1}, {"text": "22", "voter_count": 0}],
        "total_voter_count": 1,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
    }
}


async def test_an_update_the_library_cannot_parse_is_skipped_and_others_answered(
    fake: FakeTelegram, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    article = fixture_text("bot_port_strike.txt") + f"\n\n{MARKER} said nothing."
    async with running_bot(bot_settings(fake, db_path)) as application:
        before = fake.send_message(OTHER_CHAT, article)
        broken_id = fake._queue(BROKEN_POLL)
        after = fake.send_message(CHAT, "/help")
        await reply_to(fake, before)
        await reply_to(fake, after)
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="the offset to move past every update")
        state = await update_state(application, broken_id)
        polls = len(fake.calls("getUpdates"))
    assert state == "refused"
    logged = [record.getMessage() for record in caplog.records]
    mentions = [line for line in logged if str(broken_id) in line and "poll" in line]
    assert len(mentions) == 1, mentions
    assert not any(MARKER in line for line in logged), "a log line carries article text"
    assert polls < 200, "getUpdates is called in a tight loop"


# ----- every update recorded durably -------------------------------------------------------------------------


async def test_an_update_with_a_field_json_does_not_know_is_recorded(
    fake: FakeTelegram, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    # A pinned message Telegram can no longer show comes with date 0 (python-telegram-bot keeps a datetime).
    pinned = {
        "message_id": 1,
        "date": int(time.time()),
        "chat": fake.chat(CHAT),
        "from": fake.user(CHAT),
        "pinned_message": {"message_id": 0, "date": 0, "chat": fake.chat(CHAT)},
    }
    async with running_bot(bot_settings(fake, db_path)) as application:
        update_id = fake._queue({"message": pinned})
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="the update to be received")
        await wait_state(fake, application, update_id, "done")
    assert not any("durable copy" in record.getMessage() for record in caplog.records)


# ----- malformed entities ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("   ", [{"type": "bot_command", "offset": 0, "length": 3}]),
        ("\u2003\n", [{"type": "bot_command", "offset": 0, "length": 2}]),
        ("hi 😀 there", [{"type": "mention", "offset": 4, "length": 1}]),  # splits the emoji's surrogate pair
        ("hi 😀 there", [{"type": "url", "offset": 3, "length": 1}]),
        ("short", [{"type": "mention", "offset": 2, "length": 40}]),  # runs past the text
        ("short", [{"type": "mention", "offset": 30, "length": 4}]),  # starts past the text
        ("/", [{"type": "bot_command", "offset": 0, "length": 1}]),
    ],
)
async def test_malformed_entities_get_the_ordinary_reply(
    fake: FakeTelegram, bot: object, text: str, entities: list[dict[str, Any]]
) -> None:
    sent = fake.send_message(CHAT, text, entities=entities)
    fake.send_message(OTHER_CHAT, "/help")
    await fake.wait_for(lambda: fake.bot_messages(OTHER_CHAT), what="the next update's answer")
    await fake.wait_for(lambda: fake.pending_updates() == 0, what="the update to be received")
    replies = fake.replies_to(CHAT, sent["message_id"])
    assert apologies(fake, [CHAT], SOMETHING_WENT_WRONG) == 0
    assert all(
        plain(reply["text"]) in (WHAT_TO_SEND,) or "/help" in plain(reply["text"]) for reply in replies
    )


async def test_malformed_entities_in_a_group_are_ignored_quietly(fake: FakeTelegram, bot: object) -> None:
    group = -1007300
    sent = fake.send_message(
        group, "look 😀 here", chat_type="supergroup", user_id=5,
        entities=[{"type": "mention", "offset": 6, "length": 9}],
    )  # fmt: skip
    fake.send_message(OTHER_CHAT, "/help")
    await fake.wait_for(lambda: fake.bot_messages(OTHER_CHAT), what="the next update's answer")
    assert fake.replies_to(group, sent["message_id"]) == []
    assert apologies(fake, [group], SOMETHING_WENT_WRONG) == 0


# ----- logs carry ids, kinds and lengths, never text ---------------------------------------------------------


async def test_logs_never_carry_article_text(
    fake: FakeTelegram, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    article = fixture_text("bot_dam_collapse.txt") + f"\n\n{MARKER} declined to comment."
    settings = bot_settings(fake, db_path, WHOSAID_SEND_RETRY_MINUTES=0.01, WHOSAID_REDELIVERY_SECONDS=0.5)
    async with running_bot(settings):
        fake.inject_error("sendMessage", status=400, times=1)  # a refusal: the error path logs
        failing = fake.send_message(CHAT, article)
        await fake.wait_for(lambda: fake.calls("sendMessage"), what="a reply attempt")
        fine = fake.send_message(OTHER_CHAT, article.replace(MARKER, MARKER + "a"))
        await reply_to(fake, fine)
        fake._queue(BROKEN_POLL)
        short = fake.send_message(
            CHAT, f"{MARKER} here", entities=[{"type": "mention", "offset": 0, "length": 99}]
        )
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="every update received")
        await fake.wait_for(
            lambda: fake.replies_to(CHAT, short["message_id"]), what="the short text's answer"
        )
    assert failing
    leaked = [record.getMessage() for record in caplog.records if MARKER in record.getMessage()]
    leaked += [
        record.exc_text or "" for record in caplog.records if record.exc_text and MARKER in record.exc_text
    ]
    assert leaked == []


# ----- SIGTERM ends the process within the grace period ------------------------------------------------------


async def test_sigterm_ends_the_process_within_the_grace_even_with_an_unreadable_update(
    fake: FakeTelegram, db_path: Path
) -> None:
    log_path = db_path.with_suffix(".log")
    child = spawn_bot(fake, db_path, log_path, WHOSAID_SHUTDOWN_GRACE="2")
    try:
        await fake.wait_for(lambda: fake.commands, timeout=90, what="the child to start")
        fake._queue(BROKEN_POLL)
        sent = fake.send_message(CHAT, "/help")
        await reply_to(fake, sent)
        child.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(child.wait, 2 + 15)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    logged = log_path.read_text(errors="replace")
    assert code == 0, logged[-3000:]
    assert "Traceback" not in logged, logged[-3000:]


async def test_a_webhook_update_the_library_cannot_parse_is_not_dumped_in_the_log(
    fake: FakeTelegram, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """python-telegram-bot's webhook server parses an update before the bot sees it, and logs what it
    couldn't parse: the log keeps its kind, not the people's text in it."""
    caplog.set_level(logging.INFO)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = bot_settings(
        fake, db_path, WHOSAID_WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
        WHOSAID_WEBHOOK_LISTEN="127.0.0.1", WHOSAID_WEBHOOK_PORT=port,
    )  # fmt: skip
    broken = {"update_id": 990, **BROKEN_POLL}
    broken["poll"] = {**BROKEN_POLL["poll"], "question": f"Did {MARKER} say 17?"}
    async with running_bot(settings):
        assert fake.webhook is not None
        headers = {"X-Telegram-Bot-Api-Secret-Token": fake.webhook["secret_token"]}
        async with httpx.AsyncClient() as client:
            answer = await client.post(f"http://127.0.0.1:{port}/hook", json=broken, headers=headers)
    assert answer.status_code == 400  # the library refuses it; Telegram will retry it (see the README)
    logged = [record.getMessage() for record in caplog.records]
    assert any("poll" in line for line in logged), "the refusal is logged"
    assert not any(MARKER in line for line in logged), "a log line carries the update's text"
