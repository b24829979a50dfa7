"""An article's fingerprint: the terms that say which event it reports.

Terms are named places, organisations and people (capitalised phrases), the kinds of event it describes
(airstrike, earthquake, protest), the measures its figures count (killed, wounded) and the calendar dates it
names. Each term has a normalised `key` that storage can keep in an indexed (chat, term) table, so finding the
earlier articles that might be the same story is an index lookup, not a scan of every stored report.

Everything comes from the engine's reading in the `Report` (names, headline, dateline, sentences, event,
figures); no second spaCy pass: cheap enough for every article.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.report import Report
from bot.stories.lexicon import MONTHS, NUMBER_WORDS
from bot.stories.names import Mention, name_terms
from bot.stories.reading import (
    event_day,
    event_kind,
    headline,
    mentioned_kinds,
    other_event_spans,
)
from bot.stories.terms import (
    DATE_PREFIX,
    DAY_PREFIX,
    EVENT_PREFIX,
    FOCUS_PREFIX,
    KIND_PREFIX,
    MEASURE_PREFIX,
    NAME_PREFIX,
    Term,
    TermKind,
    normalise_key,
)

__all__ = ["Fingerprint", "Term", "TermKind", "fingerprint", "normalise_key"]


class TermStatsLike(Protocol):
    """What `lookup_keys` needs of `bot.stories.similarity.TermStats`."""

    def is_common(self, key: str) -> bool: ...


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_MONTH_FIRST = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)", re.I)
_DATE_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\b", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LEAD_MIN_WORDS = 20
_PUNCTUATION = re.compile(r"[^\w\s'’-]")
_EVENT_SHARE = 0.3  # an event kind counts when it has at least this share of the article's commonest kind


@dataclass(frozen=True)
class Fingerprint:
    """The terms of one article, keyed by `Term.key`."""

    terms: dict[str, Term] = field(default_factory=dict)

    def keys(self) -> frozenset[str]:
        """Every term key (what an indexed (chat, term) table would hold for this article)."""
        return frozenset(self.terms)

    def lookup_keys(self, stats: TermStatsLike | None = None) -> frozenset[str]:
        """The keys to look candidate articles up by: specific names, minus those common in the chat.

        Two articles are one story only if they share two specific names (`bot.stories.similarity`), and a
        name common in the chat doesn't count as specific, so every possible match shares at least
        `MIN_SHARED_SPECIFIC` of these keys with the new article: an indexed lookup loses nothing.
        """
        return frozenset(
            key
            for key, term in self.terms.items()
            if term.kind == "name" and not (stats is not None and stats.is_common(key))
        )

    def to_rows(self) -> list[tuple[str, str, str, str, int, bool]]:
        """(key, kind, display, entity, count, lead) rows, for storage."""
        return [(t.key, t.kind, t.display, t.entity, t.count, t.lead) for t in self.terms.values()]

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence]) -> Fingerprint:
        """The inverse of `to_rows`."""
        terms = {}
        for key, kind, display, entity, count, lead in rows:
            terms[key] = Term(
                key=key, kind=kind, display=display, entity=entity, count=int(count), lead=bool(lead)
            )
        return cls(terms)

    def to_json(self) -> str:
        """A compact JSON list of rows."""
        return json.dumps(self.to_rows(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: str) -> Fingerprint:
        """The inverse of `to_json`."""
        return cls.from_rows(json.loads(data))


def fingerprint(report: Report) -> Fingerprint:
    """An analysed article's fingerprint, from the engine's reading of it: the names it recognised
    (`Report.entities`), the kinds of event named, the measures of its figures, the calendar dates; and what
    its own event is (`bot.stories.reading`): the headline's names, the event's kind and day.

    Outlets are left out (the report's site, the outlets its claims came through, the dateline's outlet)
    because they say who published an article, not what it reports. Sentences about another event (those
    holding a figure the engine marks as background) are left out of the names: they name another event.
    """
    outlets = {normalise_key(claim.via) for claim in report.claims if claim.via}
    if report.site:
        outlets.add(normalise_key(report.site))
    if report.dateline is not None and report.dateline.outlet:
        outlets.add(normalise_key(report.dateline.outlet))
    elsewhere = other_event_spans(report)
    body = _blank(report.text, elsewhere)
    mentions = [
        Mention(entity.text, entity.label, entity.span.start, entity.span.end)
        for entity in report.entities
        if not any(start <= entity.span.start < end for start, end in elsewhere)
    ]
    if report.title and report.headline is None:
        # A page's title comes apart from its text: it leads the article, and names no one the engine saw.
        shift = len(report.title) + 2
        body = f"{report.title}\n\n{body}"
        mentions = [Mention(m.text, m.label, m.start + shift, m.end + shift) for m in mentions]
    terms: dict[str, Term] = {}
    for term in name_terms(body, outlets, _lead_end(body), mentions=mentions, full_text=report.text):
        terms[term.key] = term
    for term in _event_terms(body):
        terms[term.key] = term
    measures = Counter(figure.measure for figure in report.figures if figure.measure)
    for measure, count in measures.items():
        key = MEASURE_PREFIX + normalise_key(measure)
        terms[key] = Term(key=key, kind="measure", display=measure, entity=key, count=count)
    for term in _date_terms(body):
        terms[term.key] = term
    base = Fingerprint(dict(terms))
    for term in _focus_terms(report, base):
        terms[term.key] = term
    kind = event_kind(report)
    if kind:
        key = KIND_PREFIX + kind
        terms[key] = Term(key=key, kind="kind", display=kind, entity=key)
    day = event_day(report)
    if day is not None:
        key = f"{DAY_PREFIX}{day[0]:02d}-{day[1]:02d}"
        terms[key] = Term(key=key, kind="day", display=f"{_MONTH_TITLES[day[0] - 1]} {day[1]}", entity=key)
    return Fingerprint(terms)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with these spans blanked out (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        for position in range(start, end):
            if chars[position] != "\n":
                chars[position] = " "
    return "".join(chars)


def _focus_terms(report: Report, base: Fingerprint) -> list[Term]:
    """The people and organisations the headline names: who the article is about ("Quillon to buy Tessaly").

    Only full names of two words or more: places are named at different scales by different outlets (a
    town, its region, a gorge nearby), while a company or a person is named the same way. One term per alias
    key of each such name ("f:quillon systems", "f:quillon"), with the article's number of mentions of it.
    """
    title = headline(report)
    if title is None:
        return []
    headline_words = " " + normalise_key(_PUNCTUATION.sub(" ", title)) + " "
    owners = {
        term.entity
        for key, term in base.terms.items()
        if term.kind == "name" and f" {key[len(NAME_PREFIX) :]} " in headline_words
    }
    found = []
    for key, term in base.terms.items():
        entity_name = term.entity[len(NAME_PREFIX) :]
        if term.entity not in owners or term.kind != "name" or " " not in entity_name:
            continue
        if _is_number_word(entity_name):
            continue
        found.append(
            Term(
                key=FOCUS_PREFIX + key[len(NAME_PREFIX) :],
                kind="focus",
                display=term.display,
                entity=FOCUS_PREFIX + entity_name,
                count=term.count,
            )
        )
    return found


def _is_number_word(key: str) -> bool:
    """'fourteen', 'forty four', 'dozens': a number opening a headline, not a name."""
    return all(word in NUMBER_WORDS for word in key.split())


def _lead_end(text: str) -> int:
    """Where the lead ends: after the first paragraph of 20 words or more (headline and dateline included)."""
    position = 0
    for paragraph in re.split(r"(\n\s*\n)", text):
        position += len(paragraph)
        if len(paragraph.split()) >= _LEAD_MIN_WORDS:
            return position
    return position


def _event_terms(text: str) -> list[Term]:
    """Kinds of event the article names (in the engine's vocabulary), those named at least `_EVENT_SHARE` as
    often as the commonest."""
    counts = mentioned_kinds(text)
    if not counts:
        return []
    top = max(counts.values())
    return [
        Term(key=EVENT_PREFIX + kind, kind="event", display=kind, entity=EVENT_PREFIX + kind, count=count)
        for kind, count in counts.items()
        if count >= _EVENT_SHARE * top
    ]


def _date_terms(text: str) -> list[Term]:
    """Calendar days the article names, as month-day keys ("d:03-06"); years are often left out by outlets."""
    found: Counter[tuple[int, int]] = Counter()
    for match in _DATE_MONTH_FIRST.finditer(text):
        found[(MONTHS[match.group(1).lower()], int(match.group(2)))] += 1
    for match in _DATE_DAY_FIRST.finditer(text):
        found[(MONTHS[match.group(2).lower()], int(match.group(1)))] += 1
    for match in _DATE_ISO.finditer(text):
        found[(int(match.group(2)), int(match.group(3)))] += 1
    terms = []
    for (month, day), count in found.items():
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        key = f"{DATE_PREFIX}{month:02d}-{day:02d}"
        display = f"{_MONTH_TITLES[month - 1]} {day}"
        terms.append(Term(key=key, kind="date", display=display, entity=key, count=count))
    return terms


_MONTH_TITLES = tuple(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
