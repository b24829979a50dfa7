"""What stories read from an analysed article: its headline, its event (kind and day) and its other-event text.

The engine's `Report` carries these as optional fields (`headline`, `dateline`, `sentences`, `event`, figures'
`background`). Stories read them from there. A report made before those fields existed (stored in a chat's
history, or written by an older version) has them empty; for such a report the same facts are read from its
text with the small rules below, so that grouping behaves the same on old and new reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.report import Report
from bot.stories.lexicon import EVENT_WORDS, MONTHS

# A sentence with one of these is about an earlier or another event, not the article's own: "an attack two
# weeks ago", "the previous election", "after it bought X last year", "three weeks after a blast at ...".
OTHER_EVENT = re.compile(
    r"\b(?:ago|last (?:week|month|year)|earlier this (?:week|month|year)|previous(?:ly)?|came after|"
    r"in (?:19|20)\d\d|a year earlier|the year before|since (?:19|20)\d\d|"
    r"(?:days?|weeks?|months?|years?) (?:earlier|before|after)|"
    r"(?:first|second|third|fourth|fifth|last|previous) (?:such|similar) )",
    re.I,
)
_HEADLINE_MAX_CHARS = 200
_LEAD_MIN_WORDS = 20
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# "Sept. 22", "Oct 23", "May 21"; "29 April"; a preceding "since"/"from"/"until" marks a start or an end, not
# the day something happened.
_DATE = re.compile(
    rf"(?:(?:\w+day,?\s+)?(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:|\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH_NAMES})\b)",
    re.I,
)
# Words before a date, in its clause, that make it a start or an end rather than the event's day.
_NOT_THE_EVENT_DAY = re.compile(r"\b(?:since|from|until|till)\b[^,;.]*$", re.I)
_CLAUSE_WINDOW = 50
_ISO_DAY = re.compile(r"^\d{4}-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Headline:
    """The article's headline and where its body starts (offsets into `Report.text`, or a separate title)."""

    text: str
    body_start: int


def headline(report: Report) -> Headline | None:
    """The headline: the engine's `headline` span, else the report's title, else a short first line."""
    if report.headline is not None:
        return Headline(report.quote(report.headline), report.headline.end)
    if report.title:
        return Headline(report.title, 0)
    first, newline, rest = report.text.partition("\n")
    if newline and rest.startswith(("\n", "\r\n")) and 0 < len(first.strip()) <= _HEADLINE_MAX_CHARS:
        return Headline(first.strip(), len(first))
    return None


def sentence_spans(report: Report) -> Iterator[tuple[int, int]]:
    """Sentence boundaries: the engine's `sentences`, else a plain split at sentence ends and line breaks."""
    if report.sentences:
        for span in report.sentences:
            yield span.start, span.end
        return
    start = 0
    for match in re.finditer(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+", report.text):
        yield start, match.start()
        start = match.end()
    if start < len(report.text):
        yield start, len(report.text)


def other_event_spans(report: Report) -> list[tuple[int, int]]:
    """Sentences about another event than the article's own (they name its places and figures, not ours)."""
    return [
        (start, end) for start, end in sentence_spans(report) if OTHER_EVENT.search(report.text[start:end])
    ]


def lead_text(report: Report) -> str:
    """The headline and the first paragraph of 20 words or more."""
    title = headline(report)
    body = report.text[title.body_start :] if title is not None else report.text
    for paragraph in re.split(r"\n\s*\n", body):
        if len(paragraph.split()) >= _LEAD_MIN_WORDS:
            return f"{title.text}\n\n{paragraph}" if title is not None else paragraph
    return f"{title.text}\n\n{body}" if title is not None else body


def event_kinds(report: Report, article_kinds: dict[str, int]) -> frozenset[str]:
    """The kind of the article's own event: the engine's `event.kind`, else the kinds its headline and first
    sentence name. `article_kinds` (kind -> mentions in the whole article) settles an ambiguous word: "strike"
    in a headline is a walkout when the article also says "walkout", an air strike when it says "missiles".
    """
    if report.event is not None and report.event.kind:
        return frozenset([report.event.kind])
    title = headline(report)
    lead = lead_text(report)
    first_paragraph = lead.split("\n\n", 1)[-1]
    first_sentence = re.split(r"(?<=[.!?])\s+", first_paragraph.strip(), maxsplit=1)[0]
    text = f"{title.text if title else ''} {first_sentence}".lower()
    kinds: set[str] = set()
    for word in re.findall(r"[a-z][a-z\-]+", text):
        named = EVENT_WORDS.get(word)
        if not named:
            continue
        backed = {kind for kind in named if article_kinds.get(kind)}
        kinds |= backed if len(named) > 1 and backed else set(named)
    return frozenset(kinds)


def event_day(report: Report) -> tuple[int, int] | None:
    """The (month, day) the article's event happened or was reported: the engine's `event.day`, else the
    dateline's date, else the first date of the lead that isn't a start ("since June 27") or an end."""
    if report.event is not None and report.event.day:
        match = _ISO_DAY.match(report.event.day)
        if match:
            return int(match.group(1)), int(match.group(2))
    if report.dateline is not None and report.dateline.date:
        found = _first_day(report.dateline.date)
        if found:
            return found
    return _first_day(lead_text(report))


def _first_day(text: str) -> tuple[int, int] | None:
    for match in _DATE.finditer(text):
        if _NOT_THE_EVENT_DAY.search(text[max(0, match.start() - _CLAUSE_WINDOW) : match.start()]):
            continue
        month = match.group("month") or match.group("month2")
        day = int(match.group("day") or match.group("day2"))
        if 1 <= day <= 31:
            return MONTHS[month.lower()], day
    return None


def days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two (month, day) dates of unknown year, the short way round the calendar."""
    cumulative = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    day_a = cumulative[a[0] - 1] + a[1]
    day_b = cumulative[b[0] - 1] + b[1]
    gap = abs(day_a - day_b)
    return min(gap, 365 - gap)
