"""The Telegram edge: read an update, call the bot's code, store, render, reply.

`register(application)` wires every handler; `COMMANDS` is the list registered with Telegram (setMyCommands).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers import articles, buttons, followups, stories
from handlers.callbacks import (
    FORGET_PATTERN,
    NOT_SAME_PATTERN,
    PUT_BACK_PATTERN,
    READ_MORE_PATTERN,
    VIEW_PATTERN,
)
from handlers.followups import COMMANDS
from handlers.readmore import on_read_more

__all__ = ["COMMANDS", "register"]

# A command is a bot_command entity at the start that covers a "/" and a name: a client may mark whitespace or a
# lone "/" as one, and that message is read as the text it is.
COMMAND = filters.COMMAND & filters.Regex(r"^/[A-Za-z0-9_]")

ArticleHandler = Callable[[Update, Any], Awaitable[None]]


def register(application: Application, *, on_article: ArticleHandler = articles.on_message) -> None:
    """Add every handler to `application` (commands first, then buttons, then any other message).

    `on_article` handles the messages that carry an article (a replica on a shared database hands them to the
    job queue instead of analyzing them: `bot.roles`)."""
    application.add_handler(CommandHandler(["start", "help"], followups.start))
    application.add_handler(CommandHandler("sources", followups.sources))
    application.add_handler(CommandHandler("figures", followups.figures))
    application.add_handler(CommandHandler("claims", followups.claims))
    application.add_handler(CommandHandler("history", followups.history))
    application.add_handler(CommandHandler("forget", followups.forget))
    application.add_handler(CommandHandler("story", stories.story))
    # Buttons, routed by their callback data (`handlers.callbacks`); anything else is an old or forged button.
    application.add_handler(CallbackQueryHandler(buttons.on_view, pattern=VIEW_PATTERN))
    application.add_handler(CallbackQueryHandler(buttons.on_forget, pattern=FORGET_PATTERN))
    application.add_handler(CallbackQueryHandler(stories.on_not_same, pattern=NOT_SAME_PATTERN))
    application.add_handler(CallbackQueryHandler(stories.on_put_back, pattern=PUT_BACK_PATTERN))
    application.add_handler(CallbackQueryHandler(on_read_more, pattern=READ_MORE_PATTERN))
    application.add_handler(CallbackQueryHandler(buttons.on_unknown))
    unknown = COMMAND & ~filters.UpdateType.EDITED
    application.add_handler(MessageHandler(unknown, followups.unknown_command))
    content = (filters.TEXT | filters.CAPTION | filters.Document.ALL) & ~COMMAND
    application.add_handler(MessageHandler(content & ~filters.UpdateType.EDITED, on_article))
