"""Constructions around a figure, declared as spaCy patterns: rules as data.

Each family is a table of labelled patterns, matched once per document by a `Matcher` (token patterns) or a
`DependencyMatcher` (parse patterns). The label says why a rule fired; it travels with the figure in the report
(`Figure.rules`) so an evaluation's error log can show which construction read a number the way it did.

Families:
- `NOT_A_COUNT`: numbers that name, date or describe rather than count (ages, dates, clock times, codes,
  numbers in names).
- `HOLDERS`: who gives a figure, wherever the sentence puts them ("according to X", "X counted N",
  "X's estimate of N", "figures from X", "N (police)").
- `PARTS` and `BASELINES`: a figure's relation to another ("including 12 children", "three of the eight",
  "up from 12,500").

The words the patterns use are the families of `lexicon.py` and `measures.py`; nothing here names an article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from bot.engine.context import past_places
from bot.engine.doccache import doc_text, sentence_of
from bot.engine.grammar import (
    CONTRAST_CLAUSE_DEPS,
    NAME_OR_PRONOUN_POS,
    NOT_SOURCE_ENTITIES,
    NOUN_POS,
    OBJECT_DEPS,
    PAST_PARTICIPLE_TAGS,
    PLACE_ENTITIES,
    PLURAL_NOUN_TAGS,
    RELATIVE_CLAUSE_DEPS,
    SOURCE_ENTITIES,
    SUBJECT_DEPS,
    TIME_ENTITIES,
    VERB_POS,
)
from bot.engine.lexicon import (
    AGE_WORDS,
    ALTERNATIVE_MARKS,
    BOUND_GIVING_PREPOSITIONS,
    BRACKETED_SOURCE_NOUNS,
    BULLET_MARKS,
    CLAIM_NOUNS,
    CLOCK_WORDS,
    COLON_CUE_VERBS,
    CONTRAST_MARKERS,
    COPULA_VERBS,
    CUE_VERBS,
    DASHES,
    DIFFERENCE_WORDS,
    FIGURE_GIVING_VERBS,
    FRACTIONABLE_SCALES,
    GUIDANCE_NOUNS,
    INCREMENT_WORDS,
    INDEFINITE_ARTICLES,
    MONTH_NAMES,
    MULTIPLIER_WORDS,
    NAME_NUMBER_WORDS,
    NUMBER_SAYING_VERBS,
    NUMBER_SPEAKING_PHRASES,
    OFFICIAL_WORDS,
    OPENING_BRACKET,
    ORGANISATION_NOUNS,
    PART_WORDS,
    POSSESSIVE_MARKS,
    PUBLISHING_VERBS,
    RANGE_OPENERS,
    RELATIVE_PART_WORDS,
    SCALE_WORDS,
    SENTENCE_END_MARKS,
    SHOWING_VERBS,
    SOURCE_NOUNS,
    STREET_WORDS,
    TALLY_VERBS,
    VAGUE_QUANTIFIERS,
    VEHICLE_NOUNS,
)
from bot.engine.measures import (
    COUNTING_NOUNS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DIRECTION_WORDS,
    EVENT_KINDS,
    EXPECTATION_NOUNS,
    EXPECTING_VERBS,
    FIGURE_CHANGING_VERBS,
    FORECAST_PHRASES,
    FORECAST_WORDS,
    FORECASTER_NOUNS,
    FORECASTER_SHARE_WORDS,
    FORECASTERS_EXPECTING_PHRASE,
    MONEY_VERB_QUANTITIES,
    OWNED_FIGURE_NOUNS,
    PER_CENT_WORDS,
    PERCENT_WORDS,
    PERSON_GROUPS,
    POLL_NOUNS,
    POLLING_WORDS,
    RATE_WORDS,
    RESTATING_NOUNS,
    REVISION_VERBS,
    STORM,
    UNIT_WORDS,
)
from bot.engine.structure import misread_figure_noun, names_a_body, relative_clauses

# A token that may be (part of) a number: the figure finder decides which are counts.
_NUMBER = {"LIKE_NUM": True}
_CURRENCY_SIGN = {"IS_CURRENCY": True}
_MONTHS_CAPITALISED = {"LOWER": {"IN": sorted(MONTH_NAMES)}, "IS_TITLE": True}
# A day of the month in digits: one or two of them.
_DAY = {"IS_DIGIT": True, "LENGTH": {"<=": 2}}
# What joins the two numbers of a pair: days of one month ("June 3 and 4", "August 10 to 12", "May 1-3"), ages
# ("aged between 24 and 57").
NUMBER_PAIR_JOINS = frozenset({"and", "to", "through", "-", "–"})

# What the labels of the baseline patterns (`BASELINES`) begin with.
BASELINE_LABEL_PREFIX = "baseline:"
# The label of a holder whose verb of giving the parser took for a participle on the figure noun.
MISREAD_GIVING_VERB = "holder:giving-verb-misread"
# The label of a holder who revises a figure: the value is a revised one.
REVISING_HOLDER = "holder:revising-verb"
# "the official toll of 61": the authorities' figure, whoever repeats it.
OFFICIAL_FIGURE = "holder:official-figure"

# A year and a month's or a day's number, as a numeric date writes them.
_YEAR_NUMBER = {"TEXT": {"REGEX": r"^(?:1[89]|20)\d\d$"}}
_DAY_NUMBER = {"TEXT": {"REGEX": r"^\d{1,2}$"}}

# Token patterns: (label, pattern, position of the number within the match).
TokenRule = tuple[str, list[dict], int]

# "call 555 0199": digits set apart by a space are one code (within a line: see `FigureRules.read`).
DIGIT_RUN = "not-a-count:digit-run"
NOT_A_COUNT: tuple[TokenRule, ...] = (
    ("not-a-count:age-aged", [{"LOWER": {"IN": sorted(AGE_WORDS)}}, _NUMBER], 1),
    # "The dead were aged between 24 and 57", "children aged from 5 to 12": a range of ages
    ("not-a-count:age-aged", [{"LOWER": {"IN": sorted(AGE_WORDS)}}, {"LOWER": {"IN": sorted(RANGE_OPENERS)}}, _NUMBER], 2),
    # (and the range's end: "aged between 24 and 57", "aged 18 to 25")
    (
        "not-a-count:age-aged",
        [
            {"LOWER": {"IN": sorted(AGE_WORDS)}},
            {"LOWER": {"IN": sorted(RANGE_OPENERS)}},
            _NUMBER,
            {"LOWER": {"IN": sorted(NUMBER_PAIR_JOINS)}},
            _NUMBER,
        ],
        4,
    ),
    (
        "not-a-count:age-aged",
        [{"LOWER": {"IN": sorted(AGE_WORDS)}}, _NUMBER, {"LOWER": {"IN": sorted(NUMBER_PAIR_JOINS)}}, _NUMBER],
        3,
    ),
    ("not-a-count:age-years-old", [_NUMBER, {"LOWER": {"IN": ["year", "years"]}}, {"LOWER": "old"}], 0),
    ("not-a-count:age-apposition", [{"POS": "PROPN"}, {"ORTH": ","}, _NUMBER, {"ORTH": ","}], 2),
    ("not-a-count:date-month-day", [_MONTHS_CAPITALISED, _NUMBER], 1),
    # "rallies on June 3 and 4", "from August 10 to 12": the second day of the month named before the first
    ("not-a-count:date-month-days", [_MONTHS_CAPITALISED, _NUMBER, {"LOWER": {"IN": sorted(NUMBER_PAIR_JOINS)}}, _DAY], 3),
    # "6 May" is a date; "6 may" is a verb ("6 may die"): only a capitalised month counts, and not May.
    (
        "not-a-count:date-day-month",
        [_NUMBER, {"LOWER": {"IN": sorted(MONTH_NAMES - {"may"})}, "IS_TITLE": True}],
        0,
    ),
    # "2022-12-22", "2024-3-5": a date written year, month and day
    ("not-a-count:date-numeric", [_YEAR_NUMBER, {"ORTH": "-"}, _DAY_NUMBER, {"ORTH": "-"}, _DAY_NUMBER], 2),
    ("not-a-count:date-numeric", [_YEAR_NUMBER, {"ORTH": "-"}, _DAY_NUMBER, {"ORTH": "-"}, _DAY_NUMBER], 4),
    ("not-a-count:clock-time", [_NUMBER, {"LOWER": {"IN": sorted(CLOCK_WORDS)}}], 0),
    ("not-a-count:name-number", [{"LOWER": {"IN": sorted(NAME_NUMBER_WORDS)}}, _NUMBER], 1),
    # "the headquarters at 88 Wharfside Road": a house number, named streets of one to three words
    (
        "not-a-count:street-address",
        [_NUMBER, {"IS_TITLE": True, "OP": "{1,3}"}, {"LOWER": {"IN": sorted(STREET_WORDS)}, "IS_TITLE": True}],
        0,
    ),
    ("not-a-count:code-leading-zero", [{"IS_DIGIT": True, "TEXT": {"REGEX": r"^0\d"}}], 0),
    (DIGIT_RUN, [{"IS_DIGIT": True}, {"IS_DIGIT": True}], 0),
    (DIGIT_RUN, [{"IS_DIGIT": True}, {"IS_DIGIT": True}], 1),
    ("not-a-count:multiplier", [_NUMBER, {"LOWER": {"IN": sorted(MULTIPLIER_WORDS)}}], 0),
    # "estimated the crowd at several thousand": an amount no one counted, not a thousand
    (
        "not-a-count:vague-scale",
        [{"LOWER": {"IN": sorted(VAGUE_QUANTIFIERS)}}, {"LOWER": {"IN": sorted(SCALE_WORDS | {f"{w}s" for w in SCALE_WORDS})}}],
        1,
    ),
    # "146 passengers, seven fewer than the 153 given by officials": a difference between two figures
    ("not-a-count:difference", [_NUMBER, {"LOWER": {"IN": sorted(DIFFERENCE_WORDS)}}, {"LOWER": "than"}], 0),
)

INCREMENTS: tuple[TokenRule, ...] = (
    # "12 more", "six other states", "12 new cases": a count added to another, never a total. "22, more than
    # the 17" is a comparison, not an increment.
    (
        "increment:n-more",
        [_NUMBER, {"LOWER": {"IN": sorted(INCREMENT_WORDS)}}, {"LOWER": {"NOT_IN": ["than"]}}],
        0,
    ),
    ("increment:another-n", [{"LOWER": "another"}, _NUMBER], 1),
    ("increment:another-n", [{"LOWER": "another"}, _CURRENCY_SIGN, _NUMBER], 2),  # "another $2 billion"
    # "an additional 2.5 million people", "a further 300 jobs", "a further $2.1 billion"
    (
        "increment:additional-n",
        [{"LOWER": {"IN": sorted(INDEFINITE_ARTICLES)}}, {"LOWER": {"IN": sorted(INCREMENT_WORDS)}}, _NUMBER],
        2,
    ),
    (
        "increment:additional-n",
        [
            {"LOWER": {"IN": sorted(INDEFINITE_ARTICLES)}},
            {"LOWER": {"IN": sorted(INCREMENT_WORDS)}},
            _CURRENCY_SIGN,
            _NUMBER,
        ],
        3,
    ),
)

PARTS: tuple[TokenRule, ...] = (
    # "including 12 children", "among them 3 soldiers", "including at least 4"
    ("part:including", [{"LOWER": {"IN": sorted(PART_WORDS)}}, _NUMBER], 1),
    ("part:including", [{"LOWER": {"IN": sorted(PART_WORDS)}}, {"IS_ALPHA": True}, _NUMBER], 2),
    (
        "part:including",
        [{"LOWER": {"IN": sorted(PART_WORDS)}}, {"IS_ALPHA": True}, {"IS_ALPHA": True}, _NUMBER],
        3,
    ),
    # "140 of them", "three of the eight", "two of the port's six terminals", "12,000 of its members"
    ("part:n-of", [_NUMBER, {"LOWER": "of"}], 0),
    # "40,000 hectares were inundated, 2,889 hectares of which were destroyed", "300 people, 40 percent of whom"
    (
        "part:n-of",
        [_NUMBER, {"IS_ALPHA": True}, {"LOWER": "of"}, {"LOWER": {"IN": sorted(RELATIVE_PART_WORDS)}}],
        0,
    ),
)

COMPARED_WITH_BASELINE = "baseline:compared-with"
BASELINES: tuple[TokenRule, ...] = (
    # "up from 12,500", "down from 88": the value before a change, never compared.
    ("baseline:up-from", [{"LOWER": {"IN": ["up", "down"]}}, {"LOWER": "from"}, _NUMBER], 2),
    (
        "baseline:up-from",
        [{"LOWER": {"IN": ["up", "down"]}}, {"LOWER": "from"}, {"IS_ALPHA": True}, _NUMBER],
        3,
    ),
    (COMPARED_WITH_BASELINE, [{"LOWER": "compared"}, {"LOWER": {"IN": ["with", "to"]}}, _NUMBER], 2),
    # "compared with $380 million a year earlier", "up from $1.2 billion": the sign is a word of its own
    (COMPARED_WITH_BASELINE, [{"LOWER": "compared"}, {"LOWER": {"IN": ["with", "to"]}}, _CURRENCY_SIGN, _NUMBER], 3),
    ("baseline:up-from", [{"LOWER": {"IN": ["up", "down"]}}, {"LOWER": "from"}, _CURRENCY_SIGN, _NUMBER], 3),
    (
        COMPARED_WITH_BASELINE,
        [{"LOWER": "compared"}, {"LOWER": {"IN": ["with", "to"]}}, {"IS_ALPHA": True}, _NUMBER],
        3,
    ),
)

# "electricity (-0.6% from 0.6% previously), real estate (4% from 4.7%)": values in brackets after a noun, a change
# from one to the other, are that noun's, each bracket another item's. Keyed by each number; the label names the
# item (the noun before the bracket).
_SIGN = {"ORTH": {"IN": ["-", "+", "−"]}, "OP": "?"}
_PERCENT = {"LOWER": {"IN": ["%", "percent", "pct"]}, "OP": "?"}
BRACKETED_ITEMS: tuple[TokenRule, ...] = (
    (
        "item:bracketed-change",
        [{"POS": {"IN": ["NOUN", "PROPN"]}}, {"ORTH": "("}, _SIGN, _NUMBER, _PERCENT, {"LOWER": "from"}, _SIGN, _NUMBER],
        0,
    ),
)

# "55,000 people (police) attended", "55,000 (police)": a source in brackets right after the figure's number or
# noun. The holder is the word inside the brackets.
IN_BRACKETS_HOLDER = "holder:in-brackets"
# How many words after the source noun's comma may say who it is: "(organisers, the Water Is Ours coalition)".
BRACKETED_NAME_REACH = 6
# How many capitalised words a body's name in brackets may have on either side of its noun.
BRACKETED_TITLE_WORDS = 3
IN_BRACKETS: tuple[TokenRule, ...] = (
    (
        IN_BRACKETS_HOLDER,
        # Anchored on the bracket; the figure's number or noun is the word before it.
        # "(police)", "(electoral commission)", "(miners' union)", "(local seismology centre)", "(returning
        # officer)": a source noun, maybe with a word or two before it.
        [
            {"ORTH": "("},
            {"POS": {"IN": ["ADJ", "NOUN", "PROPN", "VERB"]}, "OP": "{0,2}"},
            {"ORTH": {"IN": sorted(POSSESSIVE_MARKS)}, "OP": "?"},
            {"LEMMA": {"IN": sorted(SOURCE_NOUNS | BRACKETED_SOURCE_NOUNS)}},
            {"ORTH": ")"},
        ],
        -1,
    ),
    (
        IN_BRACKETS_HOLDER,
        # "(Eastern Seismic Network)", "(Marr Institute of Geophysics)": a body's name, its noun among its words
        [
            {"ORTH": "("},
            {"IS_TITLE": True, "OP": f"{{0,{BRACKETED_TITLE_WORDS}}}"},
            {"LOWER": {"IN": sorted(ORGANISATION_NOUNS)}, "IS_TITLE": True},
            {"LOWER": {"IN": ["of", "for"]}, "OP": "?"},
            {"IS_TITLE": True, "OP": f"{{0,{BRACKETED_TITLE_WORDS}}}"},
            {"ORTH": ")"},
        ],
        -1,
    ),
    (
        IN_BRACKETS_HOLDER,
        # "6.5 (EMSC)", "4,000 (AP)": a name in capitals (not a unit, a currency or a time zone: see
        # `NOT_BRACKETED_SOURCES`)
        [{"ORTH": "("}, {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2, "<=": 6}}, {"ORTH": ")"}],
        -1,
    ),
    (
        IN_BRACKETS_HOLDER,
        # "35,000 (organisers, the Water Is Ours coalition)": the source noun, then who it is.
        [
            {"ORTH": "("},
            {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "?"},
            {"LEMMA": {"IN": sorted(SOURCE_NOUNS)}},
            {"ORTH": ","},
            {"ORTH": {"NOT_IN": ["(", ")"]}, "OP": f"{{1,{BRACKETED_NAME_REACH}}}"},
            {"ORTH": ")"},
        ],
        -1,
    ),
)

# "Crowd: police ~2,000 · organisers 15,000+", "police 2,000 / organisers 15,000": in a post's line, a source's
# noun right before a value, opening its stretch of the line, gives it. Keyed by the number.
SOURCE_BEFORE_VALUE = "holder:source-before-value"
# The white space that ends a line, before the next line's first word.
_LINE_BREAK = {"IS_SPACE": True, "TEXT": {"REGEX": "\n"}}
# A source's label (maybe a name before its noun), its colon and the value: "Clean Vote observers: 41%".
_SOURCE_LABEL_AND_VALUE = [
    {"IS_TITLE": True, "OP": "{0,3}"},
    {"LOWER": {"IN": sorted(SOURCE_NOUNS)}},
    {"ORTH": ":"},
    {"ORTH": {"IN": ["~", "≈"]}, "OP": "?"},
    _NUMBER,
]
_LINE_STRETCH_OPENERS = sorted(ALTERNATIVE_MARKS | DASHES | {":", "·", "•", ",", ";"})
SOURCE_BEFORE_VALUES: tuple[TokenRule, ...] = (
    (
        SOURCE_BEFORE_VALUE,
        [
            {"ORTH": {"IN": _LINE_STRETCH_OPENERS}},
            {"LOWER": {"IN": sorted(SOURCE_NOUNS)}},
            {"ORTH": {"IN": ["~", "≈"]}, "OP": "?"},
            _NUMBER,
        ],
        -1,
    ),
    # "Turnout — commission: 52.4% · Clean Vote observers: 41%": a labelled stretch after the line's first
    (SOURCE_BEFORE_VALUE, [{"ORTH": {"IN": _LINE_STRETCH_OPENERS}}, *_SOURCE_LABEL_AND_VALUE], -1),
    # "Protest in Brel\nPolice: 9,000\nOrganisers: 35,000": a line opening on a source's label
    (SOURCE_BEFORE_VALUE, [_LINE_BREAK, *_SOURCE_LABEL_AND_VALUE], -1),
    (
        # "Crowd — Police: 8,000 | Organisers (Civic Front): 45,000": the body named in brackets after the noun
        SOURCE_BEFORE_VALUE,
        [
            {"ORTH": {"IN": _LINE_STRETCH_OPENERS}},
            {"IS_TITLE": True, "OP": "{0,3}"},
            {"LOWER": {"IN": sorted(SOURCE_NOUNS)}},
            {"ORTH": OPENING_BRACKET},
            {"IS_TITLE": True, "OP": "{1,4}"},
            {"ORTH": ")"},
            {"ORTH": ":"},
            {"ORTH": {"IN": ["~", "≈"]}, "OP": "?"},
            _NUMBER,
        ],
        -1,
    ),
)

# Figures "from" or "of" a counted set of places ("figures from 267 constituencies"): the patterns whose holder is
# where a count was made when it is counted itself and cannot speak.
COUNTED_PLACES_LABELS = frozenset({"holder:figures-from", "holder:figures-of"})

# "the 180,000 economists polled by Reuters had forecast", "the 1.09 billion euros analysts had expected": the
# value forecasters expected, written before them with no "that"; the holder is the forecasters' noun. (Keyed by
# the number, after any currency symbol, whatever the offset says.)
_AUXILIARY = {"LOWER": {"IN": ["had", "have", "has", "were", "are", "been"]}, "OP": "*"}
_SCALE_OR_UNIT = {
    "LOWER": {"IN": sorted(FRACTIONABLE_SCALES | set(UNIT_WORDS) | {f"{unit}s" for unit in UNIT_WORDS} | PERCENT_WORDS
                           | PER_CENT_WORDS)},
    "OP": "*",
}  # fmt: skip
_FORECASTERS = {"LEMMA": {"IN": sorted(FORECASTER_NOUNS)}}
_CURRENCY = {"ORTH": {"IN": sorted(CURRENCY_SYMBOLS)}, "OP": "?"}  # "the $12.5 billion analysts had forecast"
_EXPECTING = {"LEMMA": {"IN": sorted(EXPECTING_VERBS)}, "POS": {"IN": ["VERB", "AUX"]}}
# The verb ends the clause: "40 economists expected growth of 2%" counts economists who expected something.
_NO_OBJECT = {"POS": {"NOT_IN": ["NOUN", "PROPN", "NUM", "DET", "ADJ", "PRON"]}}
# The change or thing the value measures may stand between: "the 1.5% decline analysts had expected", "the 4%
# growth economists had forecast".
_MEASURED_NOUN = {"POS": "NOUN", "LEMMA": {"NOT_IN": sorted(FORECASTER_NOUNS)}, "OP": "?"}
# How many of the forecasters expected it: "short of the $8.75 most analysts were expecting".
_HOW_MANY_FORECASTERS = {"LOWER": {"IN": sorted(FORECASTER_SHARE_WORDS)}, "OP": "?"}
EXPECTED_BY: tuple[TokenRule, ...] = (
    (
        "holder:expected-by",
        [
            {"LOWER": "the"}, _CURRENCY, _NUMBER, _SCALE_OR_UNIT, _MEASURED_NOUN, _HOW_MANY_FORECASTERS, _FORECASTERS,
            _AUXILIARY, _EXPECTING, _NO_OBJECT,
        ],
        1,
    ),
    (
        "holder:expected-by",
        [
            {"LOWER": "the"},
            _CURRENCY,
            _NUMBER,
            _SCALE_OR_UNIT,
            _FORECASTERS,
            {"LOWER": {"IN": sorted(POLLING_WORDS)}},
            {"LOWER": "by"},
            {"POS": "PROPN", "OP": "+"},
            _AUXILIARY,
            _EXPECTING,
            _NO_OBJECT,
        ],
        1,
    ),
)

# Words in capitals that a bracket after a number holds without naming a source: units, currencies, time zones.
NOT_BRACKETED_SOURCES = (
    frozenset(UNIT_WORDS) | frozenset(code.lower() for code in CURRENCY_CODES) | CLOCK_WORDS
)
# What may stand right before a bracketed source: the figure's number or its noun.
BRACKETED_FIGURE_POS = frozenset({"NUM", "NOUN", "PROPN"})
# How many words a number may stand before a bracketed source: "7 dead (police)", "18 people injured (hospital)".
BRACKET_NUMBER_REACH = 3
# The words that may stand between them: what the number counts and what happened to it.
BRACKETED_WORDS_POS = frozenset({"ADJ", "NOUN", "VERB"})


def _number_before_bracket(doc: Doc, bracket: int) -> int | None:
    """'Toll: 7 dead (police) / 12 dead (hospital sources)': the number a few words before a bracketed source,
    only words saying what it counts between them, is the figure the bracket names a source for (the parser
    often takes the bracket's noun for the counted thing)."""
    for i in range(bracket - 1, max(-1, bracket - 1 - BRACKET_NUMBER_REACH), -1):
        token = doc[i]
        if token.like_num:
            return i if i < bracket - 1 else None  # (right before the bracket: keyed as the figure's own word)
        # (a unit the tagger may take for anything: "4,200 ha (fire service)")
        if not token.is_alpha or (token.pos_ not in BRACKETED_WORDS_POS and token.lower_ not in UNIT_WORDS):
            return None
    return None

# Parse patterns: (label, pattern). Every pattern names its source node "holder".
DependencyRule = tuple[str, list[dict]]

# The verbs of `MONEY_VERB_QUANTITIES`, alone ("earned") and with their particles ("brought in").
_MONEY_VERBS_ALONE = frozenset(verb for verb, particle in MONEY_VERB_QUANTITIES if particle is None)
_MONEY_VERBS_WITH_PARTICLE = frozenset(verb for verb, particle in MONEY_VERB_QUANTITIES if particle is not None)
_MONEY_PARTICLES = frozenset(particle for _verb, particle in MONEY_VERB_QUANTITIES if particle is not None)

# Nouns that may own a claim named before it: "union claims", "rebel claims that 15 soldiers had been killed".
CLAIMANT_NOUNS = SOURCE_NOUNS | PERSON_GROUPS["fighters"]

# The label of the "according to X" holder, which other steps ask after: a figure with a source of its own.
HOLDER_ACCORDING_TO = "holder:according-to"
HOLDER_SAID_NUMBER = "holder:said-number"

def _per_holder(holder: dict) -> list[dict]:
    """The parse pattern of a source named after a post's "per" ("31 per emergency service"), with what the holder
    must be."""
    return [
        {"RIGHT_ID": "according", "RIGHT_ATTRS": {"LOWER": "per"}},
        {"LEFT_ID": "according", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "pobj", **holder}},
    ]


# A verb of speaking and the preposition that names what it speaks of (`NUMBER_SPEAKING_PHRASES`): "spoke of".
# A verb of giving a figure, the anchor of the patterns whose subject or agent gives it.
_GIVING_VERB = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(FIGURE_GIVING_VERBS)}, "POS": "VERB"}}
_SPOKEN_OF: list[dict] = [
    {
        "RIGHT_ID": "verb",
        "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(verb for verb, _of in NUMBER_SPEAKING_PHRASES)}, "POS": "VERB"},
    },
    {
        "LEFT_ID": "verb",
        "REL_OP": ">",
        "RIGHT_ID": "of",
        "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": sorted(of for _verb, of in NUMBER_SPEAKING_PHRASES)}},
    },
]

HOLDERS: tuple[DependencyRule, ...] = (
    # "3,000, according to police": the figure nearest to the phrase is the holder's.
    (
        HOLDER_ACCORDING_TO,
        [
            {"RIGHT_ID": "according", "RIGHT_ATTRS": {"LOWER": "according"}},
            {"LEFT_ID": "according", "REL_OP": ">", "RIGHT_ID": "to", "RIGHT_ATTRS": {"LOWER": "to"}},
            {"LEFT_ID": "to", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "Injured: 31 per emergency service, 50 per the hospital": a post's "per" names the figure's source as
    # "according to" does (a rate's "per day" names no source).
    (HOLDER_ACCORDING_TO, _per_holder({"LEMMA": {"IN": sorted(ORGANISATION_NOUNS)}})),
    # "8,000 per organisers": sources named in the plural (a rate is per one: "per worker")
    (HOLDER_ACCORDING_TO, _per_holder({"LEMMA": {"IN": sorted(SOURCE_NOUNS)}, "TAG": {"IN": sorted(PLURAL_NOUN_TAGS)}})),
    # "46% per company figures": the owner of the figures "per" names
    (
        HOLDER_ACCORDING_TO,
        [
            {"RIGHT_ID": "according", "RIGHT_ATTRS": {"LOWER": "per"}},
            {
                "LEFT_ID": "according",
                "REL_OP": ">",
                "RIGHT_ID": "figures",
                "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS)}},
            },
            {
                "LEFT_ID": "figures",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "compound", "LEMMA": {"IN": sorted(ORGANISATION_NOUNS)}},
            },
        ],
    ),
    # (and a name ending in one, "5.4 per Kaltor Seismological Institute", whose lemma keeps its capital)
    (HOLDER_ACCORDING_TO, _per_holder({"POS": "PROPN", "LOWER": {"IN": sorted(ORGANISATION_NOUNS)}})),
    # (or a body's initials, "6.5 per USGS": a unit in capitals, "per MW", is no organisation the recogniser names)
    (HOLDER_ACCORDING_TO, _per_holder({"POS": "PROPN", "IS_UPPER": True, "ENT_TYPE": "ORG"})),
    # "The Civic Watch network, an observer group with 2,300 volunteers, estimated turnout at 44%": after a long
    # apposition the parser takes the verb for a participle on the figure noun; the sentence's subject gives it
    # (see `_subject_before`).
    (
        MISREAD_GIVING_VERB,
        # (the verb alone: a node for every noun would cost a look at each one; `_subject_before` reads the rest)
        [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "amod", "LEMMA": {"IN": sorted(FIGURE_GIVING_VERBS)}}}],
    ),
    # "the union counted 4,000 strikers", "organisers put the crowd at 120,000"
    (
        "holder:giving-verb",
        [
            _GIVING_VERB,
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # ("Analysts polled by Varden had on average expected 455 million": a phrase between the auxiliary and its verb
    # may leave the subject hung on the auxiliary)
    (
        "holder:giving-verb",
        [
            _GIVING_VERB,
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "auxiliary", "RIGHT_ATTRS": {"DEP": "aux"}},
            {"LEFT_ID": "auxiliary", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # "a hospital official said 62", "the national institute says 6.0": a bare number said is its sayer's figure.
    (
        HOLDER_SAID_NUMBER,
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(NUMBER_SAYING_VERBS)}, "POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "number", "RIGHT_ATTRS": {"DEP": "dobj", "POS": "NUM"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # "while the authorities spoke of 150,000": who speaks of a number gives it.
    (
        "holder:spoke-of",
        [
            *_SPOKEN_OF,
            {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "number", "RIGHT_ATTRS": {"DEP": "pobj", "POS": "NUM"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # (and a count of something: "Unconfirmed reports speak of 10 dead", "local media spoke of 40 people killed")
    (
        "holder:spoke-of",
        [
            *_SPOKEN_OF,
            {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "counted", "RIGHT_ATTRS": {"DEP": "pobj"}},
            {"LEFT_ID": "counted", "REL_OP": ">", "RIGHT_ID": "number", "RIGHT_ATTRS": {"DEP": "nummod", "POS": "NUM"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # "Analysts were looking for $538 million": forecasters give what they look for.
    (
        "holder:looking-for",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": [FORECASTERS_EXPECTING_PHRASE[0]]}, "POS": "VERB"}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">",
                "RIGHT_ID": "for",
                "RIGHT_ATTRS": {"DEP": "prep", "LOWER": FORECASTERS_EXPECTING_PHRASE[1]},
            },
            {"LEFT_ID": "for", "REL_OP": ">", "RIGHT_ID": "number", "RIGHT_ATTRS": {"DEP": "pobj", "POS": "NUM"}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "nsubj", "LEMMA": {"IN": sorted(FORECASTER_NOUNS)}},
            },
        ],
    ),
    # "Local hospital says 19 bodies brought in", "ministry says 40 dead": a count said as the verb's object, in
    # the clipped style of headlines and posts, is its sayer's figure.
    (
        "holder:said-count",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(NUMBER_SAYING_VERBS)}, "POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "count", "RIGHT_ATTRS": {"DEP": "dobj", "POS": "NOUN"}},
            {"LEFT_ID": "count", "REL_OP": ">", "RIGHT_ID": "number", "RIGHT_ATTRS": {"DEP": "nummod", "POS": "NUM"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # "a forecast 0.3 percent rise in a Reuters poll", "the 1.8% expected in a survey of economists": the poll
    # gives the figure it holds.
    (
        "holder:in-a-poll",
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"POS": "NOUN"}},
            {"LEFT_ID": "figure", "REL_OP": ">", "RIGHT_ID": "in", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "in"}},
            {
                "LEFT_ID": "in",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": {"IN": sorted(POLL_NOUNS)}},
            },
        ],
    ),
    # "the $1.11 a share that analysts were looking for": who expects a figure gives it.
    (
        "holder:expecting-phrase",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted({v for v, _p in FORECAST_PHRASES})}}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">",
                "RIGHT_ID": "preposition",
                "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": sorted({p for _v, p in FORECAST_PHRASES})}},
            },
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # "Tarvex earned $1.12 a share", "the company brought in $18.8 billion": a company's result is its own figure.
    (
        "holder:own-result",
        [
            {
                "RIGHT_ID": "verb",
                "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(_MONEY_VERBS_ALONE)}, "POS": "VERB"},
            },
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    (
        "holder:own-result",
        [
            {
                "RIGHT_ID": "verb",
                "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(_MONEY_VERBS_WITH_PARTICLE)}, "POS": "VERB"},
            },
            {
                "LEFT_ID": "verb",
                "REL_OP": ">",
                "RIGHT_ID": "particle",
                "RIGHT_ATTRS": {"DEP": "prt", "LOWER": {"IN": sorted(_MONEY_PARTICLES)}},
            },
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # "the bureau revised the rate up to 3.1 per cent", "the agency upgraded it from 7.5 to 7.9": who revises a
    # figure gives the new value and the old.
    (
        REVISING_HOLDER,
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(REVISION_VERBS)}, "POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # "officials cut their estimate of those missing to about 940", "the union upped the figure to 50", "cut its
    # revenue forecast to ...": a verb that moves prices too revises a figure when its object is one.
    (
        REVISING_HOLDER,
        [
            {
                "RIGHT_ID": "verb",
                "RIGHT_ATTRS": {
                    "LEMMA": {"IN": sorted(FIGURE_CHANGING_VERBS - REVISION_VERBS)},
                    "POS": "VERB",
                },
            },
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">",
                "RIGHT_ID": "revised",
                "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"IN": sorted(RESTATING_NOUNS | OWNED_FIGURE_NOUNS)}},
            },
        ],
    ),
    # "growth was revised down by the statistics body from 0.1 per cent to zero"
    (
        "holder:revising-verb-agent",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(REVISION_VERBS)}, "POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
            {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "Reuters reports lower numbers: 25 hostages escaped", "The ministry gave its figures: 137 schools closed":
    # a clause of saying or giving before a colon holds the figures after it (see `DocRules.before_colon`).
    (
        "holder:cue-before-colon",
        [
            {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(COLON_CUE_VERBS)}, "POS": "VERB"}},
            {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
    ),
    # "4,000 strikers were counted by the union"
    (
        "holder:giving-verb-agent",
        [
            _GIVING_VERB,
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
            {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "the ministry's estimate of 2,000" (not "Today's data", "October's figure": a day owns no figure)
    (
        "holder:owned-figure",
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS)}}},
            {
                "LEFT_ID": "figure",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "poss", "ENT_TYPE": {"NOT_IN": sorted(TIME_ENTITIES)}},
            },
        ],
    ),
    # "(the organisers’ estimate: 200,000)": in brackets the parser may hang the owner as a modifier (or a subject)
    # that keeps its possessive mark.
    (
        "holder:owned-figure",
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS)}}},
            {"LEFT_ID": "figure", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": {"IN": ["nmod", "nsubj"]}}},
            {"LEFT_ID": "holder", "REL_OP": ">", "RIGHT_ID": "mark", "RIGHT_ATTRS": {"ORTH": {"IN": sorted(POSSESSIVE_MARKS)}}},
        ],
    ),
    # "a police estimate of 55,000", "union figures"
    (
        "holder:owned-figure-compound",
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS)}}},
            {
                "LEFT_ID": "figure",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "compound", "LEMMA": {"IN": sorted(SOURCE_NOUNS)}},
            },
        ],
    ),
    (
        "holder:owned-figure-compound",
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS)}}},
            {
                "LEFT_ID": "figure",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                # (a name, not an emoji the tagger called one: "☠️ Death toll: 14")
                "RIGHT_ATTRS": {"DEP": "compound", "POS": "PROPN", "IS_ALPHA": True},
            },
        ],
    ),
    # "figures from the health ministry", "a count by AFP"
    (
        "holder:figures-from",
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS)}}},
            {
                "LEFT_ID": "figure",
                "REL_OP": ">",
                "RIGHT_ID": "from",
                "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["from", "by"]}},
            },
            {"LEFT_ID": "from", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "the official toll of 61", "the official figure of 300": the authorities' figure, whoever repeats it.
    (
        OFFICIAL_FIGURE,
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS)}}},
            {
                "LEFT_ID": "figure",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "amod", "LOWER": {"IN": sorted(OFFICIAL_WORDS)}},
            },
        ],
    ),
    # "figures released by the election commission", "a count compiled by AFP"
    (
        "holder:figures-by",
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS)}}},
            {
                "LEFT_ID": "figure",
                "REL_OP": ">",
                "RIGHT_ID": "published",
                "RIGHT_ATTRS": {"DEP": "acl", "LEMMA": {"IN": sorted(PUBLISHING_VERBS)}},
            },
            {"LEFT_ID": "published", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
            {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "the expectations of analysts", "the estimate of the ministry" (not "an estimate of 2,000")
    (
        "holder:figures-of",
        [
            {"RIGHT_ID": "figure", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OWNED_FIGURE_NOUNS - COUNTING_NOUNS)}}},
            {
                "LEFT_ID": "figure",
                "REL_OP": ">",
                "RIGHT_ID": "of",
                "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"},
            },
            {
                "LEFT_ID": "of",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": {"IN": sorted(SOURCE_NOUNS)}},
            },
        ],
    ),
    # "the original toll of 59 dead given to AFP by security sources", "the 74 percent claimed by union leaders":
    # a figure's noun described by a verb of giving or saying, with its agent.
    (
        "holder:given-by",
        [
            # Anchored on the rare verb, not on every noun: the figure's noun is the verb's head ("<").
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "acl", "LEMMA": {"IN": sorted(COLON_CUE_VERBS)}}},
            {
                "LEFT_ID": "verb",
                "REL_OP": "<",
                "RIGHT_ID": "figure",
                "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "NUM", "ADJ"]}},
            },
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
            {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "compared with a 0.2% increase forecast by economists": the parser may take the participle for the phrase's
    # head, the figure's noun for its compound.
    (
        "holder:given-by",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "DEP": "pobj", "LEMMA": {"IN": sorted(COLON_CUE_VERBS)}}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">",
                "RIGHT_ID": "figure",
                "RIGHT_ATTRS": {"DEP": "compound", "POS": {"IN": ["NOUN", "NUM"]}},
            },
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
            {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "the 5.15 million votes the electoral authority said Maduro had won": a figure's noun with a clause of
    # saying about it.
    (
        "holder:said-of",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "relcl", "LEMMA": {"IN": sorted(COLON_CUE_VERBS)}}},
            {
                "LEFT_ID": "verb",
                "REL_OP": "<",
                "RIGHT_ID": "figure",
                "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "NUM"]}},
            },
            {
                "LEFT_ID": "verb",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "nsubj", "POS": {"IN": ["NOUN", "PROPN"]}},
            },
        ],
    ),
    # "union claims that it is to lay off up to 2,000 workers", "the ministry's report that 300 died": the owner
    # of a statement holds what its content clause says (see `_content_owner`).
    (
        "holder:claim-owner",
        [
            {"RIGHT_ID": "claim", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(CLAIM_NOUNS)}}},
            {"LEFT_ID": "claim", "REL_OP": ">", "RIGHT_ID": "holder", "RIGHT_ATTRS": {"DEP": "poss"}},
        ],
    ),
    (
        "holder:claim-owner",
        [
            {"RIGHT_ID": "claim", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(CLAIM_NOUNS)}}},
            {
                "LEFT_ID": "claim",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "compound", "LEMMA": {"IN": sorted(CLAIMANT_NOUNS)}},
            },
        ],
    ),
    # "beating forecasts of 1.8 percent", "expectations for 0.3 percent": expectations no one is named for are the
    # market's, a source of their own beside the result (the patterns naming an owner come first and win).
    (
        "holder:unowned-expectation",
        [
            # plural: "beating the forecast of 1.8 percent" is one forecast, someone's, named elsewhere
            {"RIGHT_ID": "holder", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(f"{noun}s" for noun in EXPECTATION_NOUNS)}}},
            {
                "LEFT_ID": "holder",
                "REL_OP": ">",
                "RIGHT_ID": "of",
                "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["of", "for"]}},
            },
            {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "value", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "missing the consensus estimate of 70 cents": one forecast, but a consensus of forecasters, named by none.
    (
        "holder:unowned-expectation",
        [
            {"RIGHT_ID": "holder", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(EXPECTATION_NOUNS)}}},
            {
                "LEFT_ID": "holder",
                "REL_OP": ">",
                "RIGHT_ID": "poll",
                "RIGHT_ATTRS": {"DEP": "compound", "LEMMA": {"IN": sorted(POLL_NOUNS)}},
            },
            {"LEFT_ID": "holder", "REL_OP": ">", "RIGHT_ID": "of", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"}},
            {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "value", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ],
    ),
    # "the 440 million euros expected in a company-compiled consensus": a poll holds what is expected in it.
    (
        "holder:in-a-poll",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(EXPECTING_VERBS)}, "POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "in", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "in"}},
            {
                "LEFT_ID": "in",
                "REL_OP": ">",
                "RIGHT_ID": "holder",
                "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": {"IN": sorted(POLL_NOUNS)}},
            },
        ],
    ),
)

# A statement noun's content clause ("claims that ...", "a report that ..."), and how many clauses a figure's verb
# may sit below it ("claims that it is to lay off 2,000": "lay" -> "is" -> "claims").
CONTENT_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
MAX_CONTENT_CLIMB = 3

# How the figure hangs from a verb of giving when the verb's subject holds it: its object, or "at"/"to" a value.
# Holders whose own phrase holds the value ("forecasts of 1.8 percent"): the number inside them is theirs.
VALUE_IN_HOLDER_RULES = frozenset({"holder:unowned-expectation", MISREAD_GIVING_VERB})
GIVEN_DEPS = frozenset("dobj attr oprd acomp nsubjpass dative".split())  # "The estimate was 40 dead": acomp
# The preposition that names a document's author: "a study by the institute".
AUTHOR_PREPOSITIONS = frozenset(["by"])
GIVEN_PREPOSITIONS = frozenset("at to from on between".split())  # "on revenue of $4.1 billion", "EPS between $0.84 and $0.86"

# The most sentence runs the parse patterns are matched in one by one; past it, in the whole document at once.
MAX_DEPENDENCY_REGIONS = 8

# A line's trailing source: at most this many words after a colon or dash ending the line ("…: WHO").
TRAILING_SOURCE_WORDS = 4
TRAILING_SOURCE_MARKS = frozenset({":", "-", "–", "—"})
# The parts of speech a source's name is made of.
NAME_WORD_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PRON"})

# How many tokens a figure and an "according to" phrase may lie apart and still belong together.
ACCORDING_TO_REACH = 25


@dataclass(frozen=True)
class Holder:
    """A figure's source as the sentence gives it: the head of the source's phrase and the rule that found it."""

    head: Token
    rule: str
    # The source's name as written, when the construction bounds it itself (a line's trailing "…: WHO").
    text: str | None = None


@dataclass
class DocRules:
    """What the declared patterns found in one document, indexed for the figure finder."""

    not_a_count: dict[int, str] = field(default_factory=dict)
    parts: dict[int, str] = field(default_factory=dict)
    baselines: dict[int, str] = field(default_factory=dict)
    increments: dict[int, str] = field(default_factory=dict)
    according_to: list[tuple[int, Holder]] = field(default_factory=list)  # (index of "according", holder)
    according_to_starts: list[int] = field(default_factory=list)  # the indexes alone, for bisecting
    by_verb: dict[int, Holder] = field(default_factory=dict)
    by_figure_noun: dict[int, Holder] = field(default_factory=dict)
    by_claim_noun: dict[int, Holder] = field(default_factory=dict)
    in_brackets: dict[int, Holder] = field(default_factory=dict)
    # The number a source's noun stands right before in a post's line -> that noun ("police ~2,000").
    source_before: dict[int, Holder] = field(default_factory=dict)
    # The numbers of a bracketed change -> the item it is of ("real estate (4% from 4.7%)" -> "estate").
    items: dict[int, str] = field(default_factory=dict)
    # The first number word of a value forecasters expected, written before them -> the forecasters.
    expected_by: dict[int, Holder] = field(default_factory=dict)
    # (index of a colon, the holder of the clause of saying before it in its sentence), in order
    before_colon: list[tuple[int, Holder]] = field(default_factory=list)
    before_colon_starts: list[int] = field(default_factory=list)
    # (index of a colon or dash ending a line before a source's name, that holder), in order
    trailing: list[tuple[int, Holder]] = field(default_factory=list)
    trailing_starts: list[int] = field(default_factory=list)  # keyed by the word before the bracket


class FigureRules:
    """The declared patterns, compiled for one vocabulary."""

    def __init__(self, vocab: Vocab) -> None:
        self._token_rules: dict[str, tuple[str, int]] = {}
        self.matcher = Matcher(vocab)
        for family, rules in (
            ("not_a_count", NOT_A_COUNT),
            ("parts", PARTS),
            ("baselines", BASELINES),
            ("increments", INCREMENTS),
            ("in_brackets", IN_BRACKETS),
            ("expected_by", EXPECTED_BY),
            ("items", BRACKETED_ITEMS),
            ("source_before", SOURCE_BEFORE_VALUES),
        ):
            for number, (label, pattern, offset) in enumerate(rules):
                key = f"{label}#{number}"
                self._token_rules[key] = (family, offset)
                self.matcher.add(key, [pattern])
        self.dependency_matcher = DependencyMatcher(vocab)
        for number, (label, pattern) in enumerate(HOLDERS):
            self.dependency_matcher.add(f"{label}#{number}", [pattern])

    def read(self, doc: Doc, numbers: list[int] | None = None) -> DocRules:
        """The rules' findings in `doc`; with `numbers` (token indexes of its number words), only in the sentences
        that hold one: every rule is about a figure in its own sentence, and most sentences hold none."""
        found = DocRules()
        strings = doc.vocab.strings
        regions = _regions(doc, numbers) if numbers is not None else [doc[:]]
        token_matches = [
            (match_id, region.start + start, region.start + end)
            for region in regions
            for match_id, start, end in self.matcher(region)
        ]
        for match_id, start, end in token_matches:
            key = strings[match_id]
            family, offset = self._token_rules[key]
            label = key.split("#")[0]
            if family == "in_brackets":
                # Named by the bracket's own words ("(police)"), whatever the parser hung on them.
                inside = doc[start + 1 : end - 1]
                noun = next((t for t in inside if t.lemma_.lower() in SOURCE_NOUNS), inside[-1])
                if len(inside) == 1 and inside[0].lower_ in NOT_BRACKETED_SOURCES:
                    continue
                holder = Holder(noun, label, inside.text)
                if start > 0 and doc[start - 1].pos_ in BRACKETED_FIGURE_POS:
                    found.in_brackets.setdefault(start + offset, holder)
                number = _number_before_bracket(doc, start)
                if number is not None:
                    found.in_brackets.setdefault(number, holder)
            elif family == "source_before":
                # (the noun before any bracket: "Organisers (Civic Union):" are the organisers)
                label_end = next((t.i for t in doc[start + 1 : end] if t.text == OPENING_BRACKET), end)
                noun = next(t for t in reversed(doc[start + 1 : label_end]) if t.lower_ in SOURCE_NOUNS)
                found.source_before.setdefault(end - 1, Holder(noun, label, doc[start + 1 : noun.i + 1].text))
            elif family == "items":
                after_from = False
                for token in doc[start:end]:
                    if token.like_num:
                        found.items.setdefault(token.i, doc[start].lemma_.lower())
                        if after_from:  # the value it changed from, in either sense: compared with nothing
                            found.baselines.setdefault(token.i, label)
                    after_from = after_from or token.lower_ == "from"
            elif family == "expected_by":
                forecasters = next(t for t in doc[start:end] if t.lemma_.lower() in FORECASTER_NOUNS)
                number = next(t for t in doc[start:end] if t.like_num)  # after a currency symbol, if any
                found.expected_by.setdefault(number.i, Holder(forecasters, label, forecasters.text))
            else:
                if label == DIGIT_RUN and "\n" in doc_text(doc)[doc[start].idx : doc[end - 1].idx]:
                    continue  # "union says 31⏎4 brought out alive": two lines' numbers, no code
                getattr(found, family).setdefault(start + offset, label)
        cues: list[tuple[int, Holder]] = []
        # spaCy's DependencyMatcher copies the whole document for each span it is given (`Span.as_doc`): past a
        # few regions, one pass over the document costs less, and it keeps a text of many regions linear.
        parse_regions = regions if len(regions) <= MAX_DEPENDENCY_REGIONS else [doc[:]]
        dependency_matches = [
            (match_id, [region.start + i for i in token_ids])
            for region in parse_regions
            for match_id, token_ids in self.dependency_matcher(region)
        ]
        for match_id, token_ids in dependency_matches:
            label = strings[match_id].split("#")[0]
            pattern = HOLDERS[int(strings[match_id].split("#")[1])][1]
            nodes = {p["RIGHT_ID"]: doc[i] for p, i in zip(pattern, token_ids, strict=True)}
            if label == MISREAD_GIVING_VERB:
                figure_noun = nodes["verb"].head
                valued_at = any(c.dep_ == "prep" and c.lower_ == "at" for c in figure_noun.children)
                subject = _subject_before(nodes["verb"]) if valued_at and figure_noun.pos_ == "NOUN" else None
                subject = subject or _subject_of_stranded_auxiliary(nodes["verb"])
                if subject is not None:
                    found.by_figure_noun.setdefault(figure_noun.i, Holder(subject, label))
                continue
            holder = Holder(past_places(nodes["holder"]), label)
            if label == "holder:in-a-poll" and not _a_survey(nodes["holder"]):
                continue  # "turnout in Sunday's poll", "in the poll": the vote itself, no survey
            if label == "holder:unowned-expectation":
                # Named as written ("forecasts", "consensus estimate"), and keyed by its own noun, after any owner's
                # pattern.
                written = f"{nodes['poll'].text} {nodes['holder'].text}" if "poll" in nodes else nodes["holder"].text
                found.by_figure_noun.setdefault(nodes["holder"].i, Holder(nodes["holder"], label, written))
                continue
            if label == OFFICIAL_FIGURE:
                # Named as the text names it ("official estimates", "the official toll"), keyed as the officials'.
                holder = Holder(nodes["holder"], label, f"{nodes['holder'].text} {nodes['figure'].text}")
            if holder.head.ent_type_ in NOT_SOURCE_ENTITIES or _named_storm(holder.head):
                continue  # "an estimate from Hurricane Irene by AIR Worldwide": the event is no source
            counted = any(c.dep_ == "nummod" and c.like_num for c in holder.head.children)
            if label in COUNTED_PLACES_LABELS and counted and not can_speak(holder.head):
                # "figures from 267 constituencies show": where the count was made, no one who made it ("figures
                # from three hospitals" are the hospitals')
                continue
            if label == HOLDER_ACCORDING_TO:
                initials = nodes["holder"].is_upper and nodes["holder"].ent_type_ == "ORG"
                if nodes["according"].lower_ == "per" and "figures" not in nodes and not (names_a_body(nodes["holder"]) or initials):
                    continue  # "$5 million per company": a rate (not "per company figures")
                found.according_to.append((nodes["according"].i, holder))
            elif label == "holder:cue-before-colon":
                cues.append((nodes["cue"].i, holder))
            elif "claim" in nodes:  # "union claims that ...": the statement's noun
                found.by_claim_noun.setdefault(nodes["claim"].i, holder)
            elif "figure" in nodes:  # the pattern holds the figure's own noun: "the ministry's estimate"
                figure = nodes["figure"]
                if label == "holder:given-by" and figure.dep_ == "pobj" and figure.head.lower_ in RATE_WORDS:
                    figure = figure.head.head  # "$1.95 per share expected by analysts": the rate's value
                # ("the official death toll provided by the government": the body named beats "official")
                existing = found.by_figure_noun.get(figure.i)
                if existing is None or (existing.rule == OFFICIAL_FIGURE and label != OFFICIAL_FIGURE):
                    found.by_figure_noun[figure.i] = holder
            else:
                # Two subjects hung on one verb ("Lindau quake: ... national institute says 6.0"): the nearer one.
                verb = nodes["verb"].i
                existing = found.by_verb.get(verb)
                nearer = existing is not None and abs(holder.head.i - verb) < abs(existing.head.i - verb)
                if existing is None or (existing.rule == label and nearer):
                    found.by_verb[verb] = holder
        found.according_to.sort(key=lambda pair: pair[0])
        marks = _mark_indexes(doc, regions)
        found.before_colon = _colon_holders(doc, sorted(cues, key=lambda pair: pair[0]), marks)
        found.trailing = _trailing_sources(doc, marks)
        found.trailing_starts = [i for i, _holder in found.trailing]
        found.before_colon_starts = [i for i, _holder in found.before_colon]
        found.according_to_starts = [i for i, _holder in found.according_to]
        return found


def _named_storm(name: Token) -> bool:
    """'the toll from Cyclone Sidr', whatever the recogniser made of the name: a storm named by its kind."""
    return any(c.dep_ == "compound" and c.lemma_.lower() in EVENT_KINDS[STORM] for c in name.children)


def _a_survey(poll: Token) -> bool:
    """'a Reuters poll', 'a company-compiled consensus', 'a survey of economists': a survey, named as one ("a")
    or by who ran it; 'Sunday's poll', 'the poll' are most often the vote itself."""
    if any(c.dep_ == "poss" for c in poll.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in poll.children)


# White-space and bullet tokens that may stand between a list's opening colon and its first figure.
MAX_BLANK_TOKENS = 3


def _regions(doc: Doc, numbers: list[int]) -> list[Span]:
    """Runs of consecutive sentences that hold a number word, in document order, each with the sentence before
    it when that one ends in a colon ("Here's what the company reported:" opening a list of figures)."""
    regions: list[Span] = []
    for index in numbers:
        sentence = sentence_of(doc[index])
        start = sentence.start
        if regions and start <= regions[-1].end:
            if sentence.end > regions[-1].end:
                regions[-1] = doc[regions[-1].start : sentence.end]
            continue
        last = start - 1
        while last >= 0 and (doc[last].is_space or doc[last].text in BULLET_MARKS) and start - last <= MAX_BLANK_TOKENS:
            last -= 1
        if last >= 0 and doc[last].text == ":":
            start = sentence_of(doc[last]).start
        regions.append(doc[start : sentence.end])
    return regions


def _mark_indexes(doc: Doc, regions: list[Span]) -> list[int]:
    """Indexes of the colons and dashes in the regions, from the parse's arrays (no token built per word)."""
    marks = _mark_hashes(doc.vocab)
    orths = doc.to_array("ORTH").tolist()
    return [i for region in regions for i in range(region.start, region.end) if orths[i] in marks]


@lru_cache(maxsize=4)
def _mark_hashes(vocab: Vocab) -> frozenset[int]:
    return frozenset(vocab.strings.add(mark) for mark in TRAILING_SOURCE_MARKS | {":"})


def _trailing_sources(doc: Doc, marks: list[int]) -> list[tuple[int, Holder]]:
    """'Only 7 confirmed swine flu deaths: WHO', 'Death toll rises to 40 - police': a line (a headline, a post)
    that ends in a colon or dash and a short source name. Each such colon (of `marks`), with the name's last
    word."""
    found = []
    for index in marks:
        token = doc[index]
        if token.text not in TRAILING_SOURCE_MARKS or not token.whitespace_:
            continue
        words = []
        for following in doc[token.i + 1 : token.i + TRAILING_SOURCE_WORDS + 2]:
            # ("Bus crash kills 9 — police. Hospital says 12 dead.": a post's line may hold more than one sentence)
            if "\n" in following.text or following.is_space or following.text in SENTENCE_END_MARKS:
                break
            words.append(following)
        else:
            if token.i + TRAILING_SOURCE_WORDS + 2 <= len(doc):
                continue  # the line goes on: a colon introducing words, not a source's name
        words = [w for w in words if not w.is_punct]
        if not 1 <= len(words) <= TRAILING_SOURCE_WORDS:
            continue
        last = words[-1]
        named = (
            last.pos_ == "PROPN"
            or (last.is_upper and len(last.text) > 1)
            or last.lemma_.lower() in SOURCE_NOUNS
        )
        if named and all(w.pos_ in NAME_WORD_POS or w.is_upper for w in words):
            name = doc[words[0].i : last.i + 1].text
            found.append((token.i, Holder(last, "holder:trailing-source", name)))
    return found


def _colon_holders(doc: Doc, cues: list[tuple[int, Holder]], marks: list[int]) -> list[tuple[int, Holder]]:
    """Each colon (of `marks`) that ends a clause of saying, with that clause's subject: the nearest cue before
    the colon in its sentence whose subject is a name or a noun (a pronoun says nothing here)."""
    starts = [i for i, _holder in cues]
    found = []
    for index in marks:
        token = doc[index]
        if token.text != ":":
            continue
        before = bisect.bisect_left(starts, token.i) - 1
        if before < 0:
            continue
        cue, holder = cues[before]
        if holder.head.pos_ in NOUN_POS and sentence_of(doc[cue]).start == sentence_of(token).start:
            found.append((token.i, Holder(holder.head, "holder:cue-before-colon")))
    return found


@lru_cache(maxsize=4)
def rules_for(vocab: Vocab) -> FigureRules:
    """The compiled patterns for a vocabulary (one per loaded pipeline)."""
    return FigureRules(vocab)


def read_rules(doc: Doc, numbers: list[int] | None = None) -> DocRules:
    return rules_for(doc.vocab).read(doc, numbers)


def holder_of(
    number: Token, first: int, path: list[Token], rules: DocRules, numbers: list[int]
) -> Holder | None:
    """Who gives the figure whose number phrase runs from token `first` to `number`, by the most local
    construction that names them.

    `path` is the number and its heads up to its verb; `numbers` the sorted token indexes of the document's
    number words, which bound how far an "according to" phrase reaches.
    """
    # "police estimate: 55,000": the figure noun labels the number after its colon.
    if first >= 2 and number.doc[first - 1].text == ":" and first - 2 in rules.by_figure_noun:
        return rules.by_figure_noun[first - 2]
    # "the 300 that police had counted", "the $1.20 analysts had expected": a relative clause that gives the
    # figure it hangs on.
    # (and a participle on it: "the 440 million euros expected in a company-compiled consensus")
    participles = [c for node in path[1:-1] for c in node.children if c.dep_ == "acl" and c.i in rules.by_verb]
    for child in [*relative_clauses(number, path), *participles]:
        if child.i in rules.by_verb:
            holder = rules.by_verb[child.i]
            if can_speak(holder.head) and not _inside(number, holder.head):
                return holder
    for node in path:
        if node.i in rules.by_figure_noun and (
            not _inside(number, rules.by_figure_noun[node.i].head)
            or rules.by_figure_noun[node.i].rule in VALUE_IN_HOLDER_RULES
        ):
            return rules.by_figure_noun[node.i]
        # "the toll of 59 dead and 57 wounded given to AFP by security sources": a phrase on the last of joined
        # figures gives them all.
        for joined in (c for c in node.children if c.dep_ == "conj" and c.i > number.i):
            if joined.i in rules.by_figure_noun and rules.by_figure_noun[joined.i].rule == "holder:given-by":
                return rules.by_figure_noun[joined.i]
        # (a bracket before the number is another figure's: "34.2% (police) vs 27% (Unity Bloc)")
        if node.i in rules.in_brackets and rules.in_brackets[node.i].head.i > number.i:
            return rules.in_brackets[node.i]
        if node.i in rules.source_before:
            return rules.source_before[node.i]
    verb = path[-1]
    holder = rules.by_verb.get(verb.i)
    if holder is None:
        # "Figures from the electoral commission showed turnout of 48.2 percent": the figures' owner gives what
        # they show.
        holder = next(
            (
                rules.by_figure_noun[c.i]
                for c in verb.children
                if c.dep_ in SUBJECT_DEPS and c.i in rules.by_figure_noun
            ),
            None,
        )
        # "11 million gallons has become the official number": the figure noun a copula makes its subject
        below = path[-2] if len(path) > 1 else number
        if holder is None and verb.lemma_.lower() in COPULA_VERBS and below.dep_ in SUBJECT_DEPS:
            named = next((c for c in verb.children if c.dep_ == "attr" and c.i in rules.by_figure_noun), None)
            if named is not None:
                return rules.by_figure_noun[named.i]
    owner = _content_owner(verb, rules)
    if owner is not None:
        return owner
    if holder is None and verb.dep_ in RELATIVE_CLAUSE_DEPS and verb.head.i in rules.by_figure_noun:
        # "analyst expectations, which were set at an EPS of $0.91": the clause gives the owned figure's value.
        return rules.by_figure_noun[verb.head.i]
    if holder is None and verb.dep_ == "ccomp":
        # "The AP count shows at least 1,453 people died": the clause a figure noun shows is its owner's.
        shown = next(
            (
                rules.by_figure_noun[c.i]
                for c in verb.head.children
                if c.dep_ in SUBJECT_DEPS and c.i in rules.by_figure_noun
            ),
            None,
        )
        if shown is not None and verb.head.lemma_.lower() in SHOWING_VERBS:
            return shown
        # "the UN estimated that 1,100 homes had been destroyed": who estimates or counts gives what the clause
        # counts.
        estimator = rules.by_verb.get(verb.head.i)
        # ("Renn said her officials estimated that ...": the speaker's own people give the speaker's figure.)
        own_people = estimator is not None and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in estimator.head.children
        )
        giving = verb.head.lemma_.lower() in FIGURE_GIVING_VERBS
        if estimator is not None and giving and can_speak(estimator.head) and not own_people:
            return estimator
    # "With 152 cases, Veracruz recorded the most", "China is expecting 6.5 percent growth": a place that tallies
    # or expects is the figure's scope, not its source.
    place_tally = (
        holder is not None
        and holder.head.ent_type_ in PLACE_ENTITIES
        and (verb.lemma_ in TALLY_VERBS or verb.lemma_ in FORECAST_WORDS)
    )
    # The figure must be what the verb gives ("counted 4,000", "put the crowd at 3,000"), not an adjunct
    # ("With 152 cases, X recorded the highest number").
    below = path[-2] if len(path) > 1 else number
    if below.lower_ in DIRECTION_WORDS and len(path) > 2:
        below = path[-3]  # "revised the figure down to 36,000": the direction, then "to" the value
    # "The median forecast in a Reuters poll was for a 0.2 percent rise": what a forecast is "for".
    forecast_for = below.lower_ == "for" and any(
        c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in FORECAST_WORDS for c in verb.children
    )
    # "spoke of 150,000", "were looking for $538 million"
    phrase = (verb.lemma_.lower(), below.lower_)
    spoke_of = phrase in NUMBER_SPEAKING_PHRASES or phrase == FORECASTERS_EXPECTING_PHRASE
    given = (
        below.dep_ in GIVEN_DEPS
        or (below.dep_ == "prep" and (below.lower_ in GIVEN_PREPOSITIONS or forecast_for or spoke_of))
        # "put the death toll above 1,000"
        or (below.lower_ in BOUND_GIVING_PREPOSITIONS and verb.lemma_.lower() in FIGURE_GIVING_VERBS)
        or misread_figure_noun(below)  # "it revised that estimate upward to 900,000": the verb's object
    )
    if holder is not None and given and not place_tally and not _inside(number, holder.head):
        # ("Rebels say 12 killed": whoever says a number gives it; only a verb of counting needs a subject that can
        # speak, "its turnstiles had recorded 49,800 entries")
        if can_speak(holder.head) or (holder.rule == HOLDER_SAID_NUMBER and holder.head.pos_ in NOUN_POS):
            return holder
        # "A police estimate put the number at 55,000": the estimate's owner gives it; an estimate with no owner
        # named ("a count commissioned by ...") leaves the figure to the sentence's speaker.
        owner = rules.by_figure_noun.get(holder.head.i)
        if owner is not None:
            return owner
        # "The revised outlook anticipates EPS of $2.10": guidance with no owner named is a business's own word;
        # which business, the analysis finds before it.
        if holder.head.lemma_.lower() in GUIDANCE_NOUNS and not any(c.dep_ == "poss" for c in holder.head.children):
            return holder
        # "The airline's manifest listed 153 passengers", "a study by the institute estimated 640 deaths": a
        # document's author gives what it lists.
        if holder.head.lemma_.lower() in VEHICLE_NOUNS:
            author = _author_of(holder.head)
            if author is not None:
                return Holder(author, holder.rule)
        if _counted_apart(holder.head, path):
            return holder
    return (
        _according_to(number, first, rules, numbers)
        or _before_colon(number, rules)
        or _trailing(number, rules)
    )


def _author_of(document: Token) -> Token | None:
    """Who wrote a document, when its phrase names them: "the airline's manifest", "a study by the institute"."""
    for child in document.children:
        if child.dep_ == "poss" and can_speak(child):
            return child
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            author = next((c for c in child.children if c.dep_ == "pobj" and can_speak(c)), None)
            if author is not None:
                return author
    return None


def _counted_apart(figure_noun: Token, path: list[Token]) -> bool:
    """'..., while an independent count for media outlets put the crowd at 120,000': a count, in a clause of its
    own set against the sentence's main clause, is no one's but its own; the speaker of the main clause didn't give
    it."""
    verb = path[-1]
    return (
        figure_noun.lemma_.lower() in OWNED_FIGURE_NOUNS
        and verb.dep_ in CONTRAST_CLAUSE_DEPS
        and any(c.dep_ in ("mark", "cc") and c.lower_ in CONTRAST_MARKERS for c in (*verb.children, *verb.head.children))
    )


def _content_owner(verb: Token, rules: DocRules) -> Holder | None:
    """The owner of the statement whose content clause the figure's verb is in ("union claims that it is to lay
    off up to 2,000 workers"), climbing clauses within that content (`MAX_CONTENT_CLIMB`)."""
    node = verb
    for _ in range(MAX_CONTENT_CLIMB):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in CONTENT_CLAUSE_DEPS and head.i in rules.by_claim_noun:
            return rules.by_claim_noun[head.i]
        if node.dep_ not in CONTENT_CLAUSE_DEPS | {"xcomp"}:
            return None
        node = head
    return None


def _trailing(number: Token, rules: DocRules) -> Holder | None:
    """The source named at the end of the figure's line, after a colon or dash ('… deaths: WHO')."""
    after = bisect.bisect_right(rules.trailing_starts, number.i)
    if after >= len(rules.trailing):
        return None
    mark, holder = rules.trailing[after]
    sentence = sentence_of(number)
    if mark < sentence.end:
        return holder
    # ("- 41 — civil defence office": a list's line the parser cut after the number, its own sentence all marks and
    # digits; the line's dash is still the number's)
    doc = number.doc
    bare = not any(t.is_alpha for t in sentence)
    return holder if bare and "\n" not in doc[sentence.end - 1 : mark].text_with_ws else None


# How far (in characters) a list introduced by a clause of saying ("Here's what the company reported:") may run.
LIST_REACH = 3000


def _before_colon(number: Token, rules: DocRules) -> Holder | None:
    """The holder of a clause of saying that ends in a colon before the figure, in its sentence or opening a
    list whose line the figure is on ("Here's what IBM reported:" then "- Revenue was $18.8 billion")."""
    before = bisect.bisect_left(rules.before_colon_starts, number.i) - 1
    if before < 0:
        return None
    colon, holder = rules.before_colon[before]
    if colon >= sentence_of(number).start:
        return holder
    doc = number.doc
    start = doc[colon].idx + 1
    if number.idx - start > LIST_REACH:
        return None
    rest_of_line, *lines = doc_text(doc)[start : number.idx].split("\n")
    lines = [line.strip() for line in lines if line.strip()]
    if rest_of_line.strip() or not lines or any(line[0] not in BULLET_MARKS for line in lines):
        return None
    return holder


def can_speak(head: Token) -> bool:
    """Whether a verb's subject can be a figure's source: a name, a pronoun (resolved later), or a noun for
    people or organisations. "Its turnstiles had recorded 49,800 entries" gives the stadium's figure, not the
    turnstiles'; "a count ... estimated" leaves the figure to its owner or the sentence's speaker."""
    if head.ent_type_ in NOT_SOURCE_ENTITIES:
        return False  # "counted by Sunday": a day, not an agent
    return (
        head.pos_ in NAME_OR_PRONOUN_POS
        or head.ent_type_ in SOURCE_ENTITIES
        or head.lemma_.lower() in SOURCE_NOUNS | POLL_NOUNS  # "expected in a Reuters poll"
        or head.lower_ in SOURCE_NOUNS
    )


def _any_between(numbers: list[int], low: int, high: int) -> bool:
    """Whether a number word lies strictly between token indexes `low` and `high`."""
    at = bisect.bisect_right(numbers, low)
    return at < len(numbers) and numbers[at] < high


def _according_to(number: Token, first: int, rules: DocRules, numbers: list[int]) -> Holder | None:
    """'3,000, according to police, and 12,000, according to the organisers': the phrase right after the figure
    with no other figure between them; failing that, the nearest phrase before it in the sentence."""
    sentence = sentence_of(number)
    phrases = rules.according_to
    starts = rules.according_to_starts
    after = bisect.bisect_right(starts, number.i)
    if after < len(phrases):
        i, holder = phrases[after]
        # ("3,000 residents were evacuated from eight villages, according to the agency": a number between in the
        # same clause is no figure with a phrase of its own)
        own_clause = number.doc[i].head.i == _verb_above(number)
        if i < sentence.end and i - number.i <= ACCORDING_TO_REACH and (
            own_clause or not _any_between(numbers, number.i, i)
        ):
            return holder
    before = bisect.bisect_left(starts, first) - 1
    while before >= 0 and _inside(number, phrases[before][1].head):
        before -= 1
    if before >= 0 and phrases[before][0] >= sentence.start:
        i, holder = phrases[before]
        if _said_after(number, i):
            return None  # "450, according to the governor, while the UN estimated that 1,100 ...": the UN's
        # "According to police, 3,000 came; organisers said 12,000": a far phrase with other figures between
        # speaks for those.
        if not _any_between(numbers, i, first) or first - i <= ACCORDING_TO_REACH:
            return holder
    return None


def _subject_before(verb: Token) -> Token | None:
    """The subject of the sentence's main verb, when it comes before `verb` and a comma sets `verb` off from the
    words before it (", estimated turnout at 44%"); None otherwise ("the estimated turnout at 44%")."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    root = verb.sent.root
    return next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)


def _subject_of_stranded_auxiliary(participle: Token) -> Token | None:
    """'Analysts had on average expected revenue of Rs 17,235 crore': a phrase between the auxiliary and its
    participle leads the parser to make "had" the sentence's verb and the participle a modifier of the noun after
    it; the auxiliary's subject is the participle's."""
    root = participle.sent.root
    if participle.tag_ not in PAST_PARTICIPLE_TAGS or root.lemma_.lower() != "have" or root.i > participle.i:
        return None
    if any(c.dep_ in OBJECT_DEPS for c in root.children):
        return None  # "the ministry has 2,000 staff": a verb of its own
    return next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < root.i), None)


def _verb_above(number: Token) -> int | None:
    """The index of the first verb above the number: the verb of its clause."""
    return next((a.i for a in number.ancestors if a.pos_ in VERB_POS), None)


_SAYING_OR_GIVING_VERBS = CUE_VERBS | FIGURE_GIVING_VERBS


def _said_after(number: Token, phrase: int) -> bool:
    """Whether the figure is in what a source after token `phrase` says or estimates ("..., while the UN
    estimated that 1,100 homes had been destroyed", "but aid workers estimated the toll at more than 300"): a
    clause of its own speaker."""
    for ancestor in number.ancestors:
        if ancestor.i <= phrase:
            return False
        speaks = ancestor.lemma_.lower() in _SAYING_OR_GIVING_VERBS
        if speaks and any(c.dep_ in SUBJECT_DEPS for c in ancestor.children):
            return True
    return False


def _inside(number: Token, head: Token) -> bool:
    """Whether the number is part of the holder's own phrase ('two officials', 'the 12-member panel')."""
    return head.left_edge.i <= number.i <= head.right_edge.i
