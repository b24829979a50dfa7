"""Grouping articles into stories.

One rule serves the bot and the CLI: an arriving article joins the story of the earlier article it matches
best (`place_article`). The bot calls it with the candidates its indexed term lookup returned; `group_stories`
replays it over a list of articles in order, which is what `whosaid compare` shows.

"Not the same story" decisions come in as data: an article excluded from a story is never placed in it again.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

from bot.stories.fingerprint import Fingerprint
from bot.stories.similarity import (
    Similarity,
    TermStats,
    compare_fingerprints,
    different_events,
    event_agreement,
    story_why,
)


@dataclass(frozen=True)
class Candidate:
    """An earlier article the new one might join: its id, fingerprint, and the story it is in (or None)."""

    article: Hashable
    fingerprint: Fingerprint
    story: Hashable | None = None


@dataclass(frozen=True)
class Placement:
    """Where a new article goes: into `story` (None: a new story with `article`), matched via `article`."""

    story: Hashable | None
    article: Hashable
    similarity: Similarity


def place_article(
    fingerprint: Fingerprint,
    candidates: Iterable[Candidate],
    *,
    excluded_stories: Collection[Hashable] = frozenset(),
    stats: TermStats | None = None,
) -> Placement | None:
    """The story a new article joins: the earlier article that is the same story and agrees best on what the
    event is (kind, day), then scores best; or None.

    Candidates in a story listed in `excluded_stories` (the new article was taken out of it) are skipped, and
    so is a story holding any candidate the new article is plainly a different event from (another day,
    another kind, another company): one matching member doesn't make up for a member that contradicts it.
    Ties go to the earliest candidate given.
    """
    candidates = list(candidates)
    vetoed = {
        candidate.story
        for candidate in candidates
        if candidate.story is not None and different_events(fingerprint, candidate.fingerprint)
    }
    best: Placement | None = None
    best_rank: tuple[int, float] | None = None
    for candidate in candidates:
        if candidate.story is not None and (candidate.story in excluded_stories or candidate.story in vetoed):
            continue
        similarity = compare_fingerprints(fingerprint, candidate.fingerprint, stats)
        if not similarity.same_story:
            continue
        rank = (event_agreement(fingerprint, candidate.fingerprint), similarity.score)
        if best_rank is None or rank > best_rank:
            best = Placement(story=candidate.story, article=candidate.article, similarity=similarity)
            best_rank = rank
    return best


@dataclass(frozen=True)
class Story:
    """Articles (indexes, in input order) that report one event, and what they share."""

    id: int
    articles: tuple[int, ...]
    why: tuple[str, ...]


def group_stories(
    fingerprints: Sequence[Fingerprint],
    *,
    excluded: Collection[tuple[int, int]] = frozenset(),
    stats: TermStats | None = None,
) -> list[Story]:
    """Stories of two or more articles among `fingerprints`, taken in order as if they arrived one by one.

    A story's id is the index of the article that started it. `excluded` holds (article, story id) pairs:
    "this article is not that story"; such an article never joins that story (one that started it is taken
    out).
    Articles in no story with another are in no `Story`.
    """
    excluded = set(excluded)
    story_of: list[int] = []
    for index, fingerprint in enumerate(fingerprints):
        candidates = [Candidate(j, fingerprints[j], story_of[j]) for j in range(index)]
        refused = {story for article, story in excluded if article == index}
        placement = place_article(fingerprint, candidates, excluded_stories=refused, stats=stats)
        story_of.append(placement.story if placement is not None else index)  # type: ignore[arg-type]
    members: dict[int, list[int]] = {}
    for index, story in enumerate(story_of):
        if (index, story) not in excluded:
            members.setdefault(story, []).append(index)
    stories = []
    for story_id, articles in members.items():
        if len(articles) < 2:
            continue
        why = story_why([fingerprints[i] for i in articles], stats)
        stories.append(Story(id=story_id, articles=tuple(articles), why=why))
    return stories
