"""Finding quotations in raw text, in every common style, including ones that run over several paragraphs.

Works on characters, not tokens: quotation marks are typographic facts, and the tokenizer's view of them
(especially of straight quotes and apostrophes) is less reliable than the marks themselves.
"""

from __future__ import annotations

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
    i = start
    while i < end:
        ch = text[i]
        if ch in _PAIRS and _can_open(text, i, start, end):
            close = _find_close(text, i, end)
            if close is None:
                segments.append(_segment(text, i, end, closed=False))
                break
            segments.append(_segment(text, i, close + 1, closed=True))
            i = close + 1
            continue
        i += 1
    return segments


def _can_open(text: str, i: int, para_start: int, para_end: int) -> bool:
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
        close = _find_close(text, i, para_end)
        # A straight apostrophe opens a quotation only around a few words at least ('n', '90s are not).
        return close is not None and (ch == "‘" or len(text[i:close].split()) >= 3)
    return True


def _find_close(text: str, i: int, para_end: int) -> int | None:
    closers = _PAIRS[text[i]]
    single = text[i] in _SINGLE
    candidates = [
        j
        for j in range(i + 1, para_end)
        if text[j] in closers and _can_close(text, j, para_end, single=single)
    ]
    if not candidates:
        return None
    if single:
        # "the farmers’ union": a plural possessive looks like a closer; a later, likelier one wins.
        for j in candidates[:-1]:
            if not _looks_possessive(text, j, para_end):
                return j
        return candidates[-1]
    return candidates[0]


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
