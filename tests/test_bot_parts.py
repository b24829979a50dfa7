"""Articles people forward in parts, albums, long articles and phone-width replies, end to end over the fake
Bot API."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.bot_harness import bot_settings, buttons, plain, reply_to, running_bot
from tests.support.fake_telegram import FakeTelegram
from tests.support.long_article import long_article

CHAT = 777
CHANNEL = -100777


def paragraphs_in_parts(text: str, count: int) -> list[str]:
    """`text` cut into `count` parts of about equal length at paragraph breaks, as a channel posts it."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    target = len(text) / count
    parts: list[list[str]] = [[]]
    size = 0
    for paragraph in paragraphs:
        if size >= target * len(parts) and len(parts) < count:
            parts.append([])
        parts[-1].append(paragraph)
        size += len(paragraph) + 2
    return ["\n\n".join(part) for part in parts]


def killed_values(line: str) -> set[str]:
    return {re.sub(r"\D", "", value) for value in re.findall(r"(?:: |· )((?:at least |only )?\d+) \(", line)}


async def test_the_seed_forwarded_in_three_parts_gets_one_summary(
    fake: FakeTelegram, bot: None, seed_text: str
) -> None:
    parts = paragraphs_in_parts(seed_text, 3)
    sent = [
        fake.send_message(CHAT, part, forward_origin=fake.channel_origin(CHANNEL, "Valley Wire", 40 + number))
        for number, part in enumerate(parts)
    ]
    replies = await reply_to(fake, sent[0])
    assert len(replies) == 1, "one summary, one message"
    text = plain(replies[0]["text"])
    assert text.startswith("📰 US Attacks")
    killed = next(line for line in text.splitlines() if line.startswith("⚠️ Sources differ on the number of fighters killed:"))
    assert killed_values(killed) >= {"1", "17", "22"}
    assert text.index(killed) < text.index("Who said what")
    assert fake.calls("sendChatAction"), "typing… while the parts are gathered"
    for later in sent[1:]:
        assert fake.replies_to(CHAT, later["message_id"]) == []
    history = fake.send_message(CHAT, "/history")
    listed = plain((await reply_to(fake, history))[0]["text"])
    assert listed.count("US Attacks") == 1
    assert "2." not in listed


PART_ONE = (
    "Ferry runs aground off Tarrow Point\n\n"
    "A passenger ferry ran aground off Tarrow Point on Sunday evening, and coast guard crews worked through "
    "the night to bring people ashore.\n\n"
    "Harbour master Ilka Brandvold said 12 people were injured when the ferry struck a sandbank in fog, and "
    "that the crew had followed every procedure.\n\n"
    "“The visibility was close to zero,” Brandvold said. “We are lucky it was not worse.”"
)
PART_TWO = (
    "The Tarrow Point Lifeboat Society said at least 30 people were injured, most of them with cuts and "
    "broken bones, and that four were taken to hospital by helicopter.\n\n"
    "A passenger, Rosa Ilvane, said the ferry had been running late and was going faster than usual when it "
    "hit the sandbank."
)


async def test_a_part_after_the_summary_edits_that_summary(fake: FakeTelegram, bot: None) -> None:
    first = fake.send_message(CHAT, PART_ONE, forward_origin=fake.channel_origin(CHANNEL, "Coast Wire", 7))
    [summary] = await reply_to(fake, first)
    assert "⚠️" not in plain(summary["text"])
    second = fake.send_message(CHAT, PART_TWO, forward_origin=fake.channel_origin(CHANNEL, "Coast Wire", 8))
    edited = await fake.wait_for(
        lambda: next(
            (
                m
                for m in fake.bot_messages(CHAT)
                if m["message_id"] == summary["message_id"] and m.get("edited")
            ),
            None,
        ),
        what="the summary edited",
    )
    text = plain(edited["text"])
    injured = next(line for line in text.splitlines() if line.startswith("⚠️ "))
    assert "12" in injured and "at least 30" in injured
    assert "Rosa Ilvane" in text
    assert set(buttons(edited)) >= {"Sources", "Figures", "All claims"}
    assert fake.replies_to(CHAT, second["message_id"]) == []
    history = fake.send_message(CHAT, "/history")
    listed = plain((await reply_to(fake, history))[0]["text"])
    assert listed.count("Ferry runs aground") == 1 and "2." not in listed
    # A follow-up sent as a reply to the edited summary means the whole article.
    figures = fake.send_message(CHAT, "/figures", reply_to=edited)
    assert "at least 30" in plain((await reply_to(fake, figures))[0]["text"])


async def test_an_album_with_a_long_caption_is_read(fake: FakeTelegram, bot: None) -> None:
    caption = PART_ONE + "\n\n" + PART_TWO
    photos = fake.send_album(CHAT, [caption, None, None], media_group_id="grp42")
    replies = await reply_to(fake, photos[0])
    text = "\n".join(plain(reply["text"]) for reply in replies)
    assert "Ilka Brandvold" in text and "Tarrow Point Lifeboat Society" in text
    assert re.search(r"⚠️ Sources differ on [\w ]+: 12 \(.*at least 30", text)


async def test_an_album_whose_captions_carry_the_article_is_one_article(
    fake: FakeTelegram, bot: None
) -> None:
    photos = fake.send_album(CHAT, [PART_ONE, PART_TWO], media_group_id="grp43")
    replies = await reply_to(fake, photos[0])
    assert len(replies) == 1
    assert "Rosa Ilvane" in plain(replies[0]["text"])
    assert fake.replies_to(CHAT, photos[1]["message_id"]) == []


async def test_a_25000_character_article_gets_a_one_message_summary(fake: FakeTelegram, bot: None) -> None:
    text = long_article(25_000)
    assert len(text) >= 25_000
    document = fake.add_document(text.encode(), "landslide.txt", "text/plain")
    sent = fake.send_message(CHAT, document=document)
    replies = await reply_to(fake, sent)
    await fake.wait_for(lambda: len(fake.bot_messages(CHAT)) >= 1, what="the summary")
    assert len(replies) == 1, [plain(reply["text"])[:200] for reply in replies]
    summary = plain(replies[0]["text"])
    assert summary.index("⚠️ ") < summary.index("Who said what")
    assert re.search(r"…and \d+ more figures: /figures", summary)
    assert re.search(r"…and \d+ more sources: /sources", summary)


async def test_unrelated_forwards_from_two_channels_get_their_own_summaries(
    fake: FakeTelegram, bot: None
) -> None:
    one = fake.send_message(CHAT, PART_ONE, forward_origin=fake.channel_origin(CHANNEL, "Coast Wire", 7))
    two = fake.send_message(CHAT, PART_TWO + "\n\n" + PART_TWO.replace("30", "31"),
                            forward_origin=fake.channel_origin(CHANNEL - 1, "Other Wire", 8))  # fmt: skip
    assert len(await reply_to(fake, one)) == 1
    assert len(await reply_to(fake, two)) == 1


async def test_the_quiet_window_is_a_setting(fake: FakeTelegram, db_path: Path) -> None:
    settings = bot_settings(fake, db_path, WHOSAID_PARTS_WINDOW=0)
    assert settings.parts_window == 0
    async with running_bot(settings):
        sent = fake.send_message(CHAT, PART_ONE, forward_origin=fake.channel_origin(CHANNEL, "Coast Wire", 1))
        assert len(await reply_to(fake, sent)) == 1


async def test_a_paste_the_app_cut_at_4096_is_joined_with_its_rest(fake: FakeTelegram, bot: None) -> None:
    text = long_article(6_000, seed=3)
    cut = text.rfind(" ", 0, 4096)
    first = fake.send_message(CHAT, text[:cut])
    rest = fake.send_message(CHAT, text[cut + 1 :])
    replies = await reply_to(fake, first)
    assert len(replies) == 1
    assert fake.replies_to(CHAT, rest["message_id"]) == []
    history = fake.send_message(CHAT, "/history")
    listed = plain((await reply_to(fake, history))[0]["text"])
    assert "1." in listed and "2." not in listed


async def test_two_short_pastes_are_two_articles(fake: FakeTelegram, bot: None) -> None:
    one = fake.send_message(CHAT, PART_ONE)
    two = fake.send_message(CHAT, PART_TWO + "\n\n" + PART_TWO.replace("30", "31"))
    assert len(await reply_to(fake, one)) == 1
    assert len(await reply_to(fake, two)) == 1


async def test_consecutive_channel_posts_with_their_own_headlines_are_separate_articles(
    fake: FakeTelegram, bot: None
) -> None:
    one = fake.send_message(CHAT, PART_ONE, forward_origin=fake.channel_origin(CHANNEL, "Coast Wire", 20))
    other = "Council approves harbour budget\n\n" + PART_TWO.replace(
        "Tarrow Point Lifeboat Society", "council"
    )
    two = fake.send_message(CHAT, other, forward_origin=fake.channel_origin(CHANNEL, "Coast Wire", 21))
    assert len(await reply_to(fake, one)) == 1
    assert len(await reply_to(fake, two)) == 1


def test_a_headline_opens_a_new_article() -> None:
    from handlers.parts import starts_new_article

    assert starts_new_article("Ferry runs aground off Tarrow Point\n\nA passenger ferry ran aground.")
    assert starts_new_article("⚡️ Dam breach floods valley villages\nThe authority said 6 died.")
    assert not starts_new_article("The society said at least 30 people were injured.\n\nA passenger said so.")
    assert not starts_new_article("“We are lucky,” she said.\nMore text.")
    assert not starts_new_article("one line only")


def test_parts_handled_out_of_order_still_make_one_article_in_order() -> None:
    from handlers.parts import Gathered, Part, PartKey

    key = PartKey("channel", "-1001")
    second = Part(message_id=2, text="The society said at least 30 were hurt.", origin_message_id=41, at=0.0)
    first = Part(message_id=1, text="Ferry runs aground\n\nThe harbour master said 12 were hurt.", origin_message_id=40,
                 at=0.1)  # fmt: skip
    gathered = Gathered(chat_id=1, key=key, first=None, content=None, parts=[second])  # type: ignore[arg-type]
    assert gathered.follows(key, first, late=False)
    gathered.parts.append(first)
    assert gathered.text.startswith("Ferry runs aground") and gathered.text.endswith("30 were hurt.")
    far = Part(message_id=3, text="More text.", origin_message_id=60, at=0.2)
    assert not gathered.follows(key, far, late=False)


async def test_an_article_completed_late_is_one_member_of_its_story(fake: FakeTelegram, bot: None) -> None:
    from tests.conftest import fixture_text

    northline = fake.send_message(
        CHAT,
        fixture_text("story_strike_northline.txt"),
        forward_origin=fake.channel_origin(-1002, "Northline", 5),
    )
    await reply_to(fake, northline)
    first_half, second_half = paragraphs_in_parts(fixture_text("story_strike_meridian.txt"), 2)
    meridian = fake.channel_origin(-1003, "Meridian Wire", 30)
    first = fake.send_message(CHAT, first_half, forward_origin=meridian)
    [summary] = await reply_to(fake, first)
    fake.send_message(CHAT, second_half, forward_origin={**meridian, "message_id": 31})
    await fake.wait_for(
        lambda: any(
            m["message_id"] == summary["message_id"] and m.get("edited") for m in fake.bot_messages(CHAT)
        ),
        what="the summary edited",
    )
    asked = fake.send_message(CHAT, "/story", reply_to=northline)
    story = "\n".join(plain(m["text"]) for m in await reply_to(fake, asked))
    assert "Story: 2 articles" in story
    history = fake.send_message(CHAT, "/history")
    listed = plain((await reply_to(fake, history))[0]["text"])
    assert "2." in listed and "3." not in listed
