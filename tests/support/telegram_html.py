"""Telegram's HTML parse mode, checked the way the Bot API checks it (used by the fake server and tests)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

MESSAGE_LIMIT = 4096
ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code",
    "pre", "blockquote",
}  # fmt: skip
_BARE_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")
_BARE_LESS_THAN = re.compile(r"<(?!/?[a-zA-Z])")


class TelegramHTMLError(ValueError):
    """What the Bot API would answer: 'Bad Request: can't parse entities: ...'."""


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise TelegramHTMLError(f'unsupported start tag "{tag}"')
        if tag == "a" and not any(name == "href" for name, _ in attrs):
            raise TelegramHTMLError("a link without href")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise TelegramHTMLError(f'can\'t find end tag corresponding to start tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_telegram_html(html: str) -> str:
    """The text a person sees; raises `TelegramHTMLError` where Telegram would refuse the message."""
    if _BARE_AMPERSAND.search(html):
        raise TelegramHTMLError("unsupported entity or bare '&'")
    if _BARE_LESS_THAN.search(html):
        raise TelegramHTMLError("bare '<'")
    checker = _Checker()
    checker.feed(html)
    checker.close()
    if checker.stack:
        raise TelegramHTMLError(f"unclosed tags {checker.stack}")
    text = "".join(checker.text)
    if not text.strip():
        raise TelegramHTMLError("message text is empty")
    if len(text.encode("utf-16-le")) // 2 > MESSAGE_LIMIT:
        raise TelegramHTMLError("message is too long")
    return text
