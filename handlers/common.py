"""What several handlers share, written once: the messages, the article a follow-up means, the admin check,
and the opening lines of a button press (`button_press`)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from telegram import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus
from telegram.ext import ContextTypes

from bot.runtime import services, work_of
from bot.update_log import Outcome
from handlers.replies import send_html
from storage import StoredArticle

NOTHING_YET = "I have no article for this chat yet. Forward me one, paste its text, or send a link."
ONLY_ADMINS = "In a group, only its admins can make me forget its articles."
GONE = "That article isn't available in this chat any more."
STALE = "That button doesn't work any more. Send /help to see what I can do."

Data = TypeVar("Data")


async def reply_html(
    update: Update, context: ContextTypes.DEFAULT_TYPE, html: str, *, keyboard: InlineKeyboardMarkup | None = None
) -> None:
    """Answer a command in its chat, as a reply to it, through the update's reply journal."""
    chat = update.effective_chat
    if chat is not None:
        await send_html(
            context.bot,
            chat.id,
            html,
            reply_to=update.effective_message,
            keyboard=keyboard,
            journal=work_of(context, update),
        )


async def target_article(update: Update, context: ContextTypes.DEFAULT_TYPE) -> StoredArticle | None:
    """The article a follow-up means: the one shown by the message it replies to, else the chat's latest."""
    chat = update.effective_chat
    message = update.effective_message
    if chat is None:
        return None
    store = services(context).store
    if message is not None and message.reply_to_message is not None:
        replied = await store.by_message(chat.id, message.reply_to_message.message_id)
        if replied is not None:
            return replied
    return await store.latest(chat.id)


async def is_chat_admin(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> bool:
    """Whether the user is an owner or administrator of the chat (asked of Telegram now, never remembered)."""
    member = await context.bot.get_chat_member(chat_id, user_id)
    return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


@dataclass(frozen=True)
class ButtonPress(Generic[Data]):
    """A button pressed in a chat, with its callback data read."""

    update: Update
    query: CallbackQuery
    chat: Chat
    data: Data

    @property
    def message(self) -> Message | None:
        """The message the button is under, while Telegram still shows it."""
        message = self.query.message
        return message if isinstance(message, Message) else None


PressHandler = Callable[[ButtonPress[Data], ContextTypes.DEFAULT_TYPE], Awaitable[Outcome | None]]
Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[Outcome | None]]


def button_press(
    parse: Callable[[str | None], Data | None], *, invalid: str = STALE
) -> Callable[[PressHandler[Data]], Handler]:
    """The opening lines of a button press, once: the query, its chat and its data read with `parse`. A press
    whose data doesn't read (an old or forged button) or that has no chat is told `invalid` and goes no
    further."""

    def wrap(handler: PressHandler[Data]) -> Handler:
        @functools.wraps(handler)
        async def run(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Outcome | None:
            query = update.callback_query
            if query is None:
                return None
            data = parse(query.data)
            chat = update.effective_chat
            if data is None or chat is None:
                await query.answer(invalid, show_alert=True)
                return None
            return await handler(ButtonPress(update, query, chat, data), context)

        return run

    return wrap
