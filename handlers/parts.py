"""Articles in parts: consecutive messages that are one article become one article with one summary.

Telegram cuts a message at 4,096 characters, so a long article arrives as several: forwards of consecutive
posts of one channel, forwards from one sender, a pasted text the app cut, or an album whose captions carry the
text. `gather_parts` holds the first such message for a short quiet window (`WHOSAID_PARTS_WINDOW`, 'typing…'
shown meanwhile); every part arriving in that window is joined to it and answered by it. A part that arrives
after the summary went out re-analyses the whole text and edits that summary in place: the article is stored
once (the earlier, partial one is removed), listed once in /history and is one member of its story. Only a
channel's next post joins that late: from a sender or a paste, a later message is as likely a new one.

A part joined to another is not finished until the summary of the whole article has gone out: with durable
content its update stays pending until then, so a crash inside the quiet window loses no part (every part is
handed back at the next start and gathered again). What is remembered to join a late part (the last article
of each chat) lives in memory only: after a restart a late part is answered as an article of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from telegram import (
    LinkPreviewOptions,
    Message,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.article import Article
from bot.errors import TryAgainLater, WhoSaidError
from bot.runtime import services
from bot.telegram_html import MESSAGE_LIMIT, split_message, utf16_len
from bot.update_log import UpdateWork
from handlers.answer import Answer, ready, stored_or_analysed, summary_for
from handlers.message_reader import MessageContent
from handlers.replies import keep_typing, send_html
from handlers.stories import sender_of

logger = logging.getLogger(__name__)

# A pasted text this long may have been cut by the app at Telegram's 4,096 units: only then is the next
# paste joined to it (longer text can't come from a Telegram client, so it was not cut).
PASTE_CUT_CHARS = 3500
# Channel posts of one article have consecutive ids; an album or a deleted post in between leaves a gap.
CHANNEL_ID_GAP = 3
# How long after its last part an answered article still takes a channel's next post (edit, not a new summary).
LATE_PART_SECONDS = 600.0
# How long a late part waits for the summary of the parts before it (still being analysed) to go out.
SUMMARY_WAIT_SECONDS = 120.0
# Chats whose last article is remembered for late parts.
REMEMBERED_CHATS = 2000
COLLECTOR_KEY = "whosaid.parts"
# A first line this short that doesn't end a sentence is a headline.
HEADLINE_MAX_CHARS = 120
SENTENCE_ENDINGS = (".", "!", "?", ":", ";", ",", "…", '"', "”", "’", "'", ")", "»")


@dataclass(frozen=True)
class PartKey:
    """What makes messages parts of one article: an album, a channel, a forwarding sender, or a paste."""

    kind: str
    origin: str


@dataclass
class Part:
    """One message's share of the article."""

    message_id: int
    text: str
    origin_message_id: int | None
    at: float


@dataclass
class Gathered:
    """An article being gathered or already answered, with where its summary went."""

    chat_id: int
    key: PartKey
    first: Message
    content: MessageContent
    parts: list[Part] = field(default_factory=list)
    article_id: str | None = None
    summary_ids: list[int] = field(default_factory=list)
    answered: asyncio.Event = field(default_factory=asyncio.Event)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def last(self) -> Part:
        """The part that arrived last."""
        return self.parts[-1]

    @property
    def ordered(self) -> list[Part]:
        """The parts in the article's order (updates of one batch may be handled out of order)."""
        return sorted(self.parts, key=_position)

    @property
    def text(self) -> str:
        return "\n\n".join(part.text for part in self.ordered if part.text)

    def follows(self, key: PartKey, part: Part, *, late: bool) -> bool:
        """Whether `part` continues this article."""
        if key != self.key:
            return False
        ordered = self.ordered
        if (
            key.kind in ("channel", "sender")
            and starts_new_article(part.text)
            and _position(part) > _position(ordered[0])
        ):
            return (
                False  # consecutive posts of one channel can be separate news items, each with its headline
            )
        if key.kind == "channel":
            ids = [p.origin_message_id for p in ordered if p.origin_message_id is not None]
            if part.origin_message_id is None or not ids:
                return False
            if not 0 < min(abs(part.origin_message_id - i) for i in ids) <= CHANNEL_ID_GAP:
                return False
            return not late or part.at - self.last.at <= LATE_PART_SECONDS
        if key.kind == "paste" and not looks_cut(ordered[-1].text):
            return False
        # Only a channel's next post is evidence enough to edit a summary already sent: from a sender or a
        # paste, a later message is as likely a new one.
        return not late


def _position(part: Part) -> int:
    """Where a part belongs: a channel's post id, else the id of the message in this chat."""
    return part.origin_message_id if part.origin_message_id is not None else part.message_id


@dataclass
class Collector:
    """Per application: articles being gathered, and each chat's last answered one."""

    gathering: dict[tuple[int, PartKey], Gathered] = field(default_factory=dict)
    answered: OrderedDict[int, Gathered] = field(default_factory=OrderedDict)

    def remember(self, gathered: Gathered) -> None:
        self.answered[gathered.chat_id] = gathered
        self.answered.move_to_end(gathered.chat_id)
        while len(self.answered) > REMEMBERED_CHATS:
            self.answered.popitem(last=False)


@dataclass(frozen=True)
class Turn:
    """What a message answers: its own content, or the article gathered from its parts (`gathered`), whose
    summary `answered` hands back so that a late part can edit it."""

    content: MessageContent
    gathered: Gathered | None = None

    def answered(self, answer: Answer | None) -> None:
        """The article was answered (`answer`), or its answer failed (None): parts waiting on it go on."""
        gathered = self.gathered
        if gathered is None or gathered.answered.is_set():
            return
        if answer is not None:
            gathered.article_id = answer.article_id
            gathered.summary_ids = [message.message_id for message in answer.messages]
        gathered.answered.set()


def collector(context: ContextTypes.DEFAULT_TYPE) -> Collector:
    """The application's collector (made on first use)."""
    return context.application.bot_data.setdefault(COLLECTOR_KEY, Collector())


def part_key(message: Message, body: str) -> PartKey | None:
    """How a message could be part of a longer article, or None when it stands alone."""
    if message.media_group_id:
        return PartKey("album", str(message.media_group_id))
    origin = message.forward_origin
    if isinstance(origin, MessageOriginChannel):
        return PartKey("channel", str(origin.chat.id))
    if isinstance(origin, MessageOriginUser):
        return PartKey("sender", f"user:{origin.sender_user.id}")
    if isinstance(origin, MessageOriginHiddenUser):
        return PartKey("sender", f"hidden:{origin.sender_user_name}")
    if isinstance(origin, MessageOriginChat):
        return PartKey("sender", f"chat:{origin.sender_chat.id}")
    if message.from_user is not None and body:
        return PartKey("paste", str(message.from_user.id))
    return None


def starts_new_article(text: str) -> bool:
    """Whether a message opens with a headline (a short first line without closing punctuation, with more text
    after it): then it is an article of its own, not the next part of one."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    first = lines[0]
    return len(first) <= HEADLINE_MAX_CHARS and not first.endswith(SENTENCE_ENDINGS)


def looks_cut(text: str) -> bool:
    """Whether a pasted text is as long as the app makes a message before cutting it."""
    return PASTE_CUT_CHARS <= utf16_len(text) <= MESSAGE_LIMIT


def _may_continue(key: PartKey, body: str) -> bool:
    """Whether a message could be followed by more parts, so is worth waiting for."""
    return key.kind != "paste" or looks_cut(body)


async def gather_parts(
    context: ContextTypes.DEFAULT_TYPE,
    message: Message,
    content: MessageContent,
    *,
    window: float | None = None,
    journal: UpdateWork | None = None,
) -> Turn | None:
    """What to answer for `message`: its own content, or (for the first part) the whole article once no part
    has arrived for a quiet window. None when the message is a part of an article another message answers,
    or a late part that has edited the summary already sent."""
    if content.document is not None:
        return Turn(content)
    body = (message.text or message.caption or "").strip()
    key = part_key(message, body)
    if key is None or not body:
        return Turn(content)
    parts = collector(context)
    chat_id = message.chat_id
    forwarded = message.forward_origin
    origin_id = forwarded.message_id if isinstance(forwarded, MessageOriginChannel) else None
    part = Part(message.message_id, content.text or body, origin_id, time.monotonic())
    pending = parts.gathering.get((chat_id, key))
    if pending is not None and pending.follows(key, part, late=False):
        pending.parts.append(part)
        # Finished only once the whole article is answered, so the part's update isn't marked done before.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(pending.answered.wait(), timeout=SUMMARY_WAIT_SECONDS)
        return None
    answered = parts.answered.get(chat_id)
    if (
        answered is not None
        and answered.follows(key, part, late=True)
        and await _extend(context, answered, part, journal)
    ):
        return None
    if content.text is None or not _may_continue(key, body):
        return Turn(content)
    gathered = Gathered(chat_id=chat_id, key=key, first=message, content=content, parts=[part])
    parts.gathering[(chat_id, key)] = gathered
    quiet = services(context).settings.parts_window if window is None else window
    try:
        async with keep_typing(context.bot, chat_id):
            while (remaining := gathered.last.at + quiet - time.monotonic()) > 0:
                await asyncio.sleep(remaining)
    finally:
        if parts.gathering.get((chat_id, key)) is gathered:
            del parts.gathering[(chat_id, key)]
    parts.remember(gathered)
    if len(gathered.parts) == 1:
        return Turn(content, gathered)
    return Turn(replace(content, text=gathered.text), gathered)


async def _extend(
    context: ContextTypes.DEFAULT_TYPE, gathered: Gathered, part: Part, journal: UpdateWork | None
) -> bool:
    """A late part: analyse the whole text again, store it in place of the partial article, and edit the
    summary already sent. False when there is no summary to edit (the earlier parts got an error instead):
    then the part is answered as an article of its own."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(gathered.answered.wait(), timeout=SUMMARY_WAIT_SECONDS)
    if gathered.article_id is None or not gathered.summary_ids:
        return False
    gathered.parts.append(part)
    found = services(context)
    bot = context.bot
    chat_id = gathered.chat_id
    origin = gathered.content.origin
    async with gathered.lock:
        article = Article(text=gathered.text)
        try:
            async with keep_typing(bot, chat_id):
                stored = await stored_or_analysed(
                    found, chat_id, "text", lambda: ready(article), origin=origin, known_text=article.text
                )
        except TryAgainLater:
            raise
        except WhoSaidError as error:
            text = html.escape(str(error), quote=False)
            await send_html(bot, chat_id, text, reply_to=gathered.first, journal=journal)
            return True
        if stored.id != gathered.article_id:
            await found.store.remove(chat_id, gathered.article_id)
        summary, keyboard = await summary_for(
            found, chat_id, stored, origin, sent_by=sender_of(gathered.first)
        )
        first, *rest = gathered.summary_ids
        try:
            await bot.edit_message_text(
                split_message(summary)[0],
                chat_id=chat_id,
                message_id=first,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except BadRequest as error:
            if "not modified" not in str(error).lower():
                raise
        for extra in rest:
            with contextlib.suppress(BadRequest):
                await bot.delete_message(chat_id, extra)
        await found.store.link_message(chat_id, first, stored.id)
        gathered.article_id = stored.id
        gathered.summary_ids = [first]
        logger.info("a late part of an article edited its summary (%d parts)", len(gathered.parts))
    return True
