"""Stories in the bot: placing an arriving article, /story, and the "Not the same story" / "Put it back" buttons.

Callback data carries two opaque ids, the article's and the story's (`handlers.callbacks.not_same_data`);
both are only ever looked up in the chat the button was pressed in, and the article must be in that story
there. A group's story is shared by its members, so taking an article out of it (or putting it back) is for
the chat's admins and the people who sent that article, checked when the button is pressed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from telegram import CallbackQuery, Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.render import escape, render_story, shorten
from bot.runtime import BotServices, services, work_of
from bot.telegram_html import split_message
from handlers.callbacks import not_same_data, parse_not_same, parse_put_back, put_back_data
from handlers.common import NOTHING_YET, is_chat_admin, reply_html, target_article
from handlers.replies import send_article_view, send_html
from handlers.story_view import chat_story_panel, story_outlet
from storage import StoredArticle
from storage.stories import ChatStory, StoryStore

logger = logging.getLogger(__name__)

GONE = "That story isn't available in this chat any more."
NOT_YOURS = (
    "In a group, only its admins and the person who sent this article can take it out of the story or put "
    "it back."
)
RIGHTS_UNKNOWN = "I couldn't check who may change this story just now. Try again in a moment."
NO_STORY = (
    "This article isn't part of a story yet: none of your other articles from the last {days} days "
    "reports the same event. Forward another outlet's article about it and I'll compare their figures."
)


def story_store(found: BotServices) -> StoryStore:
    """The story tables of the bot's database, with the chat window from the settings."""
    return StoryStore(found.database, window_days=found.settings.story_window_days)


def sender_of(message: Message | None) -> int | None:
    """The id of the person who sent a message (None for a channel post or no message)."""
    if message is None or message.from_user is None:
        return None
    return message.from_user.id


async def place_article(
    found: BotServices, chat_id: int, article: StoredArticle, *, sent_by: int | None = None
) -> ChatStory | None:
    """Put a stored article in its story (once: sending it again changes nothing); the story, if it has one.

    `sent_by` (the person who sent it) is remembered, whether or not it joins a story: in a group they may
    later take it out of one. A failure here is logged and the summary goes out without the story section:
    stories are an extra.
    """
    stories = story_store(found)
    try:
        if sent_by is not None:
            await stories.note_sender(chat_id, article.id, sent_by)
        membership = await stories.place(chat_id, article)
        if membership.story_id is None:
            return None
        return await stories.story(chat_id, membership.story_id)
    except Exception:
        logger.exception("couldn't place an article in a story")
        return None


def not_same_button(article_id: str, story_id: str, text: str = "Not the same story") -> InlineKeyboardButton:
    """A button that takes the article out of the story."""
    return InlineKeyboardButton(text, callback_data=not_same_data(article_id, story_id))


def with_not_same_button(
    keyboard: InlineKeyboardMarkup | None, article_id: str, story: ChatStory | None
) -> InlineKeyboardMarkup | None:
    """`keyboard` with a "Not the same story" row added when the article is in a story with others."""
    if story is None or len(story.articles) < 2:
        return keyboard
    rows = list(keyboard.inline_keyboard) if keyboard is not None else []
    return InlineKeyboardMarkup([*rows, [not_same_button(article_id, story.id)]])


def story_keyboard(story: ChatStory) -> InlineKeyboardMarkup:
    """Under /story: one "Not the same story" button per article, numbered as the view lists them."""
    buttons = [
        not_same_button(article.id, story.id, f"✂️ Not the same: {number}")
        for number, article in enumerate(story.articles, start=1)
    ]
    return InlineKeyboardMarkup([buttons[index : index + 3] for index in range(0, len(buttons), 3)])


async def story(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/story: the whole story of the article replied to (else the chat's latest article)."""
    chat = update.effective_chat
    if chat is None:
        return
    found = services(context)
    article = await target_article(update, context)
    if article is None:
        await reply_html(update, context, NOTHING_YET)
        return
    stories = story_store(found)
    # An article stored before stories existed is placed now, the first time someone asks.
    await stories.place(chat.id, article)
    found_story = await stories.story_of(chat.id, article.id)
    if found_story is None or len(found_story.articles) < 2:
        text = NO_STORY.format(days=found.settings.story_window_days)
        await reply_html(update, context, text)
        return
    view, chart = render_story(chat_story_panel(found_story), len(found_story.articles))
    keyboard = story_keyboard(found_story)
    parts = [view]
    if chart:
        together = f"{view}\n\n{chart}"
        parts = [together] if len(split_message(together)) == 1 else [view, chart]
    for index, part in enumerate(parts):
        await send_article_view(
            context.bot,
            found.store,
            chat.id,
            article.id,
            part,
            reply_to=update.effective_message,
            keyboard=keyboard if index == len(parts) - 1 else None,
            journal=work_of(context, update),
        )


async def may_change_story(
    context: ContextTypes.DEFAULT_TYPE, chat: Chat, article_id: str, user_id: int
) -> bool:
    """Whether this person may take the chat's article out of a story or put it back: anyone in a private
    chat; in a group, its admins and whoever sent the article (checked now, at the press)."""
    if chat.type == ChatType.PRIVATE:
        return True
    if await story_store(services(context)).sent_by(chat.id, article_id, user_id):
        return True
    return await is_chat_admin(context, chat.id, user_id)


async def _refused(update: Update, context: ContextTypes.DEFAULT_TYPE, chat: Chat, article_id: str) -> bool:
    """Answer the press with a refusal when its presser may not change the story; True if refused."""
    query = update.callback_query
    assert query is not None
    try:
        allowed = await may_change_story(context, chat, article_id, query.from_user.id)
    except TelegramError as error:
        logger.warning("couldn't check a member's rights in a chat: %s", type(error).__name__)
        await query.answer(RIGHTS_UNKNOWN, show_alert=True)
        return True
    if not allowed:
        await query.answer(NOT_YOURS, show_alert=True)
    return not allowed


def _pressed_message(update: Update) -> Message | None:
    query = update.callback_query
    message = query.message if query is not None else None
    return message if isinstance(message, Message) else None


@dataclass(frozen=True)
class StoryPress:
    """A press of a story button that may go ahead: its chat, the article and story it names, the article."""

    query: CallbackQuery
    chat: Chat
    article_id: str
    story_id: str
    article: StoredArticle


async def _story_press(
    update: Update, context: ContextTypes.DEFAULT_TYPE, parse: Callable[[str | None], tuple[str, str] | None]
) -> StoryPress | None:
    """The opening lines of a story button, once: the ids read with `parse`, the chat's own article, and the
    presser's right to change the story, checked now. None when the press was answered already."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None:
        return None
    ids = parse(query.data)
    if chat is None or ids is None:
        await query.answer(GONE, show_alert=True)
        return None
    article_id, story_id = ids
    article = await services(context).store.get(chat.id, article_id)
    if article is None:
        await query.answer(GONE, show_alert=True)
        return None
    if await _refused(update, context, chat, article_id):
        return None
    return StoryPress(query, chat, article_id, story_id, article)


async def on_not_same(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take the article out of the story ("Not the same story"), if both are this chat's and the presser may;
    the note that says so carries a "Put it back" button."""
    press = await _story_press(update, context, parse_not_same)
    if press is None:
        return
    query, chat, article_id, story_id = press.query, press.chat, press.article_id, press.story_id
    stories = story_store(services(context))
    if not await stories.take_out(chat.id, article_id, story_id):
        if story_id in await stories.excluded_stories(chat.id, article_id):
            await query.answer("That article is already out of that story.")
        else:
            await query.answer(GONE, show_alert=True)
        return
    await query.answer("Taken out of the story.")
    name = shorten(story_outlet(press.article), 80)
    text = (
        f"✂️ OK: <b>{escape(name)}</b> is out of that story, and its figures are no longer compared with "
        "the others'. It stays out unless you put it back."
    )
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton("↩️ Put it back", callback_data=put_back_data(article_id, story_id))]]
    )
    await send_html(
        context.bot,
        chat.id,
        text,
        reply_to=_pressed_message(update),
        keyboard=keyboard,
        journal=work_of(context, update),
    )


async def on_put_back(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Undo "Not the same story": the article goes back into the story, if the presser may change it."""
    press = await _story_press(update, context, parse_put_back)
    if press is None:
        return
    query, chat, article_id, story_id = press.query, press.chat, press.article_id, press.story_id
    stories = story_store(services(context))
    if not await stories.put_back(chat.id, article_id, story_id):
        membership = await stories.membership(chat.id, article_id)
        if membership is not None and membership.story_id == story_id:
            await query.answer("That article is already in that story.")
        else:
            await query.answer(GONE, show_alert=True)
        return
    await query.answer("Put back in the story.")
    name = shorten(story_outlet(press.article), 80)
    text = (
        f"↩️ OK: <b>{escape(name)}</b> is back in that story, and its figures are compared with the "
        "others' again."
    )
    pressed = _pressed_message(update)
    if pressed is not None:
        try:
            # The note that it was taken out becomes the note that it is back (its button goes with it).
            await query.edit_message_text(text, parse_mode="HTML")
            return
        except TelegramError as error:
            logger.info("couldn't edit the take-out note (%s); sending a new one", type(error).__name__)
    await send_html(context.bot, chat.id, text, journal=work_of(context, update))
