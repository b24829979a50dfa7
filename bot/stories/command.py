"""`whosaid compare`: several articles in, the story view out (terminal text or `whosaid.story/1` JSON)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import urlsplit

from bot.engine import analyze_many
from bot.errors import InputError
from bot.settings import Settings
from bot.sources import is_url, load_source
from bot.stories.metadata import with_sniffed_metadata
from bot.stories.view import build_story_view, render_story_view


async def compare_command(sources: Sequence[str], *, as_json: bool, settings: Settings) -> int:
    """Load and analyze every source, group them into stories, print the view; returns the exit code.

    Bad input (fewer than two sources, a missing file, text that can't be analyzed) raises `InputError`,
    which the CLI turns into a message and exit code 2.
    """
    if len(sources) < 2:
        raise InputError("compare needs two or more articles (files or links) to put side by side.")
    articles = [with_sniffed_metadata(await load_source(source, settings)) for source in sources]
    reports = analyze_many(articles, model=settings.spacy_model, max_chars=settings.max_text_chars)
    view = build_story_view(reports, labels=[source_name(source) for source in sources])
    if as_json:
        sys.stdout.write(view.to_json() + "\n")
    else:
        sys.stdout.write(render_story_view(view))
    sys.stdout.flush()
    return 0


def source_name(source: str) -> str:
    """A short name for a source with no site or title: a link's host, a file's name, 'stdin' for '-'."""
    if source == "-":
        return "stdin"
    if is_url(source):
        return urlsplit(source.strip()).hostname or source
    return PurePath(source).name or source
