"""The article around its claims: headline, dateline, sentences, named entities and its own event.

Views and story grouping read these from the report instead of re-deriving them from raw text.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from bot.engine.doccache import doc_text
from bot.engine.grammar import (
    DATELINE_REGION_POS,
    DATELINE_SUBJECT_DEPS,
    EVENT_TRIGGER_POS,
    NOUN_POS,
    PLACE_ENTITIES,
    REPORTED_ENTITIES,
    SUBJECT_DEPS,
    TIME_ENTITIES,
    VERB_POS,
)
from bot.engine.lexicon import FLASH_LABELS, FULL_MONTH_NAMES, MONTH_NAMES, WEEKDAY_NAMES
from bot.engine.measures import (
    COUNTED_FAMILIES,
    EVENT_KINDS,
    NOUN_ONLY_EVENT_WORDS,
    PARTICIPANT_NOUNS,
    PERSON_GROUPS,
    POLL_NOUNS,
    family_of,
)
from bot.report import Dateline, Entity, Event, Span

# Months by their first three letters, in calendar order: "Sept. 22", "29 April", "Dec 3".
_MONTHS = [name[:3] for name in FULL_MONTH_NAMES]
# "BRESCOVA, March 9 (Reuters) - ", "HOLLIN, Pelland (AP) — ", "PELISA, Sept 23 (Reuters) -": a place in
# capitals, maybe a region, a date and an outlet, then a dash.
_MONTH_DAY = r"(?:{})[a-z]*\.? \d{{1,2}}".format("|".join(month.capitalize() for month in _MONTHS))
_DATELINE_TAIL = (
    r"(?:\s*\((?P<region1>[^)]{1,30})\)(?=\s*\())?(?:,\s*(?P<region>[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}))?"
    rf"(?:,\s*(?P<date>{_MONTH_DAY}))?\s*(?:\((?P<outlet>[^)]{{1,40}})\))?\s*[-—–]+\s"
)
_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z])" + _DATELINE_TAIL)
# A place in ordinary capitals is a dateline only with its outlet: "Belcastre (AFP) - ".
_TITLE_DATELINE = re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)" + _DATELINE_TAIL)
_BYLINE = re.compile(r"^By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*$")
# How many paragraphs from the top a dateline or the event's lead may sit.
LEAD_PARAGRAPHS = 3
# Headlines are one short line.
MAX_HEADLINE_CHARS = 200


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if match.group(0).strip():
            spans.append((match.start(), match.end()))
    return spans


def headline_and_dateline(doc: Doc) -> tuple[Span | None, Dateline | None]:
    """The article's headline and dateline, found once per document: the figure finder (for the lead sentence)
    and the analysis both ask."""
    found = doc.user_data.get("whosaid_headline_dateline")
    if found is None:
        found = doc.user_data["whosaid_headline_dateline"] = (find_headline(doc_text(doc)), find_dateline(doc_text(doc)))
    return found


def find_headline(text: str) -> Span | None:
    """The first line when it stands alone above the body, short and without a closing full stop."""
    paragraphs = _paragraphs(text)
    if len(paragraphs) < 2:
        return None
    start, end = paragraphs[0]
    line = text[start:end]
    if "\n" in line or len(line) > MAX_HEADLINE_CHARS or line.rstrip().endswith("."):
        return None
    return Span(start=start, end=end)


def lead_paragraph(text: str, headline: Span | None, dateline: Dateline | None) -> tuple[int, int] | None:
    """The paragraph that opens the story: the one holding the dateline, else the first after the headline and any
    byline."""
    if dateline is not None:
        return next(((s, e) for s, e in _paragraphs(text) if s <= dateline.span.start < e), None)
    bylines = set(byline_ranges(text))
    for start, end in _paragraphs(text)[: LEAD_PARAGRAPHS + 1]:
        if (headline is not None and start < headline.end) or (start, end) in bylines:
            continue
        return start, end
    return None


# Tokens a dateline's region may take between its place and the outlet's bracket: "LUMBA, Tessaly (Reuters)".
DATELINE_REGION_TOKENS = 4


def past_dateline(head: Token) -> Token:
    """'GENEVA (AP) — The World Health Organization on Wednesday revised ...', 'LUMBA, Tessaly (Reuters) -
    Tessaly's health ministry lowered ...': the parser may take the dateline's place for the subject, with the
    real one beside it; the place in capitals, followed by its region and its outlet's bracket, is no source."""
    doc = head.doc
    if not (head.is_upper and len(head.text) > 1):
        return head
    bracket = head.i + 1
    # ("MEREVAL, Sept 12 (Reuters) - Sarrat's health ministry recorded": the date before the outlet, and the
    # source joined to the place as its conjunct)
    while bracket < min(len(doc), head.i + 1 + DATELINE_REGION_TOKENS) and (
        doc[bracket].text == "," or doc[bracket].pos_ in DATELINE_REGION_POS
    ):
        bracket += 1
    if bracket >= len(doc) or doc[bracket].text != "(":
        return head
    return next(
        (c for c in reversed(list(head.children)) if c.dep_ in DATELINE_SUBJECT_DEPS and c.i > bracket + 2), head
    )


def past_places(head: Token) -> Token:
    """The real subject behind a place the parser took for it: a dateline's (`past_dateline`), or one set beside
    a place opening the sentence: "In the capital, Rellford, the city's school board said ..." reads 'Rellford'
    as the subject and the board as its apposition."""
    head = past_dateline(head)
    doc = head.doc
    opening = doc[head.sent.start]
    # The name right after the opening phrase and its comma: "In the capital , Rellford"
    fronted = opening.pos_ == "ADP" and opening.dep_ == "prep" and opening.right_edge.i == head.i - 2
    if not (fronted and doc[head.i - 1].text == "," and head.pos_ == "PROPN"):
        return head
    return next((c for c in head.children if c.dep_ == "appos" and c.pos_ in NOUN_POS and c.i > head.i), head)


def find_dateline(text: str) -> Dateline | None:
    """'TORVIK, May 4 (AP) -' at the start of one of the first paragraphs."""
    for start, end in _paragraphs(text)[:LEAD_PARAGRAPHS]:
        match = _DATELINE.match(text, start, end)
        if match is None:
            match = _TITLE_DATELINE.match(text, start, end)
            if match is not None and not match.group("outlet"):
                match = None
        if match is None or len(match.group("place").replace(" ", "")) < 3 or match.group("place") in FLASH_LABELS:
            continue
        place = match.group("place").strip().title()
        return Dateline(
            span=Span(start=match.start(), end=match.end()),
            place=place,
            date=match.group("date"),
            outlet=(match.group("outlet") or "").strip() or None,
        )
    return None


def find_entities(doc: Doc, excluded: list[tuple[int, int]]) -> list[Entity]:
    """People, organisations and places the recogniser names, outside the dateline and byline."""
    entities = []
    for entity in doc.ents:
        if entity.label_ not in REPORTED_ENTITIES:
            continue
        if any(start <= entity.start_char < end for start, end in excluded):
            continue
        entities.append(
            Entity(
                text=entity.text, label=entity.label_, span=Span(start=entity.start_char, end=entity.end_char)
            )
        )
    return entities


def byline_ranges(text: str) -> list[tuple[int, int]]:
    """'By Jane Doe' lines near the top."""
    return [(s, e) for s, e in _paragraphs(text)[: LEAD_PARAGRAPHS + 1] if _BYLINE.match(text[s:e])]


def find_event(doc: Doc, headline: Span | None, dateline: Dateline | None) -> Event | None:
    """The article's own event: its kind from the headline or the lead, its date and place as the lead says."""
    lead_start = dateline.span.end if dateline else (headline.end if headline else 0)
    lead = [s for s in doc.sents if s.end_char > lead_start][:1]
    zones = (
        [doc.char_span(headline.start, headline.end, alignment_mode="expand")] if headline else []
    ) + lead
    kind = trigger = None
    for zone in zones:
        if zone is None:
            continue
        for token in zone:
            if zone.end_char > lead_start > token.idx:
                continue  # the lead's own sentence holds the byline and dateline before it ("KYIV, March 14")
            if token.ent_type_ in TIME_ENTITIES and token.is_title and token.lower_ in MONTH_NAMES:
                continue  # "Jobless rate edges down in March": a month, not a march
            if token.lemma_.lower() in POLL_NOUNS and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
                continue  # "a Reuters poll", "a Gallup poll": a survey, not a vote
            found = family_of(token.lemma_.lower(), EVENT_KINDS) or family_of(token.lower_, EVENT_KINDS)
            noun_only = token.lemma_.lower() in NOUN_ONLY_EVENT_WORDS and token.pos_ not in NOUN_POS
            if found and token.pos_ in EVENT_TRIGGER_POS and not noun_only and not _done_by_people(token):
                kind, trigger = found, Span(start=token.idx, end=token.idx + len(token.text))
                break
        if kind:
            break
    date = place = None
    for sentence in lead:
        for entity in sentence.ents:
            if entity.start_char < lead_start:
                continue
            if entity.label_ == "DATE" and date is None:
                date = entity.text
            if entity.label_ in PLACE_ENTITIES and place is None:
                place = entity.text
    if place is None and dateline is not None:
        place = dateline.place
    if kind is None and date is None and place is None:
        return None
    return Event(kind=kind, trigger=trigger, date=date, place=place)


def _done_by_people(verb: Token) -> bool:
    """'Two million people flooded the streets', 'protesters stormed the parliament': a disaster's verb done by
    people is a figure of speech, no disaster."""
    subjects = [past_dateline(c) for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return verb.pos_ in VERB_POS and any(
        subject.lemma_.lower() in COUNTED_FAMILIES["people"] | PARTICIPANT_NOUNS
        or family_of(subject.lemma_.lower(), PERSON_GROUPS) is not None
        for subject in subjects
    )


def resolve_day(event: Event | None, dateline: Dateline | None, published: str | None) -> None:
    """Set `event.day` (YYYY-MM-DD) from a weekday or 'yesterday'/'today' against the dateline date (its year
    from the publication date) or the publication date itself."""
    if event is None or not event.date:
        return
    anchor = _anchor_day(dateline, published)
    if anchor is None:
        return
    words = event.date.lower()
    explicit = _explicit_day(words, anchor)
    if explicit is not None:
        event.day = explicit.isoformat()
        return
    if "yesterday" in words:
        event.day = (anchor - dt.timedelta(days=1)).isoformat()
        return
    if "today" in words or "tonight" in words:
        event.day = anchor.isoformat()
        return
    for index, name in enumerate(WEEKDAY_NAMES):
        if name in words:
            back = (anchor.weekday() - index) % 7
            event.day = (anchor - dt.timedelta(days=back)).isoformat()
            return


def _explicit_day(words: str, anchor: dt.date) -> dt.date | None:
    """'sept. 22', '29 april' in the year of the anchor."""
    match = re.search(r"\b([a-z]{3})[a-z]*\.? (\d{1,2})\b|\b(\d{1,2}) ([a-z]{3})[a-z]*\b", words)
    if match is None:
        return None
    month_text, day_text = (
        (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    )
    if month_text not in _MONTHS:
        return None
    try:
        return dt.date(anchor.year, _MONTHS.index(month_text) + 1, int(day_text))
    except ValueError:
        return None


def _anchor_day(dateline: Dateline | None, published: str | None) -> dt.date | None:
    published_day = None
    if published:
        try:
            published_day = dt.datetime.fromisoformat(published.replace("Z", "+00:00")).date()
        except ValueError:
            published_day = None
    if dateline is not None and dateline.date and published_day is not None:
        month_text, _, day_text = dateline.date.replace(".", "").partition(" ")
        month = _MONTHS.index(month_text[:3].lower()) + 1 if month_text[:3].lower() in _MONTHS else None
        if month and day_text.isdigit():
            try:
                return dt.date(published_day.year, month, int(day_text))
            except ValueError:
                return published_day
    return published_day
