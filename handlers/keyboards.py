"""Inline keyboards and their callback data.

Callback data carries only an action and an opaque article id (never chat ids or text); the button handler
always looks the id up within the chat the button was pressed in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from storage.articles import ArticleMeta

SOURCES = "s"
FIGURES = "f"
CLAIMS = "c"
CLAIMS_PAGE = "cp"
OPEN = "o"
FORGET = "forget"

_DATA = re.compile(r"^(s|f|c|cp|o):([A-Za-z0-9_-]{8,32})(?::(\d{1,4}))?$")
_FORGET = re.compile(r"^forget:(yes|no):(\d{1,20})$")


@dataclass(frozen=True)
class ButtonPress:
    """A parsed callback: which view of which article (and page, for claims)."""

    action: str
    article_id: str
    page: int = 0


def parse_button(data: str | None) -> ButtonPress | None:
    """The button's meaning, or None for data we never produce (old or forged buttons)."""
    match = _DATA.match(data or "")
    if match is None:
        return None
    return ButtonPress(action=match.group(1), article_id=match.group(2), page=int(match.group(3) or 0))


def article_keyboard(article_id: str) -> InlineKeyboardMarkup:
    """Sources · Figures · All claims, under a summary."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Sources", callback_data=f"{SOURCES}:{article_id}"),
                InlineKeyboardButton("Figures", callback_data=f"{FIGURES}:{article_id}"),
                InlineKeyboardButton("All claims", callback_data=f"{CLAIMS}:{article_id}:0"),
            ]
        ]
    )


def claims_keyboard(article_id: str, page: int, pages: int) -> InlineKeyboardMarkup | None:
    """◀ / ▶ between pages of /claims, or None when everything fits on one page."""
    if pages <= 1:
        return None
    row = []
    if page > 0:
        row.append(InlineKeyboardButton("◀ Previous", callback_data=f"{CLAIMS_PAGE}:{article_id}:{page - 1}"))
    row.append(
        InlineKeyboardButton(f"{page + 1}/{pages}", callback_data=f"{CLAIMS_PAGE}:{article_id}:{page}")
    )
    if page < pages - 1:
        row.append(InlineKeyboardButton("Next ▶", callback_data=f"{CLAIMS_PAGE}:{article_id}:{page + 1}"))
    return InlineKeyboardMarkup([row])


def history_keyboard(articles: Sequence[ArticleMeta]) -> InlineKeyboardMarkup | None:
    """One numbered button per article in /history, reopening its summary."""
    if not articles:
        return None
    buttons = [
        InlineKeyboardButton(f"Open {number}", callback_data=f"{OPEN}:{meta.id}")
        for number, meta in enumerate(articles, start=1)
    ]
    return InlineKeyboardMarkup([buttons[index : index + 5] for index in range(0, len(buttons), 5)])


def forget_keyboard(user_id: int) -> InlineKeyboardMarkup:
    """The /forget confirmation; only the person who asked (`user_id`) may press it."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Yes, delete everything", callback_data=f"{FORGET}:yes:{user_id}"),
                InlineKeyboardButton("No, keep it", callback_data=f"{FORGET}:no:{user_id}"),
            ]
        ]
    )


@dataclass(frozen=True)
class ForgetPress:
    """A press on the /forget confirmation."""

    confirmed: bool
    user_id: int


def parse_forget(data: str | None) -> ForgetPress | None:
    """The /forget answer a button carries, or None if it isn't one."""
    match = _FORGET.match(data or "")
    if match is None:
        return None
    return ForgetPress(confirmed=match.group(1) == "yes", user_id=int(match.group(2)))
