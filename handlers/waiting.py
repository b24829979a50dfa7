"""Telling a person where their article stands when the pool has a queue (`bot.pool`'s `on_wait`)."""

from __future__ import annotations

from telegram import Bot

from bot.pool import WaitNotice, in_words
from handlers.replies import send_html


def position_text(ahead: int, seconds: float) -> str:
    """'⏳ 2 articles ahead of yours. I answer them in turn: yours in about 30 seconds.'"""
    articles = "1 article" if ahead == 1 else f"{ahead} articles"
    return f"⏳ {articles} ahead of yours. I answer them in turn: yours in {in_words(seconds)}."


def waiting_notice(bot: Bot) -> WaitNotice:
    """The pool's `on_wait`: one message to the chat saying how many articles are ahead of its own."""

    async def tell(chat_id: int, ahead: int, seconds: float) -> None:
        await send_html(bot, chat_id, position_text(ahead, seconds))

    return tell
