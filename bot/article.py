"""The article, the one input of the engine: its body text and what we know about it, and bytes decoded to it.

Where articles come from (files, standard input, links) is read by `bot.sources` (the CLI) and the handlers;
the engine only ever sees text.
"""

from __future__ import annotations

from pydantic import BaseModel

from bot.errors import InputError


class Article(BaseModel):
    """An article's body text and whatever metadata we know about it."""

    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None


def decode_text(data: bytes) -> str:
    """Bytes from a file or upload to text; binary data gets a friendly `InputError`.

    UTF-8 (with or without BOM) first, then UTF-16 when a BOM says so; anything else that is not valid UTF-8 is
    refused rather than guessed, because a wrong guess would quietly change the words we report.
    """
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("This looks like a binary file, not text. Send the article's text or a link to it.")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            "I couldn't read this file as UTF-8 text. Save it as UTF-8, or paste the article's text instead."
        ) from error
