"""Sending HTML replies (split under Telegram's limit) and keeping 'typing…' visible while we work.

A leaf of the handlers: it imports nothing from the features (articles, parts, stories, buttons)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from bot.telegram_html import split_message
from bot.update_log import UpdateWork
from storage import ArticleStore

logger = logging.getLogger(__name__)

# Telegram shows a chat action for about 5 seconds; renewing it a little earlier keeps it steady.
TYPING_INTERVAL = 4.0


# The chats showing 'typing…' (per bot), with how many blocks are holding it up: one repeating call per chat
# however many of its articles are in hand, so a burst doesn't spend the bot's request rate on 'typing…'.
_TYPING: dict[tuple[int, int], tuple[asyncio.Task[None], int]] = {}


@contextlib.asynccontextmanager
async def keep_typing(bot: Bot, chat_id: int, interval: float = TYPING_INTERVAL) -> AsyncIterator[None]:
    """Show 'typing…' in the chat until the block ends (or, when several blocks of one chat overlap, until
    the last one ends)."""

    async def repeat() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            await asyncio.sleep(interval)

    key = (id(bot), chat_id)
    task, holders = _TYPING.get(key, (None, 0))
    if task is None or task.done():
        task, holders = asyncio.create_task(repeat(), name=f"typing:{chat_id}"), 0
    _TYPING[key] = (task, holders + 1)
    try:
        yield
    finally:
        task, holders = _TYPING[key]
        if holders > 1:
            _TYPING[key] = (task, holders - 1)
        else:
            del _TYPING[key]
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def send_html(
    bot: Bot,
    chat_id: int,
    html: str,
    *,
    reply_to: Message | None = None,
    keyboard: InlineKeyboardMarkup | None = None,
    journal: UpdateWork | None = None,
) -> list[Message]:
    """Send `html` as one or more messages (split on lines), the keyboard under the last one. With the
    update's `journal`, a message delivered by an earlier attempt at the update is not sent again."""
    parts = split_message(html)
    sent = []
    reply = (
        ReplyParameters(message_id=reply_to.message_id, allow_sending_without_reply=True)
        if reply_to
        else None
    )
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent.append(
            await bot.send_message(
                chat_id,
                part,
                parse_mode=ParseMode.HTML,
                reply_parameters=reply,
                reply_markup=keyboard if last else None,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                rate_limit_args=journal,
            )
        )
    return sent


async def send_article_view(
    bot: Bot,
    store: ArticleStore,
    chat_id: int,
    article_id: str,
    html: str,
    *,
    reply_to: Message | None = None,
    keyboard: InlineKeyboardMarkup | None = None,
    journal: UpdateWork | None = None,
) -> list[Message]:
    """Send a view of an article and remember its messages, so replying to any of them means this article."""
    sent = await send_html(bot, chat_id, html, reply_to=reply_to, keyboard=keyboard, journal=journal)
    for message in sent:
        await store.link_message(chat_id, message.message_id, article_id)
    return sent
