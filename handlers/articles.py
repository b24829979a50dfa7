"""Articles in, summaries out: the handler for forwarded or pasted text, links and documents."""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable
from pathlib import PurePath

from telegram import Message, Update
from telegram.error import BadRequest, NetworkError
from telegram.ext import ContextTypes

from bot.article import Article, decode_text
from bot.errors import DownloadFailed, InputError
from bot.render import article_title, render_summary
from bot.runtime import BotServices, services
from bot.worker import JobTimedOut, WorkerBusy
from handlers import stories
from handlers.intake import (
    WHAT_TO_SEND,
    addressed_to_bot,
    is_html_document,
    is_readable_document,
    read_intake,
)
from handlers.keyboards import article_keyboard
from handlers.parts import gather_parts
from handlers.replies import keep_typing, send_article_view, send_html
from storage import Origin, StoredArticle
from storage.articles import SourceKind

logger = logging.getLogger(__name__)

CANT_GET_FILE = "Telegram won't give me that file (it may be too big for bots). Send a link or paste the text."


async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any non-command message: analyze what it carries and reply with a summary per article."""
    message = update.effective_message
    if message is None or update.effective_chat is None:
        return
    bot = context.bot
    if not addressed_to_bot(message, bot.id, bot.username):
        return
    found = services(context)
    intake = read_intake(message, bot_username=bot.username, max_links=found.settings.max_links_per_message)
    intake = await gather_parts(context, message, intake)
    if intake is None:
        return  # one part of an article that another message answers
    chat_id = update.effective_chat.id
    if intake.document is not None:
        await answer_article(
            context,
            found,
            message,
            chat_id,
            "document",
            _document_loader(context, found, message, chat_id),
            origin=intake.origin,
        )
    elif intake.text is not None:
        text = intake.text
        await answer_article(
            context,
            found,
            message,
            chat_id,
            "text",
            lambda: _ready(Article(text=text)),
            origin=intake.origin,
            known_text=text,
        )
    elif intake.links:
        for link in intake.links:
            await answer_article(
                context,
                found,
                message,
                chat_id,
                "link",
                link_loader(found, link, chat_id),
                origin=intake.origin,
                url=link,
            )
    else:
        await send_html(bot, chat_id, WHAT_TO_SEND, reply_to=message)


async def _ready(article: Article) -> Article:
    return article


def link_loader(found: BotServices, link: str, chat_id: int) -> Callable[[], Awaitable[Article]]:
    async def load() -> Article:
        from bot.extract import NO_ARTICLE_MESSAGE
        from bot.fetch import fetch_page

        assert found.http is not None
        page = await fetch_page(link, found.settings, client=found.http)
        try:
            # Extraction runs in the pool, in the chat's turn and under the job deadline.
            return await found.worker.extract(page.body, page.content_type, page.url, chat_id=chat_id)
        except (InputError, WorkerBusy, JobTimedOut):
            raise
        except Exception as error:
            logger.warning("extracting %s failed: %r", page.url, error)
            raise InputError(NO_ARTICLE_MESSAGE) from error

    return load


def _document_loader(
    context: ContextTypes.DEFAULT_TYPE, found: BotServices, message: Message, chat_id: int
) -> Callable[[], Awaitable[Article]]:
    async def load() -> Article:
        document = message.document
        assert document is not None
        limit = found.settings.max_document_bytes
        if not is_readable_document(document):
            raise InputError(
                "I can read .txt and .html files. Send the article as one of those, or paste it."
            )
        if document.file_size is not None and document.file_size > limit:
            raise InputError(
                f"That file is too big for me (the limit is {limit // 1000:,} KB). Send a link instead."
            )
        data = await _download(context, document.file_id)
        if len(data) > limit:
            raise InputError(
                f"That file is too big for me (the limit is {limit // 1000:,} KB). Send a link instead."
            )
        title = PurePath(document.file_name).stem.replace("_", " ") if document.file_name else None
        if is_html_document(document):
            # Off the event loop, in the chat's turn, under the job deadline.
            article = await found.worker.extract(data, "text/html", chat_id=chat_id)
            return article if article.title else article.model_copy(update={"title": title})
        return Article(text=decode_text(data))

    return load


async def _download(context: ContextTypes.DEFAULT_TYPE, file_id: str) -> bytes:
    """A file the person sent. Telegram refusing it (too big for bots) is bad input; a download that drops or
    fails is retried later, and the person is told if it never works."""
    try:
        file = await context.bot.get_file(file_id)
        return bytes(await file.download_as_bytearray())
    except BadRequest as error:
        raise InputError(CANT_GET_FILE) from error
    except NetworkError as error:  # also a timeout
        raise DownloadFailed() from error


async def answer_article(
    context: ContextTypes.DEFAULT_TYPE,
    found: BotServices,
    message: Message | None,
    chat_id: int,
    source: SourceKind,
    load: Callable[[], Awaitable[Article]],
    *,
    origin: Origin | None,
    url: str | None = None,
    known_text: str | None = None,
) -> None:
    """One article: reuse the chat's stored report if it has one, else fetch/analyze and store; then reply."""
    try:
        async with keep_typing(context.bot, chat_id):
            stored = await _stored_or_analyzed(
                found, chat_id, source, load, origin=origin, url=url, known_text=known_text
            )
    except (WorkerBusy, JobTimedOut) as refused:
        await send_html(context.bot, chat_id, html.escape(str(refused), quote=False), reply_to=message)
        return
    except InputError as error:
        prefix = f"{url}\n" if url else ""
        await send_html(context.bot, chat_id, html.escape(prefix + str(error), quote=False), reply_to=message)
        return
    summary = render_summary(stored.report, stored.meta.origin or origin)
    story = await stories.place_article(found, chat_id, stored, sent_by=stories.sender_of(message))
    across = stories.across_section(story, stored.id)
    if across:
        summary = f"{summary}\n\n{across}"
    await send_article_view(
        context.bot,
        found.store,
        chat_id,
        stored.id,
        summary,
        reply_to=message,
        keyboard=stories.with_not_same_button(article_keyboard(stored.id, stored.report), stored.id, story),
    )


async def _stored_or_analyzed(
    found: BotServices,
    chat_id: int,
    source: SourceKind,
    load: Callable[[], Awaitable[Article]],
    *,
    origin: Origin | None,
    url: str | None,
    known_text: str | None,
) -> StoredArticle:
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
    report = await found.worker.analyze(article, chat_id=chat_id)
    return await store.save(
        chat_id,
        report,
        source=source,
        url=url,
        origin=origin,
        source_text=article.text,
        title=article_title(report),
    )
