"""How the names the engine recognised in an article match across articles.

The engine finds the names (`Report.entities`); here they are cleaned into matching keys: titles ("Veltrian
President Omar Selik"), a leading "the" and possessives are cut away, outlets left out; a surname or an
acronym used alone later is linked to the full name; a name the article also uses as an adjective
("Veltria"/"Veltrian") is a country, so broad.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bot.stories.lexicon import (
    BROAD_NAMES,
    NOT_NAMES,
    NUMBER_WORDS,
    OUTLET_ENDINGS,
    OUTLET_NAMES,
    PERSON_TITLES,
    TITLE_MODIFIERS,
)
from bot.stories.reading import mentioned_kinds
from bot.stories.terms import NAME_PREFIX, Term, TermKind, normalise_key

# A word: letters, inner apostrophes and hyphens ("Kata'ib", "al-Tanf"), or dotted initials ("U.S.").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*")
_CONNECTORS = frozenset({"of", "for", "de", "du", "da", "la", "van", "von", "der", "bin", "ibn", "al", "el"})
_DEMONYM_ENDING = re.compile(r"(?:an|ese|i|ish)$")
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = ".!?:;\n"
_OPENERS = "\"'“‘([«"
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&.\-]{1,7})\)")
_MAX_TITLE_WORDS = 4  # "Veltrian Deputy Foreign Minister Ana Ruiz": the title ends within the first words


@dataclass
class _Entity:
    display: str
    keys: set[str]
    count: int = 0
    lead: bool = False


def name_terms(
    text: str,
    outlets: set[str],
    lead_end: int,
    *,
    mentions: Sequence[Mention],
    full_text: str | None = None,
) -> list[Term]:
    """The names the engine recognised (`mentions`, from `Report.entities`) as terms: aliases share an entity,
    broad names are marked. `text` is the article (offsets of `mentions` point into it); `lead_end` is where
    its lead stops. `full_text` is the whole article when `text` has parts blanked out: a country named only
    in a blanked sentence ("Doravia blamed ...") still tells that "Doravian" is its adjective.
    """
    lowercase_words = {match.group() for match in _TOKEN.finditer(text) if match.group()[0].islower()}
    phrases = _mention_phrases(text, mentions, lowercase_words)
    nationalities = {normalise_key(m.text) for m in mentions if m.label == "NORP"}
    entities: dict[str, _Entity] = {}
    aliases: dict[str, str] = {}  # alias key -> entity key
    surnames: dict[str, str] = {}
    single_mentions: Counter[str] = Counter()
    single_display: dict[str, str] = {}
    single_lead: set[str] = set()
    mid_sentence: set[str] = set()
    capitalised = {normalise_key(word) for word in _capitalised_words(text)}
    for phrase, end in _split_at_places(phrases, capitalised):
        key = normalise_key(phrase)
        if not key or key in outlets or key in NOT_NAMES or len(key) < 2 or _is_outlet(key):
            continue
        if " " not in key:
            single_mentions[key] += 1
            if not _starts_sentence(text, end - len(phrase)):
                mid_sentence.add(key)
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
        elif count == 1 and key not in mid_sentence and key not in BROAD_NAMES:
            continue  # one capitalised word, once, opening a sentence: "Rescuers pulled ...", not a name
        else:
            entities[key] = _Entity(
                display=single_display[key], keys={key}, count=count, lead=key in single_lead
            )
    for alias, owner in aliases.items():
        if alias not in entities and alias not in OUTLET_NAMES and alias not in NOT_NAMES:
            entities[owner].keys.add(alias)
    seen = {normalise_key(word) for word in _capitalised_words(full_text or "")}
    broad = (
        _countries_by_demonym(entities, seen)
        | (nationalities & set(entities))
        | {key for key in entities if key in BROAD_NAMES or (key.endswith("s") and key[:-1] in BROAD_NAMES)}
    )
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


@dataclass(frozen=True)
class Mention:
    """A name the engine recognised: its text, its label ('PERSON', 'ORG', 'GPE', 'NORP', ...) and where it
    is (offsets into the article's text)."""

    text: str
    label: str
    start: int
    end: int


def _capitalised_words(text: str) -> set[str]:
    return {match.group() for match in _TOKEN.finditer(text) if match.group()[0].isupper()}


def _mention_phrases(
    text: str, mentions: Sequence[Mention], lowercase_words: set[str]
) -> list[tuple[str, int]]:
    """The engine's names cleaned the way names are matched: no leading 'the', possessive or title.

    The recogniser may find a name in one sentence and miss it in the next; every other occurrence of a name
    it found counts as a mention too ("Valcourt" in the headline, "Irena Valcourt won ..." below).
    """
    found = list(mentions)
    taken = bytearray(len(text) + 1)  # 1 where a mention already covers the character
    for mention in mentions:
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    names = {m.text for m in mentions if len(m.text) >= 2}
    # "Ana Ruiz ... Ruiz said": a person's surname alone is that person (the alias rule below links them).
    names |= {m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2}
    if names:
        # One pass over the text; longest first, so that "Irena Valcourt" wins over "Valcourt" inside it.
        alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        for match in re.finditer(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])", text):
            if not any(taken[match.start() : match.end()]):
                found.append(Mention(match.group(), "", match.start(), match.end()))
    phrases = []
    for mention in sorted(found, key=lambda m: m.start):
        words = mention.text.split()
        while words and words[0].lower() in NOT_NAMES:
            words.pop(0)  # "the Central Electoral Commission"
        if not words:
            continue
        words[-1] = _POSSESSIVE.sub("", words[-1].rstrip("'’"))
        words = _without_title(words)
        if len(words) == 1 and (
            _is_common_word(words[0], lowercase_words)
            or words[0].lower() in NUMBER_WORDS
            or len(words[0]) < 2
        ):
            continue  # "Turnout", "Fourteen": a capitalised common word, not a name
        if words:
            phrases.append((" ".join(words), mention.end))
    return phrases


def _is_outlet(key: str) -> bool:
    """News outlets and platforms: 'Reuters', 'Fox News', 'Twitter' say who reported, not what happened."""
    return key in OUTLET_NAMES or (" " in key and key.rsplit(" ", 1)[1] in OUTLET_ENDINGS)


def _adjective_forms(key: str) -> set[str]:
    """Adjectives a place name may have: Veltria -> Veltrian, Iraq -> Iraqi, Sudan -> Sudanese."""
    stem = key[:-1] if key.endswith(("a", "e", "y")) else key
    return {key + "n", key + "an", key + "i", key + "ese", stem + "ian", stem + "ese", stem + "an"} - {key}


def _countries_by_demonym(entities: dict[str, _Entity], seen: Collection[str] = ()) -> set[str]:
    """Names the article also uses as an adjective ("Veltria"/"Veltrian", "Iraq"/"Iraqi"): countries or
    regions, broad whatever their name. This catches places no word list knows. `seen` adds capitalised
    words of the article that are not among its names (they sit in a part left out)."""
    singles = {key for key in entities if " " not in key}
    adjectives = singles | {key.split(" ", 1)[0] for key in entities}
    found = set()
    for key in singles | set(seen):
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
    return lowered in lowercase_words or lowered in NOT_NAMES or bool(mentioned_kinds(lowered))


def _starts_sentence(text: str, position: int) -> bool:
    cursor = position - 1
    while cursor >= 0 and (text[cursor] in " \t" or text[cursor] in _OPENERS):
        cursor -= 1
    return cursor < 0 or text[cursor] in _SENTENCE_END
