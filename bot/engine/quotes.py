"""Finding quotations in raw text, in every common style, including ones that run over several paragraphs.

Works on characters, not tokens: quotation marks are typographic facts, and the tokenizer's view of them
(especially of straight quotes and apostrophes) is less reliable than the marks themselves.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

# Opening mark -> the marks that may close it.
_PAIRS = {
    "“": '”"',
    "„": "“”",
    "«": "»",
    "»": "«",  # Danish/Swedish style
    '"': '"”',
    "‘": "’",
    "'": "'",
}
_SINGLE = {"‘", "'"}
_OPENERS_AFTER = " \t([{—–-/\u00a0"


@dataclass(frozen=True)
class QuoteSegment:
    """One stretch between a pair of quotation marks (or up to a paragraph end, when the quote runs on)."""

    start: int  # the opening mark
    end: int  # just after the closing mark; the paragraph's end when unclosed
    inner_start: int
    inner_end: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.inner_start, self.inner_end


@dataclass(frozen=True)
class Quotation:
    """A quotation: one segment, or several when it continues over paragraphs."""

    segments: tuple[QuoteSegment, ...]

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end


def find_quotations(text: str) -> list[Quotation]:
    """All quotations in `text`, in order; a paragraph ending inside a quote that the next paragraph reopens
    is one quotation with a segment per paragraph."""
    segments = []
    for para_start, para_end in paragraph_spans(text):
        segments.extend(_segments_in(text, para_start, para_end))
    quotations: list[list[QuoteSegment]] = []
    for segment in segments:
        if quotations and _continues(text, quotations[-1][-1], segment):
            quotations[-1].append(segment)
        else:
            quotations.append([segment])
    return [Quotation(tuple(group)) for group in quotations]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding white space."""
    spans = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        position += len(line) + 1
    return spans


def _continues(text: str, previous: QuoteSegment, segment: QuoteSegment) -> bool:
    """The convention for multi-paragraph quotes: the paragraph ends with no closing mark and the next one opens
    with an opening mark."""
    if previous.closed:
        return False
    between = text[previous.end : segment.start]
    return "\n" in between and not between.strip()


def _segments_in(text: str, start: int, end: int) -> list[QuoteSegment]:
    segments = []
    closers = _Closers(text, start, end)
    i = start
    while i < end:
        ch = text[i]
        if ch in _PAIRS and _can_open(text, i, start, end, closers):
            close = closers.find(i)
            if close is None:
                segments.append(_segment(text, i, end, closed=False))
                break
            segments.append(_segment(text, i, close + 1, closed=True))
            i = close + 1
            continue
        i += 1
    return segments


def _can_open(text: str, i: int, para_start: int, para_end: int, closers: _Closers) -> bool:
    ch = text[i]
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < para_end else ""
    if not after or after.isspace():
        return False
    if ch in "\"‘»'":
        # Straight and single marks double as closers and apostrophes: open only at a word's start.
        if before not in _OPENERS_AFTER and i != para_start:
            return False
        if ch in _SINGLE and not (after.isalnum() or after in '“"….'):
            return False
    if ch in _SINGLE:
        close = closers.find(i)
        # A straight apostrophe opens a quotation only around a few words at least ('n', '90s are not).
        return close is not None and (ch == "‘" or _has_words(text, i, close, 3))
    return True


def _has_words(text: str, start: int, end: int, count: int) -> bool:
    return len(text[start:end].split(maxsplit=count)) >= count


class _Closers:
    """Where each opening mark of one paragraph would close, found by bisection.

    Which marks can close depends only on the mark and its neighbours, never on the opener, so the candidates
    are listed once per kind of opener and paragraph; searching the paragraph again for every opener made a
    storm of quotation marks quadratic.
    """

    def __init__(self, text: str, para_start: int, para_end: int) -> None:
        self.text = text
        self.para_start = para_start
        self.para_end = para_end
        self._lists: dict[str, tuple[list[int], list[int]]] = {}

    def find(self, i: int) -> int | None:
        """The mark that closes the one at `i`, if any."""
        candidates, unpossessive = self._candidates(self.text[i])
        if self.text[i] not in _SINGLE:
            k = bisect.bisect_right(candidates, i)
            return candidates[k] if k < len(candidates) else None
        # "the farmers’ union": a plural possessive looks like a closer; the first later one that doesn't look
        # possessive wins, and failing that the last candidate.
        k = bisect.bisect_right(unpossessive, i)
        if k < len(unpossessive):
            return unpossessive[k]
        return candidates[-1] if candidates and candidates[-1] > i else None

    def _candidates(self, opener: str) -> tuple[list[int], list[int]]:
        found = self._lists.get(opener)
        if found is None:
            text, end = self.text, self.para_end
            marks = _PAIRS[opener]
            single = opener in _SINGLE
            candidates = [
                j
                for j in range(self.para_start + 1, end)
                if text[j] in marks and _can_close(text, j, end, single=single)
            ]
            unpossessive = [j for j in candidates if not _looks_possessive(text, j, end)] if single else []
            found = self._lists[opener] = (candidates, unpossessive)
        return found


def _looks_possessive(text: str, j: int, para_end: int) -> bool:
    return (
        text[j - 1] == "s"
        and text[j + 1 : j + 2] == " "
        and text[j + 2 : j + 3].islower()
        and j + 2 < para_end
    )


def _can_close(text: str, j: int, para_end: int, *, single: bool) -> bool:
    if not single:
        return True
    # ’ is also the apostrophe: as a closer it must end a word and not be followed by a letter.
    after = text[j + 1] if j + 1 < para_end else " "
    before = text[j - 1]
    return not after.isalnum() and not before.isspace()


def _segment(text: str, start: int, end: int, *, closed: bool) -> QuoteSegment:
    inner_start = start + 1
    inner_end = end - 1 if closed else end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (text[inner_end - 1].isspace() or text[inner_end - 1] == ","):
        inner_end -= 1
    return QuoteSegment(start=start, end=end, inner_start=inner_start, inner_end=inner_end, closed=closed)
