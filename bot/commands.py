"""`whosaid analyze`: sources in, reports out (JSON lines or a terminal view)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.cli import EXIT_BAD_INPUT
from bot.engine import analyze_article
from bot.errors import InputError
from bot.settings import Settings
from bot.sources import load_source
from bot.terminal import render_report


async def analyze_command(sources: Sequence[str], *, as_json: bool, settings: Settings) -> int:
    """Analyze each source in order and print its report; returns the exit code.

    A source that can't be read or analyzed (a missing file, text that isn't English) is named on stderr with
    the reason and writes no report; the sources after it are still analyzed, and the exit code is 2.
    """
    refused = 0
    printed = 0
    for source in sources:
        try:
            article = await load_source(source, settings)
            report = analyze_article(article, model=settings.spacy_model, max_chars=settings.max_text_chars)
        except InputError as error:
            if len(sources) == 1:
                raise
            sys.stderr.write(f"whosaid: {source}: {error}\n")
            refused += 1
            continue
        if as_json:
            sys.stdout.write(report.to_json() + "\n")
        else:
            if printed:
                sys.stdout.write("\n" + "=" * 72 + "\n\n")
            sys.stdout.write(render_report(report, label=source, color=sys.stdout.isatty()))
        printed += 1
        sys.stdout.flush()
    return EXIT_BAD_INPUT if refused else 0
