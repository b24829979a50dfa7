""" "Read the full article": a channel post ending in a "Read more: URL" line was analysed as it is; this
button fetches the article at that link (through the same safe fetch as any link) and answers with its
summary.

The link is read again from the stored post, found by its id in the chat the button was pressed in: the
callback data never carries a URL, so no one can make the bot fetch an address of their choosing this way.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.readmore import read_more_link
from bot.runtime import services, work_of
from handlers.answer import answer_article
from handlers.articles import link_loader
from handlers.callbacks import parse_read_more

GONE = "That post isn't available in this chat any more."


async def on_read_more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Fetch, analyse and summarise the article a stored channel post links to."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None:
        return
    article_id = parse_read_more(query.data)
    found = services(context)
    post = await found.store.get(chat.id, article_id) if article_id and chat else None
    link = read_more_link(post.report.text) if post is not None else None
    if chat is None or link is None:
        await query.answer(GONE, show_alert=True)
        return
    await query.answer("Fetching the full article…")
    message = query.message if isinstance(query.message, Message) else None
    await answer_article(
        context, found, message, chat.id, "link", link_loader(found, link, chat.id), origin=None, url=link,
        journal=work_of(context, update),
    )  # fmt: skip
