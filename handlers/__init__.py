"""The Telegram edge: read an update, call the bot's code, store, render, reply.

`register(application)` wires every handler; `COMMANDS` is the list registered with Telegram (setMyCommands).
Buttons are routed by their callback data's pattern (`handlers.callbacks`).
"""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers import articles, buttons, callbacks, followups, readmore, stories
from handlers.followups import COMMANDS

__all__ = ["COMMANDS", "register"]


def register(application: Application) -> None:
    """Add every handler to `application` (commands first, then buttons, then any other message)."""
    application.add_handler(CommandHandler(["start", "help"], followups.start))
    application.add_handler(CommandHandler("sources", followups.sources))
    application.add_handler(CommandHandler("figures", followups.figures))
    application.add_handler(CommandHandler("claims", followups.claims))
    application.add_handler(CommandHandler("history", followups.history))
    application.add_handler(CommandHandler("forget", followups.forget))
    application.add_handler(CommandHandler("story", stories.story))
    application.add_handler(CallbackQueryHandler(buttons.on_view, pattern=callbacks.VIEW_PATTERN))
    application.add_handler(CallbackQueryHandler(buttons.on_forget, pattern=callbacks.FORGET_PATTERN))
    application.add_handler(CallbackQueryHandler(stories.on_not_same, pattern=callbacks.NOT_SAME_PATTERN))
    application.add_handler(CallbackQueryHandler(readmore.on_read_more, pattern=callbacks.READ_MORE_PATTERN))
    application.add_handler(CallbackQueryHandler(buttons.on_unknown))
    content = (filters.TEXT | filters.CAPTION | filters.Document.ALL) & ~filters.COMMAND
    application.add_handler(MessageHandler(content & ~filters.UpdateType.EDITED, articles.on_message))
    application.add_handler(MessageHandler(filters.COMMAND & ~filters.UpdateType.EDITED, followups.unknown_command))
