"""The CLI's sources: a file, standard input (`-`) or a link, read into an `Article`.

Reading files and fetching links is I/O and lives here, outside the engine and beside the `Article` model
(`bot.article`), which the fetching and extracting modules build.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.article import Article, decode_text
from bot.errors import InputError
from bot.settings import Settings


def is_url(source: str) -> bool:
    """Whether a CLI source names a link rather than a file."""
    lowered = source.strip().lower()
    return lowered.startswith(("http://", "https://"))



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
        from bot.fetch import fetch_article  # the link stack loads only when a link is given

        return await fetch_article(source, settings)
    return read_file_source(source)
