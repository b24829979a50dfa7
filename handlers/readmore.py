""" "Read the full article": a channel post ending in a "Read more: URL" line was analysed as it is; this
button fetches the article at that link (through the same safe fetch as any link) and answers with its
summary.

The link is read again from the stored post, found by its id in the chat the button was pressed in: the
callback data never carries a URL, so no one can make the bot fetch an address of their choosing this way.
"""

from __future__ import annotations

from telegram.ext import ContextTypes

from bot.readmore import read_more_link
from bot.runtime import services, work_of
from handlers.answer import answer_article
from handlers.articles import link_loader
from handlers.callbacks import parse_read_more
from handlers.common import ButtonPress, button_press

GONE = "That post isn't available in this chat any more."


@button_press(parse_read_more, invalid=GONE)
async def on_read_more(pressed: ButtonPress[str], context: ContextTypes.DEFAULT_TYPE) -> None:
    """Fetch, analyse and summarise the article a stored channel post links to."""
    query, chat, update = pressed.query, pressed.chat, pressed.update
    found = services(context)
    post = await found.store.get(chat.id, pressed.data)
    link = read_more_link(post.report.text) if post is not None else None
    if link is None:
        await query.answer(GONE, show_alert=True)
        return
    await query.answer("Fetching the full article…")
    message = pressed.message
    await answer_article(
        context, found, message, chat.id, "link", link_loader(found, link, chat.id), origin=None, url=link,
        journal=work_of(context, update),
    )  # fmt: skip
