"""What a figure counts (structure), values compared after normalisation, posts, datelines, revisions."""

from __future__ import annotations

import itertools

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from bot.engine import analyze
from bot.engine.measures import (
    COUNTED_FAMILIES,
    EVENT_FAMILIES,
    EVENT_KINDS,
    NAMED_QUANTITIES,
    PERSON_GROUPS,
    UNIT_DIMENSIONS,
)
from bot.engine.structure import Structure, compatible, figure_path, figure_structure
from bot.report import Report


def figure_at(report: Report, words: str):
    start = report.text.index(words)
    return next(
        f
        for f in report.figures
        if f.span.start <= start < f.span.end or start <= f.span.start < start + len(words)
    )


# --- word families are data and don't overlap -----------------------------------------------------------


@pytest.mark.parametrize(
    "families", [EVENT_FAMILIES, NAMED_QUANTITIES, COUNTED_FAMILIES, EVENT_KINDS, PERSON_GROUPS, UNIT_DIMENSIONS]
)
def test_families_do_not_overlap(families: dict[str, frozenset[str]]) -> None:
    for (a, words_a), (b, words_b) in itertools.combinations(families.items(), 2):
        assert not words_a & words_b, f"{a} and {b} share {words_a & words_b}"


def test_event_and_named_quantities_do_not_overlap() -> None:
    events = set().union(*EVENT_FAMILIES.values())
    named = set().union(*NAMED_QUANTITIES.values())
    assert not events & named


# --- parse rules on hand-built docs ---------------------------------------------------------------------


_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case), no trained parts


def _doc(words, heads, deps, pos, lemmas) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_counted_noun_and_its_verb_on_a_hand_built_parse() -> None:
    # "Police said 900 people marched ."
    doc = _doc(
        ["Police", "said", "900", "people", "marched", "."],
        [1, 1, 3, 4, 1, 1],
        ["nsubj", "ROOT", "nummod", "nsubj", "ccomp", "punct"],
        ["NOUN", "VERB", "NUM", "NOUN", "VERB", "PUNCT"],
        ["police", "say", "900", "people", "march", "."],
    )
    structure = figure_structure(doc[2], doc[2], doc[3])
    assert (structure.counted, structure.quantity, structure.unit) == ("people", "took part", None)


def test_put_the_figure_at_points_back_on_a_hand_built_parse() -> None:
    # "Organisers put the figure at 5,000 ."
    doc = _doc(
        ["Organisers", "put", "the", "figure", "at", "5,000", "."],
        [1, 1, 3, 1, 1, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "NUM", "PUNCT"],
        ["organiser", "put", "the", "figure", "at", "5,000", "."],
    )
    structure = figure_structure(doc[5], doc[5], None)
    assert structure.points_back and not structure.known


def test_named_quantity_with_a_percent_on_a_hand_built_parse() -> None:
    # "Turnout was 52 % ."
    doc = _doc(
        ["Turnout", "was", "52", "%", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "nummod", "attr", "punct"],
        ["NOUN", "AUX", "NUM", "NOUN", "PUNCT"],
        ["turnout", "be", "52", "%", "."],
    )
    structure = figure_structure(doc[2], doc[2], doc[3])
    assert (structure.quantity, structure.unit) == ("took part", "%")


def test_baseline_of_a_growing_quantity_on_a_hand_built_parse() -> None:
    # "The fire grew to 800 hectares , up from 300 ."
    doc = _doc(
        ["The", "fire", "grew", "to", "800", "hectares", ",", "up", "from", "300", "."],
        [1, 2, 2, 2, 5, 3, 2, 2, 7, 8, 2],
        ["det", "nsubj", "ROOT", "prep", "nummod", "pobj", "punct", "advmod", "prep", "pobj", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "NUM", "NOUN", "PUNCT", "ADV", "ADP", "NUM", "PUNCT"],
        ["the", "fire", "grow", "to", "800", "hectare", ",", "up", "from", "300", "."],
    )
    assert figure_structure(doc[9], doc[9], None).baseline
    assert figure_structure(doc[4], doc[4], doc[5]).unit == "ha"


def test_a_noun_that_names_a_body_or_a_height_tells_no_event_on_a_hand_built_parse() -> None:
    # "The water level reached 7.2 metres ." / "The board counted 45 teachers ."
    doc = _doc(
        ["The", "water", "level", "reached", "7.2", "metres", "."],
        [2, 2, 3, 3, 5, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "nummod", "dobj", "punct"],
        ["DET", "NOUN", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
        ["the", "water", "level", "reach", "7.2", "metre", "."],
    )
    assert figure_structure(doc[4], doc[4], doc[5]).quantity is None
    doc = _doc(
        ["45", "people", "were", "on", "board", "."],
        [1, 2, 2, 2, 3, 2],
        ["nummod", "nsubj", "ROOT", "prep", "pobj", "punct"],
        ["NUM", "NOUN", "AUX", "ADP", "NOUN", "PUNCT"],
        ["45", "people", "be", "on", "board", "."],
    )
    assert figure_structure(doc[0], doc[0], doc[1]).quantity == "on board"


def test_a_figure_noun_misread_as_a_verb_under_a_revising_verb_on_a_hand_built_parse() -> None:
    # "It revised that estimate upward to 900 ." with "that" read as a subject and "estimate" as a clause
    doc = _doc(
        ["It", "revised", "that", "estimate", "upward", "to", "900", "."],
        [1, 1, 3, 1, 3, 3, 5, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp", "advmod", "prep", "pobj", "punct"],
        ["PRON", "VERB", "PRON", "VERB", "ADV", "ADP", "NUM", "PUNCT"],
        ["it", "revise", "that", "estimate", "upward", "to", "900", "."],
    )
    structure = figure_structure(doc[6], doc[6], None)
    assert structure.revises and structure.points_back
    assert [t.text for t in figure_path(doc[6])][-1] == "revised"


def test_a_joined_verb_shares_the_subject_of_the_verb_before_on_a_hand_built_parse() -> None:
    # "The jobless rate , reported a month ago , was 4 % ." parsed as "reported" with "was" joined to it
    doc = _doc(
        ["The", "jobless", "rate", ",", "reported", "earlier", ",", "was", "4", "%", "."],
        [2, 2, 4, 4, 4, 4, 4, 4, 9, 7, 4],
        ["det", "amod", "nsubj", "punct", "ROOT", "advmod", "punct", "conj", "nummod", "attr", "punct"],
        ["DET", "ADJ", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT", "AUX", "NUM", "NOUN", "PUNCT"],
        ["the", "jobless", "rate", ",", "report", "earlier", ",", "be", "4", "%", "."],
    )
    assert figure_structure(doc[8], doc[8], doc[9]).quantity == "unemployment"


def test_an_event_revised_to_a_bare_number_is_its_measure_on_a_hand_built_parse() -> None:
    # "The quake was upgraded to 7.2 ."
    doc = _doc(
        ["The", "quake", "was", "upgraded", "to", "7.2", "."],
        [1, 3, 3, 3, 3, 4, 3],
        ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "NUM", "PUNCT"],
        ["the", "quake", "be", "upgrade", "to", "7.2", "."],
    )
    assert figure_structure(doc[5], doc[5], None).quantity == "magnitude"


def test_a_rise_in_employment_counts_jobs_created_on_a_hand_built_parse() -> None:
    # "Payrolls rose by 96,000 to 151 million ."
    doc = _doc(
        ["Payrolls", "rose", "by", "96,000", "to", "151", "million", "."],
        [1, 1, 1, 2, 1, 6, 4, 1],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "compound", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "NUM", "ADP", "NUM", "NUM", "PUNCT"],
        ["payroll", "rise", "by", "96,000", "to", "151", "million", "."],
    )
    amount = figure_structure(doc[3], doc[3], None)
    assert (amount.quantity, amount.counted, amount.change) == ("created", "job", False)
    assert figure_structure(doc[6], doc[5], None).quantity != "created"  # the level reached, not jobs created


def test_a_sum_says_what_it_is_after_in_on_a_hand_built_parse() -> None:
    # "The storm caused $ 25 billion in damage ."
    doc = _doc(
        ["The", "storm", "caused", "$", "25", "billion", "in", "damage", "."],
        [1, 2, 2, 5, 5, 2, 5, 6, 2],
        ["det", "nsubj", "ROOT", "quantmod", "compound", "dobj", "prep", "pobj", "punct"],
        ["DET", "NOUN", "VERB", "SYM", "NUM", "NUM", "ADP", "NOUN", "PUNCT"],
        ["the", "storm", "cause", "$", "25", "billion", "in", "damage", "."],
    )
    structure = figure_structure(doc[5], doc[4], None)
    assert (structure.quantity, structure.unit) == ("loss", "USD")  # damage counted in money is a loss


def test_compatibility_rules() -> None:
    toll = Structure(counted="people", quantity="killed")
    miners = Structure(counted="miner", quantity="killed")
    homes = Structure(counted="home", quantity="destroyed")
    cars = Structure(counted="car", quantity="destroyed")
    assert compatible(toll, miners)
    assert not compatible(homes, cars)
    assert not compatible(
        Structure(quantity="growth", unit="%", period="2025"),
        Structure(quantity="growth", unit="%", period="2026"),
    )
    assert not compatible(Structure(quantity="took part"), Structure(quantity="took part", unit="%"))
    assert not compatible(
        Structure(quantity="profit", unit="EUR", change=True), Structure(quantity="profit", unit="EUR")
    )
    # Two groups' counts differ; one group's nouns and a group against "people" may count one toll.
    officers = Structure(counted="officer", quantity="wounded")
    assert not compatible(officers, Structure(counted="protester", quantity="wounded"))
    assert compatible(Structure(counted="soldier", quantity="killed"), Structure(counted="troop", quantity="killed"))
    assert compatible(officers, Structure(counted="people", quantity="wounded"))


def test_it_was_closer_to_points_back_on_a_hand_built_parse() -> None:
    # "It was closer to 5,000 ." (a source disputing a figure); "It is 5,000 ." says nothing of what "it" is.
    doc = _doc(
        ["It", "was", "closer", "to", "5,000", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "acomp", "prep", "pobj", "punct"],
        ["PRON", "AUX", "ADJ", "ADP", "NUM", "PUNCT"],
        ["it", "be", "close", "to", "5,000", "."],
    )
    doc[2].tag_ = "JJR"
    structure = figure_structure(doc[4], doc[4], None)
    assert structure.points_back and not structure.known
    bare = _doc(
        ["It", "is", "5,000", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "attr", "punct"],
        ["PRON", "AUX", "NUM", "PUNCT"],
        ["it", "be", "5,000", "."],
    )
    assert not figure_structure(bare[2], bare[2], None).points_back


def test_the_main_clause_of_a_condition_is_hypothetical_on_a_hand_built_parse() -> None:
    # "If they are white , the rate is 33 % ."
    doc = _doc(
        ["If", "they", "are", "white", ",", "the", "rate", "is", "33", "%", "."],
        [2, 2, 7, 2, 7, 6, 7, 7, 9, 7, 7],
        ["mark", "nsubj", "advcl", "acomp", "punct", "det", "nsubj", "ROOT", "nummod", "attr", "punct"],
        ["SCONJ", "PRON", "AUX", "ADJ", "PUNCT", "DET", "NOUN", "AUX", "NUM", "NOUN", "PUNCT"],
        ["if", "they", "be", "white", ",", "the", "rate", "be", "33", "%", "."],
    )
    assert figure_structure(doc[8], doc[8], doc[9]).hypothetical


def test_what_happens_to_people_leaves_a_measure_to_the_subject_on_a_hand_built_parse() -> None:
    # "The spill released 900 barrels ." ("release" frees hostages; barrels are spilled)
    doc = _doc(
        ["The", "spill", "released", "900", "barrels", "."],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "nummod", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
        ["the", "spill", "release", "900", "barrel", "."],
    )
    structure = figure_structure(doc[3], doc[3], doc[4])
    assert (structure.quantity, structure.unit) == ("spilled", "barrel")


# --- short texts ----------------------------------------------------------------------------------------


def test_crowd_restated_by_organisers_conflicts() -> None:
    report = analyze(
        "Police said 6,000 people took part in the march through Dunmere. The organisers put the figure at 25,000."
    )
    assert len(report.conflicts) == 1
    conflict = report.conflicts[0]
    assert {report.figures[i].value for i in conflict.figures} == {6000, 25000}
    assert "Police" in conflict.note and "organisers" in conflict.note.lower()


def test_jobs_closer_to_a_number_conflict() -> None:
    report = analyze(
        "Velk Motors said it would cut 700 jobs at its Arnholt plant. The workers' union said the true number "
        "of jobs that would disappear was closer to 950."
    )
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[700, 950]]


def test_turnout_percentages_conflict_but_not_the_vote_share() -> None:
    report = analyze(
        "The election board said turnout was 58%. The opposition said turnout was no more than 40 percent. "
        "The board said the ruling party won 51% of the vote."
    )
    assert len(report.conflicts) == 1
    assert {report.figures[i].value for i in report.conflicts[0].figures} == {58, 40}
    assert report.conflicts[0].subject == "turnout (%)"


def test_same_value_written_another_way_is_no_conflict() -> None:
    report = analyze(
        "The company said the ransom demand was $4m. Investigators said the demand was 4 million dollars. "
        "The agency said 1.2 million homes were affected. The utility said 1,200,000 homes were affected."
    )
    assert report.conflicts == []


def test_at_least_agrees_with_the_number_inside_it() -> None:
    report = analyze("Medics said at least 17 people were killed. The ministry said 17 people were killed.")
    assert report.conflicts == []


def test_revision_marks_the_newer_figure() -> None:
    report = analyze(
        "The rail operator said 8 people had been injured. Later the operator raised the figure to 15."
    )
    assert len(report.conflicts) == 1
    conflict = report.conflicts[0]
    assert conflict.reason == "revision"
    assert [report.figures[i].value for i in conflict.newer] == [15]


def test_growth_over_time_is_no_conflict() -> None:
    report = analyze("Firefighters said the blaze had grown to 900 hectares, up from 400 on Monday.")
    assert report.conflicts == []


def test_channel_post_lines_are_attributions() -> None:
    report = analyze(
        "🔴 BREAKING: Blast at a warehouse in Pellam\n\nCity police: 5 dead, 12 injured. Local doctors: at least "
        "9 dead.\n\n#Pellam #blast\n\nRead more: https://news.example/pellam-blast-77"
    )
    speakers = [claim.speaker for claim in report.claims]
    assert "City police" in speakers and "Local doctors" in speakers
    assert len(report.conflicts) == 1
    assert {report.figures[i].value for i in report.conflicts[0].figures} == {5, 9}
    assert all(f.value != 77 for f in report.figures)


def test_dateline_is_never_a_source_and_is_reported() -> None:
    report = analyze(
        "Storm cuts power in Harlo\n\nHARLO, May 4 (AP) - The utility said 4,000 homes were without power on "
        "Sunday."
    )
    assert report.dateline is not None
    assert (report.dateline.place, report.dateline.date, report.dateline.outlet) == ("Harlo", "May 4", "AP")
    assert all(claim.speaker != "HARLO" for claim in report.claims)
    assert not any(
        e.span.start < report.dateline.span.end and e.span.end > report.dateline.span.start
        for e in report.entities
    )
    assert report.event is not None and report.event.kind == "storm"


def test_figure_carries_its_source_and_structure() -> None:
    report = analyze("The coast guard said 12 people were missing, and told Reuters 30 had been rescued.")
    missing = figure_at(report, "12")
    assert (missing.quantity, missing.source) == ("missing", "coast guard")


# --- property: the same quantity written differently never conflicts ------------------------------------

_WRITINGS = {
    46: ["46", "forty-six"],
    1_200_000: ["1,200,000", "1.2 million"],
    74: ["74 percent", "74 per cent", "74%"],
    4_000_000: ["$4m", "$4 million", "4 million dollars"],
}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_WRITINGS)), st.data())
def test_writing_a_figure_another_way_never_creates_a_conflict(value: int, data) -> None:
    first = data.draw(st.sampled_from(_WRITINGS[value]))
    second = data.draw(st.sampled_from(_WRITINGS[value]))
    thing = "of teachers joined the strike" if "%" in first or "per" in first else "people were evacuated"
    if "$" in first or "dollars" in first:
        text = f"The firm said the loss was {first}. Auditors said the loss was {second}."
    elif "%" in first or "per" in first:
        text = f"The union said {first} {thing}. The ministry said {second} {thing}."
    else:
        text = f"The army said {first} {thing}. The mayor said {second} {thing}."
    assert analyze(text).conflicts == []


# --- more patterns, each on a short text of our own --------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("half a million", 500_000),
        ("a quarter of a million", 250_000),
        ("three-quarters of a million", 750_000),
    ],
)
def test_fractions_of_a_scale(words: str, value: int) -> None:
    report = analyze(f"The utility said {words} homes were without power.")
    assert figure_at(report, words).value == value


def test_a_bound_far_below_another_figure_disagrees_with_it() -> None:
    report = analyze(
        "The coast guard said at least 12 people were missing. The charity said about 30 were missing."
    )
    assert len(report.conflicts) == 1


def test_a_possessive_estimate_names_its_source() -> None:
    report = analyze(
        "The bridge will cost at least 900 million euros, the audit office said, contradicting the transport "
        "ministry's latest estimate of 640 million."
    )
    estimate = figure_at(report, "640 million")
    assert estimate.source == "transport ministry"
    assert len(report.conflicts) == 1 and report.conflicts[0].reason == "sources"


def test_a_quoted_figure_in_reported_speech_is_the_speakers() -> None:
    report = analyze(
        'The fire service said 5,200 hectares had burned. The governor said the area burned was "more than '
        '8,000 hectares".'
    )
    assert figure_at(report, "8,000").source == "governor"
    assert len(report.conflicts) == 1


def test_people_aboard_a_vehicle_are_on_board() -> None:
    report = analyze(
        "Police said 60 people had crowded onto the ferry. The operator said 45 passengers were on board."
    )
    assert {f.quantity for f in report.figures} == {"on board"}
    assert len(report.conflicts) == 1


def test_forecasts_for_different_years_do_not_conflict() -> None:
    report = analyze(
        "The central bank forecast growth of 1.5% in 2031. The ministry forecast growth of 2.5% in 2032."
    )
    assert report.conflicts == []


def test_a_change_is_not_compared_with_a_level() -> None:
    report = analyze(
        "The agency said sales rose 4% to 900 million dollars. Analysts said sales were 950 million dollars."
    )
    four = figure_at(report, "4%")
    assert four.change and not figure_at(report, "900 million").change


def test_same_source_without_a_later_statement_keeps_its_first_figure() -> None:
    report = analyze(
        "Ralo Bank said 40,000 customers were affected by the breach. Ralo Bank said it had 900,000 customers. "
        "Researchers said 70,000 customers were affected."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {40_000, 70_000}


def test_post_lines_ending_in_a_source_are_attributions() -> None:
    report = analyze(
        "Crowds gathered in the square, videos show. Trains to the coast cancelled until Monday, the rail "
        "operator says."
    )
    claim = next(claim for claim in report.claims if claim.speaker == "rail operator")
    said = report.text[claim.content[0].start : claim.content[0].end]
    assert said == "Trains to the coast cancelled until Monday"


def test_an_estimate_keeps_what_is_tacked_on_after_it() -> None:
    text = "The survey institute puts it at 5.8, depth 12 km."
    report = analyze(text)
    [claim] = report.claims
    assert text[claim.content[0].start : claim.content[0].end] == "it at 5.8, depth 12 km"


@pytest.mark.parametrize("first", ["74 per cent", "74 percent", "74%"])
def test_percent_written_any_way_is_a_percent_and_conflicts_with_another(first: str) -> None:
    report = analyze(f"The union said {first} of teachers joined the strike. The ministry said 29% joined the strike.")
    assert {f.unit for f in report.figures} == {"%"}
    assert len(report.conflicts) == 1


def test_raising_a_toll_from_one_number_to_another_is_a_revision_not_a_range() -> None:
    report = analyze("The health ministry raised the death toll from 12 to 19 on Friday. Doctors said 19 people died.")
    assert [(f.value, f.upper) for f in report.figures[:2]] == [(12, None), (19, None)]
    [conflict] = report.conflicts
    assert conflict.reason == "revision"
    assert [report.figures[i].value for i in conflict.newer] == [19]
    assert "revised" in conflict.note


def test_growing_from_one_number_to_another_is_no_conflict() -> None:
    report = analyze(
        "Firefighters said the blaze had grown from 2,500 hectares to 7,000 hectares. The governor said "
        "7,000 hectares had burned."
    )
    assert report.conflicts == []


def test_what_is_revised_is_a_figure_and_what_is_raised_may_be_a_thing_of_the_world() -> None:
    report = analyze(
        "The statistics office said the unemployment rate for November was revised up to 7.8 percent from 7.7 "
        "percent."
    )
    [conflict] = report.conflicts
    assert conflict.reason == "revision"
    assert conflict.note.startswith("unemployment (%), November:")  # the rate's name, not "rates unemployment"
    # A bank raising rates moves a rate of the world from one level to another: two values, no revision.
    report = analyze("The central bank raised interest rates from 4.5 percent to 5 percent, the governor said.")
    assert report.conflicts == []


def test_a_verb_completing_a_relative_clause_measures_the_noun_the_clause_hangs_on_on_a_hand_built_parse() -> None:
    # "an aftershock that was estimated to have a magnitude of 5.6"
    words = ["an", "aftershock", "that", "was", "estimated", "to", "have", "a", "magnitude", "of", "5.6"]
    doc = _doc(
        words,
        [1, 1, 4, 4, 1, 6, 4, 8, 6, 8, 9],
        ["det", "ROOT", "nsubjpass", "auxpass", "relcl", "aux", "xcomp", "det", "dobj", "prep", "pobj"],
        ["DET", "NOUN", "PRON", "AUX", "VERB", "PART", "VERB", "DET", "NOUN", "ADP", "NUM"],
        ["an", "aftershock", "that", "be", "estimate", "to", "have", "a", "magnitude", "of", "5.6"],
    )
    structure = figure_structure(doc[10], doc[10], None)
    assert (structure.quantity, structure.counted) == ("magnitude", "aftershock")


def test_forecasters_give_their_expectation_not_the_result_after_it() -> None:
    report = analyze("Analysts had expected earnings of 4 cents a share. Revenue rose 7 percent to $436 million.")
    assert figure_at(report, "$436 million").source is None


def test_a_previous_event_set_against_the_figure_dates_that_event_not_the_figure() -> None:
    report = analyze(
        "The ministry said 1.2 million people marched on Thursday, double the number present at the previous "
        "march on March 15."
    )
    assert not figure_at(report, "1.2 million").background


def test_a_place_noun_takes_the_name_before_it_on_a_hand_built_parse() -> None:
    # "Rebels killed 40 people in North West Frontier province ." with no entity on the name
    words = ["Rebels", "killed", "40", "people", "in", "North", "West", "Frontier", "province", "."]
    doc = _doc(
        words,
        [1, 1, 3, 1, 3, 7, 7, 8, 4, 1],
        ["nsubj", "ROOT", "nummod", "dobj", "prep", "compound", "compound", "compound", "pobj", "punct"],
        ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PROPN", "PROPN", "NOUN", "PUNCT"],
        ["rebel", "kill", "40", "people", "in", "North", "West", "Frontier", "province", "."],
    )
    structure = figure_structure(doc[2], doc[2], doc[3])
    assert structure.place == "north west frontier province"


def test_a_change_by_an_amount_is_a_change_on_a_hand_built_parse() -> None:
    # "Sales rose by 4 % ."
    doc = _doc(
        ["Sales", "rose", "by", "4", "%", "."],
        [1, 1, 1, 4, 2, 1],
        ["nsubj", "ROOT", "prep", "nummod", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
        ["sale", "rise", "by", "4", "%", "."],
    )
    assert figure_structure(doc[3], doc[3], doc[4]).change


def test_a_people_counted_after_a_number_read_as_money_is_no_currency_on_a_hand_built_parse() -> None:
    # "8 million Kessians voted ." with the recogniser calling "8 million" money
    doc = Doc(
        _VOCAB,
        words=["8", "million", "Kessians", "voted", "."],
        heads=[1, 2, 3, 3, 3],
        deps=["compound", "nummod", "nsubj", "ROOT", "punct"],
        pos=["NUM", "NUM", "PROPN", "VERB", "PUNCT"],
        lemmas=["8", "million", "Kessians", "vote", "."],
        ents=["B-MONEY", "I-MONEY", "B-NORP", "O", "O"],
    )
    structure = figure_structure(doc[1], doc[0], doc[2])
    assert (structure.unit, structure.counted) == (None, "people")


def test_a_participle_describing_the_figures_noun_is_no_verb_of_its_own_on_a_hand_built_parse() -> None:
    # "Output grew at a 2.6 percent annualized pace ."
    words = "Output grew at a 2.6 percent annualized pace .".split()
    doc = _doc(
        words,
        [1, 1, 1, 7, 5, 6, 7, 2, 1],
        "nsubj ROOT prep det nummod npadvmod amod pobj punct".split(),
        "NOUN VERB ADP DET NUM NOUN VERB NOUN PUNCT".split(),
        "output grow at a 2.6 percent annualize pace .".split(),
    )
    doc[6].tag_ = "VBN"
    assert [t.text for t in figure_path(doc[4])][-1] == "grew"


def test_a_body_named_as_the_giver_of_an_official_figure_gives_it() -> None:
    report = analyze("The last official death toll provided by the government, 12, came on Monday.")
    assert figure_at(report, "12").source == "government"


def test_a_claim_dismissed_is_its_owners_and_the_dismisser_gives_the_figure_put_after_it() -> None:
    report = analyze(
        "An army spokesman dismissed rebel claims that 40 soldiers had been killed in the fighting, putting the "
        "death toll at nine."
    )
    assert figure_at(report, "40").source == "rebel"
    assert "spokesman" in figure_at(report, "nine").source
    (conflict,) = report.conflicts
    assert len(conflict.figures) == 2


def test_a_storm_named_by_its_kind_is_no_source() -> None:
    report = analyze("The last official death toll from Cyclone Marla, issued on Monday, was 3,114.")
    assert "Marla" not in (figure_at(report, "3,114").source or "")


def test_an_earlier_estimate_of_another_measure_revises_nothing() -> None:
    report = analyze(
        "Three adults and eight children were missing under the landslide, a far cry from the first estimates "
        "of up to 1,000 dead."
    )
    assert figure_at(report, "1,000").quantity == "killed"


def test_a_conflict_names_children_in_the_plural() -> None:
    report = analyze("Police said 8 children were missing. Rescuers said 12 children were missing.")
    (conflict,) = report.conflicts
    assert "children" in conflict.note and "childs" not in conflict.note


@pytest.mark.parametrize(
    ("counted", "plural"),
    [
        ("gunman", "gunmen"), ("militiaman", "militiamen"), ("police", "police"), ("staff", "staff"),
        ("miner", "miners"), ("coach", "coaches"), ("box", "boxes"),
    ],
)
def test_a_measure_names_what_it_counts_in_the_plural(counted: str, plural: str) -> None:
    assert Structure(counted=counted, quantity="killed").readable() == f"{plural} killed"


def test_a_revision_of_another_months_figure_is_of_that_month() -> None:
    report = analyze(
        "Employers added 227,000 jobs in January, the bureau said. The agency took a scalpel to November's report, "
        "revising its estimate downward to 164,000 jobs from the previously reported 204,000."
    )
    january = next(i for i, f in enumerate(report.figures) if f.value == 227000)
    assert all(january not in conflict.figures for conflict in report.conflicts)


def _tagged_doc(words, heads, deps, pos, tags, lemmas) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_events_named_in_the_bare_plural_are_several_on_a_hand_built_parse() -> None:
    # "181 civilians died because of coalition strikes ." / "... because of the strikes ."
    for determiner, several in ((["coalition"], True), (["the"], False)):
        doc = _tagged_doc(
            ["181", "civilians", "died", "because", "of", *determiner, "strikes", "."],
            [1, 2, 2, 2, 3, 6, 3, 2],
            ["nummod", "nsubj", "ROOT", "prep", "pcomp", "compound" if several else "det", "pobj", "punct"],
            ["NUM", "NOUN", "VERB", "ADP", "ADP", "NOUN" if several else "DET", "NOUN", "PUNCT"],
            ["CD", "NNS", "VBD", "IN", "IN", "NN" if several else "DT", "NNS", "."],
            ["181", "civilian", "die", "because", "of", determiner[0], "strike", "."],
        )
        structure = figure_structure(doc[0], doc[0], doc[1])
        assert structure.quantity == "killed"
        assert structure.several_events is several


def test_a_value_set_aside_by_not_as_stated_before_is_a_prior_on_a_hand_built_parse() -> None:
    # "163,000 acres burned , not the 400,000 that was first estimated ." / "... , not the 400,000 acres ."
    for relative, prior in ((["that", "was", "first", "estimated"], True), ([], False)):
        words = ["163,000", "acres", "burned", ",", "not", "the", "400,000", *relative, "."]
        relative_heads = [10, 10, 10, 6] if relative else []
        doc = _tagged_doc(
            words,
            [1, 2, 2, 2, 6, 6, 1, *relative_heads, 2],
            ["nummod", "nsubj", "ROOT", "punct", "neg", "det", "appos"]
            + (["nsubjpass", "auxpass", "advmod", "relcl"] if relative else [])
            + ["punct"],
            ["NUM", "NOUN", "VERB", "PUNCT", "PART", "DET", "NUM"]
            + (["PRON", "AUX", "ADV", "VERB"] if relative else [])
            + ["PUNCT"],
            ["CD", "NNS", "VBD", ",", "RB", "DT", "CD"] + (["WDT", "VBD", "RB", "VBN"] if relative else []) + ["."],
            ["163,000", "acre", "burn", ",", "not", "the", "400,000"]
            + (["that", "be", "first", "estimate"] if relative else [])
            + ["."],
        )
        assert figure_structure(doc[6], doc[6], None).prior is prior


def test_succumbing_is_dying() -> None:
    [figure] = analyze("The commissioner said ten people had succumbed to heatstroke.").figures
    assert figure.quantity == "killed"


def test_a_share_of_gdp_or_of_another_figure_measures_neither() -> None:
    text = (
        "The deficit will be 3.2 percent of GDP this year, the ministry said. "
        "The IMF expects the economy to grow 2.5 percent this year."
    )
    report = analyze(text)
    assert [f.quantity for f in report.figures] == ["loss", "growth"]
    assert report.conflicts == []
    text = (
        "The ministry put this year's spending target at 40 per cent of revenue. "
        "By February, spending had reached 88 per cent of the target, the auditor said."
    )
    assert analyze(text).figures[1].quantity != "target"


def test_closing_counts_things_and_a_level_closed_at_is_no_count() -> None:
    report = analyze("The index closed at 4,512 points on Friday, the exchange said. Police closed 12 roads.")
    assert [f.quantity for f in report.figures] == [None, "closed"]
    [figure] = analyze("The union said 40% of schools were closed.").figures
    assert figure.quantity == "closed"


def test_things_that_met_one_fate_or_another_are_counted_apart_from_either() -> None:
    text = (
        "The storm destroyed 3,400 homes, the provincial government said. "
        "The Red Cross said 6,000 houses had been destroyed or badly damaged."
    )
    report = analyze(text)
    assert [f.quantity for f in report.figures] == ["destroyed", "damaged or destroyed"]
    assert report.conflicts == []
    text = "Police said 40 homes were damaged or destroyed. Residents said 90 homes were destroyed or damaged."
    assert len(analyze(text).conflicts) == 1
    # each fate with its own count is a count of its own
    report = analyze("Twelve people were killed and 30 injured, police said.")
    assert [f.quantity for f in report.figures] == ["killed", "wounded"]


def test_walking_off_the_job_is_striking_and_what_is_lost_is_lost_unless_it_is_a_job() -> None:
    text = "About 2,500 workers walked off the job, the union said, while management said only 600 had joined."
    report = analyze(text)
    assert report.figures[0].quantity == "took part"
    assert len(report.conflicts) == 1
    report = analyze("The owner said the ship lost 146 containers overboard. The company said it lost 500 jobs.")
    assert [f.quantity for f in report.figures] == ["lost", "cut"]


def test_a_comparisons_year_dates_what_the_figure_is_compared_with() -> None:
    report = analyze("The commission said final turnout was 62.6 per cent, five per cent less than in 2015.")
    assert report.figures[0].period is None
    report = analyze("The commission said turnout in 2015 was 67.1 per cent.")
    assert report.figures[0].period == "2015"
