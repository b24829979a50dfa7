"""The engine's data tables: word families (`bot/engine/lexicon.py`) and parse-label groups (`bot/engine/grammar.py`).

Word families that answer one question must not share words where a shared word would read two ways; every parse
label must be one spaCy knows, of the kind the group's name says.
"""

from __future__ import annotations

import itertools

import pytest
from spacy import glossary, util
from spacy.parts_of_speech import IDS as UNIVERSAL_POS_IDS

from bot.engine import grammar, lexicon
from bot.settings import DEFAULT_SPACY_MODEL

# --- word families -----------------------------------------------------------------------------------------------

# Groups of one table, each answering one question; no word may sit in two groups of a table.
PRONOUNS = {
    "relative": lexicon.RELATIVE_PRONOUNS,
    "plural": lexicon.PLURAL_PRONOUNS,
    "gendered": frozenset(lexicon.PRONOUN_GENDERS),
    "possessive": frozenset(lexicon.POSSESSIVE_PRONOUNS),
}
NOUNS = {
    "organisation": lexicon.ORGANISATION_NOUNS,
    "role": lexicon.ROLE_NOUNS,
    "anonymous source": lexicon.ANONYMOUS_SOURCE_NOUNS,
    "vehicle": lexicon.VEHICLE_NOUNS | lexicon.OUTLET_VEHICLE_NOUNS,
}
PREPOSITIONS = {
    "author": lexicon.AUTHOR_PREPOSITIONS,
    "source phrase": lexicon.SOURCE_PHRASE_PREPOSITIONS,
    "affiliation": lexicon.AFFILIATION_PREPOSITIONS,
    "vehicle": lexicon.VEHICLE_PREPOSITIONS,
    "interview": lexicon.INTERVIEW_PREPOSITIONS,
    "outlet": lexicon.OUTLET_PREPOSITIONS,
    "setting": lexicon.SETTING_PREPOSITIONS,
    "content": lexicon.CONTENT_PREPOSITIONS,
    "estimate": lexicon.ESTIMATE_PREPOSITIONS,
    "call": lexicon.CALL_PREPOSITIONS,
    "topic": lexicon.TOPIC_PREPOSITIONS,
}
VERBS = {
    "topicless speech": lexicon.TOPICLESS_SPEECH_VERBS,
    "speaking to": lexicon.SPEAKING_TO_VERBS,
}
WORD_FAMILIES = {
    **{f"{name} pronouns": words for name, words in PRONOUNS.items()},
    **{f"{name} nouns": words for name, words in NOUNS.items()},
    **{f"{name} prepositions": words for name, words in PREPOSITIONS.items()},
    **{f"{name} verbs": words for name, words in VERBS.items()},
    "definite determiners": lexicon.DEFINITE_DETERMINERS,
    "bare references": lexicon.BARE_REFERENCES,
    "weekdays": frozenset(lexicon.WEEKDAY_NAMES),
    "fractionable scales": lexicon.FRACTIONABLE_SCALES,
    "scales before and": lexicon.AND_SCALES,
    "indefinite articles": lexicon.INDEFINITE_ARTICLES,
    "one words": lexicon.ONE_WORDS,
    "singular fractions": lexicon.SINGULAR_FRACTIONS,
    "plural fractions": lexicon.PLURAL_FRACTIONS,
    "fraction counts": lexicon.FRACTION_COUNTS,
    "range openers": lexicon.RANGE_OPENERS,
    "count entity words": lexicon.COUNT_ENTITY_WORDS,
    "pronoun one determiners": lexicon.PRONOUN_ONE_DETERMINERS,
    "place nouns": lexicon.PLACE_NOUNS,
    "sector nouns": lexicon.SECTOR_NOUNS,
    "place recording verbs": lexicon.PLACE_RECORDING_VERBS,
    "destination words": lexicon.DESTINATION_WORDS,
    "believing verbs": lexicon.BELIEVING_VERBS,
    "moving verbs": lexicon.MOVING_VERBS,
    "suffering verbs": lexicon.SUFFERING_VERBS,
    "pointing back words": lexicon.POINTING_BACK_WORDS,
    "bracketed source nouns": lexicon.BRACKETED_SOURCE_NOUNS,
    "every determiners": lexicon.EVERY_DETERMINERS,
    "frequency adverbs": frozenset(lexicon.FREQUENCY_ADVERBS),
    "label source prepositions": lexicon.LABEL_SOURCE_PREPOSITIONS,
    "corporate designators": lexicon.CORPORATE_DESIGNATORS,
    "past be words": lexicon.PAST_BE_WORDS,
    "safe destination nouns": lexicon.SAFE_DESTINATION_NOUNS,
    "safe words": lexicon.SAFE_WORDS,
}
MARKS = {
    "dashes": lexicon.DASHES,
    "clause ends": lexicon.CLAUSE_END_MARKS,
    "sentence or quote ends": lexicon.SENTENCE_OR_QUOTE_END_MARKS,
    "clause breaks": lexicon.CLAUSE_BREAK_MARKS,
    "mention ends": lexicon.MENTION_END_MARKS,
    "hyphens": lexicon.HYPHENS,
    "number glue": lexicon.NUMBER_GLUE_MARKS,
    "alternatives": lexicon.ALTERNATIVE_MARKS,
    "line labels": lexicon.LINE_LABEL_MARKS,
}


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(PRONOUNS, 2)))
def test_pronoun_groups_are_disjoint(first: str, second: str) -> None:
    """A relative pronoun opens a clause, a possessive owns a source, a personal one refers back: one each."""
    assert not PRONOUNS[first] & PRONOUNS[second]


@pytest.mark.parametrize(("pronouns", "nouns"), list(itertools.product(PRONOUNS, NOUNS)))
def test_pronouns_are_not_nouns(pronouns: str, nouns: str) -> None:
    """A pronoun is resolved to a source named before; a noun describes one. No word can be both."""
    assert not PRONOUNS[pronouns] & NOUNS[nouns]


def test_possessives_resolve_like_a_pronoun_the_tracker_reads() -> None:
    """'his office said' is resolved like 'he said': each possessive must map to a pronoun the tracker resolves."""
    readable = set(lexicon.PRONOUN_GENDERS) | lexicon.PLURAL_PRONOUNS | {"it"}
    assert set(lexicon.POSSESSIVE_PRONOUNS.values()) <= readable
    assert set(lexicon.PRONOUN_GENDERS.values()) == {"m", "f"}


def test_prepositions_setting_a_claim_do_not_carry_its_content() -> None:
    """'in Paris' sets an object's content in a place and ends it; 'of', 'at 52' carry it on: never both."""
    setting = lexicon.SETTING_PREPOSITIONS
    assert not setting & lexicon.CONTENT_PREPOSITIONS
    assert not setting & lexicon.ESTIMATE_PREPOSITIONS
    assert not lexicon.CONTENT_PREPOSITIONS & lexicon.ESTIMATE_PREPOSITIONS


def test_narrower_families_sit_inside_the_wider_ones() -> None:
    assert lexicon.TOPICLESS_SPEECH_VERBS <= lexicon.SPEECH_VERBS
    assert lexicon.INTERVIEW_PREPOSITIONS <= lexicon.VEHICLE_PREPOSITIONS
    assert lexicon.BARE_OBJECT_REFERENCES <= lexicon.BARE_REFERENCES
    assert lexicon.AFFILIATION_PREPOSITIONS <= lexicon.SOURCE_PHRASE_PREPOSITIONS
    assert lexicon.HYPHENS <= lexicon.DASHES
    assert lexicon.NUMBER_GLUE_MARKS <= lexicon.NUMBER_CODE_PREFIXES
    assert lexicon.DEFINITE_DETERMINERS <= lexicon.PRONOUN_ONE_DETERMINERS


def test_fractions_are_singular_or_plural_and_scales_take_them() -> None:
    """'a quarter' and 'three-quarters' are read apart; a fraction's scale is a number word, not its count."""
    assert not lexicon.SINGULAR_FRACTIONS & lexicon.PLURAL_FRACTIONS
    assert {word + "s" for word in lexicon.SINGULAR_FRACTIONS} == lexicon.PLURAL_FRACTIONS
    assert not lexicon.FRACTION_COUNTS & (lexicon.FRACTIONABLE_SCALES | lexicon.AND_SCALES)
    assert lexicon.INDEFINITE_ARTICLES - {"an"} <= lexicon.ONE_WORDS


@pytest.mark.parametrize("family", sorted(WORD_FAMILIES))
def test_word_families_are_lower_case_words(family: str) -> None:
    """Tokens are compared lower-cased; a capital or a mark in a family would never match."""
    for word in WORD_FAMILIES[family]:
        assert word == word.lower() and word.isalpha(), (family, word)


def test_word_families_hold_no_marks_and_marks_no_words() -> None:
    marks = frozenset().union(*MARKS.values())
    assert all(not any(ch.isalnum() for ch in mark) for mark in marks)
    assert not marks & frozenset().union(*WORD_FAMILIES.values())


def test_a_clause_break_is_not_a_clause_end() -> None:
    """A comma or a dash sets off a clause; a full stop ends it. A trailing attribution reads on past the first."""
    assert not lexicon.CLAUSE_BREAK_MARKS & lexicon.CLAUSE_END_MARKS
    assert not lexicon.DASHES & lexicon.CLAUSE_END_MARKS


def test_days_and_months_are_distinct_and_in_calendar_order() -> None:
    assert len(set(lexicon.WEEKDAY_NAMES)) == 7 and lexicon.WEEKDAY_NAMES[0] == "monday"
    assert not set(lexicon.WEEKDAY_NAMES) & lexicon.MONTH_NAMES
    assert {name[:3] for name in lexicon.FULL_MONTH_NAMES} <= lexicon.MONTH_NAMES


# --- parse labels ------------------------------------------------------------------------------------------------

_MODEL_LABELS = util.get_model_meta(util.get_package_path(DEFAULT_SPACY_MODEL))["labels"]


def _is_dependency(label: str) -> bool:
    # The model's own labels, or a ClearNLP label spaCy documents ("complm", "iobj") from other English corpora.
    return label in _MODEL_LABELS["parser"] or (label.islower() and label in glossary.GLOSSARY)


def _is_pos(label: str) -> bool:
    return bool(label) and label in UNIVERSAL_POS_IDS and label in glossary.GLOSSARY


def _is_tag(label: str) -> bool:
    return label in _MODEL_LABELS["tagger"] and label in glossary.GLOSSARY


def _is_entity(label: str) -> bool:
    return label in _MODEL_LABELS["ner"] and label in glossary.GLOSSARY


# Each kind of label, known by how its group's name ends.
_KINDS = {"_DEPS": _is_dependency, "_POS": _is_pos, "_TAGS": _is_tag, "_ENTITIES": _is_entity}
# `PLACES_MISTAGGED_AS` holds "" (no entity) beside a label: it is checked on its own below.
_GROUPS = {
    name: value
    for name, value in vars(grammar).items()
    if name.isupper() and not name.startswith("_") and name != "PLACES_MISTAGGED_AS"
}


def test_every_label_group_says_its_kind() -> None:
    for name, labels in _GROUPS.items():
        assert isinstance(labels, frozenset) and labels, name
        assert any(name.endswith(suffix) for suffix in _KINDS), name


@pytest.mark.parametrize("name", sorted(_GROUPS))
def test_label_groups_hold_spacy_labels_of_their_kind(name: str) -> None:
    is_valid = next(check for suffix, check in _KINDS.items() if name.endswith(suffix))
    assert {label for label in _GROUPS[name] if not is_valid(label)} == set()


def test_label_kinds_do_not_mix() -> None:
    """The checks tell the kinds apart: a dependency label is not a POS tag, a fine tag or an entity label."""
    assert (
        _is_dependency("nsubj") and not _is_pos("nsubj") and not _is_tag("nsubj") and not _is_entity("nsubj")
    )
    assert _is_pos("PROPN") and not _is_dependency("PROPN") and not _is_tag("PROPN")
    assert _is_tag("VBN") and not _is_pos("VBN") and not _is_entity("VBN")
    assert _is_entity("GPE") and not _is_pos("GPE") and not _is_dependency("GPE")


def test_places_mistagged_as_are_entity_labels_or_none() -> None:
    """A foreign place the small model tags as a person, or leaves untagged (""), still counts as a place."""
    labels = grammar.PLACES_MISTAGGED_AS
    assert "" in labels and {label for label in labels - {""} if not _is_entity(label)} == set()
    assert not labels & grammar.PLACE_ENTITIES


def test_entity_groups_of_places_and_sources_nest() -> None:
    assert grammar.SCOPE_ENTITIES <= grammar.PLACE_ENTITIES
    assert grammar.SPEAKER_ENTITIES <= grammar.SOURCE_ENTITIES
    assert not grammar.PLACE_ENTITIES & grammar.TIME_ENTITIES
