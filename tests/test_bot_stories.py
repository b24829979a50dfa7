"""Stories end to end: the real Application, storage and engine against the fake Bot API over loopback HTTP.

Articles are our own (tests/fixtures/articles/story_*.txt): two outlets on one airstrike with different tolls,
a third outlet a day later, and a flood in the same country.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import fixture_text
from tests.support.bot_harness import bot_settings, buttons, plain, reply_to, running_bot
from tests.support.fake_telegram import FakeTelegram

CHAT = 811
CHAT_B = 812
GROUP = -100_813
# In GROUP: two members who each send an article, one who sends none, and an admin.
NORTHLINE_SENDER, MERIDIAN_SENDER, BYSTANDER, ADMIN = 21, 22, 23, 24


def channel(title: str, username: str) -> dict[str, Any]:
    """A `forward_origin` for a post forwarded from a public channel."""
    return {
        "type": "channel",
        "date": 1772784000,
        "chat": {"id": -100_000 - len(title), "type": "channel", "title": title, "username": username},
        "message_id": 5,
    }


async def forward(fake: FakeTelegram, chat_id: int, name: str, outlet: str) -> dict[str, Any]:
    """Forward a fixture article into the chat; returns the bot's (last) summary message."""
    sent = fake.send_message(
        chat_id, fixture_text(name), forward_origin=channel(outlet, outlet.lower().replace(" ", ""))
    )
    return (await reply_to(fake, sent))[-1]


async def ask(fake: FakeTelegram, chat_id: int, text: str, **kwargs: Any) -> str:
    """Send a command and return everything the bot replied, as a person reads it."""
    sent = fake.send_message(chat_id, text, **kwargs)
    return "\n".join(plain(message["text"]) for message in await reply_to(fake, sent))


async def forward_in_group(name: str, outlet: str, fake: FakeTelegram, user_id: int) -> dict[str, Any]:
    """A member forwards a fixture article into GROUP, mentioning the bot; returns the bot's summary."""
    sent = fake.send_message(
        GROUP,
        "@WhoSaidTestBot\n" + fixture_text(name),
        chat_type="supergroup",
        user_id=user_id,
        forward_origin=channel(outlet, outlet.lower().replace(" ", "")),
    )
    return (await reply_to(fake, sent))[-1]


async def press(fake: FakeTelegram, message: dict[str, Any], data: str, user_id: int) -> dict[str, Any]:
    """A member presses a button in GROUP; returns the bot's answer to that press."""
    query_id = fake.press_button(GROUP, message, data, user_id=user_id)
    answers = await fake.wait_for(
        lambda: [a for a in fake.callback_answers if a.get("callback_query_id") == query_id],
        what=f"the answer to press {query_id}",
    )
    return answers[0]


async def group_story(fake: FakeTelegram, summary: dict[str, Any]) -> str:
    return await ask(fake, GROUP, "/story@WhoSaidTestBot", reply_to=summary, chat_type="supergroup", user_id=ADMIN)


async def two_strike_articles(fake: FakeTelegram, chat_id: int = CHAT) -> tuple[dict, dict]:
    first = await forward(fake, chat_id, "story_strike_northline.txt", "Northline News")
    second = await forward(fake, chat_id, "story_strike_meridian.txt", "Meridian Wire")
    return first, second


async def test_the_second_article_on_an_event_gets_the_cross_article_conflict(
    fake: FakeTelegram, bot: None
) -> None:
    first, second = await two_strike_articles(fake)
    assert "Across your articles" not in plain(first["text"])
    assert "Not the same story" not in buttons(first)
    text = plain(second["text"])
    across = text.split("Across your articles", 1)[1]
    assert "Qasr Miral" in across  # why they are one story
    killed = next(line for line in across.splitlines() if line.startswith("⚠️ Your articles differ on killed"))
    # Each figure with its outlet and the source that outlet cites.
    assert "Northline News, citing" in killed and "Meridian Wire, citing" in killed
    assert "at least 23" in killed and "at least 19" in killed
    assert "Veltrian Monitor for Civil Rights" in killed
    # Two outlets citing the monitor with different numbers, said explicitly; the later figure marked.
    assert "both cite Veltrian Monitor for Civil Rights but give different numbers" in across
    assert "newer" in killed and "Newer figure: at least 23" in across
    assert "/story" in across
    assert set(buttons(second)) == {"Sources", "Figures", "All claims", "Not the same story"}


async def test_story_shows_both_articles_with_the_chart(fake: FakeTelegram, bot: None) -> None:
    first, _second = await two_strike_articles(fake)
    flood = await forward(fake, CHAT, "story_flood_veltria.txt", "Valley Courier")
    assert "Across your articles" not in plain(flood["text"])  # same country, another event

    asked = fake.send_message(CHAT, "/story", reply_to=first)
    replies = await reply_to(fake, asked)
    raw = "\n".join(message["text"] for message in replies)
    text = plain(raw)
    assert "Story: 2 articles" in text
    outlets = text.split("Outlets", 1)[1].split("Differing figures", 1)[0]
    assert "1. Northline News" in outlets and "2. Meridian Wire" in outlets
    assert "Valley Courier" not in text
    assert "cites:" in outlets and "Aris Penkov" in outlets
    # Conflicts come before the figures that agree, and the chart comes as monospace bars.
    conflicts = text.split("Differing figures", 1)[1]
    assert conflicts.lstrip("\n").startswith("killed\n")
    assert "<pre>" in raw and "█" in raw.split("<pre>", 1)[1]
    chart = plain(raw.split("<pre>", 1)[1].split("</pre>", 1)[0])
    assert "killed" in chart and "at least 23" in chart and "at least 19" in chart
    assert {"✂️ Not the same: 1", "✂️ Not the same: 2"} <= set(buttons(replies[-1]))

    # The same article sent again joins nothing twice.
    await forward(fake, CHAT, "story_strike_meridian.txt", "Meridian Wire")
    assert "Story: 2 articles" in await ask(fake, CHAT, "/story", reply_to=first)

    # Without a reply, /story means the chat's latest article: the flood, in no story.
    latest = await ask(fake, CHAT, "/story")
    assert "isn't part of a story" in latest


async def test_not_the_same_story_takes_the_article_out_and_it_stays_out(
    fake: FakeTelegram, db_path: Path
) -> None:
    async with running_bot(bot_settings(fake, db_path)):
        first, second = await two_strike_articles(fake)
        fake.press_button(CHAT, second, buttons(second)["Not the same story"])
        confirmed = await fake.wait_for(
            lambda: [m for m in fake.bot_messages(CHAT) if "out of that story" in m["text"]],
            what="the confirmation",
        )
        assert "Meridian Wire" in plain(confirmed[0]["text"])
        fake.press_button(CHAT, second, buttons(second)["Not the same story"])  # pressed twice
        answers = await fake.wait_for(
            lambda: len(fake.callback_answers) >= 2 and fake.callback_answers, what="the second answer"
        )
        assert "already out" in answers[1]["text"]
        assert "isn't part of a story" in await ask(fake, CHAT, "/story", reply_to=second)
        # Sending the same article again doesn't put it back.
        again = await forward(fake, CHAT, "story_strike_meridian.txt", "Meridian Wire")
        assert "Across your articles" not in plain(again["text"])
    # Nor does a restart.
    async with running_bot(bot_settings(fake, db_path)):
        assert "isn't part of a story" in await ask(fake, CHAT, "/story", reply_to=second)
        assert "isn't part of a story" in await ask(fake, CHAT, "/story", reply_to=first)


async def test_chat_b_sees_nothing_of_chat_a_stories(fake: FakeTelegram, bot: None) -> None:
    _first, second = await two_strike_articles(fake)
    forged = buttons(second)["Not the same story"]
    assert forged.startswith("ns:")

    own = fake.send_message(CHAT_B, "/help")
    b_message = (await reply_to(fake, own))[0]
    fake.press_button(CHAT_B, b_message, forged)
    answer = await fake.wait_for(lambda: fake.callback_answers, what="the callback answer")
    assert answer[0].get("show_alert") in (True, "true") and "isn't available" in answer[0]["text"]

    # Chat B's /story, as a (forged) reply to chat A's summary, finds nothing.
    before = await ask(fake, CHAT_B, "/story", reply_to={**second, "chat": fake.chat(CHAT_B)})
    assert "no article for this chat" in before
    # Chat B forwards one article on the same event: it joins nothing of chat A's.
    b_summary = await forward(fake, CHAT_B, "story_strike_capital.txt", "Capital Daily")
    assert "Across your articles" not in plain(b_summary["text"])
    after = await ask(fake, CHAT_B, "/story", reply_to={**second, "chat": fake.chat(CHAT_B)})
    assert "isn't part of a story" in after
    everything_b_saw = " ".join(plain(message["text"]) for message in fake.bot_messages(CHAT_B))
    assert "Northline News" not in everything_b_saw and "Meridian Wire" not in everything_b_saw

    # Chat A's story is untouched by the forged press.
    assert "Story: 2 articles" in await ask(fake, CHAT, "/story", reply_to=second)


async def test_forget_then_story_finds_nothing(fake: FakeTelegram, bot: None) -> None:
    await two_strike_articles(fake)
    confirm = (await reply_to(fake, fake.send_message(CHAT, "/forget")))[0]
    fake.press_button(CHAT, confirm, buttons(confirm)["Yes, delete everything"])
    await fake.wait_for(
        lambda: any(m.get("edited") and "deleted 2 articles" in m["text"] for m in fake.bot_messages(CHAT)),
        what="the forget confirmation",
    )
    assert "no article for this chat" in await ask(fake, CHAT, "/story")
    # Starting over, the first article on the event is alone again: nothing of the old story is left.
    again = await forward(fake, CHAT, "story_strike_meridian.txt", "Meridian Wire")
    assert "Across your articles" not in plain(again["text"])


async def test_in_a_group_only_an_admin_or_the_sender_takes_an_article_out_and_it_can_be_put_back(
    fake: FakeTelegram, bot: None
) -> None:
    fake.make_admin(GROUP, ADMIN)
    await forward_in_group("story_strike_northline.txt", "Northline News", fake, NORTHLINE_SENDER)
    second = await forward_in_group("story_strike_meridian.txt", "Meridian Wire", fake, MERIDIAN_SENDER)
    not_same = buttons(second)["Not the same story"]

    # A member who neither sent the article nor administers the group is refused, and nothing changes.
    for member in (BYSTANDER, NORTHLINE_SENDER):
        refused = await press(fake, second, not_same, member)
        assert refused.get("show_alert") in (True, "true")
        assert "only its admins and the person who sent this article" in refused["text"]
    assert "Story: 2 articles" in await group_story(fake, second)
    assert not [m for m in fake.bot_messages(GROUP) if "out of that story" in m["text"]]

    # The person who sent it may take it out; the note says so and offers to put it back.
    assert "Taken out" in (await press(fake, second, not_same, MERIDIAN_SENDER))["text"]
    note = await fake.wait_for(
        lambda: [m for m in fake.bot_messages(GROUP) if "out of that story" in m["text"]], what="the note"
    )
    assert "Meridian Wire" in plain(note[0]["text"])
    put_back = buttons(note[0])["↩️ Put it back"]
    assert "isn't part of a story" in await group_story(fake, second)

    # Putting it back is the same shared decision: refused to the bystander, done for the admin.
    refused = await press(fake, note[0], put_back, BYSTANDER)
    assert "only its admins and the person who sent this article" in refused["text"]
    assert "isn't part of a story" in await group_story(fake, second)
    assert "Put back" in (await press(fake, note[0], put_back, ADMIN))["text"]
    back = await fake.wait_for(
        lambda: [m for m in fake.bot_messages(GROUP) if m.get("edited") and "back in that story" in m["text"]],
        what="the note edited to say the article is back",
    )
    assert "↩️ Put it back" not in buttons(back[0])
    assert "Story: 2 articles" in await group_story(fake, second)
    assert "already in that story" in (await press(fake, note[0], put_back, ADMIN))["text"]

    # An admin who sent neither article may take it out too.
    assert "Taken out" in (await press(fake, second, not_same, ADMIN))["text"]
    assert "isn't part of a story" in await group_story(fake, second)


async def test_in_a_private_chat_the_person_may_put_an_article_back(fake: FakeTelegram, bot: None) -> None:
    _first, second = await two_strike_articles(fake)
    fake.press_button(CHAT, second, buttons(second)["Not the same story"])
    note = await fake.wait_for(
        lambda: [m for m in fake.bot_messages(CHAT) if "out of that story" in m["text"]], what="the note"
    )
    fake.press_button(CHAT, note[0], buttons(note[0])["↩️ Put it back"])
    await fake.wait_for(
        lambda: any(m.get("edited") and "back in that story" in m["text"] for m in fake.bot_messages(CHAT)),
        what="the article put back",
    )
    assert "Story: 2 articles" in await ask(fake, CHAT, "/story", reply_to=second)
    # Sent again after being put back, it stays in the story (the decision was undone, not just hidden).
    again = await forward(fake, CHAT, "story_strike_meridian.txt", "Meridian Wire")
    assert "Across your articles" in plain(again["text"])
