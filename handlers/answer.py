"""One article answered, written once: analyse (or reuse the chat's stored report) → store → place in its
story → render → send.

A single message (`handlers.articles`) and an article gathered from parts (`handlers.parts`) both come here:
`answer_article` replies with a new summary; `summary_for` gives the summary and its buttons for an article
already stored, which a late part uses to edit the summary it extends.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Message
from telegram.ext import ContextTypes

from bot.article import Article
from bot.errors import TryAgainLater, WhoSaidError
from bot.render import article_title, render_across_articles, render_summary
from bot.runtime import BotServices
from bot.update_log import UpdateWork
from handlers import stories
from handlers.keyboards import article_keyboard
from handlers.replies import keep_typing, send_article_view, send_html
from handlers.story_view import chat_story_panel
from storage import Origin, StoredArticle
from storage.articles import SourceKind

Loader = Callable[[], Awaitable[Article]]


@dataclass(frozen=True)
class Answer:
    """What went out for one article: the stored article and the messages of its summary."""

    article_id: str
    messages: list[Message]


async def answer_article(
    context: ContextTypes.DEFAULT_TYPE,
    found: BotServices,
    message: Message | None,
    chat_id: int,
    source: SourceKind,
    load: Loader,
    *,
    origin: Origin | None,
    url: str | None = None,
    known_text: str | None = None,
    journal: UpdateWork | None = None,
) -> Answer | None:
    """One article: reuse the chat's stored report if it has one, else load, analyse and store it; then reply
    with its summary. None when the person was told why it couldn't be done (bad input, busy, too long);
    a failure for the moment (`TryAgainLater`) is raised, so the update is retried."""
    try:
        async with keep_typing(context.bot, chat_id):
            stored = await stored_or_analysed(
                found, chat_id, source, load, origin=origin, url=url, known_text=known_text
            )
    except TryAgainLater:
        raise
    except WhoSaidError as error:
        prefix = f"{url}\n" if url else ""
        text = html.escape(prefix + str(error), quote=False)
        await send_html(context.bot, chat_id, text, reply_to=message, journal=journal)
        return None
    summary, keyboard = await summary_for(found, chat_id, stored, origin, sent_by=stories.sender_of(message))
    sent = await send_article_view(
        context.bot,
        found.store,
        chat_id,
        stored.id,
        summary,
        reply_to=message,
        keyboard=keyboard,
        journal=journal,
    )
    return Answer(stored.id, sent)


async def stored_or_analysed(
    found: BotServices,
    chat_id: int,
    source: SourceKind,
    load: Loader,
    *,
    origin: Origin | None,
    url: str | None = None,
    known_text: str | None = None,
) -> StoredArticle:
    """The chat's stored article for this link or text, else the loaded article analysed and stored."""
    store = found.store
    stored = await store.find_by_url(chat_id, url) if url else None
    if stored is None and known_text is not None:
        stored = await store.find_by_text(chat_id, known_text)
    if stored is not None:
        return stored
    article = await load()
    stored = await store.find_by_text(chat_id, article.text)
    if stored is not None:
        return stored
    report = await found.pool.analyze(article, chat_id=chat_id)
    return await store.save(
        chat_id,
        report,
        source=source,
        url=url,
        origin=origin,
        source_text=article.text,
        title=article_title(report),
    )


async def summary_for(
    found: BotServices,
    chat_id: int,
    stored: StoredArticle,
    origin: Origin | None,
    *,
    sent_by: int | None = None,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The summary of a stored article (sent by `sent_by`) and the buttons under it. The article is placed in
    its story first: when it joined one, the summary ends with what differs across the story's articles, and a
    "Not the same story" button comes with it."""
    keyboard = article_keyboard(stored.id, stored.report)
    story = await stories.place_article(found, chat_id, stored, sent_by=sent_by)
    keyboard = stories.with_not_same_button(keyboard, stored.id, story)
    panel = chat_story_panel(story) if story is not None and len(story.articles) >= 2 else None
    summary = render_summary(stored.report, stored.meta.origin or origin)
    if panel is not None and story is not None:
        across = render_across_articles(panel, story.index_of(stored.id), len(story.articles))
        if across:
            summary = f"{summary}\n\n{across}"
    return summary, keyboard


async def ready(article: Article) -> Article:
    """A loader for an article already in hand (pasted or forwarded text)."""
    return article
