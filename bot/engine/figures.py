"""Figures: the numbers an article reports, with their qualifier, range and what they count.

Dates, years, times, ages, ordinals, phone numbers, numbers inside names and numbers used as modifiers
("a 500-lb bomb") are not figures; "one of the" is not a count.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from bot.engine.context import headline_and_dateline
from bot.engine.doccache import doc_text, entity_at, sentence_of, sentence_text
from bot.engine.grammar import (
    ADJECTIVAL_MODIFIER_DEPS,
    ADJUNCT_CLAUSE_DEPS,
    APPOSITION_DEPS,
    CONJUNCT_DEPS,
    COUNT_ONE_DEPS,
    COUNT_POS,
    COUNTED_HEAD_POS,
    ELLIPSIS_HEAD_POS,
    EVENT_CLIMB_DEPS,
    EVENT_PARTICIPANT_DEPS,
    LOOSE_ATTACHMENT_DEPS,
    NOUN_POS,
    NUMBER_ATTACHMENT_DEPS,
    PARTICIPLE_DEPS,
    PARTICLE_OR_PREPOSITION_DEPS,
    PATIENT_DEPS,
    PLURAL_NOUN_TAGS,
    PREDICATE_POS,
    RANGE_COUNTED_MODIFIER_POS,
    REJECTED_FIGURE_DEPS,
    STATE_POS,
    STATEMENT_PHRASE_DEPS,
    SUBJECT_DEPS,
    SUBJECT_OR_OBJECT_DEPS,
    TIME_ENTITIES,
    VERB_FILLER_POS,
    VERB_POS,
)
from bot.engine.lexicon import (
    ALTERNATIVE_MARKS,
    AND_SCALES,
    BEGINNING_VERBS,
    BOUND_GIVING_PREPOSITIONS,
    CLAUSE_JOINING_MARK,
    CONFLICT_NOUNS,
    COPULA_VERBS,
    COUNT_ENTITY_WORDS,
    CUE_VERBS,
    DASHES,
    DEMONSTRATIVE_WORDS,
    FIGURE_GIVING_VERBS,
    FOLLOW_UP_MARKERS,
    FRACTION_COUNTS,
    FRACTIONABLE_SCALES,
    HYPHENS,
    INDEFINITE_ARTICLES,
    IT_THEY_PRONOUNS,
    MEASURE_LEMMAS,
    MEASURE_NOUNS,
    MONTH_NAMES,
    NEW_WORD,
    NUMBER_CODE_PREFIXES,
    NUMBER_GLUE_MARKS,
    NUMBER_JOINERS,
    OCCASION_MARKERS,
    ONE_WORDS,
    OPENING_BRACKET,
    OTHER_EVENT_MARKERS,
    PART_WORDS,
    PAST_BE_WORDS,
    PAST_MONTH_MARKERS,
    PERIOD_OFFSET_MARKERS,
    PLURAL_FRACTIONS,
    PRONOUN_ONE_DETERMINERS,
    PUBLISHING_VERBS,
    QUALIFIERS,
    RANGE_OPENERS,
    REMAINDER_WORDS,
    SAYING_VERBS,
    SINGULAR_FRACTIONS,
    SOURCE_NOUNS,
    TIME_SPAN_NOUNS,
    TOLL_NOUNS,
    WEEKDAY_NAMES,
)
from bot.engine.measures import (
    BASELINE_PREPOSITIONS,
    CHANGE_BASIS_PATTERNS,
    CHANGE_WORDS,
    COMPARISON_WORDS,
    COUNTED_FAMILIES,
    COUNTRY_DOLLARS,
    CURRENCY_CODES,
    DIRECTION_WORDS,
    EARLIER_WORDS,
    EVENT_FAMILIES,
    EVENT_KINDS,
    EXPECTING_VERBS,
    FIGURE_CHANGING_VERBS,
    FORECASTER_NOUNS,
    HYPHENATED_QUANTITY_NAMES,
    MAX_BASELINE_CLIMB,
    MEASURE_OF_EVENT,
    MULTIPLE_WORDS,
    NAMED_QUANTITIES,
    OWNED_FIGURE_NOUNS,
    PARTY_QUANTITIES,
    PER_CENT_WORDS,
    PERCENT_OPENERS,
    PERCENT_WORDS,
    PERSON_EVENTS,
    POLL_NOUNS,
    RESTATING_NOUNS,
    REVISION_VERBS,
    SET_AGAINST_PREPOSITIONS,
    SET_AGAINST_VERBS,
    SHORT_WORDS,
    SUBUNITS,
    UNIT_DIMENSIONS,
    UNIT_WORDS,
    family_of,
    same_scale_values,
)
from bot.engine.rules import (
    BASELINE_LABEL_PREFIX,
    COMPARED_WITH_BASELINE,
    HOLDER_ACCORDING_TO,
    REVISING_HOLDER,
    TRAILING_SOURCE_MARKS,
    DocRules,
    Holder,
    holder_of,
    read_rules,
)
from bot.engine.structure import (
    GENERIC_COUNTED,
    MAX_CLIMB,
    OWN_QUARTER,
    Structure,
    dated_restatement,
    event_of,
    figure_path,
    figure_structure,
    in_currency,
    party_of_votes,
    per_cent_follows,
    per_what,
    quantity_named_by,
    read_spill_rate_as_flow,
)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
# South Asian scales too: "15 crore workers" (150 million), "10 lakh people" (1 million).
_SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
           "crore": 10_000_000, "crores": 10_000_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "dozen": 12,
           "mln": 1_000_000, "bln": 1_000_000_000}  # fmt: skip  (the wires' "NZ$400-600 mln", "$1.2 bln")
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "mn": 1_000_000}
_GLUED_SCALE = re.compile(r"^\d+(?:\.\d+)?(k|m|bn|mn)$")  # "5bn": a number with its scale letters
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_NOT_FIGURE_ENTITIES = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "FAC", "PRODUCT", "EVENT", "LAW",
                        "WORK_OF_ART", "LOC", "NORP", "LANGUAGE"}  # fmt: skip
_REPORTED_AS = {"report", "fear", "confirm", "believe", "presume", "declare"}
_RANGE_WORDS = {"to", "-", "–", "—", "and", "or"}
_MONEY_SYMBOLS = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
_PRONOUN_ONE_FOLLOWERS = {
    "of",
    "another",
    "day",
    "time",
    "way",
    "side",
    "point",
    "thing",
    "hand",
    "must",
    "can",
}


@dataclass
class FoundFigure:
    """A figure as found, with what the engine needs beyond the report's fields."""

    value: float
    upper: float | None
    qualifier: str | None
    measure: str | None
    start: int
    end: int
    sentence_start: int
    normalised_measure: bool
    background: bool
    subset: bool
    structure: Structure
    # Who gives the figure, when the sentence names them by a construction of its own ("according to X",
    # "X's estimate of"): wins over the speaker of the claim the figure sits in.
    holder: Holder | None = None
    # A figure the sentence rejects ("the total job losses are 1,150, not 2,000"): someone else's, never its
    # speaker's.
    rejected: bool = False
    # All there are of what another figure counts part of ("212 of its 590 schools were shut"): a population, not
    # a count of what happened.
    population: bool = False
    # Labels of the declared patterns that read this figure (`rules.py`), for error logs.
    rules: tuple[str, ...] = ()
    # The token the number phrase ends on (its head in the parse).
    token: int | None = None
    # The figure whose words this one leaves out ("12,000, according to the organisers", "including 750,000 in
    # Los Angeles"): its source gives this one when nothing else does.
    shares_words_with: FoundFigure | None = None
    # The earlier figure this one revises when its own words name no source ("this figure was revised up to
    # 4.3 per cent"): a figure is revised by whoever gave it.
    revises_figure: FoundFigure | None = None


def find_figures(doc: Doc) -> list[FoundFigure]:
    """Every figure in the document, in order."""
    figures: list[FoundFigure] = []
    numbers = _among_words(doc, _number_indexes(doc))
    number_set = set(numbers)
    rules = read_rules(doc, numbers)
    # Forecasters who give the value written before them ("the 5.8 million analysts had projected").
    forecasters_of_values = {holder.head.i for holder in rules.expected_by.values()}
    i = 0
    n = len(doc)
    while i < n:
        if i not in number_set:
            i += 1
            continue
        token = doc[i]
        first, last, value = _number_phrase(doc, i)
        if value is None or _excluded(doc, first, last, rules) or _scale_of_a_glued_number(doc, first):
            i = last + 1
            continue
        fraction = _fraction_before(doc, first)
        if fraction is not None:
            value, first = value * fraction[0], fraction[1]  # "half a million", "a quarter of a million"
        upper = None
        range_start = first
        range_end = last
        # "between 15 and 20", "15 to 20", "15-20", "$3 billion to $5 billion": the second number may repeat the
        # first's currency symbol.
        joiner_at = last + 1
        if joiner_at + 1 < n and doc[joiner_at].lemma_.lower() in UNIT_WORDS and doc[joiner_at + 1].lower_ in _RANGE_WORDS:
            joiner_at += 1  # "between 4.1 billion euros and 4.3 billion euros": the unit said twice
        second_at = joiner_at + 1
        if second_at < n and doc[second_at].text in _MONEY_SYMBOLS and _money_symbol(doc, first):
            second_at += 1
        if second_at < n and doc[joiner_at].lower_ in _RANGE_WORDS and _is_number_token(doc[second_at]):
            lead = first - 1 if _money_symbol(doc, first) else first  # "$" opens the phrase
            between = lead > 0 and doc[lead - 1].lower_ in RANGE_OPENERS
            joiner = doc[joiner_at].lower_
            if _moves_from(doc, lead):
                pass  # "raised the toll from 12 to 19", "grew from 12,500 to 31,000": two values, not a range
            elif joiner != "and" or between:
                second_first, second_last, second = _number_phrase(doc, second_at)
                # A unit said after the first value must be said after the second ("4.1 billion euros and 4.3
                # billion euros"): "cut by 20% to 15,537" is a change and a level, no range.
                unit_said = joiner_at == last + 1 or (
                    second_last + 1 < n and doc[second_last + 1].lemma_.lower() == doc[last + 1].lemma_.lower()
                )
                if second is not None and unit_said and _trailing_scale(doc, first, last) == 1:
                    # "between 2 and 3 million", "$3-5 billion": the second number's scale is the first's too
                    shared = value * _trailing_scale(doc, second_first, second_last)
                    value = shared if shared < second else value
                if second is not None and second > value and unit_said:
                    upper = second
                    range_end = second_last
                    if between:
                        range_start = lead - 1
        qualifier, qualifier_start = _qualifier(doc, range_start)
        if qualifier is None and _plus_after(doc, range_end):
            qualifier = "more than"  # "Organisers: 40,000+"
        start_token = qualifier_start if qualifier_start is not None else range_start
        money = _money_symbol(doc, first)
        if money and start_token == first:
            start_token = first - 1
        scale_head = doc[last]
        if scale_head.dep_ in CONJUNCT_DEPS and first <= scale_head.head.i < last:
            scale_head = scale_head.head  # "three and a half million dollars": the parser joins the words as a list
        measure, normalised = _measure(doc, first, scale_head, money)
        sentence = sentence_of(token)
        counted = _counted_noun(scale_head)
        marks = doc[range_end + 1 : counted.i] if counted is not None else []  # (a range's own hyphen is no mark)
        if any(t.text in TRAILING_SOURCE_MARKS or t.text == OPENING_BRACKET for t in marks):
            # "rises to 63 - ministry", "12 dead (hospital sources)": the source after a dash or in brackets, not
            # what is counted (nor what it measures, when that was only the source's noun)
            spaced = any(t.text in TRAILING_SOURCE_MARKS and doc[t.i - 1].whitespace_ for t in marks)
            if spaced and not normalised and measure == counted.lower_:
                measure = None  # (not "two 500-lb bombs": a hyphen inside a word joins no source)
            counted = None
        labelled_by = rules.source_before.get(first)
        if labelled_by is not None and counted is not None and (
            counted.i == labelled_by.head.i or counted.lemma_.lower() in SOURCE_NOUNS
        ):
            counted = None  # "police ~2,000 · organisers 15,000": a source, not what is counted
        expected_by = rules.expected_by.get(first)
        if expected_by is not None and counted is not None and counted.i == expected_by.head.i:
            counted = None  # "the 180,000 economists had forecast": the forecasters are no counted thing
        structure = figure_structure(scale_head, doc[first], counted)
        if upper is not None and structure.unit is None and per_cent_follows(doc[range_end]):
            structure.unit = "%"  # "between 54 and 55 percent": the range's unit after its upper end
        per = per_what(doc[range_end]) if upper is not None and structure.unit and " per " not in structure.unit else None
        if per:
            structure.unit = f"{structure.unit} per {per}"  # "$10.75-$11.25 per share": the rate after the range
            read_spill_rate_as_flow(structure)
        coin = SUBUNITS.get(counted.lemma_.lower()) if counted is not None else None
        if coin is not None and structure.unit is not None and structure.unit.startswith(coin[0]):
            # "84 cents a share": the value in the currency itself, to set against "$0.79"
            value, upper = value * coin[1], upper * coin[1] if upper is not None else None
        labels = []
        if expected_by is not None:
            structure.status = "forecast"
            if structure.counted == family_of(expected_by.head.lemma_.lower(), COUNTED_FAMILIES) or (
                structure.counted == expected_by.head.lemma_.lower()
            ):
                structure.counted = None
            # "the 1.09 billion euros analysts had expected": the unit the parser gave to the forecasters
            units = (UNIT_WORDS.get(t.lemma_.lower()) for t in doc[scale_head.i + 1 : expected_by.head.i])
            structure.unit = structure.unit or next((unit for unit in units if unit), None)
        if first in rules.items:
            structure.belongs_to = rules.items[first]  # each bracketed item's change is its own
        baseline = rules.baselines.get(first)
        # ("compared with a 0.2% increase forecast by economists": what was expected, set against the result, is no
        # earlier value)
        forecast_compared = baseline == COMPARED_WITH_BASELINE and structure.status == "forecast"
        if baseline and not structure.prior and not forecast_compared:  # ("down from the 230 deaths it reported")
            structure.baseline = True
            labels.append(baseline)
        increment = rules.increments.get(first) or rules.increments.get(last)
        if increment and structure.quantity in COUNTS_OF_NEW_THINGS and doc[last + 1 : last + 2].text.lower() == NEW_WORD:
            increment = None  # "121,000 new jobs were created": what was created is new, no addition to a total
        if increment:
            structure.increment = True
            labels.append(increment)
        part = rules.parts.get(first) or _part_by_parse(doc, first)
        if part == "part:n-of" and _of_a_population(doc[last]) is not None:
            part = None  # "212 of its 590 schools were shut": the count of what happened, out of all there are
        # "41 cases, including two deaths": a count of its own measure is no mere part.
        subset = part is not None and (not _names_its_measure(doc[last]) or _measure_of_its_whole(doc, first))
        if subset:
            labels.append(part)
        path = figure_path(scale_head)
        holder = expected_by or holder_of(scale_head, first, path, rules, numbers)
        if expected_by is None and holder is not None and holder.head.i in forecasters_of_values:
            # ("sold 5.3 million iPods, less than the 5.8 million analysts had projected": the parser may hang the
            # forecasters' clause on the result; it gives the value written before them, not the result)
            holder = None
        if holder is not None and structure.status == "estimate" and holder.head.lemma_.lower() in FORECASTER_NOUNS:
            structure.status = "forecast"  # "the median estimate of economists": what forecasters expect
        if holder is not None and structure.status is None and _poll_of_forecasters(holder.head):
            structure.status = "forecast"  # "656 cents in a Reuters poll of 13 analysts": what they expect
        if holder is not None:
            labels.append(holder.rule)
        elif _reported_earlier(doc, structure):
            labels.append(EARLIER_REPORT)
        other_event, past_year = _background_markers(sentence_text(sentence))
        other_event = (
            other_event and _other_event_applies(doc, structure.clause, sentence, path)
        ) or _fronted_other_event(sentence)
        background = (
            other_event
            or (past_year and _past_year_applies(doc, structure.clause, sentence, path))
            or (structure.clause is not None and _another_occasion(doc[structure.clause]))
        )
        if structure.status == "forecast" and not structure.baseline:
            background = False  # "forecast growth of 1.6% in 2025 in its outlook last month": a forecast's
            # period is what it is about, not a past event
        if structure.period and structure.quantity in DATED_STATISTICS and not other_event:
            background = False  # "output growth was 2.1 per cent in 2010": the year is the figure's period
        elif structure.period and structure.quantity in DATED_STATISTICS and structure.period in RELATIVE_MARKERS:
            background = False  # "payrolls increased by 187,000 jobs last month": the month the figure is about
        figures.append(
            FoundFigure(
                value=value,
                upper=upper,
                qualifier=qualifier,
                measure=measure,
                start=doc[start_token].idx,
                end=doc[range_end].idx + len(doc[range_end].text),
                sentence_start=sentence.start_char,
                normalised_measure=normalised,
                background=background,
                subset=subset,
                # ("163,000 acres, not the 400,000 that was first estimated": a statement the figure corrects is
                # its prior value, not a figure the speaker rejects out of hand)
                rejected=_rejected(scale_head) and not structure.prior,
                population=_is_population(scale_head),
                structure=structure,
                holder=holder,
                rules=tuple(labels),
                token=scale_head.i,
            )
        )
        i = range_end + 1
    _mark_conversions(doc, figures)
    _resolve_elliptical(doc, figures)
    _year_ago_results(figures)  # (before expectations take a result's period)
    _resolve_expectations(doc, figures)
    _resolve_restated(doc, figures)
    _results_expected(doc, figures)
    _pair_revisions(doc, figures)
    _contrast_kinds(figures)
    _parts_of_a_sum(doc, figures)
    return figures


# The label of a count that another count joined to it adds to: "196 were treated at the scene and 100 others
# were rushed to hospital", "553 deaths were confirmed and another 373 suspected". Neither is the total.
ADDED_TO = "part:added-to"
# What joins a count to the one added to it.
_ADDING_JOIN = re.compile(r"\band\b")
# The increments that add to a count before them ("another 373"), and the noun of other people ("100 others").
_ADDING_INCREMENTS = frozenset({"increment:n-more", "increment:another-n"})
_OTHERS = "other"


def _parts_of_a_sum(doc: Doc, figures: list[FoundFigure]) -> None:
    """Mark a count followed in its sentence by "and" another count added to it (`ADDED_TO`) as a part."""
    for before, after in itertools.pairwise(figures):
        if before.sentence_start != after.sentence_start or before.structure.increment or before.subset:
            continue
        remainder = after.token is not None and _the_remaining(doc[after.token])
        if not (_ADDING_INCREMENTS & set(after.rules) or after.structure.counted == _OTHERS or remainder):
            continue
        # ("34 people have been confirmed dead and 123 others still missing": others counted for another measure)
        if after.structure.quantity not in (None, before.structure.quantity):
            continue
        if before.token is None or after.token is None:
            continue
        # ("estimated that around 1,600 jobs would go, and warned that up to 2,000 more were at risk": a statement of
        # its own adds no part to the first)
        between = doc[before.token + 1 : after.token]
        if any(t.lemma_.lower() in CUE_VERBS for t in between):
            continue
        if remainder or _ADDING_JOIN.search(doc_text(doc)[before.end : after.start]):
            before.subset = True
            before.rules = (*before.rules, ADDED_TO)


def _the_remaining(number: Token) -> bool:
    """'the remaining 10', 'the remaining 20 victims': a count of the rest of a whole."""
    noun = number.head if number.dep_ == "nummod" else number
    return any(c.dep_ == "amod" and c.lower_ in REMAINDER_WORDS for c in (*number.children, *noun.children))


def _contrast_kinds(figures: list[FoundFigure]) -> None:
    """'35 foreigners and 15 kidnappers were killed': kinds of counted things one sentence lists side by side, for
    one quantity, are different groups wherever else the article counts them ("eight kidnappers", said Reuters);
    kinds never set side by side may be one group named two ways ("miners", "workers")."""
    by_sentence: dict[tuple[int, str], list[FoundFigure]] = {}
    for figure in figures:
        structure = figure.structure
        # ("four civilians were killed - three women and a boy": a part breaks its count down, no group beside it)
        if structure.quantity and structure.counted and structure.counted != GENERIC_COUNTED and not figure.subset:
            by_sentence.setdefault((figure.sentence_start, structure.quantity), []).append(figure)
    for listed in by_sentence.values():
        kinds = frozenset(figure.structure.counted for figure in listed)
        if len(kinds) > 1:
            for figure in listed:
                figure.structure.contrasted = kinds - {figure.structure.counted}


# The fields a revision's two values share: the clause says they measure one thing.
_REVISION_SHARED_FIELDS = ("counted", "quantity", "unit", "place", "change")


def _one_statement(doc: Doc, prior_clause: int | None, clause: int | None) -> bool:
    """Whether a prior value's clause states the revision of a figure in `clause`: the same clause, or a
    participle hanging on it ("the economy grew 1.1 percent, revising its earlier estimate of 0.8 percent")."""
    if prior_clause is None or clause is None:
        return prior_clause == clause
    if prior_clause == clause:
        return True
    verb = doc[prior_clause]
    if verb.lemma_.lower() in CUE_VERBS and verb.i in (doc[clause].head.i, doc[clause].i):
        return True  # "has scorched 8,200 acres, officials said, far less than the 14,000 they estimated"
    if verb.lemma_.lower() in CUE_VERBS and verb.head.i == clause:
        return True  # "grew 2.1 percent, the agency said, above the previously reported 1.8 percent"
    if verb.dep_ == "pobj" and verb.head.head.i == clause:
        return True  # "revised down to 165,000 from the 187,000 first reported", "reported" taken for a noun
    if verb.dep_ in STATEMENT_PHRASE_DEPS and verb.head.i == clause:
        return True  # "contracted at a 31.4% annual rate, compared with a prior estimated 31.7% decline"
    if verb.dep_ not in PARTICIPLE_DEPS:
        return False
    # "The economy grew by 0.6 per cent, the office said, revising up its initial estimate": the participle may
    # hang on the cue whose clause the figure is in.
    speaker_verb = verb.head
    return verb.head.i == clause or (
        speaker_verb.lemma_.lower() in CUE_VERBS and doc[clause].head.i == speaker_verb.i
    )


def _pair_revisions(doc: Doc, figures: list[FoundFigure]) -> None:
    """'The rate was revised up to 7.8 percent from 7.7 percent', 'growth was 0.6 per cent, up from an initial
    estimate of 0.5 per cent': the prior value and the revised one, in one clause, are one source's two values
    of one measure. Each takes what the other's words say and it lacks; the revised value is a revision."""
    by_sentence: dict[int, list[FoundFigure]] = {}
    for figure in figures:
        by_sentence.setdefault(figure.sentence_start, []).append(figure)
    for figure in figures:
        prior = figure.structure
        if not prior.prior:
            continue
        # Its sentence's figures, nearest first (before it, then after it): a sentence is short, however long
        # the text.
        neighbours = by_sentence[figure.sentence_start]
        index = next(k for k, other in enumerate(neighbours) if other is figure)
        partners = [
            other
            for other in neighbours[:index][::-1] + neighbours[index + 1 :]
            if not other.structure.prior
            and CONVERSION not in other.rules
            and _one_statement(doc, prior.clause, other.structure.clause)
            and other.structure.revision_pair is None
            # ("eight children were missing, a far cry from the first estimates of up to 1,000 dead": what the
            # earlier estimate's own words name is another measure)
            and not (prior.quantity and other.structure.quantity and prior.quantity != other.structure.quantity)
        ]
        # ("the weather service said winds reached 175 mph, and officials lowered the number of missing from 20 to
        # three": a value of the prior's own clause before one of another clause of the statement)
        # ("pegged production at 87 million tonnes, lower by seven per cent from the government's estimate of 93.6
        # million tonnes": the level revised, not the amount it moved by, unless the prior is itself a change)
        partners.sort(key=lambda other: (other.structure.change != prior.change, other.structure.clause != prior.clause))
        if not partners and not prior.quantity:
            partners = _revised_just_before(doc, figure, by_sentence)
        if not partners:
            continue
        revised = partners[0].structure
        if figure.holder is not None and figure.holder.head.lower_ in IT_THEY_PRONOUNS:
            # "far less than the 14,000 acres they estimated": "they" are whoever gives the revised value.
            figure.holder, figure.shares_words_with = None, partners[0]
        if figure.holder is None:
            figure.holder = partners[
                0
            ].holder  # "The company now expects ..., down from its previous forecast"
        figure.background = partners[0].background  # the prior value is of the revised value's period
        # The revised value's own words win ("an estimate of 1.8 per cent" names no quantity of its own); what
        # they leave out, the prior's words may say ("revised from 0.1 per cent to zero").
        for name in _REVISION_SHARED_FIELDS:
            value = getattr(revised, name) or getattr(prior, name)
            setattr(prior, name, value)
            setattr(revised, name, value)
        prior.status = revised.status  # an "estimate" noun names the earlier statement, not a kind of figure
        prior.period = revised.period  # "the 230 deaths it reported last week": when it was said, not counted
        revised.revises = True
        prior.revises = False
        prior.points_back = revised.points_back = False
        prior.revision_pair = revised.revision_pair = figure.start
        figure.rules = (*figure.rules, "relation:revised-from")


def _poll_of_forecasters(holder: Token) -> bool:
    """'a Reuters poll of 13 analysts', 'a survey of economists': a poll whose "of" names forecasters."""
    return holder.lemma_.lower() in POLL_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in FORECASTER_NOUNS for o in c.children)
        for c in holder.children
    )


def _revised_just_before(doc: Doc, prior: FoundFigure, by_sentence: dict[int, list[FoundFigure]]) -> list[FoundFigure]:
    """'India lowered its estimated death toll to 15,537. The previous estimate ... was 20,085.': a source's
    earlier word that names nothing it counts, alone after a sentence revising a figure by a revising verb, is
    that figure's prior value. So is one in a sentence that opens on a word pointing back at the one before:
    "GDP grew at an annual rate of 1.8 per cent. That was down from the previous estimate of two per cent."""
    if prior.token is None or sentence_of(doc[prior.token]).start == 0:
        return []
    sentence = sentence_of(doc[prior.token])
    before = by_sentence.get(doc[sentence.start - 1].sent.start_char, [])
    points_back = sentence[0].lower_ in DEMONSTRATIVE_WORDS and sentence[0].dep_ in SUBJECT_DEPS
    revised = [
        other
        for other in before
        if (REVISING_HOLDER in other.rules or (points_back and other.structure.known))
        and not other.structure.prior
        and other.structure.revision_pair is None
    ]
    return revised[-1:]


# How far up from a bare conjoined number the figure it shares words with is looked for.
ELLIPSIS_CLIMB = 3
# How much further a figure set against another may sit below that figure's clause ("far more than the official
# figure of 300": "of" -> "figure" -> "than" -> "more" -> the verb).
SET_AGAINST_EXTRA_CLIMB = 2


def _resolve_elliptical(doc: Doc, figures: list[FoundFigure]) -> None:
    """'3,000 people marched, according to police, and 12,000, according to the organisers': a bare number
    joined by 'and'/'or' to a figure's clause (or to the figure itself) leaves out the words it shares with that
    figure, and counts what that figure counts."""
    by_token = {figure.token: figure for figure in figures}
    by_clause = {}
    for figure in figures:
        by_clause.setdefault(figure.structure.clause, figure)
    for index, figure in enumerate(figures):
        structure = figure.structure
        number = doc[figure.token]
        # "5 million protesters across the country, including 750,000 in Los Angeles": a bare part counts what
        # its whole counts, in a scope of its own.
        bare_part = figure.subset and number.dep_ == "pobj" and number.head.lower_ in PART_WORDS
        # "The toll was 120, far below the 300 that rescuers had counted": a bare figure set against another
        # measures what that one measures.
        set_against = number.dep_ == "pobj" and (
            _sets_against(number.head) or _sets_against(_figure_noun_preposition(number.head))
        )
        own_scope = bare_part or set_against
        if not structure.known and _sourced_beside(number, figure):
            # "32.7% of teachers according to the ministry, 60% according to the unions": each figure set beside
            # the one before with a source of its own counts what that one counts.
            earlier = _known_before_in_sentence(figures, index)
            if earlier is not None and structure.unit == earlier.structure.unit and HOLDER_ACCORDING_TO in earlier.rules:
                _share_frame(number, figure, earlier)
            continue
        if not structure.known and _elided_verb(number):
            # "The union said 900 joined the walkout. Management said 350 had.": a bare number whose verb is an
            # auxiliary left alone counts what the figure before it counts, by a speaker of its own.
            earlier = next((f for f in _within_window_before(figures, index) if f.structure.known), None)
            if earlier is not None and earlier.structure.unit == structure.unit:
                _share_frame(number, figure, earlier, set_against=True)
            continue
        if not structure.known and _said_to_exist(number):
            # "The UNHCR counts 45,000 refugees in the camps, while the government says there are 80,000": a bare
            # number said to exist, by a source of its own, counts what the figure before it counts.
            earlier = _known_before_in_sentence(figures, index)
            if earlier is not None and earlier.structure.unit == structure.unit:
                _share_frame(number, figure, earlier, set_against=True)
            continue
        if structure.known or (number.dep_ != "conj" and not own_scope) or number.head.i == number.i:
            continue
        # The conjunct hangs on the figure, on its clause, or on a phrase of that clause ("according to").
        earlier, node = None, number
        for _ in range(ELLIPSIS_CLIMB + (SET_AGAINST_EXTRA_CLIMB if set_against else 0)):
            if node.head.i == node.i:
                break
            node = node.head
            found = by_token.get(node.i) or by_clause.get(node.i)
            if found is not None and found is not figure:
                earlier = found
                break
        if earlier is None and set_against:
            # "Employers added 96,000 jobs, the office said, well short of the 125,000 economists had forecast":
            # the figure it is set against comes before it in its sentence, wherever the parser hung it.
            earlier = _known_before_in_sentence(figures, index)
        if earlier is None or earlier is figure or not earlier.structure.known:
            continue
        if structure.unit and structure.unit != earlier.structure.unit:
            continue  # "rose 4 percent to $3.6 billion, compared with estimates of $3.8 billion": not the 4 percent
        _share_frame(number, figure, earlier, set_against=set_against)


def _elided_verb(number: Token) -> bool:
    """'Management said 350 had.', 'the hospital said 52 had': a number the subject of an auxiliary whose verb is
    left out (nothing but the number hangs on it), in a clause a speaker says."""
    verb = number.head
    return (
        number.dep_ in SUBJECT_DEPS
        and number.pos_ == "NUM"
        and verb.lemma_.lower() in ELIDING_AUXILIARIES
        and all(c.i == number.i or c.is_punct for c in verb.children)
        and _said_clause(verb)
    )


def _said_to_exist(number: Token) -> bool:
    """'the government says there are 80,000': a bare number after an existential "there", in a clause a named
    speaker says."""
    verb = number.head
    return (
        number.dep_ == "attr"
        and number.pos_ == "NUM"
        and any(c.dep_ == "expl" for c in verb.children)
        and _said_clause(verb)
        and any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in verb.head.children)
    )


def _said_clause(verb: Token) -> bool:
    """Whether a verb's clause is what a verb of saying or thinking says: "Management said [350 had]"."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in CUE_VERBS


def _sourced_beside(number: Token, figure: FoundFigure) -> bool:
    """Whether the figure stands loose beside the sentence's words (an apposition, a bare noun phrase, or one
    joined to a post's label: "Turnout 58% per the commission, 44% per observers"), its unit with it, and an
    "according to" of its own names who gives it."""
    node = number.head if number.dep_ == "nummod" and number.head.pos_ in NOUN_POS else number
    loose = node.dep_ in LOOSE_ATTACHMENT_DEPS or node.dep_ in CONJUNCT_DEPS
    return loose and HOLDER_ACCORDING_TO in figure.rules and node.head.i != node.i


def _share_frame(number: Token, figure: FoundFigure, earlier: FoundFigure, *, set_against: bool = False) -> None:
    """Give an elliptical figure the frame of the figure whose words it leaves out."""
    structure = figure.structure
    for name in ("counted", "quantity", "unit", "period", "change", "place", "event_place"):
        # A period or place of its own stays ("$8.1 billion this year and $9 billion next year").
        if not (name in ("period", "place", "event_place") and getattr(structure, name)):
            setattr(structure, name, getattr(earlier.structure, name))
    if structure.quantity == "won" and structure.belongs_to is None:
        structure.belongs_to = party_of_votes(number)  # "and 6.27 million for his rival, Edmundo Gonzalez"
    other_party = structure.belongs_to not in (None, earlier.structure.belongs_to)
    if structure.baseline and structure.quantity in PARTY_QUANTITIES and other_party:
        # "the 5.15 million votes Maduro had won, compared to 4.45 million for Gonzalez": another party's
        # figure set beside it, no earlier value of it
        structure.baseline = False
        figure.rules = tuple(rule for rule in figure.rules if not rule.startswith(BASELINE_LABEL_PREFIX))
    if figure.measure is None:
        figure.measure, figure.normalised_measure = earlier.measure, earlier.normalised_measure
    if not set_against:
        figure.shares_words_with = earlier  # a figure set against another is someone else's
    figure.rules = (*figure.rules, "relation:elliptical")


def _of_a_population(number: Token) -> Token | None:
    """'212 of its 590 schools were shut', '120 of its soldiers were killed': the noun after "of" when it names all
    there are of something (owned, or counted in full) and the clause says what happened to the part. "Three of
    the eight victims were children" sorts a count into kinds: a part. Returns the noun, or None."""
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun is None or noun.pos_ not in NOUN_POS:
        return None
    whole = any(c.dep_ == "poss" or (c.dep_ in NUMBER_ATTACHMENT_DEPS and c.like_num) for c in noun.children)
    verb = figure_path(number)[-1]
    # ("were closed" parsed as a copula and an adjective says what happened as "were shut" does)
    happened = verb.lemma_.lower() not in COPULA_VERBS or any(
        c.dep_ == "acomp" and event_of(c) for c in verb.children
    )
    return noun if whole and verb.pos_ in VERB_POS and happened else None


def _is_population(number: Token) -> bool:
    """The '590' of '212 of its 590 schools were shut' (see `_of_a_population`)."""
    noun = number.head
    if number.dep_ not in NUMBER_ATTACHMENT_DEPS or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    part = noun.head.head
    if part.lower_ in PERCENT_WORDS | PER_CENT_WORDS and any(c.like_num for c in part.children):
        return True  # "70 percent of the country's 46,000 nurses": all there are, a share of which took part
    population = _of_a_population(part) if part.like_num else None
    return population is not None and population.i == noun.i


def _rejected(number: Token) -> bool:
    """'1,150, not 2,000': a figure set beside another and negated is the one the speaker rejects."""
    if number.dep_ not in REJECTED_FIGURE_DEPS:
        return False
    # The parser hangs "not" on the rejected figure or on the figure it is set beside.
    negations = [*number.children, *number.head.children]
    return any(c.dep_ == "neg" and number.head.i < c.i < number.i for c in negations)


def _figure_noun_preposition(of: Token) -> Token:
    """'more than the official figure of 300': the preposition that the figure noun holding the number hangs on
    (or `of` itself when there is none)."""
    noun = of.head
    if of.lower_ == "of" and noun.lemma_.lower() in RESTATING_NOUNS and noun.dep_ == "pobj":
        return noun.head
    return of


def _known_before_in_sentence(figures: list[FoundFigure], index: int) -> FoundFigure | None:
    """The nearest figure before `figures[index]` in its sentence whose structure is known."""
    for k in range(index - 1, -1, -1):
        if figures[k].sentence_start != figures[index].sentence_start:
            return None
        if figures[k].structure.known:
            return figures[k]
    return None


def _quantity_named_before(doc: Doc, figure: FoundFigure) -> str | None:
    """The quantity the last noun naming one in the sentence before the figure's names ('voter turnout')."""
    sentence = sentence_of(doc[figure.token]) if figure.token is not None else None
    if sentence is None or sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    named = next((named for t in reversed(before) if t.pos_ in NOUN_POS and (named := quantity_named_by(t))), None)
    return named or _number_named_before(before)


def _number_named_before(sentence: Span) -> str | None:
    """'There were conflicting figures about the number of workers inside the building. While one agency put the
    figure at 4,000, ...': the number a sentence names by a restating noun and what it is of, as the quantity a
    figure restated right after it measures."""
    for noun in sentence:
        if noun.lemma_.lower() not in RESTATING_NOUNS or noun.pos_ not in NOUN_POS:
            continue
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            counted = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS), None)
            # ("estimates of the number of people ...": the innermost number named)
            if counted is not None and counted.lemma_.lower() not in RESTATING_NOUNS and not any(
                t.like_num for t in counted.subtree
            ):
                words = [t.lower_ for t in counted.subtree if t.dep_ != "det" and not t.is_punct][:MAX_NAMED_NUMBER_WORDS]
                return f"{noun.lemma_.lower()} of {' '.join(words)}"
    return None


# Quantities that count new things by their nature: "121,000 new jobs were created" is the count of jobs created,
# not an increment to a total ("12 new cases" is one).
COUNTS_OF_NEW_THINGS = frozenset({"created"})
# The auxiliaries a clause may end on, its verb left out: "350 had", "40 were", "most did".
ELIDING_AUXILIARIES = frozenset("have be do".split())
# How many words of what a number is "of" name it: "number of workers who were inside the building".
MAX_NAMED_NUMBER_WORDS = 8


def _within_window_before(figures: list[FoundFigure], index: int) -> list[FoundFigure]:
    """The figures before `figures[index]`, nearest first, whose sentences start within `RESTATED_WINDOW`
    characters of its own: a walk back that stops at the window, so a text of many figures stays linear."""
    start = figures[index].sentence_start
    found = []
    for k in range(index - 1, -1, -1):
        if start - figures[k].sentence_start >= RESTATED_WINDOW:
            break
        found.append(figures[k])
    return found


def _restates_in_unit(unit: str | None, earlier: str | None) -> bool:
    """Whether a figure in `unit` restates one in `earlier` in the same unit: a bare number restates a bare count,
    a share or a sum whose currency it leaves out, not a measurement ("a depth of 10 km")."""
    if unit is None:
        return earlier is None or earlier == "%" or in_currency(earlier)
    return earlier in (None, unit)


def _sets_against(preposition: Token) -> bool:
    """'below the 300', 'short of the $1.20', 'against 1,400': a preposition setting one value against another."""
    if preposition.lower_ in SET_AGAINST_PREPOSITIONS:
        return True
    if preposition.lower_ in COMPARED_PREPOSITIONS and preposition.head.lower_ in COMPARISON_WORDS:
        return True  # "rose to $3.6 billion, compared with estimates of $3.8 billion"
    return preposition.lower_ == "of" and preposition.head.lower_ in SHORT_WORDS


# Prepositions after "compared": "compared with", "compared to".
COMPARED_PREPOSITIONS = frozenset({"with", "to"})
# Prepositions opening a value a changing verb moves from, or moves by: "from 12 to 19", "by 21,000 to 412,000".
CHANGE_PREPOSITIONS = frozenset({"from", "by"})


# The label of a sum restated in another currency ("4.3 billion euros ($4.6 billion)", "€1.2 billion, or $1.3
# billion") or a measure in another unit of its dimension ("9 kilometers (5.5 miles)"). A conversion is no figure
# of its own.
CONVERSION = "relation:conversion"
# What stands between a sum and its conversion.
_CONVERSION_JOINS = frozenset({"(", ", or", "or"})


def _mark_conversions(doc: Doc, figures: list[FoundFigure]) -> None:
    for before, figure in itertools.pairwise(figures):
        units = before.structure.unit, figure.structure.unit
        if units[0] == units[1] or not (_other_currency(*units) or _one_dimension(*units)):
            continue
        between = doc_text(doc)[before.end : figure.start].split(maxsplit=1)
        if between and between[0].rstrip(",").lower().removesuffix("s") in UNIT_WORDS:
            between = between[1:]  # "4.3 billion euros ($4.6 billion)": the first sum's unit word
        if " ".join(between).strip() in _CONVERSION_JOINS:
            figure.rules = (*figure.rules, CONVERSION)


def _other_currency(a: str | None, b: str | None) -> bool:
    """'4.3 billion euros ($4.6 billion)': two currencies for one sum ('$482.5 million, or 84 cents a share' is a
    total and its share, in one currency)."""
    if not (in_currency(a) and in_currency(b)):
        return False
    (currency_a, *rate_a), (currency_b, *rate_b) = (unit.split(" per ", 1) for unit in (a, b))
    return currency_a != currency_b and rate_a == rate_b


def _one_dimension(a: str | None, b: str | None) -> bool:
    return any(a in units and b in units for units in UNIT_DIMENSIONS.values())


# Quantities a statistics release dates by their period ("growth in 2010", "jobs created last month"), whatever
# marker of another time names it.
# (not the measure of one event: "a 7.9-magnitude quake in Sichuan in 2008" is another quake, however measured)
DATED_STATISTICS = frozenset(NAMED_QUANTITIES) - frozenset(MEASURE_OF_EVENT.values()) | {"created"}
# Periods that are also markers of another time: "last month", "last year", "last week".
RELATIVE_MARKERS = frozenset(marker.strip() for marker in OTHER_EVENT_MARKERS if marker.strip().startswith("last "))


# The label of a value reported earlier by someone the sentence doesn't name: "The aftershock was originally
# reported as 7.8".
EARLIER_REPORT = "relation:earlier-report"


def _reported_earlier(doc: Doc, structure: Structure) -> bool:
    """'was originally reported as 7.8', 'was initially estimated at 5,000 barrels': a passive verb of reporting
    marked as earlier, its reporter unnamed ("the fire initially burned 200 acres" reports nothing)."""
    if structure.time_marker not in EARLIER_WORDS or structure.clause is None:
        return False
    verb = doc[structure.clause]
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "was initially reported to have killed five people"
    reporting = verb.lemma_.lower() in CUE_VERBS | FIGURE_GIVING_VERBS
    return reporting and any(c.dep_ == "auxpass" for c in verb.children)


# The label of a result the article states in its own voice against an expectation in its sentence.
RESULT_AGAINST_EXPECTATION = "relation:result-against-expectation"


# Periods a results story names for the year before its own: "Last year, the company earned 39 cents a share".
YEAR_AGO_PERIODS = frozenset({"last year"})
YEAR_AGO_LABEL = "baseline:year-ago"


def _year_ago_results(figures: list[FoundFigure]) -> None:
    """'The maker of the BlackBerry reported earnings of 84 cents a share ... Last year, the company earned 39 cents
    a share': a result dated last year, after a result of the same measure the article dates to no period or to
    "the quarter" (its news), is the year-ago result it is set against, a baseline."""
    undated: set[tuple[str | None, str | None]] = set()
    for figure in figures:
        structure = figure.structure
        if structure.quantity is None or structure.status is not None or structure.baseline:
            continue
        key = (structure.quantity, structure.unit)
        if structure.period in (None, OWN_QUARTER) and not figure.background:
            undated.add(key)
        elif structure.period in YEAR_AGO_PERIODS and key in undated:
            structure.baseline = True
            figure.rules = (*figure.rules, YEAR_AGO_LABEL)


def _by_sentence(figures: list[FoundFigure]) -> tuple[dict[int, list[FoundFigure]], list[int]]:
    """The figures of each sentence (by its start), and the sentence starts in order."""
    by_sentence: dict[int, list[FoundFigure]] = defaultdict(list)
    for figure in figures:
        by_sentence[figure.sentence_start].append(figure)
    return by_sentence, sorted(by_sentence)


def _results_expected(doc: Doc, figures: list[FoundFigure]) -> None:
    """'U.S. employers added 150,000 jobs last month. Economists had forecast 180,000': what forecasters had
    expected (the pluperfect looks back to the result) is set against the result just stated, in its sentence or
    the one before, though the article states the result in its own voice. The nearest such result is marked."""
    by_sentence, starts = _by_sentence(figures)
    for figure in figures:
        structure = figure.structure
        # ("compared with estimates of $3.8 billion": estimates no one is named for are the market's expectations)
        expected = structure.status == "forecast" or "holder:unowned-expectation" in figure.rules
        if not expected or structure.quantity is None:
            continue
        # In its own sentence, a value set against the result ("compared with the $1.20 expected by analysts")
        # is expected of it whatever the tense.
        sentences = set()
        if figure.token is not None and _set_against_clause(doc[figure.token]) is not None:
            sentences.add(figure.sentence_start)
        if _had_expected(doc, structure.clause):
            at = bisect.bisect_left(starts, figure.sentence_start)
            sentences |= {figure.sentence_start, starts[at - 1] if at > 0 else figure.sentence_start}
        results = [
            other
            for start in sorted(sentences)
            for other in by_sentence[start]
            if other.start < figure.start
            and other.structure.status is None
            and other.structure.quantity == structure.quantity
            and other.structure.unit == structure.unit
            and not other.structure.baseline
            and not other.subset
        ]
        if results:
            nearest = results[-1]
            nearest.rules = (*nearest.rules, RESULT_AGAINST_EXPECTATION)
            structure.period = structure.period or nearest.structure.period  # expected of the result's period


def _had_expected(doc: Doc, clause: int | None) -> bool:
    """Whether the figure's clause, or the clause it hangs from, looks back from a result stated: a pluperfect ('had
    forecast', 'had expected'), or an expectation in the past passive ('The company was expected to earn $1.39 a
    share')."""
    if clause is None:
        return False
    verb = doc[clause]
    clauses = [verb, *itertools.islice(verb.ancestors, MAX_CLIMB)]
    return any(
        (c.dep_ == "aux" and c.lower_ == "had")
        or (c.dep_ == "auxpass" and c.lower_ in PAST_BE_WORDS and v.lemma_.lower() in EXPECTING_VERBS)
        for v in clauses
        for c in v.children
    )


def _set_against_clause(number: Token) -> int | None:
    """The verb a value is set against by its preposition ("came in at 1.02 billion, below the 1.09 billion"), when
    it hangs on one within a few heads."""
    verb = _set_against_head(number)
    return verb.i if verb is not None and verb.pos_ in VERB_POS else None


def _set_against_head(number: Token) -> Token | None:
    """What a value is set against by a preposition or a verb of beating within a few heads: its verb, or the noun
    the parser hung the words on ("412 million euros, short of the 440 million"); None when it is set against
    nothing."""
    node = number
    for _ in range(MAX_CLIMB):
        if node.dep_ in ("pobj", "pcomp") and _sets_against(node.head):
            verb = node.head.head
            return verb.head if verb.lower_ in SHORT_WORDS else verb  # "were $2.05, ahead of the $1.98"
        if node.dep_ == "dobj" and node.head.lemma_.lower() in SET_AGAINST_VERBS and node.head.head.i != node.head.i:
            return node.head.head  # "rose to $2.3 billion, topping analysts' estimates of $2.2 billion"
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _resolve_expectations(doc: Doc, figures: list[FoundFigure]) -> None:
    """'Tarvex earned $1.12 a share, below the $1.20 analysts had expected', 'Analysts were expecting $4.3 billion
    but the company brought in $4.1 billion': an expectation whose own words name no quantity is of the one
    measure its sentence gives in its unit, or else the nearest sentence before that gives one ("Analysts had
    expected 214 million euros"). With two measures in that unit to choose from, it stays unknown."""
    by_sentence, starts = _by_sentence(figures)
    for figure in figures:
        structure = figure.structure
        # Without a unit, only a value set before its forecasters ("the 180,000 economists had forecast") says
        # it is the expectation of a figure beside it (or a count of its own things: "Economists had forecast
        # 170,000 jobs", or a pluperfect looking back at the result just stated: "had expected 170,000").
        unitless = (
            structure.unit is None
            and "holder:expected-by" not in figure.rules
            and structure.counted is None
            and not _had_expected(doc, structure.clause)
        )
        if structure.status != "forecast" or figure.token is None:
            continue
        sentence = sentence_of(doc[figure.token])
        at = bisect.bisect_left(starts, figure.sentence_start)
        if structure.quantity is not None:
            if structure.period is None and sentence[0].lower_ in DEMONSTRATIVE_WORDS and at > 0:
                # "For the third quarter, Norvane forecast revenue of ... These figures fall short of analyst
                # expectations, which were set at revenue of $13.13 billion": expected of the figures pointed at.
                # (the one period that sentence names, if its figure of this measure names none)
                before = by_sentence[starts[at - 1]]
                same = [o.structure.period for o in before if o.structure.quantity == structure.quantity]
                named = {o.structure.period for o in before} - {None}
                structure.period = next((p for p in reversed(same) if p), None) or (
                    next(iter(named)) if len(named) == 1 else None
                )
            continue
        if unitless:
            continue
        # Its own sentence, unless it opens with "This compares with ...", then the sentences before it (within
        # `RESTATED_WINDOW` characters): the first that measures something in its unit.
        own = [] if sentence[0].lower_ in DEMONSTRATIVE_WORDS else [figure.sentence_start]
        earlier = [start for start in reversed(starts[:at]) if figure.sentence_start - start < RESTATED_WINDOW]
        measured = []
        for start in own + earlier:
            measured = [
                other
                for other in by_sentence[start]
                if other is not figure
                and other.structure.quantity is not None
                and not other.structure.baseline
                and not other.subset
                and _expected_in_unit(figure, other)
                and structure.counted in (None, other.structure.counted)
            ]
            if measured:
                break
        if len({(other.structure.quantity, other.structure.change) for other in measured}) != 1:
            # "revenue came in at 1.02 billion euros, below the 1.09 billion analysts had expected, while earnings
            # were 0.61 euros": the one measure whose clause the expectation is set against.
            against = _set_against_clause(doc[figure.token])
            measured = [other for other in measured if against is not None and other.structure.clause == against]
            if len(measured) != 1:
                continue
        nearest = min(measured, key=lambda other: abs(other.token - figure.token))
        set_against = nearest.structure.clause != structure.clause or _set_against_head(doc[figure.token]) is not None
        if nearest.sentence_start == figure.sentence_start and set_against:
            # "came in at 1.02 billion euros, below the 1.09 billion analysts had expected": the article states the
            # result against the expectation beside it. (In the expectation's own clause, "expects revenue between
            # $4.1 billion and $4.3 billion in the third quarter and between $4.4 billion and ... in the fourth", a
            # figure is expected too.)
            nearest.rules = (*nearest.rules, RESULT_AGAINST_EXPECTATION)
        for name in ("counted", "quantity", "change", "unit"):
            setattr(structure, name, getattr(nearest.structure, name))
        # ("1.9 percent year on year in the third quarter ..., faster than the 1.5 percent expected": the
        # sentence's basis alone names no period; the result's period with that basis does)
        basis_only = structure.period in CHANGE_BASIS_PATTERNS
        if structure.period is None or (basis_only and (nearest.structure.period or "").endswith(structure.period)):
            structure.period = nearest.structure.period
        figure.rules = (*figure.rules, "relation:expectation-of")


def _expected_in_unit(expected: FoundFigure, result: FoundFigure) -> bool:
    """Whether an expectation is in a result's unit: the same one, or none, or a sum whose "a share" went unsaid
    ("84 cents" against "$0.79 a share") at the result's scale ("$12.1 billion" is no sum a share)."""
    unit, other = expected.structure.unit, result.structure.unit
    if unit is not None and unit == other and not in_currency(unit):
        return True  # (a sum is expected of a sum of its scale: "$498 billion" of no "$1 million")
    return (unit == other or _same_currency(unit, other)) and same_scale_values(expected.value, result.value)


def _same_currency(unit: str, other: str | None) -> bool:
    """'USD' and 'USD per share': an expectation written without its 'a share' is of the same unit."""
    return other is not None and (other == unit or other.split(" per ")[0] == unit)


_SAME_AS_BEFORE = "\0same-as-before"


def _restates_a_figure(number: Token) -> bool:
    """'put the figure at 4,000', 'a number closer to 4,000': the number restates a count given before."""
    return any(
        ancestor.lemma_.lower() in RESTATING_NOUNS for ancestor in itertools.islice(number.ancestors, 4)
    )


# How far back (in characters, sentence start to sentence start) a restated figure looks for the figure it
# disputes: "Police said 18,000 took part. The organisers put the figure at 120,000."
RESTATED_WINDOW = 600
# How many characters before a figure its label's colon may stand ("estimate: 25,000").
LABEL_REACH = 3


def _later_in_their_clause(figures: list[FoundFigure]) -> set[int]:
    """The figures (by `id`) that another figure of their clause comes before (figures are in text order)."""
    seen: set[tuple[int, int]] = set()
    later = set()
    for figure in figures:
        if figure.structure.clause is None:
            continue
        key = (figure.sentence_start, figure.structure.clause)
        if key in seen:
            later.add(id(figure))
        seen.add(key)
    return later


def _resolve_restated(doc: Doc, figures: list[FoundFigure]) -> None:
    """A restated figure counts what the figure before it counted."""
    later_in_clause = _later_in_their_clause(figures)
    for index, figure in enumerate(figures):
        structure = figure.structure
        # A revision's prior value takes its frame from the revised value beside it (`_pair_revisions`).
        if structure.points_back and not structure.known and not structure.prior:
            # The disputed figure: the nearest earlier one that says what happened (a quantity), else the
            # nearest that says what it counts, in an earlier clause within the window. (A figure after a label's
            # colon restates the labelled one before it, whatever clause the parser gave both: "(organisers'
            # estimate: 80,000 people; police estimate: 25,000)".)
            labelled = doc_text(doc)[max(0, figure.start - LABEL_REACH) : figure.start].rstrip().endswith(
                (":", *ALTERNATIVE_MARKS)
            )
            candidates = [
                f
                for f in _within_window_before(figures, index)
                if f.structure.known
                and not f.structure.baseline
                and not f.subset
                and (f.structure.clause != structure.clause or labelled)
                # ("puts the figure at $498 billion" restates no "$1 million in capital investments")
                and not (in_currency(structure.unit) and not same_scale_values(f.value, figure.value))
            ]
            # One in its own unit first ("measured it at 6.4" restates a magnitude, not "a depth of 10 km"); a
            # bare number may still restate a measured figure when no figure in its unit is near ("raised to
            # 12,000 to 19,000" barrels).
            # And of one clause's figures its first ("640 people had arrived on 17 boats ... the true number was
            # nearly 900" restates the people, not the boats).
            candidates.sort(
                key=lambda f: (not _restates_in_unit(structure.unit, f.structure.unit), id(f) in later_in_clause)
            )
            # In its own sentence, the figure an earlier clause gave is the one restated, though it names no
            # quantity ("about 40 houses had been buried; the village head put the figure at 42").
            statement = _one_statement_sentences(doc, figure)
            own_sentence = [f for f in candidates if f.sentence_start in statement]
            earlier = (
                next((f for f in own_sentence if f.structure.quantity), None)
                or next(iter(own_sentence), None)
                or next((f for f in candidates if f.structure.quantity), None)
                or next(iter(candidates), None)
            )
            if earlier is None and not _within_window_before(figures, index):
                # "the focus was on voter turnout ... The commission put it at 51.5 percent", a post's "Strike
                # turnout / Union: 82%": with no figure before it, a figure a source restates (or a source's label
                # sets apart) names what the sentence before named.
                structure.quantity = _quantity_named_before(doc, figure)
                read_spill_rate_as_flow(structure)  # ("The oil spill ... coming out at 12,000 barrels a day")
                continue
            if earlier is not None:
                # "this figure was revised up to 4.3 per cent on Friday": a weekday on a revision dates the revising,
                # and the figure keeps the period of the one it revises. A figure noun dated on its own ("the July
                # figure", "last month's figure was revised") is another period's figure, not that one revised.
                revised_on = structure.revises and (structure.period or "").lower() in WEEKDAY_NAMES
                dated = figure.token is not None and dated_restatement(doc[figure.token])
                if structure.revises and figure.holder is None and not dated:
                    figure.revises_figure = earlier
                structure.counted, structure.quantity = earlier.structure.counted, earlier.structure.quantity
                structure.unit = structure.unit or earlier.structure.unit
                if labelled:  # "in Lindau (organisers' estimate: 80,000 people; police estimate: 25,000)"
                    structure.place = structure.place or earlier.structure.place
                if revised_on or not structure.period:
                    structure.period = earlier.structure.period
                structure.change = earlier.structure.change
                if figure.measure in {None, _SAME_AS_BEFORE} and earlier.measure not in {
                    None,
                    _SAME_AS_BEFORE,
                }:
                    figure.measure, figure.normalised_measure = earlier.measure, earlier.normalised_measure
                    continue
        if figure.measure != _SAME_AS_BEFORE:
            continue
        earlier = next(
            (figures[k] for k in range(index - 1, -1, -1) if figures[k].measure not in (None, _SAME_AS_BEFORE)),
            None,
        )
        if earlier is not None and figure.sentence_start - earlier.sentence_start < RESTATED_WINDOW:
            figure.measure, figure.normalised_measure = earlier.measure, earlier.normalised_measure
        else:
            figure.measure = None


def _one_statement_sentences(doc: Doc, figure: FoundFigure) -> set[int]:
    """The starts of a figure's sentence and of the one a semicolon joins to it before ("about 40 houses had been
    buried; the village head put the figure at 42": the parse reads each part as a sentence of its own)."""
    starts = {figure.sentence_start}
    if figure.token is not None:
        sentence = sentence_of(doc[figure.token])
        if sentence.start > 0 and doc[sentence.start - 1].text == CLAUSE_JOINING_MARK:
            starts.add(sentence_of(doc[sentence.start - 1]).start_char)
    return starts


_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "quarters": 0.75, "thirds": 2 / 3}


def _fraction_before(doc: Doc, first: int) -> tuple[float, int] | None:
    """'half a million' -> (0.5, index of 'half'); 'a quarter of a million', 'three-quarters of a million'."""
    if doc[first].lower_ not in FRACTIONABLE_SCALES or first < 2:
        return None
    if doc[first - 1].lower_ not in INDEFINITE_ARTICLES:
        return None
    j = first - 2
    if doc[j].lower_ == "of" and j > 0:
        j -= 1
    word = doc[j].lower_
    if word not in _FRACTIONS:
        return None
    start = j
    if word in PLURAL_FRACTIONS:
        # "three-quarters": the fraction's count before it, maybe joined by a hyphen
        k = j - 1
        if k >= 0 and doc[k].text in HYPHENS:
            k -= 1
        if k < 0 or doc[k].lower_ not in FRACTION_COUNTS:
            return None
        start = k
        return (0.75 if word == "quarters" else 2 / 3), start
    if word in SINGULAR_FRACTIONS and start > 0 and doc[start - 1].lower_ in ONE_WORDS:
        start -= 1
    return _FRACTIONS[word], start


def _moves_from(doc: Doc, first: int) -> bool:
    """'from N' after a verb of revising or changing: the value before the change; 'by N' after one: the change,
    with the level it reached next ("fell by 21,000 to 412,000")."""
    if first == 0 or doc[first - 1].lower_ not in CHANGE_PREPOSITIONS:
        return False
    verb = doc[first - 1].head
    lemma = verb.lemma_.lower()
    # "brought the total up from 143 million to 145.5 million": a direction says it moved, whatever the parser
    # hung "from" on.
    direction = first >= 2 and doc[first - 2].lower_ in DIRECTION_WORDS
    return lemma in REVISION_VERBS or lemma in CHANGE_WORDS or direction


def _number_indexes(doc: Doc) -> list[int]:
    """Indexes of the document's number words. Only a token with a digit in its shape or a number word's spelling
    can be one, and the parse's arrays say which without building a Python token for every word."""
    strings = doc.vocab.strings
    shapes = doc.to_array("SHAPE").tolist()
    lowers = doc.to_array("LOWER").tolist()
    digit_shapes = {shape for shape in set(shapes) if "d" in strings[shape]}
    words = _number_word_hashes(doc.vocab)
    return [
        i
        for i, (shape, lower) in enumerate(zip(shapes, lowers, strict=True))
        if (shape in digit_shapes or lower in words) and _is_number_token(doc[i])
    ]


def _among_words(doc: Doc, numbers: list[int]) -> list[int]:
    """The numbers whose sentence holds a word: a sentence of bare numbers ("71 4 71 4 ...") names nothing they
    count, happened to or were given by, so none of them is a figure (and no rule need look at them)."""
    if not numbers:
        return numbers
    alphabetic = doc.to_array("IS_ALPHA")
    worded: dict[int, bool] = {}  # by sentence start
    kept = []
    for i in numbers:
        sentence = sentence_of(doc[i])
        if sentence.start not in worded:
            # ("Police estimate: 8,000" split after its colon: the label before it is the sentence's words; "- 41 —
            # civil defence office" split after the dash: the words after it on its line are)
            labelled = sentence.start > 0 and doc[sentence.start - 1].text == ":"
            worded[sentence.start] = (
                labelled or bool(alphabetic[sentence.start : sentence.end].any()) or _line_goes_on_in_words(sentence)
            )
        if worded[sentence.start]:
            kept.append(i)
    return kept


def _line_goes_on_in_words(sentence: Span) -> bool:
    """Whether a dash right after a sentence, on its own line, goes on in words: "- 41 — Civil Defence Office", a
    list's line the parser cut before its dash."""
    doc = sentence.doc
    # (the parser cuts before or after the dash: "- 41" | "— civil ...", or "- 41 —" | "Civil ...")
    dash = next((t for t in (doc[sentence.end - 1], *doc[sentence.end : sentence.end + 1]) if t.text in TRAILING_SOURCE_MARKS), None)
    if dash is None or dash.i + 1 >= len(doc):
        return False  # ("1. Castaway's parents ...": a numbered line's full stop opens no source)
    line = doc[sentence.end - 1 : dash.i + 1]
    return "\n" not in line.text_with_ws[:-1] and not any(t.is_space for t in line) and doc[dash.i + 1].is_alpha


@lru_cache(maxsize=4)
def _number_word_hashes(vocab) -> frozenset[int]:
    return frozenset(vocab.strings.add(word) for word in (*_UNITS, *_TENS, *_SCALES))


def _is_number_token(token: Token) -> bool:
    lower = token.lower_
    if lower in _UNITS or lower in _TENS or (lower in _SCALES and lower != "dozen"):
        return True
    if lower == "dozen" and token.i > 0 and token.doc[token.i - 1].lower_ == "a":
        return True
    if _DIGITS.match(token.text):
        return True
    return bool(re.match(r"^\d+(?:\.\d+)?(?:k|m|bn|mn)$", lower))


# Thousands set apart by a space, as some outlets write them: "48 000", "1 250 000"; a number of one to three
# digits leads them (and makes the short ends of a range, "25-30 per cent").
_SHORT_NUMBER = re.compile(r"^[1-9]\d{0,2}$")
_THOUSANDS_GROUP = re.compile(r"^\d{3}$")


# The not-a-count rules that read digit tokens as parts of a code, which digit groups are not.
DIGIT_CODE_RULES = frozenset({"not-a-count:digit-run", "not-a-count:code-leading-zero"})


def _space_grouped(doc: Doc, i: int) -> int:
    """The last token of a number whose thousands are set apart by single spaces from token i ("48 000"), or i
    (a day of a date before a number, "May 15 300", is no group)."""
    if not _SHORT_NUMBER.match(doc[i].text) or doc[i].ent_type_ in TIME_ENTITIES:
        return i
    if i > 0 and doc[i - 1].whitespace_ and doc[i - 1].text.isdigit():
        return i  # "0 800 550 220": groups after another digit run are a phone number's
    last = i
    while (
        last + 1 < len(doc)
        and doc[last].whitespace_ == " "
        and _THOUSANDS_GROUP.match(doc[last + 1].text)
        and doc[last + 1].ent_type_ not in TIME_ENTITIES
    ):
        last += 1
    # ("555 123 4567": a run of digit groups that goes on in other sizes is a phone number or a code too)
    trailing = last + 1 < len(doc) and doc[last].whitespace_ and doc[last + 1].text.isdigit()
    return i if trailing else last


def _number_phrase(doc: Doc, i: int) -> tuple[int, int, float | None]:
    """The longest run of number words from token i ('1.2 million', 'twenty - two', 'two hundred', '48 000')."""
    grouped = _space_grouped(doc, i)
    if grouped > i:
        return i, grouped, float("".join(t.text for t in doc[i : grouped + 1]))
    last = i
    j = i + 1
    while j < len(doc):
        lower = doc[j].lower_
        if (
            lower in _SCALES
            or lower in _UNITS
            or lower in _TENS
            or (lower == "and" and _next_is_word_number(doc, j))
        ):
            last = j
            j += 1
            continue
        if lower == "-" and j + 1 < len(doc) and doc[j + 1].lower_ in _UNITS and doc[j - 1].lower_ in _TENS:
            last = j + 1
            j += 2
            continue
        if lower == "and" and [t.lower_ for t in doc[j + 1 : j + 3]] == list(_AND_A_HALF):
            last = j + 2  # "three and a half million dollars"
            j += 3
            continue
        break
    # "$4m", "3bn": the scale letters split off by the tokenizer, glued to the number.
    suffix = doc[last + 1].lower_.rstrip(".") if last + 1 < len(doc) else ""
    if suffix in _SUFFIX_SCALES and not doc[last].whitespace_:
        words = [t.lower_ for t in doc[i : last + 1] if t.lower_ not in NUMBER_JOINERS]
        value = _value_of(words)
        if value is not None:
            return i, last + 1, value * _SUFFIX_SCALES[suffix]
    words = [t.lower_ for t in doc[i : last + 1] if t.lower_ not in NUMBER_JOINERS]
    return i, last, _value_of(words)


def _scale_of_a_glued_number(doc: Doc, first: int) -> bool:
    """'Sh5 billion', 'RM2.5 million': a scale after a number glued to letters the tokenizer kept whole is that
    number's scale; read alone it would be one billion."""
    if first == 0 or doc[first].lower_ not in _SCALES:
        return False
    before = doc[first - 1]
    return any(character.isdigit() for character in before.text) and not _is_number_token(before)


def _next_is_word_number(doc: Doc, j: int) -> bool:
    return (
        j + 1 < len(doc)
        and (doc[j + 1].lower_ in _UNITS or doc[j + 1].lower_ in _TENS)
        and (doc[j - 1].lower_ in AND_SCALES)
    )


# "three and a half million": a half added to the number before the scale.
_AND_A_HALF = ("a", "half")


def _value_of(words: list[str]) -> float | None:
    if "half" in words:
        at = words.index("half")
        if at > 0 and words[at - 1] == "a":
            words = [*words[: at - 1], "0.5", *words[at + 1 :]]  # ("and" is dropped as a joiner already)
    total = 0.0
    current = 0.0
    last_scale = 0
    seen = False
    for word in words:
        cleaned = word.replace(",", "")
        suffix = re.match(r"^(\d+(?:\.\d+)?)(k|m|bn|mn)$", cleaned)
        if suffix:
            current += float(suffix.group(1)) * _SUFFIX_SCALES[suffix.group(2)]
            seen = True
        elif re.match(r"^\d+(?:\.\d+)?$", cleaned):
            current += float(cleaned)
            seen = True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale >= 1000 and current == 0 and total and scale > last_scale:
                # "5.24 lakh crore" (5.24 trillion), "two thousand million": a larger scale after a scale scales it
                total *= scale
            else:
                current = (current or 1) * scale
                if scale >= 1000:
                    total += current
                    current = 0
            last_scale = scale
            seen = True
        elif word == "a":
            current += 1
        else:
            return None
    return total + current if seen else None


def _margin_set_against(number: Token) -> bool:
    """'beat estimates by 18 per cent', 'missed forecasts by 7%': the gap between a result and what was expected,
    no figure of either."""
    node = number.head if number.dep_ in ("nummod", "quantmod") and number.head.pos_ in NOUN_POS else number
    by = node.head
    return node.dep_ == "pobj" and by.lower_ == "by" and by.head.lemma_.lower() in SET_AGAINST_VERBS


def _excluded(doc: Doc, first: int, last: int, rules: DocRules) -> bool:
    # ("48 000": the digit groups of one number are no run of codes)
    grouped = last > first and _space_grouped(doc, first) == last
    if any(k in rules.not_a_count and not (grouped and rules.not_a_count[k] in DIGIT_CODE_RULES) for k in range(first, last + 1)):
        return True
    token = doc[first]
    end = doc[last]
    text = token.text
    if _margin_set_against(end):
        return True
    entity_says_no = token.ent_type_ in _NOT_FIGURE_ENTITIES or end.ent_type_ in _NOT_FIGURE_ENTITIES
    if entity_says_no and not _bare_number_entity(doc, first):
        return True
    # Years and clock times written as bare digits.
    if re.match(r"^(1[6-9]|20)\d\d$", text) and "," not in text:
        return True
    after = doc[last + 1] if last + 1 < len(doc) else None
    # "500-lb", "25-year-old", "555-0134": a number glued to a hyphen is a modifier or a code, not a count.
    if after is not None and after.text in HYPHENS and not end.whitespace_:
        following = doc[last + 2] if last + 2 < len(doc) else None
        # ("$10.75-$11.25 per share": a range of sums, the sign said twice)
        sum_range = following is not None and following.text in _MONEY_SYMBOLS and last + 3 < len(doc)
        if sum_range and _is_number_token(doc[last + 3]):
            return False
        if following is not None and not _is_number_token(following):
            return following.lower_ not in HYPHENATED_QUANTITY_NAMES
        if following is not None and following.text.isdigit() and not _hyphen_range(end, following):
            return True
    # "10:30", "3/4"; but "rises to 63: ministry" ends a headline with its source after the colon.
    headline_colon = after is not None and after.text == ":" and bool(after.whitespace_)
    if after is not None and after.text in NUMBER_GLUE_MARKS and not end.whitespace_ and not headline_colon:
        return True
    if after is not None and after.text == "." and not end.whitespace_ and after.whitespace_ == "":
        following = doc[last + 2] if last + 2 < len(doc) else None
        if following is not None and following.text[:1].isdigit():
            return True  # "10.30", "1.2.3": a time or a version, not a count
    if first > 0 and doc[first - 1].text in NUMBER_CODE_PREFIXES and not doc[first - 1].whitespace_:
        return True
    if token.lower_ == "one" and last == first:  # ("one million" counts, whatever the parser made of "one")
        if after is not None and after.lower_ in _PRONOUN_ONE_FOLLOWERS:
            return True
        if first > 0 and doc[first - 1].lower_ in PRONOUN_ONE_DETERMINERS:
            return True
        if token.dep_ not in COUNT_ONE_DEPS:
            return True
    return token.pos_ not in COUNT_POS and not _DIGITS.match(text)


def _trailing_scale(doc: Doc, first: int, last: int) -> float:
    """The scale a number phrase ends in: 1,000,000 for '3 million' and '5m', 1 for '42' ('a hundred thousand'
    multiplies)."""
    scale = 1.0
    for token in reversed(doc[first : last + 1]):
        lower = token.lower_.replace(",", "")
        if lower in _SCALES:
            scale *= _SCALES[lower]
            continue
        suffix = _GLUED_SCALE.match(lower)
        if suffix:
            scale *= _SUFFIX_SCALES[suffix.group(1)]
        break
    return scale


def _hyphen_range(low: Token, high: Token) -> bool:
    """'in the 25-30 per cent range', 'as high as 35-40 per cent': two short numbers, the second the larger, joined
    by a hyphen are a range ("555-0134", "2-1" are a code and a score)."""
    if not (_SHORT_NUMBER.match(low.text) and _SHORT_NUMBER.match(high.text)) or float(low.text) >= float(high.text):
        return False
    after = high.doc[high.i + 1] if high.i + 1 < len(high.doc) else None
    if after is not None and (after.lower_ in PERCENT_WORDS | PER_CENT_WORDS or after.text == "%"):
        return True
    if after is not None and after.lower_ in _SCALES:
        return True  # "$3-5 billion", "400-600 million"
    # ("30-40 dead", "20-25 injured": the people a toll counts, named by what happened to them)
    if after is not None and family_of(after.lower_, EVENT_FAMILIES) in PERSON_EVENTS:
        return True
    # "60-65 Taliban extremists were killed", "20-30 civilians": things counted in the plural, a word before them
    # at most ("lost 1-3", "a 2-1 win": a score)
    if after is not None and after.pos_ in RANGE_COUNTED_MODIFIER_POS and after.i + 1 < len(high.doc):
        after = high.doc[after.i + 1]
    return after is not None and after.tag_ in PLURAL_NOUN_TAGS


def _bare_number_entity(doc: Doc, first: int) -> bool:
    """The recogniser sometimes calls a lone count a DATE ('put the toll at 52') or a PRODUCT ('detained 210
    people'); a date, a name or a product has more than digits."""
    token = doc[first]
    entity = entity_at(token)
    if entity is None:
        return False
    named_before = entity.start > 0 and doc[entity.start - 1].pos_ == "PROPN" and doc[entity.start - 1].is_alpha
    if token.ent_type_ not in TIME_ENTITIES and named_before:
        return False  # "the Boeing 737": a model's number after its maker's name
    # ("📏 Magnitude 6.2" taken for a product: a quantity's name before its value; "between 86 and 88 cents"
    # for a date: a coin's name is no word of a date)
    words = [
        t
        for t in entity
        if not (
            _is_number_token(t)
            or t.lower_ in COUNT_ENTITY_WORDS
            or family_of(t.lower_, NAMED_QUANTITIES)
            or t.lemma_.lower() in SUBUNITS
            # ("three and a half million dollars" taken for a date: a half, and money, are no words of one)
            or t.lower_ in _AND_A_HALF
            or UNIT_WORDS.get(t.lemma_.lower()) in CURRENCY_CODES
            or (t.text == "+" and t.i > 0 and _plus_after(doc, t.i - 1))  # "15,000+" taken for a date
            or t.is_space
        )
    ]
    return not words and not re.match(r"^(1[6-9]|20)\d\d$", token.text)


# The qualifier phrases as words, in their order, and how many words the longest has.
_QUALIFIER_WORDS = tuple((phrase.split(), label) for phrase, label in QUALIFIERS)
_LONGEST_QUALIFIER = max(len(words) for words, _label in _QUALIFIER_WORDS)


def _qualifier(doc: Doc, first: int) -> tuple[str | None, int | None]:
    before = [t.lower_ for t in doc[max(0, first - _LONGEST_QUALIFIER) : first]]  # read once, not per phrase
    for words, label in _QUALIFIER_WORDS:
        start = first - len(words)
        if start < 0:
            continue
        if before[len(before) - len(words) :] == words:
            word = doc[start]
            if (
                start > 0
                and doc[start - 1].lemma_.lower() in FIGURE_CHANGING_VERBS
                and words[0] in DIRECTION_WORDS
            ):
                return None, None  # "revised up to 7.8 percent": the revision's direction, not a bound
            # A phrase of its own ("up to", "as many as") bounds the value whatever the parser hung its first word on.
            verb_particle = len(words) == 1 and word.dep_ in PARTICLE_OR_PREPOSITION_DEPS and word.head.pos_ == "VERB"
            # ("put the death toll above 1,000": a verb giving a figure gives it as a bound)
            bound_given = word.lower_ in BOUND_GIVING_PREPOSITIONS and word.head.lemma_.lower() in FIGURE_GIVING_VERBS
            if verb_particle and word.head.lemma_.lower() not in CHANGE_WORDS and not bound_given:
                return None, None  # "win over three senators": the verb's particle, not a qualifier
            # "fell below 5 percent", "rose above 40": after a verb of change the word still bounds the value.
            return label, start
    return None, None


def _money_symbol(doc: Doc, first: int) -> str | None:
    if first > 0 and doc[first - 1].text in _MONEY_SYMBOLS:
        return _MONEY_SYMBOLS[doc[first - 1].text]
    if first > 0 and doc[first - 1].text in COUNTRY_DOLLARS:
        return _MONEY_SYMBOLS["$"]  # "NZ$663 million": dollars, their country in the figure's unit
    return None


def _measure(doc: Doc, first: int, number: Token, money: str | None) -> tuple[str | None, bool]:
    """What a number counts: a normalised event measure ('killed', 'wounded') when the sentence says what
    happened to the counted things, else the counted noun itself."""
    if money:
        return money, False
    if number.i + 1 < len(doc) and doc[number.i + 1].lower_ in PERCENT_OPENERS:
        return "percent", False
    noun = _counted_noun(number)
    if noun is None:
        event = _event_of(number)
        if event:
            return event, True
        if _restates_a_figure(number):
            return _SAME_AS_BEFORE, False
        return None, False
    lemma = noun.lemma_.lower()
    if lemma in MEASURE_NOUNS:
        return MEASURE_NOUNS[lemma], True
    for child in noun.children:
        if child.dep_ in ADJECTIVAL_MODIFIER_DEPS and child.lemma_.lower() in MEASURE_LEMMAS:
            return MEASURE_LEMMAS[child.lemma_.lower()], True
    event = _event_of(noun) or _following_event(noun)
    if event:
        return event, True
    if lemma in MEASURE_LEMMAS and noun.pos_ == "ADJ":
        return MEASURE_LEMMAS[lemma], True
    # The counted noun as written ("doses", "targets"): the lemmatiser mangles some plurals ("dos").
    return noun.lower_, False


def _counted_noun(number: Token) -> Token | None:
    token = number
    for _ in range(3):
        if token.dep_ in NUMBER_ATTACHMENT_DEPS and token.head is not token:
            token = token.head
            if token.lemma_.lower() in SAYING_VERBS:
                return None  # "rallies draw 825,000 say police": the one who says it, not what it counts
            # "25,000 (police)": a word in brackets after the number names who gives it, not what it counts.
            bracketed = token.i > 0 and token.doc[token.i - 1].text == "(" and token.i > number.i
            # ("revised down to three late Saturday": a day the parser hung the number on counts nothing)
            a_day = token.lower_ in WEEKDAY_NAMES or token.lower_.rstrip(".") in MONTH_NAMES
            plus = token.i == number.i + 1 and _plus_after(number.doc, number.i)  # "40,000+" counts no "+"
            # ("8,200 ha": a unit's abbreviation right after the number, whatever the tagger took it for)
            unit_after = token.i == number.i + 1 and _unit_word(token)
            counted_pos = token.pos_ in COUNTED_HEAD_POS or unit_after
            if counted_pos and not _is_number_token(token) and not (bracketed or a_day or plus):
                return token
        else:
            break
    # "12,000 of its members": the number picks out part of a group named after "of".
    doc = number.doc
    if number.i + 2 < len(doc) and doc[number.i + 1].lower_ == "of":
        for child in doc[number.i + 1].children:
            if child.dep_ == "pobj" and child.pos_ == "NOUN":
                return child
    # "four others", "22 dead": the number heads an ellipsis, its noun or adjective comes right after.
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if following is not None and following.head.i == number.i and _unit_word(following):
        return following  # ("Civil protection: 8,200 ha", the unit hung on its number)
    if following is not None and following.pos_ in ELLIPSIS_HEAD_POS and following.head.i == number.i:
        return None if _plus_after(number.doc, number.i) else following
    return None


def _unit_word(token: Token) -> bool:
    """A unit's word or abbreviation ("ha", "km"), not the "per" of "5.4 per the institute"."""
    return token.lower_ in UNIT_WORDS and token.is_alpha and token.pos_ != "ADP"


def _plus_after(doc: Doc, last: int) -> bool:
    """'40,000+': a plus glued after the number says more than it."""
    return last + 1 < len(doc) and doc[last + 1].text == "+" and not doc[last].whitespace_


def _event_of(token: Token) -> str | None:
    """The event a counted noun (or bare number) takes part in: its verb, or a toll it is the value of."""
    node = token
    for _ in range(4):
        head = node.head
        if head is node:
            break
        lemma = head.lemma_.lower()
        if node.dep_ in EVENT_PARTICIPANT_DEPS:
            if head.pos_ in PREDICATE_POS and lemma in MEASURE_LEMMAS:
                return MEASURE_LEMMAS[lemma]
            if head.pos_ in {"NOUN"} and lemma in TOLL_NOUNS | set(MEASURE_NOUNS):
                return MEASURE_NOUNS.get(lemma, "killed")
        if head.pos_ in VERB_POS:
            # "the death toll rose to 17", "the toll stood at 17"
            for child in head.children:
                if child.dep_ in SUBJECT_OR_OBJECT_DEPS and child.lemma_.lower() in TOLL_NOUNS:
                    return "killed"
                if child.dep_ in SUBJECT_DEPS and child.lemma_.lower() in MEASURE_NOUNS:
                    return MEASURE_NOUNS[child.lemma_.lower()]
            # "killed 17 and wounded 40": a conjoined verb sharing the object pattern.
            if node.dep_ in PATIENT_DEPS and lemma in MEASURE_LEMMAS:
                return MEASURE_LEMMAS[lemma]
            if node.dep_ not in EVENT_CLIMB_DEPS:
                break
        node = head
    # "four others were wounded" parsed with the verb conjoined to an earlier clause.
    for ancestor in token.ancestors:
        if ancestor.pos_ == "VERB":
            lemma = ancestor.lemma_.lower()
            if lemma in MEASURE_LEMMAS and token.dep_ in SUBJECT_DEPS:
                return MEASURE_LEMMAS[lemma]
            break
    return None


_DEADLINE_YEAR = re.compile(
    r"\b(?:by|until|till|through)\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?(?:1[89]|20)\d\d\b", re.IGNORECASE
)
_PAST_YEAR = re.compile(
    r"\b(?:in|during|of|from)\s+(?:\w+\s+)?(?:1[89]|20)\d\d\b|\b(?:the|a|an)\s+(?:1[89]|20)\d\d\s+[a-z]|^\W*in (?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december)\b"
    # a year that closes a post's label or opens what it labels: "Same road, 2019: 12 killed", "Last flood: 2015,
    # 400 evacuated"
    r"|\b(?:1[89]|20)\d\d\s*:|:\s*(?:1[89]|20)\d\d\s*,",
    re.IGNORECASE,
)


def _names_its_measure(number: Token) -> bool:
    noun = _counted_noun(number)
    return noun is not None and noun.lemma_.lower() in MEASURE_NOUNS


def _measure_of_its_whole(doc: Doc, first: int) -> bool:
    """'322 dead, including ... 16 unidentified bodies': a part that names the measure of the whole it is listed
    under is a part of that whole ("41 cases, including two deaths" names another)."""
    noun = _counted_noun(doc[first])
    part_word = next((a for a in doc[first].ancestors if a.lower_ in PART_WORDS), None)
    if noun is None or part_word is None:
        return False
    whole = part_word.head
    if part_word.pos_ in VERB_POS:
        # "the toll includes 17 deaths", "a figure that includes 17 deaths", "the new figure, which it said included
        # 17 deaths": the verb's subject, or the noun its clause hangs on; a figure noun is the count it restates
        subject = next((c for c in part_word.children if c.dep_ in SUBJECT_DEPS and c.pos_ in NOUN_POS), None)
        whole = subject or next((a for a in itertools.islice(part_word.ancestors, 3) if a.pos_ in NOUN_POS), whole)
        if whole.lemma_.lower() in RESTATING_NOUNS:
            return True
    measure = _measure_word(whole) or next(
        (_measure_word(c) for c in whole.children if c.dep_ in ADJECTIVAL_MODIFIER_DEPS and _measure_word(c)),
        None,
    )
    return measure is not None and measure == _measure_word(noun)


def _measure_word(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    return MEASURE_NOUNS.get(lemma) or MEASURE_LEMMAS.get(lemma)


def _following_event(noun: Token) -> str | None:
    """'... 15 and 20 people were killed' when the parser hung the noun elsewhere: read the verb that follows."""
    for token in noun.doc[noun.i + 1 : noun.i + 5]:
        lemma = token.lemma_.lower()
        if token.pos_ in VERB_FILLER_POS or lemma in _REPORTED_AS:
            continue  # "17 fighters reported killed", "30 feared dead"
        if token.pos_ in STATE_POS and lemma in MEASURE_LEMMAS:
            return MEASURE_LEMMAS[lemma]
        break
    return None


_CLAUSE_BOUNDARIES = {"conj", "relcl", "acl", "advcl", "ccomp", "parataxis"}


def _in_clause(token: Token, verb: Token) -> bool:
    """Whether `token` hangs under `verb` without crossing into another clause on the way."""
    node, crossed = token, False
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in _CLAUSE_BOUNDARIES:
            crossed = True
        node = node.head
    return node.i == verb.i and not crossed


# How far above a year a word of comparison may stand ("than" -> "in" -> "2015").
COMPARED_YEAR_DEPTH = 3


def _past_year_applies(doc: Doc, clause: int | None, sentence, path: list[Token]) -> bool:
    """Whether a past year in the sentence dates the figure: it sits in the figure's own clause ('In 2011, a
    quake killed'), modifies a thing whose clause holds the figure ('the 2019 election, when turnout was'), or
    sits in a clause on the figure's own phrase ('twice the 340 million crowns approved by the council in 2019').
    A year in a clause beside the figure's ('..., a budget line approved in 2021') dates something else."""
    if clause is None:
        return True
    verb = doc[clause]
    indexes = _year_tokens(doc)
    years = [
        doc[i]
        for i in indexes[
            bisect.bisect_left(indexes, sentence.start) : bisect.bisect_left(indexes, sentence.end)
        ]
    ]
    if not years:
        return True  # "In February, ...": a month opening the sentence dates all of it
    phrase = {t.i for t in path[:-1]}
    for token in years:
        compared = next(
            (a for a in itertools.islice(token.ancestors, COMPARED_YEAR_DEPTH) if a.lower_ in COMPARISON_WORDS), None
        )
        if compared is not None and not compared.left_edge.i <= path[0].i <= compared.right_edge.i:
            # "62.59 per cent, five per cent less than in 2015": the year of what the figure is compared with (not
            # "more than in the 2019 election, when turnout was 58.9%", a figure inside the comparison)
            continue
        if _in_clause(token, verb):
            return True
        if _clause_head(token).head.i in phrase:
            return True
        # "the 2019 election, when turnout was ...", "the primary of 2008, when 42% participated"
        dated = token.head.head if token.head.pos_ == "ADP" else token.head
        if verb.i in {t.i for t in dated.subtree} and dated.pos_ in NOUN_POS:
            return True
    return False


# Words a marker of time may date instead of an event: a statement ("the previous estimate", "numbers released
# last week", "Human Rights Watch last week estimated", "reported a month ago").
_STATEMENT_WORDS = CUE_VERBS | FIGURE_GIVING_VERBS | PUBLISHING_VERBS | OWNED_FIGURE_NOUNS | RESTATING_NOUNS


def _another_occasion(verb: Token) -> bool:
    """'40,000 marched in Orsk, a day after 25,000 marched in Vell': a clause set a span of time after or before
    the sentence's own (`OCCASION_MARKERS`, `TIME_SPAN_NOUNS`) tells of another occasion ("Two days after the quake,
    rescuers pulled 14 survivors out" dates the article's own)."""
    return (
        verb.dep_ in ADJUNCT_CLAUSE_DEPS
        and any(c.dep_ == "mark" and c.lower_ in OCCASION_MARKERS for c in verb.children)
        and any(c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_SPAN_NOUNS for c in verb.children)
    )


def _other_event_applies(doc: Doc, clause: int | None, sentence, path: list[Token]) -> bool:
    """Whether a marker of another event (`OTHER_EVENT_MARKERS`: "two weeks ago", "an earlier attack") in the
    figure's sentence is about another event rather than about a statement: a marker dating a statement ('the
    previous estimate was', 'figures released last week', 'Human Rights Watch last week estimated') leaves the
    figure the article's own. A marker inside a clause of its own that doesn't hold the figure dates that clause
    ("grew 0.6 percent, while growth in the previous three months was revised down"); any other marker in the
    sentence counts (precision first). So does a marker in a clause on the figure's own phrase: "an aftershock
    to the magnitude 8.5 quake that struck hours earlier"."""
    verb = doc[clause] if clause is not None else None
    phrase = {t.i for t in path[:-1]}
    return any(
        (
            (marker.lemma_.lower() not in _STATEMENT_WORDS and marker.head.lemma_.lower() not in _STATEMENT_WORDS)
            or doc[marker.left_edge.i : marker.i + 1].text.lower() in PERIOD_OFFSET_MARKERS
        )
        and not _dates_a_baseline(marker)
        and not _dates_the_followed_event(marker)
        and (
            verb is None
            or (_clause_holds(_clause_head(marker), verb) and not _set_against_another(marker, verb))
            or _clause_head(marker).head.i in phrase
        )
        for marker in _marker_heads(doc, sentence.start, sentence.end)
    )


def _set_against_another(marker: Token, verb: Token) -> bool:
    """'1.089 million took to the streets on Thursday, double the amount present at the previous protest', 'fewer
    than at the previous march': a marker in a phrase setting the figure against another event's dates that one,
    not the figure."""
    for node in marker.ancestors:
        if node.i == verb.i:
            return False
        if node.lower_ in SET_AGAINST_PREPOSITIONS or node.lower_ in COMPARISON_WORDS:
            return True
        if any(c.lower_ in MULTIPLE_WORDS for c in node.children):
            return True
    return False


def _dates_the_followed_event(marker: Token) -> bool:
    """'the toll from last week's crush': a marker owning an event noun (`FOLLOW_UP_MARKERS`) dates the event the
    story follows up, not another one. So does one dating the main clause of the story's lead sentence:
    "Twenty people were killed in an airstrike last month, the U.N. said in a report on Monday" reports on last
    month's airstrike (a marker in a clause of its own, "... a month after an attack last month killed 40", still
    dates another event)."""
    phrase = marker.doc[marker.left_edge.i : marker.i + 1].text.lower()
    if phrase not in FOLLOW_UP_MARKERS:
        return False
    if marker.dep_ == "poss":
        event = marker.head
        # ("Last week's rally: 8,000 per organisers": a post's line labelled with another gathering)
        labels_a_line = event.i + 1 < len(event.doc) and event.doc[event.i + 1].text == ":"
        return family_of(event.lemma_.lower(), EVENT_KINDS) is not None and not labels_a_line
    clause = _clause_head(marker)
    root = marker.sent.root
    main = clause.i == root.i or (clause.dep_ == "ccomp" and clause.head.i == root.i)
    return main and marker.sent.start == _lead_sentence_start(marker.doc)


def _lead_sentence_start(doc: Doc) -> int | None:
    """The index of the token opening the story's lead sentence: the first sentence past the headline and the
    dateline that has a verb (a page's "date 2021-12-20 -" line, or a line of marks, tells nothing). Found once
    per document."""
    if "whosaid_lead_sentence" not in doc.user_data:
        headline, dateline = headline_and_dateline(doc)
        opening = dateline.span.end if dateline else (headline.end if headline else 0)
        first = next((t for t in doc if t.idx >= opening and not t.is_space), None)
        sentences = itertools.dropwhile(lambda s: s.end <= first.i, doc.sents) if first is not None else iter(())
        lead = next((s for s in sentences if any(t.pos_ in VERB_POS for t in s)), None)
        doc.user_data["whosaid_lead_sentence"] = lead.start if lead is not None else None
    return doc.user_data["whosaid_lead_sentence"]


def _clause_head(token: Token) -> Token:
    """The head of the clause `token` is in: the first ancestor (or itself) joined to its head as a clause; the
    sentence's root past `MAX_CLAUSE_CLIMB` heads (a hostile text's deep chains cost no more)."""
    node = token
    for _ in range(MAX_CLAUSE_CLIMB):
        if node.head.i == node.i or node.dep_ in _CLAUSE_BOUNDARIES:
            return node
        node = node.head
    return node.sent.root


def _clause_holds(clause: Token, verb: Token) -> bool:
    """Whether the clause headed by `clause` holds `verb`: it is that verb or one of its ancestors (a parse's
    subtrees are contiguous, so the clause's edges tell)."""
    return clause.left_edge.i <= verb.i <= clause.right_edge.i


# How many heads up the head of a marker's clause is looked for.
MAX_CLAUSE_CLIMB = 12


def _dates_a_baseline(marker: Token) -> bool:
    """'down 2% from the same time last year', 'up from 55 percent last year', 'compared with $2.5 billion last
    year': a marker inside the phrase of a change's starting point dates that point, not the sentence's figures."""
    for ancestor in itertools.islice(marker.ancestors, MAX_BASELINE_CLIMB):
        if ancestor.lower_ in COMPARISON_WORDS:
            return True
        if ancestor.lower_ in BASELINE_PREPOSITIONS and ancestor.head.lemma_.lower() in CHANGE_WORDS:
            return True
    return False


def _marker_heads(doc: Doc, start: int, end: int) -> list[Token]:
    """The head token of each marker of another event in tokens `start`..`end`: 'ago' in 'two weeks ago',
    'attack' in 'an earlier attack', 'week' in 'last week'. Found once per sentence: every figure asks."""
    cache = doc.user_data.setdefault("whosaid_marker_heads", {})
    if (start, end) not in cache:
        cache[(start, end)] = _find_marker_heads(doc, start, end)
    return cache[(start, end)]


def _conflict_beginnings(sentence) -> list[Token]:
    """'The war began on Oct. 7 when ...', 'The war was triggered when ...': the verb telling a conflict's start."""
    return [
        t
        for t in sentence
        if t.lemma_.lower() in BEGINNING_VERBS
        and t.pos_ == "VERB"
        and any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in CONFLICT_NOUNS for c in t.children)
    ]


def _find_marker_heads(doc: Doc, start: int, end: int) -> list[Token]:
    heads = _conflict_beginnings(doc[start:end])
    words = [t.lower_ for t in doc[start:end]]
    for phrase in _MARKER_WORDS:
        for k in range(len(words) - len(phrase) + 1):
            if tuple(words[k : k + len(phrase)]) == phrase:
                span = doc[start + k : start + k + len(phrase)]
                heads.append(span.root)
    return heads


_MARKER_WORDS = tuple(tuple(marker.split()) for marker in (*OTHER_EVENT_MARKERS, *PAST_MONTH_MARKERS))


def _year_tokens(doc: Doc) -> list[int]:
    """Indexes of the tokens that are years ('2011'), found once per document."""
    years = doc.user_data.get("whosaid_years")
    if years is None:
        years = doc.user_data["whosaid_years"] = [t.i for t in doc if _YEAR_TOKEN.match(t.text)]
    return years


_YEAR_TOKEN = re.compile(r"^(1[89]|20)\d\d$")


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=256)
def _background_markers(sentence: str) -> tuple[bool, bool]:
    """(whether the sentence is about another event, whether it names a past year): 'an attack two weeks ago
    killed ...', 'In 2011, a quake killed ...'. A past year counts only in the figure's own clause (see
    `_past_year_applies`): '2,150 million euros, ... approved in 2021' is today's figure for a budget approved
    then. Cached: every figure of a sentence asks."""
    lowered = f" {sentence.lower()}"
    # (a conflict's noun may tell its start, "The war began on Oct. 7 when ...": the parse decides, see
    # `_conflict_beginnings`)
    marked = any(marker in lowered for marker in (*OTHER_EVENT_MARKERS, *PAST_MONTH_MARKERS)) or any(
        word in CONFLICT_NOUNS for word in _WORD.findall(lowered)
    )
    # ("plans to eliminate 800 jobs by the end of 2027": a deadline's year is to come, no past event)
    return marked, bool(_PAST_YEAR.search(_DEADLINE_YEAR.sub(" ", sentence)))


def _fronted_other_event(sentence: Span) -> bool:
    """'At a strike in March, the union reported a turnout of 71 percent': a sentence opening on an event named
    with "a" or "another" tells of another event than the article's own, whatever it counts."""
    first = sentence[0]
    if first.pos_ != "ADP" or first.lower_ not in FRONTED_EVENT_PREPOSITIONS:
        return False
    return any(
        c.dep_ == "pobj"
        and family_of(c.lemma_.lower(), EVENT_KINDS) is not None
        and any(d.dep_ == "det" and d.lower_ in OTHER_EVENT_DETERMINERS for d in c.children)
        for c in first.children
    )


# The prepositions a sentence may open on to tell of another event ("At a strike in March", "During an earlier
# raid"), and the determiners that make it another.
FRONTED_EVENT_PREPOSITIONS = frozenset("at in during".split())
OTHER_EVENT_DETERMINERS = INDEFINITE_ARTICLES | frozenset({"another"})


# The marks a breakdown of a count opens on besides a dash: "four civilians were killed: three women and a boy".
BREAKDOWN_OPENERS = frozenset({":", ","})


def _part_by_parse(doc: Doc, first: int) -> str | None:
    """A part the token patterns can't see: the number hangs under 'including' further up the parse
    ('including at least 14 children under five')."""
    below = doc[first]
    for ancestor in itertools.islice(doc[first].ancestors, 3):
        # ("The toll of 64 includes 17 children": what includes is the whole)
        if ancestor.lower_ in PART_WORDS and below.dep_ not in SUBJECT_DEPS:
            return "part:including-parse"
        below = ancestor
    # "four civilians were killed - three women and a boy": a count set after a dash or a comma in apposition to a
    # counted noun with a number of its own breaks that count down (not "40 km (25 miles)", one measure in two
    # units, nor "7 dead (police) / 12 dead (hospital)", the parser hanging one source's value on the other's)
    noun = doc[first].head
    opened_by = doc[noun.left_edge.i - 1].text if noun.left_edge.i > 0 else ""
    apposed = noun.dep_ in APPOSITION_DEPS and (opened_by in DASHES or opened_by in BREAKDOWN_OPENERS)
    # (a source in brackets is no counted noun: "Trapped: 9 (company), 13 (miners' union)")
    bracketed = any(t.text == OPENING_BRACKET for t in doc[first : noun.i])
    if doc[first].dep_ in NUMBER_ATTACHMENT_DEPS and apposed and not bracketed and noun.head.pos_ in NOUN_POS:
        whole = noun.head
        counted_whole = any(c.dep_ in NUMBER_ATTACHMENT_DEPS and c.like_num for c in whole.children)
        if counted_whole and not {noun.lemma_.lower(), whole.lemma_.lower()} & UNIT_WORDS.keys():
            return "part:apposed"
    # "322 dead, including 54 children, 82 women and dozens of rebels, as well as 16 unidentified bodies": a
    # figure conjoined into the list is a part too, however long the list.
    node = doc[first].head if doc[first].dep_ in NUMBER_ATTACHMENT_DEPS else doc[first]
    while node.dep_ in CONJUNCT_DEPS and node.head.i != node.i and node.head.pos_ not in VERB_POS:
        node = node.head
        if any(ancestor.lower_ in PART_WORDS for ancestor in itertools.islice(node.ancestors, 2)):
            return "part:including-parse"
    return None
