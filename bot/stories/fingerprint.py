"""An article's fingerprint: the terms that say which event it reports.

Terms are named places, organisations and people (capitalised phrases), the kinds of event it describes
(airstrike, earthquake, protest), the measures its figures count (killed, wounded) and the calendar dates it
names. Each term has a normalised `key` that storage can keep in an indexed (chat, term) table, so finding the
earlier articles that might be the same story is an index lookup, not a scan of every stored report.

Extraction is plain string work over `Report.text` (no second spaCy pass): cheap enough for every article.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from bot.report import Report
from bot.stories.lexicon import (
    BROAD_NAMES,
    EVENT_WORDS,
    MONTHS,
    NOT_NAMES,
    OUTLET_ENDINGS,
    OUTLET_NAMES,
    PERSON_TITLES,
    TITLE_MODIFIERS,
)


class TermStatsLike(Protocol):
    """What `lookup_keys` needs of `bot.stories.similarity.TermStats`."""

    def is_common(self, key: str) -> bool: ...


TermKind = Literal["name", "broad", "event", "measure", "date"]

NAME_PREFIX, EVENT_PREFIX, MEASURE_PREFIX, DATE_PREFIX = "n:", "e:", "m:", "d:"

# A word: letters, inner apostrophes and hyphens ("Kata'ib", "al-Tanf"), or dotted initials ("U.S.").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*")
_NAME_PARTICLES = frozenset(
    ["al", "el", "ad", "ar", "as", "ash", "bin", "ibn", "abu", "de", "du", "da", "van", "von"]
)
_CONNECTORS = frozenset({"of", "for", "de", "du", "da", "la", "van", "von", "der", "bin", "ibn", "al", "el"})
_DEMONYM_ENDING = re.compile(r"(?:an|ese|i|ish)$")
_ABBREVIATED_TITLES = frozenset("gov sen rep dr st gen col lt mr mrs ms capt maj sgt prof".split(" "))
_JOINERS = _CONNECTORS | {"the"}
_NOT_NAME_ENDINGS = NOT_NAMES | _CONNECTORS
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = ".!?:;\n"
_OPENERS = "\"'“‘([«"
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&.\-]{1,7})\)")
_DATELINE_OUTLET = re.compile(r"\(([A-Z][\w .&'’-]{1,40})\)\s*[-–—]")
_METADATA_LINE = re.compile(r"^\s*(?:by\s|published\b|(?:last )?updated\b|posted\b|photo\b|image\b)", re.I)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_MONTH_FIRST = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)", re.I)
_DATE_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\b", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LEAD_MIN_WORDS = 20
_MAX_TITLE_WORDS = 4  # "Veltrian Deputy Foreign Minister Ana Ruiz": the title ends within the first words
_EVENT_SHARE = 0.3  # an event kind counts when it has at least this share of the article's commonest kind


@dataclass(frozen=True)
class Term:
    """One thing an article mentions that helps tell which event it reports.

    `key` is the normalised lookup key (prefixed by kind: "n:", "e:", "m:", "d:"); `entity` is the key of the
    thing it names, shared by aliases ("John Kirby", "Kirby"; "Kata'ib Hezbollah", "KH"); `display` is how a
    person reads it; `count` how often the article mentions it; `lead` whether it is named in the headline or
    the first paragraph, where an article says what happened, where and to whom.
    """

    key: str
    kind: TermKind
    display: str
    entity: str
    count: int = 1
    lead: bool = False


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


def normalise_key(name: str) -> str:
    """A name's matching form: case-folded, no accents or apostrophes, hyphens as spaces, no leading 'the'.

    "Kata’ib Hezbollah" and "Kataib Hezbollah" match; so do "al-Tanf" and "Al Tanf".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = re.sub(r"['’‘`]", "", text)
    text = re.sub(r"\s*[\"“”]", "", text)
    text = re.sub(r"(?<=\w)\.(?=\w)|\.$", "", text)  # U.S. -> us
    text = re.sub(r"[-–—/]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.removeprefix("the ")


def fingerprint(report: Report) -> Fingerprint:
    """An analysed article's fingerprint: names, event kinds, dates from its text; measures from its figures.

    Outlets are left out (the report's site, the outlets its claims came through, a dateline's "(Outlet) -")
    because they say who published an article, not what it reports.
    """
    outlets = {normalise_key(claim.via) for claim in report.claims if claim.via}
    if report.site:
        outlets.add(normalise_key(report.site))
    measures = [figure.measure for figure in report.figures if figure.measure]
    return fingerprint_text(report.text, title=report.title, measures=measures, outlets=outlets)


def fingerprint_text(
    text: str,
    *,
    title: str | None = None,
    measures: list[str] | tuple[str, ...] = (),
    outlets: set[str] | frozenset[str] = frozenset(),
) -> Fingerprint:
    """The fingerprint of raw text (what `fingerprint` does once it has unpacked a report)."""
    body = _content_text(text if not title else f"{title}\n\n{text}")
    outlets = set(outlets) | {normalise_key(found) for found in _DATELINE_OUTLET.findall(body)}
    lead_end = _lead_end(body)
    terms: dict[str, Term] = {}
    for term in _name_terms(body, outlets, lead_end):
        terms[term.key] = term
    for term in _event_terms(body):
        terms[term.key] = term
    for measure, count in Counter(measures).items():
        key = MEASURE_PREFIX + normalise_key(measure)
        terms[key] = Term(key=key, kind="measure", display=measure, entity=key, count=count)
    for term in _date_terms(body):
        terms[term.key] = term
    return Fingerprint(terms)


def _lead_end(text: str) -> int:
    """Where the lead ends: after the first paragraph of 20 words or more (headline and dateline included)."""
    position = 0
    for paragraph in re.split(r"(\n\s*\n)", text):
        position += len(paragraph)
        if len(paragraph.split()) >= _LEAD_MIN_WORDS:
            return position
    return position


def _content_text(text: str) -> str:
    """The text without bylines, publication lines and Title Case headlines (they name no participants)."""
    kept = []
    for line in text.splitlines():
        if _METADATA_LINE.match(line) and len(line) < 160:
            kept.append("")
            continue
        kept.append("" if _is_title_case(line) else line)
    return "\n".join(kept)


def _is_title_case(line: str) -> bool:
    words = [word for word in re.findall(r"[^\W\d_]+", line) if len(word) > 3]
    if len(words) < 4 or len(line) > 200:
        return False
    return sum(word[0].isupper() for word in words) / len(words) > 0.7


@dataclass
class _Entity:
    display: str
    keys: set[str]
    count: int = 0
    lead: bool = False


def _name_terms(text: str, outlets: set[str], lead_end: int) -> list[Term]:
    lowercase_words = {match.group() for match in _TOKEN.finditer(text) if match.group()[0].islower()}
    entities: dict[str, _Entity] = {}
    aliases: dict[str, str] = {}  # alias key -> entity key
    surnames: dict[str, str] = {}
    single_mentions: Counter[str] = Counter()
    single_display: dict[str, str] = {}
    single_lead: set[str] = set()
    capitalised = {normalise_key(m.group()) for m in _TOKEN.finditer(text) if m.group()[0].isupper()}
    for phrase, end in _split_at_places(_capitalised_phrases(text, lowercase_words), capitalised):
        key = normalise_key(phrase)
        if not key or key in outlets or key in NOT_NAMES or len(key) < 2 or _is_outlet(key):
            continue
        if " " not in key:
            single_mentions[key] += 1
            if end <= lead_end:
                single_lead.add(key)
            if key not in single_display or not phrase.isupper():
                single_display.setdefault(key, phrase)
                if single_display[key].isupper() and not phrase.isupper():
                    single_display[key] = phrase
            continue
        entity = entities.setdefault(key, _Entity(display=phrase, keys={key}))
        entity.count += 1
        entity.lead = entity.lead or end <= lead_end
        if entity.display.isupper() and not phrase.isupper():
            entity.display = phrase
        acronym = _ACRONYM_AFTER.match(text, end)
        if acronym:
            aliases[normalise_key(acronym.group(1))] = key
        words = key.split()
        if len(words) <= 3 and not (set(words) & _CONNECTORS) and key not in BROAD_NAMES:
            # "John Kirby ... Kirby said": a name used alone later is the same person.
            surnames.setdefault(words[-1], key)
            if len(words) == 2 and words[0] not in BROAD_NAMES and not _DEMONYM_ENDING.search(words[0]):
                surnames.setdefault(words[0], key)  # "Hillary" for "Hillary Clinton"
    for key in single_mentions:
        if key in surnames:
            aliases.setdefault(key, surnames[key])
    for key, count in single_mentions.items():
        owner = aliases.get(key)
        if owner is not None:
            entities[owner].keys.add(key)
            entities[owner].count += count
            entities[owner].lead = entities[owner].lead or key in single_lead
        else:
            entities[key] = _Entity(
                display=single_display[key], keys={key}, count=count, lead=key in single_lead
            )
    for alias, owner in aliases.items():
        if alias not in entities and alias not in OUTLET_NAMES and alias not in NOT_NAMES:
            entities[owner].keys.add(alias)
    broad = _countries_by_demonym(entities) | {
        key for key in entities if key in BROAD_NAMES or (key.endswith("s") and key[:-1] in BROAD_NAMES)
    }
    for entity_key in list(entities):
        # "Doravian Defence Ministry" is also "Defence Ministry"; "Syrian Observatory" also "Observatory".
        first, _, rest = entity_key.partition(" ")
        if rest and first in broad | BROAD_NAMES and rest not in BROAD_NAMES and rest not in entities:
            entities[entity_key].keys.add(rest)
    terms = []
    for entity_key, entity in entities.items():
        kind: TermKind = "broad" if entity_key in broad else "name"
        for key in entity.keys:
            terms.append(
                Term(
                    key=NAME_PREFIX + key,
                    kind="broad" if key in broad else kind,
                    display=entity.display,
                    entity=NAME_PREFIX + entity_key,
                    count=entity.count,
                    lead=entity.lead,
                )
            )
    return terms


def _is_outlet(key: str) -> bool:
    """News outlets and platforms: 'Reuters', 'Fox News', 'Twitter' say who reported, not what happened."""
    return key in OUTLET_NAMES or (" " in key and key.rsplit(" ", 1)[1] in OUTLET_ENDINGS)


def _adjective_forms(key: str) -> set[str]:
    """Adjectives a place name may have: Veltria -> Veltrian, Iraq -> Iraqi, Sudan -> Sudanese."""
    stem = key[:-1] if key.endswith(("a", "e", "y")) else key
    return {key + "n", key + "an", key + "i", key + "ese", stem + "ian", stem + "ese", stem + "an"} - {key}


def _countries_by_demonym(entities: dict[str, _Entity]) -> set[str]:
    """Names the article also uses as an adjective ("Veltria"/"Veltrian", "Iraq"/"Iraqi"): countries or
    regions, broad whatever their name. This catches places no word list knows."""
    singles = {key for key in entities if " " not in key}
    adjectives = singles | {key.split(" ", 1)[0] for key in entities}
    found = set()
    for key in singles:
        for adjective in _adjective_forms(key) & adjectives:
            found |= {key, adjective}
    return found


def _split_at_places(phrases: list[tuple[str, int]], capitalised: set[str]) -> list[tuple[str, int]]:
    """'Omar Selik of Veltria' -> 'Omar Selik', 'Veltria': a name joined by 'of' to a country is two names.

    'Ministry of Health' stays whole; the tail must be a broad name or one the text also uses as an adjective.
    """
    result = []
    for phrase, end in phrases:
        head, connector, tail = phrase.rpartition(" of ")
        tail_key = normalise_key(tail)
        if connector and head and (tail_key in BROAD_NAMES or _adjective_forms(tail_key) & capitalised):
            result.append((head, end - len(tail) - len(connector)))
            result.append((tail, end))
        else:
            result.append((phrase, end))
    return result


def _capitalised_phrases(text: str, lowercase_words: set[str]) -> list[tuple[str, int]]:
    """Runs of capitalised words ("Syrian Observatory for Human Rights"), with where each run ends."""
    tokens = list(_TOKEN.finditer(text))
    phrases: list[tuple[str, int]] = []
    index = 0
    while index < len(tokens):
        if not _is_capitalised(tokens[index].group()):
            index += 1
            continue
        run = [tokens[index]]
        cursor = index + 1
        while cursor < len(tokens) and not _POSSESSIVE.search(run[-1].group()):
            gap = text[run[-1].end() : tokens[cursor].start()]
            if gap != " " and not (gap == ". " and run[-1].group().lower() in _ABBREVIATED_TITLES):
                break  # "Indiana Gov. Mike Pence" and "St. Anselm" run on past the abbreviation's dot
            word = tokens[cursor].group()
            if _is_capitalised(word):
                run.append(tokens[cursor])
                cursor += 1
                continue
            # "Ministry of Health", "Guardians of the Blood": a connector joins two capitalised words.
            lookahead = cursor
            while lookahead < len(tokens) and tokens[lookahead].group().lower() in _JOINERS:
                lookahead += 1
            if (
                lookahead > cursor
                and word.lower() in _JOINERS
                and lookahead < len(tokens)
                and _is_capitalised(tokens[lookahead].group())
                and text[tokens[cursor].start() : tokens[lookahead].start()].count("\n") == 0
                and all(
                    text[tokens[i].end() : tokens[i + 1].start()] == " " for i in range(cursor, lookahead)
                )
            ):
                run.extend(tokens[cursor : lookahead + 1])
                cursor = lookahead + 1
                continue
            break
        phrase = _clean_phrase(text, run, lowercase_words)
        if phrase:
            phrases.append((phrase, run[-1].end()))
        index = cursor
    return phrases


def _is_capitalised(word: str) -> bool:
    if word[0].isupper():
        return True
    head, _, tail = word.partition("-")
    return head.lower() in _NAME_PARTICLES and bool(tail) and tail[0].isupper()


def _clean_phrase(text: str, run: list[re.Match[str]], lowercase_words: set[str]) -> str:
    """The name in a run of capitalised words, without sentence openers, titles and possessives."""
    words = [match.group() for match in run]
    words[-1] = words[-1].rstrip("'’")
    # "Iran-backed forces", "Munition-guided bombs": the capitalised head is the name, the rest an adjective.
    for position, word in enumerate(words):
        head, dash, tail = word.rpartition("-")
        if (
            dash
            and head
            and tail.islower()
            and not _is_capitalised(tail)
            and head.lower() not in _NAME_PARTICLES
        ):
            words = [*words[:position], head]
            break
    words[-1] = _POSSESSIVE.sub("", words[-1])
    sentence_start = _starts_sentence(text, run[0].start())
    # Sentence openers and calendar words in front: "The Pentagon", "But Kirby", "On Friday".
    while words and (
        words[0].lower() in NOT_NAMES or (sentence_start and _is_common_word(words[0], lowercase_words))
    ):
        words.pop(0)
        sentence_start = False
    while words and words[-1].lower() in _NOT_NAME_ENDINGS:
        words.pop()
    if len(words) == 1 and sentence_start and words[0].endswith("ly"):
        return ""  # "Importantly, ..."
    words = _without_title(words)
    if not words:
        return ""
    if len(words) == 1 and (words[0].lower() in EVENT_WORDS or len(words[0]) < 2):
        return ""
    return " ".join(words)


def _without_title(words: list[str]) -> list[str]:
    """A name without the title in front: "Veltrian President Omar Selik" -> "Omar Selik", "Secretary of State
    Hillary Clinton" -> "Hillary Clinton", "Ohio Gov. John Kasich" -> "John Kasich"; a bare title -> [].

    A title is a person title among the first words; what precedes it must be title-like (office, country,
    nationality) unless a name of two words or more follows ("General Motors" stays a company).
    """
    keys = [normalise_key(word) for word in words]
    while len(keys) > 1 and keys[-1] in PERSON_TITLES:
        keys.pop()  # "Alabama Sen." before a name on the next line
        words = words[:-1]
    title = -1
    for position, key in enumerate(keys[:_MAX_TITLE_WORDS]):
        if key in PERSON_TITLES:
            title = position
    if title < 0:
        return words
    rest = title + 1
    while rest < len(words) and (keys[rest] in TITLE_MODIFIERS or keys[rest] in _CONNECTORS | {"the"}):
        rest += 1  # "Minister of Health Ana Ruiz", "Secretary of State Hillary Clinton"
    name = words[rest:]
    prefix_is_title_like = all(
        key in PERSON_TITLES or key in TITLE_MODIFIERS or key in BROAD_NAMES or _DEMONYM_ENDING.search(key)
        for key in keys[:title]
    )
    if not name:
        return [] if prefix_is_title_like else words
    if prefix_is_title_like or len(name) >= 2:
        return name
    return words


def _is_common_word(word: str, lowercase_words: set[str]) -> bool:
    lowered = word.lower()
    return lowered in lowercase_words or lowered in EVENT_WORDS or lowered in NOT_NAMES


def _starts_sentence(text: str, position: int) -> bool:
    cursor = position - 1
    while cursor >= 0 and (text[cursor] in " \t" or text[cursor] in _OPENERS):
        cursor -= 1
    return cursor < 0 or text[cursor] in _SENTENCE_END


def _event_terms(text: str) -> list[Term]:
    """Event kinds the article describes; ambiguous words ("strike") only back kinds something else names."""
    plain: Counter[str] = Counter()
    ambiguous: Counter[frozenset[str]] = Counter()
    for match in re.finditer(r"[a-z][a-z\-]+", text.lower()):
        kinds = EVENT_WORDS.get(match.group())
        if not kinds:
            continue
        if len(kinds) == 1:
            plain[next(iter(kinds))] += 1
        else:
            ambiguous[kinds] += 1
    counts = Counter(plain)
    for kinds, count in ambiguous.items():
        backed = [kind for kind in kinds if plain[kind]] or sorted(kinds)
        for kind in backed:
            counts[kind] += count
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
