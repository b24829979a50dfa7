"""Stories: several articles about one event, grouped, with their figures compared across outlets.

Pure code, no storage and no Telegram, and no parsing: everything is read from the engine's `Report` (names,
headline, dateline, sentences, the event, figures with their structure and source). The pieces, in the order a
new article meets them:

- `fingerprint(report)` -> `Fingerprint`: the article's terms (names, event kinds, measures, dates, and what
  its own event is: kind, day, who its headline is about), each with a normalised key for an indexed
  (chat, term) table;
  `Fingerprint.lookup_keys()` are the ones to look candidates up by.
- `place_article(fingerprint, candidates, excluded_stories=..., stats=...)` -> `Placement | None`: the story
  it joins, with the score and the shared terms ("why"). `group_stories` replays that over a list in order.
- `compare_figures(reports, members, outlets)` -> `StoryConflict`s: differing figures per measure, with the
  outlet and the source each cites, same-source disagreements and the newer figure.
- `build_story_view`, `render_story_view`, `render_bars`: the `whosaid.story/1` JSON, the terminal view and
  the text chart. `compare_command` is `whosaid compare`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.stories.chart import Bar, render_bars
from bot.stories.figures import StoryConflict, StoryFigure, compare_figures, story_figures
from bot.stories.fingerprint import Fingerprint, Term, fingerprint, normalise_key
from bot.stories.grouping import Candidate, Placement, Story, group_stories, place_article
from bot.stories.similarity import Similarity, TermStats, compare_fingerprints, story_why
from bot.stories.view import STORY_SCHEMA, StoryResult, StoryView, build_story_view, render_story_view

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = [
    "STORY_SCHEMA",
    "Bar",
    "Candidate",
    "Fingerprint",
    "Placement",
    "Similarity",
    "Story",
    "StoryConflict",
    "StoryFigure",
    "StoryResult",
    "StoryView",
    "Term",
    "TermStats",
    "build_story_view",
    "compare_command",
    "compare_figures",
    "compare_fingerprints",
    "fingerprint",
    "group_stories",
    "normalise_key",
    "place_article",
    "render_bars",
    "render_story_view",
    "story_figures",
    "story_why",
]


async def compare_command(sources: Sequence[str], *, as_json: bool, settings: Settings) -> int:
    """`whosaid compare` (see `bot.stories.command`); imported lazily so the pure parts load without the engine."""
    from bot.stories.command import compare_command as run

    return await run(sources, as_json=as_json, settings=settings)
