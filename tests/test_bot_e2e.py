"""End to end: the real Application, storage and engine against a fake Telegram Bot API over loopback HTTP."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from html import escape as html_escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import fixture_text
from tests.support.bot_harness import bot_settings, buttons, plain, reply_to, running_bot
from tests.support.fake_telegram import FakeTelegram

CHAT = 501


async def test_forwarded_seed_article_gets_its_sources_and_differing_toll(
    fake: FakeTelegram, bot: None, seed_text: str
) -> None:
    origin = {
        "type": "channel",
        "date": 1700000000,
        "chat": {"id": -1001, "type": "channel", "title": "Valley News Wire", "username": "valleynewswire"},
        "message_id": 77,
    }
    sent = fake.send_message(CHAT, seed_text, forward_origin=origin)
    replies = await reply_to(fake, sent)
    text = "\n".join(plain(reply["text"]) for reply in replies)
    assert "↪️ Forwarded from channel Valley News Wire" in text
    assert "Who said what" in text
    assert "Syrian Observatory for Human Rights" in text and "via AFP" in text
    assert "John Kirby" in text
    # The toll line says in words that the sources differ, and on what.
    killed = next(line for line in text.splitlines() if line.startswith("⚠️ Sources differ on the number of fighters killed:"))
    values = re.findall(r"(?:^|· |: )((?:at least |only )?\d+) \(", killed)
    assert text.index(killed) < text.index("Who said what"), "what differs comes first"
    assert {re.sub(r"\D", "", value) for value in values} >= {"1", "17", "22"}
    assert "Reuters" in killed and "AFP" in killed
    assert set(buttons(replies[-1])) == {"Sources", "Figures", "All claims"}
    assert all(reply["parse_mode"] == "HTML" for reply in replies)
    assert fake.calls("sendChatAction"), "the bot should show 'typing…' while it works"
    assert [command["command"] for command in fake.commands] == [
        "sources",
        "figures",
        "claims",
        "story",
        "history",
        "forget",
        "help",
    ]


@pytest.mark.parametrize(
    ("name", "measure_values", "sources"),
    [
        (
            "bot_dam_collapse.txt",
            ["6", "at least 20"],
            ["Marta Esquivel", "Meridian Press", "Coastline Wire"],
        ),
        (
            "bot_wildfire_long.txt",
            ["3", "7", "at least 9"],
            ["Renata Halloway", "Highland Post", "Elena Marsh"],
        ),
        (
            "bot_clinic_outbreak.txt",
            ["2", "at least 4"],
            ["Irena Kovas", "Aldmere Health Watch", "Daily Courier"],
        ),
        (
            "bot_port_strike.txt",
            ["about 3,500", "7,000"],
            ["Tomas Reyna", "Northgate Herald", "Marchetti"],
        ),
    ],
)
async def test_own_articles_get_their_conflict_and_sources(
    fake: FakeTelegram, bot: None, name: str, measure_values: list[str], sources: list[str]
) -> None:
    sent = fake.send_message(CHAT, fixture_text(name))
    text = "\n".join(plain(reply["text"]) for reply in await reply_to(fake, sent))
    for source in sources:
        assert source in text
    conflict_lines = [line for line in text.splitlines() if line.startswith("⚠️ ")]
    assert any(
        all(re.search(rf"(?:^|: |· ){re.escape(value)} \(", line) for value in measure_values)
        for line in conflict_lines
    ), f"no conflict line with {measure_values} in:\n{text}"


def article_page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{html_escape(line)}</p>" for line in body.splitlines() if line.strip())
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html_escape(title)}</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{html_escape(title)}</h1>{paragraphs}</article>"
        f"<footer>© Tarsen Courier</footer></body></html>"
    ).encode()


@pytest.fixture
def news_site() -> Iterator[str]:
    """A tiny news site on 127.0.0.1 serving one article page."""
    text = fixture_text("bot_wildfire_long.txt")
    title, body = text.split("\n", 1)
    page = article_page(title, body)

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/2026/wildfire.html":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


async def test_a_link_to_a_page_gets_a_reply(fake: FakeTelegram, db_path: Path, news_site: str) -> None:
    settings = bot_settings(fake, db_path, WHOSAID_ALLOW_PRIVATE_NETWORKS=True)
    async with running_bot(settings):
        sent = fake.send_message(CHAT, f"have a look {news_site}/2026/wildfire.html")
        text = plain((await reply_to(fake, sent))[0]["text"])
    assert text.startswith("📰 Wildfire Forces Evacuations Across Tarsen Hills")
    assert "Renata Halloway" in text
    assert "killed:" in text


async def test_text_links_and_utf16_offsets_each_get_their_own_reply(
    fake: FakeTelegram, db_path: Path, news_site: str
) -> None:
    settings = bot_settings(fake, db_path, WHOSAID_ALLOW_PRIVATE_NETWORKS=True)
    text = "🔥🔥 read this and that"
    # Offsets and lengths are UTF-16 code units: each emoji counts as 2.
    entities = [
        {"type": "text_link", "offset": 11, "length": 4, "url": f"{news_site}/2026/wildfire.html"},
        {"type": "text_link", "offset": 20, "length": 4, "url": f"{news_site}/missing.html"},
    ]
    async with running_bot(settings):
        sent = fake.send_message(CHAT, text, entities=entities)
        replies = await reply_to(fake, sent, count=2)
    texts = [plain(reply["text"]) for reply in replies]
    assert any(reply.startswith("📰 Wildfire Forces Evacuations") for reply in texts)
    assert any("/missing.html" in reply and "📰" not in reply for reply in texts), texts


async def test_a_private_address_is_refused_without_the_setting(
    fake: FakeTelegram, bot: None, news_site: str
) -> None:
    sent = fake.send_message(CHAT, f"{news_site}/2026/wildfire.html")
    text = plain((await reply_to(fake, sent))[0]["text"])
    assert "📰" not in text
    assert "Traceback" not in text and text.strip()


async def test_a_follow_up_sent_as_a_reply_means_that_article(fake: FakeTelegram, bot: None) -> None:
    first = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
    first_summary = (await reply_to(fake, first))[-1]
    second = fake.send_message(CHAT, fixture_text("bot_wildfire_long.txt"))
    await reply_to(fake, second)

    asked = fake.send_message(CHAT, "/sources", reply_to=first_summary)
    about_first = plain((await reply_to(fake, asked))[0]["text"])
    assert about_first.startswith("📰 Dam Burst Floods")
    assert "Marta Esquivel" in about_first and "Renata Halloway" not in about_first

    latest = fake.send_message(CHAT, "/sources")
    assert plain((await reply_to(fake, latest))[0]["text"]).startswith("📰 Wildfire Forces")


async def test_each_button_opens_its_view(fake: FakeTelegram, bot: None) -> None:
    sent = fake.send_message(CHAT, fixture_text("bot_wildfire_long.txt"))
    summary = (await reply_to(fake, sent))[-1]
    data = buttons(summary)

    fake.press_button(CHAT, summary, data["Sources"])
    sources = plain((await reply_to(fake, summary))[-1]["text"])
    assert "Sources (" in sources and "Renata Halloway" in sources and "claim" in sources

    fake.press_button(CHAT, summary, data["Figures"])
    figures = plain((await reply_to(fake, summary, count=2))[-1]["text"])
    assert "⚠️ killed — sources differ" in figures
    # Measures in conflict come before the others.
    headers = [line for line in figures.splitlines() if line and not line.startswith((" ", "📰", "Figures"))]
    assert headers[0].startswith("⚠️")

    fake.press_button(CHAT, summary, data["All claims"])
    claims_message = (await reply_to(fake, summary, count=3))[-1]
    claims_text = plain(claims_message["text"])
    assert "All claims (" in claims_text and "Renata Halloway" in claims_text
    assert len(fake.callback_answers) >= 3

    # A follow-up replying to a view message (not the summary) still means the same article.
    asked = fake.send_message(CHAT, "/figures", reply_to=claims_message)
    assert "⚠️ killed" in plain((await reply_to(fake, asked))[0]["text"])


async def test_long_claims_are_paged_with_buttons(fake: FakeTelegram, bot: None) -> None:
    long_article = "\n\n".join(
        fixture_text(name) for name in ("bot_wildfire_long.txt", "bot_dam_collapse.txt")
    )
    long_article += (
        "\n\n" + fixture_text("bot_clinic_outbreak.txt") + "\n\n" + fixture_text("bot_port_strike.txt")
    )
    sent = fake.send_message(CHAT, long_article)
    await reply_to(fake, sent)
    asked = fake.send_message(CHAT, "/claims")
    page_one = (await reply_to(fake, asked))[0]
    nav = buttons(page_one)
    assert "Next ▶" in nav, plain(page_one["text"])
    fake.press_button(CHAT, page_one, nav["Next ▶"])
    edited = await fake.wait_for(
        lambda: next(
            (
                m
                for m in fake.bot_messages(CHAT)
                if m["message_id"] == page_one["message_id"] and m.get("edited")
            ),
            None,
        ),
        what="the claims page to be edited",
    )
    assert "page 2 of" in plain(edited["text"])
    assert "◀ Previous" in buttons(edited)


async def test_forget_after_confirmation_leaves_nothing(fake: FakeTelegram, bot: None) -> None:
    sent = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
    await reply_to(fake, sent)
    asked = fake.send_message(CHAT, "/forget")
    confirm = (await reply_to(fake, asked))[0]
    assert "1 article" in plain(confirm["text"])
    fake.press_button(CHAT, confirm, buttons(confirm)["Yes, delete everything"])
    await fake.wait_for(
        lambda: any(m.get("edited") and "deleted 1 article" in m["text"] for m in fake.bot_messages(CHAT)),
        what="the confirmation to say it deleted the article",
    )
    after = fake.send_message(CHAT, "/sources")
    assert "no article for this chat" in plain((await reply_to(fake, after))[0]["text"])
    listed = fake.send_message(CHAT, "/history")
    assert "Nothing here yet" in plain((await reply_to(fake, listed))[0]["text"])


async def test_forget_can_be_cancelled(fake: FakeTelegram, bot: None) -> None:
    sent = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
    await reply_to(fake, sent)
    confirm = (await reply_to(fake, fake.send_message(CHAT, "/forget")))[0]
    fake.press_button(CHAT, confirm, buttons(confirm)["No, keep it"])
    await fake.wait_for(lambda: any(m.get("edited") for m in fake.bot_messages(CHAT)), what="the cancel edit")
    still = fake.send_message(CHAT, "/sources")
    assert "Marta Esquivel" in plain((await reply_to(fake, still))[0]["text"])


async def test_another_chat_cannot_reach_an_article(fake: FakeTelegram, bot: None) -> None:
    chat_a, chat_b = 601, 602
    sent = fake.send_message(chat_a, fixture_text("bot_dam_collapse.txt"))
    summary = (await reply_to(fake, sent))[-1]
    article_id = buttons(summary)["Sources"].split(":")[1]

    # Chat B forges a button press carrying chat A's article id, on a message of its own.
    own = fake.send_message(chat_b, "/help")
    b_message = (await reply_to(fake, own))[0]
    for data in (
        f"s:{article_id}",
        f"f:{article_id}",
        f"c:{article_id}:0",
        f"cp:{article_id}:1",
        f"o:{article_id}",
    ):
        fake.press_button(chat_b, b_message, data)
    await fake.wait_for(lambda: len(fake.callback_answers) >= 5, what="five callback answers")
    assert all(answer.get("show_alert") in (True, "true") for answer in fake.callback_answers)
    assert all("isn't available" in answer["text"] for answer in fake.callback_answers)

    # Commands in chat B, including one replying to a message id that shows the article in chat A.
    for command in ("/sources", "/figures", "/claims"):
        asked = fake.send_message(chat_b, command, reply_to={**summary, "chat": fake.chat(chat_b)})
        assert "no article for this chat" in plain((await reply_to(fake, asked))[0]["text"])
    listed = fake.send_message(chat_b, "/history")
    assert "Nothing here yet" in plain((await reply_to(fake, listed))[0]["text"])
    everything_b_saw = " ".join(message["text"] for message in fake.bot_messages(chat_b))
    assert "Esquivel" not in everything_b_saw and "Dam Burst" not in everything_b_saw


async def test_a_429_is_retried_and_the_reply_arrives_exactly_once(fake: FakeTelegram, db_path: Path) -> None:
    fake.inject_error("sendMessage", status=429, retry_after=1, times=1)
    async with running_bot(bot_settings(fake, db_path)):
        sent = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
        await reply_to(fake, sent)
        attempts = fake.calls("sendMessage")
        assert [call.status for call in attempts[:2]] == [429, 200]
    # The bot has stopped, its handlers done: a duplicate retry would have been sent by now.
    summaries = [m for m in fake.replies_to(CHAT, sent["message_id"]) if m["text"].startswith("📰")]
    assert len(summaries) == 1


async def test_thirty_articles_from_ten_chats_all_answered_and_help_meanwhile(
    fake: FakeTelegram, db_path: Path
) -> None:
    settings = bot_settings(fake, db_path, WHOSAID_WORKERS=2, WHOSAID_QUEUE_LIMIT=40)
    names = ["bot_dam_collapse.txt", "bot_port_strike.txt", "bot_clinic_outbreak.txt"]
    async with running_bot(settings):
        sent = [fake.send_message(700 + chat, fixture_text(name)) for chat in range(10) for name in names]
        helped = fake.send_message(799, "/help")
        help_reply = (await reply_to(fake, helped))[0]
        for message in sent:
            await reply_to(fake, message)
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="updates confirmed")
    summaries = []
    for message in sent:
        replies = fake.replies_to(message["chat"]["id"], message["message_id"])
        assert len([reply for reply in replies if reply["text"].startswith("📰")]) == 1, replies
        summaries.append(replies[-1])
    assert "WhoSaid" in plain(help_reply["text"])
    answered_before_help = [reply for reply in summaries if reply["sent_at"] < help_reply["sent_at"]]
    # /help did not wait for the articles: most of them were still being analyzed when it was answered.
    assert len(answered_before_help) < len(summaries) // 2


async def test_a_crash_loses_no_stored_article(fake: FakeTelegram, db_path: Path) -> None:
    """`whosaid run` in a child process is SIGKILLed; a new bot on the same file still has every article."""
    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "WHOSAID_DB_PATH": str(db_path),
        "WHOSAID_WORKERS": "1",
        "WHOSAID_WORKER_KIND": "thread",
        "WHOSAID_LOG_LEVEL": "DEBUG",
    }
    log_path = db_path.with_suffix(".log")
    # A file, not a pipe: a DEBUG log would fill a pipe nobody reads and block the child.
    with open(log_path, "wb") as log:
        child = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=root, env=env, stdout=log, stderr=log
        )
    try:
        first = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
        second = fake.send_message(CHAT, fixture_text("bot_port_strike.txt"))
        first_id = buttons((await reply_to(fake, first))[-1])["Sources"].split(":")[1]
        await reply_to(fake, second)
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="updates confirmed")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    logged = log_path.read_text(errors="replace")
    assert "getUpdates" in logged, "the child should have logged its requests at DEBUG"
    assert fake.token.split(":")[1] not in logged, "the token leaked into the logs"

    async with running_bot(bot_settings(fake, db_path)):
        listed = fake.send_message(CHAT, "/history")
        history = (await reply_to(fake, listed))[0]
        assert "Dam Burst Floods" in history["text"] and "Dock Workers Walk Out" in history["text"]
        opened = buttons(history)
        assert len(opened) == 2
        fake.press_button(CHAT, history, opened["Open 2"])
        reopened = (await reply_to(fake, history))[-1]
        assert plain(reopened["text"]).startswith("📰 Dam Burst Floods")
        # The same text again reuses the stored article (same id), it is not a new one.
        again = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
        assert buttons((await reply_to(fake, again))[-1])["Sources"] == f"s:{first_id}"
