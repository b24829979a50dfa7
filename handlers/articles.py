"""Articles in, summaries out: the handler for forwarded or pasted text, links and documents."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import PurePath

from telegram import Message, Update
from telegram.error import BadRequest, NetworkError
from telegram.ext import ContextTypes

from bot.article import Article, decode_text
from bot.errors import DownloadFailed, InputError, WhoSaidError
from bot.runtime import BotServices, services, work_of
from handlers.answer import answer_article, ready
from handlers.message_reader import (
    WHAT_TO_SEND,
    addressed_to_bot,
    is_html_document,
    is_readable_document,
    read_message,
)
from handlers.parts import gather_parts
from handlers.replies import send_html

logger = logging.getLogger(__name__)

CANT_GET_FILE = (
    "Telegram won't give me that file (it may be too big for bots). Send a link or paste the text."
)


async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any non-command message: analyze what it carries and reply with a summary per article."""
    message = update.effective_message
    if message is None or update.effective_chat is None:
        return
    bot = context.bot
    if not addressed_to_bot(message, bot.id, bot.username):
        return
    found = services(context)
    journal = work_of(context, update)
    content = read_message(message, bot_username=bot.username, max_links=found.settings.max_links_per_message)
    turn = await gather_parts(context, message, content, journal=journal)
    if turn is None:
        return  # one part of an article that another message answers
    content = turn.content
    chat_id = update.effective_chat.id
    if content.document is not None:
        loader = _document_loader(context, found, message, chat_id)
        await answer_article(
            context, found, message, chat_id, "document", loader, origin=content.origin, journal=journal
        )
    elif content.text is not None:
        article = Article(text=content.text)
        answer = await answer_article(
            context, found, message, chat_id, "text", lambda: ready(article), origin=content.origin,
            known_text=article.text, journal=journal,
        )  # fmt: skip
        # Answered, or told why not. (When this raises, the parts stay unfinished with it and are retried.)
        turn.answered(answer)
    elif content.links:
        for link in content.links:
            loader = link_loader(found, link, chat_id)
            await answer_article(
                context,
                found,
                message,
                chat_id,
                "link",
                loader,
                origin=content.origin,
                url=link,
                journal=journal,
            )
    else:
        await send_html(bot, chat_id, WHAT_TO_SEND, reply_to=message, journal=journal)


def link_loader(found: BotServices, link: str, chat_id: int) -> Callable[[], Awaitable[Article]]:
    async def load() -> Article:
        from bot.extract import NO_ARTICLE_MESSAGE
        from bot.fetch import fetch_page

        assert found.http is not None
        page = await fetch_page(link, found.settings, client=found.http)
        try:
            # Extraction runs in the pool, in the chat's turn and under the job deadline.
            return await found.pool.extract(page.body, page.content_type, page.url, chat_id=chat_id)
        except WhoSaidError:
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
            article = await found.pool.extract(data, "text/html", chat_id=chat_id)
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
