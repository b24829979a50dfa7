"""Inline keyboards. Their callback data is written and read by `handlers.callbacks`."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.readmore import read_more_link
from bot.report import Report
from handlers.callbacks import (
    CLAIMS,
    CLAIMS_PAGE,
    FIGURES,
    OPEN,
    SOURCES,
    forget_data,
    read_more_data,
    view_data,
)
from storage.articles import ArticleMeta


def article_keyboard(article_id: str, report: Report | None = None) -> InlineKeyboardMarkup:
    """Sources · Figures · All claims, under a summary; and "Read the full article" when the text is a channel
    post ending in a "Read more" link."""
    rows = [
        [
            InlineKeyboardButton("Sources", callback_data=view_data(SOURCES, article_id)),
            InlineKeyboardButton("Figures", callback_data=view_data(FIGURES, article_id)),
            InlineKeyboardButton("All claims", callback_data=view_data(CLAIMS, article_id, 0)),
        ]
    ]
    if report is not None and read_more_link(report.text) is not None:
        rows.append([InlineKeyboardButton("📖 Read the full article", callback_data=read_more_data(article_id))])
    return InlineKeyboardMarkup(rows)


def claims_keyboard(article_id: str, page: int, pages: int) -> InlineKeyboardMarkup | None:
    """◀ / ▶ between pages of /claims, or None when everything fits on one page."""
    if pages <= 1:
        return None
    row = []
    if page > 0:
        row.append(InlineKeyboardButton("◀ Previous", callback_data=view_data(CLAIMS_PAGE, article_id, page - 1)))
    row.append(InlineKeyboardButton(f"{page + 1}/{pages}", callback_data=view_data(CLAIMS_PAGE, article_id, page)))
    if page < pages - 1:
        row.append(InlineKeyboardButton("Next ▶", callback_data=view_data(CLAIMS_PAGE, article_id, page + 1)))
    return InlineKeyboardMarkup([row])


def history_keyboard(articles: Sequence[ArticleMeta]) -> InlineKeyboardMarkup | None:
    """One numbered button per article in /history, reopening its summary."""
    if not articles:
        return None
    buttons = [
        InlineKeyboardButton(f"Open {number}", callback_data=view_data(OPEN, meta.id))
        for number, meta in enumerate(articles, start=1)
    ]
    return InlineKeyboardMarkup([buttons[index : index + 5] for index in range(0, len(buttons), 5)])


def forget_keyboard(user_id: int) -> InlineKeyboardMarkup:
    """The /forget confirmation; only the person who asked (`user_id`) may press it."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Yes, delete everything", callback_data=forget_data(True, user_id)),
                InlineKeyboardButton("No, keep it", callback_data=forget_data(False, user_id)),
            ]
        ]
    )
