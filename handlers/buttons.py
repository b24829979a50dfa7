"""Inline buttons: Sources · Figures · All claims, claim pages, history entries, and the /forget confirmation.

A button's article id is only ever looked up in the chat the button was pressed in: a forged or stale id
from another chat finds nothing, and the user is told the article isn't available.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.render import render_claims_page, render_figures, render_sources, render_summary
from handlers.keyboards import (
    CLAIMS,
    CLAIMS_PAGE,
    FIGURES,
    OPEN,
    SOURCES,
    ForgetPress,
    article_keyboard,
    claims_keyboard,
    parse_button,
    parse_forget,
)
from handlers.replies import send_article_view
from handlers.services import services

GONE = "That article isn't available in this chat any more."


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button press with the view it asks for, scoped to the chat it was pressed in."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None or query.message is None:
        if query is not None:
            await query.answer()
        return
    found = services(context)
    forget_press = parse_forget(query.data)
    if forget_press is not None:
        await _forget_answer(update, context, forget_press)
        return
    press = parse_button(query.data)
    article = await found.store.get(chat.id, press.article_id) if press else None
    if press is None or article is None:
        await query.answer(GONE, show_alert=True)
        return
    await query.answer()
    summary = query.message if hasattr(query.message, "message_id") else None
    if press.action == CLAIMS_PAGE:
        html, page, pages = render_claims_page(article.report, press.page)
        try:
            await query.edit_message_text(
                html, parse_mode=ParseMode.HTML, reply_markup=claims_keyboard(article.id, page, pages)
            )
        except BadRequest as error:
            # Pressing the page that is already shown: Telegram refuses an edit that changes nothing.
            if "not modified" not in str(error).lower():
                raise
        return
    keyboard = None
    if press.action == SOURCES:
        html = render_sources(article.report)
    elif press.action == FIGURES:
        html = render_figures(article.report)
    elif press.action == CLAIMS:
        html, page, pages = render_claims_page(article.report, press.page)
        keyboard = claims_keyboard(article.id, page, pages)
    elif press.action == OPEN:
        html = render_summary(article.report, article.meta.origin)
        keyboard = article_keyboard(article.id)
    else:  # pragma: no cover - parse_button only accepts the actions above
        return
    await send_article_view(
        context.bot, found.store, chat.id, article.id, html, reply_to=summary, keyboard=keyboard
    )


async def _forget_answer(update: Update, context: ContextTypes.DEFAULT_TYPE, press: ForgetPress) -> None:
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None and chat is not None
    if query.from_user.id != press.user_id:
        await query.answer("Only the person who asked to forget can answer this.", show_alert=True)
        return
    await query.answer()
    if press.confirmed:
        store = services(context).store
        count = await store.count(chat.id)
        await store.forget_chat(chat.id)
        plural = "s" if count != 1 else ""
        text = f"Done: I deleted {count} article{plural} and everything else I kept for this chat."
    else:
        text = "OK, I kept everything."
    await query.edit_message_text(text)
