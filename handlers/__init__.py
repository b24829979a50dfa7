"""The Telegram edge: read an update, call the bot's code, store, render, reply.

`register(application)` wires every handler and the command list registered with Telegram (setMyCommands).
"""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.runtime import COMMANDS_KEY, WAIT_NOTICE_KEY, is_replica, role_of, settings_of, settled
from handlers import articles, buttons, followups, stories
from handlers.callbacks import (
    FORGET_PATTERN,
    NOT_SAME_PATTERN,
    PUT_BACK_PATTERN,
    READ_MORE_PATTERN,
    VIEW_PATTERN,
)
from handlers.followups import COMMANDS
from handlers.handoff import hand_off_article
from handlers.readmore import on_read_more
from handlers.waiting import waiting_notice

__all__ = ["COMMANDS", "register"]

# A command is a bot_command entity at the start that covers a "/" and a name: a client may mark whitespace or a
# lone "/" as one, and that message is read as the text it is.
COMMAND = filters.COMMAND & filters.Regex(r"^/[A-Za-z0-9_]")


def register(application: Application) -> None:
    """Add every handler to `application` (commands first, then buttons, then any other message).

    A message that carries an article is analysed here, or on a replica (`whosaid run` on a shared database)
    handed to the workers' job queue."""
    application.bot_data[COMMANDS_KEY] = COMMANDS
    application.bot_data[WAIT_NOTICE_KEY] = waiting_notice
    replica = is_replica(settings_of(application), role_of(application))
    on_article = hand_off_article if replica else articles.on_message
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
    # Every handler returns what became of its update (None: answered); `settled` records it.
    for group in application.handlers.values():
        for handler in group:
            handler.callback = settled(handler.callback)  # type: ignore[attr-defined]
