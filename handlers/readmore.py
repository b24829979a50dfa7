""""Read the full article": a channel post ending in a "Read more: URL" line was analysed as it is; this
button fetches the article at that link (through the same safe fetch as any link) and answers with its
summary.

The link is read again from the stored post, found by its id in the chat the button was pressed in: the
callback data never carries a URL, so no one can make the bot fetch an address of their choosing this way.
"""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import ContextTypes

from bot.errors import InputError
from bot.readmore import read_more_link
from bot.render import article_title, render_summary
from bot.worker import WorkerBusy
from handlers import stories
from handlers.callbacks import parse_read_more
from handlers.keyboards import article_keyboard
from handlers.replies import keep_typing, send_article_view, send_html
from handlers.services import services

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
    reply_to = query.message if query.message is not None and hasattr(query.message, "message_id") else None
    try:
        async with keep_typing(context.bot, chat.id):
            stored = await found.store.find_by_url(chat.id, link)
            if stored is None:
                from bot.fetch import fetch_article

                article = await fetch_article(link, found.settings, client=found.http)
                stored = await found.store.find_by_text(chat.id, article.text)
                if stored is None:
                    report = await found.worker.analyze(article)
                    stored = await found.store.save(
                        chat.id,
                        report,
                        source="link",
                        url=link,
                        source_text=article.text,
                        title=article_title(report),
                    )
    except (InputError, WorkerBusy) as error:
        await send_html(context.bot, chat.id, html.escape(f"{link}\n{error}", quote=False), reply_to=reply_to)  # type: ignore[arg-type]
        return
    story = await stories.place_article(found, chat.id, stored)
    summary = render_summary(stored.report)
    across = stories.across_section(story, stored.id)
    if across:
        summary = f"{summary}\n\n{across}"
    keyboard = stories.with_not_same_button(article_keyboard(stored.id, stored.report), stored.id, story)
    await send_article_view(
        context.bot, found.store, chat.id, stored.id, summary, reply_to=reply_to, keyboard=keyboard  # type: ignore[arg-type]
    )
