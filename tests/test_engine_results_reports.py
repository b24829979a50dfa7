"""Company results and guidance as wire stories write them: earnings per share (or "EPS") against what analysts
expected, a forecast against the company's previous one, the same quarter a year earlier, and a consensus
estimate. Rules first on hand-built parses (so a failure tells rule from model), then on sentences of our own
(invented companies and numbers)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bot.engine import analyze
from bot.engine.structure import figure_structure
from tests.support.engine_checks import figure_at

_VOCAB = spacy.blank("en").vocab


def _doc(words, heads, deps, pos, lemmas) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


# --- hand-built parses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "lemmas"),
    [
        # "Norvane expects earnings per share of $ 3.68 .": profit a share, not a share of something
        (
            ["Norvane", "expects", "earnings", "per", "share", "of", "$", "3.68", "."],
            [1, 1, 1, 2, 3, 4, 7, 5, 1],
            ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "nmod", "pobj", "punct"],
            ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "ADP", "SYM", "NUM", "PUNCT"],
            ["Norvane", "expect", "earning", "per", "share", "of", "$", "3.68", "."],
        ),
        # "Norvane reported an adjusted EPS of $ 0.87 .": an abbreviation names a quantity per unit
        (
            ["Norvane", "reported", "an", "adjusted", "EPS", "of", "$", "0.87", "."],
            [1, 1, 4, 4, 1, 4, 7, 5, 1],
            ["nsubj", "ROOT", "det", "amod", "dobj", "prep", "nmod", "pobj", "punct"],
            ["PROPN", "VERB", "DET", "ADJ", "PROPN", "ADP", "SYM", "NUM", "PUNCT"],
            ["Norvane", "report", "an", "adjusted", "EPS", "of", "$", "0.87", "."],
        ),
    ],
)
def test_earnings_per_share_are_profit_a_share(words, heads, deps, pos, lemmas) -> None:
    doc = _doc(words, heads, deps, pos, lemmas)
    structure = figure_structure(doc[7], doc[7], None)
    assert (structure.quantity, structure.unit) == ("profit", "USD per share")


def test_a_noun_takes_a_range_after_between_as_its_value() -> None:
    # "forecasts , which expected an EPS between $ 3.87 and $ 3.93"
    doc = _doc(
        ["forecasts", ",", "which", "expected", "an", "EPS", "between", "$", "3.87", "and", "$", "3.93"],
        [0, 0, 3, 0, 5, 3, 5, 8, 6, 8, 11, 8],
        ["ROOT", "punct", "nsubj", "relcl", "det", "dobj", "prep", "nmod", "pobj", "cc", "nmod", "conj"],
        ["NOUN", "PUNCT", "PRON", "VERB", "DET", "PROPN", "ADP", "SYM", "NUM", "CCONJ", "SYM", "NUM"],
        ["forecast", ",", "which", "expect", "an", "EPS", "between", "$", "3.87", "and", "$", "3.93"],
    )
    assert figure_structure(doc[8], doc[8], None).quantity == "profit"


def test_a_value_on_a_named_noun_with_a_rate_below_it_is_that_quantity_a_unit() -> None:
    # "expects earnings per share ( EPS ) between $ 2.10 and $ 2.20": the value hangs on "earnings", the rate
    # ("per share") below it
    words = ["expects", "earnings", "per", "share", "(", "EPS", ")", "between", "$", "2.10", "and", "$", "2.20"]
    doc = _doc(
        words,
        [0, 0, 1, 2, 3, 3, 1, 1, 9, 7, 9, 12, 9],
        ["ROOT", "dobj", "prep", "pobj", "punct", "appos", "punct", "prep", "nmod", "pobj", "cc", "nmod", "conj"],
        ["VERB", "NOUN", "ADP", "NOUN", "PUNCT", "PROPN", "PUNCT", "ADP", "SYM", "NUM", "CCONJ", "SYM", "NUM"],
        ["expect", "earning", "per", "share", "(", "EPS", ")", "between", "$", "2.10", "and", "$", "2.20"],
    )
    structure = figure_structure(doc[9], doc[9], None)
    assert (structure.quantity, structure.unit) == ("profit", "USD per share")


@pytest.mark.parametrize(("verb", "lemma", "quantity"), [("ranging", "range", "revenue"), ("running", "run", None)])
def test_a_noun_spans_the_values_of_a_ranging_participle_on_it(verb, lemma, quantity) -> None:
    # "on revenue ranging from $ 33 billion to $ 34 billion": the participle hands its values to the noun; a
    # participle of another verb ("running from") hands it nothing
    words = ["on", "revenue", verb, "from", "$", "33", "billion", "to", "$", "34", "billion"]
    doc = _doc(
        words,
        [0, 0, 1, 2, 6, 6, 3, 6, 10, 10, 6],
        ["ROOT", "pobj", "acl", "prep", "quantmod", "compound", "pobj", "prep", "quantmod", "compound", "pobj"],
        ["ADP", "NOUN", "VERB", "ADP", "SYM", "NUM", "NUM", "ADP", "SYM", "NUM", "NUM"],
        ["on", "revenue", lemma, "from", "$", "33", "billion", "to", "$", "34", "billion"],
    )
    assert figure_structure(doc[6], doc[5], None).quantity == quantity


def test_a_statement_marked_as_made_before_holds_an_earlier_value() -> None:
    # "Its previous forecast was for revenue of $ 53.8 billion ."
    words = ["Its", "previous", "forecast", "was", "for", "revenue", "of", "$", "53.8", "billion", "."]
    heads = [2, 2, 3, 3, 3, 4, 5, 9, 9, 6, 3]
    deps = ["poss", "amod", "nsubj", "ROOT", "prep", "pobj", "prep", "quantmod", "compound", "pobj", "punct"]
    pos = ["PRON", "ADJ", "NOUN", "AUX", "ADP", "NOUN", "ADP", "SYM", "NUM", "NUM", "PUNCT"]
    lemmas = ["its", "previous", "forecast", "be", "for", "revenue", "of", "$", "53.8", "billion", "."]
    doc = _doc(words, heads, deps, pos, lemmas)
    assert figure_structure(doc[9], doc[8], None).prior
    # "Its latest forecast was for ...": no mark of an earlier statement
    lemmas[1] = words[1] = "latest"
    doc = _doc(words, heads, deps, pos, lemmas)
    assert not figure_structure(doc[9], doc[8], None).prior
    # "The previous reading was 5.4 %" is last month's value, not a statement revised: only statements count.
    words = ["The", "previous", "reading", "was", "5.4", "%"]
    doc = _doc(
        words,
        [2, 2, 3, 3, 5, 3],
        ["det", "amod", "nsubj", "ROOT", "nummod", "attr"],
        ["DET", "ADJ", "NOUN", "AUX", "NUM", "NOUN"],
        ["the", "previous", "reading", "be", "5.4", "%"],
    )
    assert not figure_structure(doc[4], doc[4], doc[5]).prior


# --- sentences of our own -------------------------------------------------------------------------------


def test_reported_earnings_per_share_differ_from_what_analysts_expected() -> None:
    report = analyze("Norvane reported an adjusted EPS of $0.87 for the quarter. Analysts had expected an EPS of $0.84.")
    assert len(report.conflicts) == 1
    assert figure_at(report, "0.84").source == "Analysts (anonymous)"


def test_a_forecast_differs_from_the_sources_previous_one() -> None:
    report = analyze(
        "Norvane now expects full-year revenue of between $51.5 billion and $52.5 billion. Its previous forecast "
        "was for revenue of $53.8 billion to $55 billion."
    )
    assert figure_at(report, "53.8").source == "Norvane"
    assert len(report.conflicts) == 1 and report.conflicts[0].newer


def test_the_same_quarter_a_year_earlier_is_another_period() -> None:
    report = analyze(
        "For the second quarter, Norvane reported revenue of $12.8 billion. A year earlier it reported revenue of "
        "$11.9 billion."
    )
    assert figure_at(report, "11.9").background
    assert report.conflicts == []
    # A change from a year earlier dates its starting point only.
    report = analyze(
        "Norvane's revenue rose 9% from a year earlier to $12.8 billion, the company said. Analysts had expected "
        "$12.5 billion."
    )
    assert len(report.conflicts) == 1


def test_a_consensus_estimate_and_a_figure_analysts_had_forecast_are_expectations() -> None:
    report = analyze("Delmont posted quarterly earnings per share of 62 cents, missing the consensus estimate of 70 cents.")
    assert len(report.conflicts) == 1
    report = analyze(
        "Revenue was $12.8 billion, up from $11.9 billion a year earlier, Norvane said, beating the $12.5 billion "
        "analysts had forecast."
    )
    assert figure_at(report, "12.5").counted is None
    assert len(report.conflicts) == 1


def test_a_sum_in_billions_is_no_expectation_of_earnings_a_share() -> None:
    report = analyze(
        "For the third quarter, Norvane is forecasting an adjusted EPS between $0.84 and $0.86, with revenue "
        "expected to be in the range of $12.1 billion to $12.3 billion."
    )
    assert figure_at(report, "12.1").unit == "USD"
    assert report.conflicts == []


def test_figures_of_one_forecast_are_no_result_against_it() -> None:
    report = analyze(
        "Norvane expects revenue between $4.1 billion and $4.3 billion in the third quarter and between $4.4 "
        "billion and $4.6 billion in the fourth."
    )
    assert report.conflicts == []


def test_a_total_moved_up_from_one_value_to_another_is_two_values_not_a_range() -> None:
    report = analyze(
        "Final results brought the number of customers affected up from 143 million to 145.5 million, Kelvar said."
    )
    assert [f.value for f in report.figures] == [143_000_000, 145_500_000]
    assert all(f.upper is None for f in report.figures)


def test_expectations_set_in_a_clause_on_them_are_the_forecasters_of_the_figures_pointed_at() -> None:
    report = analyze(
        "Kelvar reported second-quarter revenue of $4.1 billion, above analyst expectations of $4.0 billion. For "
        "the third quarter, Kelvar forecast an adjusted EPS between $1.10 and $1.14. These figures fall short of "
        "analyst expectations, which were set at an EPS of $1.25."
    )
    assert figure_at(report, "4.0 billion").source == "analysts (anonymous)"  # not one "analyst"
    expected = figure_at(report, "1.25")
    assert (expected.source, expected.period) == ("analysts (anonymous)", "Q3")
    assert sorted(len(c.figures) for c in report.conflicts) == [2, 2]


def test_two_accounting_bases_are_two_measures() -> None:
    report = analyze("Delmont reported diluted EPS of $1.45 and adjusted EPS of $1.62.")
    assert [f.value for f in report.figures] == [1.45, 1.62]
    assert report.conflicts == []
    # A basis named on one side only may be the same measure: "adjusted EPS of $0.87" against "an EPS of $0.84".
    report = analyze("Norvane reported an adjusted EPS of $0.87. Analysts had expected an EPS of $0.84.")
    assert len(report.conflicts) == 1


def test_a_results_story_sets_each_result_against_its_own_expectation() -> None:
    report = analyze(
        "The company now expects fiscal 2026 revenue of $14.2 billion to $14.5 billion, down from its previous "
        "forecast of $15 billion to $15.4 billion. Revenue in the third quarter rose 4 percent to $3.6 billion, "
        "compared with estimates of $3.8 billion. Excluding items, Norvane earned 91 cents per share, beating "
        "expectations of 88 cents."
    )
    assert figure_at(report, "14.2").period == "2026"  # the year the parser took for a count of revenue
    assert figure_at(report, "3.6").period == "Q3"  # "4 percent" names no time; the subject does
    assert figure_at(report, "3.8").period == "Q3"  # expected of the result it is compared with
    assert figure_at(report, "91").quantity == "profit"  # only a company earns a sum per share
    notes = sorted(c.note.split(":")[0] for c in report.conflicts)
    assert notes == ["profit (USD per share)", "revenue (USD), 2026", "revenue (USD), Q3"]


def test_guidance_with_no_owner_named_is_the_business_named_before() -> None:
    text = (
        "Halvorsen Systems cut its full-year forecast on Tuesday and said it would shed 4% of its staff. The revised "
        "full-year outlook now anticipates adjusted earnings per share (EPS) between $2.10 and $2.20. This is below "
        "the previous outlook, which anticipated an adjusted EPS between $2.40 and $2.50."
    )
    report = analyze(text)
    revised, previous = figure_at(report, "2.10"), figure_at(report, "2.40")
    assert (revised.source, revised.period, revised.unit) == ("Halvorsen Systems", "full-year", "USD per share")
    assert previous.source == "Halvorsen Systems"
    # the earlier outlook's value, which the revised one replaces
    assert len(report.conflicts) == 1 and report.conflicts[0].newer
    # Forecasts are analysts' as often as a company's: with no owner named, no one is made to give them.
    report = analyze(text.replace("the previous outlook", "previous forecasts"))
    assert not figure_at(report, "2.40").comparable
    assert report.conflicts == []


def test_it_stands_for_no_plural_source_and_a_forecast_beside_a_result_leaves_the_result_a_result() -> None:
    report = analyze(
        "Marbania's unemployment rate rose to 6.4 percent in March, the national statistics office said, higher "
        "than the 6.2 percent economists polled by Reuters had expected. The office also revised February's rate "
        "up from the 6.0 percent it first reported. Employers cut 18,000 jobs in March, the office said, while "
        "economists had forecast a gain of 5,000."
    )
    assert figure_at(report, "6.0").source == "national statistics office"  # "it", not "economists"
    assert figure_at(report, "18,000").status is None  # the forecast is the economists', in a clause of its own
    assert figure_at(report, "5,000").status == "forecast"


def test_an_expectation_on_the_sentences_basis_takes_the_results_period() -> None:
    report = analyze(
        "Marenia's economy grew 1.9 percent year on year in the third quarter, the statistics office said on "
        "Friday, faster than the 1.5 percent expected by economists in a Reuters poll."
    )
    assert figure_at(report, "1.5").period == figure_at(report, "1.9").period == "Q3, year on year"
    assert len(report.conflicts) == 1


def test_a_revised_quarter_named_on_what_is_revised_and_a_contraction_from_the_previous_quarter() -> None:
    report = analyze(
        "Marbania's economy contracted by 0.3 percent in the third quarter from the previous three months, "
        "official data showed. Economists polled by Reuters had forecast growth of 0.2 percent in the third "
        "quarter. The statistics office also revised second-quarter growth down to 0.1 percent from an initial "
        "estimate of 0.4 percent."
    )
    assert figure_at(report, "0.1").period == figure_at(report, "0.4").period == "Q2"
    assert not figure_at(report, "0.3").background  # "the previous three months" are the change's baseline
    # The second quarter's revision is not set against the third quarter's forecast.
    assert all(
        {report.figures[i].period for i in conflict.figures} in ({"Q2"}, {"Q3"}) for conflict in report.conflicts
    )
