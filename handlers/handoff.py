"""A replica's article handler: on a shared database, `whosaid run` hands articles to the workers' job queue
instead of analysing them (`bot.worker_role` takes the jobs)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.runtime import QUEUE_KEY, services, work_of
from bot.update_log import HandedOff, Outcome
from handlers import articles
from handlers.message_reader import addressed_to_bot, read_message
from storage import DatabaseUpdateLog


async def hand_off_article(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Outcome | None:
    """Queue the update's analysis for a worker; the worker replies and marks it done."""
    message = update.effective_message
    if message is None or update.effective_chat is None:
        return None
    if not addressed_to_bot(message, context.bot.id, context.bot.username):
        return None
    found = services(context)
    queue = context.application.bot_data.get(QUEUE_KEY)
    work = work_of(context, update)
    update_log = found.update_log
    carries = read_message(
        message, bot_username=context.bot.username, max_links=found.settings.max_links_per_message
    )
    if carries.empty or queue is None or not isinstance(update_log, DatabaseUpdateLog) or work is None:
        # Nothing to analyze (the reply says what to send), or no durable record to hand off: answer here.
        return await articles.on_message(update, context)
    async with found.database.transaction() as session:
        if await update_log.hand_off(session, update.update_id):
            await queue.enqueue(session, update.update_id)
    return HandedOff()
