"""Telegram HTML as text: escaping, length in UTF-16 units, and the one splitter every message goes through.

Telegram counts a message's length in UTF-16 code units and refuses a message over 4096 of them, one with
unbalanced tags, or one with nothing to show. `split_message` cuts HTML into parts that each stand alone:
on line boundaries where it can, never inside a tag or an entity, never a `<pre>` block across two parts (a
block too long for one message becomes several closed blocks), tags closed at each cut and reopened after
it, and no part without visible text (`<b></b>`).
"""

from __future__ import annotations

import re
from html import escape as _html_escape
from html import unescape

MESSAGE_LIMIT = 4096


def escape(text: str, quote: bool = False) -> str:
    """HTML-escape for Telegram: `<`, `>` and `&` always, quotes only inside attributes (quote=True)."""
    return _html_escape(text, quote=quote)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|[<&]")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")
_PRE_OPEN = re.compile(r"<pre[\s>]", re.IGNORECASE)
_PRE_CLOSE = re.compile(r"</pre>", re.IGNORECASE)
# Room kept for the closing tags a cut may add (`</a></b></i>` and the like).
_CLOSING_ROOM = 16


def visible_text(html: str) -> str:
    """What a person sees of an HTML part: tags dropped, entities decoded."""
    return unescape(re.sub(r"<[^>]*>", "", html))


def _blocks(html: str) -> list[str]:
    """Lines, except that a `<pre>` block spanning several lines is one block."""
    blocks: list[str] = []
    pending: list[str] = []
    depth = 0
    for line in html.split("\n"):
        pending.append(line)
        depth += len(_PRE_OPEN.findall(line)) - len(_PRE_CLOSE.findall(line))
        if depth <= 0:
            blocks.append("\n".join(pending))
            pending, depth = [], 0
    if pending:
        blocks.append("\n".join(pending))
    return blocks


def _cut_block(block: str, limit: int) -> list[str]:
    """Cut one block longer than `limit` into pieces, preferring newlines then spaces, closing the open tags
    at each cut and reopening them after it (so a long `<pre>` becomes several closed `<pre>` blocks)."""
    pieces: list[str] = []
    stack: list[tuple[str, str]] = []  # (tag name, opening tag as written)
    current = ""

    def closing() -> str:
        return "".join(f"</{name}>" for name, _ in reversed(stack))

    def opening() -> str:
        return "".join(tag for _, tag in stack)

    def flush() -> None:
        nonlocal current
        if visible_text(current).strip():
            pieces.append(current + closing())
        current = opening()

    def room() -> int:
        return limit - utf16_len(current) - utf16_len(closing())

    for token in _TOKEN.findall(block):
        is_tag = token.startswith("<") and len(token) > 1
        is_entity = token.startswith("&") and len(token) > 1
        if is_tag or is_entity:
            if utf16_len(token) + (_CLOSING_ROOM if is_tag else 0) > room() and visible_text(current).strip():
                flush()
            current += token
            if is_tag:
                match = _TAG_NAME.match(token)
                name = match.group(1).lower() if match else ""
                if token.startswith("</"):
                    if stack and stack[-1][0] == name:
                        stack.pop()
                elif not token.endswith("/>"):
                    stack.append((name, token))
            continue
        text = token
        while text:
            space = room()
            if utf16_len(text) <= space:
                current += text
                break
            cut = max(1, min(len(text), space))
            while cut > 1 and utf16_len(text[:cut]) > space:
                cut -= 1
            newline = text.rfind("\n", 0, cut)
            blank = text.rfind(" ", 0, cut)
            if newline > cut // 3:
                cut = newline + 1
            elif blank > cut // 2:
                cut = blank + 1
            current += text[:cut].rstrip("\n")
            text = text[cut:]
            flush()
    if visible_text(current).strip():
        pieces.append(current + closing())
    return pieces


def split_message(html: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split HTML into standalone parts of at most `limit` UTF-16 units (see the module docstring)."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for block in _blocks(html):
        for piece in [block] if utf16_len(block) <= limit else _cut_block(block, limit):
            extra = utf16_len(piece) + (1 if current else 0)
            if current and size + extra > limit:
                parts.append("\n".join(current))
                current, size, extra = [], 0, utf16_len(piece)
            current.append(piece)
            size += extra
    if current:
        parts.append("\n".join(current))
    return [part.strip("\n") for part in parts if visible_text(part).strip()]

