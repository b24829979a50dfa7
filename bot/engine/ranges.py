"""Sets of character ranges with fast membership: furniture, quotations, the names of sources."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class RangeSet:
    """Character ranges, merged and sorted once, so that each membership test is a bisection rather than a
    scan: with a test per claim and per figure, scanning made long texts quadratic."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(ranges):
            if start >= end:
                continue
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def __contains__(self, offset: int) -> bool:
        position = bisect.bisect_right(self._starts, offset) - 1
        return position >= 0 and offset < self._ends[position]
