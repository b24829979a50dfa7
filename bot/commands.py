"""`whosaid analyze`: sources in, reports out (JSON lines or a terminal view)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.engine import analyze_article
from bot.settings import Settings
from bot.sources import load_source
from bot.terminal import render_report


async def analyze_command(sources: Sequence[str], *, as_json: bool, settings: Settings) -> int:
    """Analyze each source in order and print its report; returns the exit code."""
    articles = [await load_source(source, settings) for source in sources]
    for index, article in enumerate(articles):
        report = analyze_article(article, model=settings.spacy_model, max_chars=settings.max_text_chars)
        if as_json:
            sys.stdout.write(report.to_json() + "\n")
        else:
            if index:
                sys.stdout.write("\n" + "=" * 72 + "\n\n")
            sys.stdout.write(render_report(report, label=sources[index], color=sys.stdout.isatty()))
        sys.stdout.flush()
    return 0
