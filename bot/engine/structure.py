"""What a figure counts, read from the dependency parse: counted thing, quantity, unit, period, status.

The parse gives the number's counted noun ("1,150 jobs"), the words attached to that noun ("homes destroyed",
"jobs that would disappear") and the clause around it ("18,000 people took part", "put the figure at 120,000",
"turnout stood at 61%"). The words found there are mapped onto the small families of `measures.py`; nothing
here knows a domain. Two figures are comparable only when their structures agree (`compatible`).
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from bot.engine.doccache import doc_text, entity_at, sentence_of, sentence_text
from bot.engine.grammar import (
    ACTIVE_SUBJECT_DEPS,
    ADJECTIVAL_MODIFIER_DEPS,
    ADJUNCT_CLAUSE_DEPS,
    ADVERB_COMPLETION_DEPS,
    APPOSITION_DEPS,
    AUXILIARY_DEPS,
    CHANGE_AMOUNT_DEPS,
    CHANGE_POS,
    COMPARATIVE_TAGS,
    CONJUNCT_DEPS,
    CONTRAST_CLAUSE_DEPS,
    COPULA_VALUE_DEPS,
    DETERMINER_DEPS,
    EVENT_MODIFIER_DEPS,
    MISREAD_OBJECT_DEPS,
    MODIFIER_DEPS,
    NAME_PART_DEPS,
    NEGATION_DEPS,
    NOUN_CLAUSE_DEPS,
    NOUN_MODIFIER_DEPS,
    NOUN_PHRASE_HEAD_POS,
    NOUN_PHRASE_OPENING_POS,
    NOUN_POS,
    NUMBER_ATTACHMENT_DEPS,
    OBJECT_DEPS,
    OF_OBJECT_POS,
    OPEN_COMPLEMENT_DEPS,
    PARTICIPLE_TAGS,
    PATIENT_DEPS,
    PEOPLE_ENTITIES,
    PERIOD_MODIFIER_DEPS,
    PHRASE_ONLY_COMPLETION_DEPS,
    PLACES_MISTAGGED_AS,
    PLURAL_NOUN_TAGS,
    PREDICATE_POS,
    PRENOMINAL_MODIFIER_DEPS,
    PREPOSITION_OBJECT_DEPS,
    PRESENT_PARTICIPLE_TAGS,
    RATE_GAP_POS,
    RELATIVE_CLAUSE_DEPS,
    SAID_CLAUSE_DEPS,
    SCOPE_ENTITIES,
    SHARE_OWNER_DEPS,
    SIDE_DEPS,
    SIDE_ENTITIES,
    SPEAKING_ENTITIES,
    STAND_IN_POS,
    STATE_POS,
    SUBJECT_DEPS,
    TIME_ENTITIES,
    VALUE_OF_NOUN_DEPS,
    VERB_ARGUMENT_DEPS,
    VERB_COMPLETION_DEPS,
    VERB_POS,
)
from bot.engine.lexicon import (
    ALONE_WORDS,
    ALTERNATIVE_MARKS,
    AS_BOUND_WORDS,
    BELIEVING_VERBS,
    BULLET_MARKS,
    COMBINED_SCOPE,
    COMBINED_WORDS,
    COMPASS_WORDS,
    COPULA_VERBS,
    CUE_VERBS,
    DATELINE_PLACE_NOUNS,
    DEMONSTRATIVE_WORDS,
    DESTINATION_WORDS,
    ESTIMATE_PREPOSITIONS,
    EVERY_DETERMINERS,
    FIGURE_GIVING_VERBS,
    FIGURE_SCOPE_PREPOSITIONS,
    FREQUENCY_ADVERBS,
    FULL_MONTH_NAMES,
    IT_THEY_PRONOUNS,
    LINE_LABEL_MARKS,
    MASS_BODY_NOUNS,
    MONTH_NAMES,
    MOVING_VERBS,
    NATION_NOUNS,
    NATIONWIDE_SCOPE,
    NATIONWIDE_WORDS,
    NEGATION_WORDS,
    NUMBER_COUNTING_VERBS,
    NUMBER_GIVING_VERBS,
    NUMBER_SAYING_VERBS,
    NUMBER_SPEAKING_PHRASES,
    OPENING_BRACKET,
    ORGANISATION_NOUNS,
    OWN_PEOPLE_NOUNS,
    PLACE_NOUNS,
    PLACE_RECORDING_VERBS,
    POINTING_BACK_WORDS,
    QUALIFIERS,
    RELATIVE_PRONOUNS,
    SAFE_DESTINATION_NOUNS,
    SAFE_WORDS,
    SAYING_VERBS,
    SCOPE_PREPOSITIONS,
    SECTOR_NOUNS,
    SELF_POSSESSIVES,
    SELF_PRONOUNS,
    SENTENCE_END_MARKS,
    SOURCE_NOUNS,
    SUFFERING_VERBS,
    TALLY_VERBS,
    TENTATIVE_WORDS,
    THERE_WORDS,
    TIME_SPAN_NOUNS,
    WEEKDAY_NAMES,
    WHERE_WORDS,
    WHOLE_PREPOSITIONS,
    WHOLE_WORDS,
)
from bot.engine.measures import (
    ABOARD_WORDS,
    ACCOUNTING_DEDUCTION_NOUNS,
    ACCOUNTING_DEDUCTION_PREPOSITIONS,
    ACTIVITY_PARTICIPLES,
    AGGREGATE_PATTERN,
    AGGREGATE_PERIODS,
    AREA_OF_EVENT,
    BASES,
    BOARDING_PREPOSITIONS,
    BODIES_FOUND,
    BUILDING_NOUNS,
    BUILDING_WORDS,
    CAPACITY_VERBS,
    CENT_WORDS,
    CHANGE_BASIS_ADJECTIVES,
    CHANGE_BASIS_PATTERNS,
    CHANGE_WORDS,
    CIRCUMSTANCE_PREPOSITIONS,
    COMPARISON_WORDS,
    CONCERNING_PREPOSITIONS,
    CONDITION_MARKERS,
    CONTENDER_NOUNS,
    COUNTED_FAMILIES,
    COUNTED_ONLY_EVENTS,
    COUNTING_NOUNS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DAMAGED,
    DIRECTION_WORDS,
    DISTRIBUTIVE_WORDS,
    EARLIER_STATEMENT_ADJECTIVES,
    EARLIER_WORDS,
    EITHER_FATE_JOINS,
    EMPLOYMENT_WORDS,
    ESCAPED,
    ESTIMATE_WORDS,
    EVACUATED,
    EVENT_FAMILIES,
    EVENT_ITEM_NOUNS,
    EVENT_KINDS,
    EVENT_PEOPLE_NOUNS,
    EVENT_REPORTING_VERBS,
    EVENTS_BY_OBJECT,
    FIGURE_CHANGING_VERBS,
    FINAL_COUNT_WORDS,
    FINDING_VERBS,
    FLUID_UNITS,
    FORECAST_LEMMA,
    FORECAST_PHRASES,
    FORECAST_WORDS,
    FORECASTER_NAMES,
    FORECASTER_NOUNS,
    FORECASTERS_EXPECTING_PHRASE,
    FORESEEING_VERBS,
    FREED,
    FUTURE_MODALS,
    GENERAL_PRICE_WORDS,
    GENERIC_MEASURE_HEADS,
    GROWING_VERBS,
    GROWTH_QUANTITIES,
    GROWTH_WORDS,
    HAPPENS_TO_PEOPLE,
    HELD,
    IRREGULAR_PLURALS,
    ITEM_NOUNS,
    JOB_HOLDER_NOUNS,
    JOBS_ADDED_NOUNS,
    LATER_WORDS,
    LEAK_WORDS,
    LEVEL_PREPOSITIONS,
    LOSING_VERBS,
    LOSS_BY_COUNTED,
    LOST,
    MASS_NOUNS,
    MEASURE_OF_EVENT,
    MEASURING_VERBS,
    MISSING,
    MONEY_LOSS,
    MONEY_QUANTITIES,
    MONEY_VERB_QUANTITIES,
    NAMED_QUANTITIES,
    NAMED_QUANTITY_PHRASES,
    NOT_MEASURED_OF,
    OUTPUT_BY_MEASURE,
    OUTPUT_WORDS,
    OWNED_FIGURE_NOUNS,
    PARTICIPANT_NOUNS,
    PARTY_PREPOSITIONS,
    PARTY_QUANTITIES,
    PEOPLE_OR_SHARE_QUANTITIES,
    PER_CENT_WORDS,
    PER_UNIT_ABBREVIATIONS,
    PERCENT_WORDS,
    PERIOD_PREPOSITIONS,
    PERSON_EVENTS,
    PERSON_GROUPS,
    PHRASAL_EVENTS,
    PRIOR_STATEMENT_NOUNS,
    PURPOSE_NOUNS,
    QUANTITY_OF_COUNTED,
    RANGING_VERBS,
    RATE_NOUNS,
    RATE_WORDS,
    RESTATING_NOUNS,
    REVISABLE_STATEMENT_NOUNS,
    REVISION_VERBS,
    RUNNING_TOTAL_PATTERN,
    SHARE,
    SHARE_BASE_WORDS,
    SHARE_WINNING_VERBS,
    SHORT_WORDS,
    SQUARABLE_UNITS,
    SQUARE_WORDS,
    STATE_PHRASES,
    STATE_QUANTITIES,
    STATEMENT_REVISING_VERBS,
    SUBUNITS,
    TARGET_WORDS,
    THRESHOLD_PARTICIPLES,
    TOLL_QUANTITY,
    UNIT_DIMENSIONS,
    UNIT_WORDS,
    VEHICLE_WORDS,
    VERB_ONLY_EVENT_WORDS,
    VOTING_VERBS,
    WINNING_VERBS,
    family_of,
)

# How far up the dependency tree a number's quantity is looked for (number -> noun -> preposition -> verb).
MAX_CLIMB = 5
# How many words of a subject's phrase may hold the period of the figure its verb gives.
SUBJECT_PERIOD_REACH = 12
# "Revenue for the quarter": the quarter a results story reports on, one with any quarter it names ("Q3").
OWN_QUARTER = "the quarter"
# How far up the tree a verb of expecting makes a figure a forecast ("expects the economy to grow by 1.2%").
MAX_STATUS_CLIMB = 8
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "pobj", "conj", "appos", "npadvmod", "acomp"}
_LINK_PREPOSITIONS = {"at", "to", "of", "by", "from", "with", "for", "in", "around", "about", "near", "as", "between"}
# Prepositions by which a noun takes its value: "a toll of 17", "reported the magnitude as 7.3", "an adjusted EPS
# between $3.87 and $3.93".
_VALUE_PREPOSITIONS = frozenset({"of", "as", "between"})
GENERIC_COUNTED = "people"
SPILLED = "spilled"
ARRIVED = "arrived"
FLOW = "flow"
GENERIC_AREA = "area"
GENERIC_RATE = "rate"
# Prepositions before a name that places what "there" stands for: "the mayor of Derna", "in Derna".
PLACE_OF_PREPOSITIONS = frozenset({"of", "in"})
# The preposition of a change's amount after a verb of change: "rose by 4%".
CHANGE_BY = "by"
# The prepositions of a revised figure's new value and of its value before: "revised the toll to 18 from 22".
REVISED_TO = "to"
REVISED_FROM = "from"
MILITARY_LOSS = "loss"
PER_SHARE = "per share"
AREA_UNITS = UNIT_DIMENSIONS["area"]
_QUARTERS = {"first": "Q1", "second": "Q2", "third": "Q3", "fourth": "Q4"}


@dataclass
class Structure:
    """What one figure measures. `points_back`: it restates an earlier figure ('put the figure at');
    `revises`: a source revising its own figure ('raised the toll to 19'); `baseline`: an earlier value of a
    quantity that changes ('up from 12,500'), never compared."""

    counted: str | None = None
    quantity: str | None = None
    unit: str | None = None
    period: str | None = None
    status: str | None = None
    change: bool = False
    points_back: bool = False
    revises: bool = False
    baseline: bool = False
    aggregate: bool = False
    # Counted since its story began ("since the protests began"): no count of one day (`RUNNING_TOTAL_PATTERN`).
    running_total: bool = False
    # When the sentence says it was stated: "later", "now", or a day or time ("On Tuesday", "by early afternoon").
    time_marker: str | None = None
    # The verb the figure's phrase hangs from (token index): figures of one verb are listed together.
    clause: int | None = None
    # Where the figure holds, when its own clause names a place ("in Washington", "In the north, ..."); None for
    # the article's own scope.
    place: str | None = None
    # Where the event the clause's subject names took place ("A march in Berlin drew 60,000"), when the figure's
    # own phrase names no place. Only a scope when the article counts the same thing at several such places (see
    # the analyzer): otherwise it is most often where the article's one event happened.
    event_place: str | None = None
    # Whether the place holds a share of one count (a country's dead among a stampede's) rather than an event
    # or a count of its own.
    place_share: bool = False
    # Whether the clause singles the place out ("in his province alone"): a part of a larger count, never the
    # article's own place.
    singled_out: bool = False
    # A count added to another ("12 more", "six other states", "another 40"): never a total to compare.
    increment: bool = False
    # Whether the value is the amount a figure was revised by ("revised down by 41,000"): a change, whatever the
    # clause counts.
    moved_by: bool = False
    # Whose share a share is, when the clause names it: "28 percent supported Mr Trump" -> "trump", "Kessling
    # won 41.8% of the vote" -> "kessling". Shares of different parties are different measures.
    belongs_to: str | None = None
    # The value a revision started from ("revised down to 8.2 percent from 8.3 percent", "up from an initial
    # estimate of 0.5 per cent"): what the source said before, of the same measure as the revised value.
    prior: bool = False
    # The pair a revision stated in one clause belongs to (the prior value's character offset), shared by the
    # prior and the revised value: the clause itself says they are one source's two values of one measure.
    revision_pair: int | None = None
    # Stated by a verb that only ever revises a statement ("downgraded the size of the quake from 6.1 to 5.9",
    # "revised the number of victims from 94 to 92"): its revision pair is one measure, named or not.
    statement_revised: bool = False
    # Under a condition ("If the department says the rate was 7.7 percent, ..."): supposed, never compared.
    hypothetical: bool = False
    # Other kinds of the counted thing its sentence lists beside it ("35 foreigners and 15 kidnappers were
    # killed"): the text itself tells those groups apart, wherever else they are counted.
    contrasted: frozenset[str] = frozenset()
    # Whose people are counted, when a word of nationality says it ("Ukrainian servicemen", "Russia's soldiers",
    # "1,400 Israelis"): two sides' dead in one war are two counts, whoever gives them.
    side: str | None = None
    # The accounting basis a money measure's noun names ("adjusted EPS", "diluted earnings", "operating profit"):
    # two bases are two measures; one named and one not may be one.
    basis: str | None = None
    # What its source says of itself ("Kelvar said it would cut 4,000 jobs", "180,000 of its customers"): two
    # sources each telling of their own are two events (`conflicts`).
    own_action: bool = False
    # "464 of its citizens died": the source's own people, one part of a toll (`OWN_PEOPLE_NOUNS`)
    own_people: bool = False
    # Counted over events of a kind named in the bare plural ("181 civilians have died because of coalition
    # strikes", "Current fires in the state have burned 626,600 acres"): no count of one event (the analyzer).
    several_events: bool = False

    def signature(self) -> tuple:
        """The fields `compatible` reads: two structures with one signature compare alike with any other."""
        return (
            self.counted, self.quantity, self.unit, self.period, self.status, self.change,
            self.baseline, self.increment, self.place, self.belongs_to, self.revision_pair, self.contrasted,
            self.hypothetical, self.aggregate, self.running_total, self.side, self.basis, self.statement_revised,
        )  # fmt: skip

    @property
    def known(self) -> bool:
        return bool(self.quantity or self.counted)

    def readable(self) -> str:
        """'people killed', 'turnout (%)', 'homes destroyed', 'jobs cut'."""
        counted = _plural(self.counted) if self.counted else None
        if self.quantity == "took part" and self.unit == "%":
            counted, quantity = None, "turnout"
        elif self.quantity == "took part":
            quantity = "who took part" if counted else "attendance"
        else:
            quantity = self.quantity
        if counted and self.quantity and family_of(self.counted, EVENT_FAMILIES) == self.quantity:
            counted = None  # "the number of dead": "killed", not "deads killed"
        if counted and self.counted == self.quantity:
            counted = None  # "the rate for November": "rate", not "rates rate"
        if quantity in MEASURE_OF_EVENT.values() and counted:
            text = f"{quantity} of the {self.counted}"  # "magnitude of the aftershock", not "aftershocks magnitude"
        else:
            text = f"{counted} {quantity}" if quantity and counted else quantity or counted or "figure"
        if self.quantity == "won" and self.belongs_to:
            text += f" by {string.capwords(self.belongs_to)}"  # "votes won by Maduro"
        if self.change:
            text = f"change in {text}"
        if self.unit:
            text += f" ({self.unit})"
        if self.period:
            text += f", {self.period}"
        if self.place == COMBINED_SCOPE:
            text += f", {self.place}"
        elif self.place == NATIONWIDE_SCOPE:
            text += f" {self.place}"
        elif self.place in PLACE_NOUNS:
            text += f" in the {self.place}"
        elif self.place:
            text += f" in {string.capwords(self.place)}"
        return text


# Endings that take "-es" in the plural.
SIBILANT_ENDINGS = ("ch", "sh", "x", "z")


def _plural(noun: str) -> str:
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]  # "children missing", not "childs"
    if noun in {"people"} or noun in MASS_NOUNS or noun.endswith("s"):
        return noun
    if noun.endswith("man"):
        return noun[: -len("man")] + "men"  # "gunmen killed", "militiamen", not "gunmans"
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    if noun.endswith(SIBILANT_ENDINGS):
        return noun + "es"  # "coaches derailed", "boxes", not "coachs"
    return noun + "s"


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


# What the tagger may take a participle for: an adjective ("evacuated families"), a name ("Trapped: 9").
PARTICIPLE_MISTAGS = frozenset({"ADJ", "PROPN"})


# The first two words of the qualifiers written in several: "close to", "up to", "as many".
_QUALIFIER_OPENINGS = frozenset(tuple(phrase.split()[:2]) for phrase, _bound in QUALIFIERS if " " in phrase)


def _event(token: Token) -> str | None:
    if token.tag_ in COMPARATIVE_TAGS:
        return None  # "closer to 950": a comparative qualifies the number, it is no event
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if (token.lower_, following) in _QUALIFIER_OPENINGS:
        return None  # "close to 20,000 have left": a qualifier of the number, no closing
    aboard = token.dep_ == "pobj" and token.head.lower_ in BOARDING_PREPOSITIONS
    if token.pos_ in NOUN_POS and _lemma(token) in VERB_ONLY_EVENT_WORDS and not aboard:
        return None
    found = family_of(_lemma(token), EVENT_FAMILIES) or family_of(token.lower_, EVENT_FAMILIES)
    if found is None and token.lower_.endswith("ed") and token.pos_ in PARTICIPLE_MISTAGS:
        # "the number of evacuated families": a participle the tagger took for an adjective keeps its "-ed" (and
        # one opening a post's line, "Trapped: 9", for a name).
        word = token.lower_
        stems = [word[:-1], word[:-2]] + ([word[:-3]] if len(word) > 4 and word[-3] == word[-4] else [])  # "trapped"
        found = next((family for stem in stems if (family := family_of(stem, EVENT_FAMILIES))), None)
    return found


def quantity_named_by(noun: Token) -> str | None:
    """The quantity a noun names on its own: 'turnout' (took part), 'inflation', 'the toll' (killed)."""
    return _named(noun) or _event(noun)


def event_of(token: Token) -> str | None:
    """What happened, as the word names it ("killed", "closed" from "were closed"), or None."""
    return _event(token)


def _named(token: Token) -> str | None:
    # "gross domestic product", "hourly earnings": a name of two words, before the one word's
    if token.i > 0:
        before = token.doc[token.i - 1].lower_
        named = NAMED_QUANTITY_PHRASES.get((before, _lemma(token))) or NAMED_QUANTITY_PHRASES.get((before, token.lower_))
        if named:
            return named
    if (of := _of_object(token)) is not None and _lemma(of) in NOT_MEASURED_OF:
        return None  # "a margin of error of 3 points", "a margin of sampling error"
    return family_of(_lemma(token), NAMED_QUANTITIES) or family_of(token.lower_, NAMED_QUANTITIES)


def _unit(token: Token) -> str | None:
    coin = SUBUNITS.get(_lemma(token)) or SUBUNITS.get(token.lower_)
    if coin is not None and token.i > 0 and token.doc[token.i - 1].lower_ != "per":  # not "per cent"
        return coin[0]
    return UNIT_WORDS.get(_lemma(token)) or UNIT_WORDS.get(token.lower_)


def figure_structure(number: Token, first: Token, counted_noun: Token | None) -> Structure:
    """The structure of the figure whose number phrase runs from `first` to `number` (its last token).

    `counted_noun` is the noun the number counts, as the figure finder found it (or None).
    """
    structure = Structure()
    doc = number.doc
    if first.i > 0 and doc[first.i - 1].text in CURRENCY_SYMBOLS:
        structure.unit = CURRENCY_SYMBOLS[doc[first.i - 1].text]
    anchor = number
    noun = counted_noun
    if per_cent_follows(number):
        structure.unit = "%"  # "0.6 per cent", "74.3 percent", "12%", however the parser hung the words
    per_cent = noun is not None and noun.lower_ in PER_CENT_WORDS and doc[number.i + 1].lower_ == "per"
    if per_cent and noun.i <= number.i + 2:
        structure.unit = "%"  # "74 per cent"
        noun = _of_object(noun)
    if noun is not None:
        anchor = noun
        unit = _unit(noun)
        if unit in SQUARABLE_UNITS and any(c.lower_ in SQUARE_WORDS for c in noun.children):
            unit = f"{unit}2"  # "square kilometres"
        if unit and not structure.unit:
            structure.unit = unit
            noun = _of_object(noun)
        elif unit:
            noun = _of_object(noun)
        elif number.ent_type_ == "MONEY" and not structure.unit and noun.i == number.i + 1 and noun.ent_type_ not in PEOPLE_ENTITIES:
            structure.unit = noun.lower_  # a currency word the lists don't know ("780 million marks")
            noun = _of_object(noun)
    if noun is None and number.i + 1 < len(doc) and doc[number.i + 1].text == "%":
        structure.unit = "%"
        noun = _of_object(doc[number.i + 1])
    # ("spending reached 88 per cent of the revised estimate": a share of another figure, whatever reached it)
    share_of_a_figure = noun is not None and structure.unit == "%" and _lemma(noun) in REVISABLE_STATEMENT_NOUNS
    if noun is not None and structure.unit == "%" and _lemma(noun) in SHARE_BASE_WORDS | RESTATING_NOUNS | TARGET_WORDS:
        # "a deficit of 4.6 per cent of GDP", "spending reached 88 per cent of the revised estimate": a ratio to the
        # economy's size or to another figure, no measure of the economy's growth nor that figure restated
        noun = None
    if noun is not None:
        _read_noun(noun, structure)
        # "a day after an 8.2 quake killed six": a decimal on one event is no count of events but its measure.
        measure = MEASURE_OF_EVENT.get(family_of(_lemma(noun), EVENT_KINDS) or "")
        one_event = noun.tag_ not in PLURAL_NOUN_TAGS and "." in number.text and number.head.i == noun.i
        if measure and one_event and not structure.unit:
            structure.quantity = measure
    per = per_what(anchor) or (per_what(noun) if noun is not None else None)  # "5,000 barrels of oil a day"
    if per:
        structure.unit = f"{structure.unit or ''} per {per}".strip()  # "34,000 per claimant"
    elif _for_each(noun if noun is not None else anchor):
        structure.unit = f"{structure.unit or ''} each".strip()  # "up to 100,000 participants each"
    # "magnitude 5.9": the quantity's name just before the number.
    if first.i > 0 and _named(doc[first.i - 1]) and not structure.quantity:
        structure.quantity = _named(doc[first.i - 1])
    elif first.i > 0 and doc[first.i - 1].pos_ in NOUN_POS and not structure.quantity and _event(doc[first.i - 1]):
        structure.quantity = _event(doc[first.i - 1])  # "Turnout 61% per the commission", "Death toll 14"
    if noun is None or not _done_to_by_its_verb(noun):
        _read_modifiers(noun if noun is not None else anchor, structure)  # "8,000 barrels leaked"
    _climb(anchor, structure)
    if not structure.quantity and noun is not None and (verb := _verb_of_source_phrase(noun)) is not None:
        # "3,000 people joined the march, according to police, or 12,000 people, according to the organisers":
        # the parser joins the second count to the first source; it counts what the sentence's verb says
        _read_verb(verb, noun, structure)
    if not structure.quantity and noun is not None:
        _read_state(noun, structure)
    if not structure.quantity and (label := _line_label(number)) is not None:
        # "Magnitude: 5.4 per the institute | 5.7 per the network", "Missing: 9 according to the fire brigade",
        # "Trapped underground: 23": a post's label before its colon names what every number after it measures.
        structure.quantity = _quantity_labelled(doc[_label_start(number) : label.i + 1])
        if not structure.quantity and (heading := _list_heading(number)) is not None:
            # "Death toll:\n- Ministry: 12\n- Hospital: 20": under a heading, each line's label names a source and
            # the heading what its value measures.
            structure.quantity = _quantity_labelled(heading)
    elif not structure.quantity and _opens_a_list_line(first) and (heading := _list_heading(number)) is not None:
        # "Area burned:\n- 8,200 ha — Forestry Service\n- 13,500 ha — SkyBurn": a value opening a list's line
        # measures what the list's heading names.
        structure.quantity = _quantity_labelled(heading)
    if not structure.known and (_labelled_by_a_source(anchor) or _after_a_slash(first)):
        # "Unions: 65% of teachers on strike / Education ministry: 28%", "Magnitude 5.8 (institute) / 6.1
        # (network)": a bare value after a source's label or a slash is the measure before it again
        structure.points_back = True
    structure.hypothetical = _conditional(number)
    path = figure_path(number)  # the parse's, read once for every step below
    structure.own_action = _own_action(path)
    structure.own_people = structure.own_action and any(_lemma(t) in OWN_PEOPLE_NOUNS for t in _path_nouns(path))
    if _prior_statement(number, path):
        structure.prior, structure.baseline = True, False
        if _own_earlier_word(number.head if number.dep_ in NUMBER_ATTACHMENT_DEPS else number):
            structure.change = False  # "less than the 14,000 they estimated": a statement, not a change
    if _points_back_as_such(number):
        # "Jharkhand reported 12 such cases": what the figure before it measured, whatever its noun says
        structure.quantity = structure.counted = None
        structure.points_back = True
    if structure.counted is None and structure.quantity in PERSON_EVENTS:
        structure.counted = _sufferers(path[-1])
    _read_period_and_status(number, structure, path)
    if structure.unit == "%" and structure.counted and not structure.quantity:
        structure.quantity = "share"  # "54% of the vote"
    if structure.quantity == "share":
        structure.belongs_to = _share_owner(number)
    if structure.quantity in HAPPENS_TO_PEOPLE and (structure.counted in ORGANISATION_NOUNS | PLACE_NOUNS):
        # "fatality figures from five hospitals": bodies and places count no one killed or held
        structure.quantity = None
    verb = path[-1]
    # ("30% of the hostages were freed" is a share of people; "it would hold at 4.0 percent" is a level.)
    level = structure.unit == "%" and structure.counted is None
    if structure.quantity in HAPPENS_TO_PEOPLE and (structure.unit not in (None, "%") or level):
        # "held $214.9 billion offshore", "the spill released 2,000 barrels": what happens to people doesn't
        # happen to money or to measured stuff; the verb's subject may still say what happened ("the spill").
        structure.quantity = None
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS:
            subjects = [verb.head]  # "The unemployment rate held at 5.5 percent" parsed as a participle on "rate"
        for subject in subjects:
            _take_noun(_compass_misread(subject), structure)
    if structure.quantity in PEOPLE_OR_SHARE_QUANTITIES and structure.unit not in (None, "%"):
        structure.quantity = None
    if not structure.quantity and in_currency(structure.unit):
        # "caused $25 billion in damage", "$3 billion in insured losses": what the sum is, after "in".
        for pobj in (g for c in number.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children):
            if pobj.dep_ == "pobj":
                _take_noun(pobj, structure)
    if not structure.quantity and in_currency(structure.unit):
        structure.quantity = _money_verb_quantity(verb, per_share=(structure.unit or "").endswith(PER_SHARE))
    if not structure.quantity and not structure.unit:
        # "146 passengers", "4,000 strikers", "put the number of detainees at 3,000": nouns that say what happened
        # to the people they count, when the clause says nothing else ("17 passengers were killed" is a toll).
        counted_word = _lemma(noun) if noun is not None else _counted_by_verb(verb) or structure.counted
        structure.quantity = QUANTITY_OF_COUNTED.get(counted_word or "")
    participle = verb.tag_ in PARTICIPLE_TAGS  # not "UPDATE: Death toll rises to 58" parsed as a clause on "UPDATE"
    if structure.counted is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and participle:
        # "put the number of kidnappers killed at 29", the value hung on the participle: its noun is counted
        # (not a label before a colon: "Police: 2 dead, 18 injured").
        lemma = _lemma(verb.head)
        if lemma not in RESTATING_NOUNS and not _label_before(verb.head, number):
            structure.counted = family_of(lemma, COUNTED_FAMILIES) or lemma
    if structure.quantity == "won":
        structure.belongs_to = party_of_votes(number)
    if structure.quantity in (None, "affected", "freed") and (structure.unit or "").split(" per ")[0] in FLUID_UNITS and _leaks(path):
        # "5,000 barrels were leaking" from a well, not a data leak; "1,200 barrels escaped", "a release of 4,000
        # barrels" of oil, no one freed
        structure.quantity = SPILLED
    if not structure.quantity and not structure.unit:
        structure.quantity = _measure_of_event(verb)
    read_spill_rate_as_flow(structure)
    if not structure.quantity and structure.unit in AREA_UNITS:
        # ("the wildfire was mapped at nearly 2,500 acres": the event the clause is about, if not the counted one)
        events = [structure.counted or "", *(_lemma(s) for s in _subjects(verb))]
        structure.quantity = next(
            (AREA_OF_EVENT[kind] for event in events if (kind := family_of(event, EVENT_KINDS)) in AREA_OF_EVENT), None
        )
    if structure.quantity == "created" and structure.unit is None:
        structure.change = False  # "a gain of 180,000 jobs" is a count of jobs created, not a change in a level
    if structure.quantity == "took part" and structure.counted in PARTICIPANT_NOUNS:
        # Marchers and protesters are the people who took part; "30 protesters were hurt" is one group's count,
        # not "4 officers were injured".
        structure.counted = GENERIC_COUNTED
    if structure.quantity == "growth" and structure.change and any(
        _named(c) == "growth" for c in verb.children if c.dep_ in SUBJECT_DEPS
    ):
        structure.change = False  # "Gross domestic product expanded 0.4 percent": the economy's growth itself
    if structure.quantity == "cost" and structure.status is None and _said_of_the_future(verb):
        structure.status = "estimate"  # "the bridge will cost 640 million euros": a cost to come is an estimate
    if structure.quantity == "cost" and structure.unit == "%" and _prices_in_general(verb):
        structure.quantity, structure.change = "inflation", False  # "expected prices to rise by 6 percent"
    if structure.quantity in MEASURE_OF_EVENT.values() and structure.counted is None:
        # "A 5.1-magnitude aftershock": the event the magnitude is of, told apart from the main quake.
        measured = _measured_event(noun if noun is not None else number, verb)
        if measured is not None:
            structure.counted = family_of(_lemma(measured), COUNTED_FAMILIES) or _lemma(measured)
    if structure.quantity == "on board" and _designed_for(verb):
        structure.quantity = "capacity"  # "a boat designed to carry 30 people": what it may carry, not carried
    if structure.status == "forecast" and _possible_only(path[-1]):
        # "had predicted that 200,000 civilians could be forced from their homes": a scenario, no expectation
        structure.hypothetical = True
    elif structure.quantity in PERSON_EVENTS and _possible_only(path[-1]) and _foreseen_count(path):
        # "the death toll could soar to 50,000", "the final toll could be around 165": a count to come, no
        # count; "the toll could be as high as 100,000" still guesses at the dead already counted
        structure.hypothetical = True
    elif _counterfactual(path[-1]):
        structure.hypothetical = True  # "the toll could have been 40 or more had the bridge failed at rush hour"
    measured = MEASURE_OF_EVENT.get(family_of(structure.counted or "", EVENT_KINDS) or "")
    if not structure.quantity and not structure.unit and measured and "." in number.text:
        # "downgraded the size of the temblor from 6.1 to 5.9": a decimal no count of quakes is, but their measure
        structure.quantity = measured
    counts_events = number.dep_ in NUMBER_ATTACHMENT_DEPS and number.head.tag_ in PLURAL_NOUN_TAGS
    if structure.quantity == measured and measured and counts_events and "." not in number.text:
        structure.quantity = None  # "upgraded the magnitude of the two earthquakes" counts the quakes
    if structure.quantity == DAMAGED and in_currency(structure.unit):
        # "the first estimate of the damage was 350 million dollars": damage counted in money is a loss
        structure.quantity = MONEY_LOSS
        if family_of(structure.counted or "", EVENT_FAMILIES) == DAMAGED:
            structure.counted = None  # the damage is what the sum measures, not a thing counted
    if structure.quantity == "burned" and structure.counted in BUILDING_NOUNS:
        structure.quantity = "destroyed"  # "more than 40 houses were burnt", as razed ones are
    if structure.quantity == "cut" and structure.counted in JOB_HOLDER_NOUNS:
        structure.counted = "job"  # "lay off 2,000 workers" cuts 2,000 jobs
    if structure.quantity == ESCAPED and structure.unit:
        structure.quantity = SPILLED  # "1,200 barrels of oil escaped"
    elif structure.quantity == ESCAPED and QUANTITY_OF_COUNTED.get(structure.counted or "") == HELD:
        structure.quantity = FREED  # "25 hostages escaped": those held who got away are free, as those released are
    if structure.moved_by:
        structure.change = True  # ("job growth was revised down by 35,000": not the jobs created, the revision)
    if share_of_a_figure:
        structure.quantity = SHARE  # compared only with shares of the same party's figure (`PARTY_QUANTITIES`)
    if structure.quantity in PERSON_EVENTS and structure.quantity != EVACUATED and _moved_somewhere(path):
        structure.quantity = None  # "airlifted 11 seriously injured people to Peshawar": some of the injured
    # "around 3,000 people die annually on the roads": what happens to people every year is a yearly statistic, no
    # toll of one event (a leak's "20,000 barrels each day" is its flow, however often it is said)
    if structure.quantity in PERSON_EVENTS and (span := _how_often(path[-1])) is not None:
        structure.unit = f"{structure.unit or ''} per {span}".strip()
    return structure


# Verbs that give an event's measure, first or revised: "measured 7.8", "was later upgraded to 7.2", "was reported
# as 7.6".
_EVENT_MEASURING_VERBS = MEASURING_VERBS | REVISION_VERBS | EVENT_REPORTING_VERBS


def _measure_of_event(verb: Token) -> str | None:
    """'The quake measured 7.8', 'the quake was later upgraded to 7.2' -> magnitude (`MEASURE_OF_EVENT`)."""
    if _lemma(verb) not in _EVENT_MEASURING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    return MEASURE_OF_EVENT.get(family_of(_lemma(subject), EVENT_KINDS) or "")


def read_spill_rate_as_flow(structure: Structure) -> None:
    """'5,000 barrels a day were gushing', 'put the flow at 40,000 barrels a day': a spill's rate is its flow.
    (Read again once a range's rate is known: "at a rate of 12,000 to 19,000 barrels a day".)"""
    if structure.quantity in (SPILLED, FLOW) and _fluid_rate(structure.unit):
        structure.quantity = FLOW


def _fluid_rate(unit: str | None) -> bool:
    """'barrel per day', 'gallon per hour': a unit of stuff that flows, per unit of time."""
    amount, _, per = (unit or "").partition(" per ")
    return amount in FLUID_UNITS and per in RATE_NOUNS


def _leaks(path: list[Token]) -> bool:
    return any(_lemma(t) in LEAK_WORDS for node in path for t in (node, *node.children))


def in_currency(unit: str | None) -> bool:
    """Whether a unit is a sum of money, alone or as a rate: 'USD', 'USD per share'."""
    return unit is not None and unit.split(" per ")[0] in CURRENCY_CODES


def party_of_votes(number: Token) -> str | None:
    """Who won the votes a figure counts: 'for Maduro' after it ("2.75 million votes for Maduro", "6.27 million
    for his rival, Edmundo Gonzalez"), the subject or object of its verb ("Maduro won 5.15 million votes"), or
    the subject in a relative clause on it ("the 5.15 million votes the authority said Maduro had won")."""
    path = figure_path(number)
    nodes = [*path[:-1], path[-1]]
    after = sorted(
        (c for node in nodes for c in node.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS),
        key=lambda c: c.i,
    )
    for preposition in after:
        if preposition.i < number.i:
            continue
        for pobj in (c for c in preposition.children if c.dep_ == "pobj"):
            named = (
                _named_party(pobj)
                or next((_named_party(c) for c in (*pobj.children, *number.children) if c.dep_ == "appos"), None)
                or _name_set_beside(pobj)
            )
            if named is not None:
                return _party_words(named)
        break  # the nearest "for" after the figure is its own; a later one is another figure's
    owner = _share_owner(number)
    if owner is not None:
        return owner
    for clause in relative_clauses(number, path):
        for verb in (clause, *(c for c in clause.children if c.dep_ in SAID_CLAUSE_DEPS)):
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and _named_party(subject) is not None and verb.lemma_.lower() in WINNING_VERBS:
                return _party_words(_named_party(subject))
    return None


# How many words after a noun and its comma an apposition's name may end: "his rival, former diplomat Edmundo
# Gonzalez".
APPOSITION_NAME_WINDOW = 5


def _name_set_beside(noun: Token) -> Token | None:
    """'for his rival, former diplomat Edmundo Gonzalez', the name parsed apart from the noun: a name after the
    noun's comma, within a few words (`APPOSITION_NAME_WINDOW`) of its role, ends the apposition."""
    doc = noun.doc
    comma = noun.right_edge.i + 1
    if _lemma(noun) not in CONTENDER_NOUNS or comma >= len(doc) or doc[comma].text != ",":
        return None  # ("36 votes for the next president, Donald J. Trump": a state's votes, named by no race role)
    last = None
    for token in doc[comma + 1 : min(len(doc), comma + 1 + APPOSITION_NAME_WINDOW)]:
        if token.pos_ == "PROPN":
            last = token
        elif last is not None or token.is_punct or token.pos_ in VERB_POS:
            break
    return last if last is not None and last.ent_type_ not in TIME_ENTITIES | SCOPE_ENTITIES else None


def _party_words(name: Token) -> str:
    words = sorted([name, *(c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN")])
    return POSSESSIVE_ENDING.sub("", " ".join(t.lower_ for t in words))


def _conditional(number: Token) -> bool:
    """Whether a verb above the number opens with "if" or "unless" (`CONDITION_MARKERS`), or is the main clause
    of one that does ("If they are Hispanic, the unemployment rate is 36 percent")."""
    verbs = [ancestor for ancestor in number.ancestors if ancestor.pos_ in VERB_POS]
    return any(_opens_with_condition(v) for v in verbs) or any(
        clause.dep_ == "advcl" and clause.i < number.i and _opens_with_condition(clause)
        for v in verbs[:1]
        for clause in v.children
    )


# Modals that make a predicted figure one possibility among others ("could be forced", "might reach").
POSSIBILITY_MODALS = frozenset("could might".split())


def _possible_only(verb: Token) -> bool:
    """Whether the figure's verb is only possible ("could be forced"), not a past possibility ("could have died",
    an estimate of what happened)."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in AUXILIARY_DEPS]
    return any(a in POSSIBILITY_MODALS for a in auxiliaries) and "have" not in auxiliaries


# Modals of what would have happened under another past: "could have been 40 had the bridge failed".
COUNTERFACTUAL_MODALS = POSSIBILITY_MODALS | frozenset({"would"})


def _counterfactual(verb: Token) -> bool:
    """'The toll could have been 40 or more had the bridge failed', 'would have been higher if ...': a past
    possibility under a condition the sentence sets ("if", or "had" before its subject) is what did not happen."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in AUXILIARY_DEPS]
    if "have" not in auxiliaries or not any(a in COUNTERFACTUAL_MODALS for a in auxiliaries):
        return False
    sentence = verb.sent
    doc = verb.doc
    for token in sentence:
        if token.lower_ in CONDITION_MARKERS and token.dep_ == "mark":
            return True
        # "had the bridge failed": "had" before its subject, after no subject of its own
        if token.lower_ != "had" or token.i + 1 >= sentence.end:
            continue
        opens_subject = doc[token.i + 1].pos_ in NOUN_PHRASE_OPENING_POS | STAND_IN_POS
        if opens_subject and (token.i == sentence.start or doc[token.i - 1].pos_ not in NOUN_PHRASE_HEAD_POS):
            return True
    return False


def _foreseen_count(path: list[Token]) -> bool:
    """Whether a possible count is one to come: its verb makes it grow ("could rise to", "could reach"), or it
    is the count's final one ("the final death toll could be ...")."""
    verb = path[-1]
    if _lemma(verb) in GROWING_VERBS:
        return True
    nouns = [*path, *(c for c in verb.children if c.dep_ in SUBJECT_DEPS)]
    return any(c.dep_ == "amod" and c.lower_ in FINAL_COUNT_WORDS for noun in nouns for c in noun.children)


def _opens_with_condition(clause: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ in CONDITION_MARKERS for child in clause.children)


def _prior_statement(number: Token, path: list[Token]) -> bool:
    """'from 8.3 percent' after a verb revising a statement, 'from earlier calculations of 1,800', 'upped the
    figure to 50 from the original figure of 42': the value a source gave before revising it."""
    node = number.head if number.dep_ in NUMBER_ATTACHMENT_DEPS else number  # "8.3 percent", "1.8 per cent"
    if _own_earlier_word(node) or _marked_earlier_statement(path) or any(map(_statement_corrected, (number, node))):
        return True
    if node.pos_ == "NUM" and _set_aside_for(node) and _stated_before(node):
        return True  # "instead of the 63 initially reported", "rather than the 1.2 million previously reported"
    bound = _bound_words_above(node)
    measured = node.head
    if node is not number and node.dep_ in PRENOMINAL_MODIFIER_DEPS and measured.dep_ == "pobj" and (
        measured.head.lower_ == REVISED_FROM
    ):
        node = measured  # "from the 8.3 percent GDP expansion announced earlier": the unit before the noun it measures
    node = bound or node
    for _ in range(MAX_CLIMB):
        head = node.head
        if head.i == node.i or (node.dep_ != "pobj" and node is not bound):
            return False
        if head.lower_ == "of" and _lemma(head.head) in PRIOR_STATEMENT_NOUNS | RESTATING_NOUNS:
            statement = head.head
            if statement.dep_ in PATIENT_DEPS and _lemma(statement.head) in STATEMENT_REVISING_VERBS:
                return True  # "revising its earlier estimate of 0.8 percent"
            if _lemma(statement) in PRIOR_STATEMENT_NOUNS:
                return statement.dep_ == "pobj" and statement.head.lower_ == "from"
        if head.lower_ == "from":
            # "down from the 230 deaths it reported last week": a value the source stated before
            reported = any(
                c.dep_ in RELATIVE_CLAUSE_DEPS and _lemma(c) in CUE_VERBS | FIGURE_GIVING_VERBS
                for c in node.children
            )
            revising = head.head
            if revising.dep_ == "pobj" and revising.head.lower_ == REVISED_TO:
                revising = revising.head.head  # "revised the toll to 18 people from 22": "from" on the new value
            # "was lowered to 8.2 percent from the 8.3 percent announced earlier": a value whose own clause says
            # it was stated, by a verb of revising ("rose to 5.2% from the 4.9% recorded in May", "up from the 57,597
            # announced earlier" are a level before, not a statement revised)
            stated = any(
                c.dep_ in NOUN_CLAUSE_DEPS and _lemma(c) in CUE_VERBS | FIGURE_GIVING_VERBS for c in node.children
            )
            return reported or _revises_a_statement(revising) or (stated and _lemma(revising) in REVISION_VERBS)
        node = head.head  # through "of" to the noun it hangs on ("the original figure of 42")
    return False


def _points_back_as_such(number: Token) -> bool:
    """'12 such cases', 'five such deaths': an item of an event's count that "such" points back with ("31 such
    episodes" count episodes)."""
    item = number.head if number.dep_ in NUMBER_ATTACHMENT_DEPS else None
    return (
        item is not None
        and _lemma(item) in EVENT_ITEM_NOUNS
        and any(c.lower_ in POINTING_BACK_WORDS for c in item.children)
    )


def _sufferers(verb: Token) -> str | None:
    """'Government troops suffered six dead', 'the police sustained 12 casualties': the people a verb of suffering
    (`SUFFERING_VERBS`) says the dead or hurt were, when its subject names a group of them."""
    if _lemma(verb) not in SUFFERING_VERBS:
        return None
    people = [_lemma(s) for s in verb.children if s.dep_ in ACTIVE_SUBJECT_DEPS]
    group = next((lemma for lemma in people if family_of(lemma, PERSON_GROUPS) is not None), None)
    return None if group is None else family_of(group, COUNTED_FAMILIES) or group


def _figure_noun_it_follows(subject: Token, verb: Token) -> Token | None:
    """'The death toll has unfortunately increased and it is 96 now': "it", the subject of "is" joined to a clause
    whose subject is a figure's noun, is that noun."""
    if subject.lower_ != "it" or subject.dep_ not in SUBJECT_DEPS or _lemma(verb) not in COPULA_VERBS:
        return None
    if verb.dep_ not in CONJUNCT_DEPS:
        return None
    noun = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    return noun if noun is not None and _lemma(noun) in OWNED_FIGURE_NOUNS | RESTATING_NOUNS else None


def _bound_words_above(node: Token) -> Token | None:
    """'to 18 people from as high as 22': the parser hangs the value on the bound's own words ("as" on "high" on
    "from"); the bound's middle word then stands where the value would, as the object of the preposition."""
    if node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.lower_ in AS_BOUND_WORDS:
        node = node.head.head
        if node.dep_ != "pobj" and node.head.pos_ == "ADP":
            return node
    return None


def _set_aside_for(value: Token) -> bool:
    """'instead of the 63', 'rather than the 1.2 million': a value set aside for the one before it."""
    # ("confirmed 60 victims instead of the 92 initially reported": the parser may make "of" a conjunction and the
    # value a second object; the words before the value's phrase still set it aside)
    edge = value.left_edge.i
    before = tuple(t.lower_ for t in value.doc[max(0, edge - 2) : edge])
    if len(before) == 2 and (before[1], before[0]) in SETTING_ASIDE_PHRASES:
        return True
    preposition = value.head
    if value.dep_ != "pobj" or preposition.i == value.i:
        return False
    return any(
        (preposition.lower_, c.lower_) in SETTING_ASIDE_PHRASES for c in preposition.children if c.dep_ == "advmod"
    )


def _marked_earlier_statement(path: list[Token]) -> bool:
    """'its previous forecast of $53.8 billion', 'Its previous forecast was for revenue of $53.8 billion', 'the
    initial estimate was 1,400': the value of a statement its adjective marks as made before (`path`: the figure
    number's, `figure_path`)."""
    statements = [t for t in path if t.pos_ in NOUN_POS]
    if _lemma(path[-1]) in COPULA_VERBS:
        statements += [c for c in path[-1].children if c.dep_ in SUBJECT_DEPS]
    if path[-1].dep_ in RELATIVE_CLAUSE_DEPS:
        statements.append(path[-1].head)  # "the previous outlook, which anticipated an EPS between $2.40 and $2.50"
    return any(
        _lemma(statement) in REVISABLE_STATEMENT_NOUNS
        and any(c.dep_ == "amod" and c.lower_ in EARLIER_STATEMENT_ADJECTIVES for c in statement.children)
        for statement in statements
    ) or any(_stated_before(noun) for noun in statements)


def _stated_before(noun: Token) -> bool:
    """'the previously reported 1.8 percent', 'a prior estimated 31.7% decline', 'the 0.1 per cent previously
    reported': a value whose participle of stating, before or after it, is marked as earlier, by its own adverb or
    by an adjective beside it."""
    return any(
        c.dep_ in ADJECTIVAL_MODIFIER_DEPS
        and _lemma(c) in CUE_VERBS | FIGURE_GIVING_VERBS
        and (
            any(g.dep_ == "advmod" and g.lower_ in EARLIER_WORDS for g in c.children)
            or (c.dep_ == "amod" and any(s.dep_ == "amod" and s.lower_ in EARLIER_STATEMENT_ADJECTIVES for s in noun.children))
        )
        for c in noun.children
    )



# "instead of", "rather than" (the parser hangs the adverb on the preposition): what sets a value aside for another.
SETTING_ASIDE_PHRASES = frozenset({("of", "instead"), ("than", "rather")})
# How a value set aside by "not" hangs beside the one correcting it: "98,000 gallons, not the 14,700 gallons
# Bouchard had reported", "38 people died, not 45 as first reported".
SET_ASIDE_DEPS = APPOSITION_DEPS | frozenset({"conj", "npadvmod"})


def _statement_corrected(node: Token) -> bool:
    """'around 163,000 acres burned, not the 400,000 that was first estimated', 'was approximately 98,000 gallons,
    not the 14,700 gallons Bouchard had originally reported': a value stated before, set aside by "not" beside the
    value that corrects it."""
    if node.dep_ not in SET_ASIDE_DEPS:
        return False
    edge = node.left_edge.i
    negated = any(node.doc[i].lower_ in NEGATION_WORDS for i in (edge, edge - 1) if 0 <= i < node.i)
    if not negated:
        return False
    # "38 people died, not 45 as first reported": a clause says the value set aside was stated. (A bare one, "the
    # job losses are 1,150, not 2,000", may be anyone's: see `figures._rejected`.)
    # (the parser may hang the clause on the noun the value is set beside: "1% in the first quarter, not 1.1% as
    # it previously reported")
    after = [c for c in node.head.children if c.i > node.i] if node.head.i != node.i else []
    return any(
        c.dep_ in RELATIVE_CLAUSE_DEPS | ADJUNCT_CLAUSE_DEPS and _lemma(c) in CUE_VERBS | FIGURE_GIVING_VERBS
        for c in (*node.children, *after)
    )


def _own_earlier_word(node: Token) -> bool:
    """'far less than the 14,000 acres they estimated on Monday', 'fewer than the 500 million it had estimated':
    a value set against the figure as what the same source ("it", "they") said before."""
    if node.dep_ != "pobj" or node.head.lower_ != "than":
        return False
    return any(
        c.dep_ in RELATIVE_CLAUSE_DEPS
        and _lemma(c) in CUE_VERBS | FIGURE_GIVING_VERBS
        and any(s.dep_ in SUBJECT_DEPS and s.lower_ in IT_THEY_PRONOUNS for s in c.children)
        for c in node.children
    )


def _revises_a_statement(verb: Token) -> bool:
    """'revised', 'upgraded': always; 'cut', 'raised', 'upped': when what they change is a figure ("upped the
    figure", "cut their estimate"), not a price or a rate."""
    lemma = _lemma(verb)
    if lemma in STATEMENT_REVISING_VERBS:
        return True
    return lemma in FIGURE_CHANGING_VERBS and any(
        c.dep_ in PATIENT_DEPS and _lemma(c) in RESTATING_NOUNS | OWNED_FIGURE_NOUNS for c in verb.children
    )  # "raised its growth forecast to 2.1 percent from 1.8 percent"


def _moved_somewhere(path: list[Token]) -> bool:
    """'choppers airlifted 11 seriously injured people to Peshawar', '12 injured were flown to Surkhet': people a
    verb of moving (`MOVING_VERBS`) takes somewhere ("to" a place), as its object."""
    verb = path[-1]
    if _lemma(verb) not in MOVING_VERBS or len(path) < 2 or path[-2].dep_ not in PATIENT_DEPS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _verb_of_source_phrase(noun: Token) -> Token | None:
    """The verb an "according to" phrase hangs on, when `noun` is joined to that phrase's source: 'joined the
    march, according to police, or 12,000 people'."""
    source = noun.head
    if noun.dep_ not in CONJUNCT_DEPS or source.dep_ != "pobj" or source.head.lower_ != "to":
        return None
    according = source.head.head
    if according.lower_ != "according" or according.head.pos_ not in VERB_POS:
        return None
    return according.head


def _how_often(verb: Token) -> str | None:
    """'around 3,000 people die annually', 'die each year on the roads': the span of time the verb's count is
    for, when the verb says it happens every such span (a rate, no count of one event)."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in FREQUENCY_ADVERBS:
            return FREQUENCY_ADVERBS[child.lower_]
        span = child.dep_ == "npadvmod" and _lemma(child) in TIME_SPAN_NOUNS and child.tag_ not in PLURAL_NOUN_TAGS
        if span and any(c.dep_ == "det" and c.lower_ in EVERY_DETERMINERS for c in child.children):
            return _lemma(child)
    return None


def per_what(anchor: Token) -> str | None:
    """'34,000 crowns per claimant', '0.42 euros a share': a rate, not a total."""
    doc = anchor.doc
    for token in doc[anchor.i + 1 : anchor.i + 3]:
        if token.lower_ in RATE_WORDS and token.i + 1 < len(doc):
            following = doc[token.i + 1]
            if following.lower_ in CENT_WORDS:
                return None  # "74 per cent" is a share, read as %
            if names_a_body(following.head if following.dep_ == "compound" else following):
                return None  # "31 per emergency service": who gives the figure, not what it is per
            if following.dep_ == "compound" and _lemma(following.head) in OWNED_FIGURE_NOUNS:
                return None  # "46% per company figures": whose figures, not what it is per
            if following.pos_ == "NOUN" and (token.lower_ == "per" or following.lemma_.lower() in RATE_NOUNS):
                return following.lemma_.lower()
        if token.pos_ not in RATE_GAP_POS:
            break
    return None


def _for_each(token: Token) -> bool:
    """'two rallies, up to 100,000 participants each', '$500 apiece' (not 'each of the ...', 'each day')."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in DISTRIBUTIVE_WORDS:
        return False
    following = doc[token.i + 2] if token.i + 2 < len(doc) else None
    return following is None or (following.pos_ not in NOUN_POS and following.lower_ != "of")


def names_a_body(noun: Token) -> bool:
    """'per emergency service', 'per the hospital', 'per police', 'per organisers': a body or sources that give
    figures, after 'per' in a post; a bare body ('$5 million per company') is what a rate is per."""
    if noun.tag_ in PLURAL_NOUN_TAGS and noun.lemma_.lower() in SOURCE_NOUNS:
        return True  # "8,000 per organisers", "per officials": a rate is per one of a kind, not per many
    if noun.lemma_.lower() not in ORGANISATION_NOUNS:
        return False
    marked = any(c.dep_ == "det" or c.dep_ in NOUN_MODIFIER_DEPS for c in noun.children)
    return marked or noun.lemma_.lower() in MASS_BODY_NOUNS


POSSESSIVE_ENDING = re.compile(r"\s*['’]s$")


def _share_owner(number: Token) -> str | None:
    """Whose share a percentage is: the name its verb gives as subject or object, outside the figure's own
    phrase ("Kessling won 41.8% of the vote", "28 percent of caucusgoers supported Mr. Trump")."""
    verb = figure_path(number)[-1]
    if verb.pos_ not in VERB_POS:
        return None

    # The subject first ("Valcourt won Lethany's election with 51.6%"), unless the object is the share itself:
    # "put United Tarsenia's share of the vote at 41 percent" names the holder as subject.
    def share_first(child: Token) -> bool:
        return child.dep_ in OBJECT_DEPS and _named(child) == "share"

    # Of two subjects (a parse that took a dateline for one), the nearer to the verb.
    for child in sorted(
        verb.children, key=lambda c: (not share_first(c), c.dep_ in OBJECT_DEPS, abs(c.i - verb.i))
    ):
        inside = child.left_edge.i <= number.i <= child.right_edge.i
        if child.dep_ in SHARE_OWNER_DEPS and not inside:
            name = _named_party(child)
            if name is not None:
                # The name's own words, not the recogniser's entity, which can run across a dateline.
                return _party_words(name)
    return None


def _named_party(noun: Token) -> Token | None:
    """The name a noun phrase gives, from its head or the names before it ("Mr. Trump", "the governing United
    Tarsenia party", "United Tarsenia's share"); dates ("Sunday's election") and places are no party."""
    candidates = [noun, *(c for c in noun.children if c.dep_ in NAME_PART_DEPS)]
    # A place names where, not whose ("Lethany's presidential election").
    return next(
        (t for t in candidates if t.pos_ == "PROPN" and t.ent_type_ not in TIME_ENTITIES | SCOPE_ENTITIES),
        None,
    )


def per_cent_follows(number: Token) -> bool:
    """Whether 'per cent', 'percent' or '%' follows the number."""
    doc = number.doc
    following = [t.lower_ for t in doc[number.i + 1 : number.i + 3]]
    return bool(following) and (following[0] in PERCENT_WORDS or following[:2] == ["per", "cent"])


def _of_object(noun: Token) -> Token | None:
    """'8,400 square kilometres of forest' -> forest; '54% of the vote' -> vote."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ in OF_OBJECT_POS:
                    return grandchild  # "the number of displaced", "the estimate of those missing"
                if grandchild.dep_ == "pcomp" and grandchild.tag_ in PARTICIPLE_TAGS and not list(grandchild.children):
                    return grandchild  # "the number of missing": a bare participle the parser took for a clause
    return None


def _restated(noun: Token) -> Token | None:
    """What a figure noun is the figure of or for: 'the number of displaced', 'the figure for expected job
    losses'. In 'a figure of 11,500 hectares' the "of" holds the value itself, not what it counts."""
    target = _of_object(noun)
    if target is not None and (
        target.like_num or any(c.dep_ in NUMBER_ATTACHMENT_DEPS and c.like_num for c in target.children)
    ):
        return None
    if target is not None and _lemma(target) in FORECASTER_NOUNS:
        return None  # "the median estimate of economists": whose estimate, not what it counts
    if target is not None:
        return target
    # ("lowered its forecast for the operating margin to 11%": "for" hung on the verb when the noun is its object)
    verb = noun.head if noun.dep_ in PATIENT_DEPS and noun.head.pos_ in VERB_POS else None
    for_phrases = [*noun.children, *(c for c in (verb.children if verb is not None else ()) if c.i > noun.i)]
    for child in for_phrases:
        if child.dep_ == "prep" and child.lower_ == "for":
            target = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in OF_OBJECT_POS), None)
            # "a count for a group of media outlets": who the count was made for, not what it counts; "its loss
            # estimate for the U.S.": where it holds.
            if target is None or _lemma(target) in ORGANISATION_NOUNS | PLACE_NOUNS or target.ent_type_ in SCOPE_ENTITIES:
                return None
            return target
    return None


def _modifier_quantity(noun: Token, *, after: bool = True) -> str | None:
    """'participation rate', 'death toll', 'area burned': a modifier naming the quantity wins (`after`: one after
    the noun too)."""
    for child in noun.children:
        if child.dep_ in PRENOMINAL_MODIFIER_DEPS and child.i < noun.i:
            found = _event(child) or _named(child)
            if found:
                return found
        if after and child.dep_ in ADJECTIVAL_MODIFIER_DEPS and child.i > noun.i and _event(child):
            return _event(child)
    return None


def _read_noun(noun: Token, structure: Structure) -> None:
    if noun.lower_ in CENT_WORDS and structure.unit == "%":
        return  # "an estimate of 1.8 per cent" parsed with "cent" as a noun: the unit, not a counted thing
    if _per_unit_quantity(noun, structure):
        return
    modifier = _modifier_quantity(noun) if _named(noun) and _lemma(noun) in GENERIC_MEASURE_HEADS else None
    if modifier:
        structure.quantity = structure.quantity or modifier
        return
    named = _named(noun)
    event = _event(noun)
    if _employment_growth(noun, structure) or _bare_rate(noun, structure):
        return
    if named:
        named = _measured_output(noun, named, structure)
        structure.quantity = structure.quantity or named
        structure.basis = structure.basis or _basis(noun)
        return
    if event and noun.pos_ in STATE_POS:
        structure.quantity = structure.quantity or event  # "9 dead", "22 injured"
        return
    lemma = _lemma(noun)
    if event and (noun.lower_ in EVENT_FAMILIES.get(event, ()) or noun.lower_.endswith("ed")):
        structure.quantity = (
            structure.quantity or event
        )  # "the number of displaced": the people it happened to
        return
    if event and lemma not in EVENT_PEOPLE_NOUNS and lemma not in QUANTITY_OF_COUNTED:
        # "17 deaths", "1,284 cases"; "23 hostages were killed" is told by the verb (`QUANTITY_OF_COUNTED`)
        structure.quantity = structure.quantity or event
        if lemma in EVENT_ITEM_NOUNS:
            return
    if event and lemma in PARTICIPANT_NOUNS:
        # "300 detained protesters", "300 protesters were detained": what happened to the participants, when a
        # modifier or the verb says it; that they took part only when nothing else does (`QUANTITY_OF_COUNTED`).
        happened = next(
            (_event(c) for c in noun.children if c.dep_ in ADJECTIVAL_MODIFIER_DEPS and _event(c)), None
        )
        structure.quantity = structure.quantity or happened
        structure.counted = lemma  # "people" once they took part (`figure_structure`)
        return
    if lemma in RESTATING_NOUNS and lemma != "it":
        target = _restated(noun)
        if target is not None:
            _read_noun(target, structure)
        else:
            structure.points_back = True
        return
    if noun.ent_type_ == "NORP":
        structure.counted = "people"  # "80,000 Ostrandis"
        structure.side = noun.lower_
        return
    structure.side = _side_of(noun)
    if noun.pos_ in STAND_IN_POS:
        return  # "those missing", "which": a pronoun names no counted thing of its own
    if lemma in ITEM_NOUNS:
        lemma = _kind_of_item(noun) or lemma
    structure.counted = (
        family_of(lemma, COUNTED_FAMILIES) or family_of(noun.lower_, COUNTED_FAMILIES) or lemma
    )


def _kind_of_item(noun: Token) -> str | None:
    """What items are ('mac' in "2.5 million Mac units", 'phone' in "phone sales rose to 7.9 million units"): a noun
    before the item noun, or before the noun of what happened to them that is the clause's subject."""
    kinds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if not kinds and noun.dep_ in PREPOSITION_OBJECT_DEPS | COPULA_VALUE_DEPS:
        verb = noun.head.head if noun.dep_ in PREPOSITION_OBJECT_DEPS else noun.head  # "rose to ...", "were ..."
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and _event(c)] if verb.pos_ in VERB_POS else []
        kinds = [c for subject in subjects for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
    return _lemma(kinds[-1]) if kinds else None


def _side_of(noun: Token) -> str | None:
    """The nation or people a counted noun belongs to: 'Ukrainian' in 'Ukrainian servicemen', 'Russia' in
    "Russia's soldiers"."""
    for child in noun.children:
        if child.dep_ in SIDE_DEPS and child.ent_type_ in SIDE_ENTITIES and child.i < noun.i:
            return child.lower_
    return None


def _one_side(a: str | None, b: str | None) -> bool:
    """Whether two sides may be one: unknown, or one word of a nation in two forms ('ukraine', 'ukrainian'): the
    shorter word, but for its last two letters, opens the longer."""
    if a is None or b is None:
        return True
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter[: max(len(shorter) - 2, 3)])


def _read_modifiers(noun: Token, structure: Structure) -> None:
    """'homes destroyed', 'people missing', 'jobs that would disappear', 'the injured'."""
    if structure.quantity:
        return
    for child in noun.children:
        if child.dep_ in EVENT_MODIFIER_DEPS and not (_lemma(noun) in PURPOSE_NOUNS and _infinitive(child)):
            found = _event(child)
            if found is None and noun.tag_ in PLURAL_NOUN_TAGS:
                found = ACTIVITY_PARTICIPLES.get(child.lower_)
            if found is None and child.dep_ in NOUN_CLAUSE_DEPS:
                found = _verb_particle_event(child)
            if found:
                structure.quantity = found
                return
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "without":
            deprived = [t for t in child.children if t.dep_ == "pobj"]
            if deprived:
                structure.quantity = f"without {_lemma(deprived[0])}"  # "homes without power"
                return
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and following.pos_ in STATE_POS and _event(following):
        structure.quantity = _event(following)  # "people missing" parsed loosely


def _after_a_slash(first: Token) -> bool:
    """'5.8 (institute) / 6.1 (network)': the value's first word (or its currency sign) follows a slash."""
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.is_currency and first.i > 1:
        before = first.doc[first.i - 2]
    return before is not None and before.text in ALTERNATIVE_MARKS


def _labelled_by_a_source(anchor: Token) -> bool:
    """A bare figure after a source's label and a colon: 'Education ministry: 28%', 'Police: 3,000', or after the
    label of a source's figure: '(organisers' estimate: 80,000 people; police estimate: 25,000)'."""
    label = anchor.head
    speaks = _lemma(label) in SOURCE_NOUNS | OWNED_FIGURE_NOUNS or label.ent_type_ in SPEAKING_ENTITIES
    return anchor.dep_ in ("appos", "dep") and _label_before(label, anchor) and speaks


def _done_to_by_its_verb(noun: Token) -> bool:
    """'released 37 people abducted last month', 'rescued 40 people trapped under rubble': the verb whose object the
    counted people are says what happened to them; the participle on them, what they had been through."""
    verb = noun.head
    return (
        noun.dep_ in PATIENT_DEPS
        and verb.pos_ in VERB_POS
        and _event(verb) in HAPPENS_TO_PEOPLE
        and any(c.dep_ in EVENT_MODIFIER_DEPS and _event(c) for c in noun.children)
    )


def _read_state(noun: Token, structure: Structure) -> None:
    """'65% of teachers on strike', 'people in camps', '90 migrants on board', '150 people aboard': the state the
    counted are in, when nothing in the clause says what happened to them ("Seventeen of the passengers on board
    were already dead" are dead)."""
    for child in noun.children:
        if child.dep_ == "prep":
            objects = [t for t in child.children if t.dep_ in ("pobj", "dep")]
            states = (STATE_PHRASES.get((child.lower_, _lemma(t))) for t in objects)
            state = next((found for found in states if found), None)
            state = state or next((_event(t) for t in objects if _event(t) in STATE_QUANTITIES), None)
            if child.lower_ in BOARDING_PREPOSITIONS and any(_lemma(t) in VEHICLE_WORDS for t in objects):
                state = "on board"  # "153 people on the plane"
            if state:
                structure.quantity = state
                return
        if child.lower_ in ABOARD_WORDS and child.i > noun.i:
            structure.quantity = "on board"
            return


def _other_fate(verb: Token, found: str) -> str | None:
    """'destroyed or badly damaged': the other event a verb is joined to by "or" (`EITHER_FATE_JOINS`), when that
    verb has no count of its own; the clause counts the things that met either."""
    if not any(c.dep_ == "cc" and c.lower_ in EITHER_FATE_JOINS for c in verb.children):
        return None
    for joined in verb.children:
        if joined.dep_ in CONJUNCT_DEPS and not any(t.like_num for t in joined.subtree):
            other = _event(joined)
            if other and other != found:
                return other
    return None


def _moved_to_safety(verb: Token) -> str | None:
    """'evacuated' for "410,000 people had been moved to storm shelters", "shifted to safer places": a verb of
    moving people to where they are safe (`SAFE_DESTINATION_NOUNS`)."""
    if _lemma(verb) not in MOVING_VERBS:
        return None
    for place in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children):
        safe = _lemma(place) in SAFE_DESTINATION_NOUNS or any(a.lower_ in SAFE_WORDS for a in place.children)
        if place.dep_ == "pobj" and safe:
            return EVACUATED
    return None


def _particle_event(verb: Token) -> str | None:
    """'cut off' -> trapped, 'broke out' -> escaped: what a verb with its particle says (`PHRASAL_EVENTS`)."""
    lemma = _lemma(verb)
    return next(
        (PHRASAL_EVENTS[key] for c in verb.children if c.dep_ == "prt" and (key := (lemma, _lemma(c))) in PHRASAL_EVENTS),
        None,
    )


def _verb_particle_event(verb: Token) -> str | None:
    """'lost their lives' -> killed; 'took part', 'stayed away', 'were on strike' -> took part (`PHRASAL_EVENTS`)."""
    lemma = _lemma(verb)
    for child in verb.children:
        # "6.1 million votes were cast": the object of a phrase made the passive's subject.
        if child.dep_ in VERB_COMPLETION_DEPS or child.dep_ == "nsubjpass":
            phrasal = PHRASAL_EVENTS.get((lemma, _lemma(child)))
            if phrasal:
                return phrasal
        if child.dep_ in VERB_COMPLETION_DEPS:
            found = _event(child)
            if found and child.dep_ not in PHRASE_ONLY_COMPLETION_DEPS:
                return found
    for child in verb.children:
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if _event(pobj) in STATE_QUANTITIES:
                    return _event(pobj)
                state = STATE_PHRASES.get((child.lower_, _lemma(pobj)))
                if state:
                    return state  # "7,000 workers were on strike"
            if child.lower_ in ABOARD_WORDS:
                return "on board"
        elif child.lower_ in ABOARD_WORDS and child.dep_ in ADVERB_COMPLETION_DEPS:
            return "on board"  # "180 people were aboard"
    # "would go", "lost their jobs", "homes had been lost": the verb of losing; what losing means depends on
    # what is lost. (A state named after it comes first: "32% of teachers went on strike" took part.)
    # ("22 prisoners went through the tunnel": a verb of going somewhere loses nothing)
    if lemma in LOSING_VERBS and not any(c.lower_ in DESTINATION_WORDS for c in verb.children):
        return "cut"
    return None


def _climb(anchor: Token, structure: Structure) -> None:
    """Read the clause around the figure: its verb, the verb's subject or object, a noun it is the value of."""
    node = anchor
    for _ in range(MAX_CLIMB):
        head = node.head
        if head.i == node.i:
            return
        lemma = _lemma(head)
        moves_the_world = _lemma(head.head) in FIGURE_CHANGING_VERBS and not _revises_a_statement(head.head)
        if node.dep_ == "pobj" and head.lower_ == "from" and (_changes(head.head) or moves_the_world):
            structure.baseline = True  # "up from 12,500", "fell to 187 from 203", "raised rates to 5% from 4.5%"
        if (node.dep_ in CHANGE_AMOUNT_DEPS and lemma in CHANGE_WORDS and head.pos_ in CHANGE_POS) and (
            not any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children) or node.dep_ == "npadvmod"
        ):
            structure.change = True  # "rose 4%", "fell 22%", "closed 3.2% higher"
        # ("undercounted", which the lemmatiser leaves as "undercounte": the word less its "-ed")
        moved_by = {_lemma(head.head), head.head.lower_.removesuffix("ed")} & (CHANGE_WORDS | FIGURE_CHANGING_VERBS)
        if node.dep_ == "pobj" and head.lower_ == CHANGE_BY and moved_by and head.head.pos_ in CHANGE_POS:
            structure.change = True  # "rose by 4%", "has fallen by 0.6% in a month", "the toll was cut by 16"
            # ("payrolls climbing by 245,000" are the jobs created; "revised down by 41,000" is a revision's size)
            structure.moved_by = _lemma(head.head) in REVISION_VERBS
        # "closed 3.2% higher" is a change; "revised down to 1,200" moves to a level, and "up from 40 million"
        # names the level it moved from.
        moved_to = any(c.dep_ == "prep" and c.lower_ in LEVEL_PREPOSITIONS for c in node.children)
        # ("ahead of the $1.98", "short of the 440 million" set a value against another: no change)
        # ("far more than the 420 arrests reported by police": a comparative with its "than" compares, it moves
        # nothing)
        set_against = node.lower_ in SHORT_WORDS or (
            node.tag_ in COMPARATIVE_TAGS and any(c.lower_ in COMPARISON_WORDS for c in node.children)
        )
        # ("five per cent less than in 2015", "20% more": the amount a comparative differs by)
        if (node.dep_ == "advmod" and not moved_to and not set_against) or (
            node.dep_ == "npadvmod" and (head.lower_ in DIRECTION_WORDS or head.tag_ in COMPARATIVE_TAGS)
        ):
            structure.change = True
        comparative = node.tag_ in COMPARATIVE_TAGS and node.dep_ in MODIFIER_DEPS
        if head.pos_ == "NOUN" and _changes(head) and node.dep_ == "pobj":
            structure.change = True  # "an increase of 9%"
        # ("On board: 180 (operator) vs 260 (survivors)": a noun in brackets right after the value says who gives
        # it, not what it counts)
        bracketed = any(t.text == OPENING_BRACKET for t in head.doc[node.i + 1 : head.i])
        if head.pos_ == "NOUN" and (node.dep_ in VALUE_OF_NOUN_DEPS or comparative) and not bracketed:
            # "a turnout of 61%", "inflation of 4.8%", "a toll of 17"
            _take_noun(head, structure)
            if structure.quantity or structure.points_back:
                return
        if head.pos_ == "ADP" and head.lower_ in _LINK_PREPOSITIONS:
            # ("a net profit after tax of $245.8 million": the profit's value, not the tax's)
            grand = _result_before_deduction(head.head.head, head.head) or head.head
            if grand.pos_ == "NOUN" and head.lower_ == "of" and _changes(grand):
                structure.change = True  # "an increase of 9%"
            # ("reported the quake's magnitude as 7.3": the value a figure noun is given "as")
            if grand.pos_ in NOUN_POS and (head.lower_ in _VALUE_PREPOSITIONS or head.lower_ in ESTIMATE_PREPOSITIONS):
                _take_noun(grand, structure)  # "a toll of 17", "estimated damage at 2.1 billion euros"
                if structure.quantity or structure.points_back:
                    return
            located = structure.counted and not structure.unit and head.lower_ not in CONCERNING_PREPOSITIONS
            located = located and _lemma(grand) not in ESTIMATE_WORDS | FIGURE_GIVING_VERBS
            if located and anchor.pos_ in NOUN_POS and grand.pos_ in VERB_POS:
                return  # "treated at four hospitals", "evacuated from 11 villages": a place, not who it happened to
            node = head
            continue
        if head.pos_ == "ADP" and head.lower_ in CIRCUMSTANCE_PREPOSITIONS:
            return  # "died after 3,600 patients flooded in": the verb's event is not theirs
        if head.tag_ in COMPARATIVE_TAGS:
            node = head  # "closer to 950": look past the comparative
            continue
        if _lemma(head) in RANGING_VERBS and head.dep_ in ADJECTIVAL_MODIFIER_DEPS and head.head.pos_ in NOUN_POS:
            _take_noun(head.head, structure)  # "revenue ranging from $33 billion to $34 billion"
            if structure.quantity or structure.points_back:
                return
        if node.lower_ == "as" and head.dep_ == "acomp" and _subject_restates_a_figure(head.head):
            node = head  # "the toll could be as high as 100,000": the value of the copula's subject
            continue
        if _describing([node, head]):
            node = head  # "at a 2.8 percent annualized pace": the participle describes the noun the figure is of
            continue
        if head.pos_ in PREDICATE_POS:
            if head.dep_ in AUXILIARY_DEPS and head.head.i != head.i:
                node, head = head, head.head  # "about 40 were unaccounted for": the main verb decides
            elif misread_figure_noun(head):
                node, head = head, head.head  # "revised that estimate upward to 900,000": the verb decides
            believed = _believed_to(head) if node.dep_ in SUBJECT_DEPS else None
            if believed is not None:
                # "45 hostages are believed to have been freed", "30 are feared to have died": what the clause
                # believed says happened to them
                _read_verb(believed, node, structure)
                if structure.quantity:
                    return
            _read_verb(head, node, structure)
            return
        node = head


_SUBJECT_OR_PATIENT_DEPS = SUBJECT_DEPS | PATIENT_DEPS


def _believed_to(verb: Token) -> Token | None:
    """'are believed to have been freed', 'are feared to have died': the verb of the clause a verb of believing
    raises its subject from (`BELIEVING_VERBS`)."""
    if _lemma(verb) not in BELIEVING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in VERB_POS), None)


def _subject_restates_a_figure(verb: Token) -> bool:
    """'the toll could be ...', 'the number may be ...', 'turnout was as high as 40 per cent': a verb whose subject
    is a noun for a figure (`RESTATING_NOUNS`) or for what happened; "net job losses could be as low as 100" leaves
    what is lost to the losses."""
    return verb.pos_ in VERB_POS and any(
        c.dep_ in SUBJECT_DEPS and (_lemma(c) in RESTATING_NOUNS or _event(c) or _named(c) in EVENT_FAMILIES)
        for c in verb.children
    )


def dated_restatement(number: Token) -> bool:
    """Whether the figure noun a number restates carries a date of its own: "last month's figure was revised to
    5.4 per cent", "the July figure", "the number for the month before"."""
    verb = figure_path(number)[-1]
    return any(
        t.ent_type_ in TIME_ENTITIES
        for child in verb.children
        if child.dep_ in _SUBJECT_OR_PATIENT_DEPS and _lemma(child) in RESTATING_NOUNS
        for t in child.subtree
        if t.i != child.i
    )


def misread_figure_noun(token: Token) -> bool:
    """'It revised that estimate upward to 900,000': the parser read the figure's noun as a verb (with "that" as
    its subject or determiner) under the revising verb; it is the revising verb's object."""
    return (
        _lemma(token) in RESTATING_NOUNS
        and token.dep_ in MISREAD_OBJECT_DEPS
        and _lemma(token.head) in FIGURE_CHANGING_VERBS
        and any(c.i < token.i and c.lower_ in DEMONSTRATIVE_WORDS for c in token.children)
    )


def _rate_of(noun: Token) -> Token | None:
    """The unit a named noun is a rate of: 'share' in 'earnings per share'."""
    return next(
        (
            pobj
            for child in noun.children
            if child.dep_ == "prep" and child.lower_ in RATE_WORDS and child.i > noun.i
            for pobj in child.children
            if pobj.dep_ == "pobj" and _lemma(pobj) in RATE_NOUNS
        ),
        None,
    )


def _basis(noun: Token) -> str | None:
    """The accounting basis a modifier before the noun names: 'adjusted EPS', 'diluted earnings', 'net profit'."""
    return next(
        (c.lower_ for c in noun.children if c.i < noun.i and c.dep_ in PRENOMINAL_MODIFIER_DEPS and c.lower_ in BASES),
        None,
    )


def _per_unit_quantity(noun: Token, structure: Structure) -> bool:
    """'earnings per share of $3.68', 'an adjusted EPS of $0.87': a quantity per unit, named by the noun the rate
    hangs on (not by "share") or by an abbreviation."""
    per: str | None
    quantity, per = PER_UNIT_ABBREVIATIONS.get(noun.lower_, (None, None))
    rate = _lemma(noun) in RATE_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in RATE_WORDS
    if quantity is None and rate:
        quantity, per = _named(noun.head.head), _lemma(noun)
    # ("earnings per share (EPS) between $2.10 and $2.20": the value hangs on the named noun, the rate below it)
    rate_below = _rate_of(noun)
    if quantity is None and rate_below is not None and _named(noun):
        quantity, per = _named(noun), _lemma(rate_below)
    if quantity is None:
        return False
    structure.quantity = quantity
    structure.basis = _basis(noun) or (_basis(noun.head.head) if rate else None)
    if structure.unit and " per " not in structure.unit:
        structure.unit = f"{structure.unit} per {per}"
    return True


def _measured_output(noun: Token, named: str, structure: Structure) -> str:
    """'oil output fell to 1.02 million barrels per day': output measured in a unit of stuff is production, no
    growth of an economy (`OUTPUT_BY_MEASURE`)."""
    if _lemma(noun) in OUTPUT_WORDS and structure.unit not in (None, "%") and not in_currency(structure.unit):
        return OUTPUT_BY_MEASURE.get(named, named)
    return named


def _take_noun(noun: Token, structure: Structure) -> None:
    if structure.quantity or _employment_growth(noun, structure) or _bare_rate(noun, structure):
        return
    if _per_unit_quantity(noun, structure):
        return
    named = _named(noun)
    if named:
        named = _measured_output(noun, named, structure)
        # "unemployment rate", "death toll": a generic head takes its modifier's name; "consumer price inflation"
        # is inflation
        generic = _lemma(noun) in GENERIC_MEASURE_HEADS
        # ("the rate of striking teachers", "the share of striking teachers": what the people counted are doing)
        structure.quantity = (_modifier_quantity(noun) if generic else None) or _activity_of(noun) or named
        structure.basis = _basis(noun)
        if structure.quantity in NAMED_QUANTITIES["loss"] and structure.unit is None:
            # "job losses", "home losses": what losing means depends on what is lost (`LOSS_BY_COUNTED`)
            lost = next((_lemma(c) for c in noun.children if c.dep_ == "compound" and c.i < noun.i), None)
            if lost in LOSS_BY_COUNTED:
                structure.quantity, structure.counted = LOSS_BY_COUNTED[lost], structure.counted or lost
        return
    event = _event(noun)
    if event:
        structure.quantity = event
        return
    if _lemma(noun) in RESTATING_NOUNS | OWNED_FIGURE_NOUNS:
        target = _restated(noun)
        # ("the number killed" counts the killed; "the estimate, released two weeks ago" was published)
        modified = _modifier_quantity(noun, after=_lemma(noun) in COUNTING_NOUNS)
        if target is None and modified:
            structure.quantity = modified  # "a loss estimate of $2 billion", "a casualty count of 40"
        elif target is not None:
            _read_noun(target, structure)
            if not structure.quantity:
                _read_modifiers(target, structure)
            if not structure.quantity and _lemma(noun) in COUNTING_NOUNS:
                # "the number of households that have been evacuated": the parser hangs the clause on the number
                _read_modifiers(noun, structure)
        elif not structure.known:
            structure.points_back = True


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _activity_of(noun: Token) -> str | None:
    """'the rate of striking teachers': what the people counted after "of" are doing, named by a participle."""
    target = _of_object(noun)
    if target is None or target.tag_ not in PLURAL_NOUN_TAGS:
        return None
    return next((ACTIVITY_PARTICIPLES[c.lower_] for c in target.children if c.lower_ in ACTIVITY_PARTICIPLES), None)


def _bare_rate(noun: Token, structure: Structure) -> bool:
    """'The unemployment rate fell to 6.2 percent ... Economists had expected the rate to fall to 6.3 percent': "the
    rate" with nothing naming which is the rate the article named before. Reads it into `structure` when so."""
    if structure.quantity or _lemma(noun) != GENERIC_RATE:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "a") for c in noun.children):
        return False
    # "the jobless rate", "the rate of inflation", "the rate for November" name their own ("a rate of 2.6 percent"
    # names only its value)
    if any(
        c.dep_ in PRENOMINAL_MODIFIER_DEPS or (c.dep_ == "prep" and not _holds_value(c)) for c in noun.children
    ):
        return False
    structure.points_back = True
    return True


def _said_of_the_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children)


def _measured_event(noun: Token, verb: Token) -> Token | None:
    """The event a measure is of: the noun the measure's name modifies ('a 5.1-magnitude aftershock'), or the
    subject of the verb that measures it ('the quake measured 6.4'), or the noun the measure is "of" ('a smaller
    foreshock, of magnitude 4.8')."""
    of_measure = [noun.head.head] if noun.head.lower_ == "of" and noun.dep_ == "pobj" else []
    for candidate in (noun.head, *_subjects(verb), *of_measure):
        if family_of(_lemma(candidate), EVENT_KINDS) in MEASURE_OF_EVENT:
            return candidate
    return None


def _possessive_month(number: Token) -> str | None:
    """The one month named as a possessive in the figure's sentence ("November's report"), or None."""
    months = {t.text for t in sentence_of(number) if t.dep_ == "poss" and t.lower_ in MONTH_NAMES}
    return months.pop() if len(months) == 1 else None


def _forecasters_looking_for(path: list[Token]) -> bool:
    """'Analysts were looking for $538 million': what forecasters look for is what they expect."""
    verb, particle = FORECASTERS_EXPECTING_PHRASE
    if _lemma(path[-1]) != verb or not any(t.lower_ == particle and t.dep_ == "prep" for t in path):
        return False
    return any(names_forecasters(s) for s in _subjects(path[-1]))


def names_forecasters(noun: Token) -> bool:
    """'analysts', 'economists', or a market named for its forecasters ('Wall Street')."""
    if _lemma(noun) in FORECASTER_NOUNS:
        return True
    name = " ".join(t.lower_ for t in noun.lefts if t.dep_ == "compound") + f" {noun.lower_}"
    return name.strip() in FORECASTER_NAMES


def _subjects_and_causes(verb: Token) -> list[Token]:
    """The verb's subjects and the objects of its prepositions: what did it, or by what ('died in airstrikes',
    'because of coalition strikes')."""
    return [
        *_subjects(verb),
        *(g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"),
    ]


def _events_in_general(noun: Token) -> bool:
    """'coalition strikes', 'current fires': events of a kind in the bare plural, no article or owner saying which
    ('the strikes', 'its attacks' may be the story's own)."""
    return (
        noun.tag_ in PLURAL_NOUN_TAGS
        and family_of(_lemma(noun), EVENT_KINDS) is not None
        and not any(c.dep_ in DETERMINER_DEPS for c in noun.children)
    )


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects; a verb completing another with none of its own ("was estimated to have a magnitude of
    5.5"), or a participle modifying its clause, shares that verb's, and a relative pronoun there stands for the
    noun its clause hangs on ("the aftershock that was estimated to have")."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # ("The fire was mapped using GPS at 2,483 acres": a participle's clause shares the subject of the clause it
    # modifies)
    participle = verb.dep_ == "advcl" and verb.tag_ in PRESENT_PARTICIPLE_TAGS
    if own or (verb.dep_ not in OPEN_COMPLEMENT_DEPS and not participle):
        return own
    head = verb.head
    relative = head.dep_ in RELATIVE_CLAUSE_DEPS and head.head.pos_ in NOUN_POS
    return [
        head.head if relative and c.lower_ in RELATIVE_PRONOUNS else c for c in head.children if c.dep_ in SUBJECT_DEPS
    ]


def _compass_misread(noun: Token) -> Token:
    """'the spill west of Santa Barbara' parsed with "west" as the head and "spill" before it: the noun the
    direction places, not the direction."""
    if _lemma(noun) not in COMPASS_WORDS or not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return noun
    return next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"), noun)


def _designed_for(verb: Token) -> bool:
    """'designed to carry', 'built to hold', 'licensed to carry': the verb states a capacity."""
    return verb.dep_ == "xcomp" and _lemma(verb.head) in CAPACITY_VERBS


def _prices_in_general(verb: Token) -> bool:
    """'prices rose 2.9 percent', 'consumer prices to rise by 6 percent': prices of nothing in particular, rising or
    falling, are inflation ("the price of bread", "house prices" are a thing's price)."""
    if _lemma(verb) not in CHANGE_WORDS:
        return False
    for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
        if subject.lower_ == "prices" and all(
            c.dep_ not in PRENOMINAL_MODIFIER_DEPS | {"prep"} or c.lower_ in GENERAL_PRICE_WORDS for c in subject.children
        ):
            return True
    return False


def _holds_value(preposition: Token) -> bool:
    """'of 2.6 percent': a preposition whose object is the figure's value."""
    return preposition.lower_ == "of" and any(
        c.dep_ == "pobj" and (c.like_num or any(g.like_num for g in c.children)) for c in preposition.children
    )


def _employment_growth(noun: Token, structure: Structure) -> bool:
    """'Job growth in August was revised to 165,000', 'payroll growth of 150,000': growth in jobs counted, not as a
    rate, is the jobs created (`_employment_grows`). Reads it into `structure` when so."""
    figure_noun = _lemma(noun) in RESTATING_NOUNS | OWNED_FIGURE_NOUNS  # "June's payrolls figure was revised"
    if structure.quantity or structure.unit is not None or not (_named(noun) == "growth" or figure_noun):
        return False
    if not any(c.dep_ in PRENOMINAL_MODIFIER_DEPS and _lemma(c) in EMPLOYMENT_WORDS for c in noun.children):
        return False
    structure.quantity, structure.counted, structure.change = "created", "job", False
    return True


def _employment_grows(verb: Token, node: Token) -> bool:
    """'Payrolls rose by 96,000', 'the number of people employed increased by 54,600 people': the amount a verb of
    growth says employment grew by (`EMPLOYMENT_WORDS`), not the level it reached ("to 11.4 million")."""
    amount = node.dep_ in CHANGE_AMOUNT_DEPS or (node.dep_ == "prep" and node.lower_ == "by")
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if verb.dep_ == "acl":
        subjects.append(verb.head)  # "had forecast payrolls increasing by 180,000 jobs"
    return amount and any(
        _lemma(t) in EMPLOYMENT_WORDS or t.lower_ in EMPLOYMENT_WORDS for s in subjects for t in s.subtree
    )


def _own_action(path: list[Token]) -> bool:
    """'it would cut 4,000 jobs', '180,000 of its customers', '95,000 customers in its territory': what the
    clause's subject does as itself, or things its possessive makes its own (not "it counted", a statement)."""
    verb = path[-1]
    acts = _lemma(verb) not in CUE_VERBS | FIGURE_GIVING_VERBS
    if acts and any(c.dep_ in SUBJECT_DEPS and c.lower_ in SELF_PRONOUNS for c in verb.children):
        return True
    return any(c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES for noun in _path_nouns(path) for c in noun.children)


def _path_nouns(path: list[Token]) -> list[Token]:
    """The words of a figure's path and the objects of their prepositions ('464 of its citizens')."""
    return [
        noun
        for node in path
        for noun in (node, *(g for c in node.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"))
    ]


def _counted_by_verb(verb: Token) -> str | None:
    """'put the number of passengers at 160', 'the number of passengers was 160': the word a counting noun of the
    verb's is "of", before its family's name ("passenger", not "people")."""
    counter = _counter_of(verb, _SUBJECT_OR_PATIENT_DEPS)
    counted = _of_object(counter) if counter is not None else None
    if counted is None or counted.dep_ == "pcomp":
        return None  # "the number of missing was 20": a participle says what happened, not what is counted
    return _lemma(counted)


def _counter_of(verb: Token, deps: frozenset[str]) -> Token | None:
    """The counting noun ("number", "toll", ...) hung on `verb` by one of `deps`, or None."""
    return next((c for c in verb.children if c.dep_ in deps and _lemma(c) in COUNTING_NOUNS), None)


def _read_counting_clause(copula: Token, structure: Structure) -> None:
    """'The number of people still missing is 85': the parser made "missing" a clausal subject of "is" (or, after
    a verb of saying, a clause of its own before "is"), with the counting noun as its own subject; the clause says
    what happened, the noun's "of" what is counted."""
    clauses = [c for c in copula.children if c.dep_ == "csubj"]
    if copula.dep_ == "ccomp" and not any(c.dep_ in SUBJECT_DEPS for c in copula.children):
        # "told reporters the number still missing was 85"
        clauses += [c for c in copula.head.children if c.dep_ == "ccomp" and c.i < copula.i][-1:]
    for clause in clauses:
        counter = _counter_of(clause, SUBJECT_DEPS)
        happened = _event(clause)
        if counter is None or happened is None:
            continue
        structure.quantity = happened
        counted = _of_object(counter)
        if counted is not None:
            structure.counted = family_of(_lemma(counted), COUNTED_FAMILIES) or _lemma(counted)
        return


# How many words a line's label may have: "Magnitude:", "Crowd estimate:", "Confirmed dead so far:"; and how many
# tokens from its sentence's start its colon may stand (the words, emoji and marks before them).
LABEL_WORDS = 3
LABEL_REACH = 8


def _line_label(number: Token) -> Token | None:
    """The last word of the label opening the number's sentence, when a colon ends the label before the number
    and only words (after any emoji) stand before that colon: 'Magnitude: 5.4', '❓ Missing: 9'."""
    doc = number.doc
    start = _label_start(number)
    # (only a sentence's first words can be its label: a long sentence is not read again for every number in it)
    colon = next((t.i for t in doc[start : min(number.i, start + LABEL_REACH)] if t.text in LINE_LABEL_MARKS), None)
    if colon is None:
        return None
    words = [t for t in doc[start:colon] if not (t.is_punct or t.is_space or t.pos_ == "SYM" or _symbol(t))]
    if not 0 < len(words) <= LABEL_WORDS or not all(t.is_alpha for t in words):
        return None
    return words[-1]


def _quantity_labelled(label: Span) -> str | None:
    """The quantity a label's words name, the last word that names one first ("Area burned" -> burned), or the
    state two of its words name ("Homes without power" -> without power)."""
    named = next((q for word in reversed(label) if word.is_alpha and (q := _named(word) or _event(word))), None)
    if named is not None:
        return named
    pairs = itertools.pairwise(label)
    return next((STATE_PHRASES[a.lower_, _lemma(b)] for a, b in pairs if (a.lower_, _lemma(b)) in STATE_PHRASES), None)


# How many labelled lines a list's heading may stand above ("Dead:" over "- Ministry: 12", "- Hospital: 20", ...).
LIST_REACH = 6


# How many tokens before a value its line's bullet may stand (the bullet, and a space the tokenizer kept).
LIST_BULLET_REACH = 3


def _list_heading(number: Token) -> Span | None:
    """The heading of the list the number's line is in: the nearest line above that ends in a colon and holds no
    digit, with only labelled lines ("Ministry: 12") between."""
    doc = number.doc
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, number.idx) + 1
    for _ in range(LIST_REACH):
        if line_start == 0:
            return None
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above_start : line_start - 1].strip()
        if line.endswith(tuple(LINE_LABEL_MARKS)) and not any(ch.isdigit() for ch in line):
            return doc.char_span(above_start, line_start - 1, alignment_mode="expand")
        listed = line[:1] in BULLET_MARKS and line[1:].strip()[:1].isdigit()  # "- 8,200 ha — Forestry Service"
        if not line or not (listed or any(mark in line for mark in LINE_LABEL_MARKS)):
            return None  # a blank line or a line of prose ends the list
        line_start = above_start
    return None


def _opens_a_list_line(first: Token) -> bool:
    """Whether a value opens its line after a list's bullet: "- 8,200 ha — Regional Forestry Service"."""
    doc = first.doc
    line_start = doc_text(doc).rfind("\n", 0, first.idx) + 1
    before = [t for t in doc[max(0, first.i - LIST_BULLET_REACH) : first.i] if t.idx >= line_start and not t.is_space]
    return len(before) == 1 and before[0].text in BULLET_MARKS


def _label_start(number: Token) -> int:
    """Where the label of a number's line may start: its sentence's first token, or the line's when the parser cut
    the line into sentences without a full stop ("Turnout — commission: 52.4%" read as three)."""
    sentence = sentence_of(number)
    doc = number.doc
    line_start = doc_text(doc).rfind("\n", 0, number.idx) + 1
    start = sentence.start
    while start > 0 and doc[start - 1].idx >= line_start and doc[start - 1].text not in SENTENCE_END_MARKS:
        start -= 1
        if sentence.start - start > LABEL_REACH:
            return sentence.start
    return start


def _symbol(token: Token) -> bool:
    """An emoji or other symbol a post sets before its words ("❓", "👥")."""
    return all(unicodedata.category(ch).startswith("S") or ch in "\ufe0f\u200d" for ch in token.text)


def _label_before(noun: Token, number: Token) -> bool:
    """'Police: 2 dead, 18 injured': a noun before a colon that comes before the number labels what follows."""
    doc = noun.doc
    return noun.i < number.i and noun.i + 1 < len(doc) and doc[noun.i + 1].text == ":"


def _compared(node: Token) -> bool:
    """'closer to 50,000', "it's more like 70%": a comparison on the value or inside its own phrase."""
    return node.tag_ in COMPARATIVE_TAGS or any(t.tag_ in COMPARATIVE_TAGS for t in node.subtree if t.i < node.i)


def _existential(verb: Token, node: Token) -> bool:
    """'there were 153 people': the noun after an existential "there" is what the clause is about."""
    return node.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children)


def _boarded(verb: Token) -> bool:
    return any(
        child.dep_ == "prep"
        and child.lower_ in BOARDING_PREPOSITIONS
        and any(c.dep_ == "pobj" and _lemma(c) in VEHICLE_WORDS for c in child.children)
        for child in verb.children
    )


def _changes(token: Token) -> bool:
    return _lemma(token) in CHANGE_WORDS or token.lower_ in CHANGE_WORDS


def _read_verb(verb: Token, node: Token, structure: Structure) -> None:
    lemma = _lemma(verb)
    spoke_of = node.dep_ == "prep" and (lemma, node.lower_) in NUMBER_SPEAKING_PHRASES and node.i > verb.i
    given = lemma in NUMBER_GIVING_VERBS and structure.unit is None
    said_number = (lemma in NUMBER_SAYING_VERBS | NUMBER_COUNTING_VERBS or given) and node.dep_ in OBJECT_DEPS
    # ("opposition monitors say 54%": a bare share said is a bare number said)
    bare_share = node.lower_ in PERCENT_WORDS and not any(c.dep_ == "prep" for c in node.children)
    if ((said_number and (node.pos_ == "NUM" or bare_share)) or spoke_of) and not structure.known:
        # "USGS puts magnitude at 6.3; the national institute says 6.0", "a hospital official said 62": a bare
        # number said restates the figure before it.
        structure.points_back = True
        return
    changed = next((c for c in verb.children if c.dep_ in PATIENT_DEPS and c.i != node.i and c.pos_ == "NOUN"), None)
    world_moved = lemma not in STATEMENT_REVISING_VERBS and changed is not None and not _a_figure_noun(changed)
    if lemma in REVISION_VERBS and world_moved:
        # "raise the retirement age from 63 to 65": a verb of raising changes a thing of the world, not a figure
        # given before; the figure measures that thing. What is revised is always a figure ("the unemployment
        # rate for November was revised up to 7.8 percent").
        structure.counted = structure.counted or _lemma(changed)
    elif lemma in REVISION_VERBS and not (node.dep_ in OBJECT_DEPS and in_currency(structure.unit)):
        # ("the plan would raise $1.1 trillion": a sum raised is money, no figure revised)
        structure.revises = True
        structure.statement_revised = lemma in STATEMENT_REVISING_VERBS
    # "cut their estimate of those missing to about 940", "raised the toll to 19": a verb changing a figure
    # revises it, and the figure says what is counted.
    restated = next(
        (
            c
            for c in verb.children
            if c.dep_ in PATIENT_DEPS and _lemma(c) in RESTATING_NOUNS | OWNED_FIGURE_NOUNS and c.i != node.i
        ),
        None,
    )
    if restated is not None and lemma in FIGURE_CHANGING_VERBS and not structure.quantity:
        structure.revises = True
        _take_noun(restated, structure)
    moved_to = any(c.dep_ == "prep" and c.lower_ == "to" and c.i != node.head.i for c in verb.children)
    if lemma in CHANGE_WORDS and node.dep_ in CHANGE_AMOUNT_DEPS and not structure.change and not moved_to:
        structure.change = True
    # ("there were 153 people on the plane": the existential's noun is its subject)
    # ("640 people had arrived on 17 boats" count arrivals, not who was on board)
    boarded = (node.dep_ in SUBJECT_DEPS or _existential(verb, node)) and _boarded(verb)
    if not structure.quantity and boarded and _event(verb) != ARRIVED:
        structure.quantity = "on board"  # "110 people had crowded onto the boat"
    if not structure.quantity and _lemma(verb) in NAMED_QUANTITIES["cost"]:
        structure.quantity = "cost"  # "will cost at least 900 million euros"
    if not structure.quantity and structure.unit == "%" and lemma in SHARE_WINNING_VERBS and node.dep_ in OBJECT_DEPS:
        structure.quantity = "share"  # "the bloc said it had won 36 percent": a party's share of the vote
    if not structure.quantity and lemma in VOTING_VERBS and not any(
        c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS for c in verb.children
    ):
        structure.quantity = "took part"  # "38 percent of the electorate had voted": turnout
    if not structure.quantity and lemma in FINDING_VERBS and any(c.dep_ in NEGATION_DEPS for c in verb.children):
        structure.quantity = MISSING  # "three people still haven't been found"
    if not structure.quantity:
        # ("17 miners were cut off": a verb's particle may say another thing than the verb alone, "cut" jobs)
        found = _particle_event(verb) or _moved_to_safety(verb) or _event(verb) or _verb_particle_event(verb)
        if found and (other_fate := _other_fate(verb, found)) is not None:
            # "6,000 houses had been destroyed or badly damaged" ("damaged or destroyed" is the same count)
            found = " or ".join(sorted((found, other_fate)))
        if found in COUNTED_ONLY_EVENTS and structure.unit and not structure.counted:
            found = None  # "the index closed at 4,512 points"
        if found == HELD and any(c.dep_ == "dobj" and family_of(_lemma(c), EVENT_KINDS) for c in verb.children):
            found = None  # "held its biggest protest with 400,000 people": an event held, no one held captive
        # "4,000 people lost their jobs", "20,000 have left their homes": what the counted did to the verb's object
        # says what happened to them (`EVENTS_BY_OBJECT`); anything else they lost ("six had lost their eyesight")
        # names nothing ("lost their lives", "lost power" are phrases of their own)
        done_to = next((c for c in verb.children if c.dep_ == "dobj"), None) if node.dep_ in SUBJECT_DEPS else None
        by_object = EVENTS_BY_OBJECT.get((lemma, _lemma(done_to))) if done_to is not None else None
        lost_else = done_to is not None and lemma in LOSING_VERBS and (lemma, _lemma(done_to)) not in PHRASAL_EVENTS
        if by_object is not None:
            structure.quantity = by_object
        elif found and not lost_else and not (found == "cut" and lemma in LOSING_VERBS and not structure.counted):
            if found == "cut" and lemma in LOSING_VERBS:
                # ("lost 146 containers overboard": lost, not cut, when what is lost is no job)
                jobs = (structure.counted or "") in JOB_HOLDER_NOUNS | EMPLOYMENT_WORDS
                found = LOSS_BY_COUNTED.get(structure.counted or "", found if jobs else LOST)
                if family_of(structure.counted or "", PERSON_GROUPS):
                    # "Ukraine had lost up to 480 servicemen": an army's losses (its dead and wounded), what "its
                    # losses" count too; no count of jobs cut
                    found = MILITARY_LOSS
            structure.quantity = found
    if not structure.quantity and lemma in COPULA_VERBS:
        _read_counting_clause(verb, structure)  # "the number of girls still missing was 85"
    # The verb's other arguments name what the figure is the value of: "put the figure at", "turnout stood at".
    arguments = list(verb.children)
    adopted = None  # a noun the parser hung elsewhere, taken for the verb's subject
    if not any(c.dep_ in SUBJECT_DEPS for c in arguments) and verb.dep_ == "ccomp":
        # "said the area burned was 15,000": the parser split the clause; the subject went to the piece before.
        head = verb.head
        if _lemma(head) in CUE_VERBS:
            before = [c for c in head.children if c.dep_ == "ccomp" and c.i < verb.i]
            if before:
                arguments += [c for c in before[-1].children if c.dep_ in SUBJECT_DEPS]
            elif lemma in COPULA_VERBS:
                # "told state television the government's first estimate of the damage was 350 million dollars": the
                # subject was taken for the cue verb's second object, the last one before the copula.
                arguments += [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i][-1:]
        else:
            arguments += [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    elif not any(c.dep_ in SUBJECT_DEPS for c in arguments) and verb.dep_ in OPEN_COMPLEMENT_DEPS:
        arguments[:0] = _subjects(verb)  # "the aftershock that was estimated to have a magnitude of 5.5"
    elif not any(c.dep_ in SUBJECT_DEPS for c in arguments) and verb.dep_ == "conj":
        # "The rate for May, reported a month ago, was 4 per cent", "the toll rose to 40 and reached 52": a verb
        # joined to another with no subject of its own shares that verb's subject.
        arguments += [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    elif not any(c.dep_ in SUBJECT_DEPS for c in arguments) and verb.i > 0:
        # "Net profit rose to Rs 3,603 crore and revenue fell to Rs 17,120 crore": the parser joined "revenue" to
        # the figure before and left "fell" with no subject; the noun just before a verb with none is its subject.
        before = verb.doc[verb.i - 1]
        if before.pos_ == "NOUN" and before.dep_ in CONJUNCT_DEPS and before.head.i < before.i:
            arguments.insert(0, before)
            adopted = before.i
    # "Its earlier estimate counted damaged buildings at 3,400": the thing valued "at" the figure is the verb's
    # object, whoever gives it.
    valued_at = node.dep_ == "prep" and node.lower_ in ESTIMATE_PREPOSITIONS
    if valued_at:
        arguments.sort(key=lambda c: c.dep_ not in PATIENT_DEPS)
        named_before = node.doc[node.i - 1] if node.i > 0 else None
        if not structure.quantity and named_before is not None and named_before.dep_ == "conj" and _named(named_before):
            # "put the magnitude at 6.7 and the depth at 9 km": the second value's own quantity, joined (as the
            # parser reads it) to the first value
            structure.quantity = _named(named_before)
    if verb.dep_ in RELATIVE_CLAUSE_DEPS:
        # "Business investment, which grew by 0.3 per cent": the relative pronoun stands for the noun the clause
        # hangs on.
        arguments = [
            verb.head if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS and verb.head.pos_ in NOUN_POS else c
            for c in arguments
        ]
    for child in arguments:
        if child.i == node.i or (child.dep_ not in VERB_ARGUMENT_DEPS and child.i not in (verb.head.i, adopted)):
            continue
        if structure.quantity:
            break
        # "said it was closer to 50,000 barrels": a source disputing a figure (not "now it is 18.7%", whatever "it" is)
        it_was = child.dep_ in SUBJECT_DEPS and child.lower_ == "it" and lemma == "be" and _compared(node)
        if child.pos_ == "PRON" and (child.dep_ == "dobj" or it_was) and not structure.known:
            structure.points_back = True  # "puts it at 6.2", "said it was closer to 50,000 barrels"
            continue
        figure_noun = _figure_noun_it_follows(child, verb)
        if figure_noun is not None:
            _take_noun(figure_noun, structure)  # "The death toll has increased and it is 96 now"
            continue
        _take_noun(child, structure)
        if valued_at and not structure.known and child.dep_ in PATIENT_DEPS and child.pos_ == "NOUN":
            structure.quantity = _modifier_quantity(child)  # "damaged buildings"
            if structure.quantity:
                structure.counted = family_of(_lemma(child), COUNTED_FAMILIES) or _lemma(child)
        if structure.quantity:
            for grandchild in child.children:
                if grandchild.dep_ == "prep" and grandchild.lower_ == "of" and not structure.counted:
                    target = _of_object(child)
                    # ("the number of missing": a participle says what happened, not what is counted)
                    if target is not None and not _named(target) and target.pos_ not in VERB_POS:
                        structure.counted = family_of(_lemma(target), COUNTED_FAMILIES) or _lemma(target)
    if not structure.quantity and lemma in GROWTH_WORDS and _employment_grows(verb, node):
        structure.quantity, structure.counted, structure.change = "created", "job", False
    if not structure.quantity and lemma in REVISION_VERBS and any(_lemma(s) in JOBS_ADDED_NOUNS for s in _subjects(verb)):
        # "June payrolls were revised down to 18,000 from 42,000": a month's payrolls count the jobs it added
        structure.quantity, structure.counted, structure.change = "created", "job", False
    if not structure.known and structure.revises:
        structure.points_back = True  # "later upgraded to 6.0"
    if not structure.quantity and node.dep_ in SUBJECT_DEPS:
        # "the train had been carrying", "310 passengers had been on board": a preposition with a family noun
        for child in verb.children:
            if child.dep_ == "prep":
                if child.lower_ in ABOARD_WORDS:
                    structure.quantity = "on board"
                    return
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    # "on board", "under evacuation orders": the state the counted things are in
                    found = _event(pobj) or next(
                        (_event(c) for c in pobj.children if c.dep_ == "compound" and _event(c)), None
                    )
                    if found:
                        structure.quantity = found
                        return


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_QUARTER = re.compile(r"\b(first|second|third|fourth)(?:\s*-\s*|\s+)quarter\b|\bQ([1-4])\b", re.IGNORECASE)
_MONTH_WORDS = "|".join(name.capitalize() for name in FULL_MONTH_NAMES)
_MONTH = re.compile(rf"\b(?:{_MONTH_WORDS})\b")
# "the April-June period", "the July-September quarter": three months from a quarter's first month are that quarter.
_MONTH_RANGE = re.compile(rf"\b({_MONTH_WORDS})\s*-\s*({_MONTH_WORDS})\b")
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES)})\b", re.IGNORECASE)
# A day of the calendar, written either way round: "Jan. 5", "March 3", "5 January".
_MONTH_NAME_WORDS = "|".join(sorted((name.capitalize() for name in MONTH_NAMES), key=len, reverse=True))
_CALENDAR_DAY = re.compile(
    rf"\b(?:({_MONTH_NAME_WORDS})\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+({_MONTH_NAME_WORDS}))\b(?!\s*,?\s*\d{{4}})"
)
_RELATIVE = re.compile(r"\b(?:this|next|last) (?:year|month|week|quarter|season)\b|\bso far this year\b|\bsince "
                       r"january\b|\b(?:full|fiscal|financial|whole)(?:\s*-\s*|\s+)year\b"
                       r"|\b(?:over|in|within) (?:the (?:next|coming|past|last) )?\w+ (?:years|months|decades)\b"
                       r"|\bthe quarter\b",
                       re.IGNORECASE)  # fmt: skip


def figure_path(number: Token) -> list[Token]:
    """The number and its heads up to the first verb: the words the figure's own phrase hangs from."""
    path = [number]
    node = number
    for _ in range(MAX_CLIMB + 2):
        if node.head.i == node.i or (node.pos_ in VERB_POS and not misread_figure_noun(node) and not _describing(path)):
            break
        node = node.head
        path.append(node)
    return path


def _result_before_deduction(preposition: Token, deduction: Token) -> Token | None:
    """'profit' in "reported a net profit after tax of $245.8 million" (the parser hanging "of" on the tax, and "after
    tax" on the verb or on the profit): the noun just before "after" or "before" and the deduction it names
    (`ACCOUNTING_DEDUCTION_NOUNS`)."""
    if preposition.lower_ not in ACCOUNTING_DEDUCTION_PREPOSITIONS or _lemma(deduction) not in ACCOUNTING_DEDUCTION_NOUNS:
        return None
    if deduction.dep_ != "pobj" or preposition.i == 0:
        return None
    result = preposition.doc[preposition.i - 1]
    return result if result.pos_ == "NOUN" else None


def _describing(path: list[Token]) -> bool:
    """'at a 2.8 percent annualized pace': the path reached a participle describing the noun the figure is of
    (through the figure's "percent"), no verb of its own."""
    node = path[-1]
    below = path[-2] if len(path) > 1 else None
    return (
        below is not None
        and below.dep_ == "npadvmod"
        and node.dep_ == "amod"
        and node.tag_ in PARTICIPLE_TAGS
        and node.head.pos_ in NOUN_POS
    )


def _period_words(path: list[Token]) -> str:
    """Time words attached to the figure's own phrase: 'in 2025', 'next year', 'third-quarter'."""
    on_path = {t.i for t in path}
    # "$4.1 billion": the number's own parts ("4.1" on "billion") are no time words.
    on_path |= {c.i for c in path[0].children if c.like_num or c.is_currency}
    words = _time_phrases(path, on_path)
    verb = path[-1]
    # ("rose 4 percent to $3.6 billion": a modifier that names no time leaves the subject to date the figure)
    words = [w for w in words if _names_a_period(w) or _WEEKDAY.search(w) or _CALENDAR_DAY.search(w)]
    if not words and verb.pos_ in VERB_POS:
        # "The rate for November was revised up to 7.8 percent": the verb's subject, which names the figure's
        # quantity, holds its period when the figure's own phrase has none.
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in on_path]
        if _lemma(verb) in REVISION_VERBS:
            # "revised second-quarter growth down to 0.1 percent": what is revised names the figure
            subjects += [c for c in verb.children if c.dep_ in PATIENT_DEPS and c.i not in on_path]
        words = _time_phrases(subjects, on_path)
        if not words:
            # "Earnings per share guidance for 2018 is $13.80": a period deeper in the subject's own phrase.
            phrases = [" ".join(t.text for t in itertools.islice(s.subtree, SUBJECT_PERIOD_REACH)) for s in subjects]
            words = [p for p in phrases if _names_a_period(p)]
        above = verb.head
        if not words and verb.dep_ in FORECAST_CLAUSE_DEPS and _lemma(above) in FORESEEING_VERBS and above.i != verb.i:
            # "Next year, the central bank sees inflation falling to 4.5 percent": a time on the verb of seeing or
            # expecting above the figure's clause is the period it is about (on a verb of saying, it dates the saying).
            words = [w for w in _time_phrases([above], on_path | {verb.i}) if _names_a_period(w)]
        if not subjects and verb.dep_ == "ccomp" and _lemma(verb.head) in SAYING_VERBS and verb.head.i < verb.i:
            # "said growth in the first quarter was revised": the parser took the clause's subject for the saying
            # verb's object, so the words between the two verbs are that subject.
            phrase = " ".join(t.text for t in verb.doc[verb.head.i + 1 : verb.i][:SUBJECT_PERIOD_REACH])
            words = [phrase] if _names_a_period(phrase) else []
        if not words:
            # "By June, government scientists said, the well was leaking 60,000 barrels a day": a time set at the
            # head of the sentence dates every clause in it, the parser hanging it where it likes.
            words = _fronted_sentence_period(path[0])
        if not words:
            # "raised its full-year revenue forecast to $17 billion": the figure noun the verb changes holds it.
            changed = [c for c in verb.children if c.dep_ in PATIENT_DEPS and _lemma(c) in RESTATING_NOUNS | OWNED_FIGURE_NOUNS]
            doc = verb.doc
            phrases = [doc[n.left_edge.i : min(n.right_edge.i + 1, n.left_edge.i + SUBJECT_PERIOD_REACH)].text for n in changed]
            words = [p for p in phrases if _names_a_period(p)]
    return " ".join(words)


DEADLINE_PREPOSITION = "by"
# How a clause of what is expected hangs on its verb: "sees inflation falling to", "expects prices to rise".
FORECAST_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})


def _clause_of_its_own(token: Token) -> bool:
    """A clause joined beside another with a subject of its own: 'while economists had forecast ...'."""
    return token.dep_ in CONTRAST_CLAUSE_DEPS and any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _opening_preposition(number: Token, prepositions: frozenset[str]) -> Token | None:
    """The preposition opening the figure's sentence ("In Marseille, ...", "By June, ..."), when it is one of
    `prepositions` and not the figure's own word."""
    first = sentence_of(number)[0]
    return first if first.pos_ == "ADP" and first.lower_ in prepositions and first.i != number.i else None


def _fronted_sentence_period(number: Token) -> list[str]:
    """The period a phrase opening the figure's sentence names ("By June, ...", "In April, ..."), as a list of
    words (empty when there is none)."""
    first = _opening_preposition(number, PERIOD_PREPOSITIONS | {DEADLINE_PREPOSITION})
    if first is None:
        return []
    phrase = " ".join(t.text for t in first.subtree if t.i < number.i)
    return [phrase] if _names_a_period(phrase) else []


def _names_a_period(words: str) -> bool:
    return any(when.search(words) for when in (_YEAR, _QUARTER, _RELATIVE, _MONTH))


def _time_phrases(nodes: list[Token], skip: set[int]) -> list[str]:
    words = []
    for node in nodes:
        for child in node.children:
            # "were $18.8 billion, down 2% from the same time last year": a change's phrase dates its starting point.
            if child.i in skip or _lemma(child) in CHANGE_WORDS:
                continue
            # "said on Friday", "on Friday lowered its count of deaths to 212" date the statement, not the figure.
            on_a_day = _on_a_day(child) and _lemma(node) not in SAYING_VERBS and not _revises_a_statement(node)
            # "to fall to 4.5 percent by 2026": a deadline is a period; "by the police" is none.
            deadline = child.lower_ == DEADLINE_PREPOSITION and _names_a_period(" ".join(t.text for t in child.subtree))
            # "fiscal 2026 revenue of $14.2 billion": a year the parser took for a count of the noun the figure values
            year = child.dep_ == "nummod" and node.i != nodes[0].i and _YEAR.fullmatch(child.text) is not None
            if child.dep_ in PERIOD_MODIFIER_DEPS or year or (
                child.dep_ == "prep" and (child.lower_ in PERIOD_PREPOSITIONS or on_a_day or deadline)
            ):
                phrase = list(child.subtree)
                # ('62.59 per cent, five per cent less than in 2015': a comparison's phrase dates what the figure is
                # compared with, not the figure)
                if not any(t.lower_ in COMPARISON_WORDS for t in phrase):
                    words.append(" ".join(t.text for t in phrase))
    return words


def _on_a_day(preposition: Token) -> bool:
    """'joined the strike on Monday', 'On Jan. 5, a 5.8 magnitude earthquake jolted ...': the day a count is
    for, when its own clause names it."""
    return preposition.lower_ == "on" and any(
        c.lower_ in WEEKDAY_NAMES or _calendar_day(c) for c in preposition.children
    )


def _calendar_day(token: Token) -> bool:
    """'Jan. 5', '5 January': a month's name with the number of its day."""
    return (
        token.is_title
        and token.lower_.rstrip(".") in MONTH_NAMES
        and any(c.like_num and c.dep_ in NUMBER_ATTACHMENT_DEPS for c in token.children)
    )


def _first_conjuncts(modifier: Token, below: Token | None) -> bool:
    """'11,800 suspected cases and 236 deaths': reached from a conjunct below it, the words before the first
    conjunct ('suspected') are its own, not the second's."""
    return below is not None and below.dep_ == "conj" and modifier.i < modifier.head.i and modifier.dep_ in PRENOMINAL_MODIFIER_DEPS


def _read_period_and_status(number: Token, structure: Structure, path: list[Token]) -> None:
    structure.clause = path[-1].i
    text = _period_words(path)
    # (not the verb of a clause of its own beside the figure's: "Employers cut 18,000 jobs, while economists had
    # forecast a gain of 5,000")
    words = [
        t
        for below, node in zip([None, *path[:-1]], path, strict=True)
        for t in [node, *(c for c in node.children if not _clause_of_its_own(c) and not _first_conjuncts(c, below))]
    ]
    # "It expects the economy to grow by 1.2%": a verb of expecting above the figure's own clause.
    words += _own_statement_ancestors(number)
    # "the $1.20 a share that analysts had expected": a relative clause inside the figure's own phrase.
    clauses = relative_clauses(number, path)
    words += clauses
    # "revised the number of suspected cases down to 1,200": the figure noun the verb restates says what it is.
    restated = [c for c in path[-1].children if c.dep_ in PATIENT_DEPS and _lemma(c) in RESTATING_NOUNS]
    words += [t for noun in restated for t in noun.subtree]
    # "The ministry put suspected cases at 7,800": the adjectives on what the verb values say what it counts.
    words += [c for o in path[-1].children if o.dep_ == "dobj" for c in o.children if c.dep_ == "amod"]
    # "4,000 suspects were killed": the people a crime is suspected of, no tentative count.
    lemmas = {_lemma(t) for t in words if not (t.pos_ in NOUN_POS and _lemma(t) in TENTATIVE_WORDS)}
    # "the $1.11 a share that analysts were looking for": a phrase of expecting (`FORECAST_PHRASES`) whose
    # preposition the relative clause left without its object ("police are looking for 12 suspects" is a search).
    if any(
        (_lemma(t), _lemma(c)) in FORECAST_PHRASES
        and all(g.lower_ in RELATIVE_PRONOUNS for g in c.children if g.dep_ == "pobj")
        for t in clauses
        for c in t.children
    ):
        lemmas.add(FORECAST_LEMMA)
    quarter = _QUARTER.search(text)
    months = _MONTH_RANGE.search(text)
    if months and not quarter:
        first, last = (FULL_MONTH_NAMES.index(m.lower()) for m in months.groups())
        if first % 3 == 0 and last == first + 2:
            quarter = _QUARTER.search(f"Q{first // 3 + 1}")
    years = [m.group(0) for m in _YEAR.finditer(text) if m.group(0) != number.text]
    if quarter:
        structure.period = _QUARTERS.get((quarter.group(1) or "").lower()) or f"Q{quarter.group(2)}"
    elif years:
        structure.period = years[0]
    elif _RELATIVE.search(text):
        # ("full - year": words the parse joined with spaces keep their hyphen as written)
        structure.period = re.sub(r"\s*-\s*", "-", _RELATIVE.search(text).group(0).lower())
    elif day := _CALENDAR_DAY.search(text):
        # "On Jan. 5, a 5.8 magnitude earthquake jolted ...": another day's event, told apart from Sunday's quake.
        # A weekday beside the date ("on Tuesday, March 3") names the same day as other figures' "on Tuesday".
        month, number_of_day = (day.group(1), day.group(2)) if day.group(1) else (day.group(4), day.group(3))
        weekday = _WEEKDAY.search(text)
        structure.period = weekday.group(0).capitalize() if weekday else f"{month[:3].capitalize()} {int(number_of_day)}"
    elif _MONTH.search(text):
        structure.period = _MONTH.search(text).group(0)
    elif _WEEKDAY.search(text):
        structure.period = _WEEKDAY.search(text).group(0).capitalize()
    elif _lemma(path[-1]) in REVISION_VERBS:
        # "The agency took a scalpel to November's report, revising its estimates downward to 164,000 jobs from
        # the previously reported 204,000": a revision's values are of the month whose figure its sentence names
        structure.period = _possessive_month(number)
    structure.time_marker = _time_marker(number)
    structure.several_events = any(_events_in_general(noun) for noun in _subjects_and_causes(path[-1]))
    sector = _sector_of(path)
    structure.place = sector or _place(path)
    structure.place_share = structure.place is not None and structure.place in (_share_place(path), sector)
    structure.singled_out = structure.place is not None and _singled_out_place(path)
    # "put the combined total at 100,000": a sum over several places or events is a scope of its own.
    objects = [c for c in path[-1].children if c.dep_ == "dobj"]
    if any(c.lower_ in COMBINED_WORDS for node in path + objects for c in (node, *node.children)):
        structure.place = COMBINED_SCOPE
    if structure.place is None:
        structure.event_place = _subject_place(path) or (
            _place_recording(path[-1]) if structure.quantity in EVENT_FAMILIES else None
        )
    threshold = any(
        c.dep_ in ADJECTIVAL_MODIFIER_DEPS and _lemma(c) in THRESHOLD_PARTICIPLES for node in path[:-1] for c in node.children
    )
    if (lemmas & TARGET_WORDS or threshold) and structure.quantity != "target":
        structure.status = "target"  # a goal is no count: "reached its goal of accepting 10,000 refugees"
    elif lemmas & FORECAST_WORDS or _forecasters_looking_for(path):
        structure.status = "forecast"
    elif lemmas & TENTATIVE_WORDS:
        structure.status = "suspected"  # "51 suspected cases" count something else than confirmed ones
    elif lemmas & ESTIMATE_WORDS:
        structure.status = "estimate"  # "put insured losses at $2 billion", "an estimated 3.2 million"
    over_time = structure.period in AGGREGATE_PERIODS or _aggregate_sentence(
        sentence_text(sentence_of(number))
    )
    if over_time and structure.quantity in EVENT_FAMILIES and not structure.unit:
        structure.aggregate = True
    structure.running_total = _running_total_sentence(sentence_text(sentence_of(number)))
    basis = _noun_basis(path) or _change_basis(sentence_text(sentence_of(number)))
    # (A percentage that names no quantity of its own may restate a change: "it was 1.9 percent larger".)
    growth = structure.quantity in GROWTH_QUANTITIES or structure.change or structure.quantity is None
    if basis and growth and structure.unit == "%":
        structure.period = f"{structure.period}, {basis}" if structure.period else basis


def _a_figure_noun(noun: Token) -> bool:
    """A noun that stands for a figure ("the toll", "its forecast") or counts an event ("the number of deaths",
    "cases"); not a quantity of the world a verb can move ("raised interest rates", "the retirement age")."""
    lemma = _lemma(noun)
    return lemma in RESTATING_NOUNS or lemma in OWNED_FIGURE_NOUNS or _event(noun) is not None


def _money_verb_quantity(verb: Token, per_share: bool = False) -> str | None:
    """'Tarvex earned $1.12 a share' -> profit, 'the company brought in $18.8 billion' -> revenue
    (`MONEY_VERB_QUANTITIES`). Only a company's or an organisation's (what a worker earns is a wage), or a sum a
    share, which only a company earns."""
    if verb.pos_ not in VERB_POS:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    # (a name the tagger put in no class, "Norvane earned 91 cents per share", is most often a company's)
    unclassed_name = subject is not None and subject.pos_ == "PROPN" and not subject.ent_type_
    if subject is None or not (
        per_share
        or subject.ent_type_ == "ORG"
        or unclassed_name
        or _lemma(subject) in ORGANISATION_NOUNS
        or subject.lower_ in IT_THEY_PRONOUNS
    ):
        return None
    particles = [_lemma(c) for c in verb.children if c.dep_ == "prt"]
    for particle in particles or [None]:
        found = MONEY_VERB_QUANTITIES.get((_lemma(verb), particle))
        if found:
            return found
    return None


def relative_clauses(number: Token, path: list[Token]) -> list[Token]:
    """Relative clauses on the figure's own phrase: on the number, a noun it hangs from, or its rate ('the $1.20 a
    share that analysts had expected'); not on a place or a noun inside the phrase ('in Kellport, where ...')."""
    heads = [number, *path[1:-1], *(c for c in number.children if c.dep_ == "npadvmod")]
    return [c for head in heads for c in head.children if c.dep_ in RELATIVE_CLAUSE_DEPS]


def _own_statement_ancestors(number: Token) -> list[Token]:
    """The number's heads up to `MAX_STATUS_CLIMB`, not past a coordinated clause: in "Analysts were expecting
    $19.1 billion but the company brought in $18.8 billion", the second figure is no expectation."""
    found = []
    node = number
    for ancestor in itertools.islice(number.ancestors, MAX_STATUS_CLIMB):
        if node.dep_ == "conj" and node.pos_ in VERB_POS:
            break
        found.append(ancestor)
        node = ancestor
    return found


def _place(path: list[Token]) -> str | None:
    """The place a figure's own clause puts it in: a place name after "in", "at", "across" on the figure's
    phrase or its verb ("600,000 people in Washington", "In the north, 40 were killed"), or a place that owns
    the counted noun ("Mexico's toll"). When the verb is a clause of saying, the clause above counts too."""
    nodes = list(path)
    verb = path[-1]
    if verb.dep_ in AUXILIARY_DEPS and verb.head.i != verb.i:
        verb = verb.head  # "212 schools were closed" with the subject hung on "were": the main verb's clause
        nodes.append(verb)
    if verb.dep_ in RELATIVE_CLAUSE_DEPS and any(c.lower_ in WHERE_WORDS for c in verb.children):
        # "750,000 in Los Angeles, where the police assessment is just 100,000": the place the clause hangs on
        place = verb.head  # "where" says it is a place, whatever the recogniser tagged
        if place.pos_ == "PROPN" or place.ent_type_ in SCOPE_ENTITIES:
            return _entity_words(place)
        if place.lemma_.lower() in PLACE_NOUNS:
            return place.lemma_.lower()
    if verb.dep_ in SAID_CLAUSE_DEPS and verb.head.i != verb.i and verb.head.lemma_.lower() in CUE_VERBS:
        nodes.append(verb.head)
    # "revised down the number of Ebola deaths in Marania to 3,145": the place of the figure noun the verb restates.
    restated_nouns = [c for c in verb.children if c.dep_ in PATIENT_DEPS and _lemma(c) in RESTATING_NOUNS]
    for restated in restated_nouns:
        nodes.append(restated)
        counted = _of_object(restated)
        if counted is not None:
            nodes.append(counted)
    if _lemma(verb) in COPULA_VERBS and len(path) > 1 and path[-2].dep_ in COPULA_VALUE_DEPS:
        # "The number of deaths in Liberia is 3,145", "The toll in the north was 40": the subject the value is
        # said of, with what it counts and the clause that says what happened to them ("people killed in X")
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN"):
            counted = _of_object(subject)
            for noun in (subject, counted):
                if noun is not None:
                    nodes.append(noun)
                    nodes.extend(c for c in noun.children if c.dep_ in ADJECTIVAL_MODIFIER_DEPS and c.pos_ == "VERB")
    return (
        _share_place(path)
        or _gapped_place(path)
        or _place_of(nodes, _others_places(path))
        # ("put the figure for the capital at 96", the parser hanging "for" on the figure noun or on its verb)
        or _place_of([*restated_nouns, verb] if restated_nouns else [], prepositions=FIGURE_SCOPE_PREPOSITIONS)
        or _fronted_sentence_place(path[0])
        or _place_there(verb)
    )


def _place_recording(verb: Token) -> str | None:
    """'Odisha reported 41 deaths', 'Delhi has so far recorded 76 heat-related deaths': a place that records a
    count of what happened is where it happened ("Cisco reported revenue of $12.8 billion", the recogniser taking
    the company for a place, counts no happening)."""
    if _lemma(verb) not in PLACE_RECORDING_VERBS:
        return None
    place = next((c for c in verb.children if c.dep_ in ACTIVE_SUBJECT_DEPS and c.ent_type_ in SCOPE_ENTITIES), None)
    return _entity_words(place) if place is not None else None


def _singled_out_place(path: list[Token]) -> bool:
    """'94 people died in his province alone', 'in Bolan alone': a place the clause singles out ("alone") or that
    belongs to the speaker ("his province") holds one part of a larger count, never the article's own place."""
    for node in path:
        for preposition in node.children:
            if preposition.dep_ != "prep" or preposition.lower_ not in SCOPE_PREPOSITIONS:
                continue
            for place in preposition.children:
                # ("alone" hangs on the place or, right after it, on the verb)
                after = place.doc[place.right_edge.i + 1] if place.right_edge.i + 1 < len(place.doc) else None
                alone = after is not None and after.lower_ in ALONE_WORDS and after.head.i in (place.i, node.i)
                if place.dep_ == "pobj" and (alone or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in place.children)):
                    return True
    return False


def _place_there(verb: Token) -> str | None:
    """'the mayor of Derna said up to 20,000 people had died there': "there" is the place named last before it in
    its sentence (none named: no place)."""
    there = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in THERE_WORDS), None)
    if there is None:
        return None
    sentence = sentence_of(there)
    # (a name after "of" or "in" is taken for a place whatever the recogniser made of it: "the mayor of Derna")
    named = [
        t
        for t in sentence
        if t.i < there.i
        and (
            (t.ent_type_ in SCOPE_ENTITIES and t.ent_iob_ == "B")
            or (t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in PLACE_OF_PREPOSITIONS)
        )
    ]
    return _entity_words(named[-1]) if named else None


def _fronted_sentence_place(number: Token) -> str | None:
    """'In Marseille, police counted 16,000 marchers while organisers claimed 245,000': a place set at the head of
    the sentence scopes every clause in it."""
    first = _opening_preposition(number, SCOPE_PREPOSITIONS)
    if first is None:
        return None
    if first.head.i == first.i:
        return None
    others = {c.i for c in first.head.children if c.i != first.i}  # the fronted phrase only, not the verb's own
    return _place_of([first.head], others)


def _gapped_place(path: list[Token]) -> str | None:
    """'police counted 6,000 marchers in Tarn, and in Hollen about 4,500': the gapped clause's place and figure
    hang together on one preposition."""
    on_path = {t.i for t in path}
    for node in path[1:-1]:
        if node.dep_ != "prep" or node.lower_ not in SCOPE_PREPOSITIONS:
            continue
        for place in node.children:
            named = place.ent_type_ in SCOPE_ENTITIES or (place.pos_ == "PROPN" and place.ent_type_ in PLACES_MISTAGGED_AS)
            if place.dep_ == "pobj" and place.i not in on_path and named:
                return _entity_words(place)
    return None


def _others_places(path: list[Token]) -> set[int]:
    """The verb's place phrases that belong to its other figures: "claimed 400,000 marchers in the capital and
    more than 2 million across France" hangs both places on the verb, each after its own figure. A place before
    the first figure ("In the north, 40 were killed and 12 hurt") is all of theirs."""
    if len(path) < 2:
        return set()
    verb, own = path[-1], path[-2]
    if verb.n_lefts + verb.n_rights > MAX_SHARED_VERB_CHILDREN:
        return set()  # a list hung on one verb (a hostile text's): no sharing out
    counts = [c for c in verb.children if c.dep_ in _FIGURE_ARGUMENT_DEPS and _holds_number(c)]
    if own not in counts or len(counts) < 2:
        return set()
    after = [c.i for c in counts if c.i > own.i]
    end = min(after) if after else len(verb.doc)
    return {
        c.i
        for c in verb.children
        if c.dep_ == "prep" and c.i > counts[0].i and not own.i < c.i < end
    }


# How many words a verb may hold for its places to be shared out among its figures.
MAX_SHARED_VERB_CHILDREN = 24
# How the figures a verb lists hang on it: "claimed 400,000 marchers ... and more than 2 million".
_FIGURE_ARGUMENT_DEPS = frozenset({"dobj", "conj", "nsubj", "nsubjpass", "npadvmod"})  # "..., 500,000 of them in the capital"


def _holds_number(token: Token) -> bool:
    return token.like_num or any(c.like_num for c in token.children)


def _sector_of(path: list[Token]) -> str | None:
    """'in the public sector, where 41% of staff joined', '41% of staff in the public sector': a part of the
    economy (`SECTOR_NOUNS`) named with its modifiers, a scope that is a share of the whole like a country's."""
    verb = path[-1]
    nouns = []
    if verb.dep_ in RELATIVE_CLAUSE_DEPS and any(c.lower_ in WHERE_WORDS for c in verb.children):
        nouns.append(verb.head)
    nouns += [
        pobj
        for node in path
        for child in node.children
        if child.dep_ == "prep" and child.lower_ in SCOPE_PREPOSITIONS
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]
    for noun in nouns:
        if noun.lemma_.lower() in SECTOR_NOUNS:
            modifiers = [c for c in noun.lefts if c.dep_ in PRENOMINAL_MODIFIER_DEPS]
            return " ".join(t.lower_ for t in (*modifiers, noun))
    return None


def _share_place(path: list[Token]) -> str | None:
    """A place that holds its own share of a count: "Iran says it had 465 pilgrims killed, while Egypt lost 148
    and Indonesia 120"."""
    verb = path[-1]
    if len(path) > 1 and path[1].ent_type_ in SCOPE_ENTITIES and path[0].dep_ in NUMBER_ATTACHMENT_DEPS:
        return _entity_words(path[1])  # "Egypt lost 148 and Indonesia 120": the gapped clause's place
    owner = _tallying_place(verb)
    if owner is None and verb.dep_ in SAID_CLAUSE_DEPS and verb.head.i != verb.i:
        owner = _tallying_place(verb.head)  # "Iran says it had 465 pilgrims killed"
    return owner


def _subject_place(path: list[Token]) -> str | None:
    """'A protest in Berlin drew 60,000 people', '9,000 people joined the protest in Tessen': the place of the event
    the verb's subject or object names. A subject that can speak ("officials in the capital said ...") says where
    the source is, not the figure; a clause of time or cause ("The march in Munich ended early after 100,000
    people showed up") takes the place of the clause it modifies."""
    verb = path[-1]
    if verb.pos_ not in VERB_POS:
        return None
    verbs = [verb, verb.head] if verb.dep_ == "advcl" else [verb]
    on_path = {t.i for t in path}
    subjects = [
        c
        for v in verbs
        for c in v.children
        if (c.dep_ in SUBJECT_DEPS or c.dep_ == "dobj")
        and c.i not in on_path
        and c.pos_ == "NOUN"
        and c.ent_type_ == ""
        and c.lemma_.lower() not in SOURCE_NOUNS
    ]
    return _place_of(subjects) or _place_named_before(subjects)


def _place_named_before(nouns: list[Token]) -> str | None:
    """'The Paris action gathered 120,000 people', 'the Velsk march': a place named before the noun of what gathered
    them (the small model often tags a foreign place as a person, or not at all, before an event's noun)."""
    for noun in nouns:
        event = family_of(_lemma(noun), EVENT_KINDS) is not None
        for c in noun.children:
            mistagged = c.pos_ == "PROPN" and c.ent_type_ in PLACES_MISTAGGED_AS and event
            if c.dep_ == "compound" and (c.ent_type_ in SCOPE_ENTITIES or mistagged):
                return _entity_words(c)
    return None


def _place_of(
    nodes: list[Token], skip: set[int] = frozenset(), prepositions: frozenset[str] = SCOPE_PREPOSITIONS
) -> str | None:
    """A place name (or region noun) after a scope preposition on one of `nodes`, or a place owning one; the
    phrases at `skip` are other figures'."""
    for node in nodes:
        for child in node.children:
            if child.i in skip:
                continue
            if child.dep_ == "poss" and child.ent_type_ in SCOPE_ENTITIES:
                return _entity_words(child)
            if child.dep_ == "prep" and child.lower_ in prepositions:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    # The small model often tags a foreign place as a person, or not at all: such a proper noun
                    # after "in" is taken for a place, and so are the nouns of regions ("in the north"). A venue
                    # ("at Meridian Ground") is where the event is, no narrower scope.
                    if pobj.ent_type_ in SCOPE_ENTITIES or (
                        pobj.pos_ == "PROPN" and pobj.ent_type_ in PLACES_MISTAGGED_AS
                    ):
                        return _entity_words(pobj)
                    if pobj.lemma_.lower() in PLACE_NOUNS:
                        named = _named_place(pobj) or _same_place_named_before(pobj)
                        if named is None and child.lower_ in WHOLE_PREPOSITIONS:
                            continue  # "across the city": the whole of the article's own place
                        return named or pobj.lemma_.lower()
                    whole = child.lower_ in WHOLE_PREPOSITIONS or any(c.lower_ in WHOLE_WORDS for c in pobj.children)
                    if pobj.lemma_.lower() in NATION_NOUNS and whole:  # "across the country", "in the whole country"
                        # "across the country"; "across the three worst-hit countries" sums several
                        return COMBINED_SCOPE if pobj.tag_ in PLURAL_NOUN_TAGS else NATIONWIDE_SCOPE
                    if family_of(pobj.lemma_.lower(), EVENT_KINDS) and pobj not in nodes:
                        # "had taken part in rallies across the country": the place of the events taken part in
                        found = _place_of([pobj], skip, prepositions)
                        if found:
                            return found
            if child.dep_ == "advmod" and child.lower_ in NATIONWIDE_WORDS:
                return NATIONWIDE_SCOPE
    return None


def _named_place(noun: Token) -> str | None:
    """'the German city of Munich', 'the province of Aleppo': the name a place noun is 'of'; 'North West Frontier
    province', 'Idlib province': the name before it."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            name = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if name is not None:
                return _entity_words(name)
    named_before = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
    if named_before:
        return noun.doc[named_before[0].left_edge.i : noun.i + 1].text.lower()
    return None


def definite(noun: Token) -> bool:
    """Whether a noun has "the": "the ministry", "the district"."""
    return any(child.dep_ == "det" and child.lower_ == "the" for child in noun.children)


# How many words back "the district" looks for the district it names ("in Marra district ... in the district").
PLACE_REFERENCE_REACH = 120


def _same_place_named_before(noun: Token) -> str | None:
    """'killed 23 people in Marra district ... had died in the district': a definite place noun with no name of its
    own is the one named with it just before (not "the capital" or "the north", which the dateline and the compass
    name)."""
    if noun.lemma_.lower() in COMPASS_WORDS | DATELINE_PLACE_NOUNS:
        return None
    if not definite(noun):
        return None
    doc = noun.doc
    for token in reversed(doc[max(0, noun.i - PLACE_REFERENCE_REACH) : noun.i]):
        if token.lemma_.lower() == noun.lemma_.lower():
            named = _named_place(token)
            if named is not None:
                return named
    return None


def _tallying_place(verb: Token) -> str | None:
    """'Egypt lost 148 pilgrims', 'Iran says it had 465 pilgrims killed': a country that has or loses the counted
    people holds its own share of the count. "it" stands for the place that says so."""
    if verb.lemma_.lower() not in TALLY_VERBS | LOSING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.lower_ in IT_THEY_PRONOUNS and verb.head.lemma_.lower() in CUE_VERBS:
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.ent_type_ in SCOPE_ENTITIES:
        return _entity_words(subject)
    return None


def _entity_words(token: Token) -> str:
    """The whole name a token is part of, lower case, without 'the': 'San Francisco', 'the West Bank'."""
    entity = entity_at(token)
    words = entity.text if entity is not None else token.text
    return re.sub(r"^the\s+", "", words.lower())


@lru_cache(maxsize=256)
def _running_total_sentence(sentence: str) -> bool:
    return re.search(RUNNING_TOTAL_PATTERN, sentence, re.I) is not None


def _noun_basis(path: list[Token]) -> str | None:
    """'a monthly decrease of 0.9%', 'an annual fall of 3.2%': what the change's own noun says it is measured
    against (an "annual rate" is annualised: see `CHANGE_BASIS_PATTERNS`)."""
    for noun in _path_nouns(path):
        if _lemma(noun) in CHANGE_WORDS:
            for child in noun.children:
                if child.dep_ in ADJECTIVAL_MODIFIER_DEPS and child.lower_ in CHANGE_BASIS_ADJECTIVES:
                    return CHANGE_BASIS_ADJECTIVES[child.lower_]
    return None


@lru_cache(maxsize=256)
def _change_basis(sentence: str) -> str | None:
    """What a change in the sentence is measured against, when it says (`CHANGE_BASIS_PATTERNS`)."""
    return next((basis for basis, pattern in CHANGE_BASIS_PATTERNS.items() if re.search(pattern, sentence, re.I)), None)


@lru_cache(maxsize=256)
def _aggregate_sentence(sentence: str) -> bool:
    """Whether a sentence counts over a period ("since January", "so far this year"); every figure of it asks."""
    return re.search(AGGREGATE_PATTERN, sentence, re.I) is not None


def _time_marker(number: Token) -> str | None:
    """The last word before the number, in its sentence, that dates the statement."""
    positions, words = _time_markers(number.doc)
    before = bisect.bisect_left(positions, number.i) - 1
    if before >= 0 and positions[before] >= sentence_of(number).start:
        return words[before]
    return None


def _time_markers(doc) -> tuple[list[int], list[str]]:
    """Every word of the document that dates a statement ('later', 'now', 'Tuesday'), found once."""
    found = doc.user_data.get("whosaid_time_markers")
    if found is None:
        # From the parse's arrays and its entities: no Python token is built for the words that mark nothing.
        words = _marker_word_hashes(doc.vocab)
        indexes = {i for i, lower in enumerate(doc.to_array("LOWER").tolist()) if lower in words}
        indexes |= {
            entity.start
            for entity in doc.ents
            if entity.label_ in TIME_ENTITIES and not _YEAR.fullmatch(doc[entity.start].text)
        }
        marked = [doc[i] for i in sorted(indexes)]
        found = doc.user_data["whosaid_time_markers"] = ([t.i for t in marked], [t.lower_ for t in marked])
    return found


@lru_cache(maxsize=4)
def _marker_word_hashes(vocab) -> frozenset[int]:
    return frozenset(vocab.strings.add(word) for word in LATER_WORDS | EARLIER_WORDS)


def later_statement(earlier: Structure, later: Structure) -> bool:
    """Whether a source's second figure is a later statement than its first: it revises ('raised the figure
    to 29'), or its sentence is marked as later ('later', 'now', another day or time)."""
    if later.revises:
        return True
    if (earlier.time_marker in EARLIER_WORDS or earlier.prior) and not (
        later.time_marker in EARLIER_WORDS or later.prior
    ):
        return True  # "had earlier put the number at 400,000", "revising its initial count of 18", then the latest
    return later.time_marker is not None and later.time_marker != earlier.time_marker


def one_name(a: str, b: str) -> bool:
    """Whether two lower-case names may name one thing: equal, or one's words a run of the other's ("police" and
    "moscow police", "united tarsenia" and "united tarsenia party")."""
    if a == b:
        return True
    shorter, longer = sorted((a.split(), b.split()), key=len)
    if len(shorter) == 1 and abbreviates(shorter[0], " ".join(longer)):
        return True  # "who" and "world health organisation", "usgs" and "u.s. geological survey"
    return any(longer[k : k + len(shorter)] == shorter for k in range(len(longer) - len(shorter) + 1))


# How long a word inside a name may be and still be initials written whole: "US Geological Survey" is "USGS".
WHOLE_INITIALS_LENGTH = 2


def _initials(words: list[str]) -> str:
    """Every word's first letter, all the letters of a dotted one: 'world health organisation' -> 'who',
    'u.s. geological survey' -> 'usgs'."""
    return "".join(word.replace(".", "") if "." in word.rstrip(".") else word[0] for word in words if word[:1].isalpha())


def abbreviates(short: str, name: str) -> bool:
    """Whether a one-word lower-case name ('usgs') is the initials of a name of several words ('u.s. geological
    survey')."""
    words = name.split()
    if " " in short or len(words) < 2:
        return False
    letters = short.replace(".", "")
    # ("usgs" and "us geological survey": a two-letter word may be initials written whole, "US", "UN")
    return letters in (_initials(words), "".join(w if len(w) == WHOLE_INITIALS_LENGTH else w[0] for w in words))


def initials_of(short: str, name: str) -> bool:
    """Whether a name written as capitals ('USGS', 'WHO') stands for a name of several words ('U.S. Geological
    Survey', 'World Health Organization'): the initials of its capitalised words."""
    if not short.isupper() or len(short) < 2 or " " in short:
        return False  # (most names: no capitals alone, and nothing to compute)
    capitalised = " ".join(w for w in name.split() if w[:1].isupper())
    return abbreviates(short.lower(), capitalised.lower())


def _one_party(a: str | None, b: str | None) -> bool:
    return a == b or (a is not None and b is not None and one_name(a, b))


# Where people are, counted: no count of the people ("treated at two private clinics", "killed in three villages").
PEOPLES_PLACE_WORDS = BUILDING_WORDS | PLACE_NOUNS


def compatible(a: Structure, b: Structure) -> bool:
    """Whether two figures measure the same thing: same quantity, unit and kind (level or change), counted
    things and periods that don't disagree. Status is not compared: a result set against its forecast is a
    difference worth showing."""
    if not a.known or not b.known or a.baseline or b.baseline:
        return False
    # An increment is no total; two increments of one period ("2,300 new infections on Friday") count alike.
    if (a.increment or b.increment) and not (
        a.increment and b.increment and a.period and a.period == b.period
    ):
        return False
    if a.hypothetical or b.hypothetical:
        return False
    # Precision first: without what happened to the counted things (or the quantity's name) two numbers may
    # count anything; and figures for other places, or suspected against confirmed cases, are other measures.
    # (a statement revising its own figure names one measure, its quantity named or not: "downgraded the size of
    # the temblor from 6.1 to 5.9")
    one_revision = a.revision_pair is not None and a.revision_pair == b.revision_pair and (
        a.statement_revised or b.statement_revised
    )
    unnamed = a.quantity is None or b.quantity is None
    if (unnamed and not (one_revision and a.counted == b.counted and a.quantity == b.quantity)) or a.place != b.place:
        return False
    if (a.status == "suspected") != (b.status == "suspected") or (a.status == "target") != (
        b.status == "target"
    ):
        return False
    if not _one_party(a.belongs_to, b.belongs_to):
        return False
    # Two revisions stated in two clauses ("the rate for November was revised to 7.8 percent from 7.7 percent.
    # And the rate for July ...") are two measures unless their words tell them apart no further.
    if None not in (a.revision_pair, b.revision_pair) and a.revision_pair != b.revision_pair:
        return False
    # A share of what, for whom: "43 percent of contributions" and "nearly 60 percent" of them may be shares of
    # different givers. Only a share whose party is named compares.
    if a.quantity in PARTY_QUANTITIES and (a.belongs_to is None or b.belongs_to is None):
        return False
    # "the area was 15,000 hectares" names the same surface as "burned 12,400 hectares".
    generic_area = a.unit in AREA_UNITS and GENERIC_AREA in {a.quantity, b.quantity}
    bodies_and_toll = {a.quantity, b.quantity} == {BODIES_FOUND, TOLL_QUANTITY}  # (see `conflicts.values_agree`)
    if (a.quantity != b.quantity and not (generic_area or bodies_and_toll)) or a.change != b.change:
        return False
    if a.unit != b.unit and not (a.quantity in MONEY_QUANTITIES and None in {a.unit, b.unit}) and not _share_rate_unsaid(
        a.unit, b.unit
    ):
        return False
    # "people" counts any kind of person: "17 people killed" and "22 fighters killed" are one toll.
    if a.counted in b.contrasted or b.counted in a.contrasted:
        return False
    # "12 civilians and 3 soldiers were killed" lists the parts of a toll: none of them is a count of all "people".
    if any(one.contrasted and one.counted != GENERIC_COUNTED and other.counted == GENERIC_COUNTED for one, other in ((a, b), (b, a))):
        return False
    if not _one_side(a.side, b.side):
        return False
    # A measure of an event taken without naming it is of the article's main event: "measured the quake at
    # magnitude 6.4" and "a magnitude 4.8 aftershock" measure two quakes.
    measured = next((event for event, measure in MEASURE_OF_EVENT.items() if measure == a.quantity), None)
    if measured is not None and (a.counted or measured) != (b.counted or measured):
        return False
    if a.basis and b.basis and a.basis != b.basis:
        return False  # "diluted EPS of $1.45" and "adjusted EPS of $1.62"
    other_things = a.counted and b.counted and a.counted != b.counted and a.quantity not in PERSON_EVENTS
    if a.counted != b.counted and {a.counted, b.counted} & VEHICLE_WORDS:
        return False  # "820 people had arrived on 23 boats": the boats are no count of the people
    if a.counted != b.counted and {a.counted, b.counted} & PEOPLES_PLACE_WORDS and a.quantity in PERSON_EVENTS:
        # "118 people were being treated at the hospital and two private clinics": the clinics are no count of
        # the people treated in them
        return False
    if other_things and (GENERIC_COUNTED not in {a.counted, b.counted} or a.quantity is None):
        return False
    # "3 firefighters were hurt" and "12 officers were injured" are two groups' counts; "troops" and "soldiers",
    # one group's.
    groups = {family_of(a.counted or "", PERSON_GROUPS), family_of(b.counted or "", PERSON_GROUPS)}
    if None not in groups and len(groups) == 2:
        return False
    # Without a quantity, only a specific counted thing says what is measured; "people" alone does not.
    if a.quantity is None and (a.counted in {None, GENERIC_COUNTED} or b.counted in {None, GENERIC_COUNTED}):
        return False
    # A running total ("300 arrested since the protests began") is no count of one day ("40 on Saturday").
    if (a.aggregate or a.running_total) != (b.aggregate or b.running_total) and (a.period or b.period):
        return False
    # "The company now expects revenue of $470 million for the second quarter" against a result whose period
    # went unsaid: a forecast for a period named is no expectation of a result that may be of another period.
    if any(one.status == "forecast" and one.period and not other.period and other.status != "forecast" for one, other in ((a, b), (b, a))):
        return False
    return not (a.period and b.period and not _one_period(a.period, b.period))


def _share_rate_unsaid(a: str | None, b: str | None) -> bool:
    """'84 cents a share' against 'the average estimate of 79 cents': a sum a share, its 'a share' left unsaid the
    second time (values far apart in scale are told apart by the conflict finder)."""
    if a is None or b is None:
        return False
    shorter, longer = sorted((a, b), key=len)
    return in_currency(shorter) and longer == f"{shorter} {PER_SHARE}"


def _one_period(a: str, b: str) -> bool:
    """Whether two periods may be one: equal, or "the quarter" (a results story's own) and a named quarter."""
    if a == b:
        return True
    return {a, b} & {OWN_QUARTER} != set() and any(_QUARTER.fullmatch(p) for p in (a, b))
