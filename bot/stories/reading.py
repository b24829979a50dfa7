"""What stories read from an analysed article: its headline, its event (kind and day), the sentences about
another event, and the kinds of event it names.

All of it is the engine's reading, carried by the `Report` (`headline`, `dateline`, `sentences`, `event`,
figures' `background`); nothing here parses the text again. A report made before those fields existed has
them empty, and the rules that need them then say nothing.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from bot.report import Report
from bot.stories.lexicon import MONTHS

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


def headline(report: Report) -> str | None:
    """The headline: the engine's `headline` span, else the report's title (a page's or a post's)."""
    if report.headline is not None:
        return report.quote(report.headline)
    return report.title or None


def other_event_spans(report: Report) -> list[tuple[int, int]]:
    """Sentences about another event than the article's own (they name its places and figures, not ours):
    the engine's sentences that hold a figure it marks as `background`."""
    starts = [figure.span.start for figure in report.figures if figure.background]
    return [
        (span.start, span.end)
        for span in report.sentences
        if any(span.start <= start < span.end for start in starts)
    ]


def event_kind(report: Report) -> str | None:
    """The kind of the article's own event, as the engine read it from the headline or the lead."""
    return report.event.kind if report.event is not None else None


def mentioned_kinds(text: str) -> Counter[str]:
    """How often the article names each kind of event, in the engine's vocabulary (`EVENT_KINDS`).

    Words are matched with their plain inflections stripped ("blasts", "exploded", "flooding").
    """
    kinds = _kind_of_word()
    counts: Counter[str] = Counter()
    for word in re.findall(r"[a-z][a-z\-]+", text.lower()):
        for form in _plain_forms(word):
            kind = kinds.get(form)
            if kind:
                counts[kind] += 1
                break
    return counts


@functools.cache
def _kind_of_word() -> dict[str, str]:
    from bot.engine.measures import EVENT_KINDS

    return {word: kind for kind, words in EVENT_KINDS.items() for word in words}


def _plain_forms(word: str) -> list[str]:
    forms = [word]
    for ending, replacement in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: -len(ending)] + replacement)
    return forms


def event_day(report: Report) -> tuple[int, int] | None:
    """The (month, day) of the article's event: the engine's `event.day`, else a date its `event.date`
    spells out ("Monday, Sept. 22"), else the dateline's date."""
    if report.event is not None and report.event.day:
        match = _ISO_DAY.match(report.event.day)
        if match:
            return int(match.group(1)), int(match.group(2))
    if report.event is not None and report.event.date:
        found = _first_day(report.event.date)
        if found:
            return found
    if report.dateline is not None and report.dateline.date:
        return _first_day(report.dateline.date)
    return None


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
