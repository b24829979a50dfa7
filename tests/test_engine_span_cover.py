"""The span cover that keeps claim-dense texts linear answers exactly what comparing every span would."""

from __future__ import annotations

import random

from bot.engine.attribution import _SpanCover


def _brute(spans: list[tuple[int, int, int]], position: int, other_than: int) -> bool:
    return any(start <= position < end and owner != other_than for start, end, owner in spans)


def test_span_cover_agrees_with_comparing_every_span() -> None:
    rng = random.Random(14)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 60)
            spans.append((start, start + rng.randint(1, 30), rng.randint(0, 4)))
        cover = _SpanCover(spans)
        for position in range(0, 95, 3):
            for owner in range(5):
                assert cover.covers(position, other_than=owner) == _brute(spans, position, owner), (spans, position)
