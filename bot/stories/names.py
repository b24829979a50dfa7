"""Names in an article: runs of capitalised words, cleaned into the places, groups and people it mentions.

Plain string work, no parser: sentence openers, titles ("Veltrian President Omar Selik"), possessives,
outlets and bylines are cut away; a surname or an acronym used alone later is linked to the full name; a name
the article also uses as an adjective ("Veltria"/"Veltrian") is a country, so broad.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from bot.stories.lexicon import (
    BROAD_NAMES,
    EVENT_WORDS,
    NOT_NAMES,
    OUTLET_ENDINGS,
    OUTLET_NAMES,
    PERSON_TITLES,
    TITLE_MODIFIERS,
)
from bot.stories.terms import NAME_PREFIX, Term, TermKind, normalise_key

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
_MAX_TITLE_WORDS = 4  # "Veltrian Deputy Foreign Minister Ana Ruiz": the title ends within the first words


@dataclass
class _Entity:
    display: str
    keys: set[str]
    count: int = 0
    lead: bool = False


def name_terms(text: str, outlets: set[str], lead_end: int, *, full_text: str | None = None) -> list[Term]:
    """The names in `text` as terms (aliases share an entity); `lead_end` is where the lead stops.

    `full_text` is the whole article when `text` has parts blanked out: a country named only in a blanked
    sentence ("Doravia blamed ...") still tells that "Doravian" is its adjective.
    """
    lowercase_words = {match.group() for match in _TOKEN.finditer(text) if match.group()[0].islower()}
    entities: dict[str, _Entity] = {}
    aliases: dict[str, str] = {}  # alias key -> entity key
    surnames: dict[str, str] = {}
    single_mentions: Counter[str] = Counter()
    single_display: dict[str, str] = {}
    single_lead: set[str] = set()
    mid_sentence: set[str] = set()
    capitalised = {normalise_key(m.group()) for m in _TOKEN.finditer(text) if m.group()[0].isupper()}
    for phrase, end in _split_at_places(_capitalised_phrases(text, lowercase_words), capitalised):
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
    seen = {normalise_key(m.group()) for m in _TOKEN.finditer(full_text or "") if m.group()[0].isupper()}
    broad = _countries_by_demonym(entities, seen) | {
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
