"""Inline buttons: Sources · Figures · All claims, claim pages, history entries, and the /forget confirmation.

Each kind of button has its own handler, routed by `CallbackQueryHandler(pattern=...)` with the patterns of
`handlers.callbacks`. A button's article id is only ever looked up in the chat the button was pressed in: a
forged or stale id from another chat finds nothing, and the user is told the article isn't available. A press
that deletes data re-checks, at press time, that the presser may do it.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.render import render_claims_page, render_figures, render_sources, render_summary
from bot.runtime import services, work_of
from handlers.callbacks import (
    CLAIMS,
    CLAIMS_PAGE,
    FIGURES,
    OPEN,
    SOURCES,
    ForgetPress,
    ViewPress,
    parse_forget,
    parse_view,
)
from handlers.common import GONE, ONLY_ADMINS, STALE, ButtonPress, button_press, is_chat_admin
from handlers.keyboards import article_keyboard, claims_keyboard
from handlers.replies import send_article_view


@button_press(parse_view, invalid=GONE)
async def on_view(pressed: ButtonPress[ViewPress], context: ContextTypes.DEFAULT_TYPE) -> None:
    """A view of an article (sources, figures, claims, a claims page, the summary again), in this chat."""
    query, chat, press, update = pressed.query, pressed.chat, pressed.data, pressed.update
    found = services(context)
    article = await found.store.get(chat.id, press.article_id)
    if article is None or query.message is None:
        await query.answer(GONE, show_alert=True)
        return
    await query.answer()
    summary = pressed.message
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
        keyboard = article_keyboard(article.id, article.report)
    else:  # pragma: no cover - the pattern only accepts the actions above
        return
    await send_article_view(
        context.bot,
        found.store,
        chat.id,
        article.id,
        html,
        reply_to=summary,
        keyboard=keyboard,
        journal=work_of(context, update),
    )


@button_press(parse_forget)
async def on_forget(pressed: ButtonPress[ForgetPress], context: ContextTypes.DEFAULT_TYPE) -> None:
    """The /forget confirmation. Only the person who asked may answer, and in a group only while they are an
    admin: rights are checked again now, whatever the button's data says."""
    query, chat, press = pressed.query, pressed.chat, pressed.data
    if query.from_user.id != press.user_id:
        await query.answer("Only the person who asked to forget can answer this.", show_alert=True)
        return
    is_group = chat.type != ChatType.PRIVATE
    if press.confirmed and is_group and not await is_chat_admin(context, chat.id, query.from_user.id):
        await query.answer(ONLY_ADMINS, show_alert=True)
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


async def on_unknown(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any other callback data (an old button, or data we never made): say so."""
    if update.callback_query is not None:
        await update.callback_query.answer(STALE, show_alert=True)
