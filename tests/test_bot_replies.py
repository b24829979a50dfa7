"""Helpful edges and phone-width replies, end to end: unknown commands, other languages, channel posts with a
"Read more" link, the /story chart's width, and buttons that re-check rights when pressed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest

from bot.runtime import SERVICES_KEY
from tests.conftest import fixture_text
from tests.support.bot_harness import bot_settings, buttons, plain, reply_to, running_bot
from tests.support.fake_telegram import FakeTelegram
from tests.support.loopback_http import LoopbackServer

CHAT = 901
GROUP = -901


async def test_an_unknown_command_points_to_help(fake: FakeTelegram, bot: None) -> None:
    sent = fake.send_message(CHAT, "/frobnicate now")
    [reply] = await reply_to(fake, sent)
    assert plain(reply["text"]) == "I don't know /frobnicate. Send /help to see what I can do."


async def test_a_bare_unknown_command_in_a_group_is_left_to_other_bots(fake: FakeTelegram, bot: None) -> None:
    fake.send_message(GROUP, "/weather", chat_type="supergroup")
    ours = fake.send_message(GROUP, "/weather@WhoSaidTestBot", chat_type="supergroup")
    [reply] = await reply_to(fake, ours)
    assert "/help" in plain(reply["text"])
    assert len(fake.bot_messages(GROUP)) == 1


SPANISH = (
    "El gobierno regional dijo el martes que al menos diecisiete personas murieron en las inundaciones que "
    "afectaron a tres pueblos del valle, mientras los equipos de rescate seguían buscando a los desaparecidos. "
    "Según el alcalde, más de doscientas familias tuvieron que abandonar sus casas durante la noche."
)


async def test_text_in_another_language_is_named(fake: FakeTelegram, bot: None) -> None:
    sent = fake.send_message(CHAT, SPANISH)
    [reply] = await reply_to(fake, sent)
    assert plain(reply["text"]) == (
        "This looks like Spanish. Only English is supported for now: send an English article."
    )


@pytest.fixture
def full_article_site() -> Iterator[str]:
    """A news site on 127.0.0.1 with the full article a channel post links to."""
    title, body = fixture_text("bot_dam_collapse.txt").split("\n", 1)
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
    page = (
        f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()

    server = LoopbackServer().start()
    server.page("/dam.html", page)
    yield server.url("/dam.html")
    server.stop()


CHANNEL_POST = (
    "⚡️ Dam breach floods valley villages\n\n"
    "The regional water authority said on Monday that 6 people died when an earthen dam gave way above the "
    "village of Orsk Hollow, sending water through two valleys before dawn. Rescuers said they were still "
    "searching the riverbanks for people reported missing by their families.\n\n"
    "Read more: {link}"
)


async def test_a_channel_post_with_read_more_offers_the_full_article(
    fake: FakeTelegram, db_path: Path, full_article_site: str
) -> None:
    settings = bot_settings(fake, db_path, WHOSAID_ALLOW_PRIVATE_NETWORKS=True)
    async with running_bot(settings):
        post = fake.send_message(
            CHAT,
            CHANNEL_POST.format(link=full_article_site),
            forward_origin=fake.channel_origin(-100901, "Valley Flash", 3),
        )
        [summary] = await reply_to(fake, post)
        assert "water authority" in plain(summary["text"])  # the post itself is analysed as it is
        data = buttons(summary)["📖 Read the full article"]
        assert full_article_site not in data, "the link is looked up, never carried by the button"
        fake.press_button(CHAT, summary, data)
        full = await fake.wait_for(
            lambda: [m for m in fake.replies_to(CHAT, summary["message_id"]) if "Who said what" in m["text"]],
            what="the full article's summary",
        )
        assert "Marta Esquivel" in plain(full[0]["text"])
        # A forged id finds nothing: only posts of this chat are looked up.
        fake.press_button(CHAT, summary, "rm:AAAAAAAAAAAA")
        await fake.wait_for(
            lambda: any("isn't available" in a.get("text", "") for a in fake.callback_answers)
        )


async def test_the_story_chart_fits_a_phone(fake: FakeTelegram, bot: None) -> None:
    def channel(title: str) -> dict:
        return fake.channel_origin(-100_000 - len(title), title, 5, username=title.lower().replace(" ", ""))

    first = fake.send_message(
        CHAT, fixture_text("story_strike_northline.txt"), forward_origin=channel("Northline News")
    )
    await reply_to(fake, first)
    second = fake.send_message(
        CHAT, fixture_text("story_strike_meridian.txt"), forward_origin=channel("Meridian Wire")
    )
    await reply_to(fake, second)
    asked = fake.send_message(CHAT, "/story", reply_to=first)
    raw = "\n".join(message["text"] for message in await reply_to(fake, asked))
    blocks = re.findall(r"<pre>(.*?)</pre>", raw, flags=re.DOTALL)
    assert blocks, "the chart is sent"
    lines = [line for block in blocks for line in plain(block).splitlines()]
    assert any("█" in line for line in lines)
    assert max(len(line) for line in lines) <= 32, lines
    assert "at least 23" in plain(blocks[0]) and "newer" in plain(blocks[0])


async def test_forget_is_rechecked_when_the_button_is_pressed(fake: FakeTelegram, bot: object) -> None:
    member = 31
    article = fake.send_message(
        GROUP, "@WhoSaidTestBot " + fixture_text("bot_dam_collapse.txt"), chat_type="supergroup"
    )
    await reply_to(fake, article)
    store = bot.bot_data[SERVICES_KEY].store  # type: ignore[attr-defined]
    # A member who is not an admin forges the confirmation with their own id.
    fake.press_button(GROUP, article, f"forget:yes:{member}", user_id=member)
    await fake.wait_for(lambda: fake.callback_answers, what="the press to be answered")
    assert "only its admins" in fake.callback_answers[0]["text"]
    assert await store.count(GROUP) == 1
    # Made admin later, the same press works: rights are read at press time.
    fake.make_admin(GROUP, member)
    fake.press_button(GROUP, article, f"forget:yes:{member}", user_id=member)
    await fake.wait_for(lambda: len(fake.callback_answers) == 2, what="the second press")
    assert await _eventually_zero(fake, store)


async def _eventually_zero(fake: FakeTelegram, store: object) -> bool:
    import asyncio

    for _ in range(200):
        if await store.count(GROUP) == 0:  # type: ignore[attr-defined]
            return True
        await asyncio.sleep(0.05)
    return False


async def test_a_button_we_never_made_is_answered(fake: FakeTelegram, bot: None) -> None:
    sent = fake.send_message(CHAT, "/help")
    [help_message] = await reply_to(fake, sent)
    fake.press_button(CHAT, help_message, "zz:whatever")
    await fake.wait_for(lambda: fake.callback_answers, what="an answer")
    assert "doesn't work any more" in fake.callback_answers[0]["text"]
