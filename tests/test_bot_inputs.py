"""What the bot accepts and refuses: groups, documents, short text, repeats, a full queue, errors, tokens."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.app import NO_TOKEN_MESSAGE, SOMETHING_WENT_WRONG, run_bot
from bot.extract import bound_html
from bot.runtime import SERVICES_KEY
from bot.sending import NEVER_SENT, REFUSED, UNKNOWN, ReliableRateLimiter, failure_kind
from bot.settings import Settings
from handlers.message_reader import WHAT_TO_SEND
from tests.conftest import fixture_text
from tests.support.bot_harness import bot_settings, buttons, plain, reply_to, running_bot, start_bot, stop_bot
from tests.support.fake_telegram import FakeTelegram

CHAT = 801
GROUP = -100801


async def test_too_little_text_gets_a_line_on_what_to_send(fake: FakeTelegram, bot: object) -> None:
    sent = fake.send_message(CHAT, "hi, what do you do?")
    assert plain((await reply_to(fake, sent))[0]["text"]) == WHAT_TO_SEND


async def test_start_and_help_explain_the_bot(fake: FakeTelegram, bot: object) -> None:
    for command in ("/start", "/help"):
        sent = fake.send_message(CHAT, command)
        text = plain((await reply_to(fake, sent))[0]["text"])
        assert "who said what" in text and "/sources" in text and "/forget" in text


async def test_in_groups_only_messages_for_the_bot_are_answered(fake: FakeTelegram, bot: object) -> None:
    article = fixture_text("bot_dam_collapse.txt")
    ignored = fake.send_message(GROUP, article, chat_type="supergroup", user_id=5)
    mentioned = fake.send_message(GROUP, "@WhoSaidTestBot\n" + article, chat_type="supergroup", user_id=5)
    summary = (await reply_to(fake, mentioned))[-1]
    assert plain(summary["text"]).startswith("📰 Dam Burst Floods")

    # A reply to the bot counts as addressed to it; a command with the bot's name too.
    replied = fake.send_message(GROUP, "and this one?", chat_type="supergroup", user_id=5, reply_to=summary)
    assert plain((await reply_to(fake, replied))[0]["text"]) == WHAT_TO_SEND
    asked = fake.send_message(GROUP, "/sources@WhoSaidTestBot", chat_type="supergroup", user_id=5)
    assert "Marta Esquivel" in plain((await reply_to(fake, asked))[0]["text"])
    assert fake.replies_to(GROUP, ignored["message_id"]) == []


async def test_a_caption_with_a_link_is_read(fake: FakeTelegram, db_path: Path) -> None:
    sent = fake.send_message(CHAT, caption="see https://127.0.0.1:9/nothing-here")
    async with running_bot(bot_settings(fake, db_path)):
        reply = plain((await reply_to(fake, sent))[0]["text"])
    assert "https://127.0.0.1:9/nothing-here" in reply and "📰" not in reply


async def test_a_txt_document_is_analyzed(fake: FakeTelegram, bot: object) -> None:
    document = fake.add_document(
        fixture_text("bot_port_strike.txt").encode(), "port_strike.txt", "text/plain"
    )
    sent = fake.send_message(CHAT, document=document)
    text = plain((await reply_to(fake, sent))[-1]["text"])
    assert text.startswith("📰 Dock Workers Walk Out At Port Halden") and "Tomas Reyna" in text
    assert fake.calls("getFile")


async def test_an_html_document_is_extracted(fake: FakeTelegram, bot: object) -> None:
    body = fixture_text("bot_dam_collapse.txt").split("\n", 1)[1]
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    page = (
        "<html><head><title>Valdera dam burst</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Valdera dam burst</h1>{paragraphs}</article></body></html>"
    )
    document = fake.add_document(page.encode(), "dam.html", "text/html")
    sent = fake.send_message(CHAT, document=document)
    text = plain((await reply_to(fake, sent))[-1]["text"])
    assert text.startswith("📰 Valdera dam burst") and "Marta Esquivel" in text
    assert "<p>" not in text


async def test_documents_too_big_or_of_other_kinds_are_refused_kindly(
    fake: FakeTelegram, db_path: Path
) -> None:
    async with running_bot(bot_settings(fake, db_path, WHOSAID_MAX_DOCUMENT_BYTES=2000)):
        big = fake.add_document(fixture_text("bot_wildfire_long.txt").encode(), "fire.txt", "text/plain")
        pdf = fake.add_document(b"%PDF-1.4 binary", "report.pdf", "application/pdf")
        binary = fake.add_document(b"\x00\x01\x02" * 200, "data.txt", "text/plain")
        replies = []
        for document in (big, pdf, binary):
            sent = fake.send_message(CHAT, document=document)
            replies.append(plain((await reply_to(fake, sent))[0]["text"]))
    assert "too big" in replies[0]
    assert ".txt and .html" in replies[1]
    assert "binary" in replies[2]
    assert not any("📰" in reply for reply in replies)


async def test_the_same_text_twice_reuses_the_stored_report(fake: FakeTelegram, bot: object) -> None:
    article = fixture_text("bot_clinic_outbreak.txt")
    first = fake.send_message(CHAT, article)
    first_id = buttons((await reply_to(fake, first))[-1])["Sources"]
    second = fake.send_message(CHAT, "  " + article.replace("\n\n", "\n") + "\n")
    assert buttons((await reply_to(fake, second))[-1])["Sources"] == first_id
    store = bot.bot_data[SERVICES_KEY].store  # type: ignore[attr-defined]
    assert await store.count(CHAT) == 1


async def test_past_the_backlog_the_bot_says_when_to_try_again_and_every_message_gets_one_reply(
    fake: FakeTelegram, db_path: Path
) -> None:
    names = [
        "bot_dam_collapse.txt",
        "bot_port_strike.txt",
        "bot_clinic_outbreak.txt",
        "bot_wildfire_long.txt",
    ]
    # A backlog bound of a few seconds of work: the first article fills it, the others are refused.
    async with running_bot(bot_settings(fake, db_path, WHOSAID_BACKLOG_MINUTES=0.01)):
        sent = [fake.send_message(CHAT, fixture_text(name)) for name in names]
        first_replies = [(await reply_to(fake, message))[0] for message in sent]
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="updates confirmed")
    # The bot has stopped (its handlers finished): every reply it will send is in.
    texts = [[plain(reply["text"]) for reply in fake.replies_to(CHAT, m["message_id"])] for m in sent]
    assert all(len(reply_texts) == 1 for reply_texts in texts), texts
    assert [reply_texts[0] for reply_texts in texts] == [plain(reply["text"]) for reply in first_replies]
    busy = [reply_texts[0] for reply_texts in texts if "Please send it again in about" in reply_texts[0]]
    analyzed = [reply_texts[0] for reply_texts in texts if reply_texts[0].startswith("📰")]
    assert busy and analyzed and len(busy) + len(analyzed) == len(names)
    assert all("of articles to read before this one" in text for text in busy)


async def test_a_server_error_on_send_is_retried_without_an_apology(
    fake: FakeTelegram, bot: object, caplog: pytest.LogCaptureFixture
) -> None:
    fake.inject_error("sendMessage", status=500, times=2)
    with caplog.at_level(logging.WARNING, logger="bot.sending"):
        sent = fake.send_message(CHAT, "/help")
        await reply_to(fake, sent)
        await fake.wait_for(lambda: fake.pending_updates() == 0, what="updates confirmed")
    texts = [plain(message["text"]) for message in fake.bot_messages(CHAT)]
    assert len(texts) == 1 and "WhoSaid" in texts[0] and SOMETHING_WENT_WRONG not in texts
    assert [call.status for call in fake.calls("sendMessage")] == [500, 500, 200]
    assert any("Internal Server Error" in record.getMessage() for record in caplog.records)


async def test_a_failed_analysis_is_logged_and_the_user_told(
    fake: FakeTelegram, db_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken_engine(*args: object) -> None:
        raise RuntimeError("the engine broke")

    # The thread pool runs jobs in this process, so the job function can be swapped for a failing one.
    monkeypatch.setattr("bot.pool.analyze_job", broken_engine)
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        async with running_bot(bot_settings(fake, db_path)):
            sent = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
            replies = await reply_to(fake, sent)
            await fake.wait_for(lambda: fake.pending_updates() == 0, what="updates confirmed")
    assert [plain(reply["text"]) for reply in replies] == [SOMETHING_WENT_WRONG]
    assert any("the engine broke" in record.getMessage() or record.exc_info for record in caplog.records)


async def test_the_token_never_reaches_the_logs(
    fake: FakeTelegram, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_bot(bot_settings(fake, db_path)):
        sent = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
        await reply_to(fake, sent)
        # httpx logs full request URLs, which carry the token: those lines must be quiet or redacted.
        logging.getLogger("httpx").warning("HTTP Request: POST %s/sendMessage", fake.base_url + fake.token)
    secret = fake.token.split(":")[1]
    assert caplog.records, "the run should have logged something at DEBUG"
    assert all(secret not in record.getMessage() for record in caplog.records)
    assert secret not in caplog.text
    assert any("<token>" in record.getMessage() for record in caplog.records)


def test_run_without_a_token_explains_how_to_get_one(capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(_env_file=None, TELEGRAM_BOT_TOKEN=None)
    assert run_bot(settings) == 2
    err = capsys.readouterr().err
    assert err == NO_TOKEN_MESSAGE
    assert "@BotFather" in err and "/newbot" in err and "whosaid analyze" in err


async def test_stopping_the_bot_finishes_the_article_in_flight(fake: FakeTelegram, db_path: Path) -> None:
    application = await start_bot(bot_settings(fake, db_path))
    try:
        sent = fake.send_message(CHAT, fixture_text("bot_wildfire_long.txt"))
        # "typing…" means the handler is running: stop now, with the analysis under way.
        await fake.wait_for(lambda: fake.calls("sendChatAction"), what="the bot to start working")
    finally:
        await stop_bot(application)
    replies = fake.replies_to(CHAT, sent["message_id"])
    assert replies and plain(replies[-1]["text"]).startswith("📰 Wildfire Forces")


def test_the_fake_refuses_what_telegram_refuses() -> None:
    with FakeTelegram() as server:
        for text in ("<b>open", "a & b", "<script>x</script>", "x" * 4097, "<b></b>"):
            status, body = server.handle("sendMessage", {"chat_id": 1, "text": text, "parse_mode": "HTML"})
            assert status == 400 and "can't parse entities" in body["description"], text
        status, _ = server.handle(
            "sendMessage", {"chat_id": 1, "text": "<b>fish &amp; chips</b>", "parse_mode": "HTML"}
        )
        assert status == 200
        assert len(server.refused) == 5


async def test_in_a_group_only_an_admin_can_forget_and_only_they_can_confirm(
    fake: FakeTelegram, bot: object
) -> None:
    admin, member = 11, 12
    fake.make_admin(GROUP, admin)
    article = fake.send_message(
        GROUP, "@WhoSaidTestBot " + fixture_text("bot_dam_collapse.txt"), chat_type="supergroup"
    )
    await reply_to(fake, article)
    store = bot.bot_data[SERVICES_KEY].store  # type: ignore[attr-defined]

    refused = fake.send_message(GROUP, "/forget", chat_type="supergroup", user_id=member)
    assert "only its admins" in plain((await reply_to(fake, refused))[0]["text"])

    asked = fake.send_message(GROUP, "/forget", chat_type="supergroup", user_id=admin)
    confirm = (await reply_to(fake, asked))[0]
    fake.press_button(GROUP, confirm, buttons(confirm)["Yes, delete everything"], user_id=member)
    await fake.wait_for(lambda: fake.callback_answers, what="the member's press to be answered")
    assert "Only the person who asked" in fake.callback_answers[0]["text"]
    assert await store.count(GROUP) == 1

    fake.press_button(GROUP, confirm, buttons(confirm)["Yes, delete everything"], user_id=admin)
    await fake.wait_for(lambda: len(fake.callback_answers) == 2, what="the admin's press to be answered")
    await fake.wait_for(
        lambda: any(m.get("edited") for m in fake.bot_messages(GROUP)), what="the confirmation"
    )
    assert await store.count(GROUP) == 0


def network_error(kind: type[NetworkError], cause: Exception) -> NetworkError:
    try:
        raise kind("failed") from cause
    except NetworkError as error:
        return error


def test_failures_are_told_apart_by_whether_the_request_may_have_arrived() -> None:
    assert failure_kind(network_error(NetworkError, httpx.ConnectError("refused"))) == NEVER_SENT
    assert failure_kind(network_error(TimedOut, httpx.PoolTimeout("full"))) == NEVER_SENT
    assert failure_kind(network_error(TimedOut, httpx.ReadTimeout("slow"))) == UNKNOWN
    assert failure_kind(network_error(NetworkError, httpx.RemoteProtocolError("dropped"))) == UNKNOWN
    assert failure_kind(NetworkError("Internal Server Error (500)")) == REFUSED
    can_retry = ReliableRateLimiter.can_retry
    assert can_retry("sendMessage", network_error(TimedOut, httpx.ReadTimeout("slow")))
    assert not can_retry("sendChatAction", network_error(BadRequest, ValueError("bad")))
    assert not can_retry("getUpdates", network_error(NetworkError, httpx.ConnectError("refused")))


async def test_an_idempotent_call_is_retried_after_a_server_error(fake: FakeTelegram, bot: object) -> None:
    sent = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
    summary = (await reply_to(fake, sent))[-1]
    fake.inject_error("answerCallbackQuery", status=502, times=1)
    fake.press_button(CHAT, summary, buttons(summary)["Sources"])
    await reply_to(fake, summary)
    await fake.wait_for(lambda: fake.callback_answers, what="the retried answer")
    assert [call.status for call in fake.calls("answerCallbackQuery")] == [502, 200]


async def test_a_huge_html_document_is_extracted_off_the_event_loop(fake: FakeTelegram, db_path: Path) -> None:
    # 100,000 tiny paragraphs: trafilatura only sees the first MAX_HTML_TAGS tags, in the pool, under the
    # job deadline; /help is answered meanwhile. (Analysis is capped short: only extraction is tested here.)
    paragraphs = "".join(f"<p>Line {n} of the council minutes.</p>" for n in range(100_000))
    page = f"<html><head><title>Minutes</title></head><body><article>{paragraphs}</article></body></html>"
    settings = bot_settings(fake, db_path, WHOSAID_MAX_DOCUMENT_BYTES=6_000_000, WHOSAID_MAX_TEXT_CHARS=5000)
    async with running_bot(settings):
        document = fake.add_document(page.encode(), "minutes.html", "text/html")
        sent = fake.send_message(CHAT, document=document)
        await fake.wait_for(lambda: fake.calls("getFile"), what="the document to be fetched")
        helped = fake.send_message(CHAT + 1, "/help")
        help_reply = (await reply_to(fake, helped))[0]
        answer = (await reply_to(fake, sent))[0]
    assert help_reply["sent_at"] < answer["sent_at"], "/help waited for the extraction"
    assert SOMETHING_WENT_WRONG not in plain(answer["text"])


def test_trafilatura_sees_a_bounded_number_of_tags() -> None:
    page = "<html><body>" + "<p>x</p>" * 50 + "</body></html>"
    assert bound_html(page, max_tags=10).count("<p>") == 8  # <html>, <body> and eight paragraphs
    assert bound_html(page, max_tags=1000) == page


async def test_a_stored_report_that_wont_load_breaks_nothing_else(fake: FakeTelegram, bot: object) -> None:
    first = fake.send_message(CHAT, fixture_text("bot_dam_collapse.txt"))
    await reply_to(fake, first)
    second = fake.send_message(CHAT, fixture_text("bot_port_strike.txt"))
    await reply_to(fake, second)
    database = bot.bot_data[SERVICES_KEY].database  # type: ignore[attr-defined]
    async with database.transaction() as connection:
        await connection.execute(
            "UPDATE articles SET report_json = ? WHERE title LIKE 'Dock Workers%'", ('{"value": null}',)
        )
    answers = {}
    for command in ("/sources", "/figures", "/claims", "/history", "/story"):
        asked = fake.send_message(CHAT, command)
        answers[command] = plain((await reply_to(fake, asked))[0]["text"])
    assert not any(SOMETHING_WENT_WRONG in answer for answer in answers.values()), answers
    # The latest article that loads answers the follow-ups; the history still lists both.
    assert "Esquivel" in answers["/sources"]
    assert "Dock Workers" in answers["/history"]
    again = fake.send_message(CHAT, fixture_text("bot_port_strike.txt"))
    assert plain((await reply_to(fake, again))[-1]["text"]).startswith("📰 Dock Workers")


async def test_an_analysis_over_its_deadline_is_stopped_and_the_person_told(
    fake: FakeTelegram, db_path: Path
) -> None:
    async with running_bot(bot_settings(fake, db_path, WHOSAID_JOB_TIMEOUT=0.05)):
        sent = fake.send_message(CHAT, fixture_text("bot_wildfire_long.txt"))
        answer = plain((await reply_to(fake, sent))[0]["text"])
        helped = fake.send_message(CHAT, "/help")
        assert "WhoSaid" in plain((await reply_to(fake, helped))[0]["text"])
    assert "took me too long" in answer and SOMETHING_WENT_WRONG not in answer
