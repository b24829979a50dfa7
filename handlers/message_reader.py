"""What a message gives us to analyze: article text, links, or a document, and where it was forwarded from."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from telegram import (
    Document,
    Message,
    MessageEntity,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
)

from storage.articles import Origin

# Fewer words than this (links aside) is a comment or a headline, not an article to analyze.
MIN_ARTICLE_WORDS = 25
DOCUMENT_EXTENSIONS = (".txt", ".text", ".html", ".htm")
WHAT_TO_SEND = (
    "Send me a news article and I'll tell you who said what in it. Forward it or paste its text (a few "
    "paragraphs at least), send a link to it, or send it as a .txt or .html file."
)


@dataclass
class MessageContent:
    """The things one message asks us to analyze."""

    text: str | None = None
    links: list[str] = field(default_factory=list)
    document: Document | None = None
    origin: Origin | None = None

    @property
    def empty(self) -> bool:
        return self.text is None and not self.links and self.document is None


def origin_of(message: Message) -> Origin | None:
    """Where a forwarded message came from (channel, group, user or hidden user), if it was forwarded."""
    origin = message.forward_origin
    if origin is None:
        return None
    date = origin.date.isoformat() if origin.date else None
    if isinstance(origin, MessageOriginChannel):
        chat = origin.chat
        return Origin(
            kind="channel", name=chat.title or chat.username or "a channel", username=chat.username, date=date
        )
    if isinstance(origin, MessageOriginChat):
        chat = origin.sender_chat
        return Origin(
            kind="chat", name=chat.title or chat.username or "a group", username=chat.username, date=date
        )
    if isinstance(origin, MessageOriginUser):
        user = origin.sender_user
        return Origin(kind="user", name=user.full_name, username=user.username, date=date)
    if isinstance(origin, MessageOriginHiddenUser):
        return Origin(kind="hidden_user", name=origin.sender_user_name, date=date)
    return None


def _with_scheme(link: str) -> str:
    return link if re.match(r"(?i)^https?://", link) else f"https://{link}"


def entities_of(message: Message, kinds: Collection[str]) -> dict[MessageEntity, str]:
    """The entities of these kinds in the text and the caption, with the text each covers. A client may send
    entities that don't fit their text (running past its end, or splitting a character in two), on which
    python-telegram-bot's `parse_entities` raises: here such an entity covers what it can of the text (cut at
    the end, half characters dropped), and one that covers nothing is left out."""
    found: dict[MessageEntity, str] = {}
    for text, entities in ((message.text, message.entities), (message.caption, message.caption_entities)):
        if not text:
            continue
        encoded = text.encode("utf-16-le")
        for entity in entities:
            if entity.type not in kinds or entity.offset < 0 or entity.length <= 0:
                continue
            covered = encoded[2 * entity.offset : 2 * (entity.offset + entity.length)]
            # Cut on a code unit boundary; a lone half of a surrogate pair decodes to nothing.
            words = covered.decode("utf-16-le", errors="ignore").strip()
            if words:
                found[entity] = words
    return found


def links_of(message: Message, limit: int) -> list[str]:
    """Links in the text or caption (URLs and text_link entities), in order, no repeats, at most `limit`."""
    found = entities_of(message, (MessageEntity.URL, MessageEntity.TEXT_LINK))
    links: list[str] = []
    for entity, text in sorted(found.items(), key=lambda item: item[0].offset):
        link = entity.url if entity.type == MessageEntity.TEXT_LINK and entity.url else _with_scheme(text)
        if link.lower().startswith(("http://", "https://")) and link not in links:
            links.append(link)
    return links[:limit]


def addressed_to_bot(message: Message, bot_id: int, bot_username: str | None) -> bool:
    """In private chats every message; in groups replies to the bot and messages mentioning it."""
    if message.chat.type == "private":
        return True
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    if bot_username:
        mention = f"@{bot_username}".casefold()
        mentions = entities_of(message, (MessageEntity.MENTION,))
        return any(text.casefold() == mention for text in mentions.values())
    return False


def read_message(message: Message, *, bot_username: str | None, max_links: int) -> MessageContent:
    """Decide what to analyze: a document, else the text when it is article-length, else its links."""
    origin = origin_of(message)
    if message.document is not None:
        return MessageContent(document=message.document, origin=origin)
    body = message.text or message.caption or ""
    if bot_username:
        body = re.sub(rf"(?i)@{re.escape(bot_username)}\b", "", body)
    links = links_of(message, max_links)
    words = re.sub(r"(?i)\bhttps?://\S+", " ", body).split()
    if len(words) >= MIN_ARTICLE_WORDS:
        # An article that merely contains links is still the article; its links are not fetched.
        return MessageContent(text=body.strip(), origin=origin)
    return MessageContent(links=links, origin=origin)


def is_readable_document(document: Document) -> bool:
    """Whether a document looks like text or HTML by its name or type."""
    name = (document.file_name or "").lower()
    mime = (document.mime_type or "").lower()
    return name.endswith(DOCUMENT_EXTENSIONS) or mime in ("text/plain", "text/html")


def is_html_document(document: Document) -> bool:
    """Whether a document is HTML (by name or type) rather than plain text."""
    name = (document.file_name or "").lower()
    return name.endswith((".html", ".htm")) or (document.mime_type or "").lower() == "text/html"
