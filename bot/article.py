"""Turning what a user gives us (a file, stdin, pasted text, a link) into an `Article`.

Reading bytes and fetching links is I/O and lives here, outside the engine; the engine only ever sees text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

from bot.errors import InputError
from bot.settings import Settings


class Article(BaseModel):
    """An article's body text and whatever metadata we know about it."""

    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None


def is_url(source: str) -> bool:
    """Whether a CLI source names a link rather than a file."""
    lowered = source.strip().lower()
    return lowered.startswith(("http://", "https://"))


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


def read_file_source(source: str) -> Article:
    """A path, or `-` for standard input, read as an article whose text is the input unchanged."""
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"No such file: {source}")
        if path.is_dir():
            raise InputError(f"{source} is a folder; give a text file, '-' for standard input, or a link.")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InputError(f"Couldn't read {source}: {error.strerror or error}") from error
    return Article(text=decode_text(data))


async def load_source(source: str, settings: Settings) -> Article:
    """A CLI source (file path, `-`, or http(s) link) as an `Article`."""
    if is_url(source):
        from bot.fetch import fetch_article

        return await fetch_article(source, settings)
    return read_file_source(source)
